"""The case workflow's JSON API: queues, the redacted case document, transitions with
optimistic locking, the timeline, referrals, tasks and notifications."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borderwatch.access.models import AuditEvent
from borderwatch.cases import notify, services
from borderwatch.cases.models import AsylumCase, CaseTransition, Notification, Task
from borderwatch.cases.redact import case_document
from borderwatch.lib.errors import AccessDenied
from tests.conftest import PASSWORD

HIDDEN = ["police", "other_police", "guard", "analyst", "admin_actor", "udi"]
ASSESSMENT_TEXT = "Routine. The possibility of espionage was considered."
NOTIFICATION_REASON = "Russian soldier who says he deserted from the war in Ukraine."
QUESTIONING = "Says he was stationed in Ukraine"


def as_(client, actor):
    client.force_login(actor.user)
    return client


def post(client, path, body, **extra):
    return client.post(path, data=json.dumps(body), content_type="application/json", **extra)


def step(client, case_id, transition, version, **fields):
    return post(
        client,
        f"/api/v1/cases/{case_id}/transitions",
        {"transition": transition, "fields": fields, "expected_version": version},
    )


def keys(value, path=""):
    """Every key path of a JSON document, list items as []: {"a.b", "a.c[].d", ...}."""
    out = set()
    if isinstance(value, dict):
        for k, v in value.items():
            here = f"{path}.{k}" if path else k
            out.add(here)
            out |= keys(v, here)
    elif isinstance(value, list):
        for item in value:
            out |= keys(item, f"{path}[]")
    return out


@pytest.fixture
def verifying(main_case, pu):
    """The scenario case with its verification tasks open (so tasks have results to hide)."""
    services.register_application(main_case, actor=pu)
    services.start_verification(main_case, actor=pu)
    task = main_case.tasks.first()
    services.complete_task(task, actor=pu, result="Name matches the military ticket")
    main_case.refresh_from_db()
    return main_case


# --- who sees what -------------------------------------------------------------------------


@pytest.mark.parametrize("persona", HIDDEN)
def test_it_answers_404_for_every_case_endpoint_to_those_who_may_not_see_it(
    client, request, main_case, persona
):
    actor = request.getfixturevalue(persona)
    as_(client, actor)
    pk, before = main_case.pk, main_case.version
    assert client.get(f"/api/v1/cases/{pk}").status_code == 404
    assert client.get(f"/api/v1/cases/{pk}/timeline").status_code == 404
    response = step(client, pk, "register", main_case.version)
    assert response.status_code == 404
    assert response.json() == {"detail": f"No case {pk} that you may see."}
    ids = [c["id"] for c in client.get("/api/v1/cases?queue=all").json()["items"]]
    assert pk not in ids
    assert client.get("/api/v1/referrals").json()["items"] == []
    main_case.refresh_from_db()
    assert (main_case.state, main_case.version) == ("accepted", before)


def test_it_answers_404_for_a_case_that_does_not_exist(client, pu, main_case):
    as_(client, pu)
    assert client.get("/api/v1/cases/999999").status_code == 404


@pytest.mark.parametrize(
    ("persona", "groups"),
    [
        ("pu", ["core", "personal", "interview"]),
        ("lawyer", ["core", "personal", "interview"]),
        ("pst", ["core", "personal", "security"]),
    ],
)
def test_it_shows_the_case_cut_to_the_readers_field_groups(
    client, request, verifying, persona, groups
):
    actor = request.getfixturevalue(persona)
    response = as_(client, actor).get(f"/api/v1/cases/{verifying.pk}")
    assert response.status_code == 200, response.content
    doc = response.json()
    present = keys(doc)
    text = response.content.decode()
    assert doc["groups"] == groups
    assert doc["state"] == "under_verification"
    assert doc["incident_reference"] == verifying.incident.reference
    assert doc["security_notifications"][0]["status"] == "assessed"
    assert {"referrals[].from_unit.code", "clocks[].due_at", "clocks[].seconds_left"} <= present
    # personal: every reader here has it
    assert doc["person"]["nationality"] == "RU"
    assert doc["person"]["language"] == "Russian"
    # interview
    interview = {"interviews[].summary", "interviews[].interpreter", "tasks[].result"}
    if "interview" in groups:
        assert interview <= present
        assert QUESTIONING in text
        assert "Name matches the military ticket" in text
    else:
        assert not interview & present
        assert QUESTIONING not in text
        assert "Name matches the military ticket" not in text
    # security
    security = {"security_notifications[].reason", "security_notifications[].assessments"}
    if "security" in groups:
        assert security <= present
        assert ASSESSMENT_TEXT in text and NOTIFICATION_REASON in text
    else:
        assert not security & present
        assert ASSESSMENT_TEXT not in text and NOTIFICATION_REASON not in text
        assert "espionage" not in text


def test_it_leaves_out_what_the_groups_do_not_cover_rather_than_sending_null(verifying, pu):
    full = case_document(verifying, pu, {"core", "personal", "interview", "security"})
    core = case_document(verifying, pu, {"core"})
    head = case_document(verifying, pu, set())
    assert set(head) == {"id", "reference", "state", "state_label", "version", "groups"}
    assert "person" in full and "person" not in core
    assert all("summary" not in i for i in core["interviews"])
    assert all("result" not in t and "evidence" not in t for t in core["tasks"])
    assert all("reason" not in n for n in core["security_notifications"])
    assert all("summary" in i for i in full["interviews"])


def test_it_lists_the_steps_the_reader_may_take_with_what_they_need(client, pu, lawyer, main_case):
    doc = as_(client, pu).get(f"/api/v1/cases/{main_case.pk}").json()
    steps = {t["name"]: t["needs"] for t in doc["allowed_transitions"]}
    assert steps == {"refer": ["to_unit", "reason"], "register": [], "withdraw_claim": ["reason"]}
    doc = as_(client, lawyer).get(f"/api/v1/cases/{main_case.pk}").json()
    assert doc["allowed_transitions"] == []


def test_it_audits_the_read_as_an_api_read(client, pu, main_case):
    as_(client, pu).get(f"/api/v1/cases/{main_case.pk}")
    event = AuditEvent.objects.filter(verb="case.viewed").latest("seq")
    assert (event.target_id, event.channel, event.payload["view"]) == (
        str(main_case.pk),
        "api",
        "api",
    )
    assert set(event.fields) == {"core", "personal", "interview"}


def test_it_requires_sign_in(client, main_case):
    for path in ("/api/v1/cases", f"/api/v1/cases/{main_case.pk}", "/api/v1/tasks"):
        assert client.get(path).status_code == 401
    assert step(client, main_case.pk, "register", 2).status_code == 401


# --- queues --------------------------------------------------------------------------------


def test_it_lists_a_queue_with_the_counts_of_every_queue(client, pu, main_case):
    body = as_(client, pu).get("/api/v1/cases?queue=mine").json()
    assert body["counts"] == {"mine": 1, "referred": 0, "due": 0, "overdue": 1, "all": 1}
    [item] = body["items"]
    assert item["reference"] == main_case.reference
    assert item["owning_unit"] == {"code": "pu", "name": "PU"}
    assert item["next_due"] is not None
    assert (item["state"], item["version"]) == ("accepted", main_case.version)
    assert "person" not in item
    assert as_(client, pu).get("/api/v1/cases?queue=overdue").json()["items"][0]["id"] == (
        main_case.pk
    )
    assert client.get("/api/v1/cases?state=granted").json()["items"] == []


def test_it_refuses_unknown_queues_sorts_states_and_cursors(client, pu, main_case):
    as_(client, pu)
    assert client.get("/api/v1/cases?queue=someday").status_code == 422
    assert client.get("/api/v1/cases?sort=name").status_code == 422
    assert client.get("/api/v1/cases?state=lost").status_code == 422
    assert client.get("/api/v1/cases?limit=201").status_code == 422
    response = client.get("/api/v1/cases?cursor=zzz")
    assert (response.status_code, response.json()["field"]) == (400, "cursor")


def many_cases(police, n, at):
    """n cases of the Finnmark police district, all claimed at the same instant."""
    from borderwatch.border import services as border

    out = []
    for _ in range(n):
        incident = border.open_incident(actor=police, occurred_from=at - timedelta(hours=1))
        custody = services.record_apprehension(
            incident, actor=police, apprehended_at=at, legal_basis="border_holding", person={}
        )
        out.append(services.record_asylum_request(custody.person, actor=police, requested_at=at))
    return out


def test_it_reads_a_queue_in_a_constant_number_of_queries(
    client, police, world, django_assert_max_num_queries
):
    at = timezone.now() - timedelta(hours=2)
    many_cases(police, 1, at)
    as_(client, police)
    client.get("/api/v1/cases?queue=mine")  # session and middleware warm
    with CaptureQueriesContext(connection) as one:
        assert len(client.get("/api/v1/cases?queue=mine").json()["items"]) == 1
    many_cases(police, 24, at)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(client.get("/api/v1/cases?queue=mine&limit=50").json()["items"]) == 25


@pytest.mark.parametrize("sort", ["due", "-due", "claimed", "-claimed", "state", "updated"])
def test_it_pages_every_sort_without_losing_or_repeating_a_case(
    client, police, pu, world, main_case, sort
):
    at = timezone.now() - timedelta(hours=2)
    for case in many_cases(police, 6, at):  # ties: same claim time, same answer deadline
        services.refer_case(case, actor=police, to_unit=world["pu"], reason="r", at=at)
    services.register_application(main_case, actor=pu)  # no deadline of PU's left: null
    as_(client, pu)
    whole = client.get(f"/api/v1/cases?queue=all&sort={sort}&limit=200").json()["items"]
    assert len(whole) == 7
    if sort in ("due", "-due"):  # cases without a deadline come last either way
        assert [c["next_due"] is None for c in whole] == [False] * 6 + [True]
    paged, cursor = [], None
    while True:
        url = f"/api/v1/cases?queue=all&sort={sort}&limit=3"
        body = client.get(url + (f"&cursor={cursor}" if cursor else "")).json()
        paged += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert [c["id"] for c in paged] == [c["id"] for c in whole]
    other = "claimed" if sort != "claimed" else "updated"
    first = client.get(f"/api/v1/cases?queue=all&sort={sort}&limit=3").json()["next_cursor"]
    response = client.get(f"/api/v1/cases?queue=all&sort={other}&cursor={first}")
    assert (response.status_code, response.json()["field"]) == (400, "cursor")


# --- transitions ---------------------------------------------------------------------------


def test_it_works_a_case_through_the_api_from_acceptance_to_a_decision(client, pu, udi, main_case):
    pk = main_case.pk
    as_(client, pu)
    doc = client.get(f"/api/v1/cases/{pk}").json()
    doc = step(client, pk, "register", doc["version"]).json()
    assert doc["state"] == "registered"
    doc = step(client, pk, "start_verification", doc["version"]).json()
    assert doc["state"] == "under_verification" and len(doc["tasks"]) == 5
    tasks = client.get(f"/api/v1/tasks?case={pk}&status=open").json()["items"]
    assert len(tasks) == 5
    for task in tasks:
        response = post(client, f"/api/v1/tasks/{task['id']}/complete", {"result": "Consistent"})
        assert response.json()["status"] == "done"
    response = step(client, pk, "send_for_decision", doc["version"], to_unit="udi")
    assert response.status_code == 400  # not interviewed yet
    doc = step(
        client,
        pk,
        "record_interview",
        doc["version"],
        summary="Describes desertion",
        interpreter="Russian interpreter",
    ).json()
    assert doc["state"] == "interviewed"
    assert "Describes desertion" in [i.get("summary") for i in doc["interviews"]]
    doc = step(client, pk, "send_for_decision", doc["version"], to_unit="udi").json()
    assert (doc["state"], doc["owning_unit"]["code"]) == ("sent_for_decision", "pu")
    assert doc["allowed_transitions"] == []

    as_(client, udi)
    assert [c["id"] for c in client.get("/api/v1/cases?queue=referred").json()["items"]] == [pk]
    doc = client.get(f"/api/v1/cases/{pk}").json()
    steps = {t["name"]: t["needs"] for t in doc["allowed_transitions"]}
    assert steps["grant"] == ["reasoning"]
    response = step(client, pk, "grant", doc["version"])
    assert (response.status_code, response.json()["field"]) == (400, "reasoning")
    doc = step(client, pk, "grant", doc["version"], reasoning="Well-founded fear").json()
    assert doc["state"] == "granted"
    assert doc["decision"]["outcome"] == "granted"
    assert doc["decision"]["reasoning"] == "Well-founded fear"
    assert doc["owning_unit"]["code"] == "udi"
    assert as_(client, pu).get(f"/api/v1/cases/{pk}").status_code == 404
    names = list(CaseTransition.objects.filter(case_id=pk).values_list("name", flat=True))
    assert names[-5:] == [
        "register",
        "start_verification",
        "record_interview",
        "send_for_decision",
        "grant",
    ]
    events = AuditEvent.objects.filter(verb="case.transition", target_id=str(pk), channel="api")
    assert events.count() == 5


@pytest.fixture
def second_caseworker(world, console):
    from borderwatch.access.actor import Actor
    from borderwatch.access.services import create_user, grant_membership

    user = create_user(actor=console, username="pu2", password=PASSWORD, first_name="Pia")
    grant_membership(actor=console, user=user, unit=world["pu"], role="immigration_caseworker")
    return Actor.for_user(user)


def test_it_refuses_the_second_of_two_caseworkers_with_a_conflict(pu, second_caseworker, main_case):
    first, second = as_(Client(), pu), as_(Client(), second_caseworker)
    pk = main_case.pk
    read_by_first = first.get(f"/api/v1/cases/{pk}").json()["version"]
    read_by_second = second.get(f"/api/v1/cases/{pk}").json()["version"]
    assert step(first, pk, "register", read_by_first).status_code == 200
    before = (
        AsylumCase.objects.values_list("state", "version").get(pk=pk),
        CaseTransition.objects.filter(case_id=pk).count(),
        AuditEvent.objects.count(),
        Task.objects.count(),
    )
    response = step(second, pk, "withdraw_claim", read_by_second, reason="Said so on the phone")
    assert response.status_code == 409
    assert "changed by someone else" in response.json()["detail"]
    assert "Reload" in response.json()["detail"]
    after = (
        AsylumCase.objects.values_list("state", "version").get(pk=pk),
        CaseTransition.objects.filter(case_id=pk).count(),
        AuditEvent.objects.count(),
        Task.objects.count(),
    )
    assert after == before
    assert before[0] == ("registered", read_by_first + 1)


def test_it_names_the_field_at_fault_and_changes_nothing(client, pu, main_case):
    as_(client, pu)
    pk, v = main_case.pk, main_case.version
    cases = [
        (("refer", {"to_unit": "udi"}), "reason"),
        (("refer", {"to_unit": "nowhere", "reason": "r"}), "to_unit"),
        (("refer", {"to_unit": "pu", "reason": "r"}), "to_unit"),
        (("withdraw_claim", {"reason": " "}), "reason"),
        (("teleport", {}), "transition"),
    ]
    for (name, fields), field in cases:
        response = step(client, pk, name, v, **fields)
        assert (response.status_code, response.json().get("field")) == (400, field), (name, fields)
    response = step(client, pk, "grant", v, reasoning="x")
    assert response.status_code == 403  # visible, but not PU's step
    main_case.refresh_from_db()
    assert (main_case.state, main_case.version) == ("accepted", v)


def test_it_refuses_steps_to_readers_who_may_only_read(client, lawyer, pst, main_case):
    for actor in (lawyer, pst):
        response = step(as_(client, actor), main_case.pk, "register", main_case.version)
        assert response.status_code == 403
        assert "may not" in response.json()["detail"]


def test_it_wants_the_expected_version_and_well_formed_json(client, pu, main_case):
    as_(client, pu)
    path = f"/api/v1/cases/{main_case.pk}/transitions"
    response = post(client, path, {"transition": "register", "fields": {}})
    assert response.status_code == 422
    assert any(e["loc"][-1] == "expected_version" for e in response.json()["detail"])
    response = post(client, path, {"transition": "register", "expected_version": "two"})
    assert response.status_code == 422
    response = post(client, path, {"transition": "register", "expected_version": 2, "x": 1})
    assert response.status_code == 422
    response = client.post(path, data="{not json", content_type="application/json")
    # django-ninja answers a body it cannot parse with 400 (before any schema applies)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Cannot parse request body")
    main_case.refresh_from_db()
    assert main_case.state == "accepted"


def test_it_refuses_a_session_post_without_the_csrf_token(pu, main_case):
    client = as_(Client(enforce_csrf_checks=True), pu)
    response = step(client, main_case.pk, "register", main_case.version)
    assert response.status_code == 403
    main_case.refresh_from_db()
    assert main_case.state == "accepted"
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    response = post(
        client,
        f"/api/v1/cases/{main_case.pk}/transitions",
        {"transition": "register", "expected_version": main_case.version},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200, response.content


def test_a_write_without_a_session_is_unauthorised_not_a_csrf_failure(main_case, db):
    client = Client(enforce_csrf_checks=True)
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer bw_wrong_token"}):
        body = {"transition": "register", "expected_version": main_case.version}
        response = post(client, f"/api/v1/cases/{main_case.pk}/transitions", body, **headers)
        assert response.status_code == 401, response.content
        response = post(client, "/api/v1/reports", {"text": "Two men crossed."}, **headers)
        assert response.status_code == 401, response.content
    # a session cookie that is not signed in still needs the token on writes
    client.cookies["sessionid"] = "not-a-session"
    response = post(client, "/api/v1/reports", {"text": "Two men crossed."})
    assert response.status_code == 403, response.content
    main_case.refresh_from_db()
    assert main_case.state == "accepted"


def test_it_answers_with_only_the_head_when_the_step_hides_the_case(client, pu, police, world):
    [case] = many_cases(police, 1, timezone.now() - timedelta(hours=1))
    services.refer_case(case, actor=police, to_unit=world["pu"], reason="Please register")
    case.refresh_from_db()
    as_(client, pu)
    response = step(client, case.pk, "reject_referral", case.version, reason="Not ours")
    assert response.status_code == 200, response.content
    assert set(response.json()) == {"id", "reference", "state", "state_label", "version", "groups"}
    assert response.json()["state"] == "claimed"
    assert client.get(f"/api/v1/cases/{case.pk}").status_code == 404


# --- timeline ------------------------------------------------------------------------------


def test_it_serves_the_timeline_cut_to_the_readers_groups(client, pu, pst, lawyer, main_case):
    body = as_(client, pu).get(f"/api/v1/cases/{main_case.pk}/timeline").json()
    assert body["case"] == main_case.reference
    whats = [e["what"] for e in body["entries"]]
    assert whats[0].startswith("Detection")
    text = json.dumps(body)
    assert QUESTIONING in text and ASSESSMENT_TEXT not in text
    text = as_(client, pst).get(f"/api/v1/cases/{main_case.pk}/timeline").content.decode()
    assert ASSESSMENT_TEXT in text and QUESTIONING not in text
    text = as_(client, lawyer).get(f"/api/v1/cases/{main_case.pk}/timeline").content.decode()
    assert ASSESSMENT_TEXT not in text and NOTIFICATION_REASON not in text
    event = AuditEvent.objects.filter(verb="case.viewed").latest("seq")
    assert (event.payload["view"], event.channel) == ("timeline", "api")


# --- referrals -----------------------------------------------------------------------------


@pytest.fixture
def referred(police, world):
    cases = many_cases(police, 3, timezone.now() - timedelta(hours=1))
    for case in cases:
        services.refer_case(case, actor=police, to_unit=world["pu"], reason="Please register")
    return cases


def test_it_lists_referrals_by_direction(client, pu, police, lawyer, referred):
    body = as_(client, pu).get("/api/v1/referrals?direction=incoming&status=pending").json()
    assert {r["case"] for r in body["items"]} == {c.pk for c in referred}
    assert all(r["case_version"] == 2 for r in body["items"])
    assert client.get("/api/v1/referrals?direction=outgoing").json()["items"] == []
    body = as_(client, police).get("/api/v1/referrals?direction=outgoing&limit=2").json()
    assert len(body["items"]) == 2 and body["next_cursor"]
    rest = client.get(f"/api/v1/referrals?direction=outgoing&cursor={body['next_cursor']}")
    assert len(rest.json()["items"]) == 1
    assert as_(client, lawyer).get("/api/v1/referrals").json()["items"] == []
    assert client.get("/api/v1/referrals?direction=sideways").status_code == 422


def test_it_accepts_rejects_and_withdraws_referrals(
    client, pu, police, other_police, lawyer, referred
):
    a, b, c = (case.referrals.get() for case in referred)
    as_(client, pu)
    response = post(client, f"/api/v1/referrals/{a.pk}/accept", {"expected_version": 2})
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["case_version"]) == ("accepted", 3)
    assert AsylumCase.objects.get(pk=a.case_id).owning_unit.code == "pu"
    response = post(client, f"/api/v1/referrals/{b.pk}/reject", {"expected_version": 2})
    assert response.status_code == 422  # the reason is required
    response = post(
        client, f"/api/v1/referrals/{b.pk}/reject", {"reason": " ", "expected_version": 2}
    )
    assert (response.status_code, response.json()["field"]) == (400, "reason")
    response = post(
        client, f"/api/v1/referrals/{b.pk}/reject", {"reason": "Not ours", "expected_version": 2}
    )
    assert response.json()["status"] == "rejected"
    response = post(
        client, f"/api/v1/referrals/{c.pk}/withdraw", {"reason": "x", "expected_version": 2}
    )
    assert response.status_code == 403  # the receiver cannot withdraw
    for who in (other_police, lawyer):
        response = post(
            as_(client, who), f"/api/v1/referrals/{c.pk}/accept", {"expected_version": 2}
        )
        assert response.status_code == 404
    as_(client, police)
    response = post(
        client,
        f"/api/v1/referrals/{c.pk}/withdraw",
        {"reason": "Wrong unit", "expected_version": 1},
    )
    assert response.status_code == 409
    response = post(
        client,
        f"/api/v1/referrals/{c.pk}/withdraw",
        {"reason": "Wrong unit", "expected_version": 2},
    )
    assert (response.status_code, response.json()["status"]) == (200, "withdrawn")
    assert response.json()["case_state"] == "claimed"


# --- tasks ---------------------------------------------------------------------------------


def test_it_lists_assigns_and_completes_tasks(client, pu, police, world, verifying):
    as_(client, pu)
    body = client.get("/api/v1/tasks").json()
    assert len(body["items"]) == 5
    assert "result" not in body["items"][0]
    assert len(client.get("/api/v1/tasks?status=open").json()["items"]) == 4
    assert client.get("/api/v1/tasks?mine=true").json()["items"] == []
    task = client.get("/api/v1/tasks?status=open").json()["items"][0]
    response = post(client, f"/api/v1/tasks/{task['id']}/assign", {"assignee": "pu"})
    assert response.json()["assignee"] == "pu"
    assert [t["id"] for t in client.get("/api/v1/tasks?mine=true").json()["items"]] == [task["id"]]
    for name, field in (("nobody-here", "assignee"), ("police", "assignee")):
        response = post(client, f"/api/v1/tasks/{task['id']}/assign", {"assignee": name})
        assert (response.status_code, response.json()["field"]) == (400, field)
    response = post(client, f"/api/v1/tasks/{task['id']}/assign", {"assignee": None})
    assert response.json()["assignee"] is None
    response = post(client, f"/api/v1/tasks/{task['id']}/complete", {"result": ""})
    assert (response.status_code, response.json()["field"]) == (400, "result")
    response = post(
        client,
        f"/api/v1/tasks/{task['id']}/complete",
        {"result": "No hit", "cancelled": True, "evidence": "SIS query 4711"},
    )
    assert response.json()["status"] == "cancelled"
    response = post(client, f"/api/v1/tasks/{task['id']}/complete", {"result": "again"})
    assert response.status_code == 400
    page = client.get("/api/v1/tasks?limit=2").json()
    rest = client.get(f"/api/v1/tasks?limit=10&cursor={page['next_cursor']}").json()
    assert len(page["items"]) + len(rest["items"]) == 5


@pytest.mark.parametrize(("persona", "status"), [("other_police", 404), ("lawyer", 403)])
def test_it_keeps_tasks_to_their_unit(client, request, verifying, persona, status):
    actor = request.getfixturevalue(persona)
    task = verifying.tasks.filter(status="open").first()
    as_(client, actor)
    assert client.get("/api/v1/tasks").json()["items"] == []
    response = post(client, f"/api/v1/tasks/{task.pk}/complete", {"result": "done"})
    assert response.status_code == status
    response = post(client, f"/api/v1/tasks/{task.pk}/assign", {"assignee": None})
    assert response.status_code == status
    task.refresh_from_db()
    assert task.status == "open"


# --- notifications -------------------------------------------------------------------------


@pytest.fixture
def notified(main_case):
    notify.run_once()
    return Notification.objects.filter(unit__code="pu")


def test_it_lists_the_units_notifications_unread_first(client, pu, notified):
    assert notified.count() >= 1
    as_(client, pu)
    body = client.get("/api/v1/notifications").json()
    assert body["unread"] == notified.count()
    first = body["items"][0]
    assert first["read_at"] is None and first["case_reference"]
    response = post(client, f"/api/v1/notifications/{first['id']}/read", {})
    assert response.status_code == 200, response.content
    assert response.json()["read_by"] == "pu"
    event = AuditEvent.objects.get(verb="notification.read")
    assert event.target_id == str(first["id"])
    post(client, f"/api/v1/notifications/{first['id']}/read", {})
    assert AuditEvent.objects.filter(verb="notification.read").count() == 1  # once
    body = client.get("/api/v1/notifications").json()
    assert body["unread"] == notified.count() - 1
    assert body["items"][-1]["id"] == first["id"]  # read ones come last
    assert client.get("/api/v1/notifications?unread=true").json()["items"] == body["items"][:-1]


def test_it_pages_notifications(client, pu, notified, world):
    from borderwatch.cases.models import Notification as N

    for n in range(4):
        N.objects.create(
            unit=world["pu"], kind="info", message=f"note {n}", created_at=timezone.now()
        )
    total = N.objects.filter(unit__code="pu").count()
    as_(client, pu)
    first_id = client.get("/api/v1/notifications").json()["items"][0]["id"]
    post(client, f"/api/v1/notifications/{first_id}/read", {})
    seen, cursor = [], None
    while True:
        url = "/api/v1/notifications?limit=2" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == total == len({n["id"] for n in seen})
    assert seen[-1]["id"] == first_id


def test_it_keeps_notifications_to_their_unit(client, police, pu, notified):
    note = notified.first()
    as_(client, police)
    assert note.pk not in [n["id"] for n in client.get("/api/v1/notifications").json()["items"]]
    assert post(client, f"/api/v1/notifications/{note.pk}/read", {}).status_code == 404
    with pytest.raises(AccessDenied):
        services.mark_notification_read(note, actor=police)
    note.refresh_from_db()
    assert note.read_at is None


# --- the OpenAPI -----------------------------------------------------------------------------


def test_it_lists_the_case_endpoints_in_the_offline_openapi(client, pu):
    spec = as_(client, pu).get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/cases",
        "/api/v1/cases/{case_id}",
        "/api/v1/cases/{case_id}/transitions",
        "/api/v1/cases/{case_id}/timeline",
        "/api/v1/referrals",
        "/api/v1/referrals/{referral_id}/accept",
        "/api/v1/referrals/{referral_id}/reject",
        "/api/v1/referrals/{referral_id}/withdraw",
        "/api/v1/tasks",
        "/api/v1/tasks/{task_id}/complete",
        "/api/v1/tasks/{task_id}/assign",
        "/api/v1/notifications",
        "/api/v1/notifications/{notification_id}/read",
    } <= set(spec["paths"])
    transitions = spec["paths"]["/api/v1/cases/{case_id}/transitions"]["post"]
    assert {"200", "400", "403", "404", "409"} <= set(transitions["responses"])
