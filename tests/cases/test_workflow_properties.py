"""Properties of the workflow under random sequences of steps by random people: no case
reaches an undeclared state, its history ends where the case is, and its owner is always
the unit that last accepted it (or the unit that opened it)."""

from datetime import timedelta

from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from borderwatch.border import services as border
from borderwatch.cases import services
from borderwatch.cases.choices import CaseState
from borderwatch.cases.models import AsylumCase, Referral, Task
from borderwatch.lib.errors import DomainError

# (step, its input, who would normally take it)
STEPS = [
    ("refer", {"to_unit": "pu", "reason": "registration"}, "police"),
    ("refer", {"to_unit": "udi", "reason": "for the directorate"}, "pu"),
    ("accept_referral", {}, "pu"),
    ("accept_referral", {}, "udi"),
    ("reject_referral", {"reason": "not ours"}, "pu"),
    ("withdraw_referral", {"reason": "sent by mistake"}, "police"),
    ("register", {}, "pu"),
    ("start_verification", {}, "pu"),
    ("complete_tasks", {}, "pu"),
    ("record_interview", {"summary": "account given"}, "pu"),
    ("send_for_decision", {"to_unit": "udi"}, "pu"),
    ("send_for_decision", {"to_unit": "pu"}, "pu"),
    ("grant", {"reasoning": "well-founded fear"}, "udi"),
    ("refuse", {"reasoning": "no risk on return"}, "udi"),
    ("other_country", {"reasoning": "Dublin"}, "udi"),
    ("withdraw_claim", {"reason": "letter"}, "pu"),
    ("close", {}, "udi"),
]
ACTORS = ["police", "pu", "udi", "other_police"]


def _owner_by_referrals(case: AsylumCase, opened_by_unit_id: int) -> int:
    accepted = (
        case.referrals.filter(status=Referral.Status.ACCEPTED).order_by("answered_at", "id").last()
    )
    return accepted.to_unit_id if accepted else opened_by_unit_id


def _legal_choices(case, actors):
    """(step index, actor) pairs the workflow would allow now."""
    from borderwatch.cases import workflow

    out = []
    for who, actor in actors.items():
        names = {t.name for t in workflow.allowed(case, actor)}
        if who == "pu" and case.tasks.filter(status=Task.Status.OPEN).exists():
            names.add("complete_tasks")
        out += [(i, who) for i, (n, _, _) in enumerate(STEPS) if n in names]
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_random_steps_keep_the_case_consistent(request, world, data):
    actors = {name: request.getfixturevalue(name) for name in ACTORS}
    police = actors["police"]
    at = timezone.now() - timedelta(days=2)
    incident = border.open_incident(actor=police, occurred_from=at)
    custody = services.record_apprehension(
        incident, actor=police, apprehended_at=at, legal_basis="criminal_arrest", person={}
    )
    case = services.record_asylum_request(custody.person, actor=police, requested_at=at)
    taken = []
    for _ in range(data.draw(st.integers(min_value=1, max_value=30), label="steps")):
        case.refresh_from_db()
        legal = _legal_choices(case, actors)
        if legal and data.draw(st.integers(0, 9), label="dice") < 7:
            index, who = data.draw(st.sampled_from(legal), label="legal step")
        else:  # anything, by anyone: must be refused cleanly or be legal
            index = data.draw(st.integers(0, len(STEPS) - 1), label="any step")
            who = data.draw(st.sampled_from(ACTORS), label="anyone")
        name, fields, _usual = STEPS[index]
        actor = actors[who]
        try:
            if name == "complete_tasks":
                for task in case.tasks.filter(status=Task.Status.OPEN):
                    services.complete_task(task, actor=actor, result="checked")
            else:
                services.perform(
                    case, name, actor=actor, fields=fields, expected_version=case.version
                )
            taken.append((name, who))
            event(f"took {name}")
        except DomainError:
            pass  # refused steps change nothing; the invariants below must still hold
        case.refresh_from_db()
        assert case.state in CaseState.values
        last = case.transitions.order_by("at", "id").last()
        assert last.to_state == case.state, (taken, last.name)
        assert case.owning_unit_id == _owner_by_referrals(case, police.unit.pk), taken
        assert case.referrals.filter(status="pending").count() <= 1
        if case.state in {"granted", "refused", "other_country"}:
            assert case.decision.outcome == case.state
