"""The asylum case's transitions, declared once, and `apply()`, the only status setter.

Each transition names where it may start, where it goes, which roles may take it, whose
turn it is (the owning unit, or the unit a pending referral is addressed to), its guard
(why it may be refused even in the right state), the inputs it needs, and its effects
(tasks created, clocks started or stopped). The policy module reads this table;
cases/services.py turns a request into `apply()`; docs/workflow.md is generated from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borderwatch.access import audit, policy
from borderwatch.access.actor import ROLE, Actor
from borderwatch.lib.errors import AccessDenied, Conflict, DomainError

from . import clocks
from .choices import OPEN, CaseState
from .models import AsylumCase, CaseTransition, Task

Guard = Callable[[AsylumCase], str | None]
Effect = Callable[[AsylumCase, Actor, datetime], None]

DEFAULT_TASKS = [
    Task.Kind.IDENTITY,
    Task.Kind.DOCUMENTS,
    Task.Kind.FINGERPRINTS,
    Task.Kind.CLAIMS,
    Task.Kind.WATCHLISTS,
]


def no_open_tasks(case: AsylumCase) -> str | None:
    """Refused while verification tasks are open."""
    n = case.tasks.filter(status=Task.Status.OPEN).count()
    if n:
        return f"{n} verification task(s) are still open; complete or cancel them first."
    return None


def pending_referral(case: AsylumCase) -> str | None:
    """Refused unless a referral of the case waits for an answer."""
    if not case.referrals.filter(status="pending").exists():
        return "There is no pending referral on this case."
    return None


def has_asylum_interview(case: AsylumCase) -> str | None:
    """Refused until the asylum interview is recorded."""
    if not case.interviews.filter(kind="asylum").exists():
        return "Record the asylum interview first."
    return None


def create_verification_tasks(case: AsylumCase, actor: Actor, at: datetime) -> None:
    """Creates the verification tasks (identity, documents, fingerprints, claims,
    watch-lists), each due after BORDERWATCH_TASK_HOURS, with its clock."""
    due = at + clocks.hours("BORDERWATCH_TASK_HOURS")
    for kind in DEFAULT_TASKS:
        task = Task.objects.create(case=case, kind=kind, unit=actor.unit, due_at=due, created_at=at)
        clocks.start(
            "task",
            unit=actor.unit,
            started_at=at,
            due_at=due,
            case=case,
            task=task,
            source="practice: BORDERWATCH_TASK_HOURS",
        )


def stop_registration_clock(case: AsylumCase, actor: Actor, at: datetime) -> None:
    """Stops the registration clock."""
    clocks.stop(at=at, reason="registered", case=case, kinds=["registration"])


def end_open_work(case: AsylumCase, actor: Actor, at: datetime) -> None:
    """Cancels open tasks and stops every running clock of the case."""
    case.tasks.filter(status=Task.Status.OPEN).update(status=Task.Status.CANCELLED, completed_at=at)
    clocks.stop(at=at, reason=f"case {case.get_state_display().lower()}", case=case)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    turn: str = "owner"  # "owner" or "receiver" (the unit a pending referral goes to)
    guard: Guard | None = None
    needs: tuple[str, ...] = ()  # inputs the service function asks for
    effects: tuple[Effect, ...] = field(default=())


def _t(
    name, label, sources, target, roles, *, turn="owner", guard=None, needs=(), effects=()
) -> Transition:
    return Transition(
        name,
        label,
        frozenset(sources),
        target,
        frozenset(roles),
        turn,
        guard,
        tuple(needs),
        tuple(effects),
    )


POLICE = ROLE.POLICE_OPERATIONS
PU = ROLE.IMMIGRATION_CASEWORKER
UDI = ROLE.DECISION_CASEWORKER
S = CaseState

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        _t(
            "refer",
            _("Refer to another unit"),
            [S.CLAIMED, S.ACCEPTED, S.REGISTERED],
            S.REFERRED,
            [POLICE, PU],
            needs=("to_unit", "reason"),
        ),
        _t(
            "accept_referral",
            _("Accept the referral"),
            [S.REFERRED],
            S.ACCEPTED,
            [PU, UDI],
            turn="receiver",
            guard=pending_referral,
        ),
        _t(
            "reject_referral",
            _("Reject the referral"),
            [S.REFERRED],
            S.CLAIMED,
            [PU, UDI],
            turn="receiver",
            guard=pending_referral,
            needs=("reason",),
        ),
        _t(
            "withdraw_referral",
            _("Withdraw the referral"),
            [S.REFERRED],
            S.CLAIMED,
            [POLICE, PU],
            guard=pending_referral,
            needs=("reason",),
        ),
        _t(
            "register",
            _("Register the application"),
            [S.ACCEPTED],
            S.REGISTERED,
            [PU],
            effects=[stop_registration_clock],
        ),
        _t(
            "start_verification",
            _("Start verifying identity and claims"),
            [S.REGISTERED],
            S.UNDER_VERIFICATION,
            [PU],
            effects=[create_verification_tasks],
        ),
        _t(
            "record_interview",
            _("Record the asylum interview"),
            [S.REGISTERED, S.UNDER_VERIFICATION],
            S.INTERVIEWED,
            [PU],
            needs=("held_at", "summary"),
        ),
        _t(
            "send_for_decision",
            _("Send for decision"),
            [S.INTERVIEWED],
            S.SENT_FOR_DECISION,
            [PU],
            guard=no_open_tasks,
            needs=("to_unit",),
        ),
        _t(
            "grant",
            _("Grant protection"),
            [S.SENT_FOR_DECISION],
            S.GRANTED,
            [UDI],
            turn="receiver",
            guard=pending_referral,
            needs=("reasoning",),
            effects=[end_open_work],
        ),
        _t(
            "refuse",
            _("Refuse"),
            [S.SENT_FOR_DECISION],
            S.REFUSED,
            [UDI],
            turn="receiver",
            guard=pending_referral,
            needs=("reasoning",),
            effects=[end_open_work],
        ),
        _t(
            "other_country",
            _("Another country is responsible (Dublin)"),
            [S.SENT_FOR_DECISION],
            S.OTHER_COUNTRY,
            [UDI],
            turn="receiver",
            guard=pending_referral,
            needs=("reasoning",),
            effects=[end_open_work],
        ),
        _t(
            "withdraw_claim",
            _("The person withdraws the claim"),
            OPEN - {S.REFERRED, S.SENT_FOR_DECISION},
            S.WITHDRAWN,
            [POLICE, PU],
            needs=("reason",),
            effects=[end_open_work],
        ),
        _t(
            "close",
            _("Close the case"),
            [S.GRANTED, S.REFUSED, S.OTHER_COUNTRY, S.WITHDRAWN],
            S.CLOSED,
            [PU, UDI],
            effects=[end_open_work],
        ),
    ]
}


def get(name: str) -> Transition:
    try:
        return TRANSITIONS[name]
    except KeyError:
        raise DomainError(f"There is no step called {name!r}.", field="transition") from None


def check(case: AsylumCase, transition: Transition, actor: Actor) -> None:
    """Raise a DomainError saying why `actor` may not take `transition` now."""
    if not policy.may_transition(actor, case, transition):
        raise AccessDenied(
            f"Your role in {actor.unit or 'no unit'} may not "
            f"'{transition.label.lower()}' on {case.reference}."
        )
    if case.state not in transition.sources:
        raise DomainError(
            f"{case.reference} is '{case.get_state_display().lower()}'; "
            f"'{transition.label.lower()}' is not possible from there."
        )
    if transition.guard:
        problem = transition.guard(case)
        if problem:
            raise DomainError(problem)


def allowed(case: AsylumCase, actor: Actor) -> list[Transition]:
    """The steps this actor could take on this case now (for buttons)."""
    out = []
    for t in TRANSITIONS.values():
        try:
            check(case, t, actor)
        except DomainError:
            continue
        out.append(t)
    return out


@transaction.atomic
def apply(
    case: AsylumCase,
    name: str,
    *,
    actor: Actor,
    at=None,
    note: str = "",
    expected_version: int | None = None,
) -> CaseTransition:
    """Move `case` along transition `name`; the only place a case's state is set."""
    transition = get(name)
    case = AsylumCase.objects.select_for_update().get(pk=case.pk)
    if expected_version is not None and case.version != expected_version:
        raise Conflict(
            f"{case.reference} was changed by someone else (now version "
            f"{case.version}, you had {expected_version}). Reload and try again."
        )
    check(case, transition, actor)
    at = at or timezone.now()
    step = _move(case, transition, actor=actor, at=at, note=note)
    case.refresh_from_db()
    for effect in transition.effects:
        effect(case, actor, at)
    return step


def _move(case, transition, *, actor, at, note) -> CaseTransition:
    from_state = case.state
    updated = AsylumCase.objects.filter(pk=case.pk, version=case.version).update(
        state=transition.target, version=case.version + 1, updated_at=timezone.now()
    )
    if not updated:
        raise Conflict(f"{case.reference} was changed by someone else. Reload and try again.")
    case.refresh_from_db()
    step = CaseTransition.objects.create(
        case=case,
        name=transition.name,
        from_state=from_state,
        to_state=transition.target,
        at=at,
        actor=actor.user,
        actor_name=actor.name,
        unit=actor.unit,
        note=note,
    )
    audit.record(
        actor,
        "case.transition",
        case,
        payload={"name": transition.name, "from": from_state, "to": transition.target},
    )
    return step


def open_case_history(case: AsylumCase, *, actor: Actor, at) -> CaseTransition:
    """The first history row of a new case (claimed); called by cases.services only."""
    return CaseTransition.objects.create(
        case=case,
        name="claim",
        from_state="",
        to_state=case.state,
        at=at,
        actor=actor.user,
        actor_name=actor.name,
        unit=actor.unit,
    )
