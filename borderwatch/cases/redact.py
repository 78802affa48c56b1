"""One case as a JSON document, cut down to the reader's field groups.

The one place where the API decides which parts of a case a reader gets. The groups come
from `policy.field_groups(actor, case)` (via `queries.read_case`):

- always: id, reference, state and its label, version, the groups;
- core: owning unit, claimed and updated times, incident reference; referrals (units,
  status, times, reasons); security notifications (that they exist, to whom, status,
  when); clocks (due, time left, rule); interviews and tasks (kind, when, unit, status,
  assignee); the decision's outcome; the steps the reader may take now;
- personal: the person (reference, names, nationality, language, claimed affiliation,
  date of birth or claimed age);
- interview: interviews' interviewer, interpreter, language and summary; tasks' result
  and evidence; the decision's reasoning;
- security: notifications' reason and the assessments (conclusion and text).

A part outside the groups is left out of the document (the key is absent), never sent as
null or as an empty string, so a client cannot mistake "hidden" for "empty".
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from borderwatch.access.actor import Actor

from . import workflow
from .models import AsylumCase, Clock, Decision

GROUPS = ("core", "personal", "interview", "security")


def unit_out(unit) -> dict:
    return {"code": unit.code, "name": str(unit)}


def _name(user, fallback: str = "") -> str | None:
    if user is None:
        return fallback or None
    return user.get_full_name() or user.username


def _or_none(value: str) -> str | None:
    return value or None


def case_head(case: AsylumCase, groups: Iterable[str]) -> dict:
    """What any reader of the case gets, whatever their groups."""
    return {
        "id": case.pk,
        "reference": case.reference,
        "state": case.state,
        "state_label": case.get_state_display(),
        "version": case.version,
        "groups": [g for g in GROUPS if g in groups],
    }


def case_document(case: AsylumCase, actor: Actor, groups: Iterable[str], *, now=None) -> dict:
    """The case as `actor` may read it with field groups `groups` (see the module doc)."""
    groups = set(groups)
    doc = case_head(case, groups)
    if "core" not in groups:
        return doc
    now = now or timezone.now()
    interview = "interview" in groups
    security = "security" in groups
    doc.update(
        owning_unit=unit_out(case.owning_unit),
        claimed_at=case.claimed_at,
        updated_at=case.updated_at,
        incident_reference=case.incident.reference if case.incident_id else None,
        referrals=[referral_out(r) for r in case.referrals.select_related("from_unit", "to_unit")],
        security_notifications=_notifications(case, security),
        clocks=[clock_out(c, now) for c in _clocks(case)],
        interviews=_interviews(case, interview),
        tasks=[task_out(t, interview) for t in case.tasks.select_related("unit", "assignee")],
        allowed_transitions=[
            {"name": t.name, "label": str(t.label), "needs": list(t.needs)}
            for t in workflow.allowed(case, actor)
        ],
    )
    decision = Decision.objects.filter(case=case).select_related("unit").first()
    if decision is not None:
        doc["decision"] = {
            "outcome": decision.outcome,
            "outcome_label": decision.get_outcome_display(),
            "decided_at": decision.decided_at,
            "unit": unit_out(decision.unit),
        }
        if interview:
            doc["decision"]["reasoning"] = decision.reasoning
    if "personal" in groups:
        doc["person"] = person_out(case.person)
    return doc


def referral_out(r) -> dict:
    return {
        "id": r.pk,
        "from_unit": unit_out(r.from_unit),
        "to_unit": unit_out(r.to_unit),
        "status": r.status,
        "status_label": r.get_status_display(),
        "reason": r.reason,
        "sent_at": r.sent_at,
        "answered_at": r.answered_at,
        "answer_reason": r.answer_reason,
        "escalated_at": r.escalated_at,
    }


def _notifications(case: AsylumCase, security: bool) -> list[dict]:
    qs = case.security_notifications.select_related("to_unit")
    if security:
        qs = qs.prefetch_related("assessments__unit")
    out = []
    for n in qs:
        item = {
            "id": n.pk,
            "to_unit": unit_out(n.to_unit),
            "status": n.status,
            "status_label": n.get_status_display(),
            "sent_at": n.sent_at,
        }
        if security:
            item["reason"] = n.reason
            item["assessments"] = [
                {
                    "assessed_at": a.assessed_at,
                    "unit": unit_out(a.unit),
                    "conclusion": a.conclusion,
                    "conclusion_label": a.get_conclusion_display(),
                    "text": a.text,
                }
                for a in n.assessments.all()
            ]
        out.append(item)
    return out


def _clocks(case: AsylumCase):
    """The case's clocks and those of the person's custody (the court deadline)."""
    return Clock.objects.filter(Q(case=case) | Q(custody__person_id=case.person_id)).select_related(
        "owning_unit"
    )


def clock_out(c: Clock, now) -> dict:
    running = c.stopped_at is None
    return {
        "kind": c.kind,
        "label": c.get_kind_display(),
        "owning_unit": unit_out(c.owning_unit),
        "started_at": c.started_at,
        "due_at": c.due_at,
        "running": running,
        "overdue": running and c.due_at < now,
        "seconds_left": int((c.due_at - now).total_seconds()) if running else None,
        "stopped_at": c.stopped_at,
        "stop_reason": c.stop_reason,
        "source": c.source,
    }


def _interviews(case: AsylumCase, interview: bool) -> list[dict]:
    """The person's interviews (police questioning before the case, too)."""
    out = []
    for i in case.person.interviews.select_related("owning_unit", "interviewer"):
        item = {
            "id": i.pk,
            "kind": i.kind,
            "kind_label": i.get_kind_display(),
            "held_at": i.held_at,
            "unit": unit_out(i.owning_unit),
        }
        if interview:
            item["interviewer"] = i.interviewer_name or _name(i.interviewer)
            item["interpreter"] = i.interpreter
            item["language"] = i.language
            item["summary"] = i.summary
        out.append(item)
    return out


def task_out(t, interview: bool) -> dict:
    item = {
        "id": t.pk,
        "kind": t.kind,
        "kind_label": t.get_kind_display(),
        "status": t.status,
        "unit": unit_out(t.unit),
        "assignee": t.assignee.username if t.assignee_id else None,
        "due_at": t.due_at,
        "completed_at": t.completed_at,
    }
    if interview:
        item["result"] = t.result
        item["evidence"] = t.evidence
    return item


def person_out(p) -> dict:
    return {
        "reference": p.reference,
        "given_names": _or_none(p.given_names),
        "family_name": _or_none(p.family_name),
        "name_original_script": _or_none(p.name_original_script),
        "transliterations": list(p.transliterations or []),
        "nationality": _or_none(p.nationality),
        "language": _or_none(p.language),
        "claimed_affiliation": _or_none(p.claimed_affiliation),
        "date_of_birth": p.date_of_birth,
        "age_claimed": p.age_claimed,
    }
