"""Pickup lockers (智能文件柜): a serial lock-board driver, its protocol and a simulator.

- :mod:`devices.lockers.protocol` — the frame format and checksum.
- :mod:`devices.lockers.board` — :class:`~devices.lockers.board.Locker`,
  :class:`~devices.lockers.board.SerialLockBoard`, the typed errors.
- :mod:`devices.lockers.simulator` — a board on a pseudo-terminal (tests, demo).
"""
