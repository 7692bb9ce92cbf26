"""Scanners: every source (keyboard wedge, serial, camera) delivers :class:`core.scan.ScanEvent`.

- :mod:`devices.scanners.base` — the :class:`Scanner` protocol, health, and
  :class:`ScannerUnavailable`.
- :mod:`devices.scanners.decode` — zbar decoding with preprocessing fallbacks.
- :mod:`devices.scanners.serial_port` — line-based serial scanners (pyserial).
- :mod:`devices.scanners.camera` — the kiosk camera (QtMultimedia) and its decoding
  pipeline.

The keyboard wedge is not a device object: it arrives as key events and is handled
by :mod:`widgets.scan_bridge`.
"""
