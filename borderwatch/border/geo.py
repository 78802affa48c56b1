"""Geography on GeoJSON with shapely 2: the shipped data, validation, and placing a point.

* The shipped data (borderwatch/border/geodata/, derived by scripts/derive_geography.py from
  Natural Earth 1:10m): the Norway–Russia border line, the land of Norway, Russia and
  Finland around Finnmark, the default border sections, and the gazetteer of places.
* `validate_sections()` checks a GeoJSON FeatureCollection of sections (what
  `borderwatch geo import` reads) and names every problem by feature.
* `locate(lat, lon, sections)` says which section a point lies in and how far it is from
  the border line, in metres.

Distances are measured in an azimuthal equidistant projection centred on the point itself
(on a sphere of the Earth's mean radius), where every distance from the centre is true; the
error against the WGS84 ellipsoid is below half a percent.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import shapely
from shapely.geometry import LineString, Point, shape

from borderwatch.lib.errors import DomainError

GEODATA = Path(__file__).with_name("geodata")
EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)
SECTION_TYPES = ("Polygon", "MultiPolygon")
CODE_PATTERN = re.compile(r"^[-a-zA-Z0-9_]{1,40}$")  # BorderSection.code is a SlugField(40)


class GeoDataError(DomainError):
    """A GeoJSON file that cannot be used, with every problem found (`problems`)."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(
            f"{count}; nothing was changed:\n" + "\n".join(f"  - {p}" for p in problems)
        )


class Location(NamedTuple):
    """Where a point lies: its section (None when outside every one) and its distance
    to the border line in metres."""

    section: Any
    distance_to_border_m: float


# --- projection ------------------------------------------------------------------------------


def aeqd_forward(lat0: float, lon0: float, lonlat: np.ndarray) -> np.ndarray:
    """(lon, lat) degrees → (x, y) metres, azimuthal equidistant centred on (lat0, lon0)."""
    lonlat = np.asarray(lonlat, dtype=float)
    phi0, lam0 = math.radians(lat0), math.radians(lon0)
    phi, dlam = np.radians(lonlat[:, 1]), np.radians(lonlat[:, 0]) - lam0
    hav = np.sin((phi - phi0) / 2) ** 2 + math.cos(phi0) * np.cos(phi) * np.sin(dlam / 2) ** 2
    c = 2 * np.arcsin(np.sqrt(np.clip(hav, 0.0, 1.0)))
    sin_c = np.sin(c)
    k = np.divide(c, sin_c, out=np.ones_like(c), where=sin_c > 1e-15)
    x = EARTH_RADIUS_M * k * np.cos(phi) * np.sin(dlam)
    y = (
        EARTH_RADIUS_M
        * k
        * (math.cos(phi0) * np.sin(phi) - math.sin(phi0) * np.cos(phi) * np.cos(dlam))
    )
    return np.column_stack([x, y])


def aeqd_inverse(lat0: float, lon0: float, xy: np.ndarray) -> np.ndarray:
    """(x, y) metres → (lon, lat) degrees, the inverse of `aeqd_forward`."""
    xy = np.asarray(xy, dtype=float)
    phi0, lam0 = math.radians(lat0), math.radians(lon0)
    x, y = xy[:, 0], xy[:, 1]
    rho = np.hypot(x, y)
    c = rho / EARTH_RADIUS_M
    sin_c, cos_c = np.sin(c), np.cos(c)
    safe_rho = np.where(rho > 0, rho, 1.0)
    phi = np.arcsin(
        np.clip(cos_c * math.sin(phi0) + y * sin_c * math.cos(phi0) / safe_rho, -1.0, 1.0)
    )
    lam = lam0 + np.arctan2(x * sin_c, rho * math.cos(phi0) * cos_c - y * math.sin(phi0) * sin_c)
    phi = np.where(rho > 0, phi, phi0)
    lam = np.where(rho > 0, lam, lam0)
    return np.column_stack([np.degrees(lam), np.degrees(phi)])


def project(geometry, lat0: float, lon0: float):
    """A shapely geometry in (lon, lat) degrees, projected to metres around (lat0, lon0)."""
    return shapely.transform(geometry, lambda a: aeqd_forward(lat0, lon0, a))


def unproject(geometry, lat0: float, lon0: float):
    """The inverse of `project`."""
    return shapely.transform(geometry, lambda a: aeqd_inverse(lat0, lon0, a))


def distance_m(lat: float, lon: float, geometry) -> float:
    """The distance in metres from the point to a (lon, lat) geometry; 0 inside it."""
    return float(project(geometry, lat, lon).distance(Point(0.0, 0.0)))


# --- the shipped data ------------------------------------------------------------------------


def _read_json(name: str) -> Any:
    return json.loads((GEODATA / name).read_text(encoding="utf-8"))


@cache
def border_line() -> LineString:
    """The Norway–Russia border (Natural Earth 1:10m), tripoint to the Jakobselva mouth."""
    feature = _read_json("border.geojson")["features"][0]
    return shape(feature["geometry"])


@cache
def land() -> dict[str, Any]:
    """Land polygons around Finnmark by ISO code: {"NO": ..., "RU": ..., "FI": ...}."""
    return {
        f["properties"]["iso_a2"]: shape(f["geometry"])
        for f in _read_json("land.geojson")["features"]
    }


@cache
def shipped_sections() -> tuple[dict, ...]:
    """The default sections, validated: ({code, name, description, geometry}, ...)."""
    return tuple(validate_sections(_read_json("sections.geojson")))


@cache
def gazetteer() -> tuple[dict, ...]:
    """The places of the region: name, lat, lon, approximate, section, variants, note."""
    return tuple(_read_json("gazetteer.json")["places"])


def geojson_text(name: str) -> str:
    """One shipped file as text (border.geojson, land.geojson, sections.geojson, ...)."""
    if name not in {"border.geojson", "land.geojson", "sections.geojson", "gazetteer.json"}:
        raise KeyError(name)
    return (GEODATA / name).read_text(encoding="utf-8")


def collection_text(features: list[dict]) -> str:
    """A FeatureCollection as text, one feature per line: small, diffable, deterministic."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


# --- validation ------------------------------------------------------------------------------


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _short(position) -> str:
    return json.dumps(position) if len(json.dumps(position)) <= 60 else repr(position)[:60] + "…"


def _ring_problems(ring, where: str) -> list[str]:
    if not isinstance(ring, list):
        return [f"{where} is not a list of positions"]
    problems = []
    for position in ring:
        if (
            not isinstance(position, list)
            or len(position) not in (2, 3)
            or not all(_is_number(v) for v in position)
        ):
            return [f"{where} has a position that is not [longitude, latitude]: {_short(position)}"]
        lon, lat = position[0], position[1]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            problems.append(
                f"coordinate {_short(position)} is outside WGS84 "
                "(longitude -180..180, latitude -90..90)"
            )
            if len(problems) >= 3:
                break
    if problems:
        return problems
    if len(ring) < 4:
        return [f"{where} has {len(ring)} positions; a closed ring needs at least 4"]
    if ring[0][:2] != ring[-1][:2]:
        return [
            f"{where} is not closed: it starts at {_short(ring[0])} and ends at {_short(ring[-1])}"
        ]
    return []


def _geometry_problems(geometry) -> list[str]:
    if geometry is None:
        return ["has no geometry; use Polygon or MultiPolygon"]
    if not isinstance(geometry, dict):
        return ["geometry is not a GeoJSON object"]
    kind = geometry.get("type")
    if kind not in SECTION_TYPES:
        return [f"geometry type {kind} is not allowed; use Polygon or MultiPolygon"]
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return [f"{kind} has no coordinates"]
    problems = []
    for p, rings in enumerate(polygons):
        prefix = f"polygon {p} " if kind == "MultiPolygon" else ""
        if not isinstance(rings, list) or not rings:
            problems.append(f"{prefix or 'polygon '}has no rings")
            continue
        for r, ring in enumerate(rings):
            problems += _ring_problems(ring, f"{prefix}ring {r}")
    if problems:
        return problems
    geom = shape(geometry)
    if not geom.is_valid:
        return [f"polygon is not valid: {shapely.is_valid_reason(geom)}"]
    if geom.is_empty or geom.area == 0:
        return ["polygon has no area"]
    return []


def validate_sections(data) -> list[dict]:
    """Check a GeoJSON FeatureCollection of border sections (text, bytes or parsed).

    Every feature needs a Polygon or MultiPolygon in WGS84 with closed rings, a valid shape,
    and `properties.code` (unique, letters, digits, - and _) and `properties.name`;
    `properties.description` is optional. Returns [{code, name, description, geometry}]
    or raises GeoDataError listing every problem.
    """
    if isinstance(data, bytes | str):
        try:
            data = json.loads(data)
        except (UnicodeDecodeError, ValueError) as exc:
            raise GeoDataError([f"not valid JSON: {exc}"]) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise GeoDataError([f"not a GeoJSON FeatureCollection (its type is {kind!r})"])
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise GeoDataError(["the FeatureCollection has no features"])
    problems: list[str] = []
    sections: list[dict] = []
    seen: dict[str, int] = {}
    for i, feature in enumerate(features):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(f"feature {i}: not a GeoJSON Feature")
            continue
        props = feature.get("properties")
        props = props if isinstance(props, dict) else {}
        code, name = props.get("code"), props.get("name")
        label = f"feature {i}" + (f" (code {code!r})" if isinstance(code, str) and code else "")
        found = []
        if not isinstance(code, str) or not code:
            found.append("properties.code is missing")
        elif not CODE_PATTERN.match(code):
            found.append("properties.code may hold only letters, digits, '-' and '_' (at most 40)")
        elif code in seen:
            found.append(f"code {code!r} is used by feature {seen[code]} already")
        else:
            seen[code] = i
        if not isinstance(name, str) or not name.strip():
            found.append("properties.name is missing")
        elif len(name) > 120:
            found.append("properties.name is longer than 120 characters")
        description = props.get("description", "")
        if not isinstance(description, str):
            found.append("properties.description must be text")
        found += _geometry_problems(feature.get("geometry"))
        if found:
            problems += [f"{label}: {p}" for p in found]
            continue
        sections.append(
            {
                "code": code,
                "name": name.strip(),
                "description": description,
                "geometry": {
                    "type": feature["geometry"]["type"],
                    "coordinates": feature["geometry"]["coordinates"],
                },
            }
        )
    if problems:
        raise GeoDataError(problems)
    return sections


# --- placing a point -------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _prepared(geometry_json: str):
    geom = shape(json.loads(geometry_json))
    shapely.prepare(geom)
    return geom


def section_shape(geometry: dict):
    """A section's GeoJSON geometry as a prepared shapely geometry (cached)."""
    return _prepared(json.dumps(geometry, sort_keys=True))


def _geometry_of(section) -> dict | None:
    if isinstance(section, dict):
        return section.get("geometry")
    return getattr(section, "geometry", None)


def locate(lat: float, lon: float, sections: Iterable) -> Location:
    """Which of `sections` holds the point (the first, in the order given; None when none
    does) and the point's distance to the border line in metres.

    `sections` are BorderSection objects or dicts with a "geometry"; those without a
    geometry are skipped. A point on a section's edge lies in it.
    """
    point = Point(float(lon), float(lat))
    found = None
    for section in sections:
        geometry = _geometry_of(section)
        if geometry and section_shape(geometry).covers(point):
            found = section
            break
    return Location(found, round(distance_m(lat, lon, border_line()), 1))


def sections_with_geometry() -> list:
    """The border sections in the database that have a geometry, by code."""
    from .models import BorderSection

    return list(BorderSection.objects.exclude(geometry__isnull=True).order_by("code"))
