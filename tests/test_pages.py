"""The HTML pages, driven through Django's test client: sign-in, lists, detail pages,
who sees what (and who gets "not found"), the audit trail of reads, escaping, CSRF, the
unit switch, and query counts that do not grow with the rows on a page."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borderwatch.access.models import AuditEvent
from borderwatch.border.models import Incident
from borderwatch.scenario.founding import MAIN_REF
from tests.conftest import PASSWORD

ASSESSMENT = "Routine. The possibility of espionage was considered."
NOTIFICATION_REASON = "Russian soldier who says he deserted from the war in Ukraine."
XSS = "<script>alert(1)</script>"
XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def html(response) -> str:
    return response.content.decode()


def signed_in(client, persona):
    client.force_login(persona.user)
    return client


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    """WhiteNoise warns (an error here) when STATIC_ROOT does not exist yet."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


@pytest.fixture
def main_incident(story):
    return Incident.objects.get(external_ref=MAIN_REF)


@pytest.fixture
def finnmark_incidents(story):
    return list(Incident.objects.filter(owning_unit__code="finnmark-pd").order_by("pk"))


# --- signing in and out ------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["home", "incidents", "incident", "cases", "case"])
def test_it_sends_a_signed_out_user_to_the_sign_in_page(client, main_case, kind):
    path = {
        "home": "/",
        "incidents": "/incidents/",
        "incident": f"/incidents/{main_case.incident_id}/",
        "cases": "/cases/",
        "case": f"/cases/{main_case.pk}/",
    }[kind]
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"


def test_it_signs_in_with_the_demo_password(client, main_case):
    page = client.get("/accounts/login/?next=/cases/")
    assert page.status_code == 200
    assert 'name="next" value="/cases/"' in html(page)
    response = client.post(
        "/accounts/login/", {"username": "pu", "password": PASSWORD, "next": "/cases/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/cases/"
    cases = client.get("/cases/")
    assert cases.status_code == 200
    assert main_case.reference in html(cases)
    assert AuditEvent.objects.filter(verb="auth.login", actor__username="pu").exists()


def test_it_refuses_a_wrong_password_with_an_error_and_an_audit_event(client, story):
    response = client.post("/accounts/login/", {"username": "pu", "password": "not it"})
    assert response.status_code == 200
    body = html(response)
    assert 'class="error-summary"' in body
    assert "Please enter a correct username and password" in body
    assert "_auth_user_id" not in client.session
    failed = AuditEvent.objects.filter(verb="auth.login_failed").last()
    assert failed is not None
    assert failed.actor is None
    assert failed.payload["username"] == "pu"
    assert PASSWORD not in str(failed.payload) and "not it" not in str(failed.payload)


def test_it_signs_out_by_post_only(client, police):
    signed_in(client, police)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.get("/incidents/").status_code == 200  # still signed in
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert client.get("/incidents/").status_code == 302
    assert AuditEvent.objects.filter(verb="auth.logout", actor=police.user).exists()


@pytest.mark.parametrize(
    ("who", "links"),
    [
        ("guard", ["Incidents", "Map", "Statistics", "Reports"]),
        ("police", ["Incidents", "Map", "Cases", "Statistics", "Reports"]),
        ("pu", ["Incidents", "Map", "Cases", "Statistics", "Reports"]),
        ("pst", ["Incidents", "Map", "Cases", "Statistics", "Reports"]),
        ("lawyer", ["Cases"]),
        ("analyst", ["Statistics", "Reports"]),
        ("admin_actor", ["Administration"]),
    ],
)
def test_it_offers_navigation_by_role(client, request, story, who, links):
    persona = request.getfixturevalue(who)
    body = html(signed_in(client, persona).get("/", follow=True))
    nav = re.search(r'<nav class="main-nav".*?</nav>', body, re.S)
    assert re.findall(r"<a [^>]*>([^<]+)</a>", nav.group(0) if nav else "") == links
    assert persona.unit.name in body  # acting for, in full


def test_it_marks_the_current_page_in_the_navigation(client, police, story):
    body = html(signed_in(client, police).get("/incidents/"))
    assert '<a href="/incidents/" aria-current="page">Incidents</a>' in body
    assert '<a href="/cases/">Cases</a>' in body


def test_it_sends_each_role_to_its_own_start_page(client, story, police, guard, analyst):
    assert signed_in(client, police).get("/")["Location"] == "/cases/"
    assert signed_in(Client(), guard).get("/")["Location"] == "/incidents/"
    home = signed_in(Client(), analyst).get("/")
    assert home.status_code == 200
    assert "Welcome" in html(home)


# --- incidents ---------------------------------------------------------------------------


def test_it_lists_the_four_scenario_incidents_to_the_owning_police(
    client, police, finnmark_incidents
):
    assert len(finnmark_incidents) == 4
    response = signed_in(client, police).get("/incidents/")
    assert response.status_code == 200
    body = html(response)
    for incident in finnmark_incidents:
        assert f'href="/incidents/{incident.pk}/"' in body
        assert incident.reference in body
    assert len(re.findall(r'href="/incidents/\d+/"', body)) == 4
    for when in ("autumn 2023", "January 2023", "later in 2023", "Fri 22 Aug 2025"):
        assert when in body
    # newest first
    assert body.index("Fri 22 Aug 2025") < body.index("autumn 2023") < body.index("January 2023")


def test_it_shows_an_incident_with_its_precision_search_and_source(
    client, police, main_incident, main_case
):
    response = signed_in(client, police).get(f"/incidents/{main_incident.pk}/")
    assert response.status_code == 200
    body = html(response)
    assert f"<h1>{main_incident.reference}" in body
    assert "Fri 22 Aug 2025" in body
    assert "Fri 22 Aug 2025 07:15 CEST" in body  # the detection, to the minute, with zone
    assert "Unmanned aircraft" in body
    assert "Police UAV (call sign not reported)" in body
    assert "Russian soldier Seeks Asylum in Norway, Citing Opposition to Ukraine War" in body
    assert main_case.reference not in body  # the case moved to PU; police no longer see it


@pytest.mark.parametrize(
    ("ref", "when"),
    [
        ("scenario:2023-autumn-grense-jakobselv", "autumn 2023"),
        ("scenario:2023-01-pasvik-wagner", "January 2023"),
        ("scenario:2023-later-pasvik-three", "later in 2023"),
    ],
)
def test_it_shows_earlier_incidents_as_precisely_as_they_are_known(
    client, police, story, ref, when
):
    incident = Incident.objects.get(external_ref=ref)
    body = html(signed_in(client, police).get(f"/incidents/{incident.pk}/"))
    assert when in body
    assert incident.time_text in body


def test_it_hides_finnmark_incidents_from_another_police_district(
    client, other_police, finnmark_incidents
):
    signed_in(client, other_police)
    listing = client.get("/incidents/")
    assert listing.status_code == 200
    assert "No incidents that you may see." in html(listing)
    assert not re.search(r'href="/incidents/\d+/"', html(listing))
    for incident in finnmark_incidents:
        response = client.get(f"/incidents/{incident.pk}/")
        assert response.status_code == 404
        assert incident.reference not in html(response)


def test_it_escapes_html_in_free_text(client, guard, police, story):
    from borderwatch.border import services as border

    detection = border.file_detection(
        actor=guard,
        detected_at=timezone.now() - timedelta(hours=2),
        lat=69.7712,
        lon=30.8205,
        source="patrol",
        description=f"Footprints {XSS} by the fence",
    )
    incident = border.open_incident(
        actor=police,
        detections=[detection],
        occurred_from=timezone.now() - timedelta(hours=2),
        summary=f"Summary {XSS} here",
        time_text=f"about {XSS}",
    )
    for persona in (police, guard):
        response = Client()
        response.force_login(persona.user)
        body = html(response.get(f"/incidents/{incident.pk}/"))
        assert XSS not in body
        assert f"Footprints {XSS_ESCAPED} by the fence" in body
        assert f"Summary {XSS_ESCAPED} here" in body
        assert f"about {XSS_ESCAPED}" in body


# --- cases -------------------------------------------------------------------------------


def test_it_shows_the_case_to_its_owner_with_the_timeline_in_order(client, pu, main_case):
    response = signed_in(client, pu).get(f"/cases/{main_case.pk}/")
    assert response.status_code == 200
    body = html(response)
    assert f"<h1>{main_case.reference}" in body
    timeline = body[body.index('class="timeline"') :]
    steps = [
        "Fri 22 Aug 2025 07:15 CEST",
        "Detection (",
        "Search started",
        "Apprehended; custody",
        "Criminal matter opened",
        "Police questioning",
        "Case state: Protection claimed",
        "Defence counsel (criminal matter) assigned",
        "Security service (PST) notified",
        "Security assessment recorded (restricted)",
        "Custody ended",
        "Referred from Finnmark PD to PU",
        "Referral accepted",
    ]
    positions = [timeline.index(step) for step in steps]
    assert positions == sorted(positions)
    entries = response.context["timeline"]
    assert [e.at for e in entries] == sorted(e.at for e in entries)
    assert entries[-1].what in ("Referral accepted", "Case state: Accepted by the immigration unit")


def test_it_shows_that_a_security_notification_exists_but_not_its_content(client, pu, main_case):
    body = html(signed_in(client, pu).get(f"/cases/{main_case.pk}/"))
    assert "Police Security Service notified" in body
    assert "content restricted to the security service" in body
    assert "Security assessment recorded (restricted)" in body
    assert ASSESSMENT not in body
    assert "espionage" not in body
    assert NOTIFICATION_REASON not in body


def test_it_shows_the_security_service_its_assessment(client, pst, main_case):
    response = signed_in(client, pst).get(f"/cases/{main_case.pk}/")
    assert response.status_code == 200
    body = html(response)
    assert ASSESSMENT in body
    assert "Assessment: " in body
    assert "(restricted)" not in body


def test_it_shows_the_case_to_the_clients_lawyer(client, lawyer, main_case):
    response = signed_in(client, lawyer).get(f"/cases/{main_case.pk}/")
    assert response.status_code == 200
    body = html(response)
    assert main_case.reference in body
    assert "Trond P. Biti" in body
    assert ASSESSMENT not in body
    listing = html(client.get("/cases/"))
    assert f'href="/cases/{main_case.pk}/"' in listing


@pytest.mark.parametrize("who", ["other_police", "guard", "analyst", "admin_actor", "police"])
def test_it_answers_not_found_to_those_who_may_not_see_the_case(client, request, main_case, who):
    persona = request.getfixturevalue(who)
    signed_in(client, persona)
    response = client.get(f"/cases/{main_case.pk}/")
    assert response.status_code == 404
    body = html(response)
    assert "Not found" in body
    assert main_case.reference not in body
    # the same answer as for a case that does not exist
    missing = client.get(f"/cases/{main_case.pk + 1000}/")
    assert missing.status_code == 404
    assert not AuditEvent.objects.filter(verb="case.viewed", actor=persona.user).exists()
    assert f'href="/cases/{main_case.pk}/"' not in html(client.get("/cases/"))


def test_it_writes_an_audit_event_when_a_case_page_is_read(client, pu, main_case):
    before = AuditEvent.objects.filter(verb="case.viewed").count()
    signed_in(client, pu).get(f"/cases/{main_case.pk}/")
    events = AuditEvent.objects.filter(verb="case.viewed")
    assert events.count() == before + 1
    event = events.last()
    assert event.actor == pu.user
    assert event.unit == pu.unit
    assert event.target_id == str(main_case.pk)
    assert event.channel == "web"
    assert set(event.fields) == {"core", "personal", "interview"}


# --- CSRF and the unit switch --------------------------------------------------------------


def test_it_enforces_csrf_on_the_sign_in_form(story):
    client = Client(enforce_csrf_checks=True)
    refused = client.post("/accounts/login/", {"username": "pu", "password": PASSWORD})
    assert refused.status_code == 403
    assert "_auth_user_id" not in client.session
    client.get("/accounts/login/")
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        "/accounts/login/",
        {"username": "pu", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert accepted.status_code == 302


def test_it_enforces_csrf_on_the_unit_switch(police, world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(police.user)
    refused = client.post("/unit/", {"unit": police.unit.pk})
    assert refused.status_code == 403
    client.get("/incidents/")
    token = client.cookies["csrftoken"].value
    accepted = client.post("/unit/", {"unit": police.unit.pk, "csrfmiddlewaretoken": token})
    assert accepted.status_code == 302


def test_it_refuses_a_switch_to_a_unit_the_user_is_not_a_member_of(client, police, world):
    signed_in(client, police)
    response = client.post("/unit/", {"unit": world["pst"].pk, "next": "/incidents/"}, follow=True)
    assert response.status_code == 200
    body = html(response)
    assert "You are not a member of that unit." in body
    assert response.wsgi_request.actor.unit == police.unit
    assert not AuditEvent.objects.filter(verb="auth.unit_switched").exists()


def test_it_switches_to_another_unit_of_the_user(client, police, world, console):
    from borderwatch.access.services import grant_membership

    grant_membership(
        actor=console, user=police.user, unit=world["troms-pd"], role="police_operations"
    )
    signed_in(client, police)
    page = html(client.get("/incidents/"))
    assert 'action="/unit/"' in page  # the header offers the switch
    response = client.post("/unit/", {"unit": world["troms-pd"].pk, "next": "/incidents/"})
    assert response["Location"] == "/incidents/"
    after = client.get("/incidents/")
    assert after.wsgi_request.actor.unit == world["troms-pd"]
    assert "You now act for Troms PD." in html(after)
    event = AuditEvent.objects.get(verb="auth.unit_switched")
    assert event.actor == police.user and event.unit == world["troms-pd"]


def test_it_does_not_redirect_a_unit_switch_off_site(client, police, world):
    signed_in(client, police)
    response = client.post("/unit/", {"unit": police.unit.pk, "next": "https://evil.example/"})
    assert response["Location"] == "/"


# --- query counts ----------------------------------------------------------------------------


def _count_queries(client, path) -> int:
    client.get(path)  # warm up: session, content types
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_it_lists_incidents_in_a_fixed_number_of_queries(
    client, police, story, django_assert_max_num_queries
):
    from borderwatch.border import services as border
    from borderwatch.border.models import Place

    signed_in(client, police)
    with_four = _count_queries(client, "/incidents/")
    place = Place.objects.get(name="Storskog")
    start = timezone.now() - timedelta(days=400)
    for n in range(30):
        border.open_incident(
            actor=police,
            occurred_from=start + timedelta(days=n),
            occurred_to=start + timedelta(days=n + 1),
            time_precision="day",
            place=place,
            persons_count=n + 1,
            nationality="RU",
        )
    with django_assert_max_num_queries(with_four):
        response = client.get("/incidents/")
    assert len(re.findall(r'href="/incidents/\d+/"', html(response))) == 34


def test_it_lists_cases_in_a_fixed_number_of_queries(
    client, police, story, django_assert_max_num_queries
):
    from borderwatch.border import services as border
    from borderwatch.border.models import Place
    from borderwatch.cases import services as cases

    place = Place.objects.get(name="Storskog")
    start = timezone.now() - timedelta(days=100)

    def new_case(n):
        incident = border.open_incident(
            actor=police, occurred_from=start + timedelta(days=n), place=place
        )
        custody = cases.record_apprehension(
            incident,
            actor=police,
            apprehended_at=start + timedelta(days=n, hours=1),
            legal_basis="criminal_arrest",
            person={"nationality": "RU"},
        )
        cases.record_asylum_request(
            custody.person,
            actor=police,
            incident=incident,
            requested_at=start + timedelta(days=n, hours=2),
        )

    new_case(0)
    signed_in(client, police)
    with_one = _count_queries(client, "/cases/")
    for n in range(1, 21):
        new_case(n)
    with django_assert_max_num_queries(with_one):
        response = client.get("/cases/")
    assert len(re.findall(r'href="/cases/\d+/"', html(response))) == 21


def test_every_page_names_its_icon_so_browsers_do_not_ask_for_a_missing_favicon(client, story):
    from django.contrib.staticfiles import finders

    body = client.get("/accounts/login/").content.decode()
    assert 'rel="icon"' in body and "favicon.svg" in body
    assert finders.find("favicon.svg")
