"""Security notifications and restricted assessments."""

from datetime import datetime

from django.db import transaction

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.access.models import Unit
from borderwatch.cases.models import AsylumCase
from borderwatch.lib.errors import DomainError
from borderwatch.lib.validate import choice, not_future

from .models import Assessment, SecurityNotification


@transaction.atomic
def send_security_notification(
    case: AsylumCase, *, actor: Actor, to_unit: Unit, reason: str, at: datetime
) -> SecurityNotification:
    """Notify the security service about a case the actor's unit owns."""
    policy.require(actor, "security.notify", case)
    not_future(at, "at")
    if to_unit.kind != Unit.Kind.SECURITY_SERVICE:
        raise DomainError(f"{to_unit} is not a security service.", field="to_unit")
    if not reason.strip():
        raise DomainError("Say why the security service is notified.", field="reason")
    if case.security_notifications.filter(to_unit=to_unit, status="sent").exists():
        raise DomainError(f"{to_unit} has an open notification about {case.reference} already.")
    notification = SecurityNotification.objects.create(
        case=case,
        from_unit=actor.unit,
        to_unit=to_unit,
        reason=reason.strip(),
        sent_at=at,
        sent_by=actor.user,
    )
    audit.record(actor, "security.notified", notification, related=case, fields=["security"])
    return notification


@transaction.atomic
def record_assessment(
    notification: SecurityNotification, *, actor: Actor, conclusion: str, text: str, at: datetime
) -> Assessment:
    """The notified security service records its (restricted) assessment."""
    policy.require(actor, "security.assess", notification)
    not_future(at, "at")
    choice(conclusion, Assessment.Conclusion, "conclusion")
    if at < notification.sent_at:
        raise DomainError("An assessment cannot come before the notification.", field="at")
    assessment = Assessment.objects.create(
        notification=notification,
        unit=actor.unit,
        assessed_at=at,
        assessed_by=actor.user,
        conclusion=conclusion,
        text=text,
    )
    SecurityNotification.objects.filter(pk=notification.pk).update(status="assessed")
    audit.record(
        actor, "security.assessed", assessment, related=notification.case, fields=["security"]
    )
    return assessment
