"""An ID-card reader's SAM module simulated on a pseudo-terminal (tests and the demo).

Speaks :mod:`devices.idcard.sam`; a test or the demo places a card with
:meth:`SamSimulator.place` and removes it with :meth:`SamSimulator.remove`.
``python -m devices.idcard.simulator`` prints the pty path and serves a demo card.
"""

from __future__ import annotations

import os
import select
import sys
import threading
import tty

from devices.idcard import sam


class SamSimulator:
    """A SAM behind a pty. ``card`` is the text fields of the card on it (or None)."""

    def __init__(self) -> None:
        self.card: dict[str, str] | None = None
        self.photo = bytes(sam.PHOTO_SIZE)
        self.silent = False
        self.fail_read = False
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        tty.setraw(self.master)
        self.path = os.ttyname(self._slave)
        self._buf = bytearray()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="sam-sim", daemon=True)
        self._thread.start()

    def place(self, **fields: str) -> None:
        self.card = dict(fields)

    def remove(self) -> None:
        self.card = None

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        os.close(self.master)
        os.close(self._slave)

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                self._buf += os.read(self.master, 4096)
            except OSError:
                return
            self._drain()

    def _drain(self) -> None:
        while True:
            start = self._buf.find(sam.PREAMBLE)
            if start < 0 or len(self._buf) < start + 7:
                return
            del self._buf[:start]
            length = self._buf[5] << 8 | self._buf[6]
            if len(self._buf) < 7 + length:
                return
            head, rest = bytes(self._buf[5:7]), bytes(self._buf[7 : 7 + length])
            del self._buf[: 7 + length]
            try:
                body = sam.parse_body(head, rest)
            except sam.SamFrameError:
                answer = sam.reply(sam.Sw3.CHECKSUM_ERROR)
            else:
                answer = self._answer(body[0], body[1])
            if not self.silent:
                os.write(self.master, answer)

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
    sim = SamSimulator()
    sim.place(**DEMO_CARD)
    sys.stdout.write(f"{sim.path}\n")
    sys.stdout.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sim.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
