"""Break the glass: time-limited emergency access to one record, with a written reason.

The grant is flagged in the audit trail, every read under it is flagged too, and the
owning unit is told at once (an in-app notification) and sees the grants on the record.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from borderwatch.lib.errors import DomainError, NotVisible

from . import audit, policy
from .actor import ROLE, Actor
from .models import BreakGlassGrant

MIN_REASON = 20
TARGETS = {"case": "cases.asylumcase", "incident": "border.incident"}
ALLOWED_ROLES = {
    ROLE.POLICE_OPERATIONS,
    ROLE.IMMIGRATION_CASEWORKER,
    ROLE.DECISION_CASEWORKER,
    ROLE.BORDER_GUARD,
}


def _target(kind: str, pk: int):
    from borderwatch.border.models import Incident
    from borderwatch.cases.models import AsylumCase

    model = {"case": AsylumCase, "incident": Incident}.get(kind)
    if model is None:
        raise DomainError(
            f"Emergency access is for a case or an incident, not {kind!r}.", field="target"
        )
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise NotVisible(f"No {kind} {pk}.")
    return obj


@transaction.atomic
def break_glass(
    *, actor: Actor, kind: str, pk: int, reason: str, minutes: int | None = None
) -> BreakGlassGrant:
    """Grant the actor emergency access to one case or incident for a fixed time."""
    if actor.user is None or actor.unit is None or not actor.has_role(*ALLOWED_ROLES):
        raise DomainError("Your role cannot ask for emergency access.")
    if len(reason.strip()) < MIN_REASON:
        raise DomainError(
            f"Write the reason in full (at least {MIN_REASON} characters): it "
            "is shown to the owning unit.",
            field="reason",
        )
    target = _target(kind, pk)
    visible = (
        policy.cases_visible_to(actor) if kind == "case" else policy.incidents_visible_to(actor)
    )
    if visible.filter(pk=target.pk).exists():
        raise DomainError(f"You may see this {kind} already; no emergency access is needed.")
    minutes = minutes or settings.BORDERWATCH_BREAK_GLASS_MINUTES
    now = timezone.now()
    grant = BreakGlassGrant.objects.create(
        user=actor.user,
        unit=actor.unit,
        target_type=TARGETS[kind],
        target_id=str(target.pk),
        reason=reason.strip(),
        granted_at=now,
        expires_at=now + timedelta(minutes=minutes),
    )
    audit.record(
        actor,
        "access.break_glass",
        target,
        reason=reason.strip(),
        payload={"grant": grant.pk, "minutes": minutes, "break_glass": True},
    )
    _tell_owner(target, actor, grant)
    return grant


def _tell_owner(target, actor: Actor, grant: BreakGlassGrant) -> None:
    from borderwatch.cases.models import Notification

    case = target if grant.target_type == "cases.asylumcase" else None
    Notification.objects.create(
        unit=target.owning_unit,
        kind=Notification.Kind.INFO,
        case=case,
        created_at=grant.granted_at,
        message=(
            f"Emergency access to {target.reference} by {actor.user.get_full_name() or actor.name} "
            f"({actor.unit}) until {timezone.localtime(grant.expires_at):%d %b %H:%M}: "
            f"{grant.reason}"
        ),
    )


def grants_on(obj) -> list[BreakGlassGrant]:
    """Every grant ever made on this record, for its owning unit to see."""
    return list(
        BreakGlassGrant.objects.filter(
            target_type=obj._meta.label_lower, target_id=str(obj.pk)
        ).select_related("user", "unit")
    )
