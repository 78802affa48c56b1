"""Work queues: what each unit has to do, as policy-filtered queries.

"My unit's open cases", "referrals waiting for us", "due in the next 24 hours" and
"overdue" for the acting unit. Pages and the API both read these; counts come from the
same querysets, so a count never shows more than the list.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from borderwatch.access import policy
from borderwatch.access.actor import Actor

from .choices import DECIDED, OPEN
from .models import Clock, Referral

QUEUES = {
    "mine": "My unit's open cases",
    "referred": "Referrals waiting for us",
    "due": "Due in the next 24 hours",
    "overdue": "Overdue",
    "all": "All cases I may see",
}
SORTS = {
    "due": ("next_due", "-claimed_at"),
    "-due": ("-next_due", "-claimed_at"),
    "claimed": ("claimed_at", "id"),
    "-claimed": ("-claimed_at", "-id"),
    "state": ("state", "-claimed_at"),
    "updated": ("-updated_at", "-id"),
}
DUE_WINDOW = timedelta(hours=24)


def _unit_clocks(actor: Actor) -> QuerySet:
    if actor.is_console:
        return Clock.objects.running()
    if actor.unit is None:
        return Clock.objects.none()
    return Clock.objects.running().filter(owning_unit_id=actor.unit.pk)


def cases(
    actor: Actor,
    queue: str = "mine",
    *,
    now: datetime | None = None,
    state: str = "",
    sort: str = "due",
) -> QuerySet:
    """The cases of one queue for the acting unit, each annotated with `next_due` (the
    earliest running clock of the case that is the unit's to meet)."""
    now = now or timezone.now()
    if queue not in QUEUES:
        from borderwatch.lib.errors import DomainError

        raise DomainError(f"No queue {queue!r}; use one of {', '.join(QUEUES)}.", field="queue")
    qs = policy.cases_visible_to(actor)
    unit_id = actor.unit.pk if actor.unit else None
    unit_clocks = _unit_clocks(actor)
    if queue == "mine":
        qs = qs.filter(owning_unit_id=unit_id, state__in=OPEN | DECIDED)
    elif queue == "referred":
        qs = qs.filter(
            Exists(
                Referral.objects.filter(case=OuterRef("pk"), status="pending", to_unit_id=unit_id)
            )
        )
    elif queue == "due":
        qs = qs.filter(
            Exists(
                unit_clocks.filter(
                    case=OuterRef("pk"), due_at__gte=now, due_at__lt=now + DUE_WINDOW
                )
            )
        )
    elif queue == "overdue":
        qs = qs.filter(Exists(unit_clocks.filter(case=OuterRef("pk"), due_at__lt=now)))
    if state:
        qs = qs.filter(state=state)
    qs = qs.annotate(
        next_due=Min(
            "clocks__due_at",
            filter=Q(clocks__stopped_at__isnull=True, clocks__owning_unit_id=unit_id),
        )
    )
    return qs.select_related("person", "owning_unit", "incident").order_by(
        *SORTS.get(sort, SORTS["due"])
    )


def counts(actor: Actor, *, now: datetime | None = None) -> dict[str, int]:
    """How many cases each queue holds, for the tabs."""
    now = now or timezone.now()
    return {name: cases(actor, name, now=now).count() for name in QUEUES}


def clocks_of(
    actor: Actor,
    *,
    now: datetime | None = None,
    within: timedelta | None = None,
    overdue: bool = False,
) -> QuerySet:
    """The acting unit's running clocks (cases, custody, referrals, incidents), soonest first:
    custody deadlines matter even before there is a case."""
    now = now or timezone.now()
    qs = _unit_clocks(actor)
    if overdue:
        qs = qs.filter(due_at__lt=now)
    elif within is not None:
        qs = qs.filter(due_at__gte=now, due_at__lt=now + within)
    return qs.select_related("case", "custody__person", "referral", "task", "incident")
