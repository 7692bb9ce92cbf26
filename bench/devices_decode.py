"""QR decode cost per 720p camera frame and the share of hard frames decoded.

Run: ``python -m bench.devices_decode``. Prints, for the same generated frames in the
same run: the baseline (pyzbar on the frame as is, no preprocessing) and the camera
decoder (fallbacks, 20 ms budget, strategies resumed across frames). Budget: ≤ 20 ms
per 720p frame (DESIGN.md).
"""

from __future__ import annotations

import statistics
import sys
import time

from PIL import ImageFilter, ImageOps

from devices.scanners.decode import CAMERA_STRATEGIES, BarcodeDecoder, load_zbar
from tests.helpers.scanner import RESIDENT_CODE, blank_frame, embed, hard_frames, qr_image

ROUNDS = 5


def _extra_hard() -> list[tuple[str, object]]:
    return [
        ("blur_3.5px", embed(qr_image()).filter(ImageFilter.GaussianBlur(3.5))),
        ("contrast_16", embed(qr_image().point(lambda v: 120 + v * 16 // 255))),
        ("small_inverted", embed(ImageOps.invert(qr_image(module=2)))),
        ("small_blur", embed(qr_image(module=2)).filter(ImageFilter.GaussianBlur(1))),
    ]


def main() -> int:
    zbar = load_zbar()
    frames = [(hf.name, hf.frame) for hf in hard_frames()] + _extra_hard()
    print(f"{'frame':16} {'baseline':>14} {'camera (≤6 frames)':>22} {'ms/frame p50':>13}")
    base_ok = cam_ok = 0
    all_times: list[float] = []
    for name, frame in frames:
        start = time.perf_counter()
        base = [r.data.decode() for r in zbar.decode(frame)] == [RESIDENT_CODE]
        base_ms = (time.perf_counter() - start) * 1000
        decoder = BarcodeDecoder(strategies=CAMERA_STRATEGIES, budget=0.02)
        times, found = [], False
        for _ in range(len(CAMERA_STRATEGIES)):
            outcome = decoder.decode(frame)  # type: ignore[arg-type]
            times.append(outcome.seconds * 1000)
            found = found or any(s.text == RESIDENT_CODE for s in outcome.symbols)
        all_times += times
        base_ok += base
        cam_ok += found
        print(f"{name:16} {('yes' if base else 'no'):>6} {base_ms:6.1f}ms "
              f"{('yes' if found else 'no'):>22} {statistics.median(times):13.1f}")
    empty = BarcodeDecoder(strategies=CAMERA_STRATEGIES, budget=0.02)
    empty_ms = [empty.decode(blank_frame(i)).seconds * 1000 for i in range(ROUNDS)]
    n = len(frames)
    print(f"\ndecoded: baseline {base_ok}/{n} ({base_ok / n:.0%}), camera {cam_ok}/{n} "
          f"({cam_ok / n:.0%})")
    print(f"camera ms/frame: p50 {statistics.median(all_times):.1f}, "
          f"max {max(all_times):.1f}; empty frame p50 {statistics.median(empty_ms):.1f} "
          "(budget 20 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
