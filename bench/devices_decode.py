"""QR decode cost per 720p camera frame and the share of hard frames decoded.

Run: ``python -m bench.devices_decode``. Prints, for the same generated frames in the
same run: the baseline (pyzbar on the frame as is, no preprocessing) and the camera
decoder (texture check, fallbacks, 20 ms budget, strategies resumed across frames).
Budget: ≤ 20 ms per 720p frame (DESIGN.md).

Three sets of frames:

- the hard frames (the test generator's eleven classes and four harder ones), each
  fed six times in a row as a camera would; a frame counts as decoded if any of its
  six decodes found the code (the debouncer needs two anyway);
- plain frames without a code (the generator's clutter, twenty layouts), fed in a
  row: what a kiosk camera sees most of the day;
- the same plain frames with camera noise of σ 3 and σ 8 grey levels (a dim hall).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Sequence

from PIL import Image, ImageChops, ImageFilter, ImageOps

from devices.scanners.decode import CAMERA_STRATEGIES, BarcodeDecoder, load_zbar
from tests.helpers.scanner import RESIDENT_CODE, blank_frame, embed, hard_frames, qr_image

BUDGET = 0.02
PLAIN_FRAMES = 20


def _extra_hard() -> list[tuple[str, Image.Image]]:
    return [
        ("blur_3.5px", embed(qr_image()).filter(ImageFilter.GaussianBlur(3.5))),
        ("contrast_16", embed(qr_image().point(lambda v: 120 + v * 16 // 255))),
        ("small_inverted", embed(ImageOps.invert(qr_image(module=2)))),
        ("small_blur", embed(qr_image(module=2)).filter(ImageFilter.GaussianBlur(1))),
    ]


def _with_noise(frame: Image.Image, sigma: float, seed: int) -> Image.Image:
    random.seed(seed)
    noise = Image.effect_noise(frame.size, sigma)
    return ImageChops.add(frame, noise, scale=1.0, offset=-128)


def _stats(times: Sequence[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{statistics.median(ordered):5.1f} {p95:6.1f} {ordered[-1]:6.1f}"


def _baseline_ms(zbar: object, frame: Image.Image) -> tuple[float, bool]:
    start = time.perf_counter()
    found = [r.data.decode() for r in zbar.decode(frame)]  # type: ignore[attr-defined]
    return (time.perf_counter() - start) * 1000, found == [RESIDENT_CODE]


def _camera(decoder: BarcodeDecoder, frame: Image.Image) -> tuple[float, float, bool]:
    """(wall ms, CPU ms, found) of one camera decode."""
    cpu = time.process_time()
    outcome = decoder.decode(frame)
    cpu_ms = (time.process_time() - cpu) * 1000
    found = any(s.text == RESIDENT_CODE for s in outcome.symbols)
    return outcome.seconds * 1000, cpu_ms, found


def _row(label: str, wall: Sequence[float], cpu: Sequence[float], bare: Sequence[float]) -> str:
    return f"{label:26} {_stats(wall):>20}  {_stats(cpu):>20}  {_stats(bare):>20}\n"


def main() -> int:
    zbar = load_zbar()
    frames = [(hf.name, hf.frame) for hf in hard_frames()] + _extra_hard()
    out = sys.stdout
    out.write(f"{'frame':16} {'baseline':>14} {'camera (≤6 frames)':>22} {'ms/frame p50':>13}\n")
    base_ok = cam_ok = 0
    base_times: list[float] = []
    wall_times: list[float] = []
    cpu_times: list[float] = []
    for name, frame in frames:
        base_ms, base = _baseline_ms(zbar, frame)
        decoder = BarcodeDecoder(strategies=CAMERA_STRATEGIES, budget=BUDGET)
        times, found = [], False
        for _ in range(len(CAMERA_STRATEGIES)):
            wall, cpu, hit = _camera(decoder, frame)
            times.append(wall)
            cpu_times.append(cpu)
            found = found or hit
        wall_times += times
        base_times.append(base_ms)
        base_ok += base
        cam_ok += found
        out.write(
            f"{name:16} {('yes' if base else 'no'):>6} {base_ms:6.1f}ms "
            f"{('yes' if found else 'no'):>22} {statistics.median(times):13.1f}\n"
        )
    n = len(frames)
    out.write(
        f"\ndecoded: baseline {base_ok}/{n} ({base_ok / n:.0%}), camera {cam_ok}/{n} "
        f"({cam_ok / n:.0%})\n\n"
    )
    out.write(
        f"{'ms per 720p frame':26} {'camera wall':>20}  {'camera CPU':>20}  "
        f"{'baseline wall':>20}\n{'(budget 20 ms)':26}" + f"{'p50    p95    max':>21}" * 3 + "\n"
    )
    out.write(_row("hard frames, with a code", wall_times, cpu_times, base_times))
    plain = [blank_frame(seed) for seed in range(PLAIN_FRAMES)]
    for label, set_ in (
        ("plain frames, no code", plain),
        ("plain + camera noise σ3", [_with_noise(f, 3, i) for i, f in enumerate(plain)]),
        ("plain + camera noise σ8", [_with_noise(f, 8, i) for i, f in enumerate(plain)]),
    ):
        decoder = BarcodeDecoder(strategies=CAMERA_STRATEGIES, budget=BUDGET)
        ours = [_camera(decoder, f) for f in set_]
        bare = [_baseline_ms(zbar, f)[0] for f in set_]
        out.write(_row(label, [o[0] for o in ours], [o[1] for o in ours], bare))
    return 0


if __name__ == "__main__":
    sys.exit(main())
