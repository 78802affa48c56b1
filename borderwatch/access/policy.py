"""The one access policy: every view, API endpoint, export and command asks here.

Policy = role × unit × relationship × field group (DESIGN.md §5):

* Visibility is one Q filter per object type (`*_visible_to`), used both for lists and
  for single objects, so a list never shows what a page would refuse, and the reverse.
* Actions are rules predicates over (actor, object), registered in `RULES`.
* Field groups (core, personal, interview, security) per relationship: `field_groups()`.

The console operator (CLI without --as) is the server's shell, which holds the database
anyway; it may read everything but writes only through set-up commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet

from borderwatch.lib.errors import AccessDenied, NotVisible

from .actor import ROLE, Actor

# Roles that work with incidents and cases at all.
INCIDENT_ROLES = {
    ROLE.BORDER_GUARD,
    ROLE.POLICE_OPERATIONS,
    ROLE.IMMIGRATION_CASEWORKER,
    ROLE.SECURITY_ANALYST,
}
CASE_ROLES = {ROLE.POLICE_OPERATIONS, ROLE.IMMIGRATION_CASEWORKER, ROLE.DECISION_CASEWORKER}
AGGREGATE_ROLES = {
    ROLE.STATISTICIAN,
    ROLE.POLICE_OPERATIONS,
    ROLE.IMMIGRATION_CASEWORKER,
    ROLE.SECURITY_ANALYST,
    ROLE.BORDER_GUARD,
    ROLE.DECISION_CASEWORKER,
}

FIELD_GROUPS = ("core", "personal", "interview", "security")


def _nothing(model) -> QuerySet:
    return model.objects.none()


# --- remembering answers while one page is put together ----------------------------------

_MEMO: ContextVar[dict | None] = ContextVar("policy_memo", default=None)


@contextmanager
def remembering() -> Iterator[None]:
    """Inside this block the same question (a live grant, a pending referral to the unit)
    is answered from the database once. For a read that writes nothing the answers depend
    on (a page being rendered); never around a change."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _remembered(key: tuple, compute: Callable[[], Any]) -> Any:
    memo = _MEMO.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def granted_ids(actor: Actor, label: str) -> list[int]:
    """Ids of `label` records the actor holds live break-the-glass grants for."""
    if actor.user is None or actor.unit is None:
        return []
    return list(_live_grants(actor).get(label, ()))


def _live_grants(actor: Actor) -> dict[str, list[int]]:
    """The actor's live grants, by record type: one query for every type (a list of
    incidents asks for incidents' and cases' grants), remembered for the request."""
    from django.utils import timezone

    from .models import BreakGlassGrant

    def read() -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for label, target_id in (
            BreakGlassGrant.objects.filter(
                user_id=actor.user.pk,
                unit_id=actor.unit.pk,
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
            .order_by()
            .values_list("target_type", "target_id")
        ):
            found.setdefault(label, []).append(int(target_id))
        return found

    return _remembered(("granted", actor.user.pk, actor.unit.pk), read)


def _referred_to(actor: Actor, case) -> bool:
    """A referral of the case to the actor's unit waits for its answer."""
    return _remembered(
        ("referred", case.pk, actor.unit.pk),
        lambda: case.referrals.filter(to_unit_id=actor.unit.pk, status="pending").exists(),
    )


# --- visibility ------------------------------------------------------------------------


def incidents_visible_to(actor: Actor) -> QuerySet:
    """Incidents the actor may open: owned by their unit, in their unit's sections (border
    guards), detected by their unit, or behind a case their unit may see."""
    from borderwatch.border.models import BorderSection, Detection, Incident

    if actor.is_console:
        return Incident.objects.all()
    if actor.unit is None or not actor.has_role(*INCIDENT_ROLES, *CASE_ROLES):
        return _nothing(Incident)

    # Each way in is its own semi-join (no joins across to-many relations, so no duplicate
    # rows and no wrapping): the database walks an index for a page or a box and tests
    # each row (by index, or against a hashed set when many rows are tested).
    unit = actor.unit.pk
    q = Q(owning_unit_id=unit) | Q(
        Exists(Detection.objects.filter(filed_by_unit_id=unit, incident_id=OuterRef("pk")))
    )
    if actor.has_role(ROLE.BORDER_GUARD):
        q |= Q(
            section_id__in=BorderSection.responsible_units.through.objects.filter(
                unit_id=unit
            ).values("bordersection_id")
        )
    if actor.has_role(*CASE_ROLES, ROLE.SECURITY_ANALYST):
        # EXISTS, not IN: one incident's check looks up its cases by index instead of
        # building the set of every visible case's incident first
        q |= Q(Exists(cases_visible_to(actor).filter(incident_id=OuterRef("pk"))))
    granted = granted_ids(actor, "border.incident")
    if granted:
        q |= Q(pk__in=granted)
    return Incident.objects.filter(q)


def cases_visible_to(actor: Actor) -> QuerySet:
    """Cases the actor may open: owned by their unit, referred to it (pending), notified to
    it (security service), or of a client (lawyer)."""
    from borderwatch.cases.models import AsylumCase, LegalRepresentation, Referral
    from borderwatch.security.models import SecurityNotification

    if actor.is_console:
        return AsylumCase.objects.all()
    if actor.unit is None:
        return _nothing(AsylumCase)
    unit = actor.unit.pk
    q = Q(pk__in=[])
    if actor.has_role(*CASE_ROLES):
        q |= Q(owning_unit_id=unit)
        q |= Q(pk__in=Referral.objects.filter(to_unit_id=unit, status="pending").values("case_id"))
    if actor.has_role(ROLE.SECURITY_ANALYST):
        q |= Q(pk__in=SecurityNotification.objects.filter(to_unit_id=unit).values("case_id"))
    if actor.has_role(ROLE.LAWYER) and actor.user is not None:
        q |= Q(
            person_id__in=LegalRepresentation.objects.filter(
                lawyer_id=actor.user.pk, ended_at__isnull=True
            ).values("person_id")
        )
    granted = granted_ids(actor, "cases.asylumcase")
    if granted:
        q |= Q(pk__in=granted)
    return AsylumCase.objects.filter(q)


def persons_visible_to(actor: Actor) -> QuerySet:
    """Persons behind a visible case, or held in custody by the actor's unit."""
    from borderwatch.cases.models import Custody
    from borderwatch.people.models import Person

    if actor.is_console:
        return Person.objects.all()
    if actor.unit is None:
        return _nothing(Person)
    q = Q(pk__in=cases_visible_to(actor).values("person_id"))
    if actor.has_role(ROLE.POLICE_OPERATIONS):
        q |= Q(owning_unit_id=actor.unit.pk) | Q(
            pk__in=Custody.objects.filter(owning_unit_id=actor.unit.pk).values("person_id")
        )
    return Person.objects.filter(q)


def custodies_visible_to(actor: Actor) -> QuerySet:
    """Custody periods the actor may open and manage: those its own police unit holds."""
    from borderwatch.cases.models import Custody

    if actor.is_console:
        return Custody.objects.all()
    if actor.unit is None or not actor.has_role(ROLE.POLICE_OPERATIONS):
        return _nothing(Custody)
    return Custody.objects.filter(owning_unit_id=actor.unit.pk)


# Roles that receive a unit's deadline notices (not statisticians, lawyers, administrators:
# the notices name cases and custody periods).
NOTIFIED_ROLES = {
    ROLE.BORDER_GUARD,
    ROLE.POLICE_OPERATIONS,
    ROLE.IMMIGRATION_CASEWORKER,
    ROLE.DECISION_CASEWORKER,
    ROLE.SECURITY_ANALYST,
}


def notifications_visible_to(actor: Actor) -> QuerySet:
    """The acting unit's in-app notifications, for members with case or border work."""
    from borderwatch.cases.models import Notification

    if actor.unit is None or actor.user is None or not actor.has_role(*NOTIFIED_ROLES):
        return _nothing(Notification)
    return Notification.objects.filter(unit_id=actor.unit.pk)


def reports_visible_to(actor: Actor) -> QuerySet:
    """Source reports: everyone who may record reports reads them all (they are source
    material for every unit's analysts, not case files)."""
    from borderwatch.sources.models import SourceReport

    if not can(actor, "source.record"):
        return _nothing(SourceReport)
    return SourceReport.objects.all()


def get_visible(queryset: QuerySet, pk, what: str = "record"):
    """The object, or NotVisible (404) if it does not exist for this actor."""
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise NotVisible(f"No {what} {pk} that you may see.") from None


def get_incident_for(actor: Actor, pk):
    return get_visible(
        incidents_visible_to(actor).with_names(),
        pk,
        "incident",
    )


def get_case_for(actor: Actor, pk):
    return get_visible(
        cases_visible_to(actor).select_related("person", "incident__owning_unit", "owning_unit"),
        pk,
        "case",
    )


# --- relationships and field groups ------------------------------------------------------


def relationship(actor: Actor, case) -> set[str]:
    """How the actor stands to a case: owner, receiver, security, lawyer (or console)."""
    rel = set()
    if actor.is_console:
        return {"console"}
    if actor.unit is None:
        return rel
    if actor.has_role(*CASE_ROLES) and case.owning_unit_id == actor.unit.pk:
        rel.add("owner")
    if actor.has_role(*CASE_ROLES) and _referred_to(actor, case):
        rel.add("receiver")
    if (
        actor.has_role(ROLE.SECURITY_ANALYST)
        and case.security_notifications.filter(to_unit_id=actor.unit.pk).exists()
    ):
        rel.add("security")
    if (
        actor.has_role(ROLE.LAWYER)
        and actor.user is not None
        and case.person.representations.filter(
            lawyer_id=actor.user.pk, ended_at__isnull=True
        ).exists()
    ):
        rel.add("lawyer")
    if case.pk in granted_ids(actor, "cases.asylumcase"):
        rel.add("break_glass")
    return rel


GROUPS_BY_RELATIONSHIP = {
    "break_glass": {"core", "personal", "interview"},
    "owner": {"core", "personal", "interview"},
    "receiver": {"core", "personal", "interview"},
    "lawyer": {"core", "personal", "interview"},
    "security": {"core", "personal", "security"},
    "console": {"core", "personal", "interview"},
}


def field_groups(actor: Actor, case) -> set[str]:
    """The field groups of a case this actor may read."""
    groups: set[str] = set()
    for rel in relationship(actor, case):
        groups |= GROUPS_BY_RELATIONSHIP[rel]
    return groups


# --- actions -----------------------------------------------------------------------------


@rules.predicate
def acts_for_owner(actor: Actor, obj) -> bool:
    return actor.acts_for(getattr(obj, "owning_unit_id", None))


def has_role(*roles):
    @rules.predicate(name=f"has_role({','.join(roles)})")
    def pred(actor: Actor, obj=None) -> bool:
        return actor.has_role(*roles)

    return pred


@rules.predicate
def is_console(actor: Actor, obj=None) -> bool:
    return actor.is_console


@rules.predicate
def is_notified_unit(actor: Actor, notification) -> bool:
    return actor.acts_for(notification.to_unit_id)


@rules.predicate
def is_receiving_unit(actor: Actor, referral) -> bool:
    return actor.acts_for(referral.to_unit_id)


@rules.predicate
def can_see_case(actor: Actor, case) -> bool:
    return cases_visible_to(actor).filter(pk=case.pk).exists()


FIELD_ACTORS = has_role(ROLE.BORDER_GUARD, ROLE.POLICE_OPERATIONS)
POLICE = has_role(ROLE.POLICE_OPERATIONS)

RULES = rules.RuleSet()
RULES.add_rule("detection.file", FIELD_ACTORS | has_role("integration"))
RULES.add_rule("incident.open", FIELD_ACTORS | has_role("integration"))
RULES.add_rule("incident.change", acts_for_owner & FIELD_ACTORS)
RULES.add_rule("search.manage", acts_for_owner & FIELD_ACTORS)


@rules.predicate
def responsible_for_section(actor: Actor, section) -> bool:
    return actor.unit is not None and section.responsible_units.filter(pk=actor.unit.pk).exists()


# EUROSUR section levels: recomputed by rules (anyone working the border may trigger it);
# set by hand only by the units responsible for the section, or the console.
RULES.add_rule("section.recompute", FIELD_ACTORS | has_role("integration") | is_console)
RULES.add_rule("section.set_level", (FIELD_ACTORS & responsible_for_section) | is_console)
RULES.add_rule("apprehension.record", acts_for_owner & FIELD_ACTORS)
RULES.add_rule("custody.manage", acts_for_owner & POLICE)
RULES.add_rule("case.open", has_role(ROLE.POLICE_OPERATIONS, ROLE.IMMIGRATION_CASEWORKER))
RULES.add_rule("interview.record_questioning", acts_for_owner & POLICE)
RULES.add_rule("interview.record_case", acts_for_owner & has_role(*CASE_ROLES))
RULES.add_rule("criminal_matter.open", POLICE)
RULES.add_rule("counsel.assign", acts_for_owner & POLICE)
RULES.add_rule("security.notify", acts_for_owner & has_role(*CASE_ROLES))
RULES.add_rule("security.assess", is_notified_unit & has_role(ROLE.SECURITY_ANALYST))
RULES.add_rule("case.view", can_see_case)
RULES.add_rule("source.record", has_role(*INCIDENT_ROLES, ROLE.STATISTICIAN) | is_console)
RULES.add_rule("stats.view", has_role(*AGGREGATE_ROLES) | is_console)
# Putting an extracted event into the record makes an incident the reviewer's unit owns:
# only units that run incidents review (border guards, police operations).
RULES.add_rule("source.review", FIELD_ACTORS)
RULES.add_rule("reference.manage", has_role(ROLE.ADMINISTRATOR) | is_console)
# Bulk import of incidents (a partner's or an old system's records): the units that run
# incidents, for themselves; administrators and the console, for any unit (migrations).
RULES.add_rule("incident.import", FIELD_ACTORS | has_role(ROLE.ADMINISTRATOR) | is_console)


@rules.predicate
def can_see_person(actor: Actor, person) -> bool:
    return person is not None and persons_visible_to(actor).filter(pk=person.pk).exists()


# Access requests: the person's caseworkers, or the data protection officer at the console.
RULES.add_rule("person.export", is_console | (has_role(*CASE_ROLES) & can_see_person))
# Erasure after retention is the operator's job (a periodic command at the console).
RULES.add_rule("person.erase", is_console)
# Reading the whole trail: the console (the server's operator) and administrators. Owning
# units' view of who read their cases comes with the audit pages.
RULES.add_rule("audit.read", has_role(ROLE.ADMINISTRATOR) | is_console)


def can(actor: Actor, permission: str, obj=None) -> bool:
    if permission not in RULES:
        raise KeyError(f"no policy rule named {permission!r}")
    return RULES.test_rule(permission, actor, obj)


def require(actor: Actor, permission: str, obj=None, message: str | None = None) -> None:
    """Raise AccessDenied (403) unless the actor may do `permission` to `obj`."""
    if not can(actor, permission, obj):
        raise AccessDenied(
            message or f"You may not do this ({permission}) acting for {actor.unit or 'no unit'}."
        )


def may_transition(actor: Actor, case, transition) -> bool:
    """May the actor take this workflow transition on this case, by role and by turn?"""
    if not actor.has_role(*transition.roles) or actor.unit is None:
        return False
    if transition.turn == "receiver":
        return _referred_to(actor, case)
    return case.owning_unit_id == actor.unit.pk


def counts_every_incident(actor: Actor) -> bool:
    """Statisticians (and the console) count every incident, though they see no person."""
    return actor.is_console or actor.has_role(ROLE.STATISTICIAN)


def incidents_countable_by(actor: Actor) -> QuerySet:
    """Incidents that may enter an aggregate for this actor. Statisticians (and the console)
    count every incident but see no person; everyone else counts what they may open, so
    no count reveals a record they could not see."""
    from borderwatch.border.models import Incident

    if counts_every_incident(actor):
        return Incident.objects.all()
    if not can(actor, "stats.view"):
        return Incident.objects.none()
    return incidents_visible_to(actor)
