"""The kiosk camera as a scanner: QtMultimedia frames, zbar off the GUI thread.

``QCamera → QMediaCaptureSession → QVideoSink`` delivers frames on the GUI thread at
camera rate (15–30 fps). :class:`FrameDecodePipeline` takes the luma plane of a frame
(a camera's NV12/YUYV frame already *is* grayscale in its Y plane, so there is no
colour conversion), hands it to a single decode worker, and drops new frames while the
worker is busy — nothing queues up, memory stays flat, and the newest picture is the
one decoded. Results come back to the GUI thread through a queued signal and pass the
core :class:`ScanDebouncer`, so a code is accepted once, not once per frame.

Tests and the document camera feed the same entry points with generated frames.
"""

from __future__ import annotations

import datetime as _dt
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PIL import Image
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

from core.errors import ValidationFailed, msg
from core.scan import Clock, ScanDebouncer, ScanEvent, ScanSource, make_scan_event
from devices.scanners.base import ScanCallback, ScannerHealth, ScannerState, ScannerUnavailable
from devices.scanners.decode import CAMERA_STRATEGIES, BarcodeDecoder, DecodeOutcome

log = logging.getLogger(__name__)

NO_CAMERA = msg("未检测到摄像头，摄像头扫码不可用。请检查摄像头连线，或使用扫码枪。")

PF = QVideoFrameFormat.PixelFormat

# Formats whose plane 0 is the full-resolution 8-bit luma plane.
_PLANAR_LUMA = {
    PF.Format_NV12,
    PF.Format_NV21,
    PF.Format_YUV420P,
    PF.Format_YUV422P,
    PF.Format_YV12,
    PF.Format_IMC1,
    PF.Format_IMC2,
    PF.Format_IMC3,
    PF.Format_IMC4,
    PF.Format_Y8,
}
# Packed 4:2:2 formats: luma is every other byte, first (YUYV) or second (UYVY).
_PACKED_LUMA_OFFSET = {PF.Format_YUYV: 0, PF.Format_UYVY: 1}


def _local_now() -> _dt.datetime:
    return _dt.datetime.now().astimezone()


@dataclass(frozen=True, slots=True)
class LumaFrame:
    """An 8-bit grayscale picture copied out of a frame, safe to hand to a worker.

    Attributes:
        data: row-major bytes, ``stride`` bytes per row.
        width: pixels.
        height: pixels.
        stride: bytes per row in ``data``.
        step: 1 for planar luma; 2 for packed YUYV/UYVY (luma every other byte).
        offset: first luma byte within a row.
    """

    data: bytes
    width: int
    height: int
    stride: int
    step: int = 1
    offset: int = 0

    def to_pil(self) -> Image.Image:
        """The grayscale PIL image (runs on the worker)."""
        if self.step == 1:
            return Image.frombuffer(
                "L", (self.width, self.height), self.data, "raw", "L", self.stride, 1
            )
        # Packed 4:2:2 read as two-band pixels (luma, chroma) and the luma band kept:
        # done in C, ~10× faster than slicing every row in Python.
        pairs = Image.frombuffer(
            "LA", (self.width, self.height), self.data, "raw", "LA", self.stride, 1
        )
        return pairs.getchannel(self.offset)


def luma_of_image(image: QImage) -> LumaFrame:
    """Grayscale copy of a QImage."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    stride = gray.bytesPerLine()
    data = bytes(gray.constBits())[: stride * gray.height()]
    return LumaFrame(data, gray.width(), gray.height(), stride)


def luma_of_video_frame(frame: QVideoFrame) -> LumaFrame | None:
    """Grayscale copy of a video frame, or ``None`` if it cannot be read."""
    if not frame.isValid() or not frame.map(QVideoFrame.MapMode.ReadOnly):
        return None
    try:
        fmt = frame.pixelFormat()
        width, height = frame.width(), frame.height()
        stride = frame.bytesPerLine(0)
        # Copy out of the mapping at once: no view of it may outlive unmap().
        view = memoryview(frame.bits(0))
        data = view.tobytes()[: stride * height]
        view.release()
        if fmt in _PLANAR_LUMA:
            return LumaFrame(data, width, height, stride)
        if fmt in _PACKED_LUMA_OFFSET:
            return LumaFrame(data, width, height, stride, 2, _PACKED_LUMA_OFFSET[fmt])
        image_format = QVideoFrameFormat.imageFormatFromPixelFormat(fmt)
        if image_format != QImage.Format.Format_Invalid:
            return luma_of_image(QImage(data, width, height, stride, image_format))
    finally:
        frame.unmap()
    # An exotic format (e.g. a hardware texture): let Qt convert it.
    image = frame.toImage()
    return None if image.isNull() else luma_of_image(image)


class FrameDecodePipeline(QObject):
    """Frames in, debounced :class:`ScanEvent` out; decoding on one worker thread.

    Args:
        device_id: the id stamped on events.
        decoder: the zbar decoder (used only on the worker).
        debouncer: the core debouncer (used only on the GUI thread).
        now: the wall-clock time stamped on events.
        executor: where decoding runs; a private single thread by default. With a
            shared pool, at most one frame of this pipeline is in flight anyway.
        parent: Qt parent.

    Signals:
        scan_decoded(ScanEvent): a code was accepted (after debouncing).
        frame_decoded(DecodeOutcome): a frame finished decoding (for health and tests).
    """

    scan_decoded = Signal(object)  # ScanEvent
    frame_decoded = Signal(object)  # DecodeOutcome
    _worker_done = Signal(object)  # DecodeOutcome | BaseException, from the worker

    def __init__(
        self,
        *,
        device_id: str,
        decoder: BarcodeDecoder,
        debouncer: ScanDebouncer,
        now: Callable[[], _dt.datetime] = _local_now,
        executor: Executor | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._device_id = device_id
        self._decoder = decoder
        self._debouncer = debouncer
        self._now = now
        self._own_executor = executor is None
        self._executor = executor or ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"decode-{device_id}"
        )
        self._busy = False
        self.dropped = 0
        self.decoded = 0
        self.accepted = 0
        self.rejected = 0
        self._worker_done.connect(self._on_worker_done)

    @property
    def busy(self) -> bool:
        """Whether a frame is being decoded right now."""
        return self._busy

    def submit_video_frame(self, frame: QVideoFrame) -> bool:
        """Entry point for camera frames; returns False if the frame was dropped."""
        if self._busy:
            self.dropped += 1
            return False
        luma = luma_of_video_frame(frame)
        if luma is None:
            self.dropped += 1
            return False
        return self._submit(luma)

    def submit_image(self, image: QImage) -> bool:
        """Entry point for still pictures; returns False if the picture was dropped."""
        if self._busy or image.isNull():
            self.dropped += 1
            return False
        return self._submit(luma_of_image(image))

    def _submit(self, luma: LumaFrame) -> bool:
        self._busy = True
        self._executor.submit(self._decode_on_worker, luma)
        return True

    def _decode_on_worker(self, luma: LumaFrame) -> None:
        # Runs on the worker: no widgets, no timers; report through a queued signal.
        result: DecodeOutcome | BaseException
        try:
            result = self._decoder.decode(luma.to_pil())
        except Exception as exc:  # a bug in decoding must not wedge the pipeline busy
            result = exc
        self._worker_done.emit(result)

    @Slot(object)
    def _on_worker_done(self, result: DecodeOutcome | BaseException) -> None:
        self._busy = False
        if isinstance(result, BaseException):
            log.error("frame decoding failed", exc_info=result)
            return
        self.decoded += 1
        self.rejected += result.undecodable
        self.frame_decoded.emit(result)
        symbology = {s.text: s.symbology for s in result.symbols}
        for text in self._debouncer.observe_frame(symbology):
            try:
                event = make_scan_event(
                    text,
                    source=ScanSource.CAMERA,
                    device_id=self._device_id,
                    at=self._now(),
                    symbology=symbology[text],
                )
            except ValidationFailed as exc:
                self.rejected += 1
                log.warning("camera code discarded: %s", exc.code)
                continue
            self.accepted += 1
            self.scan_decoded.emit(event)

    def close(self) -> None:
        """Stop the private worker (a shared executor is left to its owner)."""
        if self._own_executor:
            self._executor.shutdown(wait=True, cancel_futures=True)


class CameraScanner:
    """The kiosk camera as a :class:`devices.scanners.base.Scanner`.

    Args:
        device_id: id stamped on events.
        camera_id: the ``QCameraDevice.id()`` to use; the system default if ``None``.
        clock: monotonic seconds for debouncing.
        now: wall-clock time for events.
        budget: decode seconds per frame before fallbacks wait for the next frame.
        window: frames remembered by the debouncer.
        required: frames (of ``window``) a code must appear in.
        cooldown: seconds a repeat of an accepted code is ignored.
        executor: where decoding runs (see :class:`FrameDecodePipeline`).
        video_inputs: lists the cameras; ``QMediaDevices.videoInputs`` by default.

    Raises:
        ScannerUnavailable: libzbar is missing, or no camera is present.
    """

    def __init__(
        self,
        *,
        device_id: str = "camera",
        camera_id: bytes | None = None,
        clock: Clock = time.monotonic,
        now: Callable[[], _dt.datetime] = _local_now,
        budget: float = 0.02,
        window: int = 5,
        required: int = 2,
        cooldown: float = 3.0,
        executor: Executor | None = None,
        video_inputs: Callable[[], Sequence[Any]] | None = None,
    ) -> None:
        decoder = BarcodeDecoder(strategies=CAMERA_STRATEGIES, budget=budget)
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        inputs = list((video_inputs or QMediaDevices.videoInputs)())
        if not inputs:
            raise ScannerUnavailable(NO_CAMERA)
        chosen = next((d for d in inputs if camera_id is not None and d.id() == camera_id), None)
        if chosen is None:
            if camera_id is not None:
                raise ScannerUnavailable(NO_CAMERA)
            chosen = QMediaDevices.defaultVideoInput() if video_inputs is None else inputs[0]
        self._device_id = device_id
        self._now = now
        self._since = now()
        self._problem = ""
        self._started = False
        self._callback: ScanCallback | None = None
        self.pipeline = FrameDecodePipeline(
            device_id=device_id,
            decoder=decoder,
            debouncer=ScanDebouncer(
                clock=clock, window=window, required=required, cooldown=cooldown
            ),
            now=now,
            executor=executor,
        )
        self._camera = QCamera(chosen)
        self._session = QMediaCaptureSession()
        self._sink = QVideoSink()
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self.pipeline.submit_video_frame)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self.pipeline.scan_decoded.connect(self._deliver)
        log.info("camera scanner %s uses %s", device_id, chosen.description())

    @property
    def device_id(self) -> str:
        """The configured id of this scanner."""
        return self._device_id

    def _deliver(self, event: ScanEvent) -> None:
        if self._started and self._callback is not None:
            self._callback(event)

    def _on_camera_error(self, error: object, text: str) -> None:
        log.warning("camera %s error %s: %s", self._device_id, error, text)
        self._problem = msg("摄像头出现故障，摄像头扫码暂不可用，请使用扫码枪或联系工作人员")
        self._since = self._now()

    def start(self, on_scan: ScanCallback) -> None:
        """Start the camera; scans go to ``on_scan`` on the GUI thread."""
        self._callback = on_scan
        if not self._started:
            self._started = True
            self._problem = ""
            self._since = self._now()
            self._camera.start()

    def stop(self) -> None:
        """Stop the camera (the decode worker stays for the next start)."""
        if self._started:
            self._started = False
            self._camera.stop()
            self._since = self._now()

    def close(self) -> None:
        """Stop and release the decode worker."""
        self.stop()
        self.pipeline.close()
        # Destroy the QObject from the event loop, not from interpreter-exit GC. (The
        # "bool_dealloc" abort at exit once blamed on this was PySide 6.12.0 dropping a
        # reference on every emit under Python 3.11: see the pin in pyproject.toml.)
        self.pipeline.deleteLater()

    def health(self) -> ScannerHealth:
        """The current health snapshot."""
        if self._problem:
            state = ScannerState.FAULT
        else:
            state = ScannerState.READY if self._started else ScannerState.STOPPED
        return ScannerHealth(
            self._device_id,
            state,
            self._since,
            self._problem,
            accepted=self.pipeline.accepted,
            rejected=self.pipeline.rejected,
            dropped_frames=self.pipeline.dropped,
        )
