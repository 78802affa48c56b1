"""Personal-data duties: a person's data for an access request, and pseudonymisation when
the retention period has run out (GDPR Art 15 and Art 5(1)(e)).

Pseudonymising blanks what identifies or describes the person (names, scripts, date of
birth, language, vulnerabilities, claimed affiliation, document numbers and MRZ, interview
summaries and interpreters, task results and evidence) and keeps what statistics count
(the person row, nationality, the incidents, custody periods, case states and dates). The
audit trail records that it happened and which field groups; it never held the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError

from .models import IdentityDocument, Person

PERSON_FIELDS_BLANKED = [
    "given_names",
    "family_name",
    "name_original_script",
    "transliterations",
    "date_of_birth",
    "age_claimed",
    "language",
    "vulnerabilities",
    "claimed_affiliation",
]
OPEN_CASE_STATES = {
    "claimed",
    "referred",
    "accepted",
    "registered",
    "under_verification",
    "interviewed",
    "sent_for_decision",
}


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def export_person(person: Person, *, actor: Actor) -> dict:
    """Everything held about a person, for an access request (audited as an export)."""
    policy.require(actor, "person.export", person)
    data = {
        "reference": person.reference,
        "person": {
            f: _iso(getattr(person, f))
            for f in PERSON_FIELDS_BLANKED + ["nationality", "created_at", "pseudonymised_at"]
        },
        "documents": [
            {
                "kind": d.kind,
                "number": d.number,
                "issuing_state": d.issuing_state,
                "mrz": d.mrz,
                "verification": d.verification,
                "verified_at": _iso(d.verified_at),
            }
            for d in person.documents.all()
        ],
        "incidents": [
            {"reference": i.reference, "when": i.when, "place": str(i.place or "")}
            for i in person.incidents.all()
        ],
        "custody": [
            {
                "legal_basis": c.get_legal_basis_display(),
                "from": _iso(c.started_at),
                "court_deadline": _iso(c.court_deadline),
                "ended": _iso(c.ended_at),
                "end_reason": c.end_reason,
            }
            for c in person.custodies.all()
        ],
        "interviews": [
            {
                "kind": i.kind,
                "held_at": _iso(i.held_at),
                "language": i.language,
                "interpreter": i.interpreter,
                "summary": i.summary,
            }
            for i in person.interviews.all()
        ],
        "cases": [
            {
                "reference": c.reference,
                "state": c.get_state_display(),
                "claimed_at": _iso(c.claimed_at),
                "owning_unit": str(c.owning_unit),
                "history": [
                    {"at": _iso(t.at), "to": t.get_to_state_display(), "by": t.actor_name}
                    for t in c.transitions.all()
                ],
                "decision": (
                    {
                        "outcome": c.decision.get_outcome_display(),
                        "decided_at": _iso(c.decision.decided_at),
                        "reasoning": c.decision.reasoning,
                    }
                    if hasattr(c, "decision")
                    else None
                ),
            }
            for c in person.cases.select_related("owning_unit")
        ],
        "criminal_matters": [
            {"offence": m.offence, "status": m.status, "opened_at": _iso(m.opened_at)}
            for m in person.criminal_matters.all()
        ],
        "counsel": [
            {
                "lawyer": r.lawyer_name,
                "kind": r.get_kind_display(),
                "appointed_at": _iso(r.appointed_at),
            }
            for r in person.representations.all()
        ],
        "note": "Security-service assessments are not part of this export (restricted; "
        "exemptions apply).",
    }
    audit.record(
        actor,
        "person.exported",
        person,
        fields=["personal", "interview"],
        payload={"purpose": "access request"},
    )
    return data


def last_activity(person: Person) -> datetime:
    """The latest moment anything happened on the person's records."""
    moments = [person.created_at]
    for qs, fld in (
        (person.cases.all(), "updated_at"),
        (person.custodies.all(), "ended_at"),
        (person.custodies.all(), "started_at"),
        (person.interviews.all(), "held_at"),
    ):
        latest = qs.aggregate(m=Max(fld))["m"]
        if latest:
            moments.append(latest)
    return max(moments)


@transaction.atomic
def pseudonymise(person: Person, *, actor: Actor, at: datetime | None = None) -> Person:
    """Blank the person's identifying data; keep what statistics count."""
    policy.require(actor, "person.erase", person)
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.pseudonymised_at:
        raise DomainError(f"{person.reference} was pseudonymised already.")
    if person.cases.filter(state__in=OPEN_CASE_STATES).exists():
        raise DomainError(f"{person.reference} has an open case; it cannot be erased now.")
    if person.custodies.filter(ended_at__isnull=True).exists():
        raise DomainError(f"{person.reference} is in custody; it cannot be erased now.")
    at = at or timezone.now()
    Person.objects.filter(pk=person.pk).update(
        given_names="",
        family_name="",
        name_original_script="",
        transliterations=[],
        date_of_birth=None,
        age_claimed=None,
        language="",
        vulnerabilities="",
        claimed_affiliation="",
        pseudonymised_at=at,
    )
    IdentityDocument.objects.filter(person=person).update(number="", mrz="")
    person.interviews.update(summary="", interpreter="")
    from borderwatch.cases.models import Task

    Task.objects.filter(case__person=person).update(result="", evidence="")
    audit.record(
        actor,
        "person.pseudonymised",
        person,
        fields=["personal", "interview"],
        payload={
            "blanked": PERSON_FIELDS_BLANKED
            + ["documents.number", "documents.mrz", "interviews.summary", "tasks.result"]
        },
    )
    person.refresh_from_db()
    return person


@dataclass
class RetentionRun:
    due: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def apply_retention(
    *, actor: Actor, now: datetime | None = None, dry_run: bool = False
) -> RetentionRun:
    """Pseudonymise every person whose last activity is older than the retention period."""
    policy.require(actor, "person.erase")
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.BORDERWATCH_RETENTION_PERSON_DAYS)
    run = RetentionRun()
    candidates = Person.objects.filter(pseudonymised_at__isnull=True, created_at__lt=cutoff)
    candidates = candidates.exclude(
        Q(cases__state__in=OPEN_CASE_STATES) | Q(custodies__ended_at__isnull=True)
    ).distinct()
    for person in candidates:
        if last_activity(person) >= cutoff:
            continue
        run.due.append(person.reference)
        if dry_run:
            continue
        try:
            pseudonymise(person, actor=actor, at=now)
        except DomainError as exc:
            run.skipped.append(f"{person.reference}: {exc.message}")
        else:
            run.done.append(person.reference)
    return run
