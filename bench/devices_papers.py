"""Time to lay out each paper, beside a same-run baseline.

Budget (DESIGN.md): a receipt PDF in ≤ 15 ms. The baseline is the least any paper can
cost here: one reportlab page with one line of Chinese in the same font file, loaded
as a stock reportlab ``TTFont`` (font subsetting and PDF writing included, no cache),
so the ratio shows what our layout adds and what our caching saves.

Papers keep their embedded font subsets in a per-process cache keyed by the set of
characters, so a paper repeated with the same text (the rows without a mark) reuses
them. Rows marked "new chars" change the applicant's name and the item's name in
every round to characters no earlier paper had: every subset is built and deflated,
as for the first paper of its kind after a start.

Run: ``python -m bench.devices_papers [--rounds N]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import sys
import time
from collections.abc import Callable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from documents.fonts import FontSet
from documents.layout import PaperSize
from documents.maker import PaperMaker
from documents.papers import AcceptancePaper, PickupMethod, TicketPaper
from documents.verification import VerificationKey
from tests.documents import samples

RECEIPT_BUDGET_MS = 15.0

# Common hanzi in code-point order, handed out a few at a time so that every "new
# chars" round prints characters no earlier round printed.
_FRESH = iter(chr(c) for c in range(0x4E00, 0x9FA5) if chr(c) not in "〓")


def _fresh(n: int, fonts: FontSet) -> str:
    out = ""
    while len(out) < n:
        char = next(_FRESH)
        if fonts.covers(fonts.hei, char) and fonts.covers(fonts.song, char):
            out += char
    return out


def _new_chars_acceptance(fonts: FontSet) -> AcceptancePaper:
    paper = samples.acceptance()
    applicant = dataclasses.replace(paper.applicant, name=_fresh(3, fonts))
    return dataclasses.replace(
        paper, applicant=applicant, item_name=_fresh(6, fonts) + "许可证核发"
    )


def _new_chars_ticket(fonts: FontSet) -> TicketPaper:
    return dataclasses.replace(samples.ticket(green="老年人"), business=_fresh(4, fonts))


def _timed(work: Callable[[], object], rounds: int) -> tuple[float, float, float]:
    """(median, p95, median CPU) in milliseconds after two warm-up runs.

    CPU time is printed beside wall time because the shared box is often loaded: wall
    time then includes waiting for a core, CPU time is what the paper itself costs.
    """
    work()
    work()
    times = []
    cpu = []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        cpu.append((time.process_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return (
        statistics.median(times),
        times[min(len(times) - 1, int(len(times) * 0.95))],
        statistics.median(cpu),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args(argv)
    fonts = FontSet()
    maker = PaperMaker(fonts=fonts, key=VerificationKey("bench", b"bench-secret-0123456789"))

    hei = fonts.files[fonts.hei]
    plain = TTFont("bench-plain-hei", str(hei.path), subfontIndex=hei.index)
    # reportlab hands back the first font registered for a face name: rename this
    # face so the baseline really is stock reportlab, not our cached font.
    plain.face.name += b"-bench"
    pdfmetrics.registerFont(plain)

    def baseline() -> bytes:
        buf = io.BytesIO()
        canvas = Canvas(buf, pagesize=(80 * 72 / 25.4, 200), invariant=True)
        canvas.setFont("bench-plain-hei", 10)
        canvas.drawString(10, 100, "受理凭证 食品经营许可证核发 3710022503170012")
        canvas.showPage()
        canvas.save()
        return buf.getvalue()

    r80 = PaperSize.RECEIPT_80MM
    a4 = PaperSize.A4
    original = maker.acceptance(samples.acceptance()).pdf
    papers: list[tuple[str, bool, Callable[[], object]]] = [
        ("受理凭证 80mm", True, lambda: maker.acceptance(samples.acceptance(), size=r80)),
        (
            "受理凭证 80mm, new chars",
            True,
            lambda: maker.acceptance(_new_chars_acceptance(fonts), size=r80),
        ),
        ("取号小票 80mm", True, lambda: maker.ticket(samples.ticket(green="老年人"))),
        ("取号小票 80mm, new chars", True, lambda: maker.ticket(_new_chars_ticket(fonts))),
        ("取件凭条 80mm", True, lambda: maker.pickup(samples.pickup())),
        ("办件进度单 80mm", True, lambda: maker.progress(samples.progress(), size=r80)),
        ("受理凭证 A4", False, lambda: maker.acceptance(samples.acceptance(), size=a4)),
        (
            "受理凭证 A4, new chars",
            False,
            lambda: maker.acceptance(_new_chars_acceptance(fonts), size=a4),
        ),
        ("一次性告知书 A4", False, lambda: maker.correction(samples.correction())),
        ("一次性告知书 A4, 40 项", False, lambda: maker.correction(samples.correction(40))),
        ("不予受理通知书 A4", False, lambda: maker.rejection(samples.rejection())),
        ("容缺受理通知书 A4", False, lambda: maker.pending(samples.pending())),
        ("告知承诺书 A4", False, lambda: maker.commitment(samples.commitment())),
        ("材料移交清单 A4", False, lambda: maker.handover(samples.handover(5))),
        (
            "出件签收单 A4",
            False,
            lambda: maker.pickup(samples.pickup(PickupMethod.WINDOW), size=a4),
        ),
        ("办件进度单 A4", False, lambda: maker.progress(samples.progress())),
        (
            "结果文书盖章 (2 页)",
            False,
            lambda: maker.print_result_document(original, stamp=samples.result_stamp()),
        ),
    ]
    base_median, base_p95, base_cpu = _timed(baseline, args.rounds)
    out = sys.stdout
    out.write(
        f"baseline: one-line CJK page, same font   median {base_median:6.2f} ms  "
        f"p95 {base_p95:6.2f} ms  CPU {base_cpu:6.2f} ms\n"
    )
    out.write(
        f"{'paper':<28}{'median ms':>10}{'p95 ms':>10}{'CPU ms':>9}{'× baseline':>12}  budget\n"
    )
    for name, is_receipt, work in papers:
        median, p95, cpu = _timed(work, args.rounds)
        verdict = ""
        if is_receipt:
            verdict = "ok" if p95 <= RECEIPT_BUDGET_MS else f"OVER {RECEIPT_BUDGET_MS:.0f} ms"
        out.write(
            f"{name:<28}{median:>10.2f}{p95:>10.2f}{cpu:>9.2f}"
            f"{median / base_median:>12.1f}  {verdict}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
