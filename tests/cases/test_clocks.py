"""Legal clocks as data, the notifier's warnings and escalations, and e-mail over SMTP."""

import socket
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borderwatch.border import services as border
from borderwatch.cases import clocks, notify, services
from borderwatch.cases.models import Clock, Notification

OSLO = ZoneInfo("Europe/Oslo")


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp(settings):
    """A real SMTP server on localhost; Django sends to it."""
    inbox = Inbox()
    with socket.socket() as probe:  # a free port (aiosmtpd needs a real one to self-check)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    yield inbox
    controller.stop()


@pytest.fixture
def arrest(police):
    at = timezone.now() - timedelta(hours=1)
    incident = border.open_incident(actor=police, occurred_from=at - timedelta(hours=1))
    return services.record_apprehension(
        incident, actor=police, apprehended_at=at, legal_basis="criminal_arrest", person={}
    )


def test_it_starts_the_court_and_counsel_clocks_at_arrest(arrest):
    court = arrest.clocks.get(kind="court")
    counsel = arrest.clocks.get(kind="counsel")
    assert court.due_at == arrest.court_deadline
    assert counsel.due_at == arrest.counsel_deadline
    assert "straffeprosessloven § 183" in court.source


def test_it_stops_the_counsel_clock_when_counsel_is_assigned(arrest, police):
    matter = services.open_criminal_matter(
        arrest.person, actor=police, offence="x", opened_at=timezone.now()
    )
    services.assign_counsel(
        arrest.person,
        actor=police,
        kind="defence",
        lawyer_name="A. Advokat",
        criminal_matter=matter,
        appointed_at=timezone.now(),
    )
    assert list(arrest.clocks.running().values_list("kind", flat=True)) == ["court"]


def test_it_stops_both_clocks_when_custody_ends(arrest, police):
    services.end_custody(arrest, actor=police, ended_at=timezone.now(), reason="released")
    assert not arrest.clocks.running().exists()


def test_it_finds_overdue_clocks_by_query(arrest):
    court = arrest.clocks.get(kind="court")
    assert (
        Clock.objects.overdue(court.due_at - timedelta(seconds=1)).filter(kind="court").count() == 0
    )
    assert (
        Clock.objects.overdue(court.due_at + timedelta(seconds=1)).filter(kind="court").count() == 1
    )


def test_it_warns_at_twelve_and_two_hours_then_once_when_overdue(arrest, police, smtp):
    police.user.email = "kari@politiet.example"
    police.user.save()
    due = arrest.clocks.get(kind="court").due_at
    assert notify.run_once(due - timedelta(hours=13)).warnings == 0
    assert notify.run_once(due - timedelta(hours=11)).warnings == 1
    assert notify.run_once(due - timedelta(hours=10)).warnings == 0  # sent once
    assert notify.run_once(due - timedelta(hours=1)).warnings == 1
    late = notify.run_once(due + timedelta(minutes=5))
    assert late.overdue >= 1
    assert notify.run_once(due + timedelta(hours=1)).overdue == 0
    kinds = list(
        Notification.objects.filter(clock__kind="court")
        .order_by("created_at")
        .values_list("kind", flat=True)
    )
    assert kinds == ["warning", "warning", "overdue"]
    court_mail = [m for m in smtp.messages if b"Before a court or released" in m.content]
    assert len(court_mail) == 3
    assert court_mail[0].rcpt_tos == ["kari@politiet.example"]
    assert "straffeprosessloven § 183" in court_mail[0].content.decode()


def test_it_keeps_the_in_app_notice_when_smtp_is_down(arrest, police, settings):
    police.user.email = "kari@politiet.example"
    police.user.save()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    due = arrest.clocks.get(kind="court").due_at
    summary = notify.run_once(due - timedelta(hours=1))
    assert summary.warnings == 1 and summary.email_failures
    assert Notification.objects.filter(kind="warning", emailed_to=[]).exists()


def test_it_escalates_an_unanswered_referral_to_both_units(main_case, police, pu, world):
    from borderwatch.cases.models import AsylumCase

    services.register_application(main_case, actor=pu)
    AsylumCase.objects.filter(pk=main_case.pk).update(state="accepted")  # to refer again
    main_case.refresh_from_db()
    referral = services.refer_case(main_case, actor=pu, to_unit=world["udi"], reason="r")
    due = referral.clocks.get().due_at
    summary = notify.run_once(due + timedelta(minutes=1))
    assert summary.escalations == 1
    referral.refresh_from_db()
    assert referral.escalated_at is not None
    units = set(Notification.objects.filter(kind="escalation").values_list("unit__code", flat=True))
    assert units == {"pu", "udi"}
    assert notify.run_once(due + timedelta(hours=2)).escalations == 0


def test_the_nearest_warning_wins_after_an_outage():
    due = datetime(2025, 8, 25, 23, 59, 59, tzinfo=OSLO)
    assert clocks.due_warnings(due, due - timedelta(hours=1), [], [12, 2]) == [2]
    assert clocks.due_warnings(due, due - timedelta(hours=5), [], [12, 2]) == [12]
    assert clocks.due_warnings(due, due - timedelta(hours=5), [12], [12, 2]) == []
    assert clocks.due_warnings(due, due + timedelta(hours=1), [], [12, 2]) == []


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start_offset=st.integers(min_value=0, max_value=24 * 60),
    lead=st.integers(min_value=13 * 60, max_value=20 * 60),
    steps=st.lists(st.integers(min_value=30, max_value=110), min_size=1, max_size=30),
)
def test_no_custody_passes_its_deadline_without_both_warnings(police, start_offset, lead, steps):
    """Whenever the notifier runs at least every 110 minutes (under the smallest offset,
    2 hours), both warnings have fired before any court deadline passes."""
    base = timezone.now() - timedelta(days=10) + timedelta(minutes=start_offset)
    incident = border.open_incident(actor=police, occurred_from=base - timedelta(hours=1))
    custody = services.record_apprehension(
        incident, actor=police, apprehended_at=base, legal_basis="criminal_arrest", person={}
    )
    clock = custody.clocks.get(kind="court")
    now = clock.due_at - timedelta(minutes=lead)  # the notifier starts some time before
    i = 0
    while now < clock.due_at + timedelta(hours=2):  # past the longest step
        notify.run_once(now)
        now += timedelta(minutes=steps[i % len(steps)])
        i += 1
    clock.refresh_from_db()
    warned = Notification.objects.filter(clock=clock, kind="warning")
    assert warned.count() == 2
    assert all(n.created_at < clock.due_at for n in warned)
    assert clock.overdue_notified_at is not None
    services.end_custody(
        custody, actor=police, ended_at=base + timedelta(hours=1), reason="released"
    )  # keep later examples' notifier runs small
