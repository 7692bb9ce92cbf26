"""The loopback gateway fixture for every gateway test, on SQLite and on PostgreSQL."""

from tests.helpers.gateway import gateway  # noqa: F401  (pytest fixture)
