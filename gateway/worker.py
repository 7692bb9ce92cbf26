"""Several gateway worker processes on one port: ``govterm gateway serve --workers N``.

uvicorn forks ``N`` worker processes that accept connections on one shared listening
socket; each worker builds its own services from the environment through
:func:`app_from_environment` (uvicorn needs an import string to start workers). The
workers keep nothing that must agree between them in memory: everything is in the
shared PostgreSQL database (see :mod:`gateway.pg`), so they behave as one gateway.
SQLite is refused here — an embedded file belongs to one process.
"""

from __future__ import annotations

import logging
import os

from core.clock import SystemClock
from core.errors import msg
from gateway.app import LoadShedder, build_services, create_app, wrap
from gateway.db import open_database
from gateway.store import GatewayStore
from gateway.upstream import ReviewSimulator

log = logging.getLogger(__name__)

ENV_DB = "GOVTERM_GATEWAY_DB"
ENV_SIMULATE_UPSTREAM = "GOVTERM_GATEWAY_SIMULATE_UPSTREAM"
ENV_MAX_CONCURRENCY = "GOVTERM_GATEWAY_MAX_CONCURRENCY"
ENV_ADMIN_TOKEN = "GOVTERM_GATEWAY_ADMIN_TOKEN"


class WorkersNeedPostgres(ValueError):
    """``--workers`` above 1 with a database several processes cannot share."""


def app_from_environment() -> LoadShedder:
    """The ASGI app of one worker, configured by the ``GOVTERM_GATEWAY_*`` variables."""
    store = GatewayStore(db=open_database(os.environ[ENV_DB]), clock=SystemClock())
    interval = float(os.environ.get(ENV_SIMULATE_UPSTREAM) or 0) or None
    services = build_services(
        store=store,
        upstream=ReviewSimulator(clock=store.clock) if interval else None,
        admin_token=os.environ.get(ENV_ADMIN_TOKEN) or None,
    )
    app = create_app(services, upstream_interval=interval)
    log.info("gateway worker %d ready", os.getpid())
    return wrap(app, max_concurrency=int(os.environ.get(ENV_MAX_CONCURRENCY) or 64))


def serve_workers(  # noqa: PLR0913 - the serve command's options, passed through
    *,
    db_url: str,
    workers: int,
    host: str,
    port: int,
    max_concurrency: int,
    simulate_upstream: float | None,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> None:
    """Run ``workers`` gateway processes on ``host:port`` until interrupted.

    Raises:
        WorkersNeedPostgres: ``db_url`` is not a PostgreSQL URL.
    """
    if not db_url.startswith(("postgresql://", "postgres://")):
        raise WorkersNeedPostgres(
            msg(
                "多个工作进程需要共享的 PostgreSQL 数据库（--db postgresql://主机/库名）；"
                "SQLite 数据库只能由一个进程使用"
            )
        )
    import uvicorn

    os.environ[ENV_DB] = db_url
    os.environ[ENV_MAX_CONCURRENCY] = str(max_concurrency)
    if simulate_upstream:
        os.environ[ENV_SIMULATE_UPSTREAM] = str(simulate_upstream)
    uvicorn.run(
        "gateway.worker:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        log_level="info",
    )
