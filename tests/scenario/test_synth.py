"""The synthetic data generator: sizes as asked, the domain's rules kept, a valid audit
chain, the same data for the same seed, and the console only."""

import hashlib
from collections import Counter
from datetime import timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from borderwatch.access import audit
from borderwatch.access.models import AuditEvent
from borderwatch.border.models import Incident
from borderwatch.cases import workflow
from borderwatch.cases.choices import CaseState
from borderwatch.cases.models import AsylumCase, Custody, Referral
from borderwatch.lib.errors import AccessDenied
from borderwatch.people.models import Person
from borderwatch.scenario import synth

OSLO = ZoneInfo("Europe/Oslo")
SIZES = dict(incidents=300, persons=60, audit_events=2000)


@pytest.fixture
def synthesised(world, console):
    before = AuditEvent.objects.count()
    result = synth.synthesise(actor=console, seed=1, batch=500, **SIZES)
    return result, before


def test_it_writes_the_sizes_asked(synthesised):
    result, before = synthesised
    assert Incident.objects.count() == 300
    assert Person.objects.count() == 60
    assert AsylumCase.objects.count() == 60
    assert AuditEvent.objects.count() == before + 2000 + 1
    last = AuditEvent.objects.order_by("-seq").first()
    assert last.verb == "scenario.synthesised"
    assert last.payload["incidents"] == 300
    assert result.counts["custody"] == Custody.objects.count() > 0


def test_every_case_is_in_a_declared_state_its_history_reaches(synthesised):
    assert set(AsylumCase.objects.values_list("state", flat=True)) == set(CaseState.values)
    for case in AsylumCase.objects.prefetch_related("transitions"):
        steps = sorted(case.transitions.all(), key=lambda t: (t.at, t.id))
        assert steps[0].name == "claim" and steps[0].to_state == CaseState.CLAIMED
        assert steps[-1].to_state == case.state
        assert case.version == len(steps)
        for prev, step in zip(steps, steps[1:], strict=False):
            t = workflow.TRANSITIONS[step.name]
            assert step.from_state == prev.to_state in t.sources
            assert step.to_state == t.target and prev.at < step.at
        if case.state in {"granted", "refused", "other_country"}:
            assert case.decision.outcome == case.state


def test_ownership_follows_accepted_referrals(synthesised, world):
    for case in AsylumCase.objects.all():
        accepted = case.referrals.filter(status="accepted").order_by("answered_at", "id").last()
        assert case.owning_unit_id == (accepted.to_unit_id if accepted else world["finnmark-pd"].pk)
        pending = case.referrals.filter(status="pending").count()
        assert pending == (case.state in {"referred", "sent_for_decision"})
    assert Referral.objects.filter(status__in=["rejected", "withdrawn"]).exists()


def test_periods_match_their_precision(synthesised):
    for inc in Incident.objects.all():
        assert inc.occurred_from < inc.occurred_to
        start, end = inc.occurred_from.astimezone(OSLO), inc.occurred_to.astimezone(OSLO)
        if inc.time_precision == "exact":
            assert end - start == timedelta(minutes=1)
        elif inc.time_precision == "day":
            assert (start.hour, start.minute) == (0, 0) and (end - start).days in (0, 1)
            assert end.date() == start.date() + timedelta(days=1)
        elif inc.time_precision == "month":
            assert start.day == 1 and end.day == 1 and (end.month - start.month) % 12 == 1
        elif inc.time_precision == "season":
            assert start.day == 1 and start.month in (3, 6, 9, 12)
            assert (end.month - start.month) % 12 == 3
        else:
            assert (start.month, start.day, end.month, end.day) == (1, 1, 1, 1)
        assert inc.section_id is not None and inc.owning_unit.code == "finnmark-pd"
        assert 1 <= inc.persons_count <= 5
    precisions = set(Incident.objects.values_list("time_precision", flat=True))
    assert precisions == {"exact", "day", "month", "season", "year"}
    for c in Custody.objects.all():
        assert c.clock_started_at <= c.started_at < c.ended_at <= c.court_deadline


def test_a_surge_month_at_storskog_and_seasonality(synthesised):
    months = Counter(
        (i.occurred_from.astimezone(OSLO).year, i.occurred_from.astimezone(OSLO).month)
        for i in Incident.objects.filter(time_precision__in=["exact", "day"])
    )
    (top, n), (_, second) = months.most_common(2)
    assert top == (2015, 10) and n > 5 * second
    surge = Incident.objects.filter(
        section__code="storskog", occurred_from__year=2015, occurred_from__month=10
    )
    assert surge.count() == 60  # capped at a fifth of the incidents at this size
    exact = Incident.objects.filter(time_precision="exact").exclude(pk__in=surge)
    by_month = Counter(i.occurred_from.astimezone(OSLO).month for i in exact)
    assert by_month[8] + by_month[9] > by_month[1] + by_month[2]


def test_names_in_their_own_script_and_transliterated(synthesised):
    russians = Person.objects.filter(nationality="RU")
    assert russians.exists()
    for p in russians:
        assert any("\u0400" <= ch <= "\u04ff" for ch in p.name_original_script)
        assert p.given_names.isascii() and p.family_name.isascii()
        assert f"{p.given_names} {p.family_name}" in p.transliterations
    assert synth.transliterate("Юрий Щербаков") == "Yuriy Shcherbakov"


def test_the_audit_chain_verifies(synthesised):
    report = audit.verify_chain()
    assert report.ok, report.problem


def _digest() -> str:
    h = hashlib.sha256()
    for row in Incident.objects.order_by("occurred_from", "lat", "lon").values_list(
        "occurred_from", "time_precision", "lat", "lon", "persons_count", "nationality"
    ):
        h.update(repr(row).encode())
    for row in Person.objects.order_by("family_name", "given_names", "date_of_birth").values_list(
        "given_names", "family_name", "name_original_script", "date_of_birth"
    ):
        h.update(repr(row).encode())
    h.update(
        repr(sorted(Counter(AsylumCase.objects.values_list("state", flat=True)).items())).encode()
    )
    return h.hexdigest()


class _Undo(Exception):
    pass


def test_the_same_seed_gives_the_same_data(world, console):
    small = dict(incidents=80, persons=20, audit_events=300)
    digests = []
    for seed in (7, 7, 8):
        try:
            with transaction.atomic():
                synth.synthesise(actor=console, seed=seed, **small)
                digests.append(_digest())
                raise _Undo
        except _Undo:
            pass
    assert digests[0] == digests[1] != digests[2]


def test_only_the_console_may_run_it(world, police, admin_actor):
    for actor in (police, admin_actor):
        with pytest.raises(AccessDenied):
            synth.synthesise(actor=actor, incidents=10, persons=2, audit_events=10)
    with pytest.raises(CommandError):
        call_command("scenario", "synth", "--incidents", "5", "--as", "police", stdout=StringIO())
    assert not Incident.objects.exists()


def test_the_command_reports_what_it_wrote(world):
    out = StringIO()
    call_command(
        "scenario",
        "synth",
        "--incidents=40",
        "--persons=10",
        "--audit-events=100",
        "--seed=3",
        verbosity=0,
        stdout=out,
    )
    assert "40 incidents" in out.getvalue() and "rows/s" in out.getvalue()
    assert audit.verify_chain().ok
