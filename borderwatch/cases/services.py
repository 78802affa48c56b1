"""Every write to custody, interviews, cases, referrals, criminal matters and counsel."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.access.models import Unit, User
from borderwatch.border.models import Incident, Place
from borderwatch.lib.errors import AccessDenied, Conflict, DomainError
from borderwatch.lib.geo import validate_point
from borderwatch.lib.validate import aware, choice, country_code, not_future
from borderwatch.people.models import Person

from . import clocks, deadlines, workflow
from .choices import CaseState
from .models import (
    AsylumCase,
    CriminalMatter,
    Custody,
    Decision,
    Interview,
    LegalRepresentation,
    Referral,
    Task,
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
    clocks.start(
        "court",
        unit=actor.unit,
        started_at=clock.clock_started_at,
        due_at=clock.court_deadline,
        source=clock.source,
        custody=custody,
    )
    if clock.counsel_deadline is not None:
        clocks.start(
            "counsel",
            unit=actor.unit,
            started_at=clock.clock_started_at,
            due_at=clock.counsel_deadline,
            source=clock.counsel_source,
            custody=custody,
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
    clocks.stop(
        at=ended_at, reason=f"custody ended: {custody.get_end_reason_display()}", custody=custody
    )
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
    clocks.stop(
        at=appointed_at, reason="counsel appointed", kinds=["counsel"], custody__person=person
    )
    audit.record(actor, "counsel.assigned", rep, related=person, payload={"kind": kind})
    return rep


# --- referrals ---------------------------------------------------------------------------


def _send_referral(case, *, actor, to_unit, reason, at) -> Referral:
    referral = Referral.objects.create(
        case=case,
        from_unit=actor.unit,
        to_unit=to_unit,
        reason=reason,
        sent_at=at,
        sent_by=actor.user,
    )
    clocks.start(
        "referral_answer",
        unit=to_unit,
        started_at=at,
        due_at=at + clocks.hours("BORDERWATCH_REFERRAL_ANSWER_HOURS"),
        case=case,
        referral=referral,
        source="practice: BORDERWATCH_REFERRAL_ANSWER_HOURS",
    )
    audit.record(actor, "referral.sent", referral, related=case, payload={"to_unit": to_unit.pk})
    return referral


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
    return _send_referral(case, actor=actor, to_unit=to_unit, reason=reason.strip(), at=at)


def _pending(referral: Referral) -> Referral:
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status != Referral.Status.PENDING:
        raise DomainError(
            f"This referral was {referral.get_status_display().lower()} "
            "already; it cannot be answered again."
        )
    return referral


def _when(at, referral) -> datetime:
    at = at or timezone.now()
    aware(at, "at")
    not_future(at, "at")
    if at < referral.sent_at:
        raise DomainError("A referral cannot be answered before it was sent.", field="at")
    return at


def _close_referral(referral, *, actor, status, at, reason) -> None:
    referral.status = status
    referral.answered_at = at
    referral.answered_by = actor.user
    referral.answer_reason = reason
    referral.save(update_fields=["status", "answered_at", "answered_by", "answer_reason"])
    clocks.stop(at=at, reason=f"referral {status}", referral=referral)


def _answer(
    referral: Referral,
    *,
    actor: Actor,
    accept: bool,
    at,
    reason: str,
    expected_version: int | None = None,
) -> Referral:
    referral = _pending(referral)
    if not actor.acts_for(referral.to_unit_id):
        raise DomainError("Only the unit the case was referred to can answer the referral.")
    at = _when(at, referral)
    case = referral.case
    workflow.apply(
        case,
        "accept_referral" if accept else "reject_referral",
        actor=actor,
        at=at,
        note=reason,
        expected_version=expected_version,
    )
    _close_referral(
        referral,
        actor=actor,
        at=at,
        reason=reason,
        status=Referral.Status.ACCEPTED if accept else Referral.Status.REJECTED,
    )
    if accept:
        AsylumCase.objects.filter(pk=case.pk).update(owning_unit=referral.to_unit)
        if referral.to_unit.kind == Unit.Kind.IMMIGRATION_POLICE:
            clocks.start(
                "registration",
                unit=referral.to_unit,
                started_at=at,
                due_at=at + clocks.hours("BORDERWATCH_REGISTRATION_HOURS"),
                case=case,
                source="practice: BORDERWATCH_REGISTRATION_HOURS",
            )
    audit.record(
        actor,
        "referral.accepted" if accept else "referral.rejected",
        referral,
        related=case,
        reason=reason,
    )
    return referral


@transaction.atomic
def accept_referral(
    referral: Referral,
    *,
    actor: Actor,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> Referral:
    """Accept a referral: the receiving unit becomes the case's owner."""
    return _answer(
        referral, actor=actor, accept=True, at=at, reason="", expected_version=expected_version
    )


@transaction.atomic
def reject_referral(
    referral: Referral,
    *,
    actor: Actor,
    reason: str,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> Referral:
    """Reject a referral, saying why; the case goes back to the sending unit's queue."""
    if not reason.strip():
        raise DomainError("Say why the referral is rejected.", field="reason")
    return _answer(
        referral,
        actor=actor,
        accept=False,
        at=at,
        reason=reason.strip(),
        expected_version=expected_version,
    )


@transaction.atomic
def withdraw_referral(
    referral: Referral,
    *,
    actor: Actor,
    reason: str,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> Referral:
    """The sending unit takes a pending referral back; the case returns to its queue."""
    if not reason.strip():
        raise DomainError("Say why the referral is withdrawn.", field="reason")
    referral = _pending(referral)
    at = _when(at, referral)
    workflow.apply(
        referral.case,
        "withdraw_referral",
        actor=actor,
        at=at,
        note=reason.strip(),
        expected_version=expected_version,
    )
    _close_referral(
        referral, actor=actor, at=at, reason=reason.strip(), status=Referral.Status.WITHDRAWN
    )
    audit.record(
        actor, "referral.withdrawn", referral, related=referral.case, reason=reason.strip()
    )
    return referral


# --- the immigration unit's work ----------------------------------------------------------


@transaction.atomic
def register_application(
    case: AsylumCase,
    *,
    actor: Actor,
    at: datetime | None = None,
    expected_version: int | None = None,
):
    """Register the asylum application (photo, fingerprints, checks) at the receiving unit."""
    at = not_future(at or timezone.now(), "at")
    return workflow.apply(case, "register", actor=actor, at=at, expected_version=expected_version)


@transaction.atomic
def start_verification(
    case: AsylumCase,
    *,
    actor: Actor,
    at: datetime | None = None,
    expected_version: int | None = None,
):
    """Start verifying identity and claims: the verification tasks are created."""
    at = not_future(at or timezone.now(), "at")
    return workflow.apply(
        case, "start_verification", actor=actor, at=at, expected_version=expected_version
    )


def _task_for_update(task: Task, actor: Actor) -> Task:
    task = Task.objects.select_for_update().select_related("case").get(pk=task.pk)
    if not actor.acts_for(task.unit_id) or not actor.has_role(
        "immigration_caseworker", "decision_caseworker", "police_operations"
    ):
        raise AccessDenied("Only caseworkers of the unit the task belongs to may change it.")
    return task


@transaction.atomic
def assign_task(task: Task, *, actor: Actor, assignee: User | None) -> Task:
    """Give a task to a member of its unit (or to nobody)."""
    task = _task_for_update(task, actor)
    if assignee is not None and not assignee.memberships.filter(unit_id=task.unit_id).exists():
        raise DomainError(f"{assignee.username} is not a member of {task.unit}.", field="assignee")
    task.assignee = assignee
    task.save(update_fields=["assignee"])
    audit.record(
        actor,
        "task.assigned",
        task,
        related=task.case,
        payload={"assignee": assignee.pk if assignee else None},
    )
    return task


@transaction.atomic
def complete_task(
    task: Task,
    *,
    actor: Actor,
    result: str,
    evidence: str = "",
    cancelled: bool = False,
    at: datetime | None = None,
) -> Task:
    """Record a task's result (and its evidence), or cancel it saying why."""
    task = _task_for_update(task, actor)
    if task.status != Task.Status.OPEN:
        raise DomainError(f"This task is {task.get_status_display().lower()} already.")
    if not result.strip():
        raise DomainError("Write the result (or, to cancel, the reason).", field="result")
    at = not_future(at or timezone.now(), "at")
    task.status = Task.Status.CANCELLED if cancelled else Task.Status.DONE
    task.result = result.strip()
    task.evidence = evidence.strip()
    task.completed_at = at
    task.save(update_fields=["status", "result", "evidence", "completed_at"])
    clocks.stop(at=at, reason=f"task {task.status}", task=task)
    audit.record(
        actor,
        "task.completed",
        task,
        related=task.case,
        fields=["interview"],
        payload={"status": task.status},
    )
    return task


@transaction.atomic
def record_asylum_interview(
    case: AsylumCase,
    *,
    actor: Actor,
    held_at: datetime,
    summary: str,
    interpreter: str = "",
    language: str = "",
    expected_version: int | None = None,
) -> Interview:
    """Record the asylum interview of the case and move it to 'interviewed'."""
    if not summary.strip():
        raise DomainError("Summarise the interview.", field="summary")
    workflow.apply(
        case,
        "record_interview",
        actor=actor,
        at=not_future(held_at, "held_at"),
        expected_version=expected_version,
    )
    return record_interview(
        case.person,
        actor=actor,
        kind=Interview.Kind.ASYLUM,
        held_at=held_at,
        summary=summary.strip(),
        interpreter=interpreter,
        language=language,
        case=case,
    )


@transaction.atomic
def send_for_decision(
    case: AsylumCase,
    *,
    actor: Actor,
    to_unit: Unit,
    at: datetime | None = None,
    reason: str = "",
    expected_version: int | None = None,
) -> Referral:
    """Send the case to the directorate for a decision (a referral it answers by deciding)."""
    if to_unit.kind != Unit.Kind.DIRECTORATE:
        raise DomainError(f"{to_unit} does not decide asylum cases.", field="to_unit")
    at = not_future(at or timezone.now(), "at")
    workflow.apply(
        case,
        "send_for_decision",
        actor=actor,
        at=at,
        note=f"to {to_unit}",
        expected_version=expected_version,
    )
    return _send_referral(
        case, actor=actor, to_unit=to_unit, reason=reason.strip() or "Sent for decision.", at=at
    )


OUTCOME_TRANSITION = {"granted": "grant", "refused": "refuse", "other_country": "other_country"}


@transaction.atomic
def decide(
    case: AsylumCase,
    *,
    actor: Actor,
    outcome: str,
    reasoning: str,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> Decision:
    """The directorate decides: the case becomes its own, and the decision is recorded."""
    choice(outcome, Decision.Outcome, "outcome")
    if not reasoning.strip():
        raise DomainError("Give the reasoning of the decision.", field="reasoning")
    at = not_future(at or timezone.now(), "at")
    referral = case.referrals.filter(status="pending").first()
    workflow.apply(
        case, OUTCOME_TRANSITION[outcome], actor=actor, at=at, expected_version=expected_version
    )
    if referral is not None:
        referral = _pending(referral)
        _close_referral(
            referral, actor=actor, at=at, reason="decided", status=Referral.Status.ACCEPTED
        )
    AsylumCase.objects.filter(pk=case.pk).update(owning_unit=actor.unit)
    decision = Decision.objects.create(
        case=case,
        outcome=outcome,
        decided_at=at,
        decided_by=actor.user,
        unit=actor.unit,
        reasoning=reasoning.strip(),
    )
    audit.record(actor, "case.decided", decision, related=case, payload={"outcome": outcome})
    return decision


@transaction.atomic
def withdraw_claim(
    case: AsylumCase,
    *,
    actor: Actor,
    reason: str,
    at: datetime | None = None,
    expected_version: int | None = None,
):
    """The person withdraws the claim; open tasks are cancelled and clocks stopped."""
    if not reason.strip():
        raise DomainError("Say how the withdrawal was made known.", field="reason")
    at = not_future(at or timezone.now(), "at")
    return workflow.apply(
        case,
        "withdraw_claim",
        actor=actor,
        at=at,
        note=reason.strip(),
        expected_version=expected_version,
    )


@transaction.atomic
def close_case(
    case: AsylumCase,
    *,
    actor: Actor,
    at: datetime | None = None,
    expected_version: int | None = None,
):
    at = not_future(at or timezone.now(), "at")
    return workflow.apply(case, "close", actor=actor, at=at, expected_version=expected_version)


# --- one entry for pages and the API -------------------------------------------------------


def _unit_field(fields: dict, name: str) -> Unit:
    raw = str(fields.get(name) or "").strip()
    if not raw:
        raise DomainError("Choose the unit.", field=name)
    unit = Unit.objects.filter(code=raw).first()
    if unit is None and raw.isdigit():
        unit = Unit.objects.filter(pk=int(raw)).first()
    if unit is None:
        raise DomainError(f"No unit {raw!r}.", field=name)
    return unit


def _instant_field(fields: dict, name: str, *, default_now: bool = False) -> datetime:
    raw = fields.get(name)
    if raw in (None, "") and default_now:
        return timezone.now()
    if isinstance(raw, datetime):
        value = raw
    else:
        try:
            value = datetime.fromisoformat(str(raw))
        except ValueError:
            raise DomainError(
                f"{name} must be a date and time, e.g. 2025-08-25T10:00+02:00.", field=name
            ) from None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)  # a form's local time: Europe/Oslo
    return value


def _text(fields: dict, name: str) -> str:
    return str(fields.get(name) or "")


def _pending_for(case: AsylumCase, actor: Actor) -> Referral:
    referral = case.referrals.filter(status="pending").first()
    if referral is None:
        raise DomainError("There is no pending referral on this case.")
    return referral


def perform(
    case: AsylumCase,
    name: str,
    *,
    actor: Actor,
    fields: dict | None = None,
    expected_version: int | None = None,
):
    """Take workflow step `name` on `case` with the inputs the step needs (as a form or a
    JSON body gives them). Pages and the API both come through here."""
    f = fields or {}
    v = {"expected_version": expected_version}
    workflow.get(name)  # unknown names are a clear error
    if expected_version is not None and case.version != expected_version:
        # Before the steps that look up a pending referral, which a stale page would miss;
        # workflow.apply checks again under the row lock.
        case.refresh_from_db(fields=["version"])
        if case.version != expected_version:
            raise Conflict(
                f"{case.reference} was changed by someone else (now version "
                f"{case.version}, you had {expected_version}). Reload and try again."
            )
    if name == "refer":
        return refer_case(
            case, actor=actor, to_unit=_unit_field(f, "to_unit"), reason=_text(f, "reason"), **v
        )
    if name == "accept_referral":
        return accept_referral(_pending_for(case, actor), actor=actor, **v)
    if name == "reject_referral":
        return reject_referral(
            _pending_for(case, actor), actor=actor, reason=_text(f, "reason"), **v
        )
    if name == "withdraw_referral":
        return withdraw_referral(
            _pending_for(case, actor), actor=actor, reason=_text(f, "reason"), **v
        )
    if name == "register":
        return register_application(case, actor=actor, **v)
    if name == "start_verification":
        return start_verification(case, actor=actor, **v)
    if name == "record_interview":
        return record_asylum_interview(
            case,
            actor=actor,
            held_at=_instant_field(f, "held_at", default_now=True),
            summary=_text(f, "summary"),
            interpreter=_text(f, "interpreter"),
            language=_text(f, "language"),
            **v,
        )
    if name == "send_for_decision":
        return send_for_decision(
            case, actor=actor, to_unit=_unit_field(f, "to_unit"), reason=_text(f, "reason"), **v
        )
    if name in OUTCOME_TRANSITION.values():
        outcome = {t: o for o, t in OUTCOME_TRANSITION.items()}[name]
        return decide(case, actor=actor, outcome=outcome, reasoning=_text(f, "reasoning"), **v)
    if name == "withdraw_claim":
        return withdraw_claim(case, actor=actor, reason=_text(f, "reason"), **v)
    if name == "close":
        return close_case(case, actor=actor, **v)
    raise DomainError(f"The step {name!r} has no service function.")  # pragma: no cover


# --- notifications -------------------------------------------------------------------------


@transaction.atomic
def mark_notification_read(notification, *, actor: Actor, at: datetime | None = None):
    """Mark one of the unit's notifications as read. Marking it again changes nothing."""
    from .models import Notification

    notification = Notification.objects.select_for_update().get(pk=notification.pk)
    if actor.user is None or not actor.acts_for(notification.unit_id):
        raise AccessDenied("Only members acting for the notified unit may mark it as read.")
    if notification.read_at is not None:
        return notification
    notification.read_at = not_future(at or timezone.now(), "at")
    notification.read_by = actor.user
    notification.save(update_fields=["read_at", "read_by"])
    audit.record(actor, "notification.read", notification, related=notification.case)
    return notification
