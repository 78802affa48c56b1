"""Detection intake: validate a batch, file each detection, correlate it into an incident.

All or nothing: a batch with one bad item stores none of them. A retry with the same
sender's id returns what was filed the first time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction

from borderwatch.access import audit
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError

from . import services
from .choices import IncidentStatus, TimePrecision
from .models import Detection, Incident

MAX_BATCH = 1000


@dataclass
class Received:
    detection: Detection
    created: bool


def correlation_window() -> timedelta:
    return timedelta(minutes=settings.BORDERWATCH_CORRELATION_MINUTES)


@transaction.atomic
def receive_detections(items: list[dict], *, actor: Actor, integration=None) -> list[Received]:
    """File each item (keys as `services.file_detection` takes them) and correlate it."""
    if not items:
        raise DomainError("The batch is empty.", field="items")
    if len(items) > MAX_BATCH:
        raise DomainError(
            f"A batch holds at most {MAX_BATCH} detections, not {len(items)}.", field="items"
        )
    out = []
    for index, item in enumerate(items):
        sender_id = item.get("sender_id") or ""
        existed = (
            bool(sender_id)
            and Detection.objects.filter(filed_by_unit=actor.unit, sender_id=sender_id).exists()
        )
        try:
            detection = services.file_detection(actor=actor, integration=integration, **item)
        except DomainError as exc:
            where = f"[{index}].{exc.field}" if exc.field else f"[{index}]"
            raise DomainError(f"Detection {index}: {exc.message}", field=where) from None
        if not existed:
            correlate(detection, actor=actor)
        out.append(Received(detection, created=not existed))
    return out


def correlate(detection: Detection, *, actor: Actor) -> Incident | None:
    """Attach the detection to an open incident of its section close in time, or open one.

    A detection outside every section is left for a person to look at (flagged), not
    turned into an incident automatically.
    """
    if detection.incident_id is not None or detection.section_id is None:
        return None
    window = correlation_window()
    at = detection.detected_at
    incident = (
        Incident.objects.select_for_update()
        .filter(
            status=IncidentStatus.OPEN,
            section_id=detection.section_id,
            occurred_from__lte=at + window,
            occurred_to__gte=at - window,
        )
        .order_by("-occurred_from")
        .first()
    )
    if incident is None:
        detection.incident = services.open_incident(
            actor=actor,
            detections=[detection],
            occurred_from=at,
            time_precision=TimePrecision.EXACT,
            lat=detection.lat,
            lon=detection.lon,
            detection_method=detection.source,
            summary=f"Opened from a {detection.get_source_display().lower()} detection.",
        )
        return detection.incident
    Detection.objects.filter(pk=detection.pk).update(incident=incident)
    if incident.time_precision == TimePrecision.EXACT:
        Incident.objects.filter(pk=incident.pk, occurred_from__gt=at).update(occurred_from=at)
        Incident.objects.filter(pk=incident.pk, occurred_to__lt=at + timedelta(minutes=1)).update(
            occurred_to=at + timedelta(minutes=1)
        )
    audit.record(actor, "detection.correlated", detection, related=incident)
    detection.incident = incident
    return incident
