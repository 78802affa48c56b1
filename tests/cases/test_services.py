"""Apprehension, custody, interviews, the asylum request, criminal matter, counsel and
referrals: each step, and each step refused with nothing half-written."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from borderwatch.access.models import AuditEvent, User
from borderwatch.border import services as border
from borderwatch.cases import services, workflow
from borderwatch.cases.models import AsylumCase, CaseTransition, Custody, Interview, Referral
from borderwatch.lib.errors import AccessDenied, Conflict, DomainError
from borderwatch.people.models import Person

OSLO = ZoneInfo("Europe/Oslo")
FRIDAY_0900 = datetime(2025, 8, 22, 9, 0, tzinfo=OSLO)


@pytest.fixture
def incident(police):
    return border.open_incident(
        actor=police,
        occurred_from=FRIDAY_0900 - timedelta(hours=2),
        country_left="RU",
        country_entered="NO",
        persons_count=1,
    )


@pytest.fixture
def custody(incident, police):
    return services.record_apprehension(
        incident,
        actor=police,
        apprehended_at=FRIDAY_0900,
        legal_basis="criminal_arrest",
        person={"nationality": "RU", "language": "Russian"},
    )


@pytest.fixture
def case(custody, police):
    return services.record_asylum_request(
        custody.person, actor=police, requested_at=FRIDAY_0900 + timedelta(hours=5)
    )


def test_it_records_an_apprehension_with_the_person_and_the_court_deadline(custody, incident):
    assert custody.person.nationality == "RU"
    assert list(incident.persons.all()) == [custody.person]
    # Arrested Friday 22 August 2025 09:00: before a court by the end of Monday 25 August.
    assert custody.court_deadline.astimezone(OSLO) == datetime(2025, 8, 25, 23, 59, 59, tzinfo=OSLO)
    assert custody.counsel_deadline.astimezone(OSLO).date() == date(2025, 8, 24)


def test_it_gives_a_minor_until_the_end_of_the_next_day(incident, police):
    c = services.record_apprehension(
        incident,
        actor=police,
        apprehended_at=FRIDAY_0900,
        legal_basis="immigration_arrest",
        person={"date_of_birth": date(2009, 1, 1)},
    )
    assert c.court_deadline.astimezone(OSLO).date() == date(2025, 8, 23)


def test_it_counts_a_border_holding_in(incident, police):
    c = services.record_apprehension(
        incident,
        actor=police,
        apprehended_at=datetime(2025, 8, 23, 1, 0, tzinfo=OSLO),
        held_at_border_since=datetime(2025, 8, 22, 22, 0, tzinfo=OSLO),
        legal_basis="criminal_arrest",
        person={},
    )
    assert c.clock_started_at.astimezone(OSLO).day == 22
    assert c.court_deadline.astimezone(OSLO).date() == date(2025, 8, 25)


def test_it_refuses_an_apprehension_with_unknown_person_fields_and_writes_nothing(incident, police):
    with pytest.raises(DomainError, match="shoe_size"):
        services.record_apprehension(
            incident,
            actor=police,
            apprehended_at=FRIDAY_0900,
            legal_basis="criminal_arrest",
            person={"shoe_size": 44},
        )
    assert Person.objects.count() == 0
    assert Custody.objects.count() == 0


def test_it_refuses_an_unknown_legal_basis(incident, police):
    with pytest.raises(DomainError, match="legal_basis"):
        services.record_apprehension(
            incident, actor=police, apprehended_at=FRIDAY_0900, legal_basis="because", person={}
        )


def test_it_refuses_an_apprehension_on_another_units_incident(incident, other_police):
    with pytest.raises(AccessDenied):
        services.record_apprehension(
            incident,
            actor=other_police,
            apprehended_at=FRIDAY_0900,
            legal_basis="criminal_arrest",
            person={},
        )
    assert Person.objects.count() == 0


def test_it_records_questioning_of_a_person_in_custody(custody, police):
    i = services.record_interview(
        custody.person,
        actor=police,
        kind="questioning",
        held_at=FRIDAY_0900 + timedelta(hours=3),
        interpreter="Russian interpreter",
        summary="Says he deserted",
    )
    assert i.custody == custody
    assert i.interviewer == police.user


def test_it_refuses_an_interview_for_a_person_not_in_custody(custody, police):
    services.end_custody(
        custody, actor=police, ended_at=FRIDAY_0900 + timedelta(days=1), reason="released"
    )
    with pytest.raises(DomainError, match="not in custody"):
        services.record_interview(
            custody.person,
            actor=police,
            kind="questioning",
            held_at=FRIDAY_0900 + timedelta(days=2),
        )
    with pytest.raises(DomainError, match="not in custody"):
        services.record_interview(
            custody.person,
            actor=police,
            kind="questioning",
            held_at=FRIDAY_0900 - timedelta(hours=1),
        )
    assert Interview.objects.count() == 0


def test_it_refuses_to_end_custody_twice(custody, police):
    services.end_custody(
        custody, actor=police, ended_at=FRIDAY_0900 + timedelta(days=1), reason="released"
    )
    with pytest.raises(DomainError, match="ended already"):
        services.end_custody(
            custody, actor=police, ended_at=FRIDAY_0900 + timedelta(days=2), reason="released"
        )


def test_it_opens_a_case_when_the_person_asks_for_protection(case, custody, police):
    assert case.state == "claimed"
    assert case.owning_unit == police.unit
    assert case.incident == custody.incident
    assert list(case.transitions.values_list("to_state", flat=True)) == ["claimed"]


def test_it_refuses_a_second_open_case_for_the_same_person(case, police):
    with pytest.raises(DomainError, match="open case already"):
        services.record_asylum_request(
            case.person, actor=police, requested_at=FRIDAY_0900 + timedelta(hours=6)
        )
    assert AsylumCase.objects.count() == 1


def test_it_refuses_an_asylum_request_for_a_person_the_unit_does_not_know(custody, other_police):
    with pytest.raises(DomainError, match="not held or known"):
        services.record_asylum_request(
            custody.person, actor=other_police, requested_at=FRIDAY_0900 + timedelta(hours=6)
        )


def test_it_opens_a_criminal_matter_and_assigns_defence_counsel(custody, police):
    matter = services.open_criminal_matter(
        custody.person,
        actor=police,
        offence="Illegal border crossing",
        opened_at=FRIDAY_0900 + timedelta(hours=1),
    )
    lawyer = User.objects.get(username="lawyer")
    rep = services.assign_counsel(
        custody.person,
        actor=police,
        kind="defence",
        lawyer=lawyer,
        criminal_matter=matter,
        appointed_at=FRIDAY_0900 + timedelta(hours=2),
    )
    assert rep.lawyer_name == "Trond P. Biti"
    with pytest.raises(DomainError, match="already represents"):
        services.assign_counsel(
            custody.person,
            actor=police,
            kind="defence",
            lawyer=lawyer,
            criminal_matter=matter,
            appointed_at=FRIDAY_0900 + timedelta(hours=3),
        )


def test_it_refuses_defence_counsel_without_a_criminal_matter(custody, police):
    with pytest.raises(DomainError, match="criminal matter"):
        services.assign_counsel(
            custody.person,
            actor=police,
            kind="defence",
            lawyer_name="A. Advokat",
            appointed_at=FRIDAY_0900,
        )


def test_it_refuses_a_non_lawyer_as_counsel(custody, police):
    matter = services.open_criminal_matter(
        custody.person, actor=police, offence="x", opened_at=FRIDAY_0900
    )
    with pytest.raises(DomainError, match="not registered as a lawyer"):
        services.assign_counsel(
            custody.person,
            actor=police,
            kind="defence",
            lawyer=User.objects.get(username="pu"),
            criminal_matter=matter,
            appointed_at=FRIDAY_0900,
        )


def test_it_moves_ownership_only_when_the_referral_is_accepted(case, police, pu, world):
    referral = services.refer_case(
        case,
        actor=police,
        to_unit=world["pu"],
        reason="Asylum registration",
        at=FRIDAY_0900 + timedelta(days=3),
    )
    case.refresh_from_db()
    assert case.state == "referred"
    assert case.owning_unit == police.unit
    services.accept_referral(referral, actor=pu, at=FRIDAY_0900 + timedelta(days=4))
    case.refresh_from_db()
    referral.refresh_from_db()
    assert case.owning_unit == pu.unit
    assert case.state == "accepted"
    assert referral.status == "accepted"
    assert referral.answered_by == pu.user


def test_it_refuses_to_accept_a_referral_twice_and_changes_nothing(case, police, pu, world):
    referral = services.refer_case(
        case, actor=police, to_unit=world["pu"], reason="r", at=FRIDAY_0900 + timedelta(days=3)
    )
    services.accept_referral(referral, actor=pu, at=FRIDAY_0900 + timedelta(days=4))
    transitions = CaseTransition.objects.count()
    events = AuditEvent.objects.count()
    with pytest.raises(DomainError, match="accepted already"):
        services.accept_referral(referral, actor=pu, at=FRIDAY_0900 + timedelta(days=5))
    assert CaseTransition.objects.count() == transitions
    assert AuditEvent.objects.count() == events


def test_it_lets_only_the_receiving_unit_answer_a_referral(case, police, udi, world):
    referral = services.refer_case(
        case, actor=police, to_unit=world["pu"], reason="r", at=FRIDAY_0900 + timedelta(days=3)
    )
    with pytest.raises(DomainError, match="referred to can answer"):
        services.accept_referral(referral, actor=udi, at=FRIDAY_0900 + timedelta(days=4))
    with pytest.raises(DomainError, match="referred to can answer"):
        services.accept_referral(referral, actor=police, at=FRIDAY_0900 + timedelta(days=4))
    referral.refresh_from_db()
    assert referral.status == "pending"


def test_it_rejects_a_referral_with_a_reason_and_the_case_returns(case, police, pu, world):
    referral = services.refer_case(
        case, actor=police, to_unit=world["pu"], reason="r", at=FRIDAY_0900 + timedelta(days=3)
    )
    with pytest.raises(DomainError, match="why"):
        services.reject_referral(referral, actor=pu, reason="  ")
    services.reject_referral(
        referral,
        actor=pu,
        reason="Register in Kirkenes instead",
        at=FRIDAY_0900 + timedelta(days=4),
    )
    case.refresh_from_db()
    assert case.state == "claimed"
    assert case.owning_unit == police.unit


def test_it_refuses_a_referral_to_the_owning_unit_or_without_reason(case, police):
    with pytest.raises(DomainError, match="owns it"):
        services.refer_case(case, actor=police, to_unit=police.unit, reason="r")
    with pytest.raises(DomainError, match="reason"):
        services.refer_case(
            case,
            actor=police,
            to_unit=case.incident.owning_unit.__class__.objects.get(code="pu"),
            reason="",
        )
    assert Referral.objects.count() == 0


def test_it_refuses_a_referral_by_another_unit(case, other_police, world):
    with pytest.raises(AccessDenied):
        services.refer_case(case, actor=other_police, to_unit=world["pu"], reason="r")


def test_it_refuses_a_transition_not_allowed_from_the_current_state(case, police):
    with pytest.raises(DomainError, match="not possible from there"):
        workflow.apply(case, "withdraw_referral", actor=police)


def test_it_reports_a_conflict_when_the_case_changed_meanwhile(case, police, world):
    stale_version = case.version
    services.refer_case(
        case, actor=police, to_unit=world["pu"], reason="r", at=FRIDAY_0900 + timedelta(days=3)
    )
    with pytest.raises(Conflict, match="changed by someone else"):
        workflow.apply(case, "withdraw_referral", actor=police, expected_version=stale_version)


def test_it_offers_only_the_steps_the_actor_may_take(case, police, pu, world):
    assert [t.name for t in workflow.allowed(case, police)] == ["refer", "withdraw_claim"]
    assert workflow.allowed(case, pu) == []
    services.refer_case(
        case, actor=police, to_unit=world["pu"], reason="r", at=FRIDAY_0900 + timedelta(days=3)
    )
    case.refresh_from_db()
    assert {t.name for t in workflow.allowed(case, pu)} == {"accept_referral", "reject_referral"}
