"""Incidents for the statistics tests, built through the service functions."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from borderwatch.border import services as border
from borderwatch.cases import services as cases
from borderwatch.sources.services import record_source_report

OSLO = ZoneInfo("Europe/Oslo")
PRECISIONS = [
    ("day", timedelta(days=1)),
    ("month", timedelta(days=30)),
    ("season", timedelta(days=91)),
    ("exact", None),
]


def more_incidents(police, n: int, start=datetime(2024, 2, 3, 10, 0, tzinfo=OSLO)) -> list:
    """`n` incidents in 2024 with varied precision, each with a source; every other one
    with a person apprehended who asks for asylum."""
    made = []
    for k in range(n):
        precision, length = PRECISIONS[k % len(PRECISIONS)]
        at = start + timedelta(days=3 * k)
        incident = border.open_incident(
            actor=police,
            occurred_from=at,
            occurred_to=at + length if length else None,
            time_precision=precision,
            country_left="RU",
            country_entered="NO",
            persons_count=1 + k % 3,
            persons_count_is_lower_bound=k % 5 == 0,
            nationality="RU" if k % 2 else "SY",
            lat=69.70,
            lon=30.80,
        )
        report, _ = record_source_report(
            actor=police, title=f"Report {k}", text=f"Report number {k} of a crossing."
        )
        border.link_source(incident, report, actor=police)
        if k % 2 == 0:
            custody = cases.record_apprehension(
                incident,
                actor=police,
                apprehended_at=at + timedelta(hours=1),
                legal_basis="criminal_arrest",
                person={"nationality": "SY", "language": "Arabic"},
            )
            cases.record_asylum_request(
                custody.person, actor=police, requested_at=at + timedelta(hours=2)
            )
        made.append(incident)
    return made
