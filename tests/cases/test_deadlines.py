"""The legal clocks: pure functions, pinned at the edges, with properties."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from borderwatch.cases.deadlines import RULES, custody_clock, end_of_day_after

OSLO = ZoneInfo("Europe/Oslo")


def test_it_gives_the_end_of_monday_for_an_arrest_on_friday_morning():
    clock = custody_clock("criminal_arrest", datetime(2025, 8, 22, 9, 0, tzinfo=OSLO))
    assert clock.court_deadline == datetime(2025, 8, 25, 23, 59, 59, tzinfo=OSLO)
    assert clock.counsel_deadline == datetime(2025, 8, 24, 23, 59, 59, tzinfo=OSLO)
    assert "straffeprosessloven § 183" in clock.source


def test_it_counts_the_day_in_oslo_not_in_utc():
    # 23:30 UTC on Thursday is already Friday 01:30 in Oslo (summer time).
    clock = custody_clock("criminal_arrest", datetime(2025, 8, 21, 23, 30, tzinfo=UTC))
    assert clock.court_deadline.date() == datetime(2025, 8, 25).date()


def test_it_is_right_across_the_change_to_winter_time():
    # Summer time ends on Sunday 26 October 2025 at 03:00.
    clock = custody_clock("criminal_arrest", datetime(2025, 10, 24, 9, 0, tzinfo=OSLO))
    due = clock.court_deadline
    assert (due.year, due.month, due.day, due.hour, due.minute) == (2025, 10, 27, 23, 59)
    assert due.utcoffset() == timedelta(hours=1)


def test_it_is_right_across_the_change_to_summer_time():
    clock = custody_clock("immigration_arrest", datetime(2026, 3, 27, 22, 0, tzinfo=OSLO))
    due = clock.court_deadline
    assert (due.month, due.day) == (3, 30)
    assert due.utcoffset() == timedelta(hours=2)


def test_it_gives_a_border_holding_four_hours():
    start = datetime(2025, 8, 22, 9, 0, tzinfo=OSLO)
    assert custody_clock("border_holding", start).court_deadline == start + timedelta(hours=4)


def test_it_refuses_a_naive_start_and_a_holding_after_the_arrest():
    with pytest.raises(ValueError, match="timezone-aware"):
        custody_clock("criminal_arrest", datetime(2025, 8, 22, 9, 0))
    start = datetime(2025, 8, 22, 9, 0, tzinfo=OSLO)
    with pytest.raises(ValueError, match="cannot start after"):
        custody_clock("criminal_arrest", start, held_at_border_since=start + timedelta(hours=1))


def test_every_rule_names_its_legal_source():
    assert all(rule.source for rule in RULES.values())


instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(OSLO)
)


@given(
    start=instants,
    minor=st.booleans(),
    basis=st.sampled_from(["criminal_arrest", "immigration_arrest"]),
)
def test_the_deadline_is_the_last_second_of_a_later_day(start, minor, basis):
    clock = custody_clock(basis, start, minor=minor)
    due = clock.court_deadline.astimezone(OSLO)
    assert (due.hour, due.minute, due.second) == (23, 59, 59)
    days = (due.date() - start.astimezone(OSLO).date()).days
    assert days == (1 if minor else 3)
    assert clock.counsel_deadline <= clock.court_deadline
    assert due > start


@given(start=instants, held=st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=4)))
def test_a_border_holding_never_extends_the_deadline(start, held):
    without = custody_clock("criminal_arrest", start)
    counted = custody_clock("criminal_arrest", start, held_at_border_since=start - held)
    assert counted.court_deadline <= without.court_deadline


@given(start=instants, days=st.integers(min_value=0, max_value=10))
def test_end_of_day_after_is_monotonic(start, days):
    assert end_of_day_after(start, days) < end_of_day_after(start, days + 1)
