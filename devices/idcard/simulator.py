"""An ID-card reader's SAM module simulated on a pseudo-terminal (tests and the demo).

Speaks :mod:`devices.idcard.sam`; a test or the demo places a card with
:meth:`SamSimulator.place` and removes it with :meth:`SamSimulator.remove`.
``python -m devices.idcard.simulator`` prints the pty path and serves a demo card.
"""

from __future__ import annotations

import sys

from devices.idcard import sam
from devices.pty_port import PtyPort, serve_until_stopped


class SamSimulator:
    """A SAM behind a pty. ``card`` is the text fields of the card on it (or None)."""

    def __init__(self) -> None:
        self.card: dict[str, str] | None = None
        self.photo = bytes(sam.PHOTO_SIZE)
        self.silent = False
        self.fail_read = False
        self._port = PtyPort(name="sam-sim", received=self._drain)
        self.path = self._port.path

    def place(self, **fields: str) -> None:
        self.card = dict(fields)

    def remove(self) -> None:
        self.card = None

    def close(self) -> None:
        self._port.close()

    def _drain(self, buf: bytearray) -> None:
        while True:
            start = buf.find(sam.PREAMBLE)
            if start < 0 or len(buf) < start + 7:
                return
            del buf[:start]
            length = buf[5] << 8 | buf[6]
            if len(buf) < 7 + length:
                return
            head, rest = bytes(buf[5:7]), bytes(buf[7 : 7 + length])
            del buf[: 7 + length]
            try:
                body = sam.parse_body(head, rest)
            except sam.SamFrameError:
                answer = sam.reply(sam.Sw3.CHECKSUM_ERROR)
            else:
                answer = self._answer(body[0], body[1])
            if not self.silent:
                self._port.write(answer)

    def _answer(self, cmd: int, para: int) -> bytes:
        if (cmd, para) == sam.SAM_STATUS:
            return sam.reply(sam.Sw3.OK)
        if (cmd, para) == sam.FIND:
            return sam.reply(sam.Sw3.FOUND if self.card else sam.Sw3.NOT_FOUND, bytes(4))
        if (cmd, para) == sam.SELECT:
            return sam.reply(sam.Sw3.OK if self.card else sam.Sw3.SELECT_FAILED, bytes(8))
        if (cmd, para) == sam.READ_BASE:
            if self.card is None or self.fail_read:
                return sam.reply(sam.Sw3.READ_FAILED)
            text = sam.encode_text(self.card)
            return sam.reply(sam.Sw3.OK, sam.read_payload(text, self.photo))
        return sam.reply(sam.Sw3.BAD_COMMAND)


DEMO_CARD = {
    "name": "张三",
    "gender": "1",
    "ethnicity": "01",
    "birth": "19900101",
    "address": "山东省威海市环翠区新威路1号",
    "id_number": "371002199001011237",
    "issuer": "威海市公安局环翠分局",
    "valid_from": "20200101",
    "valid_until": "20400101",
}
"""A made-up card (valid check character, not a real person) for the demo."""


def main() -> int:
    """Serve the demo card until interrupted; prints the pty path first."""
    sim = SamSimulator()
    sim.place(**DEMO_CARD)
    return serve_until_stopped(sim.path, sim.close)


if __name__ == "__main__":
    sys.exit(main())
