"""Building outbox events the way a terminal does."""

from __future__ import annotations

import uuid
from typing import Any

from sync.protocol import payload_sha256


def event(
    seq: int, kind: str, payload: dict[str, Any], *, event_id: str | None = None
) -> dict[str, Any]:
    return {
        "event_id": event_id or str(uuid.uuid4()),
        "seq": seq,
        "kind": kind,
        "schema_version": 1,
        "created_at": 1772413200.0,
        "payload": payload,
        "sha256": payload_sha256(payload),
    }


def submission(provisional: str, item_id: str = "370000-SB-010", **extra: Any) -> dict[str, Any]:
    return {
        "provisional_number": provisional,
        "item_id": item_id,
        "applicant": {"name": "张三丰", "id_number": "370102199003071234"},
        **extra,
    }
