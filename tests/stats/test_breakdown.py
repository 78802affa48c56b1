"""Breakdowns per month, quarter and year: an imprecise record is neither spread nor
guessed, the outcome is derived honestly, and the work does not grow with the records."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borderwatch.access.models import AuditEvent
from borderwatch.border import services as border
from borderwatch.cases import services as cases
from borderwatch.lib.errors import AccessDenied, DomainError
from borderwatch.stats.queries import CountQuery, breakdown, count
from tests.stats.data import more_incidents

OSLO = ZoneInfo("Europe/Oslo")
SINCE_2023 = dict(since=date(2023, 1, 1), nationality="RU", country_entered="NO")


def totals(result) -> dict:
    return {c.period: (c.minimum, c.maximum) for c in result.totals}


def test_it_counts_an_autumn_event_inside_2023_but_not_certainly_since_october(story, console):
    whole = breakdown(console, CountQuery(**SINCE_2023), "year")
    assert totals(whole)["2023"] == (3, 5)
    assert whole.imprecise == []

    late = breakdown(console, CountQuery(since=date(2023, 10, 1), until=date(2023, 12, 31)), "year")
    assert totals(late) == {"2023": (0, 4)}
    assert [b.partial for b in late.buckets] == [True]
    autumn = next(r for r in late.imprecise if r.when == "autumn 2023")
    assert autumn.buckets == ["2023"]
    assert "may fall outside the selected period (from 2023-10-01 to 2023-12-31)" in autumn.why


def test_it_explains_a_maximum_raised_by_a_group_that_may_have_crossed_apart(story, console):
    result = breakdown(console, CountQuery(**SINCE_2023), "year")
    assert result.imprecise == []
    assert "Every record lies wholly inside one year" in result.explanation()
    assert "one incident in the minimum and one per person in the maximum" in (result.explanation())


def test_it_puts_a_season_in_the_maximum_of_each_month_it_may_fall_in(story, console):
    result = breakdown(
        console,
        CountQuery(since=date(2023, 8, 1), until=date(2023, 12, 31), section="jakobselva"),
        "month",
    )
    assert totals(result) == {
        "2023-08": (0, 0),
        "2023-09": (0, 1),
        "2023-10": (0, 1),
        "2023-11": (0, 1),
        "2023-12": (0, 0),
    }
    [autumn] = result.imprecise
    assert autumn.buckets == ["2023-09", "2023-10", "2023-11"]
    assert autumn.why == "known less precisely than a month"
    assert "not spread or guessed" in result.explanation()


def test_it_counts_a_record_known_to_the_month_in_that_month_for_certain(story, console):
    result = breakdown(console, CountQuery(**SINCE_2023), "month")
    jan = result.totals[0]
    assert jan.period == "2023-01"
    # January 2023 for certain; "later in 2023 (after 14 Jan)" (1 to 3) may be in it too
    assert (jan.minimum, jan.maximum, jan.certain, jan.possible) == (1, 4, 1, 1)
    assert result.buckets[0].label == "Jan 2023"


def test_it_counts_the_quarters_of_the_founding_story(story, console):
    result = breakdown(console, CountQuery(**SINCE_2023, until=date(2025, 12, 31)), "quarter")
    t = totals(result)
    assert t["2023-Q1"] == (1, 4)
    assert t["2023-Q3"] == (0, 4)  # autumn (1) + the three of "later in 2023"
    assert t["2024-Q2"] == (0, 0)
    assert t["2025-Q3"] == (1, 1)
    assert [b.key for b in result.buckets][-1] == "2025-Q4"
    # a bucket's minimum never exceeds the count's; the maxima of spanning records repeat
    whole = count(console, CountQuery(**SINCE_2023, until=date(2025, 12, 31)))
    assert sum(lo for lo, _ in t.values()) <= whole.minimum
    assert sum(hi for _, hi in t.values()) >= whole.maximum


def test_it_leaves_a_persons_maximum_open_for_a_lower_bound(police, console):
    border.open_incident(
        actor=police,
        occurred_from=datetime(2024, 5, 1, tzinfo=OSLO),
        occurred_to=datetime(2024, 6, 1, tzinfo=OSLO),
        time_precision="month",
        persons_count=2,
        persons_count_is_lower_bound=True,
    )
    result = breakdown(
        console, CountQuery(by="person", since=date(2024, 4, 1), until=date(2024, 6, 30)), "month"
    )
    assert totals(result) == {"2024-04": (0, 0), "2024-05": (2, None), "2024-06": (0, 0)}
    assert result.as_dict()["totals"][1]["max"] is None


def test_it_splits_by_section_nationality_and_outcome(story, console):
    result = breakdown(console, CountQuery(), "year", ["outcome", "section", "nationality"])
    assert result.dimensions == ("section", "nationality", "outcome")
    rows = {
        (c.period, c.values["section"], c.values["nationality"], c.values["outcome"]): (
            c.minimum,
            c.maximum,
        )
        for c in result.rows
    }
    assert rows == {
        ("2023", "jakobselva", "RU", "not_recorded"): (1, 1),
        ("2023", "pasvik", "RU", "not_recorded"): (2, 4),
        ("2025", "jakobselva", "RU", "asylum_requested"): (1, 1),
    }
    assert result.labels["section"]["pasvik"] == "Pasvik valley"
    assert result.labels["outcome"]["asylum_requested"] == "Asylum requested, not decided"


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("decade", ()), "period"),
        (("month", ("colour",)), "dimensions"),
        (("month", "section,person"), "dimensions"),
    ],
)
def test_it_refuses_a_bad_period_or_dimension(story, console, args, field):
    with pytest.raises(DomainError) as err:
        breakdown(console, CountQuery(), *args)
    assert err.value.field == field


def test_it_refuses_more_buckets_than_a_page_can_hold(story, console):
    with pytest.raises(DomainError) as err:
        breakdown(console, CountQuery(since=date(1900, 1, 1)), "month")
    assert err.value.field == "period"


def test_it_writes_the_breakdown_to_the_audit_trail(story, analyst):
    breakdown(analyst, CountQuery(nationality="RU"), "quarter", ["outcome"])
    event = AuditEvent.objects.filter(verb="stats.queried").latest("seq")
    assert event.actor == analyst.user
    assert event.payload["period"] == "quarter"
    assert event.payload["dimensions"] == ["outcome"]
    assert event.payload["nationality"] == "RU"


def test_it_refuses_a_breakdown_to_a_lawyer(story, lawyer):
    with pytest.raises(AccessDenied):
        breakdown(lawyer, CountQuery(), "year")


def test_it_breaks_down_for_others_only_what_they_may_open(story, other_police):
    assert all(
        c.minimum == c.maximum == 0 for c in breakdown(other_police, CountQuery(), "year").totals
    )


# --- outcomes --------------------------------------------------------------------------


def _incident(police, day: int, persons: int = 1):
    return border.open_incident(
        actor=police,
        occurred_from=datetime(2024, 3, day, 6, 0, tzinfo=OSLO),
        time_precision="exact",
        country_left="RU",
        country_entered="NO",
        persons_count=persons,
    )


def _apprehend(police, incident, hour=7):
    return cases.record_apprehension(
        incident,
        actor=police,
        apprehended_at=incident.occurred_from + timedelta(hours=hour - 6),
        legal_basis="criminal_arrest",
        person={"nationality": "RU"},
    )


def _case(police, incident, hour=7):
    custody = _apprehend(police, incident, hour)
    return cases.record_asylum_request(
        custody.person, actor=police, requested_at=custody.started_at + timedelta(minutes=30)
    )


def _decide(case, police, pu, udi, world, outcome: str, *, close=False):
    """Refer to PU, register, interview, send to UDI, decide (and close)."""
    referral = cases.refer_case(case, actor=police, to_unit=world["pu"], reason="Asylum")
    cases.accept_referral(referral, actor=pu)
    case.refresh_from_db()
    cases.register_application(case, actor=pu)
    cases.record_asylum_interview(case, actor=pu, held_at=timezone.now(), summary="Heard.")
    cases.send_for_decision(case, actor=pu, to_unit=world["udi"])
    cases.decide(case, actor=udi, outcome=outcome, reasoning="Reasons.")
    case.refresh_from_db()
    if close:
        cases.close_case(case, actor=udi)


def outcomes(actor) -> dict:
    result = breakdown(
        actor, CountQuery(since=date(2024, 3, 1), until=date(2024, 3, 31)), "month", ["outcome"]
    )
    return {c.values["outcome"]: c.minimum for c in result.rows}


def test_it_derives_each_incidents_outcome_from_its_cases_and_custody(
    world, police, pu, udi, console, analyst
):
    _incident(police, 1)  # nothing recorded
    _apprehend(police, _incident(police, 2))  # detained
    _case(police, _incident(police, 3))  # asylum requested
    _decide(_case(police, _incident(police, 4)), police, pu, udi, world, "granted", close=True)
    _decide(_case(police, _incident(police, 5)), police, pu, udi, world, "refused")
    two = _incident(police, 6, persons=2)
    _decide(_case(police, two, hour=7), police, pu, udi, world, "granted")
    _decide(_case(police, two, hour=8), police, pu, udi, world, "other_country")
    expected = {
        "not_recorded": 1,
        "detained": 1,
        "asylum_requested": 1,
        "decided_granted": 1,  # decided, then closed: the decision stays
        "decided_refused": 1,
        "decided_mixed": 1,
    }
    assert outcomes(console) == expected
    assert outcomes(analyst) == expected


def test_it_derives_outcomes_only_from_cases_the_reader_may_see(main_case, guard, analyst):
    # the border guard counts the crossing in its section but may not see the case
    assert outcomes_2025(analyst) == {"asylum_requested": 1}
    assert outcomes_2025(guard) == {"not_recorded": 1}


def outcomes_2025(actor) -> dict:
    result = breakdown(
        actor, CountQuery(since=date(2025, 1, 1), until=date(2025, 12, 31)), "year", ["outcome"]
    )
    return {c.values["outcome"]: c.minimum for c in result.rows}


# --- work that does not grow with the records ------------------------------------------


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


@pytest.mark.parametrize("dimensions", [(), ("section", "nationality", "outcome")])
def test_it_runs_as_many_queries_for_many_records_as_for_few(story, police, analyst, dimensions):
    def run():
        return breakdown(analyst, CountQuery(), "month", dimensions)

    few = _queries(run)
    more_incidents(police, 24)
    assert _queries(run) == few
    assert sum(c.certain + c.possible for c in run().totals) >= 28


def test_it_lists_the_first_imprecise_records_and_counts_them_all(story, console, monkeypatch):
    import borderwatch.stats.queries as queries

    question = CountQuery(since=date(2023, 10, 1), until=date(2023, 12, 31))
    whole = breakdown(console, question, "year")
    assert [r.when for r in whole.imprecise] == ["later in 2023 (after 14 Jan)", "autumn 2023"]
    monkeypatch.setattr(queries, "IMPRECISE_LISTED", 1)
    cut = breakdown(console, question, "year")
    assert [r.when for r in cut.imprecise] == ["later in 2023 (after 14 Jan)"]  # the earliest
    assert cut.imprecise_total == whole.imprecise_total == 2
    assert totals(cut) == totals(whole) == {"2023": (0, 4)}  # every record still counts
    assert "2 records are known less precisely" in cut.explanation()
    assert cut.as_dict()["imprecise_total"] == 2


def test_the_page_and_the_cli_say_how_many_more_are_not_listed(story, client, analyst, monkeypatch):
    import io

    from django.core.management import call_command

    import borderwatch.stats.queries as queries
    from tests.conftest import PASSWORD

    monkeypatch.setattr(queries, "IMPRECISE_LISTED", 1)
    period = {"since": "2023-10-01", "until": "2023-12-31", "period": "year"}
    assert client.login(username="analyst", password=PASSWORD)
    html = client.get("/stats/", period).content.decode()
    assert "… and 1 more record known less precisely." in html
    out = io.StringIO()
    call_command(
        "stats", "breakdown", "--since", "2023-10-01", "--until", "2023-12-31",
        "--period", "year", "--as", "analyst", stdout=out,
    )  # fmt: skip
    assert "… and 1 more (--json lists the first 1)." in out.getvalue()


def test_it_lists_a_record_begun_years_before_the_period_that_reaches_into_it(
    story, police, console
):
    # the longest period bounds how far back the listing reads (PostgreSQL): the longest
    # record is the one that must still be found
    long_ago = border.open_incident(
        actor=police,
        occurred_from=datetime(2019, 6, 1, tzinfo=OSLO),
        occurred_to=datetime(2023, 2, 1, tzinfo=OSLO),
        time_precision="year",
        country_entered="NO",
    )
    result = breakdown(console, CountQuery(since=date(2023, 1, 1), until=date(2023, 3, 31)))
    listed = {r.reference for r in result.imprecise}
    assert long_ago.reference in listed
    [record] = [r for r in result.imprecise if r.reference == long_ago.reference]
    assert record.buckets == ["2023-01"]
    assert "may fall outside the selected period" in record.why
