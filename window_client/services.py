"""Everything the counter client works with, built by the composition root.

The window and its pages never open a database or a connection themselves: the
composition root (``govterm.app``) builds these objects in a visible order and hands
them over as one :class:`WindowServices`. Tests build the same object over a temporary
store and a real gateway on loopback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core.accounts import Accounts
from core.clock import Clock
from core.search import CatalogQuery
from sync.status import StatusBoard
from window_client.results_desk import DeskServices

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WindowServices:
    """The counter client's dependencies.

    Attributes:
        catalog: the synced catalog (items, halls).
        accounts: clerk login, lockout, 潮汐窗口 areas.
        terminal_id: this window client's terminal id.
        hall_id: the hall it stands in.
        clock: the terminal's clock.
        sync_status: the sync engine's status board (online/offline, pending events);
            ``None`` when this client runs without a gateway.
        desk: the gateway's desk for 出件, 差评整改, 统计 and 帮办; ``None`` without a
            gateway.
    """

    catalog: CatalogQuery
    accounts: Accounts
    terminal_id: str
    hall_id: str
    clock: Clock
    sync_status: StatusBoard | None = None
    desk: DeskServices | None = None

    def hall_areas(self) -> tuple[str, ...]:
        """The hall's business areas (``"A 综合受理区"`` …) from the synced directory.

        Runs on the catalog thread (it reads the store).
        """
        try:
            return self.catalog.hall(self.hall_id).business_areas
        except KeyError:
            log.warning("hall %s is not in the catalog; no business areas", self.hall_id)
            return ()
