"""The incident spans: kept right by the database whatever writes incidents, and a
breakdown read from them is the breakdown read from the incidents (PostgreSQL keeps them;
SQLite reads the incidents)."""

from datetime import date, timedelta

import pytest
from django.db import connection, transaction
from django.db.models import ProtectedError

from borderwatch.border import spans
from borderwatch.border.models import BorderSection, Incident, IncidentMonth, IncidentSpan
from borderwatch.scenario import synth
from borderwatch.stats import queries
from borderwatch.stats.queries import CountQuery, compute_breakdown


@pytest.fixture
def synthesised(world, console):
    """300 incidents over 20 years, of every time precision, in bulk (as the generator and
    the importer write them)."""
    synth.synthesise(actor=console, seed=3, batch=100, incidents=300, persons=30, audit_events=0)


def test_breakdowns_read_the_sums_only_where_the_database_keeps_them(synthesised, analyst):
    kept = spans.kept(connection)  # PostgreSQL; SQLite has no time zones for its triggers
    assert queries._from_spans(analyst, ()) is kept
    assert IncidentSpan.objects.exclude(records=0).exists() is kept
    assert IncidentMonth.objects.exclude(records=0).exists() is kept


def test_the_spans_follow_every_kind_of_write(synthesised, console):
    """On PostgreSQL the sums agree with the incidents after every kind of write (drift()
    recomputes them); elsewhere nothing keeps them and they stay empty."""
    assert spans.drift(connection) == 0
    # one row saved, many rows updated in one statement, rows deleted
    one = Incident.objects.filter(attempted_only=False).order_by("pk").first()
    one.nationality, one.persons_count = "SY", 7
    one.save()
    Incident.objects.filter(pk__in=list(Incident.objects.values_list("pk", flat=True)[:40])).update(
        occurred_from=one.occurred_from - timedelta(days=400),
        occurred_to=one.occurred_from - timedelta(days=300),
    )
    Incident.objects.filter(pk__lt=one.pk + 60, pk__gt=one.pk + 50).update(attempted_only=True)
    deleted = 0
    for incident in Incident.objects.order_by("-pk")[:60]:
        try:
            with transaction.atomic():
                incident.delete()
                deleted += 1
        except ProtectedError:  # a case, a detection or a report refers to it
            continue
    assert deleted
    assert spans.drift(connection) == 0
    # and from scratch, the same
    spans.rebuild(connection)
    assert spans.drift(connection) == 0
    if not spans.kept(connection):
        assert not IncidentSpan.objects.exists() and not IncidentMonth.objects.exists()


def _both_ways(actor, query, period, dims, monkeypatch):
    from_spans = compute_breakdown(actor, query, period, dims).as_dict()
    with monkeypatch.context() as m:
        m.setattr(queries, "_from_spans", lambda *args: False)
        from_incidents = compute_breakdown(actor, query, period, dims).as_dict()
    return from_spans, from_incidents


QUESTIONS = [
    (CountQuery(), "year", ()),
    (CountQuery(since=date(2015, 1, 1), until=date(2015, 12, 31)), "month", ("section",)),
    (CountQuery(since=date(2010, 3, 15), until=date(2020, 6, 10)), "quarter", ("nationality",)),
    (CountQuery(since=date(2012, 1, 1), by="person"), "year", ("section", "nationality")),
    (CountQuery(until=date(2019, 2, 27), nationality="SY"), "month", ()),
    (CountQuery(since=date(2008, 1, 1), section="storskog", country_entered="NO"), "year", ()),
    (CountQuery(since=date(2016, 7, 4), until=date(2016, 7, 4), by="person"), "month", ()),
]


@pytest.mark.parametrize(("query", "period", "dims"), QUESTIONS)
def test_a_breakdown_from_the_spans_is_the_one_from_the_incidents(
    synthesised, analyst, monkeypatch, query, period, dims
):
    """(Where the database keeps no sums, both ways read the incidents.)"""
    assert queries._from_spans(analyst, dims) is spans.kept(connection)
    from_spans, from_incidents = _both_ways(analyst, query, period, dims, monkeypatch)
    assert from_spans == from_incidents
    assert any(t["max"] for t in from_spans["totals"])


def test_only_those_who_count_every_incident_read_the_spans(synthesised, analyst, police):
    assert queries._from_spans(analyst, ("section",)) is spans.kept(connection)
    assert not queries._from_spans(analyst, ("outcome",))  # outcomes depend on visible cases
    assert not queries._from_spans(police, ())  # counts only what police may open
    assert BorderSection.objects.exists()
