"""The gateway's command line: ``python -m gateway …`` (wired as ``govterm gateway …``).

Commands::

    serve [--db URL] [--host H] [--port P] [--ssl-certfile F --ssl-keyfile F]
          [--simulate-upstream SECONDS]
    publish-catalog FILE_OR_DIR [--db URL]      (also publishes the directory)
    publish-holidays DIR [--db URL]             (resources/holidays/<year>.json)
    publish-config FILE [--db URL]              (TOML or JSON; one row per table)
    publish-holders DIR [--db URL]              (demo people.json, enterprises.json)
    codes issue --citizen X | --enterprise X [--minutes 5] [--online-only] [--out F.png]
    codes revoke --citizen X | --enterprise X
    keys list | rotate | publish
    enrol-code --hall H --slot S [--minutes M] [--db URL]
    revoke DEVICE [--db URL]
    terminals [--db URL]
    queue areas HALL [PREFIX=NAME[,cap=N][,hours=08:30-11:30+13:30-17:00] …] [--db URL]
    queue appointments add HALL --ref R --area A --at HH:MM [--date D] [--minutes M]
          [--holder ID] [--db URL]

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
from typing import Literal

import platformdirs

from core.catalog import Catalog
from core.clock import SystemClock
from core.errors import ValidationFailed, msg
from core.holders import Citizen, Enterprise
from gateway.app import build_services, create_app, terminal_states, wrap
from gateway.db import SqliteDatabase, open_database
from gateway.identity import IdentityService, holders_from_json, write_code_png
from gateway.keys import KeyRing
from gateway.publishing import (
    PublishReport,
    load_config,
    load_holidays,
    publish_catalog,
    publish_config,
    publish_directory,
    publish_holidays,
)
from gateway.queue import add_queue_commands, run_queue_command
from gateway.store import GatewayStore
from gateway.upstream import ReviewSimulator
from gateway.worker import WorkersNeedPostgres, serve_workers

log = logging.getLogger(__name__)

CatalogLoader = Callable[[Path], Catalog]
HoldersLoader = Callable[[Path], tuple[list[Citizen], list[Enterprise]]]


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


def _load_json_holders(directory: Path) -> tuple[list[Citizen], list[Enterprise]]:
    try:
        people = (directory / "people.json").read_text(encoding="utf-8")
        enterprises = (directory / "enterprises.json").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationFailed(
            msg("{directory}：无法读取演示数据（{exc}）", directory=directory, exc=exc),
            code="holders.file",
        ) from None
    return holders_from_json(people, enterprises)


def _holder_arguments(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--citizen", metavar="NAME_OR_INDEX", help="居民：姓名、序号(从1起)或身份号码")
    who.add_argument(
        "--enterprise", metavar="NAME_OR_INDEX", help="企业：名称、序号或统一社会信用代码"
    )


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
        "--workers", type=int, default=1, help="worker processes on one port (PostgreSQL only)"
    )
    serve.add_argument(
        "--simulate-upstream",
        type=float,
        metavar="SECONDS",
        help="play the provincial back office, one round every SECONDS",
    )
    publish = sub.add_parser("publish-catalog", help="publish a catalog (file or directory)")
    publish.add_argument("path", type=Path)
    holidays = sub.add_parser("publish-holidays", help="publish the holiday calendar (<year>.json)")
    holidays.add_argument("path", type=Path)
    config = sub.add_parser("publish-config", help="publish terminal configuration (TOML/JSON)")
    config.add_argument("path", type=Path)
    holders = sub.add_parser("publish-holders", help="load the demo citizens and enterprises")
    holders.add_argument("path", type=Path)
    codes = sub.add_parser("codes", help="居民码/企业码 for demo holders")
    codes_sub = codes.add_subparsers(dest="codes_command", required=True)
    issue = codes_sub.add_parser("issue", help="issue a fresh code; print it, write a QR PNG")
    _holder_arguments(issue)
    issue.add_argument("--minutes", type=int, default=5)
    issue.add_argument("--online-only", action="store_true", help="不允许终端离线核验")
    issue.add_argument("--out", type=Path, help="QR code PNG to write")
    revoke_holder = codes_sub.add_parser("revoke", help="stop every code of one holder")
    _holder_arguments(revoke_holder)
    keys = sub.add_parser("keys", help="identity-code signing keys")
    keys.add_argument("keys_command", choices=("list", "rotate", "publish"))
    code = sub.add_parser("enrol-code", help="create a one-time enrolment code")
    code.add_argument("--hall", required=True)
    code.add_argument("--slot", required=True)
    code.add_argument("--minutes", type=int, default=24 * 60)
    revoke = sub.add_parser("revoke", help="revoke a device credential")
    revoke.add_argument("device")
    sub.add_parser("terminals", help="list terminals, how far behind and how healthy")
    add_queue_commands(sub)
    openapi = sub.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("--output", type=Path, help="file to write (default: stdout)")
    for p in (issue, revoke_holder, *(v for v in sub.choices.values() if v is not codes)):
        if not any(a.dest == "db" for a in p._actions):
            p.add_argument("--db", default=None, help="sqlite:///path or postgresql://host/db")
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    catalog_loader: CatalogLoader | None = None,
    holders_loader: HoldersLoader | None = None,
) -> int:
    """Run one gateway command; returns the exit status.

    Args:
        argv: the arguments after ``gateway``.
        catalog_loader: reads a catalog directory (the composition root passes
            ``sync.catalog_files.load_catalog``); without it only a single JSON file
            holding a whole :class:`~core.catalog.Catalog` can be published.
        holders_loader: reads a demo holders directory (the composition root passes
            ``sync.catalog_files.load_demo_holders``, whose messages name file and
            entry); without it the two JSON files are read plainly.
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
        if args.command == "queue":
            return run_queue_command(args, store, sys.stdout)
        if args.command in _MORE:
            return _MORE[args.command](args, store, holders_loader or _load_json_holders)
        return _run(args, store, catalog_loader or _load_json_catalog)
    except ValidationFailed as exc:
        sys.stdout.write(f"{exc.message}\n")
        return 2
    finally:
        store.db.close()


def _report(report: PublishReport) -> int:
    for change in report.streams:
        sys.stdout.write(
            f"{change.stream.value}: 更新 {change.changed} 条，删除 {change.deleted} 条\n"
        )
    return 0


def _holder_of(args: argparse.Namespace) -> tuple[Literal["citizen", "enterprise"], str]:
    if args.citizen is not None:
        return "citizen", str(args.citizen)
    return "enterprise", str(args.enterprise)


def _cmd_holidays(args: argparse.Namespace, store: GatewayStore, _: HoldersLoader) -> int:
    return _report(publish_holidays(store, load_holidays(args.path)))


def _cmd_config(args: argparse.Namespace, store: GatewayStore, _: HoldersLoader) -> int:
    return _report(publish_config(store, load_config(args.path)))


def _cmd_holders(args: argparse.Namespace, store: GatewayStore, loader: HoldersLoader) -> int:
    citizens, enterprises = loader(args.path)
    identity = IdentityService(store=store, keys=KeyRing(store=store))
    report = identity.publish_holders(citizens, enterprises)
    sys.stdout.write(
        f"居民 {len(citizens)} 人、企业 {len(enterprises)} 家：新增 {report.added}，"
        f"更新 {report.updated}，停用 {report.revoked}\n"
    )
    return 0


def _cmd_codes(args: argparse.Namespace, store: GatewayStore, _: HoldersLoader) -> int:
    identity = IdentityService(store=store, keys=KeyRing(store=store))
    kind, selector = _holder_of(args)
    if args.codes_command == "revoke":
        done = identity.revoke_holder(kind, selector)
        sys.stdout.write("已停用该身份的所有码\n" if done else "该身份已是停用状态\n")
        return 0
    code, row = identity.issue(kind, selector, minutes=args.minutes, offline=not args.online_only)
    text = code.encode()
    sys.stdout.write(text + "\n")
    expires = code.expires_at.astimezone(store.clock.now().tzinfo)
    sys.stdout.write(
        f"# {code.kind.label}：{row.holder.name}，"
        f"有效至 {expires:%Y-%m-%d %H:%M}，密钥 {code.key_id_text}\n"
    )
    if args.out:
        version = write_code_png(text, args.out)
        sys.stdout.write(f"# 二维码已写入 {args.out}（QR 版本 {version}）\n")
    return 0


def _cmd_keys(args: argparse.Namespace, store: GatewayStore, _: HoldersLoader) -> int:
    ring = KeyRing(store=store)
    if args.keys_command == "rotate":
        record = ring.rotate()
        sys.stdout.write(f"新签名密钥 {record.key_id} 已启用，旧密钥在其码全部过期前仍可验证\n")
        return 0
    if args.keys_command == "publish":
        changed = ring.refresh()
        sys.stdout.write(f"keys: 更新 {len(changed)} 条\n")
        return 0
    now = store.now()
    for record in ring.records():
        state = "当前" if record.current else ("可验证" if record.usable_at(now) else "已失效")
        sys.stdout.write(f"{record.key_id}\t{record.algorithm.name.lower()}\t{state}\n")
    return 0


_MORE: dict[str, Callable[[argparse.Namespace, GatewayStore, HoldersLoader], int]] = {
    "publish-holidays": _cmd_holidays,
    "publish-config": _cmd_config,
    "publish-holders": _cmd_holders,
    "codes": _cmd_codes,
    "keys": _cmd_keys,
}


def _run(args: argparse.Namespace, store: GatewayStore, loader: CatalogLoader) -> int:  # noqa: PLR0911 - one exit per command
    out = sys.stdout
    if args.command == "serve" and args.workers > 1:
        try:
            serve_workers(
                db_url=args.db or default_db_url(),
                workers=args.workers,
                host=args.host,
                port=args.port,
                max_concurrency=args.max_concurrency,
                simulate_upstream=args.simulate_upstream,
                ssl_certfile=args.ssl_certfile,
                ssl_keyfile=args.ssl_keyfile,
            )
        except WorkersNeedPostgres as exc:
            out.write(f"{exc}\n")
            return 2
        return 0
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
        directory = publish_directory(store, catalog)
        for change in (*report.streams, *directory.streams):
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
