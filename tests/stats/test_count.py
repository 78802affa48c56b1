"""Honest counts: precision and lower bounds decide 'at least the Nth'."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from borderwatch.border import services as border
from borderwatch.lib.errors import AccessDenied, DomainError
from borderwatch.stats.queries import CountQuery, count, ordinal

OSLO = ZoneInfo("Europe/Oslo")
SINCE_2023 = dict(since=date(2023, 1, 1), nationality="RU", country_entered="NO")


def test_it_counts_the_soldier_as_at_least_the_4th_incident(main_case, console):
    result = count(console, CountQuery(**SINCE_2023))
    assert (result.minimum, result.maximum, result.exact) == (4, 6, False)
    assert result.statement == (
        f"{main_case.incident.reference} (Fri 22 Aug 2025, Grense "
        "Jakobselv) is at least the 4th (at most the 6th) reported "
        "incident since 2023-01-01."
    )
    assert any("together or apart" in r for r in result.reasons)
    assert [r.when for r in result.records] == [
        "January 2023",
        "later in 2023 (after 14 Jan)",
        "autumn 2023",
        "Fri 22 Aug 2025",
    ]


def test_it_counts_the_soldier_as_the_6th_person(story, console):
    result = count(console, CountQuery(by="person", **SINCE_2023))
    assert (result.minimum, result.maximum) == (6, 6)
    assert "is the 6th reported person since 2023-01-01" in result.statement


def test_it_says_an_autumn_event_may_not_fall_after_the_first_of_october(story, console):
    result = count(console, CountQuery(since=date(2023, 10, 1), until=date(2023, 12, 31)))
    autumn = [r for r in result.records if r.when == "autumn 2023"][0]
    assert autumn.certain is False
    assert result.minimum == 0
    assert result.maximum == 4  # autumn (1) + the three of "later in 2023" (up to 3)
    assert "No reported incident falls certainly" in result.statement


def test_it_counts_an_event_known_only_by_year_inside_that_year(story, console):
    result = count(console, CountQuery(since=date(2023, 1, 1), until=date(2023, 12, 31)))
    assert all(r.certain for r in result.records)
    assert (result.minimum, result.maximum) == (3, 5)


def test_it_leaves_the_upper_bound_open_when_a_count_is_a_lower_bound(police, console):
    border.open_incident(
        actor=police,
        occurred_from=datetime(2024, 5, 1, tzinfo=OSLO),
        occurred_to=datetime(2024, 6, 1, tzinfo=OSLO),
        time_precision="month",
        persons_count=2,
        persons_count_is_lower_bound=True,
    )
    result = count(console, CountQuery(by="person", since=date(2024, 1, 1)))
    assert (result.minimum, result.maximum) == (2, None)
    assert "at least the 2nd" in result.statement


def test_it_filters_by_section(story, console):
    result = count(console, CountQuery(section="pasvik"))
    assert {r.place for r in result.records} == {"Pasvik valley"}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        (dict(nationality="Russia"), "nationality"),
        (dict(country_entered="N"), "country_entered"),
        (dict(by="household"), "by"),
        (dict(since=date(2024, 1, 1), until=date(2023, 1, 1)), "until"),
    ],
)
def test_it_refuses_bad_filters(kwargs, field):
    with pytest.raises(DomainError) as err:
        CountQuery(**kwargs)
    assert err.value.field == field


def test_it_counts_for_others_only_what_they_may_open(story, other_police, analyst):
    assert count(other_police, CountQuery()).records == []
    assert len(count(analyst, CountQuery()).records) == 4


def test_it_refuses_statistics_to_a_lawyer(story, lawyer):
    with pytest.raises(AccessDenied):
        count(lawyer, CountQuery())


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
    ],
)
def test_it_writes_ordinals(n, text):
    assert ordinal(n) == text
