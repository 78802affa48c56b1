"""Every write to detections, incidents, search operations and reference geography."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.cases import clocks
from borderwatch.lib.errors import DomainError
from borderwatch.lib.geo import validate_point
from borderwatch.lib.validate import FUTURE_TOLERANCE, aware, choice, country_code, not_future

from . import geo, impact
from .choices import (
    AssetKind,
    DetectionSource,
    ImpactLevel,
    IncidentType,
    SearchOutcome,
    TimePrecision,
)
from .models import (
    BorderSection,
    Detection,
    EventReport,
    Incident,
    Place,
    SearchAsset,
    SearchOperation,
)

# --- reference data -----------------------------------------------------------------------


@transaction.atomic
def save_section(
    *,
    actor: Actor,
    code: str,
    name: str,
    geometry: dict | None = None,
    description: str = "",
    responsible_units=(),
) -> BorderSection:
    policy.require(actor, "reference.manage")
    section, _ = BorderSection.objects.update_or_create(
        code=code, defaults={"name": name, "geometry": geometry, "description": description}
    )
    if responsible_units:
        section.responsible_units.add(*responsible_units)
    audit.record(actor, "section.saved", section)
    return section


@transaction.atomic
def save_place(
    *,
    actor: Actor,
    name: str,
    lat: float,
    lon: float,
    variants=(),
    section: BorderSection | None = None,
    approximate: bool = False,
    note: str = "",
) -> Place:
    policy.require(actor, "reference.manage")
    lat, lon = validate_point(lat, lon)
    place, _ = Place.objects.update_or_create(
        name=name,
        defaults={
            "lat": lat,
            "lon": lon,
            "variants": list(variants),
            "section": section,
            "approximate": approximate,
            "note": note,
        },
    )
    audit.record(actor, "place.saved", place)
    return place


# --- detections and incidents ---------------------------------------------------------------


@transaction.atomic
def file_detection(
    *,
    actor: Actor,
    detected_at: datetime,
    lat,
    lon,
    source: str,
    description: str = "",
    place: Place | None = None,
    sender_id: str = "",
    track_id: str = "",
    raw_payload: dict | None = None,
    integration=None,
) -> Detection:
    """File an alert or sensor hit for the actor's unit. A repeat of the same sender's id
    returns the detection already filed instead of a second one."""
    policy.require(actor, "detection.file")
    not_future(detected_at, "detected_at")
    lat, lon = validate_point(lat, lon)
    choice(source, DetectionSource, "source")
    if sender_id:
        existing = Detection.objects.filter(filed_by_unit=actor.unit, sender_id=sender_id).first()
        if existing:
            return existing
    # Placed by geometry: its section (None outside every one) and distance to the border.
    # Only where no section has a geometry yet does the place's section stand in.
    shapes = geo.sections_with_geometry()
    section, distance = geo.locate(lat, lon, shapes)
    if not shapes and place is not None:
        section = place.section
    try:
        with transaction.atomic():
            detection = Detection.objects.create(
                source=source,
                detected_at=detected_at,
                lat=lat,
                lon=lon,
                description=description,
                filed_by_unit=actor.unit,
                filed_by=actor.user,
                integration=integration,
                sender_id=sender_id,
                track_id=track_id,
                raw_payload=raw_payload or {},
                place=place,
                section=section,
                distance_to_border_m=distance,
                outside_sections=section is None,
                received_at=timezone.now(),
            )
    except IntegrityError:  # the same sender id raced in from a retry
        return Detection.objects.get(filed_by_unit=actor.unit, sender_id=sender_id)
    audit.record(actor, "detection.filed", detection, payload={"source": source})
    return detection


@transaction.atomic
def open_incident(
    *,
    actor: Actor,
    occurred_from: datetime,
    occurred_to: datetime | None = None,
    time_precision: str = TimePrecision.EXACT,
    time_text: str = "",
    detections=(),
    type: str = IncidentType.UNAUTHORISED_CROSSING,
    place: Place | None = None,
    lat=None,
    lon=None,
    location_approximate: bool = False,
    country_left: str = "",
    country_entered: str = "",
    attempted_only: bool = False,
    persons_count: int | None = None,
    persons_count_is_lower_bound: bool = False,
    crossings_uncertain: bool = False,
    nationality: str = "",
    claimed_affiliation: str = "",
    detection_method: str = "",
    summary: str = "",
    external_ref: str | None = None,
    impact_level: str | None = None,
    opened_at: datetime | None = None,
) -> Incident:
    """Open an incident owned by the actor's unit, from detections or from a report.

    The time is a period [occurred_from, occurred_to) with its precision; for an exact
    time `occurred_to` may be left out. Without `impact_level` the incident rules of
    impact.py set it; the section's level is then recomputed.
    """
    policy.require(actor, "incident.open")
    aware(occurred_from, "occurred_from")
    choice(time_precision, TimePrecision, "time_precision")
    choice(type, IncidentType, "type")
    if impact_level is not None:
        choice(impact_level, ImpactLevel, "impact_level")
    if occurred_to is None:
        if time_precision != TimePrecision.EXACT:
            raise DomainError(
                "A time that is not exact needs the end of its period.", field="occurred_to"
            )
        occurred_to = occurred_from + timedelta(minutes=1)
    aware(occurred_to, "occurred_to")
    if occurred_to <= occurred_from:
        raise DomainError("The period must end after it starts.", field="occurred_to")
    if occurred_from > timezone.now() + FUTURE_TOLERANCE:
        raise DomainError("An incident cannot have happened in the future.", field="occurred_from")
    opened_at = not_future(opened_at, "opened_at") if opened_at else timezone.now()
    if lat is not None or lon is not None:
        lat, lon = validate_point(lat, lon)
    elif place is not None:
        lat, lon, location_approximate = place.lat, place.lon, True
    if persons_count is not None and persons_count < 0:
        raise DomainError("The number of persons cannot be negative.", field="persons_count")
    if crossings_uncertain and not persons_count:
        raise DomainError(
            "A group that may have crossed apart needs its number of persons.",
            field="persons_count",
        )
    if detection_method:
        choice(detection_method, DetectionSource, "detection_method")
    section = place.section if place else None
    if section is None and lat is not None:
        section = geo.locate(lat, lon, geo.sections_with_geometry()).section
    # Read the detections afresh (and lock them): the caller's copies may be stale.
    detections = list(
        Detection.objects.select_for_update().filter(pk__in=[d.pk for d in detections])
    )
    for d in detections:
        if d.incident_id is not None:
            raise DomainError(
                f"Detection {d.pk} belongs to {d.incident} already.", field="detections"
            )
    if external_ref and Incident.objects.filter(external_ref=external_ref).exists():
        raise DomainError(
            f"An incident with reference {external_ref!r} exists already.", field="external_ref"
        )
    incident = Incident.objects.create(
        type=type,
        owning_unit=actor.unit,
        external_ref=external_ref,
        summary=summary,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        time_precision=time_precision,
        time_text=time_text,
        lat=lat,
        lon=lon,
        location_approximate=location_approximate,
        place=place,
        section=section,
        country_left=country_code(country_left, "country_left"),
        country_entered=country_code(country_entered, "country_entered"),
        attempted_only=attempted_only,
        persons_count=persons_count,
        persons_count_is_lower_bound=persons_count_is_lower_bound,
        crossings_uncertain=crossings_uncertain,
        nationality=country_code(nationality, "nationality"),
        claimed_affiliation=claimed_affiliation,
        detection_method=detection_method,
        impact_level=impact_level or "low",
        opened_at=opened_at,
    )
    if detections:
        Detection.objects.filter(pk__in=[d.pk for d in detections]).update(incident=incident)
        if incident.section is None:
            incident.section = detections[0].section
            incident.save(update_fields=["section"])
    if impact_level is None:
        incident.impact_level, incident.impact_rule = impact.incident_level(incident)
    else:
        incident.impact_rule = f"set by {actor.name}"
    incident.save(update_fields=["impact_level", "impact_rule"])
    audit.record(
        actor, "incident.opened", incident, payload={"detections": [d.pk for d in detections]}
    )
    if incident.section_id:
        impact.recompute_section(incident.section, actor=actor)
    _start_first_report_clock(incident, actor=actor)
    return incident


REPORTABLE = {IncidentType.UNAUTHORISED_CROSSING, IncidentType.CROSS_BORDER_CRIME}


def _start_first_report_clock(incident: Incident, *, actor: Actor) -> None:
    """An unauthorised crossing known to the hour must be reported within 24 hours of its
    detection (2021/581 Art 9). Records of the past (opened after that) start no clock."""
    if incident.type not in REPORTABLE:
        return
    detected = (
        incident.detections.order_by("detected_at").values_list("detected_at", flat=True).first()
    )
    if detected is None:
        if incident.time_precision != TimePrecision.EXACT:
            return
        detected = incident.occurred_from
    due = detected + timedelta(hours=24)
    if due <= incident.opened_at:
        return
    clocks.start(
        "first_report",
        unit=incident.owning_unit,
        started_at=detected,
        due_at=due,
        incident=incident,
        source=clocks.FIRST_REPORT_SOURCE,
    )


def report_content(incident: Incident) -> dict:
    """The fields of a single event report (2021/581 Annex 2 §1) without anyone's identity."""
    return {
        "event": incident.get_type_display(),
        "attempted": incident.attempted_only,
        "time": {
            "start": incident.occurred_from.isoformat(),
            "end": incident.occurred_to.isoformat(),
            "precision": incident.time_precision,
        },
        "place": incident.place.name if incident.place_id else None,
        "position": [round(incident.lon, 3), round(incident.lat, 3)]
        if incident.lat is not None
        else None,
        "section": incident.section.code if incident.section_id else None,
        "direction": incident.direction or None,
        "country_left": incident.country_left or None,
        "country_entered": incident.country_entered or None,
        "detected_by": incident.get_detection_method_display() or None,
        "persons": {
            "count": incident.persons_count,
            "lower_bound": incident.persons_count_is_lower_bound,
        },
        "nationality": incident.nationality or None,
    }


@transaction.atomic
def send_event_report(
    incident: Incident,
    *,
    actor: Actor,
    kind: str = "first",
    sent_at: datetime | None = None,
    credibility: str = "",
    reliability: str = "",
    validation_status: str = "",
) -> EventReport:
    """Send a EUROSUR event report (first, follow-up or closure); the first stops the
    24-hour clock. The content carries no person's identity."""
    policy.require(actor, "incident.change", incident)
    choice(kind, EventReport.Kind, "kind")
    sent_at = not_future(sent_at or timezone.now(), "sent_at")
    has_first = incident.reports.filter(kind=EventReport.Kind.FIRST).exists()
    if kind == EventReport.Kind.FIRST and has_first:
        raise DomainError(
            f"{incident.reference} has its first report already; send a follow-up.", field="kind"
        )
    if kind != EventReport.Kind.FIRST and not has_first:
        raise DomainError("Send the first report before follow-ups or the closure.", field="kind")
    clock = incident.clocks.filter(kind="first_report").first()
    report = EventReport.objects.create(
        incident=incident,
        kind=kind,
        sent_at=sent_at,
        due_at=clock.due_at if clock and kind == EventReport.Kind.FIRST else None,
        impact_level=incident.impact_level,
        credibility=credibility,
        reliability=reliability,
        validation_status=validation_status,
        content=report_content(incident),
    )
    if kind == EventReport.Kind.FIRST:
        clocks.stop(
            at=sent_at, reason="first report sent", incident=incident, kinds=["first_report"]
        )
    audit.record(actor, "incident.reported", report, related=incident, payload={"kind": kind})
    return report


@transaction.atomic
def link_source(incident: Incident, report, *, actor: Actor) -> None:
    """Record that `report` supports `incident`."""
    policy.require(actor, "incident.change", incident)
    if not incident.sources.filter(pk=report.pk).exists():
        incident.sources.add(report)
        audit.record(
            actor, "incident.source_linked", incident, payload={"source_report": report.pk}
        )


# --- search operations ----------------------------------------------------------------------


@transaction.atomic
def start_search(
    incident: Incident,
    *,
    actor: Actor,
    started_at: datetime,
    assets: list[dict],
    area: dict | None = None,
    notes: str = "",
) -> SearchOperation:
    """Start a search for the incident with its assets, e.g. [{"kind": "uav",
    "call_sign": "..."}]."""
    policy.require(actor, "search.manage", incident)
    not_future(started_at, "started_at")
    if started_at < incident.occurred_from:
        raise DomainError(
            "A search cannot start before the incident it follows.", field="started_at"
        )
    if not assets:
        raise DomainError("A search needs at least one asset (patrol, UAV, ...).", field="assets")
    for i, asset in enumerate(assets):
        choice(asset.get("kind", ""), AssetKind, f"assets[{i}].kind")
    operation = SearchOperation.objects.create(
        incident=incident,
        owning_unit=actor.unit,
        started_at=started_at,
        area=area,
        notes=notes,
    )
    SearchAsset.objects.bulk_create(
        SearchAsset(
            operation=operation,
            kind=a["kind"],
            call_sign=a.get("call_sign", ""),
            unit=a.get("unit"),
        )
        for a in assets
    )
    audit.record(
        actor,
        "search.started",
        operation,
        related=incident,
        payload={"assets": [a["kind"] for a in assets]},
    )
    return operation


@transaction.atomic
def end_search(
    operation: SearchOperation, *, actor: Actor, ended_at: datetime, outcome: str, notes: str = ""
) -> SearchOperation:
    policy.require(actor, "search.manage", operation.incident)
    operation = SearchOperation.objects.select_for_update().get(pk=operation.pk)
    if operation.ended_at is not None:
        raise DomainError(f"This search ended already ({operation.ended_at:%Y-%m-%d %H:%M}).")
    not_future(ended_at, "ended_at")
    if ended_at < operation.started_at:
        raise DomainError("A search cannot end before it started.", field="ended_at")
    operation.ended_at = ended_at
    operation.outcome = choice(outcome, SearchOutcome, "outcome")
    if notes:
        operation.notes = f"{operation.notes}\n{notes}".strip()
    operation.save(update_fields=["ended_at", "outcome", "notes"])
    audit.record(
        actor, "search.ended", operation, related=operation.incident, payload={"outcome": outcome}
    )
    return operation
