"""The scanner contract every source implements, and its typed failure."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from core.errors import DeviceUnavailable
from core.scan import ScanEvent

ScanCallback = Callable[[ScanEvent], None]
"""Receives each accepted scan. May be called from a device thread: the Qt
:class:`widgets.scan_bridge.ScanRouter` marshals it onto the GUI thread."""


class ScannerUnavailable(DeviceUnavailable):
    """A scanner cannot be used: device or library missing, port gone.

    Raised at construction so the composition root can hide 扫码办事 and tell staff.

    Args:
        reason: plain-language Chinese text saying what is wrong and what to do.
    """

    def __init__(self, reason: str) -> None:
        super().__init__("scanner", reason)


class ScannerState(StrEnum):
    """Coarse health, as shown to staff."""

    STOPPED = "stopped"
    READY = "ready"
    DISCONNECTED = "disconnected"  # was working, now gone; reconnecting
    FAULT = "fault"  # the device reports an error it will not recover from alone


@dataclass(frozen=True, slots=True)
class ScannerHealth:
    """A snapshot of one scanner's health.

    Attributes:
        device_id: the configured id.
        state: see :class:`ScannerState`.
        since: when the state last changed (aware datetime).
        problem: Chinese text for staff when not ``READY``, else empty.
        accepted: scans delivered since start.
        rejected: inputs thrown away as unusable since start.
        dropped_frames: camera frames skipped because the decoder was busy.
    """

    device_id: str
    state: ScannerState
    since: _dt.datetime
    problem: str = ""
    accepted: int = 0
    rejected: int = 0
    dropped_frames: int = 0


@runtime_checkable
class Scanner(Protocol):
    """A source of :class:`ScanEvent`.

    ``start`` begins delivering accepted, debounced scans to ``on_scan`` until
    ``stop``. Implementations raise :class:`ScannerUnavailable` from their constructor
    when the device or its library is missing.
    """

    @property
    def device_id(self) -> str:
        """The configured id of this scanner."""
        ...

    def start(self, on_scan: ScanCallback) -> None:
        """Begin delivering scans (idempotent)."""
        ...

    def stop(self) -> None:
        """Stop delivering scans and release the device (idempotent)."""
        ...

    def health(self) -> ScannerHealth:
        """The current health snapshot."""
        ...
