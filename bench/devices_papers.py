"""Time to lay out each paper, beside a same-run baseline.

Budget (DESIGN.md): a receipt PDF in ≤ 15 ms. The baseline is the least any paper can
cost here: one reportlab page with one line of Chinese in the same embedded font (font
subsetting and PDF writing included), so the ratio shows what our layout adds.

Run: ``python -m bench.devices_papers [--rounds N]``.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from documents.fonts import FontSet
from documents.layout import PaperSize
from documents.maker import PaperMaker
from documents.papers import PickupMethod
from documents.verification import VerificationKey
from tests.documents import samples

RECEIPT_BUDGET_MS = 15.0


def _timed(work: Callable[[], object], rounds: int) -> tuple[float, float]:
    """(median, p95) in milliseconds after two warm-up runs."""
    work()
    work()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args(argv)
    fonts = FontSet()
    maker = PaperMaker(fonts=fonts, key=VerificationKey("bench", b"bench-secret-0123456789"))

    def baseline() -> bytes:
        buf = io.BytesIO()
        canvas = Canvas(buf, pagesize=(80 * 72 / 25.4, 200), invariant=True)
        canvas.setFont(fonts.hei, 10)
        canvas.drawString(10, 100, "受理凭证 食品经营许可证核发 3710022503170012")
        canvas.showPage()
        canvas.save()
        return buf.getvalue()

    r80 = PaperSize.RECEIPT_80MM
    a4 = PaperSize.A4
    original = maker.acceptance(samples.acceptance()).pdf
    papers: list[tuple[str, bool, Callable[[], object]]] = [
        ("受理凭证 80mm", True, lambda: maker.acceptance(samples.acceptance(), size=r80)),
        ("取号小票 80mm", True, lambda: maker.ticket(samples.ticket(green="老年人"))),
        ("取件凭条 80mm", True, lambda: maker.pickup(samples.pickup())),
        ("办件进度单 80mm", True, lambda: maker.progress(samples.progress(), size=r80)),
        ("受理凭证 A4", False, lambda: maker.acceptance(samples.acceptance(), size=a4)),
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
    base_median, base_p95 = _timed(baseline, args.rounds)
    out = sys.stdout
    out.write(
        f"baseline: one-line CJK page, same font   median {base_median:6.2f} ms  "
        f"p95 {base_p95:6.2f} ms\n"
    )
    out.write(f"{'paper':<28}{'median ms':>10}{'p95 ms':>10}{'× baseline':>12}  budget\n")
    for name, is_receipt, work in papers:
        median, p95 = _timed(work, args.rounds)
        verdict = ""
        if is_receipt:
            verdict = "ok" if p95 <= RECEIPT_BUDGET_MS else f"OVER {RECEIPT_BUDGET_MS:.0f} ms"
        out.write(
            f"{name:<28}{median:>10.2f}{p95:>10.2f}{median / base_median:>12.1f}  {verdict}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
