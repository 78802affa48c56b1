"""Bulk import of incidents from CSV or NDJSON: `borderwatch import FILE`.

A partner's or an old system's records, one incident per row, with the columns of
`COLUMNS`. The file is streamed (never held whole): each row is checked in Python against
lookups made once (places by any spelling, sections, units, the sections' prepared shapes),
good rows are written in batches (COPY on PostgreSQL, bulk_create on SQLite) and bad rows
go to a rejects file with their problems, each naming the line, the field and what is
wrong. Everything happens in one transaction, with one audit event for the whole import:
a failure or Ctrl-C part way leaves the database as it was.

Rows are checked as `services.open_incident` checks one incident: the same validators
(`lib/validate.py`, `lib/geo.validate_point`), the model's choices, the period of a
precision (`lib.timefmt.period_containing`), the section placed by position among the sections
with a geometry (first by code, as `geo.locate`), and the impact level by the incident
rules of `impact.py`. An `external_ref` already stored, or repeated in the file, is a
duplicate. Not done per row: detections, first-report clocks, source links.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import shapely
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from borderwatch.access import audit, policy
from borderwatch.access.actor import ROLE, Actor
from borderwatch.access.models import Unit
from borderwatch.lib.errors import AccessDenied, DomainError
from borderwatch.lib.geo import validate_point
from borderwatch.lib.timefmt import OSLO, period_containing
from borderwatch.lib.validate import (
    FUTURE_TOLERANCE,
    MAX_OFFSET,
    MIN_OFFSET,
    aware,
    choice,
    country_code,
)

from . import geo, impact
from .choices import DetectionSource, IncidentStatus, IncidentType, TimePrecision
from .columns import COLUMNS, REQUIRED
from .models import BorderSection, Incident, Place

FORMATS = ("csv", "ndjson")
BATCH = 10_000


# What is written, in this order: the COPY column list and the tuples built per row.
TABLE_COLUMNS = (
    "id",
    "type",
    "status",
    "owning_unit_id",
    "external_ref",
    "summary",
    "occurred_from",
    "occurred_to",
    "time_precision",
    "time_text",
    "lat",
    "lon",
    "location_approximate",
    "place_id",
    "section_id",
    "country_left",
    "country_entered",
    "attempted_only",
    "persons_count",
    "persons_count_is_lower_bound",
    "crossings_uncertain",
    "nationality",
    "claimed_affiliation",
    "detection_method",
    "impact_level",
    "impact_rule",
    "opened_at",
)
_I = {name: i for i, name in enumerate(TABLE_COLUMNS)}
I_LAT, I_LON, I_SECTION, I_REF = _I["lat"], _I["lon"], _I["section_id"], _I["external_ref"]

MAX_LENGTH = {"external_ref": 120, "time_text": 120, "claimed_affiliation": 120}  # the model's
TRUE = {"true", "t", "yes", "y", "1"}
FALSE = {"false", "f", "no", "n", "0", ""}
# the usual spellings as they come, looked up before any normalising (True == 1 as a key)
FLAGS = {None: False, True: True, False: False}
FLAGS |= {v: True for w in TRUE for v in (w, w.upper(), w.capitalize())}
FLAGS |= {v: False for w in FALSE for v in (w, w.upper(), w.capitalize())}
NL = b"\n"
KEEP_PROBLEMS = 100  # messages kept in the report besides the rejects file


class ImportFileError(DomainError):
    """The file cannot be imported at all (empty, not UTF-8, no header, bad JSON line,
    unknown columns); nothing was stored."""


@dataclass
class Rejection:
    line: int
    row: dict | list  # the original row: cells (CSV) or object (NDJSON)
    problems: list[str]


@dataclass
class ImportReport:
    file_name: str
    fmt: str
    sha256: str = ""
    rows: int = 0
    imported: int = 0
    rejected: int = 0
    strict: bool = False
    first_id: int | None = None
    last_id: int | None = None
    rejects_path: str | None = None  # where rejected rows went, when a file was given
    rejections: list[Rejection] = field(default_factory=list)  # when no file was given
    problems: list[str] = field(default_factory=list)  # the first KEEP_PROBLEMS messages
    seconds: float = 0.0
    sections: set[int] = field(default_factory=set, repr=False)  # ids of sections written to

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        rows = f"{self.rows:,} row{'' if self.rows == 1 else 's'}"
        see = f" (see {self.rejects_path})" if self.rejects_path and self.rejected else ""
        if self.strict and self.rejected:
            return f"{rows}: {self.rejected:,} rejected, nothing imported (--strict){see}"
        return f"{rows}: {self.imported:,} imported, {self.rejected:,} rejected{see}"


# --- reading -------------------------------------------------------------------------------


class _Tap(io.RawIOBase):
    """A binary stream that hashes and counts what passes through (and moves the bar)."""

    def __init__(self, raw, bar):
        self.raw = raw
        self.bar = bar
        self.sha = hashlib.sha256()
        self.bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        if n:
            self.sha.update(data)
            self.bytes += n
            self.bar.update(n)
        return n


def _text(tap: _Tap) -> io.TextIOWrapper:
    # utf-8-sig: a byte-order mark (spreadsheets write one) is not part of the first column
    return io.TextIOWrapper(
        io.BufferedReader(tap, 1 << 20), encoding="utf-8-sig", errors="strict", newline=""
    )


def _quote(value) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def _check_columns(names, where: str) -> None:
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        raise ImportFileError(
            f"{where}: unknown column{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(_quote(n) for n in unknown)}; the columns are {', '.join(COLUMNS)}. "
            "Nothing was imported."
        )


def _csv_rows(text: io.TextIOWrapper, name: str) -> Iterator[tuple[int, dict, list]]:
    reader = csv.reader(text)
    try:
        header = next(reader, None)
        while header is not None and not any(c.strip() for c in header):
            header = next(reader, None)  # blank lines before the header
        if header is None:
            raise ImportFileError(f"{name} is empty: nothing to import.")
        header = [c.strip() for c in header]
        if not set(header) & set(COLUMNS):
            raise ImportFileError(
                f"{name} has no header: its first line should name the columns "
                f"({', '.join(COLUMNS)}), not hold a row ({','.join(header[:4])}…). "
                "Nothing was imported."
            )
        _check_columns(header, f"{name}, line {reader.line_num}")
        repeated = sorted({c for c in header if header.count(c) > 1})
        if repeated:
            raise ImportFileError(
                f"{name}, line {reader.line_num}: column(s) {', '.join(repeated)} appear "
                "more than once. Nothing was imported."
            )
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise ImportFileError(
                f"{name}: the header lacks the column(s) {', '.join(missing)}, which every "
                "row needs. Nothing was imported."
            )
        yield 0, {"header": header}, header
        width = len(header)
        last = reader.line_num
        for cells in reader:
            line = last + 1
            last = reader.line_num
            if not cells:
                continue
            values = dict(zip(header, cells, strict=False))
            if len(cells) != width:
                if not any(c.strip() for c in cells):
                    continue
                values["__width__"] = f"the row has {len(cells)} fields; the header has {width}"
            yield line, values, cells
    except csv.Error as exc:
        raise ImportFileError(
            f"{name}, line {reader.line_num}: not readable as CSV ({exc}). Nothing was imported."
        ) from None


def _ndjson_rows(text: io.TextIOWrapper, name: str) -> Iterator[tuple[int, dict, dict]]:
    yield 0, {}, {}
    seen_any = False
    loads = json.loads
    for line, raw in enumerate(text, 1):
        if not raw.strip():
            continue
        seen_any = True
        try:
            obj = loads(raw)
        except ValueError as exc:
            msg = getattr(exc, "msg", str(exc))
            col = getattr(exc, "colno", None)
            at = f" at column {col}" if col else ""
            raise ImportFileError(
                f"{name}, line {line}: not valid JSON ({msg}{at}). Nothing was imported."
            ) from None
        if not isinstance(obj, dict):
            raise ImportFileError(
                f"{name}, line {line}: not a JSON object ({{...}}) but {type(obj).__name__}. "
                "Nothing was imported."
            )
        if not obj.keys() <= _COLUMN_SET:
            _check_columns(list(obj), f"{name}, line {line}")
        yield line, obj, obj
    if not seen_any:
        raise ImportFileError(f"{name} is empty: nothing to import.")


_COLUMN_SET = frozenset(COLUMNS)


# --- rejects -------------------------------------------------------------------------------


class _Rejects:
    """The rejects file, opened at the first rejected row (or rows kept in the report)."""

    def __init__(self, path, fmt: str, header: list[str] | None, report: ImportReport):
        self.path = Path(path) if path else None
        self.fmt = fmt
        self.header = header
        self.report = report
        self.file = None
        self.writer = None

    def add(self, line: int, original, problems: list[str]) -> None:
        report = self.report
        report.rejected += 1
        if len(report.problems) < KEEP_PROBLEMS:
            report.problems.extend(problems[: KEEP_PROBLEMS - len(report.problems)])
        if self.path is None:
            report.rejections.append(Rejection(line, original, problems))
            return
        if self.file is None:
            self.file = self.path.open("w", encoding="utf-8", newline="")
            if self.fmt == "csv":
                self.writer = csv.writer(self.file)
                self.writer.writerow([*self.header, "problems"])
        if self.fmt == "csv":
            cells = list(original) + [""] * (len(self.header) - len(original))
            self.writer.writerow([*cells, "; ".join(problems)])
        else:
            self.file.write(
                json.dumps({**original, "problems": problems}, ensure_ascii=False) + "\n"
            )

    def close(self, *, discard: bool = False) -> None:
        if self.file is not None:
            self.file.close()
            if discard:
                self.path.unlink(missing_ok=True)


# --- checking one row ----------------------------------------------------------------------


def _strip_field(message: str, name: str) -> str:
    """A validator's message without its leading field name (the problem names it)."""
    for prefix in (f"{name} = ", f"{name} "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


class _Checker:
    """Turns one row's values into a tuple of TABLE_COLUMNS, or a list of problems."""

    def __init__(
        self, *, actor: Actor, default_unit: Unit | None, opened_at: datetime, has_shapes: bool
    ):
        self.opened_at = opened_at
        self.has_shapes = has_shapes
        self.latest = opened_at + FUTURE_TOLERANCE
        self.places = {}
        for p in Place.objects.order_by("-name"):  # the first by name wins a shared variant
            for spelling in [p.name, *(p.variants or [])]:
                self.places[str(spelling).casefold()] = (p.pk, p.section_id, p.lat, p.lon)
        self.sections = dict(BorderSection.objects.values_list("code", "pk"))
        self.units = dict(Unit.objects.values_list("code", "pk"))
        self.default_unit = default_unit.pk if default_unit else None
        # Users import for the unit they act for; the console and administrators for any.
        self.any_unit = actor.is_console or actor.has_role(ROLE.ADMINISTRATOR)
        self.own_unit = actor.unit.pk if actor.unit else None
        self.own_unit_code = actor.unit.code if actor.unit else ""
        self.types = frozenset(IncidentType.values)
        self.statuses = frozenset(IncidentStatus.values)
        self.precisions = frozenset(TimePrecision.values)
        self.detections = frozenset(DetectionSource.values)
        self.ruleset = impact.rules()
        self.levels: dict[tuple, tuple[str, str]] = {}
        self.days: dict[str, datetime] = {}
        self.ends: dict[tuple, datetime] = {}
        self.countries: dict[str, str] = {}

    # the values: str (CSV, JSON) or JSON's numbers, booleans and null; "" or None is absent

    def _instant(self, value, name: str, problems: list) -> tuple[datetime | None, bool]:
        """(aware datetime, given as a date?) or (None, False) with a problem added."""
        if not isinstance(value, str):
            problems.append(f"{name}: {_quote(value)} is not a date")
            return None, False
        value = value.strip()
        if len(value) == 10:
            dt = self.days.get(value)
            if dt is None:
                try:
                    d = date.fromisoformat(value)
                except ValueError:
                    problems.append(
                        f"{name}: {_quote(value)} is not a date "
                        "(YYYY-MM-DD or ISO 8601 with an offset)"
                    )
                    return None, False
                dt = self.days[value] = datetime(d.year, d.month, d.day, tzinfo=OSLO)
            return dt, True
        try:
            dt = datetime.fromisoformat(value)
        except ValueError:
            problems.append(
                f"{name}: {_quote(value)} is not a date (YYYY-MM-DD or ISO 8601 with an offset)"
            )
            return None, False
        offset = dt.utcoffset()
        if offset is None or not MIN_OFFSET <= offset <= MAX_OFFSET:
            try:
                aware(dt, name)
            except DomainError as exc:
                problems.append(f"{name}: {_quote(value)}: {_strip_field(exc.message, name)}")
                return None, False
        return dt, False

    def _text(self, values, name: str, problems: list) -> str:
        value = values.get(name)
        if value is None:
            return ""
        if value.__class__ is str and len(value) <= 120 and "\x00" not in value:
            return value  # the usual case; every limit is 120
        if not isinstance(value, str):
            if name == "external_ref" and isinstance(value, int) and not isinstance(value, bool):
                return str(value)
            problems.append(f"{name}: {_quote(value)} is not text")
            return ""
        if "\x00" in value:
            problems.append(f"{name}: contains a NUL character")
        limit = MAX_LENGTH.get(name)
        if limit and len(value) > limit:
            problems.append(f"{name}: is {len(value)} characters long; at most {limit}")
        return value

    def _flag(self, values, name: str, problems: list) -> bool:
        value = values.get(name)
        try:
            flag = FLAGS.get(value)
        except TypeError:  # a JSON list or object
            flag = None
        if flag is not None:
            return flag
        if isinstance(value, str):
            low = value.strip().lower()
            if low in TRUE:
                return True
            if low in FALSE:
                return False
        elif value in (0, 1):
            return bool(value)
        problems.append(f"{name}: {_quote(value)} is not true or false (true/false, yes/no, 1/0)")
        return False

    def _choice(self, values, name: str, allowed, choices, default: str, problems) -> str:
        value = values.get(name)
        try:
            if value in allowed:
                return value
        except TypeError:  # a JSON list or object
            pass
        if value is None or value == "":
            return default
        if isinstance(value, str):
            value = value.strip()
            if value in allowed:
                return value
        try:
            choice(value, choices, name)
        except DomainError as exc:
            problems.append(f"{name}: {_strip_field(exc.message, name)}")
        return default

    def _country(self, values, name: str, problems: list) -> str:
        value = values.get(name)
        if not value:
            return ""
        if not isinstance(value, str):
            problems.append(f"{name}: {_quote(value)} is not a country code")
            return ""
        code = self.countries.get(value)
        if code is not None:
            return code
        try:
            code = self.countries[value] = country_code(value, name)
            return code
        except DomainError as exc:
            problems.append(f"{name}: {_strip_field(exc.message, name)}")
            return ""

    def _count(self, values, problems: list) -> int | None:
        value = values.get("persons_count")
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            problems.append(f"persons_count: {_quote(value)} is not a whole number")
            return None
        try:
            n = int(value)
        except ValueError:
            problems.append(f"persons_count: {_quote(value)} is not a whole number")
            return None
        if n < 0:
            problems.append("persons_count: the number of persons cannot be negative")
            return None
        if n > 2_147_483_647:
            problems.append(f"persons_count: {n} is too large")
            return None
        return n

    def row(self, values: dict, line: int) -> tuple[list | None, list[str]]:
        problems: list[str] = []
        width = values.pop("__width__", None)
        if width:
            problems.append(width)
        get = values.get

        ref = self._text(values, "external_ref", problems).strip()
        if not ref and (get("external_ref") is None or isinstance(get("external_ref"), str)):
            problems.append("external_ref: missing; every row needs the sender's own id")

        # time
        occurred_from = occurred_to = None
        from_is_date = False
        raw_from = get("occurred_from")
        if raw_from is None or raw_from == "":
            problems.append("occurred_from: missing")
        else:
            occurred_from, from_is_date = self._instant(raw_from, "occurred_from", problems)
        precision = self._choice(
            values,
            "time_precision",
            self.precisions,
            TimePrecision,
            "day" if from_is_date else "exact",
            problems,
        )
        raw_to = get("occurred_to")
        if raw_to is not None and raw_to != "":
            occurred_to, _ = self._instant(raw_to, "occurred_to", problems)
        if occurred_from is not None:
            if from_is_date and precision == "exact" and get("time_precision"):
                problems.append(
                    "occurred_from: a date without a time of day cannot be exact; give the "
                    "time with its offset or another time_precision"
                )
            elif occurred_from > self.latest:
                problems.append(
                    f"occurred_from: {_quote(raw_from)} is in the future; an incident cannot "
                    "have happened yet"
                )
            elif occurred_to is None and raw_to in (None, ""):
                occurred_to = self._end(occurred_from, precision)
            if occurred_to is not None and occurred_to <= occurred_from:
                problems.append(
                    f"occurred_to: {_quote(raw_to)} is not after occurred_from; the period "
                    "[occurred_from, occurred_to) must end after it starts"
                )

        # place and position
        place_id = place_section = None
        location_approximate = False
        lat = lon = None
        place = get("place")
        if place:
            found = self.places.get(str(place).strip().casefold())
            if found is None:
                problems.append(f"place: {_quote(place)} is not a place of the gazetteer")
            else:
                place_id, place_section, plat, plon = found
        raw_lat, raw_lon = get("lat"), get("lon")
        has_lat = raw_lat is not None and raw_lat != ""
        has_lon = raw_lon is not None and raw_lon != ""
        if has_lat or has_lon:
            if not (has_lat and has_lon):
                missing = "lon" if has_lat else "lat"
                problems.append(f"{missing}: missing; lat and lon come together")
            else:
                try:
                    lat = float(raw_lat)
                    lon = float(raw_lon)
                    ok = -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0
                except (TypeError, ValueError):
                    ok = False
                if not ok or isinstance(raw_lat, bool) or isinstance(raw_lon, bool):
                    try:
                        validate_point(raw_lat, raw_lon)
                        problems.append("lat: is not a number of degrees")
                    except DomainError as exc:
                        problems.append(f"{exc.field}: {_strip_field(exc.message, exc.field)}")
                    lat = lon = None
        elif place_id is not None:
            lat, lon, location_approximate = plat, plon, True

        # the section: as given; else by position among the sections with a geometry
        # (later, per batch); a place's own section stands in for its approximate point,
        # and for any position where no section has a geometry (as intake does)
        section_id = None
        section = get("section")
        if section:
            section_id = self.sections.get(str(section).strip())
            if section_id is None:
                problems.append(f"section: {_quote(section)} is not the code of a border section")
        elif location_approximate or not self.has_shapes:
            section_id = place_section

        # unit
        unit_code = get("owning_unit")
        if unit_code:
            unit_id = self.units.get(str(unit_code).strip())
            if unit_id is None:
                problems.append(f"owning_unit: {_quote(unit_code)} is not the code of a unit")
            elif not self.any_unit and unit_id != self.own_unit:
                problems.append(
                    f"owning_unit: you act for {self.own_unit_code} and may import only its "
                    f"incidents, not {_quote(unit_code)}'s"
                )
        else:
            unit_id = self.default_unit
            if unit_id is None:
                problems.append("owning_unit: missing; give the column or --unit")

        # facts
        persons = self._count(values, problems)
        lower_bound = self._flag(values, "persons_count_is_lower_bound", problems)
        uncertain = self._flag(values, "crossings_uncertain", problems)
        if uncertain and not persons:
            problems.append(
                "crossings_uncertain: a group that may have crossed apart needs its persons_count"
            )
        kind = self._choice(
            values,
            "type",
            self.types,
            IncidentType,
            IncidentType.UNAUTHORISED_CROSSING.value,
            problems,
        )
        status = self._choice(
            values, "status", self.statuses, IncidentStatus, IncidentStatus.OPEN.value, problems
        )
        detection = self._choice(
            values, "detection_method", self.detections, DetectionSource, "", problems
        )
        affiliation = self._text(values, "claimed_affiliation", problems).strip()
        key = (persons, kind, bool(affiliation))
        level = self.levels.get(key)
        if level is None:
            facts = SimpleNamespace(
                persons_count=persons, type=kind, claimed_affiliation=affiliation
            )
            level = self.levels[key] = impact.incident_level(facts, self.ruleset)

        out = [
            None,
            kind,
            status,
            unit_id,
            ref,
            self._text(values, "summary", problems),
            occurred_from,
            occurred_to,
            precision,
            self._text(values, "time_text", problems).strip(),
            lat,
            lon,
            location_approximate,
            place_id,
            section_id,
            self._country(values, "country_left", problems),
            self._country(values, "country_entered", problems),
            self._flag(values, "attempted_only", problems),
            persons,
            lower_bound,
            uncertain,
            self._country(values, "nationality", problems),
            affiliation,
            detection,
            level[0],
            level[1],
            self.opened_at,
        ]
        if problems:
            return None, [f"line {line}: {p}" for p in problems]
        return out, problems

    def _end(self, start: datetime, precision: str) -> datetime:
        """The end of the period: a minute for an exact time (as open_incident), else the
        end of the day, month, season or year that holds the start (in Oslo)."""
        if precision == "exact":
            return start + timedelta(minutes=1)
        key = (start, precision)
        end = self.ends.get(key)
        if end is None:
            end = self.ends[key] = period_containing(start, precision)[1]
        return end


def _place_by_position(rows: list[list], shapes: list[tuple[int, object]]) -> None:
    """Give rows with a position and no section the first section (by code) holding it."""
    todo = [r for r in rows if r[I_SECTION] is None and r[I_LAT] is not None]
    if not todo or not shapes:
        return
    lon = np.fromiter((r[I_LON] for r in todo), dtype=float, count=len(todo))
    lat = np.fromiter((r[I_LAT] for r in todo), dtype=float, count=len(todo))
    found = np.full(len(todo), -1, dtype=np.int64)
    for section_id, shape in shapes:
        free = found < 0
        if not free.any():
            break
        # intersects is covers for a point: a point on a section's edge lies in it
        inside = free & shapely.intersects_xy(shape, lon, lat)
        found[inside] = section_id
    for r, s in zip(todo, found.tolist(), strict=True):
        if s >= 0:
            r[I_SECTION] = s


# --- writing -------------------------------------------------------------------------------


def _existing_refs(refs: list[str], pg=None) -> dict[str, int]:
    """Which of `refs` are stored already: one query per batch. `pg`: the psycopg
    connection on PostgreSQL (used from the writer thread, so not Django's wrapper)."""
    if not refs:
        return {}
    if pg is not None:
        with pg.cursor() as cursor:
            cursor.execute(
                "SELECT external_ref, id FROM border_incident WHERE external_ref = ANY(%s)",
                [refs],
            )
            return dict(cursor.fetchall())
    limit = connection.features.max_query_params or len(refs)
    found = {}
    for i in range(0, len(refs), limit):
        found.update(
            Incident.objects.filter(external_ref__in=refs[i : i + limit]).values_list(
                "external_ref", "pk"
            )
        )
    return found


_SPECIAL = re.compile(r"[\\\t\n\r]")
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _esc(text: str) -> str:
    """Text as COPY's text format wants it (backslash, tab, newline, return escaped)."""
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


NULL = "\\N"


def _opt(value) -> str:
    return NULL if value is None else str(value)


def _copy_line(r: list) -> str:
    """One row of TABLE_COLUMNS as a line of COPY's text format, by position (fast)."""
    return (
        "\t".join(
            (
                str(r[0]),
                r[1],
                r[2],
                str(r[3]),
                _esc(r[4]),
                _esc(r[5]),
                r[6].isoformat(),
                r[7].isoformat(),
                r[8],
                _esc(r[9]),
                NULL if r[10] is None else repr(r[10]),
                NULL if r[11] is None else repr(r[11]),
                "t" if r[12] else "f",
                _opt(r[13]),
                _opt(r[14]),
                r[15],
                r[16],
                "t" if r[17] else "f",
                _opt(r[18]),
                "t" if r[19] else "f",
                "t" if r[20] else "f",
                r[21],
                _esc(r[22]),
                r[23],
                r[24],
                _esc(r[25]),
                r[26],
            )
        )
        + "\n"
    )


def write_batch(rows: list[list], pg=None) -> list[int]:
    """Store the rows (TABLE_COLUMNS, id None); return their new ids in order. With `pg`
    (PostgreSQL's psycopg connection) through COPY, else with bulk_create."""
    if pg is not None:
        with pg.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('border_incident', 'id')) "
                "FROM generate_series(1, %s)",
                [len(rows)],
            )
            ids = [r[0] for r in cursor.fetchall()]
        columns = ", ".join(TABLE_COLUMNS)
        opened = rows[0][26].isoformat()  # the same instant for every row
        for pk, row in zip(ids, rows, strict=True):
            row[0] = pk
            row[26] = opened
        with (
            pg.cursor() as cursor,
            cursor.copy(f"COPY border_incident ({columns}) FROM STDIN") as copy,
        ):
            for i in range(0, len(rows), 2000):
                copy.write("".join(map(_copy_line, rows[i : i + 2000])).encode())
        return ids
    names = TABLE_COLUMNS[1:]
    objs = [Incident(**dict(zip(names, row[1:], strict=True))) for row in rows]
    return [o.pk for o in Incident.objects.bulk_create(objs)]


def _store(batch: list[tuple[int, list, object]], shapes, pg, write: bool):
    """Check one batch against the stored refs, place and write the rest: (rows written,
    their ids, the duplicates as rejections)."""
    existing = _existing_refs([r[I_REF] for _, r, _ in batch], pg)
    good, duplicates = [], []
    for line, row, original in batch:
        if row[I_REF] in existing:
            problem = (
                f"line {line}: external_ref: {_quote(row[I_REF])} is stored already; duplicate"
            )
            duplicates.append((line, original, [problem]))
        else:
            good.append(row)
    if not (good and write):
        return [], [], duplicates
    _place_by_position(good, shapes)
    return good, write_batch(good, pg), duplicates


# --- the import ----------------------------------------------------------------------------


def format_of(path: str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("ndjson", "jsonl"):
        return "ndjson"
    if suffix == "csv":
        return "csv"
    raise ImportFileError(
        f"Cannot tell the format of {path!r} from its name: give --format csv or ndjson."
    )


def _resolve_unit(actor: Actor, unit) -> Unit | None:
    if unit is None:
        return actor.unit
    if isinstance(unit, str):
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise DomainError(f"No unit with code {unit!r}.", field="unit")
        unit = found
    if not (actor.is_console or actor.has_role(ROLE.ADMINISTRATOR) or actor.acts_for(unit.pk)):
        raise AccessDenied(f"You act for {actor.unit or 'no unit'} and may not import for {unit}.")
    return unit


def _where_not_utf8(path: Path) -> str:
    """' at byte N (line L)' for the first byte of the file that is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, lines = 0, 1
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                line = lines + chunk.count(NL, 0, exc.start)
                return (
                    f" (byte 0x{chunk[exc.start]:02x} at offset {offset + exc.start}, line {line})"
                )
            offset += len(chunk)
            lines += chunk.count(NL)
    return ""


def import_incidents(
    stream_or_path,
    *,
    fmt: str | None = None,
    actor: Actor,
    unit=None,
    strict: bool = False,
    rejects=None,
    batch: int = BATCH,
    progress: bool = False,
) -> ImportReport:
    """Import incidents from a CSV or NDJSON file: a path, "-" for stdin, or a binary
    stream. See the module's docstring.

    `fmt` is "csv" or "ndjson" (from a path's extension when not given). `unit` (a Unit or
    its code) owns rows without an owning_unit (default: the actor's unit). `rejects`: a
    path for the rejected rows with their problems; without it they are kept in the
    report. `strict`: store nothing when any row is rejected. Raises AccessDenied for an
    actor who may not import, ImportFileError for a file that cannot be read as a whole.
    """
    policy.require(
        actor,
        "incident.import",
        message=(
            f"You may not import incidents acting for {actor.unit or 'no unit'}: importing is "
            "for the console, administrators, and units that run incidents (border guards, "
            "police operations)."
        ),
    )
    if batch < 1:
        raise DomainError("The batch size must be at least 1.", field="batch")
    default_unit = _resolve_unit(actor, unit)
    started = time.perf_counter()
    path = None
    if isinstance(stream_or_path, str | Path) and str(stream_or_path) != "-":
        path = Path(stream_or_path)
        fmt = fmt or format_of(str(path))
        try:
            raw = path.open("rb")
            total = path.stat().st_size
        except OSError as exc:
            raise ImportFileError(f"Cannot read {path}: {exc.strerror}.") from None
        name, owned = str(path), True
    else:
        raw = sys.stdin.buffer if str(stream_or_path) == "-" else stream_or_path
        if isinstance(raw, io.TextIOBase):
            raw = getattr(raw, "buffer", None) or io.BytesIO(raw.read().encode())
        name, total, owned = "-", None, False
        if not fmt:
            raise ImportFileError("Give the format (--format csv or ndjson) of a stream.")
    try:
        if fmt not in FORMATS:
            raise ImportFileError(f"The format is csv or ndjson, not {fmt!r}.")
        report = ImportReport(file_name=name, fmt=fmt, strict=strict)
        with tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            disable=not progress,
            file=sys.stderr,
            desc="import",
            leave=False,
        ) as bar:
            tap = _Tap(raw, bar)
            _import(tap, report, fmt, name, actor, default_unit, strict, rejects, batch, path)
    finally:
        if owned:
            raw.close()
    report.seconds = time.perf_counter() - started
    return report


def _import(tap, report, fmt, name, actor, default_unit, strict, rejects, batch, path) -> None:
    rows = (_csv_rows if fmt == "csv" else _ndjson_rows)(_text(tap), name)
    out = None
    try:
        with transaction.atomic():
            first = next(rows)  # the header, checked before any row
            out = _Rejects(rejects, fmt, first[2] if fmt == "csv" else None, report)
            report.rejects_path = str(rejects) if rejects else None
            _run(rows, report, out, actor, default_unit, strict, batch, name)
            report.sha256 = tap.sha.hexdigest()
            if strict and report.rejected:
                report.imported = 0
                report.first_id = report.last_id = None
                transaction.set_rollback(True)
            else:
                _finish(report, actor)
    except UnicodeDecodeError:
        if out is not None:
            out.close(discard=True)
        where = _where_not_utf8(path) if path is not None else ""
        raise ImportFileError(
            f"{name} is not UTF-8 text{where}: save it as UTF-8 and try again. "
            "Nothing was imported."
        ) from None
    except BaseException:
        if out is not None:
            out.close(discard=True)
        raise
    out.close()


def _run(rows, report, out, actor, default_unit, strict, batch, name) -> None:
    opened_at = timezone.now()
    shapes = [(s.pk, geo.section_shape(s.geometry)) for s in geo.sections_with_geometry()]
    checker = _Checker(
        actor=actor, default_unit=default_unit, opened_at=opened_at, has_shapes=bool(shapes)
    )
    seen: dict[str, int] = {}  # external_ref → the line that brought it (accepted rows)
    pending: list[tuple[int, list, object]] = []  # (line, row, original)
    held: list[tuple[int, object, list[str]]] = []  # rejected in this batch, for line order
    # On PostgreSQL a writer thread stores batch N (the server's work, without the GIL)
    # while this thread checks batch N+1; it uses the psycopg connection itself, and this
    # thread leaves the database alone meanwhile. On SQLite each batch is stored in turn.
    pg = connection.connection if connection.vendor == "postgresql" else None
    writer = ThreadPoolExecutor(1, thread_name_prefix="import-writer") if pg else None
    in_flight = None  # (future or result, the batch's rejected rows)

    def settle() -> None:
        nonlocal in_flight
        if in_flight is None:
            return
        stored, rejected = in_flight
        in_flight = None
        good, ids, duplicates = stored.result() if writer else stored
        if ids:
            report.imported += len(ids)
            if report.first_id is None:
                report.first_id = ids[0]
            report.last_id = ids[-1]
            report.sections.update(r[I_SECTION] for r in good if r[I_SECTION] is not None)
        for line, original, problems in sorted(rejected + duplicates, key=lambda h: h[0]):
            out.add(line, original, problems)

    def flush() -> None:
        nonlocal in_flight
        batch, rejected = pending[:], held[:]
        pending.clear()
        held.clear()
        settle()
        write = not (strict and (report.rejected or rejected))
        if writer:
            in_flight = (writer.submit(_store, batch, shapes, pg, write), rejected)
        else:
            in_flight = (_store(batch, shapes, None, write), rejected)

    try:
        _check_rows(rows, report, checker, seen, pending, held, batch, flush)
        flush()
        settle()
    finally:
        if writer:
            writer.shutdown(wait=True)  # never leave the connection to a running thread
    if report.rows == 0:
        raise ImportFileError(f"{name} has a header but no rows: nothing to import.")


def _check_rows(rows, report, checker, seen, pending, held, batch, flush) -> None:
    for line, values, original in rows:
        report.rows += 1
        row, problems = checker.row(values, line)
        if row is not None:
            ref = row[I_REF]
            before = seen.get(ref)
            if before is not None:
                problems = [
                    f"line {line}: external_ref: {_quote(ref)} is repeated; line {before} "
                    "has it already; duplicate"
                ]
                row = None
            else:
                seen[ref] = line
        if row is None:
            held.append((line, original, problems))
        else:
            pending.append((line, row, original))
        if len(pending) >= batch:
            flush()


def _finish(report: ImportReport, actor: Actor) -> None:
    """One audit event for the import; then the levels of the sections it touched."""
    audit.record(
        actor,
        "incident.imported",
        payload={
            "file": Path(report.file_name).name if report.file_name != "-" else "-",
            "format": report.fmt,
            "sha256": report.sha256,
            "rows": report.rows,
            "imported": report.imported,
            "rejected": report.rejected,
            "first_id": report.first_id,
            "last_id": report.last_id,
        },
    )
    for section in BorderSection.objects.filter(pk__in=report.sections):
        impact.recompute_section(section, actor=actor)
