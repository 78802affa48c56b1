"""Every page and every API operation, visited as every persona: the expected answer is
written down here, and a route without an entry fails the test (so no view or endpoint
ships without a decision about who may use it).

Codes: 200 ok; 302 to the sign-in page (signed out) or onwards (home); 401 API signed out;
403 seen but not allowed; 404 hidden (existence is not revealed); 405 wrong method.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

PERSONAS = [
    "anon",
    "guard",
    "police",
    "other_police",
    "pu",
    "udi",
    "pst",
    "lawyer",
    "analyst",
    "admin_actor",
]


def _walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            sub = prefix + str(p.pattern)
            if sub.startswith(("admin/", "api/")):
                continue
            yield from _walk(p.url_patterns, sub)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name


def page_routes() -> dict[str, str]:
    return {name: pattern for pattern, name in _walk(get_resolver().url_patterns)}


def api_operations(client) -> list[str]:
    spec = client.get("/api/v1/openapi.json").json()
    return sorted(
        f"{method.upper()} {path}" for path, item in spec["paths"].items() for method in item
    )


@pytest.fixture
def ctx(main_case):
    from borderwatch.cases.models import Notification
    from borderwatch.sources.models import SourceReport

    custody = main_case.person.custodies.get()
    task_case = main_case
    return {
        "case": main_case.pk,
        "incident": main_case.incident_id,
        "custody": custody.pk,
        "task": 1,
        "report": SourceReport.objects.first().pk,
        "notification": Notification.objects.values_list("pk", flat=True).first() or 1,
        "task_case": task_case.pk,
    }


def client_for(request, persona):
    client = Client()
    if persona != "anon":
        client.force_login(request.getfixturevalue(persona).user)
    return client


def fill(path: str, ctx: dict) -> str:
    import re

    values = {
        "pk": ctx["case"],
        "task_pk": ctx["task"],
        "name": "register",
        "action": "questioning",
        "incident_id": ctx["incident"],
        "case_id": ctx["case"],
        "referral_id": 1,
        "task_id": ctx["task"],
        "notification_id": ctx["notification"],
        "code": "pasvik",
        "report_id": ctx["report"],
        "event_id": 1,
    }
    return "/" + re.sub(
        r"<(?:\w+:)?(\w+)>|\{(\w+)\}", lambda m: str(values[m.group(1) or m.group(2)]), path
    )


# persona order: anon guard police other_police pu udi pst lawyer analyst admin_actor
A = "302 "  # signed out: to the sign-in page
PAGES = {
    # name: (which record fills <pk>, expected codes)
    "login": ("case", "200 200 200 200 200 200 200 200 200 200"),
    "logout": ("case", "405 405 405 405 405 405 405 405 405 405"),  # POST only
    "otp_verify": ("case", "302 302 302 302 302 302 302 302 302 302"),  # none pending
    "otp_setup": ("case", A + "200 200 200 200 200 200 200 200 200"),
    "switch_unit": ("case", "405 405 405 405 405 405 405 405 405 405"),
    "home": ("case", A + "302 302 302 302 302 302 302 200 200"),
    "break_glass": ("case", A + "200 200 200 200 200 403 403 403 403"),
    # Lists are filtered by the policy: an empty list reveals nothing.
    "incident_list": ("case", A + "200 200 200 200 200 200 200 200 200"),
    "case_list": ("case", A + "200 200 200 200 200 200 200 200 200"),
    "notifications": ("case", A + "200 200 200 200 200 200 200 200 200"),
    "notifications_read": ("case", "405 405 405 405 405 405 405 405 405 405"),
    # Records: 404 where the record is hidden, 403 where seen but the action is not allowed.
    "incident_detail": ("incident", A + "200 200 404 200 404 200 404 404 404"),
    "apprehension": ("incident", A + "403 200 404 403 404 403 404 404 404"),
    "case_detail": ("case", A + "404 404 404 200 404 200 200 404 404"),
    "case_step": ("case", "405 405 405 405 405 405 405 405 405 405"),
    "task_complete": ("case", "405 405 405 405 405 405 405 405 405 405"),
    "task_assign": ("case", "405 405 405 405 405 405 405 405 405 405"),
    "custody_detail": ("custody", A + "404 200 404 404 404 404 404 404 404"),
    "custody_action": ("custody", "405 405 405 405 405 405 405 405 405 405"),
    "map": ("case", A + "200 200 200 200 200 200 404 404 404"),
    "stats": ("case", A + "200 200 200 200 200 200 403 200 403"),
    "report_list": ("case", A + "200 200 200 200 403 200 403 200 403"),
    "report_new": ("case", A + "200 200 200 200 403 200 403 200 403"),
    "report_detail": ("report", A + "200 200 200 200 404 200 404 200 404"),
    # The queue: whoever may read reports; only guards and police accept, merge, reject.
    "review_list": ("case", A + "200 200 200 200 403 200 403 200 403"),
    # The scenario proposes nothing (its report is not extracted): no proposal 1 to see.
    # tests/sources/test_review.py visits a real one as each kind of persona.
    "review_detail": ("case", A + "404 404 404 404 404 404 404 404 404"),
}
U = "401 "  # API signed out
ALL = U + "200 200 200 200 200 200 200 200 200"
AGG = U + "200 200 200 200 200 200 403 200 403"
BAD_BODY = U + "422 422 422 422 422 422 422 422 422"  # the policy runs after the schema
API = {
    "GET /api/v1/border": ALL,
    "GET /api/v1/sections": ALL,
    "GET /api/v1/sections/{code}": ALL,
    "GET /api/v1/map/land": ALL,
    "GET /api/v1/map/places": ALL,
    "GET /api/v1/map/features": ALL,  # filtered: empty for those who see no incident
    "GET /api/v1/incidents": ALL,
    "GET /api/v1/cases": ALL,
    "GET /api/v1/notifications": ALL,
    "GET /api/v1/referrals": ALL,
    "GET /api/v1/tasks": ALL,
    "GET /api/v1/incidents/{incident_id}": U + "200 200 404 200 404 200 404 404 404",
    "GET /api/v1/cases/{case_id}": U + "404 404 404 200 404 200 200 404 404",
    "GET /api/v1/cases/{case_id}/timeline": U + "404 404 404 200 404 200 200 404 404",
    "GET /api/v1/reports/{report_id}": U + "200 200 200 200 404 200 404 200 404",
    "GET /api/v1/reports/review": U + "200 200 200 200 403 200 403 200 403",
    "GET /api/v1/reports/review/{event_id}": U + "404 404 404 404 404 404 404 404 404",
    # an empty body is a valid accept (no edits): no proposal 1 in the scenario, so 404
    "POST /api/v1/reports/review/{event_id}/accept": U + "404 404 404 404 404 404 404 404 404",
    "POST /api/v1/reports/review/{event_id}/merge": BAD_BODY,
    "POST /api/v1/reports/review/{event_id}/reject": BAD_BODY,
    "GET /api/v1/stats/count": AGG,
    "GET /api/v1/stats/breakdown": AGG,
    "GET /api/v1/stats/breakdown.csv": AGG,
    "GET /api/v1/stats/export.csv": AGG,
    "GET /api/v1/stats/export.geojson": AGG,
    "POST /api/v1/break-glass": BAD_BODY,
    "POST /api/v1/cases/{case_id}/transitions": BAD_BODY,
    "POST /api/v1/detections": BAD_BODY,
    "POST /api/v1/detections/batch": BAD_BODY,
    "POST /api/v1/referrals/{referral_id}/accept": BAD_BODY,
    "POST /api/v1/referrals/{referral_id}/reject": BAD_BODY,
    "POST /api/v1/referrals/{referral_id}/withdraw": BAD_BODY,
    "POST /api/v1/reports": BAD_BODY,
    "POST /api/v1/tasks/{task_id}/assign": BAD_BODY,
    "POST /api/v1/tasks/{task_id}/complete": BAD_BODY,
    "POST /api/v1/notifications/{notification_id}/read": U + "404 404 404 404 404 404 404 404 404",
}


def expected(codes: str) -> dict[str, int]:
    return dict(zip(PERSONAS, (int(c) for c in codes.split()), strict=True))


def test_every_page_has_an_entry():
    missing = sorted(set(page_routes()) - set(PAGES))
    assert not missing, f"pages without an access decision in PAGES: {missing}"
    stale = sorted(set(PAGES) - set(page_routes()))
    assert not stale, f"entries for pages that no longer exist: {stale}"


def test_every_api_operation_has_an_entry(client):
    ops = api_operations(client)
    missing = sorted(set(ops) - set(API))
    assert not missing, f"API operations without an access decision in API: {missing}"
    assert not sorted(set(API) - set(ops)), "entries for operations that no longer exist"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_answers_each_persona_as_decided(request, ctx, name):
    record, codes = PAGES[name]
    path = fill(page_routes()[name], {**ctx, "case": ctx[record]})
    got = {p: client_for(request, p).get(path).status_code for p in PERSONAS}
    assert got == expected(codes), path


@pytest.mark.parametrize("op", sorted(API))
def test_each_api_operation_answers_each_persona_as_decided(request, ctx, op):
    method, path = op.split(" ", 1)
    url = fill(path.lstrip("/"), ctx)
    got = {}
    for p in PERSONAS:
        c = client_for(request, p)
        response = (
            c.get(url)
            if method == "GET"
            else c.generic(method, url, data="{}", content_type="application/json")
        )
        got[p] = response.status_code
    assert got == expected(API[op]), op


@pytest.mark.parametrize("guess", [1, 2, 3, 10, 999, 2**31])
def test_guessing_case_ids_reveals_nothing(client, other_police, main_case, guess):
    """IDOR: another unit's officer gets the same 404 for a real case and for no case."""
    client.force_login(other_police.user)
    for path in (f"/cases/{guess}/", f"/api/v1/cases/{guess}"):
        assert client.get(path).status_code == 404
