"""API of the map: the border, the base map, and what the actor may see on it (GeoJSON).

* `GET /border`: the Norway–Russia border line (Natural Earth 1:10m, 66 points).
* `GET /map/land`, `GET /map/places`: the base map (land polygons, place names), so the
  map needs no tile server.
* `GET /map/features`: incidents, detections and search operations in a bounding box,
  filtered by the policy and as the incident list is, as points when few and as grid
  cells counted in the database when many (`map_layers.py` holds the queries).

Reading the map is not a read of a person's data and writes nothing to the audit trail;
clicking an incident asks `GET /incidents/{id}`, which does.
"""

import json
from datetime import date
from functools import cache

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from borderwatch.api import session
from borderwatch.lib.errors import DomainError
from borderwatch.lib.validate import country_code

from . import geo, map_layers
from .choices import IncidentStatus, IncidentType
from .map_layers import LAYERS, Filters

router = Router(tags=["map"])


def _json(data, *, cache_seconds: int = 0) -> HttpResponse:
    """Compact JSON (no spaces after separators): a large collection stays small."""
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        content_type="application/geo+json",
    )
    if cache_seconds:
        response["Cache-Control"] = f"private, max-age={cache_seconds}"
    return response


@cache
def _shipped(name: str) -> str:
    return json.dumps(json.loads(geo.geojson_text(name)), ensure_ascii=False, separators=(",", ":"))


def _shipped_response(name: str) -> HttpResponse:
    response = HttpResponse(_shipped(name), content_type="application/geo+json")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@router.get("/border", auth=session, summary="The Norway–Russia border line (GeoJSON)")
def get_border(request):
    """A FeatureCollection with one LineString: the Norway–Russia border from the
    Norway–Finland–Russia tripoint to the Jakobselva mouth, 66 points of Natural Earth
    1:10m (public domain). Good for an overview, not for legal questions."""
    return _shipped_response("border.geojson")


@router.get("/map/land", auth=session, summary="Land around Finnmark (GeoJSON)")
def get_land(request):
    """Norway, Russia and Finland around the border as MultiPolygons (Natural Earth 1:10m,
    public domain): the base map when no tile server is configured."""
    return _shipped_response("land.geojson")


@router.get("/map/places", auth=session, summary="Place names for the base map (GeoJSON)")
def get_places(request):
    """Country names, and settlements and the Storskog crossing from the gazetteer, as
    Points to label (`kind` country, place or crossing)."""
    return _json(
        {"type": "FeatureCollection", "features": map_layers.places()}, cache_seconds=86400
    )


class MapQuery(Schema):
    bbox: str | None = Field(
        None, description="west,south,east,north in degrees (WGS84); the whole world if absent"
    )
    zoom: int = Field(8, ge=0, le=22, description="The map's zoom level: sets the cell size")
    since: date | None = Field(None, description="First day (Europe/Oslo)")
    until: date | None = Field(None, description="Last day, inclusive")
    type: IncidentType | None = None
    nationality: str | None = Field(None, description="ISO country code, e.g. RU")
    status: IncidentStatus | None = None
    section: str | None = Field(None, description="Section code")
    layers: str = Field(
        ",".join(LAYERS), description="Comma-separated: incidents, detections, searches"
    )


def _checked(q: MapQuery) -> tuple[map_layers.Box | None, Filters, set[str]]:
    box = map_layers.parse_bbox(q.bbox)
    if q.since and q.until and q.until < q.since:
        raise DomainError("until is before since.", field="until")
    nationality = country_code(q.nationality or "", "nationality") or None
    layers = {name.strip() for name in q.layers.split(",") if name.strip()}
    unknown = sorted(layers - set(LAYERS))
    if unknown:
        raise DomainError(
            f"layers may name {', '.join(LAYERS)}; not {', '.join(unknown)}.", field="layers"
        )
    filters = Filters(q.since, q.until, q.type, nationality, q.status, q.section or None)
    return box, filters, layers


@router.get("/map/features", auth=session, summary="What the map shows in a box (GeoJSON)")
def get_features(request, q: Query[MapQuery]):
    """Incidents, detections and search operations in `bbox` that you may open, filtered.

    A layer with at most 500 records in view comes as points (`kind` incident or
    detection); above that as grid cells (`kind` cell, with `layer`, `count` and the
    highest `impact_level` in it), smaller at each zoom level. Search operations come with
    their area (Polygon) or, without one, at their incident (Point), and their assets. The
    collection's `layers` member says how each layer was shown and how many records it
    holds. Coordinates have 5 decimals. Writes nothing to the audit trail: what a click
    opens (`GET /incidents/{id}`) does."""
    box, filters, layers = _checked(q)
    return _json(map_layers.features(request.actor, box, filters, layers, q.zoom))
