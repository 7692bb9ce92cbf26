"""The gateway's command line: ``python -m gateway …`` (wired as ``govterm gateway …``).

Commands::

    serve [--db URL] [--host H] [--port P] [--ssl-certfile F --ssl-keyfile F]
          [--simulate-upstream SECONDS]
    publish-catalog FILE_OR_DIR [--db URL]
    enrol-code --hall H --slot S [--minutes M] [--db URL]
    revoke DEVICE [--db URL]
    terminals [--db URL]

The admin token for the HTTP admin endpoints comes from the environment variable
``GOVTERM_GATEWAY_ADMIN_TOKEN``; without it those endpoints are off.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import platformdirs

from core.catalog import Catalog
from core.clock import SystemClock
from gateway.app import build_services, create_app, terminal_states, wrap
from gateway.db import SqliteDatabase, open_database
from gateway.publishing import publish_catalog
from gateway.store import GatewayStore
from gateway.upstream import ReviewSimulator

log = logging.getLogger(__name__)

CatalogLoader = Callable[[Path], Catalog]


def default_db_url() -> str:
    """``sqlite:///<user data dir>/gateway.db``."""
    return "sqlite:///" + str(Path(platformdirs.user_data_dir("govterm")) / "gateway.db")


def openapi_text() -> str:
    """The gateway's OpenAPI document as kept in ``resources/openapi/gateway.json``."""
    with tempfile.TemporaryDirectory() as tmp:
        store = GatewayStore(db=SqliteDatabase(Path(tmp) / "openapi.db"), clock=SystemClock())
        try:
            document = create_app(build_services(store=store)).openapi()
        finally:
            store.db.close()
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _load_json_catalog(path: Path) -> Catalog:
    if path.is_dir():
        raise ValueError(
            "目录形式的事项库需要由 govterm gateway publish-catalog 加载（它提供目录读取器）"
        )
    return Catalog.model_validate_json(path.read_bytes())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govterm gateway", description="平台前置机")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the gateway")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--max-concurrency", type=int, default=64)
    serve.add_argument(
        "--simulate-upstream",
        type=float,
        metavar="SECONDS",
        help="play the provincial back office, one round every SECONDS",
    )
    publish = sub.add_parser("publish-catalog", help="publish a catalog (file or directory)")
    publish.add_argument("path", type=Path)
    code = sub.add_parser("enrol-code", help="create a one-time enrolment code")
    code.add_argument("--hall", required=True)
    code.add_argument("--slot", required=True)
    code.add_argument("--minutes", type=int, default=24 * 60)
    revoke = sub.add_parser("revoke", help="revoke a device credential")
    revoke.add_argument("device")
    sub.add_parser("terminals", help="list terminals, how far behind and how healthy")
    openapi = sub.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("--output", type=Path, help="file to write (default: stdout)")
    for p in (serve, publish, code, revoke, *sub.choices.values()):
        if not any(a.dest == "db" for a in p._actions):
            p.add_argument("--db", default=None, help="sqlite:///path (default: data dir)")
    return parser


def main(argv: Sequence[str] | None = None, *, catalog_loader: CatalogLoader | None = None) -> int:
    """Run one gateway command; returns the exit status.

    Args:
        argv: the arguments after ``gateway``.
        catalog_loader: reads a catalog directory (the composition root passes
            ``sync.catalog_files.load_catalog``); without it only a single JSON file
            holding a whole :class:`~core.catalog.Catalog` can be published.
    """
    args = _parser().parse_args(argv)
    if args.command == "openapi":
        text = openapi_text()
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    store = GatewayStore(db=open_database(args.db or default_db_url()), clock=SystemClock())
    try:
        return _run(args, store, catalog_loader or _load_json_catalog)
    finally:
        store.db.close()


def _run(args: argparse.Namespace, store: GatewayStore, loader: CatalogLoader) -> int:  # noqa: PLR0911 - one exit per command
    out = sys.stdout
    if args.command == "serve":
        import uvicorn

        upstream = ReviewSimulator(clock=store.clock) if args.simulate_upstream else None
        services = build_services(
            store=store,
            upstream=upstream,
            admin_token=os.environ.get("GOVTERM_GATEWAY_ADMIN_TOKEN") or None,
        )
        app = create_app(services, upstream_interval=args.simulate_upstream)
        uvicorn.run(
            wrap(app, max_concurrency=args.max_concurrency),
            host=args.host,
            port=args.port,
            ssl_certfile=args.ssl_certfile,
            ssl_keyfile=args.ssl_keyfile,
            log_level="info",
        )
        return 0
    if args.command == "publish-catalog":
        try:
            catalog = loader(args.path)
        except (OSError, ValueError) as exc:
            out.write(f"事项库无法发布：{exc}\n")
            return 2
        report = publish_catalog(store, catalog)
        for change in report.streams:
            out.write(
                f"{change.stream.value}: 更新 {change.changed} 条，删除 {change.deleted} 条\n"
            )
        return 0
    if args.command == "enrol-code":
        code = store.create_enrolment_code(
            hall_id=args.hall, slot=args.slot, valid_seconds=args.minutes * 60
        )
        out.write(f"注册码 {code.code}（大厅 {code.hall_id}，终端位 {code.slot}）\n")
        return 0
    if args.command == "revoke":
        if store.revoke(args.device):
            out.write(f"终端 {args.device} 已停用\n")
            return 0
        out.write(f"没有找到可停用的终端 {args.device}\n")
        return 1
    for state in terminal_states(store):
        behind = sum(state.behind.values())
        problems = [f"{k}: {v}" for k, v in state.health.items() if v != "ok"]
        out.write(
            f"{state.device_id}\t{state.hall_id}/{state.slot}\t"
            f"{'已停用' if state.revoked else '在用'}\t落后 {behind} 条\t"
            f"{'; '.join(problems) or '正常'}\n"
        )
    return 0
