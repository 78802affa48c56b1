"""POST /api/v1/reports and GET /api/v1/reports/{id}."""

import json

from borderwatch.access.models import AuditEvent
from borderwatch.sources.models import SourceReport

from .helpers import article


def as_(client, actor):
    client.force_login(actor.user)
    return client


def post(client, body):
    return client.post("/api/v1/reports", data=json.dumps(body), content_type="application/json")


BODY = {"text": article(), "outlet": "Barents Wire", "published_at": "2025-08-25T09:00:00+02:00"}


def test_it_stores_a_report_and_answers_with_its_proposed_events(client, police):
    response = post(as_(client, police), BODY)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["created"] is True and body["outlet"] == "Barents Wire"
    assert body["title"].startswith("Russian soldier Seeks Asylum")
    main = body["events"][0]
    assert main["role"] == "main" and main["status"] == "proposed"
    assert main["when"] == {
        "start": "2025-08-22",
        "end": "2025-08-23",
        "precision": "day",
        "text": "on Friday",
    }
    assert main["evidence"][0]["start"] >= 0
    assert SourceReport.objects.get().channel == "api"
    assert AuditEvent.objects.filter(verb="source.extracted").count() == 1


def test_the_same_text_again_answers_200_with_the_first_report(client, police):
    first = post(as_(client, police), BODY).json()
    again = post(client, BODY)
    assert again.status_code == 200
    assert again.json()["id"] == first["id"] and again.json()["created"] is False
    # the same instant written the same way both times (in UTC, as stored)
    assert first["published_at"] == again.json()["published_at"] == "2025-08-25T07:00:00Z"


def test_it_reads_one_report_for_those_who_may(client, police, lawyer):
    report_id = post(as_(client, police), BODY).json()["id"]
    got = client.get(f"/api/v1/reports/{report_id}")
    assert got.status_code == 200 and len(got.json()["events"]) == 4
    as_(client, lawyer)
    assert client.get(f"/api/v1/reports/{report_id}").status_code == 404
    assert post(client, BODY).status_code == 403


def test_it_refuses_bad_input_and_anonymous_callers(client, police):
    assert post(client, BODY).status_code == 401
    as_(client, police)
    assert post(client, {"text": ""}).status_code == 422
    assert post(client, {**BODY, "published_at": "2025-08-25T09:00:00"}).status_code == 422
    assert post(client, {**BODY, "published_at": "2025-02-30"}).status_code == 422
    assert post(client, {**BODY, "colour": "red"}).status_code == 422
    response = post(client, {"text": "   "})
    assert response.status_code == 400 and response.json()["field"] == "text"


def test_a_report_published_on_a_day_is_told_as_the_day(client, police):
    as_(client, police)
    response = post(client, {**BODY, "published_at": "2025-08-25"})
    assert response.status_code == 201
    body = response.json()
    assert body["published_day_only"] is True
    assert body["published_at"] == "2025-08-25T10:00:00Z"  # noon in Norway
    assert body["events"][0]["when"]["start"] == "2025-08-22"  # "on Friday" counts from it
    again = client.get(f"/api/v1/reports/{body['id']}").json()
    assert again["published_day_only"] is True


NORWEGIAN = (
    "To menn krysset grensen ved Pasvikelva natt til søndag. De ble pågrepet av "
    "Grensevakten og søkte om beskyttelse."
)


def test_a_report_sent_without_a_language_takes_it_from_its_text(client, police):
    post(as_(client, police), {"text": NORWEGIAN, "published_at": "2025-03-10"})
    post(client, {"text": "Two men crossed the Pasvik river on Sunday night."})
    post(client, {"text": "Two men crossed the river at Svanvik.", "language": "no"})
    # an English text is "en"; a language named by the sender is kept as named
    languages = sorted(SourceReport.objects.values_list("language", flat=True))
    assert languages == ["en", "no", "no"]
    assert SourceReport.objects.get(text=NORWEGIAN).language == "no"
    assert SourceReport.objects.get(text__startswith="Two men crossed the Pasvik").language == "en"
