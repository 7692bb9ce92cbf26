"""The kiosk left alone: cold start, screen changes and memory over many sessions.

Run::

    .venv/bin/python -m bench.kiosk                  # everything, 10,000 sessions
    .venv/bin/python -m bench.kiosk --quick          # 1,000 sessions, 3 cold starts
    .venv/bin/python -m bench.kiosk --only cold --runs 9
    .venv/bin/python -m bench.kiosk --only screens --iterations 100 --profile guide

Measures (DESIGN.md budgets), each beside a bare baseline in the same run:

- **cold start to interactive home** (≤ 1.0 s): a fresh process runs ``govterm kiosk``
  (offscreen, same command line, settings and composition root as a real terminal)
  on a store with the demo catalog already imported, then on a 100,000-item catalog
  cache. The parent takes the monotonic clock just before it starts the process; the
  child reports, on a pipe, the moment its home screen was shown and painted and a
  zero-timer after that fired (the event loop is idle: the kiosk answers a tap). The
  baseline is a bare ``QMainWindow`` with a ``QLabel`` started the same way.
- **screen changes** (≤ 100 ms): in one process, the kiosk built by the composition
  root with a gateway configured but unreachable (so 取号 and 自助取件 are offered).
  Each tap is a real mouse click sent with QTest through the window's ``QWindow`` (as
  the platform delivers a touch) onto the tile or button a person presses (home →
  search → last keystroke → a result's guide → home; home → 热门事项 → a guide → home;
  home → 取号 → home; home → 自助取件 → home; 中文 ⇄ English), timed with
  ``time.perf_counter`` and ``time.process_time`` from the click to a zero-timer
  queued by the first paint of the target screen showing its content (the frame is
  painted and the loop is free for the next tap), with a 50 ms pause between taps.
  The baseline flips a bare ``QStackedWidget`` page by a click on its button, timed
  the same way, twice every few taps in the same rounds. ``--profile NAME`` runs the
  transitions named NAME under cProfile.
- **memory over many sessions** (RSS ≤ 250 MB, growth ≤ 2 %): one process runs
  ``--sessions`` citizen sessions (search by keystrokes, a guide, 预约签到 with a typed
  appointment code, an ID number typed into search, the session ended through
  :meth:`kiosk.window.KioskWindow.end_session` as the idle timeout does), sampling
  ``VmRSS`` early (1 %), after the warm-up (10 % of the sessions) and at every further
  10 %; growth is read from the warm-up on. The store is made in a child process (its
  search keys need pypinyin, which the measured kiosk must not inherit). ``--trace``
  compares two tracemalloc snapshots, half-way and at the end. The baseline runs the
  same loop over a trivial window.

Figures and ratios only; nothing asserts on time. No network: the store is local; the
screen changes run with a gateway URL on a closed loopback port, so gateway calls fail
fast the way an unplugged terminal's do, the cold starts and sessions with none.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
HALL = "wh-zwzx"  # 威海市政务服务中心 in the demo catalog
HEAVY_MODULES = ("reportlab", "pyzbar", "requests", "fastapi", "uvicorn", "pypdf", "qrcode")


def _clock() -> float:
    """System-wide monotonic seconds: the same clock in the parent and the child."""
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal columns (a hanzi takes two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


# -- the child processes of the cold start ------------------------------------------------


def _child(kind: str, report_fd: int, govterm_args: list[str]) -> int:
    """In a fresh process: start ``kind`` and report when its window is interactive."""
    first_line = _clock()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    marks: dict[str, Any] = {"first_line": first_line}

    class Probe(QObject):
        """Watches for the window's show and first paint, then a zero-timer."""

        def __init__(self, app: QApplication, window_name: str) -> None:
            super().__init__()
            self._app = app
            self._name = window_name
            self._window: QWidget | None = None
            self.events = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            self.events += 1
            kind = event.type()
            if kind == QEvent.Type.Show and self._window is None:
                if isinstance(watched, QWidget) and watched.objectName() == self._name:
                    self._window = watched
                    marks["shown"] = _clock()
            elif (
                kind == QEvent.Type.Paint
                and self._window is not None
                and "painted" not in marks
                and isinstance(watched, QWidget)
                and watched.window() is self._window
            ):
                marks["painted"] = _clock()
                # what home was shown with (work after this is the kiosk's idle-time work)
                marks["heavy"] = sorted(m for m in HEAVY_MODULES if m in sys.modules)
                marks["modules"] = len(sys.modules)
                QTimer.singleShot(0, self._idle)
            return False

        def _idle(self) -> None:
            marks["idle"] = _clock()
            times = os.times()
            marks["cpu"] = times.user + times.system  # this process: robust to others' load
            self._app.removeEventFilter(self)
            marks["events"] = self.events
            os.write(report_fd, (json.dumps(marks) + "\n").encode())
            os.close(report_fd)
            self._app.quit()

    if kind == "bare":
        from PySide6.QtWidgets import QLabel, QMainWindow

        app = QApplication(sys.argv[:1])
        marks["app"] = _clock()
        probe = Probe(app, "BareWindow")
        app.installEventFilter(probe)
        window = QMainWindow()
        window.setObjectName("BareWindow")
        window.setCentralWidget(QLabel("您好, 欢迎使用政务服务自助终端"))
        window.resize(1920, 1080)
        window.show()
        return app.exec()

    # The kiosk: ``govterm kiosk`` as the command line runs it. The application is
    # made first (govterm's own factory; the composition root reuses it) so the probe
    # can watch it; the import of Qt it costs is counted either way.
    from govterm.app import application

    app = application()
    marks["app"] = _clock()
    probe = Probe(app, "KioskWindow")
    app.installEventFilter(probe)
    from govterm.__main__ import main

    return main(govterm_args)


def _spawn(kind: str, govterm_args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Start one child; its marks relative to the moment before it was started (s)."""
    read_fd, write_fd = os.pipe()
    command = [
        sys.executable,
        "-m",
        "bench.kiosk",
        "--child",
        kind,
        "--report-fd",
        str(write_fd),
        "--",
        *govterm_args,
    ]
    started = _clock()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        command,
        cwd=REPO,
        env=env,
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        line = pipe.readline()
    _, stderr = process.communicate(timeout=60)
    if not line:
        raise RuntimeError(f"{kind} did not report (exit {process.returncode}): {stderr[-2000:]!r}")
    marks = json.loads(line)
    out = {k: v - started for k, v in marks.items() if isinstance(v, float) and k != "cpu"}
    out["cpu"] = marks.get("cpu", 0.0)
    out["events"] = marks.get("events", 0)
    out["heavy"] = marks.get("heavy", [])
    out["modules"] = marks.get("modules", 0)
    return out


def _store_with(data_dir: Path, *, items: int) -> None:
    """A terminal store with the demo catalog, or a generated one of ``items`` items."""
    from govterm.app import import_catalog_dir
    from sync.catalog_cache import import_catalog
    from sync.store import open_store

    store = open_store(data_dir)
    try:
        if items:
            from bench.search import generate_catalog

            import_catalog(store, generate_catalog(items))
        else:
            import_catalog_dir(store, REPO / "resources" / "catalog")
    finally:
        store.close()


def _store_in_child(data_dir: Path, *, items: int) -> None:
    """:func:`_store_with` in a child process, so this one never imports pypinyin.

    Search keys are made with pypinyin (≈ 40 MB once imported); a terminal gets its
    store from the sync engine or from the import step of installation, not from the
    kiosk loop measured here, which must not carry a library its setup loaded.
    """
    subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.kiosk", "--make-store", str(data_dir), "--items", str(items)],
        cwd=REPO,
        check=True,
        timeout=600,
    )


def _config(folder: Path, *, hall: str, gateway: str = "") -> Path:
    """The terminal's settings file; ``gateway`` empty: no gateway configured at all."""
    path = folder / "govterm.toml"
    path.write_text(
        f'[terminal]\nid = "K01"\nhall_id = "{hall}"\nname = "自助终端 01"\n\n'
        f'[gateway]\nurl = "{gateway}"\n',
        encoding="utf-8",
    )
    return path


def _closed_port_url() -> str:
    """A loopback URL nothing listens on: the gateway of an unplugged terminal.

    With a gateway configured the kiosk offers its citizen services (取号, 自助取件 …);
    every call to it is refused at once, as when the hall's network is down.
    """
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _child_env(pycache: Path | None) -> dict[str, str]:
    """The children's environment: offscreen, no GOVTERM_ overrides.

    With ``pycache``, bytecode is written to and read from that folder, as an installed
    kiosk runs (the PyInstaller build and the .deb ship compiled modules); without it
    the parent's ``PYTHONDONTWRITEBYTECODE`` (if set) makes every start compile every
    module of ours from source again (≈ 0.15–0.3 s here).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVTERM_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _print_runs(name: str, runs: list[dict[str, Any]], baseline: float | None) -> float:
    idle = [r["idle"] for r in runs]
    median = statistics.median(idle)
    ratio = f"{median / baseline:6.2f}" if baseline else "     —"
    first = statistics.median(r["first_line"] for r in runs)
    built = statistics.median(r["shown"] - r["app"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    _out(
        f"{name:<28}{median * 1000:9.0f}{max(idle) * 1000:9.0f}{ratio}{cpu * 1000:8.0f}"
        f"   python up {first * 1000:4.0f} ms, window built+shown {built * 1000:4.0f} ms,"
        f" {runs[-1]['events']} events, {runs[-1]['modules']} modules"
    )
    heavy = runs[-1]["heavy"]
    if heavy:
        _out(f"{'':<28}loaded before home: {', '.join(heavy)}")
    return median


def cold_start(runs: int, *, big_items: int, bytecode: bool = True) -> None:
    """Cold start of ``govterm kiosk`` (demo catalog, big catalog) beside a bare window."""
    with tempfile.TemporaryDirectory(prefix="bench-kiosk-") as tmp_name:
        tmp = Path(tmp_name)
        env = _child_env(tmp / "pycache" if bytecode else None)
        demo, big = tmp / "demo", tmp / "big"
        _store_with(demo, items=0)
        config = _config(tmp, hall=HALL)
        cases: list[tuple[str, str, list[str]]] = [
            ("bare QMainWindow + QLabel", "bare", []),
            (
                "govterm kiosk, demo catalog",
                "kiosk",
                ["--config", str(config), "--data-dir", str(demo), "kiosk"],
            ),
        ]
        if big_items:
            started = _clock()
            _store_with(big, items=big_items)
            _out(f"{big_items:,}-item catalog cache made in {_clock() - started:.1f} s")
            cases.append(
                (
                    f"govterm kiosk, {big_items // 1000}k items",
                    "kiosk",
                    ["--config", str(config), "--data-dir", str(big), "kiosk"],
                )
            )
        results: dict[str, list[dict[str, Any]]] = {name: [] for name, _, _ in cases}
        if bytecode:
            for _, kind, args in cases:  # not counted: writes the bytecode cache
                _spawn(kind, args, env)
        for _ in range(runs):  # interleaved, so a burst of load hits every case alike
            for name, kind, args in cases:
                results[name].append(_spawn(kind, args, env))
        how = "bytecode cached, as installed" if bytecode else "every module compiled from source"
        _out(f"\ncold start to interactive home, {runs} runs each, {how} (budget ≤ 1000 ms)")
        _out(f"{'':<28}{'median ms':>9}{'max ms':>9} ratio  CPU ms")
        baseline = None
        for name, _, _ in cases:
            median = _print_runs(name, results[name], baseline)
            baseline = baseline or median


# -- in-process kiosk ---------------------------------------------------------------------


class _Kiosk:
    """The kiosk window as ``govterm kiosk`` builds it, in this process, offscreen."""

    def __init__(self, tmp: Path, *, gateway: str = "") -> None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from govterm.app import GuiOptions, application, build_ui
        from govterm.settings import load_settings, resources_dir

        data_dir = tmp / "kiosk"
        _store_in_child(data_dir, items=0)
        # A snapshot of resources/, as an installed kiosk has: Qt memory-maps the .qm
        # translations, and a rebuild of them in the working tree during a run (lrelease
        # rewrites the file in place) crashed the bench in the middle of a lookup.
        resources = tmp / "resources"
        shutil.copytree(resources_dir(), resources)
        os.environ["GOVTERM_RESOURCES"] = str(resources)
        settings, _ = load_settings(_config(tmp, hall=HALL, gateway=gateway))
        self.app = application()
        self.ui = build_ui(
            "kiosk",
            app=self.app,
            settings=settings,
            resources=resources,
            options=GuiOptions(),
            data_dir=data_dir,
        )
        self.window: Any = self.ui.window
        self.window.show()
        self.run(iter([self.window.isVisible]))

    def run(self, steps: Iterator[Callable[[], bool]], timeout_s: float = 60.0) -> None:
        """Drive ``steps`` from inside a running event loop, as a person would.

        Each step does its taps and yields the condition to wait for; a 1 ms timer
        looks at it. Everything runs at the event-loop level a real kiosk runs at, so
        ``deleteLater`` takes effect as it does there (a loop driven by bare
        ``processEvents`` calls never deletes, and would report a leak that is not).
        """
        from PySide6.QtCore import QEventLoop, Qt, QTimer

        loop = QEventLoop()
        pump = QTimer()
        pump.setTimerType(Qt.TimerType.PreciseTimer)
        state: dict[str, Any] = {"until": lambda: True, "deadline": _clock() + timeout_s}
        failure: list[BaseException] = []

        def step() -> None:
            try:
                if not state["until"]():
                    if _clock() > state["deadline"]:
                        what = getattr(state["until"], "what", "a condition")
                        raise TimeoutError(f"the kiosk did not get there in time: {what}")
                    return
                state["until"] = next(steps)
                state["deadline"] = _clock() + timeout_s
            except StopIteration:
                loop.quit()
            except BaseException as error:  # noqa: BLE001 - re-raised after the loop
                failure.append(error)
                loop.quit()

        pump.timeout.connect(step)
        pump.start(1)
        loop.exec()
        pump.stop()
        if failure:
            raise failure[0]

    def close(self) -> None:
        self.window.close()
        self.ui.close()


class _Arrived:
    """A condition that holds once the tap it belongs to has been answered on screen."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.done = False

    def __call__(self) -> bool:
        return self.done


def _arrivals(profile: str | None) -> Any:
    """A watch that times a tap until the frame that shows its target screen, ready."""
    import cProfile

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    _Armed = tuple[_Arrived, QWidget, Callable[[], bool], float, float]

    class Arrivals(QObject):
        """Tap to painted, in wall-clock and in this process's CPU time.

        :meth:`tap` reads both clocks, then taps. Qt paints a window's changed widgets
        together, when the window handles its (low-priority) update request, after
        pending layout requests. The first update request of the target's window at
        which ``ready()`` holds therefore paints the new screen with its content; a
        zero-timer queued from there fires once that frame is painted and flushed and
        the event loop is free again (the next tap would be answered), and stops both
        clocks. With ``profile``, transitions whose name contains it run under
        cProfile, from the tap to that timer.
        """

        def __init__(self) -> None:
            super().__init__()
            self.samples: dict[str, list[tuple[float, float]]] = {}
            self.profiler = cProfile.Profile() if profile else None
            self._armed: _Armed | None = None

        def watch(self, *windows: QWidget) -> None:
            """Watch the update requests of these top-level windows."""
            for window in windows:
                window.installEventFilter(self)

        def tap(
            self, name: str, target: QWidget, ready: Callable[[], bool], action: Callable[[], None]
        ) -> _Arrived:
            """Tap now; the condition that holds once ``target`` was painted ready."""
            arrived = _Arrived(name)
            started = time.perf_counter(), time.process_time()
            self._armed = (arrived, target.window(), ready, *started)
            if self.profiler is not None and profile is not None and profile in name:
                self.profiler.enable()
            action()
            return arrived

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            armed = self._armed
            if (
                armed is not None
                and watched is armed[1]
                and event.type() == QEvent.Type.UpdateRequest
                and armed[2]()
            ):
                self._armed = None
                QTimer.singleShot(0, lambda: self._painted(armed))
            return False

        def _painted(self, armed: _Armed) -> None:
            wall = time.perf_counter() - armed[3]
            cpu = time.process_time() - armed[4]
            if self.profiler is not None:
                self.profiler.disable()
            self.samples.setdefault(armed[0].what, []).append((wall, cpu))
            armed[0].done = True

    return Arrivals()


def _percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


QUERIES = ("护照", "hz", "社保", "jz", "营业执照", "gjj", "结婚", "yyzz")
BARE = "bare QStackedWidget page"
HOME_TO_GUIDE = "home → guide (2 taps, via 热门事项)"


def _bare_stack() -> tuple[Any, list[Any]]:
    """Baseline: a bare stacked widget of two pages, each a label and a button to tap."""
    from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

    stack = QStackedWidget()
    stack.setObjectName("BareStack")
    buttons = []
    for index, text in enumerate(("首页", "搜索")):
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(text))
        button = QPushButton("下一页")
        button.setMinimumSize(240, 96)
        button.clicked.connect(lambda _=False, n=index: stack.setCurrentIndex(1 - n))
        layout.addWidget(button)
        stack.addWidget(page)
        buttons.append(button)
    stack.resize(1920, 1080)
    stack.show()
    return stack, buttons


class _Walk:
    """One citizen's walk through the kiosk, tap by tap, for :func:`screen_changes`.

    Every tap is a real mouse click sent with QTest to the window's ``QWindow`` at the
    tile or button a person would press, timed by ``arrivals`` to the frame that shows
    the new screen. Through the window, as the platform delivers a touch, so the tap
    passes what listens there (the idle countdown, the keyboard-wedge bridge); a click
    sent to the widget itself would skip them.
    """

    def __init__(self, kiosk: _Kiosk, arrivals: Any, bare: tuple[Any, list[Any]]) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.window = kiosk.window
        self.arrivals = arrivals
        self.stack, self.bare_buttons = bare
        self._click_with = QTest.mouseClick
        self._left = Qt.MouseButton.LeftButton
        self._no_modifier = Qt.KeyboardModifier.NoModifier
        arrivals.watch(self.window, self.stack)

    def rounds(self, count: int, *, warm_up: int) -> Iterator[Callable[[], bool]]:
        """Every timed tap of ``count`` rounds; the first ``warm_up`` rounds are dropped."""
        yield self.on(self.window.home)
        for n in range(count):
            if n == warm_up:
                self.arrivals.samples.clear()
            yield from self.bare_flips(2)
            yield from self.search_to_guide(n)
            yield from self.bare_flips(2)
            yield from self.hot_to_guide(n)
            yield from self.services()
            yield from self.bare_flips(2)
            yield from self.language()

    def on(self, screen: Any) -> Callable[[], bool]:
        return lambda: self.window.current_screen() is screen

    def in_sight(self, widget: Any) -> bool:
        """Whether a finger on the middle of ``widget`` lands on it (not scrolled away)."""
        top = widget.window()
        hit = top.childAt(widget.mapTo(top, widget.rect().center()))
        return hit is not None and (hit is widget or widget.isAncestorOf(hit))

    def click(self, widget: Any) -> Callable[[], None]:
        def tap() -> None:
            top = widget.window()
            at = widget.mapTo(top, widget.rect().center())
            self._click_with(top.windowHandle(), self._left, self._no_modifier, at)

        return tap

    @staticmethod
    def pause() -> Callable[[], bool]:
        """A person's pause between taps (≈ 50 ms): what the last tap left to do runs."""
        until = _clock() + 0.05
        return lambda: _clock() >= until

    def tap(
        self, name: str, target: Any, ready: Callable[[], bool], action: Callable[[], None]
    ) -> Iterator[Callable[[], bool]]:
        yield self.arrivals.tap(name, target, ready, action)
        yield self.pause()

    def bare_flips(self, count: int) -> Iterator[Callable[[], bool]]:
        stack = self.stack
        for _ in range(count):
            page = stack.widget(1 - stack.currentIndex())
            button = self.bare_buttons[stack.currentIndex()]
            yield from self.tap(BARE, page, self.showing(page), self.click(button))

    def showing(self, page: Any) -> Callable[[], bool]:
        return lambda: self.stack.currentWidget() is page

    def search_to_guide(self, n: int) -> Iterator[Callable[[], bool]]:
        from core.terminal import Tile

        window = self.window
        home, search, guide = window.home, window.search, window.guide
        query = QUERIES[n % len(QUERIES)]
        yield from self.tap(
            "home → search", search, self.on(search), self.click(home.tile_button(Tile.SEARCH))
        )
        for char in query[:-1]:  # what the on-screen keyboard commits, key by key
            search.field.insert(char)
        yield lambda: search.is_showing_results_for(query[:-1])
        yield self.pause()
        yield from self.tap(
            "search: last keystroke → results",
            search,
            lambda: search.is_showing_results_for(query),
            lambda: search.field.insert(query[-1]),
        )
        rows = search.results.rows()
        rows = [row for row in rows if self.in_sight(row)]
        if not rows:
            raise RuntimeError(f"no result for {query!r} in sight in the demo catalog")
        row = rows[n % len(rows)]
        shown = row.hit.id
        yield from self.tap(
            "search → guide", guide, lambda: guide.shown_item_id() == shown, self.click(row)
        )
        yield from self.tap(
            "guide → home", home, self.on(home), self.click(window.header.home_button)
        )

    def hot_to_guide(self, n: int) -> Iterator[Callable[[], bool]]:
        from core.terminal import Tile

        window = self.window
        home, guide, hot = window.home, window.guide, window.list
        yield from self.tap(
            "home → 热门事项 list",
            hot,
            lambda: window.current_screen() is hot and hot.is_loaded() and bool(hot.list.rows()),
            self.click(home.tile_button(Tile.HOT)),
        )
        rows = [row for row in hot.list.rows() if self.in_sight(row)]
        row = rows[n % len(rows)]
        shown = row.hit.id
        yield from self.tap(
            "热门事项 → guide", guide, lambda: guide.shown_item_id() == shown, self.click(row)
        )
        yield from self.tap(
            "guide → home", home, self.on(home), self.click(window.header.home_button)
        )

    def services(self) -> Iterator[Callable[[], bool]]:
        from core.terminal import Tile

        window = self.window
        home = window.home
        for tile, screen, name in (
            (Tile.TICKET, window.ticket, "取号"),
            (Tile.PICKUP, window.pickup, "自助取件"),
        ):
            if screen is None:
                continue
            yield from self.tap(
                f"home → {name}", screen, self.on(screen), self.click(home.tile_button(tile))
            )
            yield from self.tap(
                f"{name} → home", home, self.on(home), self.click(window.header.home_button)
            )

    def language(self) -> Iterator[Callable[[], bool]]:
        """中文 → English on the home screen, then back."""
        from core.terminal import Tile

        window = self.window
        tile = window.home.tile_button(Tile.SEARCH)
        for _ in range(2):
            yield from self.tap(
                "language switch (home)",
                window.home,
                self.changed(tile.text, tile.text()),
                self.click(window.header.language_button),
            )

    @staticmethod
    def changed(now: Callable[[], str], before: str) -> Callable[[], bool]:
        return lambda: now() != before


def screen_changes(iterations: int, *, profile: str | None = None) -> None:
    """Tap to painted for every kind of screen change, beside a bare stacked widget.

    One process, the kiosk built by the composition root with a gateway configured
    but unreachable (so 取号 and 自助取件 are offered); every tap is a real mouse
    click sent with QTest through the window onto the tile or button a person would
    press. Each round
    also flips a bare ``QStackedWidget`` page by a click on its button, timed the same
    way, so a burst of load from elsewhere hits both alike.
    """
    import pstats

    warm_up = 5
    with tempfile.TemporaryDirectory(prefix="bench-kiosk-") as tmp_name:
        kiosk = _Kiosk(Path(tmp_name), gateway=_closed_port_url())
        window = kiosk.window
        # the screens built after the first paint (取号, 自助取件 …) are there first
        kiosk.run(iter([lambda: window.ticket is not None and window.pickup is not None]))
        arrivals = _arrivals(profile)
        bare = _bare_stack()
        started = _clock()
        walk = _Walk(kiosk, arrivals, bare)
        kiosk.run(walk.rounds(iterations + warm_up, warm_up=warm_up))
        elapsed = _clock() - started
        bare[0].close()
        kiosk.close()

    samples: dict[str, list[tuple[float, float]]] = arrivals.samples
    guide_taps = samples.get("home → 热门事项 list", [])
    guide_opened = samples.get("热门事项 → guide", [])
    samples[HOME_TO_GUIDE] = [
        (a[0] + b[0], a[1] + b[1]) for a, b in zip(guide_taps, guide_opened, strict=True)
    ]
    base = samples.pop(BARE)
    base95 = _percentile([w for w, _ in base], 0.95)
    _out(
        f"\nscreen changes, tap to the frame that shows the new screen, {iterations} rounds"
        f" after {warm_up} of warm-up ({elapsed:.0f} s; budget ≤ 100 ms)"
    )
    _out(
        f"{'':<36}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'CPU p50':>9}{'CPU p95':>9}"
        "  p95/bare"
    )
    for name, rows in [*samples.items(), (BARE, base)]:
        wall = [w for w, _ in rows]
        cpu = [c for _, c in rows]
        p95 = _percentile(wall, 0.95)
        ratio = "" if name == BARE else f"{p95 / base95:9.1f}"
        over = "  over" if name != BARE and p95 > 0.1 else ""
        _out(
            f"{_pad(name, 36)}{len(rows):5d}{_percentile(wall, 0.5) * 1000:9.1f}{p95 * 1000:9.1f}"
            f"{max(wall) * 1000:9.1f}{_percentile(cpu, 0.5) * 1000:9.1f}"
            f"{_percentile(cpu, 0.95) * 1000:9.1f}{ratio}{over}"
        )
    _out("CPU: this process's time (all its threads) over the same span; others' load adds none")
    if arrivals.profiler is not None:
        _out(f"\ncProfile of the transitions named '*{profile}*', by cumulative time:")
        stats = pstats.Stats(arrivals.profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)


def _rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


# A made-up number of the right shape (18 characters): what a citizen may type into
# search; it must leave no trace once the session ends.
TYPED_ID = "37100219800101002X"
APPOINTMENT = "YY20260302A017"


def _kiosk_session(kiosk: _Kiosk, n: int) -> Iterator[Callable[[], bool]]:
    """One citizen: search, a guide, personal data typed, then walks away (idle end)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from core.terminal import Tile
    from kiosk.session import EndReason

    window = kiosk.window
    left = Qt.MouseButton.LeftButton
    search = window.search
    QTest.mouseClick(window.home.tile_button(Tile.SEARCH), left)
    query = QUERIES[n % len(QUERIES)]
    for char in query:
        search.field.insert(char)
    yield lambda: search.is_showing_results_for(query)
    rows = search.results.rows()
    row = rows[n % len(rows)]
    QTest.mouseClick(row, left)
    yield lambda: window.guide.shown_item_id() == row.hit.id
    QTest.mouseClick(window.header.back_button, left)
    search.field.setText("")
    for chunk in (TYPED_ID[:6], TYPED_ID[6:14], TYPED_ID[14:]):  # typed, keys in bursts
        search.field.insert(chunk)
    yield lambda: search.is_showing_results_for(TYPED_ID)
    appointment = getattr(window, "appointment", None)
    if appointment is not None and Tile.APPOINTMENT in window.home.tiles():
        QTest.mouseClick(window.header.home_button, left)
        QTest.mouseClick(window.home.tile_button(Tile.APPOINTMENT), left)
        appointment.entry.field.insert(APPOINTMENT)
        QTest.mouseClick(appointment.entry.ok, left)
        yield lambda: not appointment._busy  # noqa: SLF001 - the answer arrived
    window.end_session(EndReason.IDLE)


def _trivial_session(widgets: tuple[Any, Any, Any], n: int) -> None:
    """The baseline's session: text into a field and a label, then wiped."""
    field, label, app = widgets
    field.setText(QUERIES[n % len(QUERIES)])
    field.insert(TYPED_ID)
    label.setText(field.text())
    app.processEvents()
    field.setText("")
    label.setText("")
    app.processEvents()


def _baseline_rss(app: Any, sessions: int, marks: list[int]) -> list[tuple[int, int]]:
    """RSS of the same number of sessions over a trivial window (run first)."""
    import gc

    from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

    # baseline first, in a fresh QApplication: the same number of sessions over a trivial window
    holder = QWidget()
    layout = QVBoxLayout(holder)
    field, label = QLineEdit(), QLabel()
    layout.addWidget(field)
    layout.addWidget(label)
    holder.show()
    base: list[tuple[int, int]] = []
    for n in range(1, sessions + 1):
        _trivial_session((field, label, app), n)
        if n in marks:
            gc.collect()
            base.append((n, _rss_kib()))
    holder.close()
    return base


def memory(sessions: int, *, trace: bool) -> None:
    """RSS over ``sessions`` simulated sessions beside a trivial widget's loop."""
    import gc
    import tracemalloc

    from PySide6.QtCore import QObject

    warm_up = max(1, sessions // 10)
    # one early sample (1 %) shows the start-up steps; growth is read from the warm-up on
    early = max(1, sessions // 100)
    marks = sorted({early, warm_up, *(sessions * k // 10 for k in range(2, 11))})
    # tracing starts after the warm-up and its first snapshot is taken half-way, so
    # what fills once after the tracer started (caches, pools) is not read as growth
    trace_from = sessions * 5 // 10 if sessions >= 20 else warm_up
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from govterm.app import application

    app = application()
    base = _baseline_rss(app, sessions, marks)
    with tempfile.TemporaryDirectory(prefix="bench-kiosk-") as tmp_name:
        kiosk = _Kiosk(Path(tmp_name))
        window = kiosk.window
        samples: list[tuple[int, int, int]] = []
        snapshot = None
        started = _clock()

        def sessions_run() -> Iterator[Callable[[], bool]]:
            nonlocal snapshot
            for n in range(1, sessions + 1):
                yield from _kiosk_session(kiosk, n)
                if n in marks:
                    gc.collect()
                    yield lambda: True  # a turn of the event loop: deferred deletes run
                    leftovers = window.session.leftovers()
                    if leftovers:
                        raise RuntimeError(f"session {n} left personal data: {leftovers}")
                    samples.append((n, _rss_kib(), len(window.findChildren(QObject))))
                    if trace and n == warm_up:
                        tracemalloc.start(8)
                    if trace and n == trace_from:
                        snapshot = tracemalloc.take_snapshot()

        kiosk.run(sessions_run())
        elapsed = _clock() - started
        growth_lines: list[str] = []
        if snapshot is not None:
            growth_lines = _traced_growth(snapshot, tracemalloc.take_snapshot(), trace_from)
            tracemalloc.stop()
        loaded = [m for m in ("pypinyin", "jieba") if m in sys.modules]
        ime = sys.modules.get("widgets.pinyin_ime")
        shared = getattr(ime, "_shared", None)
        dictionary = "loaded" if shared is not None and shared.is_loaded() else "not loaded"
        growth_lines.append(
            f"imported by the end: {', '.join(loaded) or 'no pypinyin, no jieba'};"
            f" keyboard pinyin dictionary {dictionary}"
        )
        kiosk.close()

    _print_memory(
        sessions=sessions,
        warm_up=warm_up,
        elapsed=elapsed,
        samples=samples,
        base=base,
        growth_lines=growth_lines,
    )


def _traced_growth(before: Any, after: Any, since: int) -> list[str]:
    """The largest differences between two tracemalloc snapshots, with where they grew.

    Grouped by traceback; each line names the innermost frame and, when that is in a
    library, the innermost frame of ours that led there.
    """
    lines = [f"largest Python allocation growth since session {since:,} (tracemalloc):"]
    for stat in after.compare_to(before, "traceback")[:12]:
        frames = list(stat.traceback)
        inner = frames[-1] if frames else None
        where = f"{inner.filename}:{inner.lineno}" if inner else "?"
        ours = next(
            (f for f in reversed(frames) if str(REPO) in f.filename and ".venv" not in f.filename),
            None,
        )
        if ours is not None and ours is not inner:
            where += f"  ← {Path(ours.filename).relative_to(REPO)}:{ours.lineno}"
        lines.append(f"  {stat.size_diff / 1024:+9.1f} KiB {stat.count_diff:+7d}  {where}")
    return lines


def _print_memory(
    *,
    sessions: int,
    warm_up: int,
    elapsed: float,
    samples: list[tuple[int, int, int]],
    base: list[tuple[int, int]],
    growth_lines: list[str],
) -> None:
    def growth(first: int, last: int) -> float:
        return (last - first) / first * 100

    _out(
        f"\nmemory over {sessions:,} kiosk sessions ({elapsed:.0f} s,"
        f" {elapsed / sessions * 1000:.0f} ms a session; budget RSS ≤ 250 MB,"
        " growth ≤ 2 % after warm-up)"
    )
    _out(f"{'sessions':>10}{'kiosk RSS MB':>14}{'QObjects':>10}{'bare RSS MB':>13}")
    for (n, rss, objects), (_, bare_rss) in zip(samples, base, strict=True):
        _out(f"{n:>10,}{rss / 1024:14.1f}{objects:10d}{bare_rss / 1024:13.1f}")
    at = next(i for i, sample in enumerate(samples) if sample[0] == warm_up)
    kiosk_growth = growth(samples[at][1], samples[-1][1])
    bare_growth = growth(base[at][1], base[-1][1])
    _out(
        f"growth after session {warm_up:,}: kiosk {kiosk_growth:+.2f} %"
        f" ({(samples[-1][1] - samples[at][1]) / 1024:+.1f} MB),"
        f" bare {bare_growth:+.2f} %; QObjects {samples[-1][2] - samples[at][2]:+d}"
    )
    for line in growth_lines:
        _out(line)


# -- entry point --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--only", choices=("cold", "screens", "memory"), action="append")
    parser.add_argument("--runs", type=int, default=5, help="cold starts per case")
    parser.add_argument("--items", type=int, default=100_000, help="big catalog; 0 = skip")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="cold starts compile our modules from source"
    )
    parser.add_argument("--iterations", type=int, default=200, help="screen-change rounds")
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--trace", action="store_true", help="tracemalloc growth by line")
    parser.add_argument(
        "--profile", metavar="NAME", help="cProfile the screen changes whose name contains NAME"
    )
    parser.add_argument("--quick", action="store_true", help="1,000 sessions, 3 cold starts")
    parser.add_argument("--child", choices=("kiosk", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--report-fd", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--make-store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("govterm_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.make_store:
        _store_with(args.make_store, items=args.items)
        return 0
    if args.child:
        return _child(args.child, args.report_fd, args.govterm_args)
    logging.basicConfig(level=logging.ERROR)  # the kiosk's notices would drown the figures
    if args.quick:
        args.sessions, args.runs = min(args.sessions, 1000), min(args.runs, 3)
    parts: dict[str, Callable[[], None]] = {
        "cold": lambda: cold_start(
            args.runs, big_items=args.items, bytecode=not args.no_bytecode
        ),
        "screens": lambda: screen_changes(args.iterations, profile=args.profile),
        "memory": lambda: memory(args.sessions, trace=args.trace),
    }
    for name in args.only or list(parts):
        parts[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
