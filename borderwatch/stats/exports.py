"""Exports of what the statistics filters select: the breakdown table as CSV, and the
selected incidents' non-personal fields as CSV or GeoJSON.

An export never carries a person's data: no names, dates of birth, person ids, case
content, summaries or claimed affiliations; only the incident's own aggregate fields
(`INCIDENT_COLUMNS`). Coordinates are rounded to 0.01° (about 1 km north–south, 400 m
east–west at 70° N) for every reader: an export leaves the system, and a statistic
needs no more; exact positions stay with those who may open the incident.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError

from .outcomes import with_outcome
from .queries import OSLO, BreakdownResult, CountQuery, compute_breakdown, selection

FORMATS = ("csv", "geojson")
COORDINATE_DECIMALS = 2
NOTE = (
    "Counts are of records held (reported events); events nobody reported are not in them. "
    "No person's data; coordinates rounded to 0.01 degrees."
)

# The one list of what an incident export may carry, in column order.
INCIDENT_COLUMNS = [
    "reference",
    "period_start",
    "period_end",
    "time_precision",
    "when",
    "place",
    "section",
    "lat",
    "lon",
    "location_approximate",
    "type",
    "status",
    "persons_count",
    "persons_count_is_lower_bound",
    "crossings_uncertain",
    "main_nationality",
    "country_left",
    "country_entered",
    "detection_method",
    "impact_level",
    "outcome",
    "sources",
]


@dataclass
class Export:
    content: str
    filename: str
    content_type: str
    rows: int


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise DomainError(
            f"format must be one of {', '.join(FORMATS)}, not {fmt!r}.", field="format"
        )
    return fmt


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, COORDINATE_DECIMALS)


def incident_rows(actor: Actor, query: CountQuery) -> list[dict]:
    """The selected incidents as dicts of `INCIDENT_COLUMNS`, oldest first (three queries
    however many there are: incidents with their outcome, sources, nothing per row)."""
    qs = (
        with_outcome(selection(actor, query), actor)
        .with_names()
        .prefetch_related("sources")
        .order_by("occurred_from", "id")
    )
    rows = []
    for i in qs:
        rows.append(
            {
                "reference": i.reference,
                "period_start": i.occurred_from.astimezone(OSLO).isoformat(),
                "period_end": i.occurred_to.astimezone(OSLO).isoformat(),
                "time_precision": i.time_precision,
                "when": i.when,
                "place": i.place.name if i.place_id else None,
                "section": i.section.code if i.section_id else None,
                "lat": _rounded(i.lat),
                "lon": _rounded(i.lon),
                "location_approximate": i.location_approximate,
                "type": i.type,
                "status": i.status,
                "persons_count": i.persons_count,
                "persons_count_is_lower_bound": i.persons_count_is_lower_bound,
                "crossings_uncertain": i.crossings_uncertain,
                "main_nationality": i.nationality or None,
                "country_left": i.country_left or None,
                "country_entered": i.country_entered or None,
                "detection_method": i.detection_method or None,
                "impact_level": i.impact_level,
                "outcome": i.outcome,
                "sources": sorted(s.title for s in i.sources.all()),
            }
        )
    return rows


def _cell(value) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = " | ".join(value)
    text = str(value)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def incidents_csv(rows: list[dict]) -> str:
    return _csv(INCIDENT_COLUMNS, [[r[c] for c in INCIDENT_COLUMNS] for r in rows])


def incidents_geojson(rows: list[dict], query: CountQuery) -> str:
    features = [
        {
            "type": "Feature",
            "geometry": None
            if r["lat"] is None
            else {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
            "properties": {c: r[c] for c in INCIDENT_COLUMNS if c not in ("lat", "lon")},
        }
        for r in rows
    ]
    collection = {
        "type": "FeatureCollection",
        "query": query.as_dict(),
        "note": NOTE,
        "features": features,
    }
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def breakdown_columns(result: BreakdownResult) -> list[str]:
    header = ["period", "period_label", "period_start", "period_end"]
    for d in result.dimensions:
        header += {
            "section": ["section", "section_name"],
            "nationality": ["main_nationality"],
            "outcome": ["outcome", "outcome_label"],
        }[d]
    return header + ["min", "max", "exact", "certain_records", "possible_records"]


def breakdown_csv(result: BreakdownResult) -> str:
    """One line per period (and dimension values): `max` is empty where no upper bound is
    known. Without dimensions every period has a line, also those with nothing in them."""
    buckets = {b.key: b for b in result.buckets}
    cells = result.rows if result.dimensions else result.totals
    lines = []
    for c in cells:
        b = buckets[c.period]
        line = [b.key, b.label, b.start.isoformat(), b.end.isoformat()]
        for d in result.dimensions:
            value = c.values[d]
            if d == "nationality":
                line.append(value)
            else:
                line += [value, result.labels.get(d, {}).get(value or "", None)]
        line += [c.minimum, c.maximum, c.exact, c.certain, c.possible]
        lines.append(line)
    return _csv(breakdown_columns(result), lines)


def export_incidents(actor: Actor, query: CountQuery, fmt: str) -> Export:
    """The selected incidents' non-personal fields as CSV or GeoJSON (audited)."""
    policy.require(actor, "stats.view")
    check_format(fmt)
    rows = incident_rows(actor, query)
    if fmt == "csv":
        export = Export(incidents_csv(rows), "incidents.csv", "text/csv; charset=utf-8", len(rows))
    else:
        export = Export(
            incidents_geojson(rows, query),
            "incidents.geojson",
            "application/geo+json",
            len(rows),
        )
    audit.record(
        actor,
        "stats.exported",
        payload={"what": "incidents", "format": fmt, **query.as_dict(), "rows": len(rows)},
    )
    return export


def export_breakdown(actor: Actor, query: CountQuery, period: str, dimensions) -> Export:
    """The breakdown table as CSV (audited)."""
    policy.require(actor, "stats.view")
    result = compute_breakdown(actor, query, period, dimensions)
    text = breakdown_csv(result)
    rows = len(result.rows if result.dimensions else result.totals)
    audit.record(
        actor,
        "stats.exported",
        payload={
            "what": "breakdown",
            "format": "csv",
            **query.as_dict(),
            "period": period,
            "dimensions": list(result.dimensions),
            "rows": rows,
        },
    )
    return Export(text, f"breakdown-by-{period}.csv", "text/csv; charset=utf-8", rows)
