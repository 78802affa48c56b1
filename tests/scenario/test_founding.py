"""The founding scenario: the article's story, told through the service functions."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.apps import apps

from borderwatch.access.models import AuditEvent, Membership, Unit, User
from borderwatch.border.models import Incident
from borderwatch.scenario import founding
from borderwatch.sources.models import SourceReport

OSLO = ZoneInfo("Europe/Oslo")


def _row_counts() -> dict:
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"access", "border", "people", "cases", "security", "sources"}
        and m is not AuditEvent
    }


def test_it_loads_twice_without_duplicating_anything(story):
    before = _row_counts()
    again = founding.load()
    assert again.created is False
    assert _row_counts() == before


def test_it_creates_one_demo_user_per_role(story):
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Membership.Role.values)
    for username in ("guard", "police", "pu", "udi", "pst", "lawyer", "analyst", "admin"):
        assert User.objects.get(username=username).check_password("correct horse battery staple")


def test_it_names_the_units_of_the_article(story):
    names = set(Unit.objects.values_list("name", flat=True))
    assert {
        "Garrison of Sør-Varanger",
        "Finnmark police district",
        "National Police Immigration Service",
        "Police Security Service",
        "Directorate of Immigration",
    } <= names


def test_it_tells_the_2025_crossing_step_by_step(main_case):
    incident = main_case.incident
    assert incident.place.name == "Grense Jakobselv"
    assert incident.time_precision == "day"
    assert (
        incident.occurred_from.astimezone(OSLO).strftime("%A %d %B %Y") == "Friday 22 August 2025"
    )
    assert incident.detections.get().source == "patrol"
    assert incident.detections.get().filed_by_unit.code == "gsv"
    search = incident.search_operations.get()
    assert {a.kind for a in search.assets.all()} == {"uav", "patrol"}
    assert search.outcome == "found"
    custody = main_case.person.custodies.get()
    assert custody.legal_basis == "criminal_arrest"
    assert custody.court_deadline.astimezone(OSLO) == datetime(2025, 8, 25, 23, 59, 59, tzinfo=OSLO)
    assert custody.ended_at.astimezone(OSLO).weekday() == 0  # released on Monday
    assert main_case.person.interviews.filter(kind="questioning").count() == 2
    assert main_case.person.criminal_matters.get().offence.startswith("Illegal crossing")
    assert main_case.person.representations.get().lawyer_name == "Trond P. Biti"
    referral = main_case.referrals.get()
    assert (referral.from_unit.code, referral.to_unit.code, referral.status) == (
        "finnmark-pd",
        "pu",
        "accepted",
    )
    assert main_case.owning_unit.code == "pu"
    assert main_case.state == "accepted"
    assessment = main_case.security_notifications.get().assessments.get()
    assert assessment.conclusion == "routine"


def test_it_keeps_the_precision_the_article_gives(story):
    by_ref = {i.external_ref: i for i in Incident.objects.all()}
    jan = by_ref["scenario:2023-01-pasvik-wagner"]
    assert (jan.time_precision, jan.when) == ("month", "January 2023")
    assert jan.claimed_affiliation.startswith("Wagner")
    three = by_ref["scenario:2023-later-pasvik-three"]
    assert (three.time_precision, three.persons_count, three.crossings_uncertain) == (
        "year",
        3,
        True,
    )
    autumn = by_ref["scenario:2023-autumn-grense-jakobselv"]
    assert (autumn.time_precision, autumn.when) == ("season", "autumn 2023")


def test_it_links_the_article_to_every_record_it_supports(story):
    article = SourceReport.objects.get()
    assert "Grense Jakobselv" in article.text
    assert article.incidents.count() == Incident.objects.count() == 4


def test_it_writes_the_story_into_the_audit_trail_as_its_actors(story):
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {
        "detection.filed",
        "incident.opened",
        "search.started",
        "apprehension.recorded",
        "interview.recorded",
        "case.opened",
        "criminal_matter.opened",
        "counsel.assigned",
        "referral.sent",
        "referral.accepted",
        "security.notified",
        "security.assessed",
        "source.recorded",
    } <= verbs
    assert AuditEvent.objects.get(verb="detection.filed").actor_name == "guard"
    assert AuditEvent.objects.get(verb="security.assessed").actor_name == "pst"
