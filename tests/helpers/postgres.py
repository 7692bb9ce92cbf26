"""A real PostgreSQL for tests: a throw-away cluster started once per test session.

``tests/conftest.py`` registers the fixtures for the whole suite, so a test that takes
the ``postgres_url`` fixture gets a fresh, empty database on the session's one cluster:
``PostgresDatabase(postgres_url)``.

The cluster is made with the server binaries of the Debian ``postgresql`` package
(``/usr/lib/postgresql/<version>/bin``): ``initdb`` into a temporary directory, started
by ``pg_ctl`` on a free loopback port with its unix socket in that directory, trust
authentication, and durability switched off (``fsync=off``: a test cluster is thrown
away, and nothing the tests check depends on surviving power loss). ``initdb`` refuses
to run as root, so as root the server runs as the ``postgres`` system user through
``runuser``. The cluster is stopped and its directory removed at the end of the
session, also when tests fail.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from tests.helpers.gateway import free_port

_BIN_GLOBS = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin")


def find_server_binaries() -> Path | None:
    """The newest directory holding ``initdb`` and ``pg_ctl``, or ``None``."""
    candidates = [Path(p) for pattern in _BIN_GLOBS for p in glob.glob(pattern)]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in path.parent.name.split(".") if part.isdigit())

    usable = [p for p in candidates if (p / "initdb").exists() and (p / "pg_ctl").exists()]
    return max(usable, key=version) if usable else None


@dataclass
class PostgresServer:
    """A running throw-away cluster."""

    bin_dir: Path
    base: Path
    port: int
    user: str = "postgres"
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.url(), autocommit=True)

    def create_database(self) -> str:
        """A new empty database; returns its name."""
        name = f"gw_{os.getpid()}_{next(self._names)}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """The command prefix and uid/gid the server runs as (``postgres`` when we are root)."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        entry = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no 'postgres' system user to run initdb as")
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("running as root and runuser (util-linux) is missing")
    return [runuser, "-u", "postgres", "--"], entry.pw_uid, entry.pw_gid


def _run(cmd: list[str], log: Path) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(
            f"{' '.join(cmd[-3:])} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n"
            f"{detail}"
        )


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """Start a throw-away cluster; stop it and delete its files on exit."""
    bin_dir = find_server_binaries()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql;"
            " install the 'postgresql' package to run the PostgreSQL gateway tests"
        )
    prefix, uid, gid = _as_server_user()
    base = Path(tempfile.mkdtemp(prefix="govterm-pg-"))
    data, sock, log = base / "data", base / "sock", base / "server.log"
    sock.mkdir()
    if uid is not None and gid is not None:
        for path in (base, sock):
            os.chown(path, uid, gid)
    port = free_port()
    options = " ".join(
        [
            f"-p {port}",
            f"-k {sock}",
            "-c listen_addresses=127.0.0.1",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200",
            "-c shared_buffers=32MB",
        ]
    )
    started = False
    try:
        _run(
            [
                *prefix,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ],
            log,
        )
        pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data)]
        _run([*pg_ctl, "-l", str(log), "-w", "-t", "60", "-o", options, "start"], log)
        started = True
        yield PostgresServer(bin_dir=bin_dir, base=base, port=port)
    finally:
        if started:
            subprocess.run(
                [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL cluster for the whole test session."""
    with running_postgres() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh, empty database, dropped after the test."""
    name = postgres_server.create_database()
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)
