"""Every write to custody, interviews, cases, referrals, criminal matters and counsel."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.access.models import Unit, User
from borderwatch.border.models import Incident, Place
from borderwatch.lib.errors import DomainError
from borderwatch.lib.geo import validate_point
from borderwatch.lib.validate import aware, choice, country_code, not_future
from borderwatch.people.models import Person

from . import deadlines, workflow
from .choices import CaseState
from .models import (
    AsylumCase,
    CriminalMatter,
    Custody,
    Interview,
    LegalRepresentation,
    Referral,
)

PERSON_FIELDS = {
    "given_names",
    "family_name",
    "name_original_script",
    "transliterations",
    "date_of_birth",
    "age_claimed",
    "nationality",
    "claimed_affiliation",
    "language",
    "vulnerabilities",
    "external_ref",
}


@transaction.atomic
def record_apprehension(
    incident: Incident,
    *,
    actor: Actor,
    apprehended_at: datetime,
    person: dict,
    legal_basis: str,
    lat=None,
    lon=None,
    place: Place | None = None,
    held_at_border_since: datetime | None = None,
) -> Custody:
    """A person was apprehended: record the person, link them to the incident, and open a
    custody period with its legal basis and computed deadlines."""
    policy.require(actor, "apprehension.record", incident)
    not_future(apprehended_at, "apprehended_at")
    if apprehended_at < incident.occurred_from:
        raise DomainError(
            "The apprehension cannot come before the incident.", field="apprehended_at"
        )
    choice(legal_basis, Custody.LegalBasis, "legal_basis")
    unknown = set(person) - PERSON_FIELDS
    if unknown:
        raise DomainError(f"Unknown person field(s): {', '.join(sorted(unknown))}.", field="person")
    if lat is not None or lon is not None:
        lat, lon = validate_point(lat, lon)
    fields = dict(person)
    fields["nationality"] = country_code(fields.get("nationality", ""), "person.nationality")
    dob = fields.get("date_of_birth")
    if dob is not None and (not isinstance(dob, date) or dob > apprehended_at.date()):
        raise DomainError(
            "The date of birth must be a date before the apprehension.",
            field="person.date_of_birth",
        )
    new_person = Person.objects.create(owning_unit=actor.unit, created_at=timezone.now(), **fields)
    incident.persons.add(new_person)
    age = new_person.age_on(apprehended_at.date())
    clock = deadlines.custody_clock(
        legal_basis,
        apprehended_at,
        minor=age is not None and age < 18,
        held_at_border_since=held_at_border_since,
    )
    custody = Custody.objects.create(
        person=new_person,
        incident=incident,
        owning_unit=actor.unit,
        legal_basis=legal_basis,
        started_at=apprehended_at,
        clock_started_at=clock.clock_started_at,
        court_deadline=clock.court_deadline,
        counsel_deadline=clock.counsel_deadline,
        lat=lat,
        lon=lon,
        place=place,
    )
    audit.record(
        actor,
        "apprehension.recorded",
        custody,
        related=incident,
        fields=["personal"],
        payload={"person": new_person.pk, "legal_basis": legal_basis},
    )
    return custody


@transaction.atomic
def end_custody(
    custody: Custody, *, actor: Actor, ended_at: datetime, reason: str, note: str = ""
) -> Custody:
    policy.require(actor, "custody.manage", custody)
    custody = Custody.objects.select_for_update().get(pk=custody.pk)
    if custody.ended_at is not None:
        raise DomainError(f"This custody ended already ({custody.ended_at:%Y-%m-%d %H:%M}).")
    not_future(ended_at, "ended_at")
    if ended_at < custody.started_at:
        raise DomainError("Custody cannot end before it started.", field="ended_at")
    custody.ended_at = ended_at
    custody.end_reason = choice(reason, Custody.EndReason, "reason")
    custody.end_note = note
    custody.save(update_fields=["ended_at", "end_reason", "end_note"])
    audit.record(actor, "custody.ended", custody, payload={"reason": reason})
    return custody


@transaction.atomic
def record_interview(
    person: Person,
    *,
    actor: Actor,
    kind: str,
    held_at: datetime,
    interviewer: User | None = None,
    interviewer_name: str = "",
    interpreter: str = "",
    language: str = "",
    summary: str = "",
    case: AsylumCase | None = None,
) -> Interview:
    """Record an interview. Police questioning needs the person in the actor's custody at
    that time; registration and asylum interviews need a case the actor's unit owns."""
    choice(kind, Interview.Kind, "kind")
    not_future(held_at, "held_at")
    custody = None
    if kind == Interview.Kind.QUESTIONING:
        custody = (
            Custody.objects.filter(person=person, started_at__lte=held_at)
            .exclude(ended_at__lte=held_at)
            .order_by("-started_at")
            .first()
        )
        if custody is None:
            raise DomainError(
                f"{person.reference} was not in custody at "
                f"{timezone.localtime(held_at):%Y-%m-%d %H:%M}; police "
                "questioning is recorded for a person in custody.",
                field="held_at",
            )
        policy.require(actor, "interview.record_questioning", custody)
    else:
        if case is None or case.person_id != person.pk:
            raise DomainError(
                "A registration or asylum interview belongs to the person's case.", field="case"
            )
        policy.require(actor, "interview.record_case", case)
    interview = Interview.objects.create(
        person=person,
        case=case,
        custody=custody,
        owning_unit=actor.unit,
        kind=kind,
        held_at=held_at,
        interviewer=interviewer or actor.user,
        interviewer_name=interviewer_name or (actor.user.get_full_name() if actor.user else ""),
        interpreter=interpreter,
        language=language,
        summary=summary,
    )
    audit.record(
        actor,
        "interview.recorded",
        interview,
        related=case or person,
        fields=["interview"],
        payload={"kind": kind},
    )
    return interview


@transaction.atomic
def record_asylum_request(
    person: Person, *, actor: Actor, requested_at: datetime, incident: Incident | None = None
) -> AsylumCase:
    """The person asked for protection: open their case, owned by the actor's unit."""
    policy.require(actor, "case.open")
    not_future(requested_at, "requested_at")
    if not policy.persons_visible_to(actor).filter(pk=person.pk).exists():
        raise DomainError(f"{person.reference} is not held or known by your unit.", field="person")
    open_states = [s for s in CaseState.values if s not in {"withdrawn", "closed"}]
    existing = AsylumCase.objects.filter(person=person, state__in=open_states).first()
    if existing:
        raise DomainError(f"{person.reference} has an open case already: {existing.reference}.")
    if incident is None:
        incident = person.incidents.order_by("-occurred_from").first()
    case = AsylumCase.objects.create(
        person=person,
        incident=incident,
        owning_unit=actor.unit,
        state=CaseState.CLAIMED,
        claimed_at=requested_at,
        updated_at=timezone.now(),
    )
    workflow.open_case_history(case, actor=actor, at=requested_at)
    audit.record(actor, "case.opened", case, related=person)
    return case


@transaction.atomic
def open_criminal_matter(
    person: Person,
    *,
    actor: Actor,
    offence: str,
    opened_at: datetime,
    legal_reference: str = "",
    incident: Incident | None = None,
) -> CriminalMatter:
    """Open the criminal track of a crossing (e.g. breach of the Border Act)."""
    policy.require(actor, "criminal_matter.open")
    not_future(opened_at, "opened_at")
    if not offence.strip():
        raise DomainError("Name the offence.", field="offence")
    if not policy.persons_visible_to(actor).filter(pk=person.pk).exists():
        raise DomainError(f"{person.reference} is not held or known by your unit.", field="person")
    matter = CriminalMatter.objects.create(
        person=person,
        incident=incident,
        owning_unit=actor.unit,
        offence=offence.strip(),
        legal_reference=legal_reference,
        opened_at=opened_at,
    )
    audit.record(actor, "criminal_matter.opened", matter, related=person)
    return matter


@transaction.atomic
def assign_counsel(
    person: Person,
    *,
    actor: Actor,
    kind: str,
    appointed_at: datetime,
    lawyer: User | None = None,
    lawyer_name: str = "",
    criminal_matter: CriminalMatter | None = None,
    case: AsylumCase | None = None,
) -> LegalRepresentation:
    """Assign a lawyer to the person. Defence counsel belongs to a criminal matter."""
    choice(kind, LegalRepresentation.Kind, "kind")
    not_future(appointed_at, "appointed_at")
    owner = criminal_matter or case or person
    policy.require(actor, "counsel.assign", owner)
    if kind == LegalRepresentation.Kind.DEFENCE and criminal_matter is None:
        raise DomainError(
            "Defence counsel is assigned in a criminal matter.", field="criminal_matter"
        )
    for linked in (criminal_matter, case):
        if linked is not None and linked.person_id != person.pk:
            raise DomainError(f"{linked} is not about {person.reference}.")
    name = lawyer_name or (lawyer.get_full_name() if lawyer else "")
    if not name:
        raise DomainError("Name the lawyer.", field="lawyer_name")
    if lawyer is not None and not lawyer.memberships.filter(role="lawyer").exists():
        raise DomainError(f"{lawyer.username} is not registered as a lawyer.", field="lawyer")
    if LegalRepresentation.objects.filter(
        person=person, kind=kind, lawyer_name=name, ended_at__isnull=True
    ).exists():
        raise DomainError(f"{name} already represents {person.reference} in this role.")
    rep = LegalRepresentation.objects.create(
        person=person,
        kind=kind,
        lawyer=lawyer,
        lawyer_name=name,
        criminal_matter=criminal_matter,
        case=case,
        appointed_by_unit=actor.unit,
        appointed_at=appointed_at,
    )
    audit.record(actor, "counsel.assigned", rep, related=person, payload={"kind": kind})
    return rep


# --- referrals ---------------------------------------------------------------------------


@transaction.atomic
def refer_case(
    case: AsylumCase,
    *,
    actor: Actor,
    to_unit: Unit,
    reason: str,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> Referral:
    """Send the case to another unit; it stays ours until they accept."""
    at = at or timezone.now()
    not_future(at, "at")
    if to_unit.pk == case.owning_unit_id:
        raise DomainError("A case cannot be referred to the unit that owns it.", field="to_unit")
    if not reason.strip():
        raise DomainError("Give the reason for the referral.", field="reason")
    workflow.apply(
        case, "refer", actor=actor, at=at, note=f"to {to_unit}", expected_version=expected_version
    )
    referral = Referral.objects.create(
        case=case,
        from_unit=actor.unit,
        to_unit=to_unit,
        reason=reason.strip(),
        sent_at=at,
        sent_by=actor.user,
    )
    audit.record(actor, "referral.sent", referral, related=case, payload={"to_unit": to_unit.pk})
    return referral


def _answer(referral: Referral, *, actor: Actor, accept: bool, at, reason: str) -> Referral:
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != Referral.Status.PENDING:
        raise DomainError(
            f"This referral was {referral.get_status_display().lower()} "
            "already; it cannot be answered again."
        )
    if not actor.acts_for(referral.to_unit_id):
        raise DomainError("Only the unit the case was referred to can answer the referral.")
    at = at or timezone.now()
    aware(at, "at")
    not_future(at, "at")
    if at < referral.sent_at:
        raise DomainError("A referral cannot be answered before it was sent.", field="at")
    case = referral.case
    workflow.apply(
        case, "accept_referral" if accept else "reject_referral", actor=actor, at=at, note=reason
    )
    referral.status = Referral.Status.ACCEPTED if accept else Referral.Status.REJECTED
    referral.answered_at = at
    referral.answered_by = actor.user
    referral.answer_reason = reason
    referral.save(update_fields=["status", "answered_at", "answered_by", "answer_reason"])
    if accept:
        AsylumCase.objects.filter(pk=case.pk).update(owning_unit=referral.to_unit)
    audit.record(
        actor,
        "referral.accepted" if accept else "referral.rejected",
        referral,
        related=case,
        reason=reason,
    )
    return referral


@transaction.atomic
def accept_referral(referral: Referral, *, actor: Actor, at: datetime | None = None) -> Referral:
    """Accept a referral: the receiving unit becomes the case's owner."""
    return _answer(referral, actor=actor, accept=True, at=at, reason="")


@transaction.atomic
def reject_referral(
    referral: Referral, *, actor: Actor, reason: str, at: datetime | None = None
) -> Referral:
    """Reject a referral, saying why; the case goes back to the sending unit's queue."""
    if not reason.strip():
        raise DomainError("Say why the referral is rejected.", field="reason")
    return _answer(referral, actor=actor, accept=False, at=at, reason=reason.strip())
