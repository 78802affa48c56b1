"""The case pages through Django's test client: the work queues, the case page and its
steps, tasks, the steps before a case (apprehension, custody), notifications. Who may see
and do what (404 hidden, 403 not allowed), errors beside the field with nothing written,
the conflict of two caseworkers, and query counts that do not grow with the rows."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borderwatch.access.models import AuditEvent
from borderwatch.border import services as border
from borderwatch.border.models import Incident, Place
from borderwatch.cases import notify, services
from borderwatch.cases.models import (
    AsylumCase,
    CaseTransition,
    Custody,
    Interview,
    Notification,
)
from borderwatch.cases.views import time_left
from borderwatch.people.models import Person
from borderwatch.scenario.founding import MAIN_REF


def html(response) -> str:
    return response.content.decode()


def signed_in(persona, client=None):
    client = client or Client()
    client.force_login(persona.user)
    return client


def field_error(body: str, field_id: str) -> str:
    """The error shown beside the field with this id ('' if none)."""
    match = re.search(rf'<p class="field-error" id="{field_id}_error">(.*?)</p>', body, re.S)
    return match.group(1) if match else ""


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    """WhiteNoise warns (an error here) when STATIC_ROOT does not exist yet."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


@pytest.fixture
def main_incident(story):
    return Incident.objects.get(external_ref=MAIN_REF)


def new_case(police, n: int = 0, *, refer_to=None) -> AsylumCase:
    """A crossing, an arrest and an asylum request, through the services."""
    start = timezone.now() - timedelta(days=60)
    incident = border.open_incident(
        actor=police,
        occurred_from=start + timedelta(days=n),
        place=Place.objects.get(name="Storskog"),
    )
    custody = services.record_apprehension(
        incident,
        actor=police,
        apprehended_at=start + timedelta(days=n, hours=1),
        legal_basis="criminal_arrest",
        person={"given_names": f"Person{n}", "nationality": "RU"},
    )
    case = services.record_asylum_request(
        custody.person,
        actor=police,
        incident=incident,
        requested_at=start + timedelta(days=n, hours=2),
    )
    if refer_to is not None:
        services.refer_case(case, actor=police, to_unit=refer_to, reason="Register it.")
        case.refresh_from_db()
    return case


def step_url(case, name):
    return f"/cases/{case.pk}/steps/{name}/"


# --- time left --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (130, "2 h 10 min left"),
        (120, "2 h left"),
        (45, "45 min left"),
        (0, "0 min left"),
        (3 * 24 * 60 + 4 * 60 + 59, "3 d 4 h left"),
        (2 * 24 * 60, "2 d left"),
        (-180, "overdue by 3 h"),
        (-61, "overdue by 1 h 1 min"),
        (-(24 * 60 + 30), "overdue by 1 d"),
    ],
)
def test_it_says_how_much_time_is_left(minutes, text):
    now = timezone.now()
    assert time_left(now + timedelta(minutes=minutes, seconds=10 if minutes >= 0 else 0), now) == (
        text
    )


# --- the queues ---------------------------------------------------------------------------


def test_it_shows_pus_queues_with_their_counts(pu, main_case):
    response = signed_in(pu).get("/cases/")
    assert response.status_code == 200
    body = html(response)
    tabs = re.search(r'<nav class="tabs".*?</nav>', body, re.S).group(0)
    counts = dict(
        re.findall(r'>([^<>]+?) <span class="count[^"]*">(\d+)</span>', tabs.replace("&#x27;", "'"))
    )
    assert counts == {
        "My unit's open cases": "1",
        "Referrals waiting for us": "0",
        "Due in the next 24 hours": "0",
        "Overdue": "1",
        "All cases I may see": "1",
    }
    assert 'aria-current="page">My unit&#x27;s open cases' in tabs
    assert f'href="/cases/{main_case.pk}/"' in body
    assert "overdue by" in body  # the registration deadline of 2025


def test_it_puts_a_referral_in_the_receiving_units_queue(pu, police, story, world):
    case = new_case(police, refer_to=world["pu"])
    client = signed_in(pu)
    referred = html(client.get("/cases/?queue=referred"))
    assert f'href="/cases/{case.pk}/"' in referred
    assert re.search(r"23 h 5\d min left", referred)  # the answer is due in 24 hours
    assert "Finnmark police district" in referred  # the owning unit, until they accept
    assert f'href="/cases/{case.pk}/"' not in html(client.get("/cases/?queue=mine"))
    # and the police see it in their own open cases, waiting
    assert f'href="/cases/{case.pk}/"' in html(signed_in(police).get("/cases/"))


def test_it_filters_the_queue_by_state_and_sorts_it(pu, police, story, world):
    older = new_case(police, 1, refer_to=world["pu"])
    newer = new_case(police, 2, refer_to=world["pu"])
    services.accept_referral(older.referrals.get(), actor=pu)
    client = signed_in(pu)

    def listed(path):
        body = html(client.get(path))
        return re.findall(r'<th scope="row" class="ref"><a href="/cases/(\d+)/"', body)

    main = AsylumCase.objects.get(incident__external_ref=MAIN_REF).pk
    assert listed("/cases/?queue=mine&sort=-claimed") == [str(older.pk), str(main)]
    assert listed("/cases/?queue=all&sort=claimed") == [str(main), str(older.pk), str(newer.pk)]
    accepted = html(client.get("/cases/?queue=all&state=accepted"))
    assert f'href="/cases/{older.pk}/"' in accepted
    assert f'href="/cases/{newer.pk}/"' not in accepted
    assert "Show every state" in accepted
    # the column headings sort, and say how
    assert 'aria-sort="ascending"><a href="?queue=all&amp;state=accepted&amp;sort=-due"' in (
        accepted
    )
    # nonsense in the query string falls back to the defaults
    odd = client.get("/cases/?queue=someday&state=nowhere&sort=sideways")
    assert odd.status_code == 200
    assert 'aria-current="page">My unit&#x27;s open cases' in html(odd)
    assert "Select a valid choice" in field_error(html(odd), "id_state")


def test_it_shows_custody_deadlines_before_there_is_a_case(police, story):
    incident = border.open_incident(actor=police, occurred_from=timezone.now() - timedelta(hours=2))
    custody = services.record_apprehension(
        incident,
        actor=police,
        apprehended_at=timezone.now() - timedelta(hours=1),
        legal_basis="border_holding",
        person={},
    )
    body = html(signed_in(police).get("/cases/"))
    deadlines = body[body.index("Deadlines not on a case yet") :]
    assert f'href="/custody/{custody.pk}/">Custody of {custody.person.reference}' in deadlines
    assert re.search(r"2 h 5\d min left|3 h left", deadlines)


@pytest.mark.parametrize("who", ["lawyer", "pst"])
def test_it_shows_those_without_queues_the_cases_they_may_see(request, main_case, who):
    body = html(signed_in(request.getfixturevalue(who)).get("/cases/?queue=mine"))
    assert 'class="tabs"' not in body
    assert f'href="/cases/{main_case.pk}/"' in body


@pytest.mark.parametrize("who", ["other_police", "guard", "analyst", "admin_actor"])
def test_it_shows_no_case_to_those_who_may_see_none(request, main_case, who):
    response = signed_in(request.getfixturevalue(who)).get("/cases/?queue=all")
    assert response.status_code == 200
    assert not re.search(r'href="/cases/\d+/"', html(response))


def _count_queries(client, path) -> int:
    client.get(path)  # warm up: session, content types
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("queue", ["referred", "due", "all"])
def test_it_lists_a_queue_in_a_fixed_number_of_queries(
    pu, police, story, world, queue, django_assert_max_num_queries
):
    new_case(police, 0, refer_to=world["pu"])
    client = signed_in(pu)
    path = f"/cases/?queue={queue}&sort=due"
    with_one = _count_queries(client, path)
    for n in range(1, 16):
        new_case(police, n, refer_to=world["pu"])
    with django_assert_max_num_queries(with_one):
        response = client.get(path)
    assert (
        len(re.findall(r'<th scope="row" class="ref"><a href="/cases/\d+/"', html(response))) >= 16
    )


def test_it_lists_custody_deadlines_in_a_fixed_number_of_queries(
    police, story, django_assert_max_num_queries
):
    def arrest():
        incident = border.open_incident(
            actor=police, occurred_from=timezone.now() - timedelta(hours=2)
        )
        services.record_apprehension(
            incident,
            actor=police,
            apprehended_at=timezone.now() - timedelta(hours=1),
            legal_basis="border_holding",
            person={"nationality": "RU"},
        )

    arrest()
    client = signed_in(police)
    with_one = _count_queries(client, "/cases/")
    for _ in range(10):
        arrest()
    with django_assert_max_num_queries(with_one):
        response = client.get("/cases/")
    assert html(response).count('href="/custody/') == 11


# --- the case page: steps as buttons ------------------------------------------------------


def test_it_offers_the_owner_only_the_steps_it_may_take(pu, main_case):
    body = html(signed_in(pu).get(f"/cases/{main_case.pk}/"))
    steps = body[body.index('id="steps-title"') : body.index('id="deadlines"')]
    assert f'action="{step_url(main_case, "register")}"' in steps
    assert f'action="{step_url(main_case, "refer")}"' in steps
    assert f'action="{step_url(main_case, "withdraw_claim")}"' in steps
    for name in ("accept_referral", "start_verification", "send_for_decision", "grant"):
        assert step_url(main_case, name) not in steps
    assert f'name="register-version" value="{main_case.version}"' in steps
    assert "Application registered" in body  # its deadline, with the rule
    assert "overdue by" in body


@pytest.mark.parametrize("who", ["lawyer", "pst"])
def test_it_offers_no_step_to_those_who_only_read(request, main_case, who):
    body = html(signed_in(request.getfixturevalue(who)).get(f"/cases/{main_case.pk}/"))
    assert "No step on this case is yours to take now." in body
    assert "/steps/" not in body


def test_it_says_why_a_step_is_not_possible_yet(pu, main_case):
    services.register_application(main_case, actor=pu)
    services.start_verification(main_case, actor=pu)
    services.record_asylum_interview(main_case, actor=pu, held_at=timezone.now(), summary="s")
    body = html(signed_in(pu).get(f"/cases/{main_case.pk}/"))
    assert "Send for decision</strong> is not possible yet" in body
    assert "5 verification task(s) are still open" in body
    assert body.count('class="task open"') == 5


def test_it_takes_a_step_and_says_so(pu, main_case):
    client = signed_in(pu)
    response = client.post(step_url(main_case, "register"), {"register-version": main_case.version})
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{main_case.pk}/"
    main_case.refresh_from_db()
    assert main_case.state == "registered"
    page = html(client.get(response["Location"]))
    assert "“Register the application” done. The case is now “Application registered”." in page
    event = AuditEvent.objects.filter(verb="case.transition").last()
    assert event.actor == pu.user and event.channel == "web"


def test_it_refers_a_case_with_the_units_chosen_on_the_form(police, pu, story, world):
    case = new_case(police)
    client = signed_in(police)
    form = html(client.get(f"/cases/{case.pk}/"))
    assert '<option value="pu">National Police Immigration Service</option>' in form
    assert '<option value="finnmark-pd">' not in form  # not to itself
    response = client.post(
        step_url(case, "refer"),
        {"refer-version": case.version, "refer-to_unit": "pu", "refer-reason": "Register it."},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "referred"
    assert case.referrals.get().to_unit == world["pu"]


def test_it_shows_a_refusal_beside_the_field_and_keeps_the_input(police, story):
    case = new_case(police)
    before = CaseTransition.objects.count(), AuditEvent.objects.filter(verb="referral.sent").count()
    response = signed_in(police).post(
        step_url(case, "refer"),
        {"refer-version": case.version, "refer-to_unit": "pu", "refer-reason": "  "},
    )
    assert response.status_code == 400
    body = html(response)
    assert field_error(body, "id_refer-reason") == "Give the reason for the referral."
    assert '<div class="error-summary" role="alert"' in body
    assert '<a href="#id_refer-reason">Give the reason for the referral.</a>' in body
    assert '<option value="pu" selected>' in body  # the input is kept
    assert re.search(r'<details class="step" id="step-refer" open>', body)
    case.refresh_from_db()
    assert case.state == "claimed" and case.version == 1
    after = CaseTransition.objects.count(), AuditEvent.objects.filter(verb="referral.sent").count()
    assert after == before


def test_it_refuses_a_step_on_a_case_someone_else_changed(pu, main_case):
    stale = main_case.version
    services.register_application(main_case, actor=pu)  # the other caseworker, first
    main_case.refresh_from_db()
    steps_before = CaseTransition.objects.filter(case=main_case).count()
    response = signed_in(pu).post(
        step_url(main_case, "withdraw_claim"),
        {"withdraw_claim-version": stale, "withdraw_claim-reason": "Said so at the desk."},
    )
    assert response.status_code == 409
    body = html(response)
    assert "Someone else changed this case while you were working" in body
    assert "Nothing you sent was saved" in body
    assert '<span class="badge state" id="case-state">Application registered</span>' in body
    # the step is offered again with the case as it is now, and the words typed are kept
    assert f'name="withdraw_claim-version" value="{main_case.version}"' in body
    assert "Said so at the desk." in body
    main_case.refresh_from_db()
    assert main_case.state == "registered"
    assert CaseTransition.objects.filter(case=main_case).count() == steps_before


def test_it_refuses_a_second_accept_as_a_conflict(pu, police, story, world):
    case = new_case(police, refer_to=world["pu"])
    seen = case.version  # two caseworkers of PU open the referral
    services.accept_referral(case.referrals.get(), actor=pu)  # the first accepts
    response = signed_in(pu).post(
        step_url(case, "accept_referral"), {"accept_referral-version": seen}
    )
    assert response.status_code == 409  # not "there is no pending referral"
    assert "Someone else changed this case while you were working" in html(response)
    assert CaseTransition.objects.filter(case=case, name="accept_referral").count() == 1


@pytest.mark.parametrize("who", ["other_police", "guard", "analyst", "admin_actor", "police"])
def test_it_answers_not_found_to_a_step_on_a_hidden_case(request, main_case, who):
    response = signed_in(request.getfixturevalue(who)).post(
        step_url(main_case, "register"), {"register-version": main_case.version}
    )
    assert response.status_code == 404
    main_case.refresh_from_db()
    assert main_case.state == "accepted"


@pytest.mark.parametrize("who", ["lawyer", "pst"])
def test_it_forbids_a_step_to_a_reader_of_the_case(request, main_case, who):
    response = signed_in(request.getfixturevalue(who)).post(
        step_url(main_case, "register"), {"register-version": main_case.version}
    )
    assert response.status_code == 403
    main_case.refresh_from_db()
    assert main_case.state == "accepted"


def test_it_answers_not_found_to_an_unknown_step(pu, main_case):
    response = signed_in(pu).post(step_url(main_case, "teleport"), {"teleport-version": 1})
    assert response.status_code == 404


def test_it_refuses_a_step_without_the_version(pu, main_case):
    response = signed_in(pu).post(step_url(main_case, "register"), {})
    assert response.status_code == 400
    assert "did not say which version of the case you saw" in html(response)
    main_case.refresh_from_db()
    assert main_case.state == "accepted"


def test_it_takes_steps_only_by_post_with_csrf(pu, main_case):
    client = Client(enforce_csrf_checks=True)
    client.force_login(pu.user)
    assert client.get(step_url(main_case, "register")).status_code == 405
    refused = client.post(step_url(main_case, "register"), {"register-version": 1})
    assert refused.status_code == 403
    main_case.refresh_from_db()
    assert main_case.state == "accepted"
    page = html(client.get(f"/cases/{main_case.pk}/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    accepted = client.post(
        step_url(main_case, "register"),
        {"register-version": main_case.version, "csrfmiddlewaretoken": token},
    )
    assert accepted.status_code == 302


def test_it_lets_the_directorate_decide_from_its_queue(pu, udi, main_case, world):
    services.register_application(main_case, actor=pu)
    services.start_verification(main_case, actor=pu)
    for task in main_case.tasks.all():
        services.complete_task(task, actor=pu, result="ok")
    services.record_asylum_interview(main_case, actor=pu, held_at=timezone.now(), summary="s")
    main_case.refresh_from_db()
    client = signed_in(pu)
    form = html(client.get(f"/cases/{main_case.pk}/"))
    assert 'value="udi"' in form and 'value="pu"' not in form
    client.post(
        step_url(main_case, "send_for_decision"),
        {"send_for_decision-version": main_case.version, "send_for_decision-to_unit": "udi"},
    )
    main_case.refresh_from_db()
    assert main_case.state == "sent_for_decision"
    udi_client = signed_in(udi)
    assert f'href="/cases/{main_case.pk}/"' in html(udi_client.get("/cases/?queue=referred"))
    refused = udi_client.post(
        step_url(main_case, "grant"), {"grant-version": main_case.version, "grant-reasoning": ""}
    )
    assert field_error(html(refused), "id_grant-reasoning") == "Give the reasoning of the decision."
    granted = udi_client.post(
        step_url(main_case, "grant"),
        {"grant-version": main_case.version, "grant-reasoning": "Deserter; risk of persecution."},
    )
    assert granted.status_code == 302
    main_case.refresh_from_db()
    assert main_case.state == "granted" and main_case.owning_unit == world["udi"]


# --- tasks --------------------------------------------------------------------------------


@pytest.fixture
def verifying(pu, main_case):
    services.register_application(main_case, actor=pu)
    services.start_verification(main_case, actor=pu)
    main_case.refresh_from_db()
    return main_case


def task_url(case, task, what="complete"):
    return f"/cases/{case.pk}/tasks/{task.pk}/{what}/"


def test_it_records_a_tasks_result(pu, verifying):
    task = verifying.tasks.get(kind="identity")
    client = signed_in(pu)
    response = client.post(
        task_url(verifying, task), {f"task{task.pk}-result": "Matches the military ID."}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{verifying.pk}/#tasks"
    task.refresh_from_db()
    assert task.status == "done" and task.result == "Matches the military ID."
    assert "Verify identity: done." in html(client.get(f"/cases/{verifying.pk}/"))


def test_it_cancels_a_task_saying_why(pu, verifying):
    task = verifying.tasks.get(kind="documents")
    signed_in(pu).post(
        task_url(verifying, task),
        {f"task{task.pk}-result": "He carries no documents.", f"task{task.pk}-cancelled": "on"},
    )
    task.refresh_from_db()
    assert task.status == "cancelled"


def test_it_shows_a_tasks_refusal_beside_the_field(pu, verifying):
    task = verifying.tasks.get(kind="identity")
    response = signed_in(pu).post(task_url(verifying, task), {f"task{task.pk}-evidence": "photo 3"})
    assert response.status_code == 400
    body = html(response)
    assert field_error(body, f"id_task{task.pk}-result") == (
        "Write the result (or, to cancel, the reason)."
    )
    assert "photo 3" in body  # kept
    task.refresh_from_db()
    assert task.status == "open"


def test_it_refuses_to_complete_a_task_twice(pu, verifying):
    task = verifying.tasks.get(kind="identity")
    services.complete_task(task, actor=pu, result="First.")
    response = signed_in(pu).post(task_url(verifying, task), {f"task{task.pk}-result": "Second."})
    assert response.status_code == 400
    assert "This task is done already." in html(response)
    task.refresh_from_db()
    assert task.result == "First."


def test_it_assigns_a_task_to_a_member_of_the_unit(pu, verifying):
    task = verifying.tasks.get(kind="fingerprints")
    client = signed_in(pu)
    response = client.post(
        task_url(verifying, task, "assign"), {f"assign{task.pk}-assignee": pu.user.pk}
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.assignee == pu.user
    outsider = client.post(
        task_url(verifying, task, "assign"), {f"assign{task.pk}-assignee": 999999}
    )
    assert outsider.status_code == 400
    assert "Select a valid choice" in html(outsider)


@pytest.mark.parametrize(("who", "status"), [("pst", 403), ("lawyer", 403), ("udi", 404)])
def test_it_keeps_tasks_to_the_units_caseworkers(request, verifying, who, status):
    task = verifying.tasks.get(kind="identity")
    response = signed_in(request.getfixturevalue(who)).post(
        task_url(verifying, task), {f"task{task.pk}-result": "Done by someone else."}
    )
    assert response.status_code == status
    task.refresh_from_db()
    assert task.status == "open"


def test_it_hides_a_task_of_another_case(pu, police, verifying, story):
    other = new_case(police)
    task = verifying.tasks.first()
    response = signed_in(police).post(task_url(other, task), {f"task{task.pk}-result": "x"})
    assert response.status_code == 404


def test_it_hides_task_results_from_the_security_service(pu, pst, verifying):
    task = verifying.tasks.get(kind="watchlists")
    services.complete_task(task, actor=pu, result="A hit in NORVIS, resolved.")
    assert "A hit in NORVIS" in html(signed_in(pu).get(f"/cases/{verifying.pk}/"))
    assert "A hit in NORVIS" not in html(signed_in(pst).get(f"/cases/{verifying.pk}/"))


# --- before a case: the apprehension and the custody ----------------------------------------


def test_it_offers_the_owning_police_to_record_an_apprehension(police, pu, main_incident):
    body = html(signed_in(police).get(f"/incidents/{main_incident.pk}/"))
    assert f'href="/incidents/{main_incident.pk}/apprehension/"' in body
    custody = Custody.objects.get(incident=main_incident)
    assert f'href="/custody/{custody.pk}/">{custody.person.reference}</a>' in body
    # PU sees the incident through its case, but neither the button nor the custody list
    other = html(signed_in(pu).get(f"/incidents/{main_incident.pk}/"))
    assert "/apprehension/" not in other and "/custody/" not in other


@pytest.mark.parametrize(
    ("who", "status"),
    [("police", 200), ("guard", 403), ("pu", 403), ("other_police", 404), ("lawyer", 404)],
)
def test_it_lets_only_the_owning_police_open_the_apprehension_form(
    request, main_incident, who, status
):
    response = signed_in(request.getfixturevalue(who)).get(
        f"/incidents/{main_incident.pk}/apprehension/"
    )
    assert response.status_code == status


def apprehension(**overrides):
    data = {
        "given_names": "Ivan",
        "family_name": "Petrov",
        "nationality": "ru",
        "legal_basis": "immigration_arrest",
        "apprehended_at": "",
    }
    data.update(overrides)
    return data


def test_it_records_an_apprehension_from_the_form(police, main_incident):
    response = signed_in(police).post(
        f"/incidents/{main_incident.pk}/apprehension/", apprehension(age_claimed="17")
    )
    assert response.status_code == 302
    custody = Custody.objects.latest("pk")
    assert response["Location"] == f"/custody/{custody.pk}/"
    assert custody.person.display_name == "Ivan Petrov"
    assert custody.person.nationality == "RU"
    assert custody.legal_basis == "immigration_arrest"
    assert timezone.now() - custody.started_at < timedelta(minutes=1)  # empty means now
    # a minor: before a court the day after
    assert (custody.court_deadline - custody.started_at) < timedelta(days=2)
    assert custody.incident == main_incident


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"legal_basis": ""}, "id_legal_basis", "Choose the legal basis of the custody."),
        (
            {"nationality": "Russia"},
            "id_nationality",
            "person.nationality must be a two-letter country code (ISO 3166-1), "
            "not &#x27;RUSSIA&#x27;.",
        ),
        (
            {"apprehended_at": "2025-08-21T10:00"},
            "id_apprehended_at",
            "The apprehension cannot come before the incident.",
        ),
        (
            {"apprehended_at": "yesterday"},
            "id_apprehended_at",
            "Write a date and time, such as 2025-08-22 09:00.",
        ),
        (
            {"date_of_birth": "2030-01-01"},
            "id_date_of_birth",
            "The date of birth must be a date before the apprehension.",
        ),
    ],
)
def test_it_shows_an_apprehensions_errors_beside_the_field_and_writes_nothing(
    police, main_incident, overrides, field, message
):
    persons, custodies = Person.objects.count(), Custody.objects.count()
    response = signed_in(police).post(
        f"/incidents/{main_incident.pk}/apprehension/", apprehension(**overrides)
    )
    assert response.status_code == 400
    body = html(response)
    assert field_error(body, field) == message
    assert 'value="Petrov"' in body  # the input is kept
    assert (Person.objects.count(), Custody.objects.count()) == (persons, custodies)


@pytest.fixture
def arrest(police, main_incident):
    return services.record_apprehension(
        main_incident,
        actor=police,
        apprehended_at=timezone.now() - timedelta(hours=3),
        legal_basis="criminal_arrest",
        person={"given_names": "Ivan", "nationality": "RU"},
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [("police", 200), ("other_police", 404), ("pu", 404), ("guard", 404), ("lawyer", 404)],
)
def test_it_shows_a_custody_only_to_the_police_unit_holding_it(request, arrest, who, status):
    persona = request.getfixturevalue(who)
    response = signed_in(persona).get(f"/custody/{arrest.pk}/")
    assert response.status_code == status
    read = AuditEvent.objects.filter(verb="person.viewed", actor=persona.user)
    assert read.exists() == (status == 200)
    if status == 200:
        body = html(response)
        assert "Custody of " + arrest.person.reference in body
        # the court deadline: "3 d 5 h left", or "3 d left" in the hour when hours are 0
        assert re.search(r"\d d (\d+ h )?left", body)


def custody_post(client, custody, action, **data):
    return client.post(
        f"/custody/{custody.pk}/{action}/", {f"{action}-{k}": v for k, v in data.items()}
    )


def test_it_records_questioning_then_the_asylum_request(police, arrest):
    client = signed_in(police)
    response = custody_post(
        client, arrest, "questioning", summary="Says he deserted.", language="Russian"
    )
    assert response.status_code == 302
    interview = Interview.objects.get(person=arrest.person)
    assert interview.kind == "questioning" and interview.custody == arrest
    response = custody_post(client, arrest, "asylum-request")
    case = AsylumCase.objects.get(person=arrest.person)
    assert response["Location"] == f"/cases/{case.pk}/"
    assert case.state == "claimed" and case.incident == arrest.incident
    page = html(client.get(f"/custody/{arrest.pk}/"))
    assert f'href="/cases/{case.pk}/"' in page
    assert "action-asylum-request" not in page  # no second request while the case is open


def test_it_shows_a_custody_actions_refusal_beside_the_field(police, arrest):
    client = signed_in(police)
    response = custody_post(client, arrest, "questioning", held_at="2020-01-01T10:00", summary="s")
    assert response.status_code == 400
    assert "was not in custody" in field_error(html(response), "id_questioning-held_at")
    assert 'id="action-questioning" open' in html(response)
    response = custody_post(client, arrest, "counsel", kind="detention")
    assert field_error(html(response), "id_counsel-lawyer_name") == "Name the lawyer."
    response = custody_post(client, arrest, "counsel", kind="defence", lawyer_name="A. Advokat")
    assert field_error(html(response), "id_counsel-criminal_matter") == (
        "Defence counsel is assigned in a criminal matter."
    )
    response = custody_post(client, arrest, "end", note="x")
    assert field_error(html(response), "id_end-reason") == "Say why the custody ended."
    assert not Interview.objects.filter(person=arrest.person).exists()
    assert not arrest.person.representations.exists()
    arrest.refresh_from_db()
    assert arrest.ended_at is None


def test_it_opens_a_matter_assigns_counsel_and_ends_the_custody(police, lawyer, arrest):
    client = signed_in(police)
    custody_post(client, arrest, "criminal-matter", offence="Illegal border crossing")
    matter = arrest.person.criminal_matters.get()
    response = custody_post(
        client,
        arrest,
        "counsel",
        kind="defence",
        lawyer=lawyer.user.pk,
        criminal_matter=matter.pk,
    )
    assert response.status_code == 302
    rep = arrest.person.representations.get()
    assert rep.lawyer == lawyer.user and rep.criminal_matter == matter
    response = custody_post(client, arrest, "end", reason="released", note="No grounds to hold.")
    assert response.status_code == 302
    arrest.refresh_from_db()
    assert arrest.end_reason == "released"
    assert not arrest.clocks.filter(stopped_at__isnull=True).exists()


def test_it_hides_a_custody_action_from_another_district(other_police, arrest):
    response = custody_post(signed_in(other_police), arrest, "end", reason="released")
    assert response.status_code == 404
    arrest.refresh_from_db()
    assert arrest.ended_at is None


# --- notifications ------------------------------------------------------------------------


@pytest.fixture
def overdue_notice(main_case):
    notify.run_once()  # the registration deadline of the 2025 case passed long ago
    return Notification.objects.get(unit__code="pu", kind="overdue")


def test_it_lists_the_units_notifications_and_counts_them_in_the_header(pu, overdue_notice):
    client = signed_in(pu)
    body = html(client.get("/cases/"))
    assert re.search(r'href="/notifications/">Notifications <span class="count alert">1', body)
    page = html(client.get("/notifications/"))
    assert overdue_notice.message in page
    assert f'href="/cases/{overdue_notice.case_id}/"' in page


def test_it_marks_a_notification_read(pu, overdue_notice):
    client = signed_in(pu)
    response = client.post("/notifications/read/", {"id": overdue_notice.pk})
    assert response["Location"] == "/notifications/"
    overdue_notice.refresh_from_db()
    assert overdue_notice.read_by == pu.user
    assert AuditEvent.objects.filter(verb="notification.read", actor=pu.user).count() == 1
    body = html(client.get("/notifications/"))
    assert "Nothing unread." in body
    assert '<span class="count">0' in body
    assert "Read " in html(client.get("/notifications/?show=all"))


def test_it_marks_all_the_units_notifications_read(pu, police, overdue_notice):
    others = Notification.objects.exclude(unit=pu.unit).filter(read_at__isnull=True).count()
    signed_in(pu).post("/notifications/read/", {"all": "1"})
    assert not Notification.objects.filter(unit=pu.unit, read_at__isnull=True).exists()
    assert Notification.objects.exclude(unit=pu.unit).filter(read_at__isnull=True).count() == (
        others
    )


def test_it_hides_another_units_notifications(police, overdue_notice):
    client = signed_in(police)
    assert overdue_notice.message not in html(client.get("/notifications/?show=all"))
    assert client.post("/notifications/read/", {"id": overdue_notice.pk}).status_code == 404
    overdue_notice.refresh_from_db()
    assert overdue_notice.read_at is None


def test_it_counts_unread_notifications_in_one_query(pu, overdue_notice, django_assert_num_queries):
    from borderwatch.access.context import notifications

    request = RequestFactory().get("/")
    request.actor = pu
    with django_assert_num_queries(1):
        assert notifications(request) == {"unread_notifications": 1}
    request.actor = None
    assert notifications(request) == {}


def test_it_lists_notifications_in_a_fixed_number_of_queries(
    pu, police, story, world, django_assert_max_num_queries
):
    new_case(police, 0, refer_to=world["pu"])
    notify.run_once(now=timezone.now() + timedelta(days=2))
    client = signed_in(pu)
    with_few = _count_queries(client, "/notifications/?show=all")
    for n in range(1, 8):
        new_case(police, n, refer_to=world["pu"])
    notify.run_once(now=timezone.now() + timedelta(days=3))
    with django_assert_max_num_queries(with_few):
        response = client.get("/notifications/?show=all")
    assert html(response).count('class="notice ') >= 8


def test_it_shows_no_notifications_link_without_a_unit(world, console):
    from borderwatch.access.services import create_user

    loner = create_user(actor=console, username="loner", password="x" * 12)
    client = Client()
    client.force_login(loner)
    assert 'href="/notifications/"' not in html(client.get("/", follow=True))
    assert client.get("/notifications/").status_code == 403
