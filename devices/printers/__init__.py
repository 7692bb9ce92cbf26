"""Printers: every paper is a PDF; a backend puts it on paper.

- :mod:`devices.printers.base` — the :class:`~devices.printers.base.Printer` protocol,
  :class:`~devices.printers.base.PrinterStatus` and
  :class:`~devices.printers.base.PrinterUnavailable`.
- :mod:`devices.printers.cups` — any printer the system's CUPS knows (IPP).
- :mod:`devices.printers.qt` — printers Qt sees (QPrinter, pages rasterised by QtPdf).
- :mod:`devices.printers.escpos` — 80 mm thermal receipt printers, raster ESC/POS.
- :mod:`devices.printers.folder` — PDF files in a directory (archive, demo).

Jobs are made durable by :class:`sync.print_queue.PrintQueue`.
"""
