"""Printing through CUPS, spoken to directly over IPP.

:class:`CupsPrinter` sends the PDF with Print-Job to one CUPS queue and follows the
job with Get-Job-Attributes until CUPS reports it completed. Printer health comes from
Get-Printer-Attributes: ``printer-state``, ``printer-is-accepting-jobs`` and
``printer-state-reasons`` (RFC 8011 §5.4.12; the suffixes ``-error``/``-warning``/
``-report`` give the severity):

=========================================  =====================
reasons / state                            :class:`PrinterState`
=========================================  =====================
``media-empty*``, ``media-needed*``        PAPER_OUT
``media-jam``, ``door-open``, other        ERROR
``*-error``
``offline*``, ``paused``, ``shutdown``,    OFFLINE
stopped, not accepting jobs, unreachable
``media-low*``                             PAPER_LOW
=========================================  =====================

A job is only handed to CUPS when the printer can print. If the printer stops while
our job waits in CUPS (paper runs out, staff pause it) we cancel the job in CUPS and
raise :class:`~core.errors.PrintFailed`: the durable print queue owns retries, so a
job held by CUPS must not also come out later on its own (two receipts, one of them
hours late).

The server is ``localhost:631`` unless configured (the ``CUPS_SERVER`` host:port form).
"""

from __future__ import annotations

import getpass
import logging
import time
import urllib.parse
from collections.abc import Callable

from core.errors import PrintFailed, msg
from devices.printers import ipp
from devices.printers.base import (
    PrinterState,
    PrinterStatus,
    PrinterUnavailable,
    check_job,
    print_failure,
)

log = logging.getLogger(__name__)

DEFAULT_SERVER = "localhost:631"
_STATUS_ATTRIBUTES = (
    "printer-state",
    "printer-state-reasons",
    "printer-state-message",
    "printer-is-accepting-jobs",
)


def parse_server(server: str) -> tuple[str, int]:
    """``"host:port"`` (or just ``"host"``) → ``(host, port)``; port defaults to 631."""
    host, _, port = server.strip().rpartition(":")
    if not host:
        return port or "localhost", 631
    if not port.isdigit():
        raise PrinterUnavailable(
            msg("CUPS 服务地址格式不正确：{server}（应为 主机:端口）", server=server))
    return host, int(port)


def _severity(reason: str) -> tuple[str, str]:
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)], suffix[1:]
    return reason, "error"


_OFFLINE_REASONS = ("offline", "paused", "shutdown", "connecting-to-device", "timed-out")


def classify(
    *, state: int, reasons: list[str], accepting: bool, message: str = ""
) -> PrinterStatus:
    """Map IPP printer attributes to a :class:`PrinterStatus`."""
    found = tuple(r for r in reasons if r and r != "none")
    keywords = [_severity(r) for r in found]
    if any(k.startswith(("media-empty", "media-needed")) for k, _ in keywords):
        return PrinterStatus.of(PrinterState.PAPER_OUT, detail=message, reasons=found)
    if any(k.startswith(_OFFLINE_REASONS) for k, _ in keywords):
        return PrinterStatus.of(PrinterState.OFFLINE, detail=message, reasons=found)
    errors = [k for k, sev in keywords if sev == "error" and not k.startswith("media-low")]
    if errors:
        return PrinterStatus.of(PrinterState.ERROR, detail=message or errors[0], reasons=found)
    if state == ipp.PrinterStateValue.STOPPED or not accepting:
        detail = message or (
            msg("已停止") if state == ipp.PrinterStateValue.STOPPED else msg("拒绝新任务"))
        return PrinterStatus.of(PrinterState.OFFLINE, detail=detail, reasons=found)
    if any(k.startswith("media-low") for k, _ in keywords):
        return PrinterStatus.of(PrinterState.PAPER_LOW, reasons=found)
    return PrinterStatus.of(PrinterState.READY, reasons=found)


class CupsPrinter:
    """One CUPS queue.

    Args:
        queue: the CUPS queue name (``lpstat -p`` shows them).
        name: the configured name; defaults to ``queue``.
        server: ``host:port`` of the CUPS server.
        user: the ``requesting-user-name`` (owner of our jobs).
        job_timeout: seconds a job may take to come out before it is called back.
        poll_interval: seconds between job-state queries.
        sleep: how to wait between queries (injected so tests need not wait).
        request_timeout: seconds for one IPP request.

    Raises:
        PrinterUnavailable: the server is unreachable or has no such queue.
    """

    def __init__(
        self,
        queue: str,
        *,
        name: str | None = None,
        server: str = DEFAULT_SERVER,
        user: str | None = None,
        job_timeout: float = 120.0,
        poll_interval: float = 0.25,
        sleep: Callable[[float], None] = time.sleep,
        request_timeout: float = 10.0,
    ) -> None:
        if not queue or "/" in queue:
            raise PrinterUnavailable(msg("CUPS 打印队列名称无效：{queue}", queue=repr(queue)))
        self._queue = queue
        self._name = name or queue
        self._host, self._port = parse_server(server)
        self._path = "/printers/" + urllib.parse.quote(queue)
        self._uri = f"ipp://{self._host}:{self._port}{self._path}"
        self._user = user or _user_name()
        self._job_timeout = job_timeout
        self._poll = poll_interval
        self._sleep = sleep
        self._timeout = request_timeout
        try:
            reply = self._call(ipp.Op.GET_PRINTER_ATTRIBUTES, _requested("printer-name"))
        except ipp.IppError as exc:
            raise PrinterUnavailable(msg(
                "无法连接打印服务 CUPS（{host}:{port}）：{error}。"
                "请确认 cups 已安装并运行（systemctl status cups）",
                host=self._host, port=self._port, error=str(exc),
            )) from exc
        if reply.status == ipp.STATUS_NOT_FOUND:
            raise PrinterUnavailable(msg(
                "CUPS 中没有名为“{queue}”的打印队列，请用 lpstat -p 查看并修改配置", queue=queue
            ))
        if not reply.ok:
            raise PrinterUnavailable(msg(
                "CUPS 拒绝访问打印队列“{queue}”：{reply}", queue=queue, reply=reply.message()))

    @property
    def name(self) -> str:
        return self._name

    @property
    def queue(self) -> str:
        return self._queue

    # ----------------------------------------------------------------- protocol

    def status(self) -> PrinterStatus:
        try:
            reply = self._call(ipp.Op.GET_PRINTER_ATTRIBUTES, _requested(*_STATUS_ATTRIBUTES))
        except ipp.IppError as exc:
            return PrinterStatus.of(
                PrinterState.OFFLINE, detail=msg("无法连接 CUPS：{error}", error=str(exc)))
        if not reply.ok:
            return PrinterStatus.of(PrinterState.OFFLINE, detail=reply.message())
        attrs = reply.first(ipp.Tag.PRINTER)
        state = attrs.get("printer-state", [ipp.PrinterStateValue.IDLE])[0]
        accepting = attrs.get("printer-is-accepting-jobs", [True])[0]
        message = attrs.get("printer-state-message", [""])[0]
        return classify(
            state=int(state),
            reasons=[str(r) for r in attrs.get("printer-state-reasons", [])],
            accepting=bool(accepting),
            message=str(message),
        )

    def print_pdf(self, pdf: bytes, *, title: str, copies: int = 1) -> None:
        check_job(pdf, title=title, copies=copies)
        status = self.status()
        if not status.can_print:
            raise print_failure(status)
        job_id = self._submit(pdf, title=title, copies=copies)
        log.info("CUPS job %s-%d submitted", self._queue, job_id)
        self._follow(job_id)

    # ---------------------------------------------------------------- internals

    def _call(
        self,
        op: ipp.Op,
        extra: list[ipp.Attribute],
        *,
        job: list[ipp.Attribute] | None = None,
        data: bytes = b"",
    ) -> ipp.Response:
        groups: list[tuple[ipp.Tag, list[ipp.Attribute]]] = [
            (ipp.Tag.OPERATION, ipp.operation_attributes(self._uri, self._user, *extra))
        ]
        if job:
            groups.append((ipp.Tag.JOB, job))
        body = ipp.encode(op, groups, data=data)
        return ipp.post(self._host, self._port, self._path, body, timeout=self._timeout)

    def _submit(self, pdf: bytes, *, title: str, copies: int) -> int:
        try:
            reply = self._call(
                ipp.Op.PRINT_JOB,
                [
                    ipp.Attribute.of(ipp.Tag.NAME, "job-name", title[:200]),
                    ipp.Attribute.of(ipp.Tag.MIME, "document-format", "application/pdf"),
                ],
                job=[ipp.Attribute.of(ipp.Tag.INTEGER, "copies", copies)],
                data=pdf,
            )
        except ipp.IppError as exc:
            raise PrintFailed(
                msg("无法连接打印服务 CUPS：{error}", error=str(exc)), transient=True) from exc
        if not reply.ok:
            transient = reply.status == ipp.STATUS_NOT_ACCEPTING
            raise PrintFailed(
                msg("CUPS 未接受打印任务：{reply}", reply=reply.message()), transient=transient)
        ids = reply.get(ipp.Tag.JOB, "job-id")
        if not ids:
            raise PrintFailed(msg("CUPS 未返回任务编号"), transient=True)
        return int(ids[0])

    def _job_state(self, job_id: int) -> tuple[int, str]:
        reply = self._call(
            ipp.Op.GET_JOB_ATTRIBUTES,
            [
                ipp.Attribute.of(ipp.Tag.INTEGER, "job-id", job_id),
                *_requested("job-state", "job-state-message"),
            ],
        )
        attrs = reply.first(ipp.Tag.JOB)
        state = attrs.get("job-state", [ipp.JobState.PENDING])[0]
        message = attrs.get("job-state-message", [""])[0]
        return int(state), str(message)

    def _follow(self, job_id: int) -> None:
        deadline = time.monotonic() + self._job_timeout
        while True:
            try:
                state, message = self._job_state(job_id)
            except ipp.IppError as exc:
                raise PrintFailed(
                    msg("打印任务已交给 CUPS，但无法查询其状态：{error}", error=str(exc)),
                    transient=True,
                ) from exc
            if state == ipp.JobState.COMPLETED:
                return
            if state in (ipp.JobState.CANCELED, ipp.JobState.ABORTED):
                status = self.status()
                detail = message or msg("任务被取消或中止")
                if status.can_print:
                    raise PrintFailed(
                        msg("CUPS 中止了打印任务（{detail}）", detail=detail), transient=True)
                raise print_failure(status, detail=detail)
            status = self.status()
            if not status.can_print or state == ipp.JobState.STOPPED:
                self._cancel(job_id)
                if status.can_print:  # the job stopped, the printer looks fine
                    raise PrintFailed(
                        msg("打印任务被暂停（{detail}）", detail=message), transient=True)
                raise print_failure(status)
            if time.monotonic() > deadline:
                self._cancel(job_id)
                raise PrintFailed(
                    msg("打印任务 {seconds} 秒内未完成，已撤回", seconds=int(self._job_timeout)),
                    transient=True,
                )
            self._sleep(self._poll)

    def _cancel(self, job_id: int) -> None:
        try:
            reply = self._call(
                ipp.Op.CANCEL_JOB, [ipp.Attribute.of(ipp.Tag.INTEGER, "job-id", job_id)]
            )
        except ipp.IppError as exc:
            log.warning("could not cancel CUPS job %s-%d: %s", self._queue, job_id, exc)
            return
        if reply.ok:
            log.info("CUPS job %s-%d cancelled; the print queue will retry", self._queue, job_id)
        else:
            log.warning("CUPS job %s-%d not cancelled: %s", self._queue, job_id, reply.message())


def _requested(*names: str) -> list[ipp.Attribute]:
    return [ipp.Attribute(ipp.Tag.KEYWORD, "requested-attributes", names)]


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "govterm"
