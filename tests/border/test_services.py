"""File a detection, open an incident, start and end a search: the border's writes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from borderwatch.access.models import AuditEvent
from borderwatch.border import services
from borderwatch.border.models import Detection, Incident, Place, SearchOperation
from borderwatch.lib.errors import AccessDenied, DomainError

OSLO = ZoneInfo("Europe/Oslo")
T0 = datetime(2025, 8, 22, 7, 15, tzinfo=OSLO)


def detect(actor, **kw):
    args = dict(detected_at=T0, lat=69.77, lon=30.82, source="patrol")
    args.update(kw)
    return services.file_detection(actor=actor, **args)


def test_it_files_a_detection_for_the_actors_unit(guard):
    d = detect(guard, description="Man at the fence")
    assert d.filed_by_unit == guard.unit
    assert d.filed_by == guard.user
    assert AuditEvent.objects.filter(verb="detection.filed", target_id=str(d.pk)).exists()


@pytest.mark.parametrize(
    ("lat", "lon", "field"),
    [
        (91, 30, "lat"),
        (-90.5, 30, "lat"),
        (69, 181, "lon"),
        (69, -180.01, "lon"),
        ("north", 30, "lat"),
        (None, 30, "lat"),
        (float("nan"), 30, "lat"),
    ],
)
def test_it_refuses_coordinates_outside_the_valid_range(guard, lat, lon, field):
    with pytest.raises(DomainError) as err:
        detect(guard, lat=lat, lon=lon)
    assert err.value.field == field
    assert "lat" in err.value.message or "lon" in err.value.message
    assert Detection.objects.count() == 0
    assert not AuditEvent.objects.filter(verb="detection.filed").exists()


def test_it_refuses_a_detection_in_the_future(guard):
    with pytest.raises(DomainError, match="future"):
        detect(guard, detected_at=timezone.now() + timedelta(hours=1))


def test_it_refuses_a_naive_time(guard):
    with pytest.raises(DomainError, match="time zone"):
        detect(guard, detected_at=datetime(2025, 8, 22, 7, 15))


def test_it_refuses_an_unknown_source(guard):
    with pytest.raises(DomainError, match="source"):
        detect(guard, source="telepathy")


def test_it_does_not_duplicate_a_retry_with_the_same_sender_id(guard):
    first = detect(guard, sender_id="tablet-17/0042")
    again = detect(guard, sender_id="tablet-17/0042")
    assert first.pk == again.pk
    assert Detection.objects.count() == 1


def test_it_refuses_detections_from_roles_that_do_not_file_them(pu, analyst):
    for actor in (pu, analyst):
        with pytest.raises(AccessDenied):
            detect(actor)


def test_it_opens_an_incident_from_a_detection(guard, police):
    d = detect(guard, place=Place.objects.get(name="Grense Jakobselv"))
    incident = services.open_incident(
        actor=police,
        detections=[d],
        occurred_from=T0,
        country_left="ru",
        country_entered="no",
        persons_count=1,
        nationality="RU",
    )
    d.refresh_from_db()
    assert d.incident == incident
    assert incident.owning_unit == police.unit
    assert incident.section.code == "jakobselva"
    assert incident.country_entered == "NO"
    assert incident.direction == "entry"
    assert incident.time_precision == "exact"


def test_it_refuses_a_detection_that_belongs_to_another_incident(guard, police):
    d = detect(guard)
    services.open_incident(actor=police, detections=[d], occurred_from=T0)
    with pytest.raises(DomainError, match="belongs to"):
        services.open_incident(actor=police, detections=[d], occurred_from=T0)
    assert Incident.objects.count() == 1


def test_it_needs_the_end_of_an_uncertain_period(police):
    with pytest.raises(DomainError) as err:
        services.open_incident(actor=police, occurred_from=T0, time_precision="season")
    assert err.value.field == "occurred_to"


def test_it_refuses_a_period_that_ends_before_it_starts(police):
    with pytest.raises(DomainError, match="end after"):
        services.open_incident(actor=police, occurred_from=T0, occurred_to=T0, time_precision="day")


def test_it_refuses_a_bad_country_code(police):
    with pytest.raises(DomainError, match="two-letter"):
        services.open_incident(actor=police, occurred_from=T0, nationality="Russia")
    assert Incident.objects.count() == 0


def test_it_refuses_a_group_of_unknown_size_that_may_have_crossed_apart(police):
    with pytest.raises(DomainError, match="number of persons"):
        services.open_incident(actor=police, occurred_from=T0, crossings_uncertain=True)


def test_it_starts_and_ends_a_search_with_its_assets(police):
    incident = services.open_incident(actor=police, occurred_from=T0)
    op = services.start_search(
        incident,
        actor=police,
        started_at=T0 + timedelta(minutes=20),
        assets=[{"kind": "uav", "call_sign": "FALK 1"}, {"kind": "patrol"}],
    )
    assert sorted(a.kind for a in op.assets.all()) == ["patrol", "uav"]
    services.end_search(op, actor=police, ended_at=T0 + timedelta(hours=2), outcome="found")
    op.refresh_from_db()
    assert op.outcome == "found"
    with pytest.raises(DomainError, match="ended already"):
        services.end_search(op, actor=police, ended_at=T0 + timedelta(hours=3), outcome="found")


def test_it_refuses_a_search_without_assets_or_with_an_unknown_asset(police):
    incident = services.open_incident(actor=police, occurred_from=T0)
    with pytest.raises(DomainError, match="asset"):
        services.start_search(incident, actor=police, started_at=T0, assets=[])
    with pytest.raises(DomainError, match="assets\\[0\\].kind"):
        services.start_search(incident, actor=police, started_at=T0, assets=[{"kind": "submarine"}])
    assert SearchOperation.objects.count() == 0


def test_it_refuses_a_search_of_another_units_incident(police, other_police):
    incident = services.open_incident(actor=police, occurred_from=T0)
    with pytest.raises(AccessDenied):
        services.start_search(
            incident, actor=other_police, started_at=T0, assets=[{"kind": "patrol"}]
        )


def test_it_refuses_a_search_ending_before_it_started(police):
    incident = services.open_incident(actor=police, occurred_from=T0)
    op = services.start_search(incident, actor=police, started_at=T0, assets=[{"kind": "dog"}])
    with pytest.raises(DomainError, match="before it started"):
        services.end_search(op, actor=police, ended_at=T0 - timedelta(minutes=1), outcome="found")


def test_it_clocks_the_eurosur_first_report_and_stops_it_when_sent(guard, police):
    recent = timezone.now() - timedelta(hours=2)
    d = detect(guard, detected_at=recent)
    incident = services.open_incident(actor=police, detections=[d], occurred_from=recent)
    clock = incident.clocks.get(kind="first_report")
    assert clock.due_at == recent + timedelta(hours=24)
    assert "2021/581" in clock.source
    with pytest.raises(DomainError, match="first report before"):
        services.send_event_report(incident, actor=police, kind="follow_up")
    report = services.send_event_report(incident, actor=police, credibility="own patrol")
    clock.refresh_from_db()
    assert clock.stopped_at is not None
    assert report.content["persons"] == {"count": None, "lower_bound": False}
    assert "person" not in {k.lower() for k in report.content} - {"persons"}
    with pytest.raises(DomainError, match="first report already"):
        services.send_event_report(incident, actor=police)


def test_it_starts_no_report_clock_for_a_record_of_the_past(police):
    incident = services.open_incident(actor=police, occurred_from=T0)
    assert not incident.clocks.exists()


@pytest.mark.parametrize("offset", ["-16:31", "+15:00", "-12:30"])
def test_it_refuses_a_utc_offset_no_time_zone_uses(guard, offset):
    from datetime import datetime as dt

    with pytest.raises(DomainError, match="no time zone uses"):
        detect(guard, detected_at=dt.fromisoformat(f"2025-08-22T07:15:00{offset}"))
    assert Detection.objects.count() == 0
