"""The error taxonomy shared by every layer.

Callers decide what to do by the *type* of an error, never by its text:

- :class:`UserCancelled` — the person backed out; ignore it.
- :class:`UserFacingError` — a rule the person broke or a state they must know about;
  its ``message`` is written for them (translated by the UI) and safe to show.
- :class:`EnvironmentProblem` — the world is not as it should be (offline, disk full,
  printer out of paper). Not our bug; show it, alert staff, retry later.
- anything else is a bug: log it, write a crash report, return to a safe screen.

Library errors are translated into these at the boundary where they occur.
"""

from __future__ import annotations


class GovtermError(Exception):
    """Base of every error this project raises on purpose."""


class UserCancelled(GovtermError):
    """The person cancelled; nothing to report."""


class UserFacingError(GovtermError):
    """An error whose message is meant for the person at the screen.

    Args:
        message: plain-language Chinese text (the UI passes it through translation).
        code: a stable machine-readable code, for tests and for translation lookups.
        params: named values for the message's placeholders.
    """

    def __init__(self, message: str, *, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = params


class ValidationFailed(UserFacingError):
    """Input that does not meet the rules (a bad ID number, a malformed code …)."""


class IllegalTransition(UserFacingError):
    """A case was asked to move to a state its current state does not allow."""


class EnvironmentProblem(GovtermError):
    """Something outside the program is not working (network, disk, device)."""


class Offline(EnvironmentProblem):
    """The gateway cannot be reached."""


class DeviceUnavailable(EnvironmentProblem):
    """A device is missing, faulty or out of supplies.

    Args:
        device: the device kind, e.g. ``"printer"``, ``"scanner"``, ``"locker"``.
        reason: plain-language Chinese text saying what is wrong and what to do.
    """

    def __init__(self, device: str, reason: str) -> None:
        super().__init__(f"{device}: {reason}")
        self.device = device
        self.reason = reason


class NotPermitted(UserFacingError):
    """The person's role does not allow the action (e.g. a clerk alone rejecting a case)."""


class PrintFailed(DeviceUnavailable):
    """One print job did not come out.

    Printers raise it; the durable print queue (``sync.print_queue``) decides from
    ``transient`` whether to retry later or to fail the job for staff.

    Args:
        reason: Chinese text for staff saying what is wrong and what to do.
        transient: True when trying again later may succeed without anyone acting
            (printer briefly offline); False when a person must act first (paper out,
            jam, cover open).
    """

    def __init__(self, reason: str, *, transient: bool) -> None:
        super().__init__("printer", reason)
        self.transient = transient
