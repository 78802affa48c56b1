"""What the map shows an actor: incidents, detections and search operations in a box.

The queries behind `border/map_api.py` (as `stats/queries.py` is behind `stats/api.py`):

* Incidents are `policy.incidents_visible_to(actor)`; detections those of visible
  incidents plus those the actor's unit filed; search operations those of the incidents
  in view. The filters are those of the incident list (`border/api.py`).
* A layer with at most `POINT_LIMIT` records in view comes as points; above that as grid
  cells counted in the database (one GROUP BY over FLOOR(lat / cell), FLOOR(lon / cell),
  the same on SQLite and PostgreSQL), whose size halves with each zoom level. So 100,000
  incidents in view cost one grouped query and a few hundred small features, and each
  layer costs one or two queries however many rows there are.
* Coordinates are rounded to 5 decimals (about a metre).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

import shapely
from django.db import connection, transaction
from django.db.models import Avg, Case, Count, F, IntegerField, Max, Q, Value, When
from django.db.models.functions import Floor
from django.utils.translation import gettext_lazy as _
from shapely.ops import polylabel

from borderwatch.access import policy
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError
from borderwatch.lib.timefmt import OSLO, format_instant, format_period

from . import geo
from .choices import ImpactLevel
from .models import Detection, SearchOperation

POINT_LIMIT = 500  # records of one layer in view shown one by one; above: grid cells
SEARCH_LIMIT = 200  # search operations drawn at once; above: zoom in
CELLS_PER_TILE = 4  # a cell is a quarter of a 256-pixel tile wide: about 64 pixels
MAX_CELLS_ACROSS = 32  # whatever the zoom says, a box is cut into at most 32 × 32 cells
DIGITS = 5  # about a metre: enough for a map, and it keeps the JSON small
LAYERS = ("incidents", "detections", "searches")
RANK = {
    ImpactLevel.LOW: 1,
    ImpactLevel.MEDIUM: 2,
    ImpactLevel.HIGH: 3,
    ImpactLevel.VERY_HIGH: 4,
    ImpactLevel.CRITICAL: 5,
}
LEVEL_OF_RANK = {rank: level.value for level, rank in RANK.items()}
COUNTRY_NAMES = {"NO": _("Norway"), "RU": _("Russia"), "FI": _("Finland")}


def may_see_incidents(actor: Actor) -> bool:
    """Whether the map can show this actor anything: the roles `incidents_visible_to`
    serves. Statisticians count incidents on the statistics pages instead."""
    return actor.is_console or (
        actor.unit is not None and actor.has_role(*policy.INCIDENT_ROLES, *policy.CASE_ROLES)
    )


def _round(value: float) -> float:
    return round(float(value), DIGITS)


# --- the base map: place names ---------------------------------------------------------------


PAD_LON, PAD_LAT = 0.35, 0.12  # around the border line: the map's first view


@cache
def first_view() -> Box:
    """The border line's bounds with a margin (about lon 28.6–31.2, lat 68.9–69.9)."""
    west, south, east, north = geo.border_line().bounds
    return Box(
        round(west - PAD_LON, 3),
        round(south - PAD_LAT, 3),
        round(east + PAD_LON, 3),
        round(north + PAD_LAT, 3),
    )


@cache
def _country_spots() -> tuple[tuple[str, float, float], ...]:
    """(code, lon, lat): each country's pole of inaccessibility of its land in the first
    view (its largest piece), where a label sits clear of the coast and the border."""
    view = first_view()
    frame = shapely.box(view.west, view.south, view.east, view.north)
    spots = []
    for code, land in sorted(geo.land().items()):
        inside = land.intersection(frame)
        if inside.is_empty:
            continue
        largest = max(getattr(inside, "geoms", [inside]), key=lambda part: part.area)
        spot = polylabel(largest, tolerance=0.01)
        spots.append((code, _round(spot.x), _round(spot.y)))
    return tuple(spots)


@cache
def _settlements() -> tuple[dict, ...]:
    """Settlements and the crossing from the gazetteer: not approximate, and none within
    2 km of one already named (Treriksrøysa is beside Muotkavaara, the Jakobselva mouth
    beside Grense Jakobselv)."""
    named: list[dict] = []
    for p in geo.gazetteer():
        if p.get("kind") not in ("place", "crossing") or p.get("approximate"):
            continue
        if any(_km(p, q) < 2 for q in named):
            continue
        named.append(p)
    return tuple(named)


def places() -> list[dict]:
    """The names on the base map: countries (in the page's language), then settlements."""
    countries = [
        _label(lon, lat, str(COUNTRY_NAMES.get(code, code)), "country")
        for code, lon, lat in _country_spots()
    ]
    return countries + [_label(p["lon"], p["lat"], p["name"], p["kind"]) for p in _settlements()]


def _label(lon: float, lat: float, name: str, kind: str) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {"name": name, "kind": kind},
    }


def _km(a: dict, b: dict) -> float:
    dy = (a["lat"] - b["lat"]) * 111.2
    dx = (a["lon"] - b["lon"]) * 111.2 * math.cos(math.radians(a["lat"]))
    return math.hypot(dx, dy)


# --- the features -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    west: float
    south: float
    east: float
    north: float


def parse_bbox(text: str | None) -> Box | None:
    """'west,south,east,north' in degrees (WGS84), or None for the whole world."""
    if text is None or not text.strip():
        return None
    parts = text.split(",")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise DomainError(
            f"bbox must be four numbers, west,south,east,north, not {text[:80]!r}.", field="bbox"
        )
    box = Box(*values)
    if not (-180 <= box.west < box.east <= 180 and -90 <= box.south < box.north <= 90):
        raise DomainError(
            "bbox must have -180 <= west < east <= 180 and -90 <= south < north <= 90.",
            field="bbox",
        )
    return box


def cell_size(zoom: int, box: Box | None) -> tuple[float, float]:
    """(degrees of longitude, degrees of latitude) of a grid cell at this zoom.

    A 256-pixel tile spans 360 / 2**zoom degrees of longitude; a cell is a quarter of it,
    and doubles until the box is at most MAX_CELLS_ACROSS cells across. Cells are on a
    fixed grid (anchored at 0°), so panning does not move them and zooming in splits each
    into four. A degree of latitude is longer on screen than one of longitude by
    1 / cos(latitude) (Web Mercator), so cells are that much shorter in latitude, taken at
    the box's middle rounded to a whole degree to keep the grid still while panning.
    """
    box = box or Box(-180, -90, 180, 90)
    k = max(0, zoom + round(math.log2(CELLS_PER_TILE)))
    while k > 0 and (360 / 2**k) * MAX_CELLS_ACROSS < box.east - box.west:
        k -= 1
    dlon = 360 / 2**k
    middle = max(-80, min(80, round((box.south + box.north) / 2)))
    dlat = dlon * math.cos(math.radians(middle))
    while dlat * MAX_CELLS_ACROSS < box.north - box.south:
        dlat *= 2
    return dlon, dlat


@dataclass
class Filters:
    """The checked query, in the shape `filter_incidents` reads."""

    since: date | None
    until: date | None
    type: str | None
    nationality: str | None
    status: str | None
    section: str | None


def _in_box(qs, box: Box | None, prefix: str = ""):
    if box is None:
        return qs.filter(**{f"{prefix}lat__isnull": False, f"{prefix}lon__isnull": False})
    return qs.filter(
        **{
            f"{prefix}lat__gte": box.south,
            f"{prefix}lat__lte": box.north,
            f"{prefix}lon__gte": box.west,
            f"{prefix}lon__lte": box.east,
        }
    )


def _oslo_day(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=OSLO)


def filter_incidents(qs, f: Filters):
    """The incident filters of the list (`GET /incidents`) and the map: a period overlaps
    the days asked, in Europe/Oslo; the rest are equalities (nationality in capitals)."""
    if f.since:
        qs = qs.filter(occurred_to__gt=_oslo_day(f.since))
    if f.until:
        qs = qs.filter(occurred_from__lt=_oslo_day(f.until + timedelta(days=1)))
    if f.section:
        qs = qs.filter(section__code=f.section)
    if f.nationality:
        qs = qs.filter(nationality=f.nationality.upper())
    if f.type:
        qs = qs.filter(type=f.type)
    if f.status:
        qs = qs.filter(status=f.status)
    return qs


def visible_incidents(actor: Actor, box: Box | None, f: Filters):
    return _in_box(filter_incidents(policy.incidents_visible_to(actor), f), box)


def visible_detections(actor: Actor, box: Box | None, f: Filters):
    """Detections of incidents the actor may open, and those their own unit filed."""
    if actor.is_console:
        qs = Detection.objects.all()
    elif not may_see_incidents(actor):
        return Detection.objects.none()
    else:
        qs = Detection.objects.filter(
            Q(incident__in=policy.incidents_visible_to(actor).values("pk"))
            | Q(filed_by_unit_id=actor.unit.pk)
        )
    if f.since:
        qs = qs.filter(detected_at__gte=_oslo_day(f.since))
    if f.until:
        qs = qs.filter(detected_at__lt=_oslo_day(f.until + timedelta(days=1)))
    if f.section:
        qs = qs.filter(section__code=f.section)
    if f.nationality:
        qs = qs.filter(incident__nationality=f.nationality)
    if f.type:
        qs = qs.filter(incident__type=f.type)
    if f.status:
        qs = qs.filter(incident__status=f.status)
    return _in_box(qs, box)


def _rank(field: str):
    return Case(
        *(When(**{field: level}, then=Value(rank)) for level, rank in RANK.items()),
        output_field=IntegerField(),
    )


def _cells(qs, layer: str, level_field: str, size: tuple[float, float]) -> list[dict]:
    """One feature per grid cell holding rows: at their mean position, with the count and
    the highest impact level among them. One query, grouped in the database."""
    dlon, dlat = size
    query = (
        qs.order_by()
        .annotate(cx=Floor(F("lon") / Value(dlon)), cy=Floor(F("lat") / Value(dlat)))
        .values("cx", "cy")
        .annotate(n=Count("pk"), mlat=Avg("lat"), mlon=Avg("lon"), rank=Max(_rank(level_field)))
        .order_by("cy", "cx")
    )
    if connection.vendor == "postgresql":
        # A few dozen cells from up to a million rows: PostgreSQL cannot know how few
        # cells the floor() expressions make (it guesses half the rows), so it would sort
        # every row, spilling to disk, before grouping. Told to hash (with room for the
        # table it fears), it groups as it reads: 166,090 incidents in 58 ms, not 93.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL work_mem = '64MB'")
            cursor.execute("SET LOCAL enable_sort = off")
            rows = list(query)
    else:
        rows = list(query)
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [_round(r["mlon"]), _round(r["mlat"])]},
            "properties": {
                "kind": "cell",
                "layer": layer,
                "count": r["n"],
                "impact_level": LEVEL_OF_RANK.get(r["rank"]),
            },
        }
        for r in rows
    ]


def _point(lon, lat, properties: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [_round(lon), _round(lat)]},
        "properties": properties,
    }


INCIDENT_FIELDS = (
    "id",
    "lat",
    "lon",
    "type",
    "status",
    "impact_level",
    "occurred_from",
    "occurred_to",
    "time_precision",
    "location_approximate",
)


def _incident_layer(qs, size) -> tuple[list[dict], dict]:
    rows = list(qs.order_by().values(*INCIDENT_FIELDS)[: POINT_LIMIT + 1])
    if len(rows) > POINT_LIMIT:
        cells = _cells(qs, "incidents", "impact_level", size)
        return cells, {"shown_as": "cells", "count": sum(c["properties"]["count"] for c in cells)}
    rows.sort(key=lambda r: (r["occurred_from"], r["id"]), reverse=True)
    features = [
        _point(
            r["lon"],
            r["lat"],
            {
                "kind": "incident",
                "id": r["id"],
                "reference": f"INC-{r['id']:06d}",
                "type": r["type"],
                "status": r["status"],
                "impact_level": r["impact_level"],
                "when": format_period(r["occurred_from"], r["occurred_to"], r["time_precision"]),
                "approximate": r["location_approximate"],
            },
        )
        for r in rows
    ]
    return features, {"shown_as": "points", "count": len(features)}


def _detection_layer(qs, size) -> tuple[list[dict], dict]:
    rows = list(
        qs.order_by().values(
            "id", "lat", "lon", "source", "detected_at", "incident_id", "incident__impact_level"
        )[: POINT_LIMIT + 1]
    )
    if len(rows) > POINT_LIMIT:
        cells = _cells(qs, "detections", "incident__impact_level", size)
        return cells, {"shown_as": "cells", "count": sum(c["properties"]["count"] for c in cells)}
    rows.sort(key=lambda r: (r["detected_at"], r["id"]), reverse=True)
    features = [
        _point(
            r["lon"],
            r["lat"],
            {
                "kind": "detection",
                "id": r["id"],
                "source": r["source"],
                "at": format_instant(r["detected_at"]),
                "incident": r["incident_id"],
                "incident_reference": f"INC-{r['incident_id']:06d}" if r["incident_id"] else None,
                "impact_level": r["incident__impact_level"],
            },
        )
        for r in rows
    ]
    return features, {"shown_as": "points", "count": len(features)}


def _search_layer(incidents) -> tuple[list[dict], dict]:
    """Search operations of the incidents in view, with their areas and assets. An
    operation without a recorded area is drawn at its incident."""
    ops = list(
        SearchOperation.objects.filter(incident__in=incidents.order_by().values("pk"))
        .annotate(at_lat=F("incident__lat"), at_lon=F("incident__lon"))
        .prefetch_related("assets")
        .order_by("-started_at", "-id")[: SEARCH_LIMIT + 1]
    )
    if len(ops) > SEARCH_LIMIT:
        return [], {"shown_as": "hidden", "count": None}
    features = []
    for op in ops:
        area = op.area if isinstance(op.area, dict) and op.area.get("type") else None
        geometry = area or {
            "type": "Point",
            "coordinates": [_round(op.at_lon), _round(op.at_lat)],
        }
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "kind": "search",
                    "id": op.pk,
                    "incident": op.incident_id,
                    "incident_reference": f"INC-{op.incident_id:06d}",
                    "started": format_instant(op.started_at),
                    "ended": format_instant(op.ended_at) if op.ended_at else None,
                    "outcome": op.outcome or None,
                    "area_recorded": area is not None,
                    "assets": [
                        {"kind": a.kind, "call_sign": a.call_sign}
                        for a in sorted(op.assets.all(), key=lambda a: a.pk)
                    ],
                },
            }
        )
    return features, {"shown_as": "shapes", "count": len(features)}


def features(actor: Actor, box: Box | None, f: Filters, layers: set[str], zoom: int) -> dict:
    """The FeatureCollection of what `actor` may see in `box`; its `layers` member says
    how each layer was shown (points, cells or hidden) and how many records it holds."""
    size = cell_size(zoom, box)
    found: list[dict] = []
    summary: dict[str, dict] = {}
    incidents = visible_incidents(actor, box, f)
    if "searches" in layers:
        drawn, summary["searches"] = _search_layer(incidents)
        found += drawn
    if "detections" in layers:
        drawn, summary["detections"] = _detection_layer(visible_detections(actor, box, f), size)
        found += drawn
    if "incidents" in layers:
        drawn, summary["incidents"] = _incident_layer(incidents, size)
        found += drawn
    return {
        "type": "FeatureCollection",
        "features": found,
        "layers": summary,
        "cell_size": [_round(size[0]), _round(size[1])],
        "point_limit": POINT_LIMIT,
    }
