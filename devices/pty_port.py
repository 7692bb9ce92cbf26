"""The device end of a pseudo-terminal pair, for the simulators of serial hardware.

A simulated ID-card SAM or locker board is opened by the real adapter exactly as the
hardware's serial port would be (:attr:`PtyPort.path`); the simulator reads what the
adapter wrote on a thread of its own and writes its replies back::

    port = PtyPort(name="lockboard-sim", received=self._drain)  # last, in __init__
    ...
    def _drain(self, buffer: bytearray) -> None:  # on the port's thread
        ...consume whole frames from buffer, port.write(reply) for each...

``python -m`` entry points of the simulators print the path and serve with
:func:`serve_until_stopped`.
"""

from __future__ import annotations

import logging
import os
import select
import signal
import sys
import threading
import tty
from collections.abc import Callable

log = logging.getLogger(__name__)

POLL_S = 0.05
"""How often the serving thread looks whether it should stop."""


class PtyPort:
    """A raw pseudo-terminal pair whose device end is served on a daemon thread.

    Args:
        name: the serving thread's name.
        received: called on that thread after each read with every byte not yet
            consumed; it deletes what it consumed from the buffer (a partial frame
            stays for the next read) and answers with :meth:`write`.
    """

    def __init__(self, *, name: str, received: Callable[[bytearray], None]) -> None:
        self._received = received
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        tty.setraw(self.master)
        self.path = os.ttyname(self._slave)
        """What the adapter opens as its serial port."""
        self._buffer = bytearray()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def write(self, data: bytes) -> None:
        """Send ``data`` to the adapter."""
        os.write(self.master, data)

    def close(self) -> None:
        """Stop serving and close both ends."""
        self._stop.set()
        self._thread.join(5)
        os.close(self.master)
        os.close(self._slave)

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], POLL_S)
            if not ready:
                continue
            try:
                self._buffer += os.read(self.master, 4096)
            except OSError:
                return  # closed under us
            self._received(self._buffer)


def serve_until_stopped(path: str, close: Callable[[], None]) -> int:
    """Print ``path`` for the adapter's settings, then serve until Ctrl-C or SIGTERM.

    Returns:
        The exit status (0).
    """
    done = threading.Event()
    # Before the path goes out: whoever reads it may send SIGTERM at once.
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    sys.stdout.write(f"{path}\n")
    sys.stdout.flush()
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    finally:
        close()
        log.info("simulator on %s stopped", path)
    return 0
