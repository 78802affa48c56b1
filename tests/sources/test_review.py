"""The review of proposed events: accept (a new incident), merge, reject; who may; the
merge candidates; the queue page and API; the text escaped with its evidence marked."""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from borderwatch.access.models import AuditEvent
from borderwatch.border.models import Incident
from borderwatch.lib.errors import AccessDenied, Conflict, DomainError, NotVisible
from borderwatch.sources import services
from borderwatch.sources.models import ProposedEvent

from .helpers import article

OSLO = ZoneInfo("Europe/Oslo")
MONDAY = datetime(2025, 8, 25, 12, 0, tzinfo=OSLO)
MAIN_REF = "scenario:2025-08-22-grense-jakobselv"


def proposals(actor, text=None):
    done = services.ingest_report(
        actor=actor, text=text or article(), published_at=MONDAY, channel="page"
    )
    return done.report, done.proposals


def test_accepting_opens_one_incident_linked_to_the_report_with_the_fields(police):
    report, (main, *_) = proposals(police)
    before = Incident.objects.count()
    incident = services.accept_proposed_event(main, actor=police, edits={})
    assert Incident.objects.count() == before + 1
    assert list(incident.sources.all()) == [report]
    assert incident.owning_unit == police.unit
    assert incident.occurred_from == datetime(2025, 8, 22, tzinfo=OSLO)
    assert incident.occurred_to == datetime(2025, 8, 23, tzinfo=OSLO)
    assert incident.time_precision == "day" and incident.time_text == "on Friday"
    assert incident.place.name == "Grense Jakobselv" and incident.section is not None
    assert (incident.country_left, incident.country_entered) == ("RU", "NO")
    assert incident.persons_count == 1 and not incident.persons_count_is_lower_bound
    assert incident.nationality == "RU" and incident.claimed_affiliation == "armed forces"
    assert incident.detection_method == "patrol"  # border_patrol, the first detection kind
    assert incident.summary.startswith("A Russian soldier has been detained")  # its sentence
    main.refresh_from_db()
    assert main.status == "accepted" and main.incident == incident
    assert main.reviewed_by == police.user and main.reviewed_at is not None
    row = AuditEvent.objects.get(verb="source.event_accepted")
    assert row.target_id == str(main.pk) and row.related_id == str(incident.pk)
    assert row.payload == {"report": report.pk, "incident": incident.pk, "edited": []}
    assert AuditEvent.objects.filter(verb="incident.source_linked").count() == 1


def test_the_reviewer_edits_before_accepting(guard):
    _, (main, *_) = proposals(guard)
    incident = services.accept_proposed_event(
        main,
        actor=guard,
        edits={"persons_count": 2, "persons_count_is_lower_bound": True, "place": "Pasvik valley"},
    )
    assert incident.persons_count == 2 and incident.persons_count_is_lower_bound
    assert incident.place.name == "Pasvik valley"
    edited = AuditEvent.objects.get(verb="source.event_accepted").payload["edited"]
    assert edited == ["persons_count", "persons_count_is_lower_bound", "place"]


@pytest.mark.parametrize(
    ("edits", "field"),
    [
        ({"nationality": "Russia"}, "nationality"),
        ({"place": "Atlantis"}, "place"),
        ({"start": "2025-08-23", "end": "2025-08-22"}, "end"),
        ({"detection_method": "telepathy"}, "detection_method"),
        ({"colour": "red"}, "colour"),
        ({"precision": ""}, "start"),
    ],
)
def test_a_validation_error_names_the_field_and_records_nothing(police, edits, field):
    _, (main, *_) = proposals(police)
    before = (Incident.objects.count(), AuditEvent.objects.count())
    with pytest.raises(DomainError) as err:
        services.accept_proposed_event(main, actor=police, edits=edits)
    assert err.value.field == field
    assert (Incident.objects.count(), AuditEvent.objects.count()) == before
    main.refresh_from_db()
    assert main.status == "proposed" and main.incident is None


def test_a_proposal_of_unknown_time_needs_an_edit_giving_its_period(police):
    text = "A Russian man crossed the border at Storskog on Friday and asked for asylum."
    done = services.ingest_report(actor=police, text=text, channel="page")
    (event,) = done.proposals
    assert event.when["precision"] == "unknown"
    with pytest.raises(DomainError, match="no period"):
        services.accept_proposed_event(event, actor=police, edits={})
    assert Incident.objects.count() == 0
    incident = services.accept_proposed_event(
        event, actor=police, edits={"start": "2025-08-01", "precision": "month"}
    )
    assert incident.occurred_to == datetime(2025, 9, 1, tzinfo=OSLO)
    assert incident.time_precision == "month" and incident.time_text == "on Friday"


def test_a_second_review_is_refused(police):
    _, (main, *_) = proposals(police)
    services.accept_proposed_event(main, actor=police, edits={})
    with pytest.raises(Conflict, match="not waiting for review"):
        services.accept_proposed_event(main, actor=police, edits={})
    with pytest.raises(Conflict):
        services.reject_proposed_event(main, actor=police, reason="duplicate")
    assert Incident.objects.count() == 1


def test_rejecting_records_nothing_but_the_review(police):
    _, (main, *_) = proposals(police)
    with pytest.raises(DomainError) as err:
        services.reject_proposed_event(main, actor=police, reason="  ")
    assert err.value.field == "reason"
    services.reject_proposed_event(main, actor=police, reason="Not a crossing")
    main.refresh_from_db()
    assert main.status == "rejected" and main.review_note == "Not a crossing"
    assert main.incident is None and Incident.objects.count() == 0
    row = AuditEvent.objects.get(verb="source.event_rejected")
    assert row.reason == "Not a crossing" and row.target_id == str(main.pk)


def test_merging_links_the_report_without_a_new_incident(story, police):
    report, (main, *_) = proposals(police)
    incident = Incident.objects.get(external_ref=MAIN_REF)
    incident.sources.clear()
    before = Incident.objects.count()
    services.merge_proposed_event(main, actor=police, incident=incident)
    assert Incident.objects.count() == before
    assert report in incident.sources.all()
    main.refresh_from_db()
    assert main.status == "merged" and main.incident == incident
    row = AuditEvent.objects.get(verb="source.event_merged")
    assert row.payload == {"report": report.pk, "incident": incident.pk}


def test_candidates_rank_the_same_place_overlapping_incident_first(
    story, police, django_assert_max_num_queries
):
    _, (main, *previous) = proposals(police)
    with django_assert_max_num_queries(4):
        candidates = services.merge_candidates(main, police)
    assert candidates[0].external_ref == MAIN_REF
    assert candidates[0].match_reasons == [
        "same place",
        "periods overlap",
        "same nationality",
        "same number of persons",
    ]
    scores = [c.match_score for c in candidates]
    assert scores == sorted(scores, reverse=True) and scores[0] == 9
    # the Wagner mercenary of January 2023 in the Pasvik valley
    wagner = services.merge_candidates(previous[0], police)[0]
    assert wagner.place.name == "Pasvik valley" and "periods overlap" in wagner.match_reasons


def test_who_may_review(story, police, guard, analyst, pst, other_police, lawyer):
    _, events = proposals(police)
    main, second, third, fourth = events
    incident = Incident.objects.get(external_ref=MAIN_REF)
    # statisticians and security analysts read the queue but put nothing into the record
    for actor in (analyst, pst):
        assert services.review_queue(actor).count() == 4
        assert not services.may_review(actor)
        with pytest.raises(AccessDenied):
            services.accept_proposed_event(main, actor=actor, edits={})
        with pytest.raises(AccessDenied):
            services.reject_proposed_event(main, actor=actor, reason="no")
    with pytest.raises(NotVisible):  # a lawyer does not even see the proposal
        services.get_proposal_for(lawyer, main.pk)
    # another police district may review, but not merge into Finnmark's incident
    with pytest.raises(NotVisible):
        services.merge_proposed_event(main, actor=other_police, incident=incident)
    assert incident not in services.merge_candidates(main, other_police)
    # a border guard sees the incident (its section) but may not change Finnmark's
    with pytest.raises(AccessDenied):
        services.merge_proposed_event(main, actor=guard, incident=incident)
    services.merge_proposed_event(main, actor=police, incident=incident)
    assert services.accept_proposed_event(second, actor=guard, edits={}).owning_unit == guard.unit
    services.reject_proposed_event(third, actor=other_police, reason="duplicate")
    assert ProposedEvent.objects.filter(status="proposed").get() == fourth


# --- pages ---------------------------------------------------------------------------------


def test_the_queue_page_lists_waiting_proposals_newest_first(client, police, analyst):
    _, events = proposals(police)
    client.force_login(police.user)
    html = client.get("/reports/review/").content.decode()
    assert '<dd id="count-proposed">4</dd>' in html
    links = re.findall(r'href="/reports/review/(\d+)/"', html)
    assert sorted(map(int, links)) == sorted(e.pk for e in events)
    client.force_login(analyst.user)
    html = client.get(f"/reports/review/{events[0].pk}/").content.decode()
    assert "Accept as a new incident" not in html  # may read, not review


def test_accepting_on_the_page(client, police):
    report, (main, *_) = proposals(police)
    client.force_login(police.user)
    page = client.get(f"/reports/review/{main.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<mark title="places">Grense Jakobselv</mark>' in html
    assert 'value="Grense Jakobselv"' in html and 'value="2025-08-22"' in html
    form = {
        "action": "accept",
        "start": "2025-08-22",
        "end": "2025-08-23",
        "precision": "day",
        "time_text": "on Friday",
        "place": "Grense Jakobselv",
        "country_left": "RU",
        "country_entered": "NO",
        "persons_count": "1",
        "nationality": "RUS",
        "affiliation": "armed forces",
        "detection_method": "patrol",
        "summary": "A soldier crossed.",
    }
    bad = client.post(f"/reports/review/{main.pk}/", form)
    assert bad.status_code == 400
    assert re.search(r'id="id_nationality_error">[^<]*2 characters', bad.content.decode())
    bad = client.post(f"/reports/review/{main.pk}/", {**form, "nationality": "R1"})
    assert bad.status_code == 400
    assert re.search(r'id="id_nationality_error">[^<]*two-letter', bad.content.decode())
    assert Incident.objects.count() == 0
    done = client.post(f"/reports/review/{main.pk}/", {**form, "nationality": "RU"})
    assert done.status_code == 302 and done.url == "/reports/review/"
    incident = Incident.objects.get()
    assert incident.summary == "A soldier crossed." and report in incident.sources.all()
    assert AuditEvent.objects.get(verb="source.event_accepted").payload["edited"] == ["summary"]
    again = client.post(f"/reports/review/{main.pk}/", {**form, "nationality": "RU"})
    assert again.status_code == 409 and Incident.objects.count() == 1


def test_merging_and_rejecting_on_the_page(client, story, police, other_police, analyst):
    _, (main, second, *_) = proposals(police)
    incident = Incident.objects.get(external_ref=MAIN_REF)
    client.force_login(other_police.user)
    hidden = client.post(
        f"/reports/review/{main.pk}/", {"action": "merge", "incident": incident.pk}
    )
    assert hidden.status_code == 400 and "No incident" in hidden.content.decode()
    client.force_login(analyst.user)
    refused = client.post(f"/reports/review/{main.pk}/", {"action": "reject", "reason": "x"})
    assert refused.status_code == 403
    client.force_login(police.user)
    html = client.get(f"/reports/review/{main.pk}/").content.decode()
    assert f'name="incident" value="{incident.pk}" checked' in html
    merged = client.post(
        f"/reports/review/{main.pk}/", {"action": "merge", "incident": incident.pk}
    )
    assert merged.status_code == 302
    empty = client.post(f"/reports/review/{second.pk}/", {"action": "reject", "reason": ""})
    assert empty.status_code == 400
    assert 'id="id_reason_error"' in empty.content.decode()
    client.post(f"/reports/review/{second.pk}/", {"action": "reject", "reason": "older news"})
    statuses = dict(ProposedEvent.objects.values_list("pk", "status"))
    assert statuses[main.pk] == "merged" and statuses[second.pk] == "rejected"


def test_the_review_page_escapes_the_report_text(client, police):
    text = (
        '<script>alert("x")</script> <img src=x onerror=alert(1)>\n'
        "On 3 August 2025 two Syrian men crossed the border near Storskog <b>at night</b>."
    )
    _, events = proposals(police, text)
    client.force_login(police.user)
    html = client.get(f"/reports/review/{events[0].pk}/").content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>at" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;at night&lt;/b&gt;" in html
    assert re.search(r'<mark title="[a-z, _]+">Storskog</mark>', html)


def test_the_review_pages_have_no_inline_script_or_style(client, story, police):
    _, (main, *_) = proposals(police)
    client.force_login(police.user)
    for path in ("/reports/review/", f"/reports/review/{main.pk}/"):
        html = client.get(path).content.decode()
        assert " style=" not in html and "<style" not in html
        assert not re.search(r"<script(?![^>]*\ssrc=)", html), path
        assert not re.search(r"<[^>]+\son[a-z]+=", html)


# --- API -----------------------------------------------------------------------------------


def post(client, url, body):
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_the_review_api(client, story, police, analyst, other_police):
    report, (main, second, third, _) = proposals(police)
    incident = Incident.objects.get(external_ref=MAIN_REF)
    client.force_login(police.user)
    queue = client.get("/api/v1/reports/review").json()
    assert queue["counts"]["proposed"] == 4 and queue["may_review"] is True
    assert {p["id"] for p in queue["proposals"]} == {main.pk, second.pk, third.pk, _.pk}
    one = client.get(f"/api/v1/reports/review/{main.pk}").json()
    assert one["fields"]["place"] == "Grense Jakobselv" and one["text"] == report.text
    assert one["candidates"][0]["id"] == incident.pk and one["candidates"][0]["score"] == 9
    base = f"/api/v1/reports/review/{second.pk}"
    bad = post(client, f"{base}/accept", {"edits": {"nationality": "Russia"}})
    assert bad.status_code == 400 and bad.json()["field"] == "nationality"
    done = post(client, f"{base}/accept", {"edits": {"persons_count": 1}})
    assert done.status_code == 201
    assert done.json()["proposal"]["status"] == "accepted" and done.json()["incident"]
    assert post(client, f"{base}/accept", {}).status_code == 409
    merged = post(client, f"/api/v1/reports/review/{main.pk}/merge", {"incident": incident.pk})
    assert merged.status_code == 200 and merged.json()["incident"] == incident.pk
    rejected = post(client, f"/api/v1/reports/review/{third.pk}/reject", {"reason": "old"})
    assert rejected.status_code == 200 and rejected.json()["proposal"]["status"] == "rejected"
    client.force_login(analyst.user)
    assert client.get("/api/v1/reports/review").json()["may_review"] is False
    assert post(client, f"/api/v1/reports/review/{_.pk}/accept", {}).status_code == 403
    client.force_login(other_police.user)
    hidden = post(client, f"/api/v1/reports/review/{_.pk}/merge", {"incident": incident.pk})
    assert hidden.status_code == 404


# persona: (GET the review page, POST a rejection)
PAGE_ACCESS = {
    "guard": (200, 302),
    "police": (200, 302),
    "other_police": (200, 302),
    "pu": (200, 403),
    "pst": (200, 403),
    "analyst": (200, 403),
    "udi": (404, 404),
    "lawyer": (404, 404),
    "admin_actor": (404, 404),
}


@pytest.mark.parametrize("persona", sorted(PAGE_ACCESS))
def test_each_persona_meets_the_review_page_as_decided(request, client, police, persona):
    _, (main, *_) = proposals(police)
    client.force_login(request.getfixturevalue(persona).user)
    url = f"/reports/review/{main.pk}/"
    got = (
        client.get(url).status_code,
        client.post(url, {"action": "reject", "reason": "not a crossing"}).status_code,
    )
    assert got == PAGE_ACCESS[persona]
