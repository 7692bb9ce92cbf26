"""The PostgreSQL cluster behind the ``postgres`` runs of the terminal sync tests.

:func:`tests.helpers.terminal_sync.gateway` asks for ``postgres_url`` by name when a
module runs it on PostgreSQL (``parametrize("gateway", ENGINES, indirect=True)``), so
the fixtures must be visible here. The cluster starts only when such a run is selected.
"""

from tests.helpers.postgres import postgres_server, postgres_url  # noqa: F401  (pytest fixtures)
