"""Legal clocks as pure functions: a rule plus an instant gives a due instant.

No Django here, so a lawyer can read it and tests run in milliseconds. Days are counted
on the calendar in Europe/Oslo; court holidays and weekends do not extend the limits.
Each rule names its legal source. The rules are defaults: DOMAIN.md §5 marks what is
unverified, and a deployment may replace `RULES` through settings (cases/clocks).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


@dataclass(frozen=True)
class CustodyRule:
    """Bring before a court (or release) by the end of the N-th day after the clock starts;
    or, for a holding, within a number of hours."""

    basis: str
    source: str
    days_after: int | None = None
    days_after_minor: int | None = None
    max_hours: float | None = None
    counsel_days_after: int | None = None
    counsel_source: str = ""


RULES: dict[str, CustodyRule] = {
    "border_holding": CustodyRule(
        basis="border_holding",
        max_hours=4,
        source="utlendingsloven § 21 a (holding at the border, at most 4 hours, counted in "
        "towards later limits)",
    ),
    "criminal_arrest": CustodyRule(
        basis="criminal_arrest",
        days_after=3,
        days_after_minor=1,
        source="straffeprosessloven § 183 (before a court at the latest on the third day "
        "after the arrest; under 18: the day after)",
        counsel_days_after=2,
        counsel_source="utlendingsloven § 92 (4) / straffeprosessloven § 98",
    ),
    "immigration_arrest": CustodyRule(
        basis="immigration_arrest",
        days_after=3,
        days_after_minor=1,
        source="utlendingsloven § 106 a (same limit as straffeprosessloven § 183 since "
        "1 January 2015)",
        counsel_days_after=2,
        counsel_source="utlendingsloven § 92 (4) (counsel by the end of the second day)",
    ),
}


def end_of_day_after(start: datetime, days: int, tz: ZoneInfo = OSLO) -> datetime:
    """The last second of the calendar day `days` after `start`'s day, in `tz`."""
    day = start.astimezone(tz).date() + timedelta(days=days)
    return datetime.combine(day, time(23, 59, 59), tzinfo=tz)


@dataclass(frozen=True)
class CustodyClock:
    clock_started_at: datetime
    court_deadline: datetime
    counsel_deadline: datetime | None
    source: str
    counsel_source: str = ""


def custody_clock(
    basis: str,
    started_at: datetime,
    *,
    minor: bool = False,
    held_at_border_since: datetime | None = None,
    rules: dict[str, CustodyRule] | None = None,
) -> CustodyClock:
    """When the person must be before a court (or released), and counsel appointed.

    `held_at_border_since`: a holding at the border before this period counts in, so the
    clock starts then (utlendingsloven § 21 a).
    """
    if started_at.tzinfo is None:
        raise ValueError("started_at must be timezone-aware")
    rule = (rules or RULES)[basis]
    clock = started_at
    if held_at_border_since is not None:
        if held_at_border_since > started_at:
            raise ValueError("the border holding cannot start after the custody")
        clock = held_at_border_since
    if rule.max_hours is not None:
        due = clock + timedelta(hours=rule.max_hours)
        return CustodyClock(clock, due, None, rule.source)
    days = rule.days_after_minor if minor else rule.days_after
    due = end_of_day_after(clock, days)
    counsel = None
    if rule.counsel_days_after is not None:
        counsel = min(end_of_day_after(clock, rule.counsel_days_after), due)
    return CustodyClock(clock, due, counsel, rule.source, rule.counsel_source)
