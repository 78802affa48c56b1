"""Writing and verifying the hash-chained audit trail.

`record()` is called inside the service function's transaction, so an audit row exists
exactly when the change it describes does. Appends are serialised (an advisory lock on
PostgreSQL; SQLite's write lock) so each row can carry the hash of the one before.

A row's hash is SHA-256 over its columns as text, joined by U+001F, ending with the
previous row's hash (form 2, `_body_v2`). PostgreSQL rebuilds the same text in SQL, so
`verify_chain` checks millions of rows there, in stretches at once; SQLite's are checked
here. Rows written before form 2 (form 1) were hashed over a JSON object of the row and are
checked in Python wherever they are.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from .actor import Actor
from .models import AuditEvent, canonical_json
from .verbs import VERBS

GENESIS = "0" * 64
_LOCK_KEY = 7_274_001  # pg_advisory_xact_lock key for the audit chain


def object_key(obj: Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    return obj._meta.label_lower, str(obj.pk)


SEPARATOR = "\x1f"  # between the columns of a form-2 row; never inside one (record())
FORM = 2  # the form record() writes


def _canonical(row: dict) -> bytes:
    return canonical_json(row).encode()


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


def _pg_utc(at: datetime) -> str:
    """`at` as PostgreSQL prints a timestamptz with TimeZone UTC and DateStyle ISO:
    2025-08-22 07:15:00.5+00 (trailing zeros of the fraction dropped, none if whole)."""
    at = at.astimezone(UTC)
    text = at.isoformat(sep=" ", timespec="seconds")[:-6]
    if at.microsecond:
        text += f".{at.microsecond:06d}".rstrip("0")
    return text + "+00"


def _body_v2(
    seq, at, actor, actor_name, unit, verb, target_type, target_id, related_type, related_id,
    fields, payload, reason, channel, request_id, ip, prev,
) -> bytes:  # fmt: skip
    """The bytes a form-2 row's hash is taken over: its columns as PostgreSQL prints them
    (`fields` and `payload` are their stored canonical JSON text), joined by SEPARATOR.
    `_VERIFY_SQL` builds the same text in the database."""
    return SEPARATOR.join(
        (
            str(seq), _pg_utc(at), "" if actor is None else str(actor), actor_name,
            "" if unit is None else str(unit), verb, target_type, target_id, related_type,
            related_id, fields, payload, reason, channel, request_id, ip, prev,
        )
    ).encode()  # fmt: skip


def _row_body(row) -> bytes:
    """The hashed bytes of a row read by `_rows` (form in its last place)."""
    if row[18] == 1:
        return _body(*row[:17])
    return _body_v2(*row[:17])


def row_bytes(event: AuditEvent) -> bytes:
    if event.form == 1:
        return _body(
            event.seq, event.at, event.actor_id, event.actor_name, event.unit_id, event.verb,
            event.target_type, event.target_id, event.related_type, event.related_id,
            event.fields, event.payload, event.reason, event.channel, event.request_id,
            event.ip, event.prev_hash,
        )  # fmt: skip
    return _body_v2(
        event.seq, event.at, event.actor_id, event.actor_name, event.unit_id, event.verb,
        event.target_type, event.target_id, event.related_type, event.related_id,
        canonical_json(event.fields), canonical_json(event.payload), event.reason,
        event.channel, event.request_id, event.ip, event.prev_hash,
    )  # fmt: skip


def _clean(text: str) -> str:
    """Text as stored in a column of a form-2 row: without the separator. No row written
    holds it, so its bytes have exactly 16; text moved across it (a column's text with the
    separator put into the next) gives bytes with more, whose hash differs."""
    return text.replace(SEPARATOR, "\ufffd")


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
            actor_name=_clean(actor.name),
            unit=actor.unit,
            verb=verb,
            target_type=target_type,
            target_id=_clean(target_id),
            related_type=related_type,
            related_id=_clean(related_id),
            fields=sorted(set(fields)),
            payload=json.loads(json.dumps(payload or {}, default=str)),
            reason=_clean(reason),
            channel=_clean(actor.channel),
            request_id=_clean(actor.request_id),
            ip=_clean(actor.ip),
            prev_hash=prev,
            form=FORM,
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


# The columns of a row in the order _body takes them, then the row's own hash and form.
_COLUMNS = (
    "seq", "at", "actor_id", "actor_name", "unit_id", "verb", "target_type", "target_id",
    "related_type", "related_id", "fields", "payload", "reason", "channel", "request_id", "ip",
    "prev_hash", "hash", "form",
)  # fmt: skip
_TABLE = AuditEvent._meta.db_table


def _rows(after: int, until: int | None, batch_size: int, *, form: int | None = None):
    """The rows with `after` < seq ≤ `until` (of one form, if given), in order, as lists of
    _COLUMNS, read in batches by seq (no ORM objects: verification reads millions of rows).
    `fields` and `payload` stay text in a form-2 row (the hash is over the text)."""
    upper = "" if until is None else " AND seq <= %s"
    of_form = "" if form is None else f" AND form = {int(form)}"
    sql = f"SELECT {', '.join(_COLUMNS)} FROM {_TABLE} WHERE seq > %s{upper}{of_form} "  # noqa: S608
    sql += "ORDER BY seq LIMIT %s"
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
            if row[18] == 1:
                row[10], row[11] = loads(row[10]), loads(row[11])
            if sqlite:  # stored as UTC without an offset; read back naive (or as text)
                at = row[1] if isinstance(row[1], datetime) else datetime.fromisoformat(row[1])
                row[1] = at.replace(tzinfo=UTC) if at.tzinfo is None else at
            yield row
        last = rows[-1][0]


def chain_bytes(batch_size: int = 20000):
    """Every row's hashed bytes in order (for the benchmark: hashlib over the same bytes)."""
    for row in _rows(0, None, batch_size):
        yield _row_body(row)


def _not_following(checked: int, seq: int) -> ChainReport:
    return ChainReport(
        False,
        checked,
        seq,
        f"row {seq} does not follow row {seq - 1}: its previous-hash differs (a row before "
        "it was altered or removed)",
    )


def _altered(checked: int, seq: int) -> ChainReport:
    return ChainReport(
        False, checked, seq, f"row {seq} was altered: its content no longer matches its hash"
    )


def _missing(checked: int, seq: int, following: int | None = None) -> ChainReport:
    tail = "" if following is None else f" (next row is {following})"
    return ChainReport(False, checked, seq, f"row {seq} is missing{tail}")


def _verify_rows(after: int, until: int | None, prev: str | None, batch_size: int, *, form=None):
    """Check the rows after `after` up to `until` in Python: each row's hash, and (unless
    only one `form` is read) that seq runs on without a gap and each row follows the one
    before (`prev`: the hash the first row must follow). Returns (report, last hash)."""
    expected_seq = after + 1
    checked = 0
    whole = form is None
    sha256 = hashlib.sha256
    for row in _rows(after, until, batch_size, form=form):
        seq, prev_hash, digest = row[0], row[16], row[17]
        if whole and seq != expected_seq:
            return _missing(checked, expected_seq, seq), prev
        if whole and prev_hash != prev:
            return _not_following(checked, seq), prev
        if sha256(_row_body(row)).hexdigest() != digest:
            return _altered(checked, seq), prev
        prev = digest
        expected_seq += 1
        checked += 1
    return ChainReport(ok=True, checked=checked), prev


# One stretch of the chain checked by PostgreSQL: the first row in after < seq <= until that
# is missing (a gap before it), does not follow the row before, or whose form-2 text (rebuilt
# here as _body_v2 builds it) no longer hashes to its hash. The window reads the rows in the
# seq index's order and the digest is taken at the same level: a digest computed in a
# subquery below the window made PostgreSQL sort the stretch (spilling 800 MB to disk for
# 2.5M rows; 7.9 s against 5.2 s).
_VERIFY_SQL = f"""
SELECT seq, problem, missing FROM (
    SELECT seq, lag(seq, 1, %(after)s) OVER w + 1 AS missing,
        CASE
            WHEN seq <> lag(seq, 1, %(after)s) OVER w + 1 THEN 'missing'
            WHEN prev_hash <> lag(hash, 1, %(prev)s) OVER w THEN 'not following'
            WHEN form <> 1 AND encode(sha256(convert_to(concat_ws(
                E'\\x1f', seq, at, coalesce(actor_id::text, ''), actor_name,
                coalesce(unit_id::text, ''), verb, target_type, target_id, related_type,
                related_id, fields, payload, reason, channel, request_id, ip, prev_hash
            ), 'UTF8')), 'hex') <> hash THEN 'altered'
        END AS problem
    FROM {_TABLE} WHERE seq >= %(after)s AND seq <= %(until)s
    WINDOW w AS (ORDER BY seq)
) AS x
WHERE seq > %(after)s AND problem IS NOT NULL
ORDER BY seq LIMIT 1
"""  # noqa: S608 (no user input: the table's name and a constant)


def _verify_in_sql(after: int, until: int, batch_size: int, threaded: bool) -> ChainReport:
    """Check rows `after` < seq <= `until` in PostgreSQL (form-1 rows' hashes in Python).
    The first row's link to row `after` is checked by the stretch before (or, for the
    first stretch, against GENESIS); a stretch that ends early names its first missing row."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # the text _body_v2 expects of a timestamptz; one core per stretch
            cursor.execute("SELECT set_config('TimeZone', 'UTC', true)")
            cursor.execute("SELECT set_config('DateStyle', 'ISO', true)")
            cursor.execute("SELECT set_config('max_parallel_workers_per_gather', '0', true)")
            prev = GENESIS if after == 0 else None
            cursor.execute(_VERIFY_SQL, {"after": after, "until": until, "prev": prev})
            found = cursor.fetchone()
            cursor.execute(
                f"SELECT max(seq) FROM {_TABLE} WHERE seq > %s AND seq <= %s",  # noqa: S608
                [after, until],
            )
            present = cursor.fetchone()[0] or after
        problems = []
        if found:
            seq, problem, missing = found
            if problem == "missing":
                problems.append(_missing(missing - 1, missing, seq))
            elif problem == "not following":
                problems.append(_not_following(seq - 1, seq))
            else:
                problems.append(_altered(seq - 1, seq))
        if present < until:  # the last rows of the stretch are gone
            problems.append(_missing(present, present + 1))
        old, _ = _verify_rows(after, until, None, batch_size, form=1)
        if not old.ok:
            problems.append(_altered(old.first_broken_seq - 1, old.first_broken_seq))
        if problems:
            return min(problems, key=lambda report: report.first_broken_seq)
        return ChainReport(ok=True, checked=until - after)
    finally:
        if threaded:
            connection.close()  # this thread's own connection


def verify_workers() -> int:
    """Stretches `borderwatch audit verify` checks at once: one per core on PostgreSQL (at
    most 8)."""
    if connection.vendor != "postgresql":
        return 1
    return max(1, min(8, os.cpu_count() or 1))


def verify_chain(
    batch_size: int = 20000, workers: int = 1, parallel_from: int = 100_000
) -> ChainReport:
    """Walk the whole chain in order; name the first row that is altered or missing.

    On PostgreSQL the database checks it, in `workers` stretches at once (each on its own
    connection, when the chain has `parallel_from` rows or more); elsewhere Python does, in
    one pass. Either way the report names the first row that is wrong."""
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
    if connection.vendor != "postgresql":
        return _verify_rows(0, None, GENESIS, batch_size)[0]
    if workers <= 1 or last < parallel_from:
        parts = [_verify_in_sql(0, last, batch_size, threaded=False)] if last else []
    else:
        bounds = [last * i // workers for i in range(workers + 1)]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(
                pool.map(
                    _verify_in_sql, bounds[:-1], bounds[1:], [batch_size] * workers,
                    [True] * workers,
                )
            )  # fmt: skip
    for part in parts:
        if not part.ok:
            return part
    if AuditEvent.objects.filter(seq__gt=last).exists():
        # rows appended while verifying: check them too, after the last one checked
        prev = AuditEvent.objects.filter(seq=last).values_list("hash", flat=True).first()
        tail, _ = _verify_rows(last, None, prev or GENESIS, batch_size)
        tail.checked += last
        return tail
    return ChainReport(ok=True, checked=last)
