"""API of the border app: detection intake, incidents, sections."""

from datetime import date
from zoneinfo import ZoneInfo

from django.db.models import Q
from ninja import Field as F
from ninja import Query, Router, Schema, Status

from borderwatch.access import audit, policy
from borderwatch.api import integration, session
from borderwatch.lib.errors import NotVisible
from borderwatch.lib.paging import decode_cursor, encode_cursor
from borderwatch.lib.schemas import Out

from . import intake
from .choices import IncidentStatus, IncidentType
from .map_layers import filter_incidents
from .models import BorderSection, Incident
from .schemas import (
    DetectionBatchIn,
    DetectionIn,
    DetectionOut,
    IncidentDetailOut,
    IncidentPage,
)

router = Router(tags=["border"])
OSLO = ZoneInfo("Europe/Oslo")


def _detection_out(received) -> dict:
    d = received.detection
    return {
        "id": d.pk,
        "created": received.created,
        "detected_at": d.detected_at,
        "source": d.source,
        "section": d.section.code if d.section else None,
        "outside_sections": d.outside_sections,
        "distance_to_border_m": d.distance_to_border_m,
        "incident": d.incident_id,
        "incident_reference": d.incident.reference if d.incident_id else None,
    }


def _item(payload: DetectionIn) -> dict:
    data = payload.model_dump()
    raw = payload.model_dump(mode="json")
    return {**data, "raw_payload": raw}


@router.post(
    "/detections",
    auth=[integration, session],
    response={201: DetectionOut, 200: DetectionOut},
    summary="File one detection",
)
def post_detection(request, payload: DetectionIn):
    """File a detection for the sender's unit. It is placed in its border section and
    joins an open incident of that section close in time, or opens one. A retry with the
    same `sender_id` answers 200 with the detection filed the first time."""
    [received] = intake.receive_detections(
        [_item(payload)], actor=request.actor, integration=getattr(request, "integration", None)
    )
    return Status(201 if received.created else 200, _detection_out(received))


class BatchOut(Out):
    received: int
    created: int
    detections: list[DetectionOut]


@router.post(
    "/detections/batch",
    auth=[integration, session],
    response=BatchOut,
    summary="File up to 1,000 detections at once",
)
def post_detection_batch(request, payload: DetectionBatchIn):
    """All or nothing: one bad detection and none is stored (the error names its index)."""
    received = intake.receive_detections(
        [_item(p) for p in payload.detections],
        actor=request.actor,
        integration=getattr(request, "integration", None),
    )
    return {
        "received": len(received),
        "created": sum(r.created for r in received),
        "detections": [_detection_out(r) for r in received],
    }


def incident_out(i: Incident) -> dict:
    return {
        "id": i.pk,
        "reference": i.reference,
        "type": i.type,
        "status": i.status,
        "when": {
            "start": i.occurred_from,
            "end": i.occurred_to,
            "precision": i.time_precision,
            "text": i.time_text,
            "display": i.when,
        },
        "place": i.place.name if i.place_id else None,
        "section": i.section.code if i.section_id else None,
        "lat": i.lat,
        "lon": i.lon,
        "location_approximate": i.location_approximate,
        "country_left": i.country_left or None,
        "country_entered": i.country_entered or None,
        "persons": {
            "count": i.persons_count,
            "lower_bound": i.persons_count_is_lower_bound,
            "crossings_uncertain": i.crossings_uncertain,
        },
        "nationality": i.nationality or None,
        "claimed_affiliation": i.claimed_affiliation or None,
        "detection_method": i.detection_method or None,
        "impact_level": i.impact_level,
        "impact_rule": i.impact_rule or None,
        "owning_unit": str(i.owning_unit),
    }


class IncidentFilters(Schema):
    since: date | None = F(None, description="First day (Europe/Oslo)")
    until: date | None = F(None, description="Last day, inclusive")
    section: str | None = F(None, description="Section code")
    nationality: str | None = F(None, description="ISO country code")
    type: IncidentType | None = None
    status: IncidentStatus | None = None
    limit: int = F(50, ge=1, le=200)
    cursor: str | None = F(None, description="From the previous page's next_cursor")


@router.get("/incidents", auth=session, response=IncidentPage, summary="Incidents, newest first")
def list_incidents(request, filters: Query[IncidentFilters]):
    """The incidents you may open, filtered, newest first, in pages (keyset cursor)."""
    qs = filter_incidents(policy.incidents_visible_to(request.actor), filters)
    if filters.cursor:
        at, pk = decode_cursor(filters.cursor)
        qs = qs.filter(Q(occurred_from__lt=at) | Q(occurred_from=at, pk__lt=pk))
    rows = list(qs.with_names().order_by("-occurred_from", "-id")[: filters.limit + 1])
    more = len(rows) > filters.limit
    rows = rows[: filters.limit]
    nxt = encode_cursor(rows[-1].occurred_from, rows[-1].pk) if more else None
    return {"items": [incident_out(i) for i in rows], "next_cursor": nxt}


@router.get(
    "/incidents/{incident_id}", auth=session, response=IncidentDetailOut, summary="One incident"
)
def get_incident(request, incident_id: int):
    i = policy.get_incident_for(request.actor, incident_id)
    audit.record(request.actor, "incident.viewed", i, payload={"view": "api"})
    out = incident_out(i)
    out["summary"] = i.summary
    out["detections"] = [
        {
            "id": d.pk,
            "detected_at": d.detected_at,
            "source": d.source,
            "lat": d.lat,
            "lon": d.lon,
            "filed_by_unit": str(d.filed_by_unit),
        }
        for d in i.detections.select_related("filed_by_unit")
    ]
    out["search_operations"] = [
        {
            "id": s.pk,
            "started_at": s.started_at,
            "ended_at": s.ended_at,
            "outcome": s.outcome or None,
            "area": s.area,
            "assets": [{"kind": a.kind, "call_sign": a.call_sign} for a in s.assets.all()],
        }
        for s in i.search_operations.prefetch_related("assets")
    ]
    out["sources"] = [
        {"id": s.pk, "title": s.title, "outlet": s.outlet, "published_at": s.published_at}
        for s in i.sources.all()
    ]
    return out


@router.get("/sections", auth=session, summary="Border sections (GeoJSON)")
def list_sections(request):
    """Border sections as a GeoJSON FeatureCollection with their current impact level."""
    features = [
        {
            "type": "Feature",
            "geometry": s.geometry,
            "properties": {
                "code": s.code,
                "name": s.name,
                "impact_level": s.impact_level,
                "description": s.description,
            },
        }
        for s in BorderSection.objects.order_by("code")
    ]
    return {"type": "FeatureCollection", "features": features}


@router.get("/sections/{code}", auth=session, summary="One border section with its level history")
def get_section(request, code: str):
    """A section as a GeoJSON Feature; `levels` is the history of its impact level, newest
    first: when, from, to, and the rule or the person who set it, and why."""
    section = BorderSection.objects.filter(code=code).first()
    if section is None:
        raise NotVisible(f"No border section {code!r}.")
    history = [
        {
            "at": c.at,
            "from": c.previous_level or None,
            "to": c.level,
            "rule": c.rule or None,
            "set_by": c.by_name or None,
            "reason": c.reason,
            "expires_at": c.expires_at,
        }
        for c in section.levels.order_by("-at", "-id")
    ]
    return {
        "type": "Feature",
        "geometry": section.geometry,
        "properties": {
            "code": section.code,
            "name": section.name,
            "impact_level": section.impact_level,
            "description": section.description,
            "levels": history,
        },
    }
