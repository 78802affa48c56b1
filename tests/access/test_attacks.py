"""Tests that try to get in: stored XSS in free text, SQL injection in filters, oversized and
malformed JSON. Everything must be refused or rendered harmless, never a server error."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from borderwatch.border import services as border
from borderwatch.cases import services as cases

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE cases_asylumcase; --",
    '" OR 1=1 --',
    "RU' UNION SELECT password FROM access_user --",
    "%' AND 1=1 --",
    "\\x00",
]


@pytest.fixture
def poisoned(main_case, police, pu, guard):
    """Free text everywhere a person could type it, all of it hostile."""
    at = timezone.now() - timedelta(hours=3)
    d = border.file_detection(
        actor=guard, detected_at=at, lat=69.77, lon=30.82, source="patrol", description=XSS
    )
    incident = border.open_incident(
        actor=police,
        detections=[d],
        occurred_from=at,
        summary=XSS,
        claimed_affiliation=XSS,
        time_text=XSS,
    )
    custody = cases.record_apprehension(
        incident,
        actor=police,
        apprehended_at=at,
        legal_basis="criminal_arrest",
        person={"given_names": XSS, "family_name": XSS, "language": XSS},
    )
    cases.record_interview(
        custody.person,
        actor=police,
        kind="questioning",
        held_at=at + timedelta(minutes=30),
        summary=XSS,
        interpreter=XSS,
    )
    case = cases.record_asylum_request(custody.person, actor=police, requested_at=at)
    cases.refer_case(case, actor=police, to_unit=main_case.owning_unit, reason=XSS)
    return incident, case


def test_it_renders_every_free_text_field_escaped(client, police, pu, poisoned):
    incident, case = poisoned
    pages = []
    client.force_login(police.user)
    pages += [
        client.get(f"/incidents/{incident.pk}/"),
        client.get("/incidents/"),
        client.get(f"/custody/{case.person.custodies.get().pk}/"),
        client.get(f"/cases/{case.pk}/"),
    ]
    client.force_login(pu.user)
    pages += [client.get(f"/cases/{case.pk}/"), client.get("/cases/?queue=referred")]
    for response in pages:
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>alert" not in html
        assert "onerror=alert" not in html or "&lt;img" in html
    assert ESCAPED in pages[0].content.decode()


@pytest.mark.parametrize("value", INJECTIONS)
def test_it_treats_injection_strings_in_filters_as_plain_values(client, police, story, value):
    client.force_login(police.user)
    queries = [
        ("/api/v1/incidents", {"section": value, "nationality": value}),
        ("/api/v1/stats/count", {"nationality": value, "section": value}),
        ("/api/v1/map/features", {"nationality": value, "type": value, "bbox": value}),
        ("/api/v1/cases", {"state": value, "sort": value, "queue": value}),
        ("/incidents/", {"page": value}),
        ("/cases/", {"state": value, "sort": value, "queue": value}),
        ("/stats/", {"nationality": value, "section": value, "since": value}),
        ("/map/", {"nationality": value, "since": value}),
    ]
    for path, params in queries:
        response = client.get(path, params)
        assert response.status_code < 500, (path, params, response.status_code)
        if path == "/api/v1/incidents" and response.status_code == 200:
            assert response.json()["items"] == []  # no filter widened the result


def test_it_refuses_an_oversized_body(police, story, settings):
    client = Client(raise_request_exception=False)
    client.force_login(police.user)
    big = {
        "detections": [
            {
                "detected_at": "2025-08-22T07:15:00+02:00",
                "lat": 69.7,
                "lon": 30.8,
                "source": "patrol",
                "description": "x" * 3000,
            }
        ]
        * 1000
    }
    body = json.dumps(big)
    assert len(body) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client.post("/api/v1/detections/batch", data=body, content_type="application/json")
    assert response.status_code in (400, 413, 422)


@pytest.mark.parametrize(
    "body",
    ["{", "[]", "null", '{"detected_at": }', "\x00\x01", '{"lat": 1e999}', '"' + "a" * 10000 + '"'],
)
def test_it_refuses_malformed_json(police, story, body):
    client = Client(raise_request_exception=False)
    client.force_login(police.user)
    for path in (
        "/api/v1/detections",
        "/api/v1/detections/batch",
        "/api/v1/reports",
        "/api/v1/break-glass",
    ):
        response = client.post(path, data=body, content_type="application/json")
        assert response.status_code in (400, 422), (path, body, response.status_code)
