"""Showing instants and uncertain periods in the deployment's zone, as precisely as known;
the calendar period of a precision that holds an instant."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")

SEASONS = {
    12: "winter",
    1: "winter",
    2: "winter",
    3: "spring",
    4: "spring",
    5: "spring",
    6: "summer",
    7: "summer",
    8: "summer",
    9: "autumn",
    10: "autumn",
    11: "autumn",
}


def local(dt: datetime, tz: ZoneInfo = OSLO) -> datetime:
    return dt.astimezone(tz)


def format_instant(dt: datetime | None, tz: ZoneInfo = OSLO) -> str:
    """'Fri 22 Aug 2025 09:00 CEST' — always with the zone, never ambiguous."""
    if dt is None:
        return "—"
    loc = local(dt, tz)
    return f"{loc:%a} {loc.day} {loc:%b %Y %H:%M} {loc.tzname()}"


def format_published(dt: datetime | None, day_only: bool, tz: ZoneInfo = OSLO) -> str:
    """A publication: its instant, or 'Mon 25 Aug 2025' when only the day is known."""
    if dt is None or not day_only:
        return format_instant(dt, tz)
    loc = local(dt, tz)
    return f"{loc:%a} {loc.day} {loc:%b %Y}"


def format_period(start: datetime, end: datetime, precision: str, tz: ZoneInfo = OSLO) -> str:
    """An uncertain time as it is known: 'autumn 2023', 'January 2023', '2023'.

    `end` is exclusive. `precision` is one of exact, day, month, season, year.
    """
    s = local(start, tz)
    last = local(end - timedelta(microseconds=1), tz)
    if precision == "exact":
        return format_instant(start, tz)
    if precision == "day":
        if last.date() == s.date():
            return f"{s:%a} {s.day} {s:%b %Y}"
        # several days, e.g. a night named by the day it runs into: 'Sat 21 – Sun 22 Jun 2025'
        first = f"{s:%a} {s.day} {s:%b}" if s.year == last.year else f"{s:%a} {s.day} {s:%b %Y}"
        if s.year == last.year and s.month == last.month:
            first = f"{s:%a} {s.day}"
        return f"{first} – {last:%a} {last.day} {last:%b %Y}"
    if precision == "month":
        return f"{s:%B %Y}"
    if precision == "season":
        return f"{SEASONS[s.month]} {last.year}"
    if precision == "year":
        if s.year == last.year and (s.month, s.day) != (1, 1):
            return f"later in {s.year} (after {s.day} {s:%b})"
        if s.year == last.year:
            return f"{s.year}"
        return f"{s.year}–{last.year}"
    return f"between {s:%d %b %Y} and {last:%d %b %Y}"


def _month_start(year: int, month: int, tz: ZoneInfo) -> datetime:
    return datetime(year + (month - 1) // 12, (month - 1) % 12 + 1, 1, tzinfo=tz)


def period_containing(
    at: datetime, precision: str, tz: ZoneInfo = OSLO
) -> tuple[datetime, datetime]:
    """The period [start, end) of `precision` (exact: its minute; day, month, season with
    winter December to February, year) that holds `at`, in local time."""
    moment = at.astimezone(tz)
    if precision == "exact":
        start = moment.replace(second=0, microsecond=0)
        return start, start + timedelta(minutes=1)
    if precision == "day":
        start = datetime(moment.year, moment.month, moment.day, tzinfo=tz)
        following = moment.date() + timedelta(days=1)
        return start, datetime(following.year, following.month, following.day, tzinfo=tz)
    if precision == "month":
        return (
            _month_start(moment.year, moment.month, tz),
            _month_start(moment.year, moment.month + 1, tz),
        )
    if precision == "season":
        first = {12: 12, 1: 0, 2: 0}.get(moment.month, (moment.month // 3) * 3)
        return _month_start(moment.year, first, tz), _month_start(moment.year, first + 3, tz)
    if precision == "year":
        return _month_start(moment.year, 1, tz), _month_start(moment.year + 1, 1, tz)
    raise ValueError(f"unknown precision {precision!r}")
