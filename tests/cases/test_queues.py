"""Work queues by unit, with counts that match their lists."""

from datetime import timedelta

from django.utils import timezone

from borderwatch.cases import queues, services


def test_it_puts_the_scenario_case_in_pus_queues(main_case, pu, police):
    assert list(queues.cases(pu, "mine")) == [main_case]
    # The registration clock of the 2025 case ran out long ago.
    assert list(queues.cases(pu, "overdue")) == [main_case]
    assert queues.cases(pu, "overdue")[0].next_due is not None
    assert list(queues.cases(police, "mine")) == []
    assert queues.counts(pu) == {"mine": 1, "referred": 0, "due": 0, "overdue": 1, "all": 1}


def test_it_shows_a_referral_waiting_for_the_receiving_unit(main_case, pu, udi, world):
    services.register_application(main_case, actor=pu)
    services.start_verification(main_case, actor=pu)
    for task in main_case.tasks.all():
        services.complete_task(task, actor=pu, result="ok")
    services.record_asylum_interview(main_case, actor=pu, held_at=timezone.now(), summary="s")
    services.send_for_decision(main_case, actor=pu, to_unit=world["udi"])
    assert list(queues.cases(udi, "referred")) == [main_case]
    assert list(queues.cases(udi, "due")) == [main_case]  # the answer is due within 24 h
    assert queues.counts(udi)["referred"] == 1
    assert queues.cases(udi, "mine").count() == 0


def test_it_lists_custody_clocks_before_any_case(police):
    from borderwatch.border import services as border

    at = timezone.now() - timedelta(hours=1)
    incident = border.open_incident(actor=police, occurred_from=at)
    services.record_apprehension(
        incident, actor=police, apprehended_at=at, legal_basis="border_holding", person={}
    )
    due = list(queues.clocks_of(police, within=timedelta(hours=24)))
    assert [c.kind for c in due] == ["court", "first_report"]  # 4 h holding, then 24 h


def test_it_refuses_an_unknown_queue(pu):
    import pytest

    from borderwatch.lib.errors import DomainError

    with pytest.raises(DomainError, match="No queue"):
        queues.cases(pu, "someday")
