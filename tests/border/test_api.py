"""The JSON API: detection intake by integration token, incidents, sections, counts."""

import json

import pytest

from borderwatch.access import tokens
from borderwatch.access.models import AuditEvent
from borderwatch.border.models import Detection, Incident

GRENSE = {"lat": 69.7712, "lon": 30.8205}


@pytest.fixture
def sensor(world, console):
    token, plain = tokens.issue_token(actor=console, name="Jakobselva camera 3", unit=world["gsv"])
    return plain


def post(client, path, body, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(path, data=json.dumps(body), content_type="application/json", **headers)


def detection(**kw):
    body = {"detected_at": "2025-08-22T07:15:00+02:00", "source": "camera", **GRENSE}
    body.update(kw)
    return body


def test_it_files_a_detection_with_an_integration_token(client, sensor):
    response = post(client, "/api/v1/detections", detection(sender_id="cam3-001"), sensor)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["created"] is True
    d = Detection.objects.get(pk=body["id"])
    assert d.filed_by_unit.code == "gsv"
    assert d.integration is not None
    assert d.raw_payload["sender_id"] == "cam3-001"
    event = AuditEvent.objects.get(verb="detection.filed", target_id=str(d.pk))
    assert event.actor_name == "integration:Jakobselva camera 3"


def test_it_answers_a_retry_with_the_first_detection(client, sensor):
    first = post(client, "/api/v1/detections", detection(sender_id="cam3-002"), sensor)
    again = post(client, "/api/v1/detections", detection(sender_id="cam3-002"), sensor)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert again.json()["created"] is False
    assert Detection.objects.count() == 1


def test_it_refuses_a_missing_wrong_or_revoked_token(client, sensor, console):
    assert post(client, "/api/v1/detections", detection()).status_code == 401
    assert post(client, "/api/v1/detections", detection(), "bw_nope_nope").status_code == 401
    prefix = sensor.split("_")[1]
    tokens.revoke_token(actor=console, prefix=prefix)
    assert post(client, "/api/v1/detections", detection(), sensor).status_code == 401
    assert Detection.objects.count() == 0


def test_it_names_each_bad_field_and_stores_nothing(client, sensor):
    bad = {
        "detected_at": "2025-08-22T07:15:00",
        "lat": 91,
        "lon": "east",
        "source": "telepathy",
        "colour": "red",
    }
    response = post(client, "/api/v1/detections", bad, sensor)
    assert response.status_code == 422
    fields = {tuple(e["loc"][2:]) for e in response.json()["detail"]}
    assert {("detected_at",), ("lat",), ("lon",), ("source",), ("colour",)} <= fields
    assert Detection.objects.count() == 0


def test_it_refuses_malformed_json(client, sensor):
    response = client.post(
        "/api/v1/detections",
        data="{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {sensor}",
    )
    assert response.status_code in (400, 422)
    assert Detection.objects.count() == 0


def test_it_files_a_batch_all_or_nothing(client, sensor):
    good = [detection(sender_id=f"b-{n}") for n in range(5)]
    bad = [*good, detection(sender_id="b-x", detected_at="2999-01-01T00:00:00+00:00")]
    response = post(client, "/api/v1/detections/batch", {"detections": bad}, sensor)
    assert response.status_code == 400
    assert response.json()["field"] == "[5].detected_at"
    assert Detection.objects.count() == 0
    response = post(client, "/api/v1/detections/batch", {"detections": good}, sensor)
    assert response.status_code == 200
    assert response.json()["created"] == 5


def test_it_refuses_a_batch_over_a_thousand(client, sensor):
    many = [detection() for _ in range(1001)]
    response = post(client, "/api/v1/detections/batch", {"detections": many}, sensor)
    assert response.status_code == 422
    assert Detection.objects.count() == 0


def test_it_correlates_detections_close_in_time_into_one_incident(client, sensor, settings):
    settings.BORDERWATCH_CORRELATION_MINUTES = 60
    a = post(client, "/api/v1/detections", detection(sender_id="c1"), sensor).json()
    b = post(
        client,
        "/api/v1/detections",
        detection(sender_id="c2", detected_at="2025-08-22T07:50:00+02:00"),
        sensor,
    ).json()
    c = post(
        client,
        "/api/v1/detections",
        detection(sender_id="c3", detected_at="2025-08-22T11:00:00+02:00"),
        sensor,
    ).json()
    assert a["section"] == "jakobselva"
    assert a["incident"] == b["incident"] != c["incident"]
    assert Incident.objects.count() == 2


def test_it_lists_incidents_by_keyset_pages(client, police, story):
    client.force_login(police.user)
    first = client.get("/api/v1/incidents?limit=3").json()
    assert len(first["items"]) == 3
    assert first["items"][0]["when"]["display"] == "Fri 22 Aug 2025"
    rest = client.get(f"/api/v1/incidents?limit=3&cursor={first['next_cursor']}").json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    seen = [i["id"] for i in first["items"] + rest["items"]]
    assert len(set(seen)) == 4


def test_it_filters_incidents(client, police, story):
    client.force_login(police.user)
    items = client.get("/api/v1/incidents?since=2023-01-01&until=2023-12-31").json()["items"]
    assert {i["when"]["display"] for i in items} == {
        "January 2023",
        "autumn 2023",
        "later in 2023 (after 14 Jan)",
    }
    assert client.get("/api/v1/incidents?status=closed").json()["items"] == []
    assert client.get("/api/v1/incidents?type=banana").status_code == 422
    assert client.get("/api/v1/incidents?cursor=zzz").status_code == 400


def test_it_hides_incidents_from_another_unit(client, other_police, main_case):
    client.force_login(other_police.user)
    assert client.get("/api/v1/incidents").json()["items"] == []
    response = client.get(f"/api/v1/incidents/{main_case.incident_id}")
    assert response.status_code == 404


def test_it_shows_one_incident_with_its_search_and_sources(client, police, main_case):
    client.force_login(police.user)
    body = client.get(f"/api/v1/incidents/{main_case.incident_id}").json()
    assert body["reference"] == main_case.incident.reference
    assert {a["kind"] for a in body["search_operations"][0]["assets"]} == {"uav", "patrol"}
    assert body["sources"][0]["title"].startswith("Russian soldier")
    assert "person" not in json.dumps(body).lower().replace("persons", "")


def test_it_requires_sign_in_for_reads(client, story):
    for path in ("/api/v1/incidents", "/api/v1/sections", "/api/v1/stats/count"):
        assert client.get(path).status_code == 401


def test_it_counts_like_the_cli(client, analyst, story):
    client.force_login(analyst.user)
    body = client.get(
        "/api/v1/stats/count?since=2023-01-01&nationality=RU&country_entered=NO"
    ).json()
    assert body["count"] == {"min": 4, "max": 6, "exact": False}
    response = client.get("/api/v1/stats/count?nationality=Russia")
    assert response.status_code == 400
    assert response.json()["field"] == "nationality"


def test_it_serves_the_openapi_offline(client, police):
    client.force_login(police.user)
    spec = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/detections",
        "/api/v1/detections/batch",
        "/api/v1/incidents",
        "/api/v1/incidents/{incident_id}",
        "/api/v1/sections",
        "/api/v1/stats/count",
    } <= set(spec["paths"])
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()


def test_it_issues_lists_and_revokes_tokens_from_the_cli(world):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = StringIO()
    call_command("token", "issue", "--name", "Korpfjell camera 3", "--for-unit", "gsv", stdout=out)
    plain = out.getvalue().strip().splitlines()[-1]
    assert tokens.authenticate(plain).name == "Korpfjell camera 3"
    prefix = plain.split("_")[1]
    out = StringIO()
    call_command("token", "list", stdout=out)
    assert prefix in out.getvalue() and plain not in out.getvalue()
    call_command("token", "revoke", prefix, stdout=StringIO())
    assert tokens.authenticate(plain) is None
    with pytest.raises(CommandError, match="revoked already"):
        call_command("token", "revoke", prefix, stdout=StringIO())
    with pytest.raises(CommandError, match="may not"):
        call_command(
            "token", "issue", "--name", "x", "--for-unit", "gsv", "--as", "guard", stdout=StringIO()
        )
    with pytest.raises(CommandError, match="No unit"):
        call_command("token", "issue", "--name", "x", "--for-unit", "nowhere", stdout=StringIO())


def test_it_refuses_a_nul_character_in_any_text(client, sensor):
    response = post(client, "/api/v1/detections", detection(description="bad\x00text"), sensor)
    assert response.status_code == 400  # ninja words it "Cannot parse request body"
    assert Detection.objects.count() == 0
