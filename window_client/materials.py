"""材料数字化: paper materials of a case scanned into files and linked to the case.

A received or accepted case of this window is chosen, then one of its materials, then a
file (PDF, JPG or PNG) is imported: its type is checked by its content (not only its
name), its size is limited, and it is kept in the store's blob folder under its sha256
(:class:`sync.engine.BlobFolder`). A ``case.materials_digitised`` outbox event names the
blob, so the sync engine uploads the file (``PUT /v1/blobs/{sha256}``) before the event
and the gateway defers the event until the file is there.

A document camera (高拍仪) cannot be driven here: the page imports files a scanner or
camera saved, and says so.
"""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from core.accounts import ClerkSession
from core.case import CaseState, MarkKind, Role
from core.clock import hall_date
from core.errors import UserFacingError, ValidationFailed, msg
from sync.engine import BLOB_DIR, BlobFolder
from sync.protocol import CaseMaterialsDigitised, DigitisedMaterial, EventKind
from sync.store import Store, enqueue_event
from widgets.i18n import arg, is_language_change
from widgets.layout import card, styled_label
from widgets.task_runner import TaskRunner
from window_client.chrome import MessageBar, user_text
from window_client.pages import PageContext, PageSpec
from window_client.services import WindowServices

log = logging.getLogger(__name__)

LIST_STYLE = (
    "QListWidget::item { padding: 6px 8px; }"
    " QListWidget::item:selected { background: #DCE6F5; color: #0B2A5B; }"
)
"""Selected rows stay readable (the theme leaves list selection to the platform)."""

MAX_FILE_BYTES = 20 * 1024 * 1024
"""A scanned material may be at most 20 MB (a 30-page colour PDF at 200 dpi)."""

DIGITISABLE: tuple[CaseState, ...] = (
    CaseState.RECEIVED,
    CaseState.CORRECTION_REQUESTED,
    CaseState.ACCEPTED,
    CaseState.ACCEPTED_PENDING,
    CaseState.ACCEPTED_ON_COMMITMENT,
)
"""States in which paper materials are still at the front desk."""

_SIGNATURES: tuple[tuple[bytes, str, tuple[str, ...]], ...] = (
    (b"%PDF-", "application/pdf", (".pdf",)),
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
)


def content_type(data: bytes, name: str) -> str:
    """The file's type from its first bytes, checked against its extension.

    Raises:
        ValidationFailed: empty, too large, not PDF/JPG/PNG, or an extension that does
            not match the content.
    """
    if not data:
        raise ValidationFailed(msg("文件是空的, 请重新扫描"), code="material.empty")
    if len(data) > MAX_FILE_BYTES:
        raise ValidationFailed(
            msg("文件超过{megabytes}MB, 请降低扫描分辨率或分页导入",
                megabytes=MAX_FILE_BYTES // (1024 * 1024)),
            code="material.too_large",
        )
    suffix = Path(name).suffix.lower()
    for magic, kind, suffixes in _SIGNATURES:
        if data.startswith(magic):
            if suffix and suffix not in suffixes:
                raise ValidationFailed(
                    msg("文件扩展名与内容不符, 请确认导入的是扫描件"), code="material.mismatch"
                )
            return kind
    raise ValidationFailed(msg("只能导入 PDF、JPG 或 PNG 格式的扫描件"), code="material.type")


@dataclass(frozen=True, slots=True)
class CaseLine:
    """A case whose paper materials can be digitised (masked applicant)."""

    number: str
    shown_number: str
    item_name: str
    applicant: str
    state: CaseState


@dataclass(frozen=True, slots=True)
class MaterialLine:
    id: str
    name: str
    paper: bool  # received on paper at the window


@dataclass(frozen=True, slots=True)
class Digitised:
    """One imported file, linked to its case."""

    case_number: str
    material: DigitisedMaterial
    seq: int


class MaterialsDesk:
    """Digitising paper materials; every method blocks (run on the catalog thread).

    Args:
        services: the window client's services (``store`` must be set).
    """

    def __init__(self, *, services: WindowServices) -> None:
        if services.store is None:
            raise ValueError("digitising materials needs the local store")
        self._services = services
        self._store: Store = services.store
        self._blobs = services.blobs or BlobFolder(services.store.data_dir / BLOB_DIR)

    def cases(self, *, day: _dt.date | None = None) -> list[CaseLine]:
        """This terminal's cases of ``day`` (today) whose paper is still at the desk."""
        services = self._services
        services.cases.apply_status()
        today = day or hall_date(services.clock.now())
        out = []
        for summary in services.cases.list_cases(states=DIGITISABLE, day=today):
            try:
                item_name = services.catalog.item(summary.item_id).name
            except KeyError:
                item_name = summary.item_id
            out.append(
                CaseLine(
                    number=summary.number,
                    shown_number=summary.shown_number,
                    item_name=item_name,
                    applicant=summary.applicant,
                    state=summary.state,
                )
            )
        return out

    def materials(self, number: str) -> list[MaterialLine]:
        """The case's materials; those seen on paper first."""
        services = self._services
        record = services.cases.record(number)
        if record is None:
            raise ValidationFailed(msg("本机没有这个办件"), code="case.unknown")
        item = services.catalog.item(record.item_id)
        case = services.cases.load(number, item=item, calendar=services.calendar)
        lines = [
            MaterialLine(
                id=check.material.id,
                name=check.material.name,
                paper=check.mark is not None and check.mark.kind is MarkKind.PAPER,
            )
            for check in case.checklist()
        ]
        return sorted(lines, key=lambda m: not m.paper)

    def digitise(
        self,
        number: str,
        material: MaterialLine,
        path: Path,
        *,
        session: ClerkSession,
    ) -> Digitised:
        """Keep the file as a blob and queue the event that links it to the case.

        Raises:
            ValidationFailed: unreadable, wrong type, too large, or the case is no
                longer at the front desk.
        """
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                content_type(b"x" * (MAX_FILE_BYTES + 1), path.name)
            data = path.read_bytes()
        except OSError:
            raise ValidationFailed(msg("无法读取该文件, 请确认文件存在且未被占用"),
                                   code="material.unreadable") from None
        kind = content_type(data, path.name)
        services = self._services
        summary = next(
            (c for c in services.cases.list_cases(states=DIGITISABLE) if c.number == number),
            None,
        )
        if summary is None:
            raise ValidationFailed(
                msg("该办件已不在前台, 不能再补充扫描件"), code="material.case_state"
            )
        sha = self._blobs.put(data)
        entry = DigitisedMaterial(
            sha256=sha,
            material_id=material.id,
            material_name=material.name,
            file_name=path.name[:200],
            content_type=kind,  # type: ignore[arg-type]
            size=len(data),
        )
        payload = CaseMaterialsDigitised(
            case_number=summary.shown_number,
            materials=[entry],
            attachments=[sha],
            clerk_id=session.clerk.id,
        )
        with self._store.local_change() as conn:
            event = enqueue_event(
                EventKind.CASE_MATERIALS_DIGITISED.value,
                payload.model_dump(mode="json"),
                conn=conn,
            )
            services.audit.decided(
                session.clerk.id,
                f"case:{number}",
                "material.digitised",
                details={"material": material.id, "sha256": sha, "size": len(data)},
                conn=conn,
            )
        services.nudge_sync()
        log.info("material %s of case %s digitised (%d bytes)", material.id, number, len(data))
        return Digitised(case_number=number, material=entry, seq=event.seq)


class MaterialsPage(QWidget):
    """材料数字化: case → material → import a scanned file.

    Signals:
        digitised(object): a :class:`Digitised` was saved.
    """

    digitised = Signal(object)

    def __init__(  # noqa: PLR0915 - the page's widgets, built once
        self,
        *,
        desk: MaterialsDesk | None,
        runner: TaskRunner,
        session: Callable[[], ClerkSession],
        messages: MessageBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MaterialsPage")
        self._desk = desk
        self._runner = runner
        self._session = session
        self._messages = messages
        self._cases: list[CaseLine] = []
        self._materials: list[MaterialLine] = []
        self.imported: list[Digitised] = []

        cases_card, cases_box = card(spacing=6)
        self._cases_title = styled_label("", role="section", wrap=False)
        self.case_list = QListWidget()
        self.case_list.setStyleSheet(LIST_STYLE)
        self.case_list.setObjectName("DigitiseCases")
        # a long item name wraps to the card instead of scrolling sideways
        self.case_list.setWordWrap(True)
        self.case_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.case_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.case_list.currentRowChanged.connect(self._case_chosen)
        self.refresh_button = QPushButton()
        self.refresh_button.setProperty("role", "secondary")
        self.refresh_button.clicked.connect(self.refresh)
        cases_box.addWidget(self._cases_title)
        cases_box.addWidget(self.case_list, 1)
        cases_box.addWidget(self.refresh_button)

        work_card, work_box = card(spacing=6)
        self._materials_title = styled_label("", role="section", wrap=False)
        self.camera_note = styled_label("", role="muted")
        self.camera_note.setObjectName("CameraNote")
        self.material_list = QListWidget()
        self.material_list.setStyleSheet(LIST_STYLE)
        self.material_list.setObjectName("DigitiseMaterials")
        self.import_button = QPushButton()
        self.import_button.setObjectName("ImportFile")
        self.import_button.setProperty("role", "primary")
        self.import_button.clicked.connect(self.choose_file)
        self._done_title = styled_label("", role="section", wrap=False)
        self.done_list = QListWidget()
        self.done_list.setStyleSheet(LIST_STYLE)
        self.done_list.setObjectName("DigitisedFiles")
        self.done_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unavailable = styled_label("", role="notice")
        work_box.addWidget(self._materials_title)
        work_box.addWidget(self.camera_note)
        work_box.addWidget(self.unavailable)
        work_box.addWidget(self.material_list, 1)
        work_box.addWidget(self.import_button)
        work_box.addWidget(self._done_title)
        work_box.addWidget(self.done_list, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(24)
        layout.addWidget(cases_card, 2)
        layout.addWidget(work_card, 3)
        self.material_list.itemActivated.connect(lambda _i: self.choose_file())
        self._retranslate()
        self._render()
        self.refresh()

    def focus_first(self) -> None:
        self.refresh()
        self.case_list.setFocus()

    def refresh(self) -> None:
        desk = self._desk
        if desk is None:
            return
        self._runner.run_catalog(
            desk.cases, on_done=self._show_cases, on_error=self._failed,
            key="materials-cases", owner=self,
        )

    def choose_file(self) -> None:
        """Ask for a scanned file (a modal file dialog: the clerk picks one file)."""
        if not self._ready():
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("选择扫描件"),
            "",
            self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Import ``path`` for the selected case and material."""
        desk = self._desk
        if desk is None or not self._ready():
            return
        case = self._cases[self.case_list.currentRow()]
        material = self._materials[self.material_list.currentRow()]
        session = self._session()
        self._runner.run_catalog(
            lambda: desk.digitise(case.number, material, path, session=session),
            on_done=self._imported,
            on_error=self._failed,
            key="materials-import",
            owner=self,
        )

    def _ready(self) -> bool:
        if self._desk is None:
            self._messages.warning(self.tr("本窗口端没有本地数据库, 无法保存扫描件"))
            return False
        if not 0 <= self.case_list.currentRow() < len(self._cases):
            self._messages.warning(self.tr("请先在左侧选择办件"))
            return False
        if not 0 <= self.material_list.currentRow() < len(self._materials):
            self._messages.warning(self.tr("请选择要扫描的材料"))
            return False
        return True

    def _imported(self, done: Digitised) -> None:
        self.imported.append(done)
        m = done.material
        self.done_list.addItem(
            f"{done.case_number} · {m.material_name} · {m.file_name} ({m.size // 1024 + 1} KB)"
        )
        self._messages.success(
            arg(self.tr("%1 已数字化并关联到办件 %2, 联网后上传"), m.material_name,
                done.case_number)
        )
        self.digitised.emit(done)

    def _show_cases(self, cases: list[CaseLine]) -> None:
        chosen = self._cases[self.case_list.currentRow()].number if (
            0 <= self.case_list.currentRow() < len(self._cases)
        ) else None
        self._cases = cases
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for case in cases:
            row = QListWidgetItem(f"{case.shown_number} · {case.item_name} · {case.applicant}")
            self.case_list.addItem(row)
        self.case_list.blockSignals(False)
        index = next((i for i, c in enumerate(cases) if c.number == chosen), 0 if cases else -1)
        self.case_list.setCurrentRow(index)
        if index < 0:
            self._case_chosen(-1)
        self._render()

    def _case_chosen(self, row: int) -> None:
        desk = self._desk
        self._materials = []
        self.material_list.clear()
        if desk is None or not 0 <= row < len(self._cases):
            self._render()
            return
        number = self._cases[row].number
        self._runner.run_catalog(
            lambda: desk.materials(number), on_done=self._show_materials,
            on_error=self._failed, key="materials-list", owner=self,
        )

    def _show_materials(self, materials: list[MaterialLine]) -> None:
        self._materials = materials
        self.material_list.clear()
        for material in materials:
            mark = self.tr("纸质已收") if material.paper else self.tr("未收纸质")
            self.material_list.addItem(f"{material.name}  [{mark}]")
        if materials:
            self.material_list.setCurrentRow(0)
        self._render()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, UserFacingError):
            log.error("digitising failed", exc_info=(type(error), error, error.__traceback__))
        self._messages.error(user_text(error))

    def _render(self) -> None:
        self.unavailable.setVisible(self._desk is None)
        self.import_button.setEnabled(self._desk is not None and bool(self._materials))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._cases_title.setText(self.tr("今日在前台的办件"))
        self.refresh_button.setText(self.tr("刷新"))
        self._materials_title.setText(self.tr("材料 (选择后按 Enter 导入扫描件)"))
        self.camera_note.setText(
            self.tr(
                "本机未接入高拍仪: 请用扫描仪或高拍仪软件将纸质材料存为 PDF/JPG/PNG "
                "(不超过20MB), 再在此导入"
            )
        )
        self.import_button.setText(self.tr("导入扫描件…"))
        self._done_title.setText(self.tr("本次已导入"))
        self.unavailable.setText(self.tr("本窗口端没有本地数据库, 无法保存扫描件"))


def _materials_page(context: PageContext) -> QWidget:
    services = context.services
    desk = MaterialsDesk(services=services) if services.store is not None else None
    return MaterialsPage(
        desk=desk,
        runner=context.runner,
        session=context.desk.require_session,
        messages=context.messages,
    )


PAGE = PageSpec(
    key="materials",
    title=QT_TRANSLATE_NOOP("WindowPages", "材料数字化"),
    icon="scan",
    factory=_materials_page,
    roles=frozenset({Role.CLERK, Role.CHIEF}),
    shortcut="Ctrl+4",
)
