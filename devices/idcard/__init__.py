"""Second-generation ID-card readers (二代证阅读器).

- :mod:`devices.idcard.sam` — the SAM module's serial frames and the card text layout.
- :mod:`devices.idcard.reader` — :class:`~devices.idcard.reader.IdCardReader`,
  :class:`~devices.idcard.reader.IdCardData`, the SAM serial reader, typed errors.
- :mod:`devices.idcard.simulator` — a SAM on a pseudo-terminal (tests, demo).
"""
