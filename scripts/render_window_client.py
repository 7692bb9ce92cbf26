"""Render every counter-client screen, with a day's real work on it, to PNG.

Usage (from the repository root)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_window_client.py [--only acceptance]

Also called by ``scripts/render_screens.py``. The window client is wired to a real
gateway on loopback, as ``govterm window`` wires it: the demo catalog and directory
are published there, the demo citizens hold their e-licences and get 居民码 to scan,
the hall's queue has business areas and tickets issued at a kiosk. Before the
pictures are taken a week of the hall's work is made through the domain and the
gateway: cases accepted by four clerks, corrections, cases received and not yet
decided (补正时限), kiosk applications and evaluations (a ★1 that opens a follow-up),
the back-office simulator turning cases into results ready for 出件, a kiosk's
呼叫帮办 and a printer out of paper.

Then every page is driven as a clerk drives it, in Chinese and in English: the
login and its 业务区 choice, a ticket called, a consultation logged, 收件受理 step by
step (item, 情形, 居民码 with e-licences, agent, checklist, outcomes, the paper
preview: 受理凭证, 一次性告知书 with missing and defective materials, a 首席代表's
不予受理), materials digitised, the 材料移交清单, 补正时限, the items browser,
statistics, help calls and device alerts, 统一出件 (signature pad, EMS, self-service
pickup code), 窗口办结 signed by the 首席代表 and 差评整改.

Each state is grabbed at 1920×1080 and at 1366×768 (the common counter monitor):
``screenshots/out/window-<scene>-<lang>-<width>.png``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QDate, QPointF, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.accounts import ClerkSession  # noqa: E402
from core.case import (  # noqa: E402
    Actor,
    Applicant,
    Case,
    Channel,
    MarkKind,
    MaterialMark,
    Role,
)
from core.catalog import Audience, Catalog, DeliveryMethod  # noqa: E402
from core.clock import HALL_TZ  # noqa: E402
from core.holders import Citizen  # noqa: E402
from core.queue import GreenChannel  # noqa: E402
from core.search import CatalogQuery  # noqa: E402
from documents.fonts import FontSet  # noqa: E402
from documents.maker import PaperMaker  # noqa: E402
from gateway.publishing import publish_directory  # noqa: E402
from sync.audit import AuditLog  # noqa: E402
from sync.cases import CaseRepository  # noqa: E402
from sync.catalog_cache import CatalogCache  # noqa: E402
from sync.catalog_files import load_catalog, load_demo_holders  # noqa: E402
from sync.engine import BLOB_DIR, BlobFolder, Enrolment, save_enrolment  # noqa: E402
from sync.help_client import HelpClient, HttpDeskTransport  # noqa: E402
from sync.identity import EnrolledResolver  # noqa: E402
from sync.queue_client import HttpQueueTransport, QueueClient  # noqa: E402
from sync.queue_protocol import AreaSettings, AreaSettingsList  # noqa: E402
from tests.helpers.clock import FakeClock  # noqa: E402
from tests.helpers.gateway import RunningGateway, running_gateway  # noqa: E402
from tests.helpers.printer import FakePrinter  # noqa: E402
from tests.helpers.terminal_sync import Terminal, enqueue, terminal  # noqa: E402
from tests.window_client.conftest import DEMO_PASSWORDS, PAPER_KEY, build_services  # noqa: E402
from widgets.i18n import LanguageManager  # noqa: E402
from widgets.task_runner import TaskRunner  # noqa: E402
from widgets.theme import apply_theme  # noqa: E402
from window_client.results_desk import DeskServices  # noqa: E402
from window_client.services import WindowServices  # noqa: E402
from window_client.window import WindowClientWindow  # noqa: E402

log = logging.getLogger("render_window_client")

OUT = REPO / "screenshots" / "out"
TRANSLATIONS = REPO / "resources" / "i18n"
HALL = "wh-zwzx"
WINDOW_SLOT = "W03"
CHIEF = "wh-zhaomin"  # 首席代表 + 综合受理, window 1, areas A and H: sees every page
OTHER_CHIEF = "wh-zhoujian"  # the hall's second 首席代表: signs what 赵敏 accepted
SIZES = (QSize(1920, 1080), QSize(1366, 768))
TODAY = dt.datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TZ)  # a Monday
WEEK_AGO = dt.datetime(2026, 2, 24, 9, 10, tzinfo=HALL_TZ)

HUKOU = "11371000004181700H000117003000"  # 户口迁入: 4 情形, e-licences, 窗口可办结
GETIHU = "113710000041826003000126004000"  # 个体工商户设立登记: 容缺, 告知承诺
ID_CARD = "11371000004181700H000117005000"  # 居民身份证换领: window, EMS, locker
SOCIAL_CARD = "11371000004181400G002014001000"  # 社会保障卡申领: window, EMS, mobile
PASSPORT = "11371000004181700H000117020000"  # 普通护照签发
PROOF = "11371000004183800M002038005000"  # 公积金缴存使用证明: kiosk-enabled
HOUSING_LOAN = "11371000004183800M002038002000"  # 住房公积金个人住房贷款
HUKOU_BUYER = "刘海峰"  # holds 居民身份证, 户口簿 and 不动产权证书 e-licences
AREAS = [
    AreaSettings(prefix="A", name="综合受理区"),
    AreaSettings(prefix="H", name="企业开办专区"),
    AreaSettings(prefix="K", name="统一出件区"),
]
REDRESS = (
    "如不服本决定，可自收到本通知书之日起六十日内向威海市人民政府申请行政复议，"
    "或者在六个月内向威海市环翠区人民法院提起行政诉讼"
)

Scene = tuple[str, Callable[["Counter"], None]]


# -- waiting for the window --------------------------------------------------------------


def settle(app: QApplication, runner: TaskRunner, seconds: float = 0.15,
           background: Callable[[], int] = lambda: 0) -> None:
    """Let queued work finish and the window repaint.

    ``background`` counts the tasks that never finish for long (the help feed's
    long-poll, always waiting for news): settling does not wait for them.
    """
    deadline = time.monotonic() + 15
    while runner.pending_count() > background() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def wait(app: QApplication, condition: Callable[[], bool], *, timeout: float = 20) -> None:
    """Run the event loop until ``condition`` holds (a script may wait; a test never does)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError("the screen did not reach the state to render")
        app.processEvents()
        time.sleep(0.01)


# -- the hall: a gateway on loopback, the counter's terminal, a kiosk ------------------


@dataclass
class Hall:
    """The gateway, the counter's enrolled terminal and a kiosk of the same hall."""

    gateway: RunningGateway
    counter: Terminal
    kiosk: Terminal
    catalog: Catalog
    citizens: list[Citizen]
    printer: FakePrinter
    services: WindowServices
    kiosk_queue: QueueClient
    kiosk_help: HelpClient
    tickets: list[str] = field(default_factory=list)

    @property
    def clock(self) -> FakeClock:
        return self.gateway.clock

    def admin(self, method: str, path: str, body: str) -> dict[str, Any]:
        return self.gateway.admin(method, path, body)

    def issue_code(self, name: str) -> str:
        """A fresh 居民码 of the demo citizen ``name`` (what their phone shows)."""
        return self.gateway.issue_code(name)

    def citizen(self, name: str) -> Citizen:
        return next(c for c in self.citizens if c.name == name)

    def sync(self) -> None:
        for term in (self.kiosk, self.counter):
            term.engine.push()
            term.engine.pull()
            term.engine.tick()  # one round as the engine's loop runs it: online, nothing due

    def login(self, account: str, window: str = "1") -> ClerkSession:
        return self.services.accounts.login(account, DEMO_PASSWORDS[account], window=window)


def _window_services(gateway: RunningGateway, counter: Terminal, catalog: CatalogQuery,
                     printer: FakePrinter) -> WindowServices:
    """The counter client's services as ``govterm window`` builds them, on loopback."""
    clock = gateway.clock

    def signing() -> float:
        return clock.now().timestamp()

    credential = counter.client.credential
    save_enrolment(counter.store.data_dir,
                   Enrolment(gateway_url=gateway.url, credential=credential))
    services = build_services(
        store=counter.store,
        clock=clock,
        catalog=catalog,
        hall_id=HALL,
        papers=PaperMaker(fonts=FontSet(), key=PAPER_KEY),
        printer=printer,
        terminal_id=WINDOW_SLOT,
        sync_status=counter.engine.board,
        identity=EnrolledResolver(data_dir=counter.store.data_dir, gateway_url=gateway.url,
                                  clock=signing),
        queue=QueueClient(
            transport=HttpQueueTransport(base_url=gateway.url, credential=credential,
                                         clock=signing),
            clock=clock,
        ),
        desk=DeskServices(
            transport=HttpDeskTransport(base_url=gateway.url, credential=credential,
                                        clock=signing),
            help_wait=1.0,
        ),
        blobs=BlobFolder(counter.store.data_dir / BLOB_DIR),
    )
    return dataclasses.replace(services, store=counter.store)  # 咨询 and 数字化 record facts


@contextlib.contextmanager
def open_hall(tmp: Path) -> Iterator[Hall]:
    """Start a gateway with the demo catalog and enrol the counter and a kiosk."""
    clock = FakeClock(WEEK_AGO)
    catalog = load_catalog(REPO / "resources" / "catalog")
    citizens, enterprises = load_demo_holders(REPO / "resources" / "demo")
    with running_gateway(tmp / "gateway.db", clock=clock) as gateway:
        gateway.publish(catalog)
        publish_directory(gateway.store, catalog)
        gateway.services.identity.publish_holders(citizens, enterprises)
        counter = terminal(gateway, tmp / "window", hall_id=HALL, slot=WINDOW_SLOT)
        kiosk = terminal(gateway, tmp / "kiosk", hall_id=HALL, slot="K01")
        try:
            counter.engine.pull()
            printer = FakePrinter("a4")
            cache = CatalogCache(counter.store, terminal_id=WINDOW_SLOT, home_hall_id=HALL)
            services = _window_services(gateway, counter, cache, printer)

            def kiosk_signing() -> float:
                return clock.now().timestamp()

            kiosk_credential = kiosk.client.credential
            hall = Hall(
                gateway=gateway, counter=counter, kiosk=kiosk, catalog=catalog,
                citizens=citizens, printer=printer, services=services,
                kiosk_queue=QueueClient(
                    transport=HttpQueueTransport(base_url=gateway.url,
                                                 credential=kiosk_credential,
                                                 clock=kiosk_signing),
                    clock=clock,
                ),
                kiosk_help=HelpClient(transport=HttpDeskTransport(
                    base_url=gateway.url, credential=kiosk_credential, clock=kiosk_signing)),
            )
            hall.admin("PUT", f"/v1/admin/queue/halls/{HALL}/areas",
                       AreaSettingsList(areas=AREAS).model_dump_json())
            yield hall
        finally:
            kiosk.close()
            counter.close()


# -- a week of the hall's work -----------------------------------------------------------


PEOPLE = (
    ("张伟", "370102199003071238", "13806311234"),
    ("李娜", "371002198807152122", "13906315678"),
    ("王强", "371082199512203515", "15863112345"),
    ("陈静", "371002197612011528", "18663109876"),
    ("刘洋", "371083200101054510", "13561187654"),
)


def _applicant(n: int) -> Applicant:
    name, id_number, phone = PEOPLE[n % len(PEOPLE)]
    return Applicant(kind=Audience.PERSONAL, name=name, id_number=id_number, phone=phone)


def _window_case(hall: Hall, item_id: str, n: int, *, clerk: str,  # noqa: PLR0913 - one case
                 outcome: str = "accept", delivery: DeliveryMethod = DeliveryMethod.WINDOW,
                 situation: int = 0) -> str:
    """One application taken in at the counter through the domain, as the page does."""
    services = hall.services
    actor = hall.login(clerk).actor(Role.CLERK)
    item = next(i for i in hall.catalog.items if i.id == item_id)

    def build(number: str) -> Case:
        case = Case.open(
            number=number, item=item, situation_id=item.situations[situation].id,
            applicant=_applicant(n), actor=actor, clock=services.clock,
            calendar=services.calendar,
        )
        materials = case.materials()
        if outcome == "correction":
            marks = [MaterialMark(material_id=m.id, kind=MarkKind.PAPER) for m in materials[1:]]
            marks.append(MaterialMark(material_id=materials[0].id, kind=MarkKind.MISSING))
            case.mark_all(marks)
            case.receive(actor)
            case.request_correction(actor, note="请补齐材料后再来办理")
            return case
        case.mark_all(MaterialMark(material_id=m.id, kind=MarkKind.PAPER) for m in materials)
        case.receive(actor)
        if outcome == "accept":
            case.accept(actor)
        return case

    return services.cases.create(build, delivery=delivery).record.number


def _kiosk_case(hall: Hall, n: int) -> None:
    """A citizen's self-service application at the kiosk (all by e-licence)."""
    store = hall.kiosk.store
    audit = AuditLog(store=store, now=hall.clock.now, terminal_id="K01")
    cases = CaseRepository(store=store, audit=audit, terminal_id="K01", clock=hall.clock)
    item = next(i for i in hall.catalog.items if i.id == PROOF)
    actor = Actor(id=f"kiosk-session-{n}", role=Role.APPLICANT, channel=Channel.KIOSK,
                  terminal_id="K01", hall_id=HALL)
    citizen = hall.citizens[n % len(hall.citizens)]

    def build(number: str) -> Case:
        case = Case.open(number=number, item=item, situation_id=item.situations[0].id,
                         applicant=Applicant(kind=Audience.PERSONAL, name=citizen.name,
                                             id_number=citizen.id_number,
                                             phone=citizen.phone),
                         actor=actor, clock=hall.clock, calendar=hall.services.calendar)
        held = {licence.type_code: licence for licence in citizen.licences}
        case.mark_all(MaterialMark(material_id=m.id, kind=MarkKind.ELICENCE,
                                   licence_type=m.elicence_type,
                                   licence_id=held[m.elicence_type].identifier)
                      for m in case.materials() if m.elicence_type in held)
        case.receive(actor)  # the platform accepts what a kiosk received
        return case

    cases.create(build, delivery=DeliveryMethod.KIOSK_PRINT)


def _evaluate(hall: Hall, level: int, *, reasons: tuple[str, ...] = (), comment: str = "",
              ticket: str = "", clerk: str = "") -> None:
    payload: dict[str, Any] = {"level": level, "reasons": list(reasons), "comment": comment,
                               "channel": "window" if clerk else "kiosk"}
    if ticket:
        payload["ticket_number"] = ticket
    if clerk:
        payload["clerk_id"] = clerk
    enqueue(hall.kiosk.store if not clerk else hall.counter.store, "evaluation.submitted",
            payload)


def make_week(hall: Hall) -> None:
    """Last week's work, results ready this morning, today's first applications."""
    clock = hall.clock
    clerks = ("wh-wangfang", "wh-liuyang", CHIEF, "wh-wangfang")
    backlog = [
        (ID_CARD, DeliveryMethod.WINDOW), (SOCIAL_CARD, DeliveryMethod.EMS),
        (PASSPORT, DeliveryMethod.WINDOW), (ID_CARD, DeliveryMethod.EMS),
        (SOCIAL_CARD, DeliveryMethod.WINDOW), (HOUSING_LOAN, DeliveryMethod.WINDOW),
        (PASSPORT, DeliveryMethod.EMS), (ID_CARD, DeliveryMethod.LOCKER),
    ]
    for day in range(4):  # Tuesday … Friday of last week
        clock.set(WEEK_AGO + dt.timedelta(days=day))
        for n, (item_id, delivery) in enumerate(backlog[day * 2:day * 2 + 2]):
            _window_case(hall, item_id, day * 2 + n, clerk=clerks[(day + n) % 4],
                         delivery=delivery)
        _window_case(hall, GETIHU, day, clerk=clerks[day % 4], outcome="correction")
        _kiosk_case(hall, day)
        if day < 3:  # received, no outcome yet: the 5-working-day limit runs (补正时限)
            _window_case(hall, HOUSING_LOAN, day + 1, clerk=clerks[(day + 1) % 4],
                         outcome="received")
    _evaluate(hall, 5, clerk="wh-wangfang", ticket="A003")
    _evaluate(hall, 4, clerk="wh-liuyang", ticket="A007")
    _evaluate(hall, 1, reasons=("办事效率低", "等候时间长"), comment="排队一个多小时才叫到号",
              ticket="A015", clerk="wh-liuyang")
    _evaluate(hall, 2, reasons=("服务态度差",), comment="自助机打印不出来也没人管")
    hall.sync()
    for _ in range(6):  # the back office works over the weekend
        clock.advance(hours=8)
        hall.gateway.services.run_upstream_once()
    clock.set(TODAY - dt.timedelta(minutes=50))
    _window_case(hall, ID_CARD, 3, clerk="wh-wangfang")
    _window_case(hall, SOCIAL_CARD, 4, clerk="wh-liuyang", delivery=DeliveryMethod.EMS)
    _window_case(hall, HUKOU, 0, clerk="wh-liuyang", situation=3)  # 投靠直系亲属
    _window_case(hall, HUKOU, 1, clerk="wh-wangfang", situation=1)  # 就业落户: one per language
    _window_case(hall, HOUSING_LOAN, 2, clerk="wh-wangfang", outcome="received")
    hall.sync()
    clock.set(TODAY)
    for area, green in (("A", None), ("A", None), ("H", None), ("A", "elderly"), ("A", None)):
        issued = hall.kiosk_queue.issue(area, green_channel=GreenChannel(green) if green else None)
        hall.tickets.append(issued.number)
    hall.sync()


def raise_alarms(hall: Hall) -> None:
    """A kiosk's printer runs out of paper and a citizen presses 呼叫帮办."""
    client = hall.kiosk.client
    body = {"terminal_time": hall.clock.now().timestamp(),
            "health": {"receipt_printer": "缺纸"}}
    r = client.post("/v1/devices/me/heartbeat", json=body)
    if r.status_code != 200:  # noqa: PLR2004 - HTTP OK
        raise RuntimeError(r.text)
    hall.kiosk_help.request_help(topic="pickup", note="取件码输入后没有出纸")


# -- the counter, driven as a clerk drives it ----------------------------------------------


@dataclass
class Counter:
    """The window on the hall's services, and what waiting on it needs."""

    app: QApplication
    hall: Hall
    runner: TaskRunner
    window: WindowClientWindow

    def settle(self, seconds: float = 0.15) -> None:
        settle(self.app, self.runner, seconds, background=self._polling)

    def _polling(self) -> int:
        poller = self.window.help_poller
        return 1 if poller is not None and poller._in_flight else 0  # noqa: SLF001

    def wait(self, condition: Callable[[], bool], *, timeout: float = 20) -> None:
        wait(self.app, condition, timeout=timeout)

    def page(self, key: str) -> Any:
        self.window.open_page(key)
        self.settle()
        return self.window.page(key)


def _login_scenes() -> Iterator[Scene]:
    def typed(c: Counter) -> None:
        login = c.window.login
        login.account.setText(CHIEF)
        login.password.setText(DEMO_PASSWORDS[CHIEF])

    def wrong(c: Counter) -> None:
        login = c.window.login
        login.account.setText("wh-wangfang")
        login.password.setText("not-the-password")
        login.log_in()
        c.wait(lambda: bool(login.error_text()))

    def areas(c: Counter) -> None:
        typed(c)
        c.window.login.log_in()
        c.wait(lambda: c.window.login.steps.currentIndex() == 2)  # noqa: PLR2004 - the areas step

    yield "login", typed
    yield "login-refused", wrong
    yield "login-areas", areas


def _queue_scenes() -> Iterator[Scene]:
    def waiting(c: Counter) -> None:
        page = c.page("queue")
        page.refresh()
        c.wait(lambda: page.view is not None and page.waiting.rowCount() > 0)

    def called(c: Counter) -> None:
        page = c.page("queue")
        current = page.view.current if page.view else None
        if current is None:
            page.call_next()
            c.wait(lambda: page.view is not None and page.view.current is not None)

    yield "queue-waiting", waiting
    yield "queue-called", called


def _consultation_scenes() -> Iterator[Scene]:
    def logged(c: Counter) -> None:
        page = c.page("consultation")
        page.items.search.setText("户口迁入")
        c.wait(lambda: page.items.is_showing("户口迁入"))
        page.choose_item(HUKOU)
        c.settle()
        page.answer.setPlainText(
            "购房落户须房屋已办理不动产登记，本人及配偶、未成年子女可随迁；"
            "携带居民身份证、户口簿、不动产权证书，可在综合受理窗口一次办结。"
        )
        count = page.history_list.count()
        page.save()
        c.wait(lambda: page.history_list.count() > count)

    yield "consultation-logged", logged


def _acceptance_scenes() -> Iterator[Scene]:  # noqa: C901, PLR0915 - a closure per step
    def page_of(c: Counter) -> Any:
        return c.page("acceptance")

    def empty(c: Counter) -> None:
        page_of(c).start_over()

    def searched(c: Counter) -> None:
        page = page_of(c)
        page.start_over()
        page.items.search.setText("户口")
        c.wait(lambda: page.items.is_showing("户口"))

    def situations(c: Counter) -> None:
        page = page_of(c)
        page._open_item(HUKOU)  # noqa: SLF001 - Enter on the hit
        c.wait(lambda: page.flow().item is not None)

    def by_code(c: Counter) -> None:
        page = page_of(c)
        page._choose_situation(page.situations.item(0))  # noqa: SLF001 - 购房落户, Enter
        page.code.setText(c.hall.issue_code(HUKOU_BUYER))
        page.resolve_code()
        c.wait(lambda: page.flow().applicant is not None)

    def outcomes(c: Counter) -> None:
        page = page_of(c)
        page.set_agent(None)
        page.checklist.setCurrentCell(0, 0)
        page.mark_current(MarkKind.PAPER)  # 户口迁移申请表 on paper; the rest by e-licence
        c.settle()

    def accepted(c: Counter) -> None:
        page = page_of(c)
        from core.acceptance import Outcome

        page.choose_outcome(Outcome.ACCEPT)
        c.wait(lambda: page.done is not None and not page.preview.pixmap().isNull())

    def agent(c: Counter) -> None:
        page = page_of(c)
        page.start_over()
        page._open_item(GETIHU)  # noqa: SLF001 - Enter on the hit
        c.wait(lambda: page.flow().item is not None)
        page.name.setText("孙丽")
        page.id_number.setText("371002199208083027")
        page.phone.setText("13906317788")
        page.save_typed_applicant()
        page.agent_name.setText("孙建国")
        page.agent_id.setText("37100219650505101X")
        page.agent_phone.setText("13806312233")
        page.agent_ref.setText("WT-2026-0302-01")
        page.save_agent()
        c.settle()

    def marked(c: Counter) -> None:
        page = page_of(c)
        page.checklist.setCurrentCell(0, 0)
        page.mark_current(MarkKind.MISSING)
        page.mark_current(MarkKind.DEFECTIVE)  # asks for the reason
        page.defect_reason.setText("复印件不清晰，且未注明“与原件一致”")

    def correction(c: Counter) -> None:
        page = page_of(c)
        page._defect_entered()  # noqa: SLF001 - Enter in the reason box
        page.mark_current(MarkKind.MISSING)
        from core.acceptance import Outcome

        page.correction_note.setText("请补齐材料后到综合受理窗口，无需重新取号")
        page.choose_outcome(Outcome.CORRECTION)
        c.wait(lambda: page.done is not None and not page.preview.pixmap().isNull())

    def reject_form(c: Counter) -> None:
        page = page_of(c)
        page.start_over()
        page._open_item(GETIHU)  # noqa: SLF001
        c.wait(lambda: page.flow().item is not None)
        page.name.setText("周明")
        page.id_number.setText("37100219851111301X")
        page.phone.setText("15806319900")
        page.save_typed_applicant()
        page.set_agent(None)
        for row in range(page.checklist.rowCount()):
            page.checklist.setCurrentCell(row, 0)
            page.mark_current(MarkKind.PAPER)
        page.reject_reason.setText("申请经营的网吧不属于个体工商户登记范围，须依法办理前置许可")
        page.reject_redress.setText(REDRESS)
        page.chief_account.setText(CHIEF)
        page.chief_password.setText(DEMO_PASSWORDS[CHIEF])
        c.settle()

    def rejected(c: Counter) -> None:
        page = page_of(c)
        from core.acceptance import Outcome

        page.choose_outcome(Outcome.REJECT)
        c.wait(lambda: page.done is not None and not page.preview.pixmap().isNull())

    yield "acceptance-start", empty
    yield "acceptance-search", searched
    yield "acceptance-situation", situations
    yield "acceptance-applicant-elicences", by_code
    yield "acceptance-outcomes", outcomes
    yield "acceptance-receipt", accepted
    yield "acceptance-agent", agent
    yield "acceptance-defect-reason", marked
    yield "acceptance-correction-notice", correction
    yield "acceptance-reject-chief", reject_form
    yield "acceptance-rejected", rejected


def _back_office_scenes(scan: Path) -> Iterator[Scene]:
    def materials(c: Counter) -> None:
        page = c.page("materials")
        page.refresh()
        c.wait(lambda: page.case_list.count() > 0)
        page.case_list.setCurrentRow(0)
        c.wait(lambda: page.material_list.count() > 0)
        page.material_list.setCurrentRow(0)
        count = page.done_list.count()
        page.import_file(scan)
        c.wait(lambda: page.done_list.count() > count)

    def handover(c: Counter) -> None:
        page = c.page("handover")
        page.refresh()
        c.wait(lambda: page.case_list.count() > 0)
        for line in page._lines:  # noqa: SLF001 - tick every case, as the clerk does
            page.tick(line.number)
        page.department.setText("威海市公安局户政管理科")
        printed = len(c.hall.printer.printed)
        page.print_list()
        c.wait(lambda: not page._busy)  # noqa: SLF001
        c.hall.services.print_queue.run_once()
        c.wait(lambda: len(c.hall.printer.printed) > printed)

    def deadlines(c: Counter) -> None:
        page = c.page("deadlines")
        page.refresh()
        c.wait(lambda: page.table.rowCount() > 0)

    def items(c: Counter) -> None:
        page = c.page("items")
        page.open_item(HUKOU)
        c.wait(lambda: page.shown_item_id() == HUKOU)

    def statistics(c: Counter) -> None:
        page = c.page("statistics")
        page.start.setDate(QDate(WEEK_AGO.year, WEEK_AGO.month, WEEK_AGO.day))  # the week
        page.refresh()
        c.wait(lambda: page.report is not None)

    yield "materials-digitised", materials
    yield "handover-printed", handover
    yield "deadlines", deadlines
    yield "items-guide", items
    yield "statistics", statistics


def _help_scenes() -> Iterator[Scene]:
    def alerts(c: Counter) -> None:
        page = c.page("help")
        c.wait(lambda: page.requests.count() > 0 and page.alerts.count() > 0)

    yield "help-alerts", alerts


def _issuing_scenes() -> Iterator[Scene]:
    def page_of(c: Counter) -> Any:
        page = c.page("issuing")
        if not page._results:  # noqa: SLF001
            page.refresh()
            c.wait(lambda: bool(page._results))  # noqa: SLF001
        return page

    def choose(c: Counter, method: DeliveryMethod) -> Any:
        page = page_of(c)
        row = next(i for i, r in enumerate(page._results)  # noqa: SLF001
                   if method in r.methods)
        page.results.setCurrentRow(row)
        c.settle()
        page.choose(method)
        c.settle()
        return page

    def window(c: Counter) -> None:
        page = choose(c, DeliveryMethod.WINDOW)
        page.signed_on_pad.setChecked(True)
        page.pad.add_stroke([QPointF(40 + x * 6, 80 + (x % 7) * 6 - (x % 3) * 4)
                             for x in range(40)])
        page.pad.add_stroke([QPointF(300 + x * 4, 60 + x * 2) for x in range(30)])

    def ems(c: Counter) -> None:
        page = choose(c, DeliveryMethod.EMS)
        page.waybill.setText("1183326409811")

    def self_service(c: Counter) -> None:
        method = DeliveryMethod.LOCKER
        page = choose(c, method)
        page.compartment.setText("12")
        page.confirm_selected()
        c.wait(lambda: bool(page.code_view.text()) or bool(page.outcome.text()))

    yield "issuing-window-signature", window
    yield "issuing-ems", ems
    yield "issuing-locker-code", self_service


def _conclusion_scenes() -> Iterator[Scene]:
    def form(c: Counter) -> None:
        page = c.page("conclusion")  # opening the page refreshes its list
        c.wait(lambda: page.selected() is not None)
        c.settle()  # the list is shown (and its form cleared) before the chief types
        page.result_ref.setText("威公户迁字〔2026〕0302号")
        page.chief_account.setText(OTHER_CHIEF)
        page.chief_password.setText(DEMO_PASSWORDS[OTHER_CHIEF])

    def signed(c: Counter) -> None:
        page = c.window.page("conclusion")  # as filled in: opening it again would refresh
        page.conclude_selected()
        c.wait(lambda: not page.busy and bool(page.outcome.text()))

    yield "conclusion-chief-signs", form
    yield "conclusion-signed", signed  # 赵敏 at the counter, 周健 the second signature


def _complaint_scenes() -> Iterator[Scene]:
    def bad_review(c: Counter) -> None:
        page = c.page("complaints")
        page.tabs.setCurrentIndex(0)
        page.refresh()
        c.wait(lambda: bool(page._tickets))  # noqa: SLF001
        page.step_text.setText("已电话回访评价人，情况属实，已向其致歉")

    def new(c: Counter) -> None:
        page = c.page("complaints")
        page.tabs.setCurrentIndex(1)
        page.reasons.item(0).setCheckState(page.reasons.item(0).checkState().Checked)
        page.subject.setText("A015")
        page.comment.setText("窗口人员解释政策不耐心")
        page.contact.setText("13863101234")

    yield "complaints-bad-review", bad_review
    yield "complaints-new", new


def _page_scenes(scan: Path) -> list[Scene]:
    return [
        *_queue_scenes(),
        *_consultation_scenes(),
        *_acceptance_scenes(),
        *_back_office_scenes(scan),
        *_help_scenes(),
        *_issuing_scenes(),
        *_conclusion_scenes(),
        *_complaint_scenes(),
    ]


# -- taking the pictures ----------------------------------------------------------------


def grab(c: Counter, name: str, lang: str) -> int:
    """Save the window at each size; returns how many pictures."""
    window = c.window
    for size in SIZES:
        window.resize(size)
        c.settle(0.2)
        window.grab().save(str(OUT / f"window-{name}-{lang}-{size.width()}.png"))
    return len(SIZES)


def _run(c: Counter, scenes: list[Scene], lang: str, only: str | None) -> int:
    count = 0
    for name, scene in scenes:
        if only and only not in name:
            continue
        try:
            scene(c)
        except (RuntimeError, StopIteration) as error:  # one scene failing must not hide others
            log.warning("%s (%s) not reached: %s", name, lang, error)
        c.settle()
        count += grab(c, name, lang)
    return count


def _scan_file(folder: Path) -> Path:
    """A scanned page as the document camera makes it (a PNG)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 80, 1160, 1674), outline="black", width=4)
    for y in range(240, 1600, 60):
        draw.line((140, y, 1100, y), fill="#888888", width=2)
    path = folder / "scan-001.png"
    image.save(path)
    return path


def render(app: QApplication, catalog: CatalogQuery | None = None, source: str = "demo",
           hall_id: str = HALL, *, only: str | None = None) -> int:
    """Render every counter-client scene in Chinese and English; returns the count.

    ``catalog``, ``source`` and ``hall_id`` are kept for ``scripts/render_screens.py``:
    the pictures always come from the demo catalog published on a loopback gateway.
    """
    del catalog, source, hall_id
    OUT.mkdir(parents=True, exist_ok=True)
    language = LanguageManager(app, translations_dir=TRANSLATIONS)
    apply_theme(app, mode="window")
    runner = TaskRunner()
    count = 0
    with tempfile.TemporaryDirectory() as tmp, open_hall(Path(tmp)) as hall:
        make_week(hall)
        raise_alarms(hall)
        scan = _scan_file(Path(tmp))
        try:
            for lang in ("zh_CN", "en"):
                language.set_language(lang)
                window = WindowClientWindow(services=hall.services, language=language,
                                            runner=runner)
                window.show()
                counter = Counter(app, hall, runner, window)
                counter.settle()
                count += _run(counter, list(_login_scenes()), lang, only)
                login = window.login
                if login.steps.currentIndex() != 2:  # noqa: PLR2004 - the areas step
                    login.account.setText(CHIEF)
                    login.password.setText(DEMO_PASSWORDS[CHIEF])
                    login.log_in()
                    counter.wait(lambda s=login.steps: s.currentIndex() == 2)  # noqa: PLR2004
                login.start_work()
                counter.wait(lambda w=window: w.session is not None)
                counter.settle()
                count += _run(counter, _page_scenes(scan), lang, only)
                hall.sync()
                window.log_out()
                window.close()
                window.deleteLater()
                app.processEvents()
        finally:
            language.set_language("zh_CN")
            runner.shutdown()
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="render only scenes whose name contains this")
    args = parser.parse_args()
    logging.basicConfig(level=os.environ.get("RENDER_LOG", "WARNING"),
                        format="%(relativeCreated)d %(name)s %(message)s")
    app = QApplication(sys.argv)
    count = render(app, only=args.only)
    sys.stdout.write(f"{count} window-client screens rendered to {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
