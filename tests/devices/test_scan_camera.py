"""The camera decoding pipeline, fed generated frames through the camera's entry point."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.scan import ScanDebouncer, ScanEvent, ScanSource, Symbology
from devices.scanners.base import ScannerUnavailable
from devices.scanners.camera import (
    CameraScanner,
    FrameDecodePipeline,
    luma_of_video_frame,
)
from devices.scanners.decode import CAMERA_STRATEGIES, BarcodeDecoder, DecodeOutcome
from tests.helpers.scanner import (
    RESIDENT_CODE,
    SteppingClock,
    blank_frame,
    fixed_now,
    hard_frames,
)

PF = QVideoFrameFormat.PixelFormat
MULTIMEDIA_NOISE = r"Couldn't (load|resolve) .*(library|symbols)|Using Qt multimedia with FFmpeg"


def nv12_frame(picture: Image.Image) -> QVideoFrame:
    """A camera-like NV12 frame whose luma plane is ``picture`` (chroma neutral)."""
    gray = picture.convert("L")
    fmt = QVideoFrameFormat(QSize(*gray.size), PF.Format_NV12)
    frame = QVideoFrame(fmt)
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    stride = frame.bytesPerLine(0)
    luma = frame.bits(0)
    for row in range(gray.height):
        luma[row * stride : row * stride + gray.width] = gray.crop(
            (0, row, gray.width, row + 1)
        ).tobytes()
    chroma = frame.bits(1)
    chroma[:] = b"\x80" * len(chroma)
    luma.release()  # views into the mapping must not outlive it
    chroma.release()
    frame.unmap()
    return frame


def yuyv_frame(picture: Image.Image) -> QVideoFrame:
    """A packed YUYV frame, as most USB webcams deliver."""
    gray = picture.convert("L").tobytes()
    w, h = picture.size
    frame = QVideoFrame(QVideoFrameFormat(QSize(w, h), PF.Format_YUYV))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    stride = frame.bytesPerLine(0)
    packed = frame.bits(0)
    for row in range(h):
        line = bytearray(b"\x80" * (w * 2))
        line[0::2] = gray[row * w : (row + 1) * w]
        packed[row * stride : row * stride + w * 2] = bytes(line)
    packed.release()
    frame.unmap()
    return frame


def qimage_of(picture: Image.Image) -> QImage:
    rgb = picture.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


class ThreadRecordingDecoder(BarcodeDecoder):
    def __init__(self) -> None:
        super().__init__(strategies=CAMERA_STRATEGIES, budget=0.02)
        self.threads: set[int] = set()

    def decode(self, image: Image.Image) -> DecodeOutcome:
        self.threads.add(threading.get_ident())
        return super().decode(image)


@pytest.fixture
def decoder() -> ThreadRecordingDecoder:
    return ThreadRecordingDecoder()


@pytest.fixture
def pipeline(decoder: ThreadRecordingDecoder) -> Iterator[FrameDecodePipeline]:
    p = FrameDecodePipeline(
        device_id="camera-0",
        decoder=decoder,
        debouncer=ScanDebouncer(clock=SteppingClock(step=1 / 30), window=5, required=2),
        now=fixed_now,
    )
    yield p
    p.close()
    p.deleteLater()


def feed(qtbot: QtBot, pipeline: FrameDecodePipeline, frame: QVideoFrame) -> DecodeOutcome:
    with qtbot.waitSignal(pipeline.frame_decoded, timeout=5000) as blocker:
        assert pipeline.submit_video_frame(frame)
    outcome: DecodeOutcome = blocker.args[0]
    return outcome


def test_luma_is_read_straight_from_camera_formats() -> None:
    picture = hard_frames()[0].frame
    for frame in (nv12_frame(picture), yuyv_frame(picture)):
        luma = luma_of_video_frame(frame)
        assert luma is not None
        assert luma.to_pil().tobytes() == picture.tobytes()


def test_a_code_held_in_view_is_accepted_once(
    qtbot: QtBot, pipeline: FrameDecodePipeline, decoder: ThreadRecordingDecoder
) -> None:
    frame = nv12_frame(hard_frames()[0].frame)
    events: list[ScanEvent] = []
    pipeline.scan_decoded.connect(events.append)
    for _ in range(12):
        feed(qtbot, pipeline, frame)
    assert [e.text for e in events] == [RESIDENT_CODE]
    event = events[0]
    assert event.source is ScanSource.CAMERA
    assert event.device_id == "camera-0"
    assert event.symbology == Symbology.QR
    gui = threading.get_ident()
    assert decoder.threads
    assert gui not in decoder.threads  # decoded off the GUI thread


def test_a_single_lucky_frame_is_not_accepted(qtbot: QtBot, pipeline: FrameDecodePipeline) -> None:
    events: list[ScanEvent] = []
    pipeline.scan_decoded.connect(events.append)
    feed(qtbot, pipeline, nv12_frame(hard_frames()[0].frame))
    for seed in range(5):
        feed(qtbot, pipeline, nv12_frame(blank_frame(seed)))
    assert events == []


def test_frames_arriving_while_busy_are_dropped_not_queued(
    qtbot: QtBot, pipeline: FrameDecodePipeline
) -> None:
    frame = nv12_frame(blank_frame())
    decoded: list[DecodeOutcome] = []
    pipeline.frame_decoded.connect(decoded.append)
    assert pipeline.submit_video_frame(frame)
    assert pipeline.busy
    assert [pipeline.submit_video_frame(frame) for _ in range(30)] == [False] * 30
    assert pipeline.dropped == 30
    qtbot.waitUntil(lambda: not pipeline.busy, timeout=5000)
    assert len(decoded) == 1
    assert pipeline.submit_video_frame(frame)  # free again
    qtbot.waitUntil(lambda: len(decoded) == 2, timeout=5000)


@pytest.mark.parametrize("name", [hf.name for hf in hard_frames()])
def test_every_hard_frame_class_is_accepted_through_the_camera_path(
    qtbot: QtBot, pipeline: FrameDecodePipeline, name: str
) -> None:
    picture = next(hf for hf in hard_frames() if hf.name == name).frame
    frame = nv12_frame(picture)
    events: list[ScanEvent] = []
    pipeline.scan_decoded.connect(events.append)
    for _ in range(2 * len(CAMERA_STRATEGIES) + 2):
        feed(qtbot, pipeline, frame)
        if events:
            break
    assert [e.text for e in events] == [RESIDENT_CODE]


def test_still_pictures_use_the_same_pipeline(qtbot: QtBot, pipeline: FrameDecodePipeline) -> None:
    image = qimage_of(hard_frames()[0].frame)
    with qtbot.waitSignal(pipeline.scan_decoded, timeout=5000) as blocker:
        for _ in range(3):
            with qtbot.waitSignal(pipeline.frame_decoded, timeout=5000):
                assert pipeline.submit_image(image)
    assert blocker.args[0].text == RESIDENT_CODE


@pytest.mark.qt_log_ignore(MULTIMEDIA_NOISE)
def test_no_camera_fails_clearly_at_construction(qapp: QApplication) -> None:
    # This machine has no camera: the real QtMultimedia lookup must say so.
    with pytest.raises(ScannerUnavailable) as err:
        CameraScanner()
    assert "未检测到摄像头" in err.value.reason


def test_an_unknown_camera_id_fails_clearly() -> None:
    with pytest.raises(ScannerUnavailable) as err:
        CameraScanner(camera_id=b"/dev/video9", video_inputs=list)
    assert "未检测到摄像头" in err.value.reason
