"""Writing and verifying the hash-chained audit trail.

`record()` is called inside the service function's transaction, so an audit row exists
exactly when the change it describes does. Appends are serialised (an advisory lock on
PostgreSQL; SQLite's write lock) so each row can carry the hash of the one before.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, connections, transaction
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
    # the same text as strftime("%Y-%m-%dT%H:%M:%S.%fZ"), three times faster
    return at.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


def _body(
    seq, at, actor, actor_name, unit, verb, target_type, target_id, related_type, related_id,
    fields, payload, reason, channel, request_id, ip, prev,
) -> bytes:  # fmt: skip
    """The bytes a row's hash is taken over: its content and the previous row's hash."""
    return _canonical(
        {
            "seq": seq,
            "at": _utc(at),
            "actor": actor,
            "actor_name": actor_name,
            "unit": unit,
            "verb": verb,
            "target": [target_type, target_id],
            "related": [related_type, related_id],
            "fields": fields,
            "payload": payload,
            "reason": reason,
            "channel": channel,
            "request_id": request_id,
            "ip": ip,
            "prev": prev,
        }
    )


def row_bytes(event: AuditEvent) -> bytes:
    return _body(
        event.seq, event.at, event.actor_id, event.actor_name, event.unit_id, event.verb,
        event.target_type, event.target_id, event.related_type, event.related_id,
        event.fields, event.payload, event.reason, event.channel, event.request_id, event.ip,
        event.prev_hash,
    )  # fmt: skip


def row_digest(event: AuditEvent) -> str:
    """The hash of one row: its content and the previous row's hash."""
    return hashlib.sha256(row_bytes(event)).hexdigest()


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


# The columns of a row in the order _body takes them, then the row's own hash.
_COLUMNS = (
    "seq", "at", "actor_id", "actor_name", "unit_id", "verb", "target_type", "target_id",
    "related_type", "related_id", "fields", "payload", "reason", "channel", "request_id", "ip",
    "prev_hash", "hash",
)  # fmt: skip


def _rows(after: int, until: int | None, batch_size: int):
    """The rows with `after` < seq ≤ `until`, in order, as tuples of _COLUMNS, read in
    batches by seq (no ORM objects: verification reads millions of rows)."""
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _COLUMNS)
    upper = "" if until is None else " AND seq <= %s"
    sql = f"SELECT {columns} FROM {table} WHERE seq > %s{upper} ORDER BY seq LIMIT %s"  # noqa: S608
    last = after
    loads = json.loads
    sqlite = connection.vendor == "sqlite"
    while True:
        with connection.cursor() as cursor:
            cursor.execute(sql, [last, *([] if until is None else [until]), batch_size])
            rows = cursor.fetchall()
        if not rows:
            return
        for row in rows:
            row = list(row)
            if isinstance(row[10], str):  # JSON as text (SQLite, or a driver without jsonb)
                row[10], row[11] = loads(row[10]), loads(row[11])
            if sqlite:  # stored as UTC without an offset; read back naive (or as text)
                at = row[1] if isinstance(row[1], datetime) else datetime.fromisoformat(row[1])
                row[1] = at.replace(tzinfo=UTC) if at.tzinfo is None else at
            yield row
        last = rows[-1][0]


def chain_bytes(batch_size: int = 20000):
    """Every row's hashed bytes in order (for the benchmark: hashlib over the same bytes)."""
    for row in _rows(0, None, batch_size):
        yield _body(*row[:17])


@dataclass
class _Stretch:
    """What a worker found in rows first_seq..last_seq (a part of the chain)."""

    report: ChainReport
    first_seq: int | None = None
    first_prev: str = ""
    last_hash: str = ""
    last_seq: int = 0


def _not_following(checked: int, seq: int) -> ChainReport:
    return ChainReport(
        False,
        checked,
        seq,
        f"row {seq} does not follow row {seq - 1}: its previous-hash differs (a row before "
        "it was altered or removed)",
    )


def _verify_stretch(after: int, until: int | None, prev: str | None, batch_size: int):
    """Check the rows after `after` up to `until`. `prev`: the hash the first row must
    follow (None: not known here; the caller checks the join)."""
    expected_seq = after + 1
    checked = 0
    stretch = _Stretch(ChainReport(ok=True, checked=0))
    sha256 = hashlib.sha256
    for row in _rows(after, until, batch_size):
        seq, prev_hash, digest = row[0], row[16], row[17]
        if seq != expected_seq:
            stretch.report = ChainReport(
                False, checked, expected_seq, f"row {expected_seq} is missing (next row is {seq})"
            )
            return stretch
        first = stretch.first_seq is None
        if first:
            stretch.first_seq, stretch.first_prev = seq, prev_hash
        if (prev is not None or not first) and prev_hash != prev:
            stretch.report = _not_following(checked, seq)
            return stretch
        if sha256(_body(*row[:17])).hexdigest() != digest:
            stretch.report = ChainReport(
                False,
                checked,
                seq,
                f"row {seq} was altered: its content no longer matches its hash",
            )
            return stretch
        prev = stretch.last_hash = digest
        stretch.last_seq = seq
        expected_seq += 1
        checked += 1
    stretch.report = ChainReport(ok=True, checked=checked)
    return stretch


def _worker(after: int, until: int, batch_size: int) -> _Stretch:
    connection.close()  # the parent's connection is not this process's to use
    return _verify_stretch(after, until, None, batch_size)


def verify_workers() -> int:
    """Processes `borderwatch audit verify` uses: one per core on PostgreSQL (at most 8)."""
    if connection.vendor != "postgresql":
        return 1
    return max(1, min(8, os.cpu_count() or 1))


def verify_chain(
    batch_size: int = 20000, workers: int = 1, parallel_from: int = 100_000
) -> ChainReport:
    """Walk the whole chain in order; name the first row that is altered or missing.

    `workers` > 1 (the command line; not inside a web server) checks stretches of the
    chain in that many processes at once and then the joins between them; the report is
    the same as one process's: the first row that is wrong."""
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    if workers <= 1 or last < 100_000:
        return _verify_stretch(0, None, GENESIS, batch_size).report
    bounds = [last * i // workers for i in range(workers + 1)]
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        parts = list(pool.map(_worker, bounds[:-1], bounds[1:], [batch_size] * workers))
    checked, prev = 0, GENESIS
    for until, part in zip(bounds[1:], parts, strict=True):
        if part.first_seq is not None and part.first_prev != prev:
            seq = part.first_seq
            return _not_following(checked, seq)
        if not part.report.ok:
            return ChainReport(
                False, checked + part.report.checked, part.report.first_broken_seq,
                part.report.problem,
            )  # fmt: skip
        if part.last_seq != until:  # the stretch ended early: its last rows are gone
            missing = part.last_seq + 1 if part.first_seq is not None else until
            return ChainReport(
                False, checked + part.report.checked, missing, f"row {missing} is missing"
            )
        checked += part.report.checked
        prev = part.last_hash
    if AuditEvent.objects.filter(seq__gt=last).exists():
        # rows appended while verifying: check them too, after the last one checked
        tail = _verify_stretch(last, None, prev, batch_size)
        tail.report.checked += checked
        return tail.report
    return ChainReport(ok=True, checked=checked)
