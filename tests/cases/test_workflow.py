"""The case workflow: every declared transition, its guard, and every illegal move."""

from datetime import timedelta

import pytest
from django.utils import timezone

from borderwatch.cases import services, workflow
from borderwatch.cases.choices import CaseState
from borderwatch.cases.models import Clock, Decision, Task
from borderwatch.lib.errors import AccessDenied, Conflict, DomainError


@pytest.fixture
def at():
    """A moving clock: each call is a minute later than the last, all in the past."""
    state = {"t": timezone.now() - timedelta(days=30)}

    def tick(minutes=1):
        state["t"] += timedelta(minutes=minutes)
        return state["t"]

    return tick


def work_to_interviewed(case, pu, at):
    services.register_application(case, actor=pu, at=at())
    services.start_verification(case, actor=pu, at=at())
    for task in case.tasks.all():
        services.complete_task(task, actor=pu, result="Checked: consistent", at=at())
    services.record_asylum_interview(
        case, actor=pu, held_at=at(), summary="Deserted in 2025", interpreter="Russian interpreter"
    )
    case.refresh_from_db()


def test_it_works_a_case_from_acceptance_to_a_decision(main_case, pu, udi, world, at):
    case = main_case
    assert case.clocks.running().filter(kind="registration").exists()
    services.register_application(case, actor=pu, at=at())
    assert not case.clocks.running().filter(kind="registration").exists()
    services.start_verification(case, actor=pu, at=at())
    assert sorted(case.tasks.values_list("kind", flat=True)) == sorted(workflow.DEFAULT_TASKS)
    assert case.clocks.running().filter(kind="task").count() == 5
    with pytest.raises(DomainError, match="Record the asylum interview|not possible"):
        services.send_for_decision(case, actor=pu, to_unit=world["udi"], at=at())
    for task in case.tasks.all():
        services.complete_task(task, actor=pu, result="ok", at=at())
    services.record_asylum_interview(case, actor=pu, held_at=at(), summary="Account given")
    referral = services.send_for_decision(case, actor=pu, to_unit=world["udi"], at=at())
    case.refresh_from_db()
    assert (case.state, case.owning_unit.code, referral.to_unit.code) == (
        "sent_for_decision",
        "pu",
        "udi",
    )
    decision = services.decide(
        case, actor=udi, outcome="granted", reasoning="Well-founded fear of persecution", at=at()
    )
    case.refresh_from_db()
    referral.refresh_from_db()
    assert (case.state, case.owning_unit.code, referral.status) == ("granted", "udi", "accepted")
    assert decision.outcome == "granted"
    services.close_case(case, actor=udi, at=at())
    case.refresh_from_db()
    assert case.state == "closed"
    assert not Clock.objects.running().filter(case=case).exists()
    names = list(case.transitions.values_list("name", flat=True))
    assert names == [
        "claim",
        "refer",
        "accept_referral",
        "register",
        "start_verification",
        "record_interview",
        "send_for_decision",
        "grant",
        "close",
    ]


def test_it_refuses_to_send_for_decision_with_open_tasks(main_case, pu, world, at):
    services.register_application(main_case, actor=pu, at=at())
    services.start_verification(main_case, actor=pu, at=at())
    services.record_asylum_interview(main_case, actor=pu, held_at=at(), summary="s")
    with pytest.raises(DomainError, match="5 verification task"):
        services.send_for_decision(main_case, actor=pu, to_unit=world["udi"], at=at())
    main_case.refresh_from_db()
    assert main_case.state == "interviewed"


def test_it_sends_for_decision_only_to_a_directorate(main_case, pu, world, at):
    work_to_interviewed(main_case, pu, at)
    with pytest.raises(DomainError, match="does not decide"):
        services.send_for_decision(main_case, actor=pu, to_unit=world["pst"], at=at())


def test_it_lets_only_the_directorate_decide(main_case, pu, udi, world, at):
    work_to_interviewed(main_case, pu, at)
    services.send_for_decision(main_case, actor=pu, to_unit=world["udi"], at=at())
    with pytest.raises(AccessDenied):
        services.decide(main_case, actor=pu, outcome="granted", reasoning="r", at=at())
    with pytest.raises(DomainError, match="reasoning"):
        services.decide(main_case, actor=udi, outcome="refused", reasoning=" ", at=at())
    with pytest.raises(DomainError, match="outcome"):
        services.decide(main_case, actor=udi, outcome="maybe", reasoning="r", at=at())
    assert not Decision.objects.exists()


def test_it_withdraws_a_referral_and_stops_its_clock(story, police, world, at):
    from borderwatch.border import services as border
    from borderwatch.cases.models import Referral

    incident = border.open_incident(actor=police, occurred_from=at())
    custody = services.record_apprehension(
        incident, actor=police, apprehended_at=at(), legal_basis="criminal_arrest", person={}
    )
    case = services.record_asylum_request(custody.person, actor=police, requested_at=at())
    referral = services.refer_case(case, actor=police, to_unit=world["pu"], reason="r", at=at())
    assert referral.clocks.running().count() == 1
    with pytest.raises(DomainError, match="why"):
        services.withdraw_referral(referral, actor=police, reason="")
    services.withdraw_referral(referral, actor=police, reason="Sent to the wrong unit", at=at())
    referral.refresh_from_db()
    case.refresh_from_db()
    assert (referral.status, case.state) == (Referral.Status.WITHDRAWN, "claimed")
    assert referral.clocks.running().count() == 0


def test_it_cancels_open_tasks_when_the_claim_is_withdrawn(main_case, pu, at):
    services.register_application(main_case, actor=pu, at=at())
    services.start_verification(main_case, actor=pu, at=at())
    services.withdraw_claim(main_case, actor=pu, reason="Letter from the applicant", at=at())
    assert set(main_case.tasks.values_list("status", flat=True)) == {Task.Status.CANCELLED}
    assert not main_case.clocks.running().exists()


def test_it_guards_tasks(main_case, pu, police, at):
    services.register_application(main_case, actor=pu, at=at())
    services.start_verification(main_case, actor=pu, at=at())
    task = main_case.tasks.first()
    with pytest.raises(AccessDenied):
        services.complete_task(task, actor=police, result="x")
    with pytest.raises(DomainError, match="result"):
        services.complete_task(task, actor=pu, result="  ")
    services.complete_task(task, actor=pu, result="Passport genuine", evidence="scan 17", at=at())
    with pytest.raises(DomainError, match="done already"):
        services.complete_task(task, actor=pu, result="again")
    with pytest.raises(DomainError, match="not a member"):
        services.assign_task(main_case.tasks.last(), actor=pu, assignee=police.user)
    services.assign_task(main_case.tasks.last(), actor=pu, assignee=pu.user)


ALL_STATES = list(CaseState)


@pytest.mark.parametrize("name", list(workflow.TRANSITIONS))
def test_every_transition_is_refused_from_every_other_state(name, main_case, pu, udi, police):
    from borderwatch.cases.models import AsylumCase

    transition = workflow.TRANSITIONS[name]
    for state in ALL_STATES:
        if state in transition.sources:
            continue
        AsylumCase.objects.filter(pk=main_case.pk).update(state=state)
        main_case.refresh_from_db()
        for actor in (pu, udi, police):
            with pytest.raises(DomainError):
                workflow.apply(main_case, name, actor=actor)
    assert transition.target in CaseState.values


def test_every_transition_declares_roles_and_reaches_a_declared_state():
    for t in workflow.TRANSITIONS.values():
        assert t.roles and t.sources
        assert set(t.sources) <= set(CaseState.values)
        assert t.target in CaseState.values
        assert t.turn in {"owner", "receiver"}


def test_it_refuses_a_stale_version(main_case, pu, at):
    stale = main_case.version
    services.register_application(main_case, actor=pu, at=at())
    with pytest.raises(Conflict, match="changed by someone else"):
        services.start_verification(main_case, actor=pu, expected_version=stale)
    main_case.refresh_from_db()
    assert main_case.state == "registered"


def test_every_transition_has_a_way_in_through_perform(main_case, pu, udi, world):
    """Pages and the API take every step through services.perform, with form-like input."""
    case = main_case
    steps = [
        (pu, "register", {}),
        (pu, "start_verification", {}),
    ]
    for actor, name, fields in steps:
        services.perform(case, name, actor=actor, fields=fields)
    for task in case.tasks.all():
        services.complete_task(task, actor=pu, result="ok")
    services.perform(
        case, "record_interview", actor=pu, fields={"summary": "Account given", "held_at": ""}
    )
    with pytest.raises(DomainError, match="No unit 'nowhere'"):
        services.perform(case, "send_for_decision", actor=pu, fields={"to_unit": "nowhere"})
    services.perform(case, "send_for_decision", actor=pu, fields={"to_unit": "udi"})
    services.perform(case, "refuse", actor=udi, fields={"reasoning": "No risk on return"})
    services.perform(case, "close", actor=udi)
    case.refresh_from_db()
    assert (case.state, case.decision.outcome) == ("closed", "refused")
    with pytest.raises(DomainError, match="no step called"):
        services.perform(case, "shred", actor=udi)


def test_perform_names_a_bad_time(main_case, pu):
    services.perform(main_case, "register", actor=pu)
    services.perform(main_case, "start_verification", actor=pu)
    with pytest.raises(DomainError) as err:
        services.perform(
            main_case,
            "record_interview",
            actor=pu,
            fields={"summary": "s", "held_at": "yesterday-ish"},
        )
    assert err.value.field == "held_at"
