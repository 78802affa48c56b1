"""Writing and verifying the hash-chained audit trail.

`record()` is called inside the service function's transaction, so an audit row exists
exactly when the change it describes does. Appends are serialised (an advisory lock on
PostgreSQL; SQLite's write lock) so each row can carry the hash of the one before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from .actor import Actor
from .models import AuditEvent
from .verbs import VERBS

GENESIS = "0" * 64
_LOCK_KEY = 7_274_001  # pg_advisory_xact_lock key for the audit chain


def object_key(obj: Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.label_lower, str(obj.pk)


def _canonical(row: dict) -> bytes:
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _utc(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def row_digest(event: AuditEvent) -> str:
    """The hash of one row: its content and the previous row's hash."""
    body = {
        "seq": event.seq,
        "at": _utc(event.at),
        "actor": event.actor_id,
        "actor_name": event.actor_name,
        "unit": event.unit_id,
        "verb": event.verb,
        "target": [event.target_type, event.target_id],
        "related": [event.related_type, event.related_id],
        "fields": event.fields,
        "payload": event.payload,
        "reason": event.reason,
        "channel": event.channel,
        "request_id": event.request_id,
        "ip": event.ip,
        "prev": event.prev_hash,
    }
    return hashlib.sha256(_canonical(body)).hexdigest()


def record(
    actor: Actor,
    verb: str,
    target: Model | None = None,
    *,
    related: Model | None = None,
    fields: Iterable[str] = (),
    payload: dict | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one audit event for `actor` doing `verb` to `target`."""
    if verb not in VERBS:
        raise ValueError(f"unknown audit verb {verb!r}: add it to access/verbs.py")
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
        seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
        target_type, target_id = object_key(target)
        related_type, related_id = object_key(related)
        event = AuditEvent(
            seq=seq,
            at=timezone.now(),
            actor=actor.user,
            actor_name=actor.name,
            unit=actor.unit,
            verb=verb,
            target_type=target_type,
            target_id=target_id,
            related_type=related_type,
            related_id=related_id,
            fields=sorted(set(fields)),
            payload=json.loads(json.dumps(payload or {}, default=str)),
            reason=reason,
            channel=actor.channel,
            request_id=actor.request_id,
            ip=actor.ip,
            prev_hash=prev,
        )
        event.hash = row_digest(event)
        event.save(force_insert=True)
    return event


@dataclass
class ChainReport:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    problem: str = ""


def verify_chain(batch_size: int = 5000) -> ChainReport:
    """Walk the whole chain in order; name the first row that is altered or missing."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    qs = AuditEvent.objects.order_by("seq")
    last_seq = 0
    while True:
        rows = list(qs.filter(seq__gt=last_seq)[:batch_size])
        if not rows:
            return ChainReport(ok=True, checked=checked)
        for event in rows:
            if event.seq != expected_seq:
                return ChainReport(
                    False,
                    checked,
                    expected_seq,
                    f"row {expected_seq} is missing (next row is {event.seq})",
                )
            if event.prev_hash != prev:
                return ChainReport(
                    False,
                    checked,
                    event.seq,
                    f"row {event.seq} does not follow row {event.seq - 1}: "
                    "its previous-hash differs (a row before it was altered "
                    "or removed)",
                )
            if row_digest(event) != event.hash:
                return ChainReport(
                    False,
                    checked,
                    event.seq,
                    f"row {event.seq} was altered: its content no longer matches its hash",
                )
            prev = event.hash
            expected_seq += 1
            checked += 1
            last_seq = event.seq
