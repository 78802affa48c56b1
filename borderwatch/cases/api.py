"""API of the case workflow: work queues, the case document, transitions with optimistic
locking, the timeline, referrals, tasks and the unit's notifications.

Signed-in people only (session; CSRF token on writes). Every handler starts at the policy
(`policy.cases_visible_to` / `get_case_for`): a case, referral or task the reader may not
see is 404, a step they may not take on a case they see is 403, and a change made on a
version someone else changed since is 409 with nothing overwritten. Writes go through
`cases.services`; the case document is cut down by `cases.redact.case_document`.
"""

from __future__ import annotations

import base64
import json
import operator
from dataclasses import dataclass, replace
from datetime import datetime
from functools import reduce

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from ninja import Query, Router

from borderwatch.access import policy
from borderwatch.access.actor import Actor
from borderwatch.access.models import User
from borderwatch.api import session
from borderwatch.lib.errors import DomainError, NotVisible
from borderwatch.lib.schemas import Out

from . import queues, services
from .models import AsylumCase, Notification, Referral, Task
from .queries import case_timeline, read_case
from .redact import case_document, case_head, referral_out, unit_out
from .schemas import (
    AcceptIn,
    AssignIn,
    CaseDocument,
    CaseFilters,
    CasePage,
    CompleteIn,
    NotificationFilters,
    NotificationOut,
    NotificationPage,
    ReasonIn,
    ReferralFilters,
    ReferralOut,
    ReferralPage,
    TaskFilters,
    TaskOut,
    TaskPage,
    TimelineOut,
    TransitionIn,
)

router = Router(tags=["cases"], auth=session)


class ErrorOut(Out):
    detail: str
    field: str | None = None


ERRORS = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


def _actor(request) -> Actor:
    """The signed-in person, audited as acting through the API."""
    return replace(request.actor, channel="api")


# --- keyset pages ------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One column of a page's order. Nullable keys sort their nulls last either way."""

    name: str
    desc: bool = False
    nullable: bool = False


def _order(keys: list[Key]) -> list:
    out = []
    for k in keys:
        if k.nullable:
            out.append(
                F(k.name).desc(nulls_last=True) if k.desc else F(k.name).asc(nulls_last=True)
            )
        else:
            out.append(f"-{k.name}" if k.desc else k.name)
    return out


def _after(keys: list[Key], values: list) -> Q:
    """Rows that come after `values` in the order of `keys` (the last key is unique)."""
    alternatives = []
    same = Q()
    for k, v in zip(keys, values, strict=True):
        if v is None:  # nulls come last: nothing follows a null but more of its kind
            same &= Q(**{f"{k.name}__isnull": True})
            continue
        step = Q(**{f"{k.name}__{'lt' if k.desc else 'gt'}": v})
        if k.nullable:
            step |= Q(**{f"{k.name}__isnull": True})
        alternatives.append(same & step)
        same &= Q(**{k.name: v})
    return reduce(operator.or_, alternatives)


def _plain(value):
    return {"t": value.isoformat()} if isinstance(value, datetime) else value


def _encode(tag: str, row, keys: list[Key]) -> str:
    values = [_plain(getattr(row, k.name)) for k in keys]
    raw = json.dumps([tag, values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(tag: str, cursor: str, keys: list[Key]) -> list:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got, values = json.loads(raw)
        if got != tag or len(values) != len(keys):
            raise ValueError(cursor)
        return [datetime.fromisoformat(v["t"]) if isinstance(v, dict) else v for v in values]
    except (ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise DomainError(
            "The cursor is not one this API gave out for this list and order.", field="cursor"
        ) from None


def _page(qs, keys: list[Key], tag: str, limit: int, cursor: str | None):
    """One page of `qs` in the order of `keys`, and the cursor of the next (or None)."""
    if cursor:
        try:
            qs = qs.filter(_after(keys, _decode(tag, cursor, keys)))
        except (ValidationError, ValueError, TypeError):  # a value of the wrong kind
            raise DomainError(
                "The cursor is not one this API gave out for this list and order.",
                field="cursor",
            ) from None
    rows = list(qs.order_by(*_order(keys))[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (_encode(tag, rows[-1], keys) if more else None)


# --- cases -------------------------------------------------------------------------------

# The queue sorts of cases.queues, made total (the id breaks ties) so that they page.
CASE_KEYS = {
    "due": [Key("next_due", nullable=True), Key("claimed_at", desc=True), Key("id", desc=True)],
    "-due": [
        Key("next_due", desc=True, nullable=True),
        Key("claimed_at", desc=True),
        Key("id", desc=True),
    ],
    "claimed": [Key("claimed_at"), Key("id")],
    "-claimed": [Key("claimed_at", desc=True), Key("id", desc=True)],
    "state": [Key("state"), Key("claimed_at", desc=True), Key("id", desc=True)],
    "updated": [Key("updated_at", desc=True), Key("id", desc=True)],
}


def _summary(case: AsylumCase) -> dict:
    return {
        "id": case.pk,
        "reference": case.reference,
        "state": case.state,
        "state_label": case.get_state_display(),
        "owning_unit": unit_out(case.owning_unit),
        "claimed_at": case.claimed_at,
        "updated_at": case.updated_at,
        "version": case.version,
        "next_due": case.next_due,
        "incident_reference": case.incident.reference if case.incident_id else None,
    }


@router.get("/cases", response=CasePage, summary="A work queue of cases")
def list_cases(request, filters: Query[CaseFilters]):
    """The cases of one queue of your unit, in pages (keyset cursor), with how many cases
    each queue holds. No person's data: open a case for that."""
    actor = _actor(request)
    qs = queues.cases(actor, filters.queue, state=filters.state or "", sort=filters.sort)
    rows, nxt = _page(
        qs, CASE_KEYS[filters.sort], f"cases:{filters.sort}", filters.limit, filters.cursor
    )
    return {
        "queue": filters.queue,
        "sort": filters.sort,
        "items": [_summary(c) for c in rows],
        "next_cursor": nxt,
        "counts": queues.counts(actor),
    }


@router.get(
    "/cases/{case_id}",
    response={200: CaseDocument, 404: ErrorOut},
    exclude_unset=True,
    summary="One case, as far as you may read it",
)
def get_case(request, case_id: int):
    """The case with the parts your field groups cover (`groups`); the others are left
    out. The read is written to the audit trail."""
    actor = _actor(request)
    case, groups = read_case(actor, case_id, what="api")
    return case_document(case, actor, groups)


def _document_after_change(actor: Actor, pk: int) -> dict:
    try:
        case, groups = read_case(actor, pk, what="api")
    except NotVisible:  # e.g. a rejected referral: the case went back to its sender
        return case_head(AsylumCase.objects.get(pk=pk), ())
    return case_document(case, actor, groups)


@router.post(
    "/cases/{case_id}/transitions",
    response={200: CaseDocument, **ERRORS},
    exclude_unset=True,
    summary="Take a workflow step",
)
def post_transition(request, case_id: int, payload: TransitionIn):
    """Take one of the case's `allowed_transitions` with the `fields` it needs, on the
    version you read. 409 if someone changed the case since (nothing is overwritten:
    reload and decide again); 400 naming the field at fault; 403 if the step is not
    yours. Answers with the case as it is now (only its head if you may no longer see it)."""
    actor = _actor(request)
    case = policy.get_case_for(actor, case_id)
    services.perform(
        case,
        payload.transition,
        actor=actor,
        fields=payload.fields,
        expected_version=payload.expected_version,
    )
    return _document_after_change(actor, case.pk)


@router.get(
    "/cases/{case_id}/timeline",
    response={200: TimelineOut, 404: ErrorOut},
    summary="A case's history in order",
)
def get_timeline(request, case_id: int):
    """Everything that happened to the case and the crossing behind it, oldest first.
    What your field groups do not cover (interview summaries, security assessments) is
    left out; that it happened is shown. Same as `borderwatch timeline --json`."""
    actor = _actor(request)
    case, _groups = read_case(actor, case_id, what="timeline")
    return {
        "case": case.reference,
        "state": case.state,
        "entries": [e.__dict__ for e in case_timeline(case, actor)],
    }


# --- referrals ---------------------------------------------------------------------------

REFERRAL_KEYS = [Key("sent_at", desc=True), Key("id", desc=True)]


def _referrals_for(actor: Actor):
    """Referrals of cases the actor may see, sent by or to the acting unit."""
    if actor.unit is None:
        return Referral.objects.none()
    unit = actor.unit.pk
    return Referral.objects.filter(
        Q(to_unit_id=unit) | Q(from_unit_id=unit),
        case__in=policy.cases_visible_to(actor).values("pk"),
    ).select_related("case", "from_unit", "to_unit")


def _referral_out(r: Referral) -> dict:
    return {
        **referral_out(r),
        "case": r.case_id,
        "case_reference": r.case.reference,
        "case_state": r.case.state,
        "case_version": r.case.version,
    }


@router.get("/referrals", response=ReferralPage, summary="Referrals to or from your unit")
def list_referrals(request, filters: Query[ReferralFilters]):
    """Referrals of the cases you may see, sent to your unit (incoming) or by it
    (outgoing), newest first. `case_version` is what to send as expected_version."""
    actor = _actor(request)
    if actor.unit is None:
        return {"items": [], "next_cursor": None}
    qs = _referrals_for(actor)
    if filters.direction == "incoming":
        qs = qs.filter(to_unit_id=actor.unit.pk)
    elif filters.direction == "outgoing":
        qs = qs.filter(from_unit_id=actor.unit.pk)
    if filters.status:
        qs = qs.filter(status=filters.status)
    rows, nxt = _page(qs, REFERRAL_KEYS, "referrals", filters.limit, filters.cursor)
    return {"items": [_referral_out(r) for r in rows], "next_cursor": nxt}


def _referral(actor: Actor, referral_id: int) -> Referral:
    return policy.get_visible(_referrals_for(actor), referral_id, "referral")


def _referral_now(pk: int) -> dict:
    return _referral_out(Referral.objects.select_related("case", "from_unit", "to_unit").get(pk=pk))


@router.post(
    "/referrals/{referral_id}/accept",
    response={200: ReferralOut, **ERRORS},
    summary="Accept a referral: your unit becomes the case's owner",
)
def accept_referral(request, referral_id: int, payload: AcceptIn):
    actor = _actor(request)
    referral = _referral(actor, referral_id)
    services.accept_referral(referral, actor=actor, expected_version=payload.expected_version)
    return _referral_now(referral.pk)


@router.post(
    "/referrals/{referral_id}/reject",
    response={200: ReferralOut, **ERRORS},
    summary="Reject a referral, saying why",
)
def reject_referral(request, referral_id: int, payload: ReasonIn):
    actor = _actor(request)
    referral = _referral(actor, referral_id)
    services.reject_referral(
        referral, actor=actor, reason=payload.reason, expected_version=payload.expected_version
    )
    return _referral_now(referral.pk)


@router.post(
    "/referrals/{referral_id}/withdraw",
    response={200: ReferralOut, **ERRORS},
    summary="Withdraw a referral your unit sent, saying why",
)
def withdraw_referral(request, referral_id: int, payload: ReasonIn):
    actor = _actor(request)
    referral = _referral(actor, referral_id)
    services.withdraw_referral(
        referral, actor=actor, reason=payload.reason, expected_version=payload.expected_version
    )
    return _referral_now(referral.pk)


# --- tasks -------------------------------------------------------------------------------

TASK_KEYS = [Key("due_at", nullable=True), Key("id")]


def _task_out(t: Task) -> dict:
    return {
        "id": t.pk,
        "case": t.case_id,
        "case_reference": t.case.reference,
        "kind": t.kind,
        "kind_label": t.get_kind_display(),
        "status": t.status,
        "unit": unit_out(t.unit),
        "assignee": t.assignee.username if t.assignee_id else None,
        "due_at": t.due_at,
        "created_at": t.created_at,
        "completed_at": t.completed_at,
    }


def _tasks_of_visible_cases(actor: Actor):
    return Task.objects.filter(case__in=policy.cases_visible_to(actor).values("pk")).select_related(
        "case", "unit", "assignee"
    )


@router.get("/tasks", response=TaskPage, summary="Your unit's verification tasks")
def list_tasks(request, filters: Query[TaskFilters]):
    """Tasks of your unit on cases you may see, soonest due first."""
    actor = _actor(request)
    if actor.unit is None:
        return {"items": [], "next_cursor": None}
    qs = _tasks_of_visible_cases(actor).filter(unit_id=actor.unit.pk)
    if filters.case is not None:
        qs = qs.filter(case_id=filters.case)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.mine:
        qs = qs.filter(assignee_id=actor.user.pk if actor.user else None)
    rows, nxt = _page(qs, TASK_KEYS, "tasks", filters.limit, filters.cursor)
    return {"items": [_task_out(t) for t in rows], "next_cursor": nxt}


def _task(actor: Actor, task_id: int) -> Task:
    return policy.get_visible(_tasks_of_visible_cases(actor), task_id, "task")


def _task_now(pk: int) -> dict:
    return _task_out(Task.objects.select_related("case", "unit", "assignee").get(pk=pk))


@router.post(
    "/tasks/{task_id}/complete",
    response={200: TaskOut, **ERRORS},
    summary="Record a task's result, or cancel it",
)
def complete_task(request, task_id: int, payload: CompleteIn):
    """Done with `result` (and `evidence`), or `cancelled` with the reason in `result`."""
    actor = _actor(request)
    task = _task(actor, task_id)
    services.complete_task(
        task,
        actor=actor,
        result=payload.result,
        evidence=payload.evidence,
        cancelled=payload.cancelled,
    )
    return _task_now(task.pk)


@router.post(
    "/tasks/{task_id}/assign",
    response={200: TaskOut, **ERRORS},
    summary="Give a task to a member of its unit (or to nobody)",
)
def assign_task(request, task_id: int, payload: AssignIn):
    actor = _actor(request)
    task = _task(actor, task_id)
    assignee = None
    if payload.assignee:
        assignee = User.objects.filter(username=payload.assignee).first()
        if assignee is None:
            raise DomainError(f"No user {payload.assignee!r}.", field="assignee")
    services.assign_task(task, actor=actor, assignee=assignee)
    return _task_now(task.pk)


# --- notifications -----------------------------------------------------------------------

NOTIFICATION_KEYS = [Key("is_read"), Key("created_at", desc=True), Key("id", desc=True)]


def _notifications_for(actor: Actor):
    return policy.notifications_visible_to(actor).annotate(
        is_read=ExpressionWrapper(Q(read_at__isnull=False), output_field=BooleanField())
    )


def _notification_out(n: Notification) -> dict:
    return {
        "id": n.pk,
        "kind": n.kind,
        "kind_label": n.get_kind_display(),
        "message": n.message,
        "case": n.case_id,
        "case_reference": AsylumCase(pk=n.case_id).reference if n.case_id else None,
        "created_at": n.created_at,
        "read_at": n.read_at,
        "read_by": n.read_by.username if n.read_by_id else None,
    }


@router.get(
    "/notifications", response=NotificationPage, summary="Your unit's notifications, unread first"
)
def list_notifications(request, filters: Query[NotificationFilters]):
    """Deadline warnings, overdue notices and escalations for the unit you act for: unread
    first, then newest first."""
    actor = _actor(request)
    qs = _notifications_for(actor)
    unread = qs.filter(read_at__isnull=True).count()
    if filters.unread:
        qs = qs.filter(read_at__isnull=True)
    rows, nxt = _page(
        qs.select_related("read_by"),
        NOTIFICATION_KEYS,
        "notifications",
        filters.limit,
        filters.cursor,
    )
    return {"items": [_notification_out(n) for n in rows], "next_cursor": nxt, "unread": unread}


@router.post(
    "/notifications/{notification_id}/read",
    response={200: NotificationOut, **ERRORS},
    summary="Mark a notification as read",
)
def read_notification(request, notification_id: int):
    actor = _actor(request)
    notification = policy.get_visible(_notifications_for(actor), notification_id, "notification")
    services.mark_notification_read(notification, actor=actor)
    return _notification_out(Notification.objects.select_related("read_by").get(pk=notification.pk))
