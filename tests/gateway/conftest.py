"""The loopback gateway fixture for every gateway test."""

from tests.helpers.gateway import gateway  # noqa: F401  (pytest fixture)
