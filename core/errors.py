"""The error taxonomy shared by every layer.

Callers decide what to do by the *type* of an error, never by its text:

- :class:`UserCancelled` — the person backed out; ignore it.
- :class:`UserFacingError` — a rule the person broke or a state they must know about;
  its ``message`` is written for them (translated by the UI) and safe to show.
- :class:`EnvironmentProblem` — the world is not as it should be (offline, disk full,
  printer out of paper). Not our bug; show it, alert staff, retry later.
- anything else is a bug: log it, write a crash report, return to a safe screen.

Library errors are translated into these at the boundary where they occur.

Text for people is written in Chinese with :func:`msg`, never with an f-string::

    raise ValidationFailed(msg("密码至少需要{min}位", min=8), code="password.short")

The result is the filled-in Chinese string (so logs, JSON and comparisons see plain
text), and it remembers its template and values: the UI looks the template up in the
``Errors`` translation context and fills the translated template with the same values
(``widgets.i18n.error_text``). ``scripts/error_texts.py`` collects every template into
``resources/i18n/errors_en.ts``; a test keeps each one translated.
"""

from __future__ import annotations

from collections.abc import Mapping


class Msg(str):
    """Chinese text for a person that remembers the template it was filled from.

    It *is* the filled-in string; ``template`` and ``params`` let the UI translate it.
    Build one with :func:`msg`.
    """

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object]) -> Msg:
        text = super().__new__(cls, template.format_map(params))
        text.template = template
        text.params = dict(params)
        return text

    def __reduce__(self) -> tuple[object, tuple[str, dict[str, object]]]:
        return (Msg, (self.template, dict(self.params)))


def msg(template: str, /, **params: object) -> Msg:
    """Mark Chinese text shown to a person as translatable and fill its placeholders.

    Args:
        template: a string literal in Chinese with ``{name}`` placeholders (literal
            braces doubled, as in :meth:`str.format`). Always a literal, so the
            template collector can find it.
        **params: the values for the placeholders.

    Returns:
        The filled-in text, carrying ``template`` and ``params`` for translation.

    Example:
        ``msg("还需 {days} 个工作日", days=3)`` → ``"还需 3 个工作日"``
    """
    return Msg(template, params)


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
