"""lib/timefmt.period_containing: the calendar period of a precision that holds an instant."""

from datetime import UTC, datetime, timedelta

import pytest

from borderwatch.lib.timefmt import OSLO, period_containing


def oslo(*args) -> datetime:
    return datetime(*args, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("precision", "start", "end"),
    [
        ("exact", oslo(2025, 8, 22, 7, 15), oslo(2025, 8, 22, 7, 16)),
        ("day", oslo(2025, 8, 22), oslo(2025, 8, 23)),
        ("month", oslo(2025, 8, 1), oslo(2025, 9, 1)),
        ("season", oslo(2025, 6, 1), oslo(2025, 9, 1)),
        ("year", oslo(2025, 1, 1), oslo(2026, 1, 1)),
    ],
)
def test_it_gives_the_period_that_holds_the_instant(precision, start, end):
    at = oslo(2025, 8, 22, 7, 15, 42, 123)
    assert period_containing(at, precision) == (start, end)


def test_winter_runs_from_december_into_the_next_year():
    assert period_containing(oslo(2024, 12, 24, 18), "season") == (
        oslo(2024, 12, 1),
        oslo(2025, 3, 1),
    )
    assert period_containing(oslo(2025, 2, 10), "season") == (oslo(2024, 12, 1), oslo(2025, 3, 1))


def test_it_reads_the_instant_in_oslo_time_whatever_its_offset():
    # 23:30 UTC on 31 May is 01:30 on 1 June in Oslo (CEST): June, summer
    at = datetime(2025, 5, 31, 23, 30, tzinfo=UTC)
    assert period_containing(at, "month") == (oslo(2025, 6, 1), oslo(2025, 7, 1))
    assert period_containing(at, "season")[0] == oslo(2025, 6, 1)


def test_the_day_of_a_clock_change_is_23_or_25_hours():
    spring, autumn = (
        period_containing(oslo(2025, 3, 30, 12), "day"),
        period_containing(oslo(2025, 10, 26, 12), "day"),
    )
    # (same-zone subtraction in Python is wall-clock time: compare in UTC)
    assert spring[1].astimezone(UTC) - spring[0].astimezone(UTC) == timedelta(hours=23)
    assert autumn[1].astimezone(UTC) - autumn[0].astimezone(UTC) == timedelta(hours=25)


def test_it_refuses_an_unknown_precision():
    with pytest.raises(ValueError, match="unknown precision 'week'"):
        period_containing(oslo(2025, 1, 1), "week")


def test_a_period_of_several_days_names_its_first_and_last_day():
    from borderwatch.lib.timefmt import format_period

    # the night to Sunday: Saturday and Sunday, end exclusive
    assert format_period(oslo(2025, 6, 21), oslo(2025, 6, 23), "day") == "Sat 21 – Sun 22 Jun 2025"
    assert (
        format_period(oslo(2025, 5, 31), oslo(2025, 6, 2), "day") == "Sat 31 May – Sun 1 Jun 2025"
    )
    assert (
        format_period(oslo(2024, 12, 31), oslo(2025, 1, 2), "day")
        == "Tue 31 Dec 2024 – Wed 1 Jan 2025"
    )
    assert format_period(oslo(2025, 8, 22), oslo(2025, 8, 23), "day") == "Fri 22 Aug 2025"


def test_a_proposed_events_time_reads_as_the_records_times_do():
    from borderwatch.sources.templatetags.proposals import proposed_when

    assert proposed_when({"start": "2025-08-22", "end": "2025-08-23", "precision": "day"}) == (
        "Fri 22 Aug 2025"
    )
    assert proposed_when({"start": "2023-09-01", "end": "2023-12-01", "precision": "season"}) == (
        "autumn 2023"
    )
    assert proposed_when({"start": "2023-02-01", "end": "2024-01-01", "precision": "year"}) == (
        "later in 2023 (after 1 Feb)"
    )
    assert proposed_when({"start": None, "end": None, "precision": "unknown"}) == "not known"
    assert (
        proposed_when({"start": "2025-13-01", "end": "x", "precision": "day"}) == "2025-13-01 – x"
    )
