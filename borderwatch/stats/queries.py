"""Honest counts: "at least the Nth reported incident since …", with the records behind it.

A record's time is a period with a precision. For a question period P, a record is
*certainly* in P when its whole period lies inside P, and *possibly* in P when the two
only overlap. A record that stands for a group who may have crossed together or apart
counts as at least one incident and at most one per person. Counts are of reported
records, so every figure is also a lower bound on what really happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError
from borderwatch.lib.timefmt import format_period

OSLO = ZoneInfo("Europe/Oslo")
BY = ("incident", "person")


@dataclass
class CountQuery:
    since: date | None = None
    until: date | None = None  # inclusive
    nationality: str = ""
    country_entered: str = ""
    section: str = ""
    by: str = "incident"

    def __post_init__(self):
        if self.by not in BY:
            raise DomainError(f"--by must be one of {', '.join(BY)}, not {self.by!r}.", field="by")
        for name in ("nationality", "country_entered"):
            value = (getattr(self, name) or "").strip().upper()
            if value and (len(value) != 2 or not value.isalpha()):
                raise DomainError(
                    f"{name.replace('_', '-')} must be a two-letter country "
                    f"code such as RU or NO, not {value!r}.",
                    field=name,
                )
            setattr(self, name, value)
        if self.since and self.until and self.until < self.since:
            raise DomainError("--until comes before --since.", field="until")

    @property
    def start(self) -> datetime | None:
        return datetime.combine(self.since, time(0), tzinfo=OSLO) if self.since else None

    @property
    def end(self) -> datetime | None:
        if self.until is None:
            return None
        return datetime.combine(self.until + timedelta(days=1), time(0), tzinfo=OSLO)

    def describe_period(self) -> str:
        if self.since and self.until:
            return f"from {self.since.isoformat()} to {self.until.isoformat()}"
        if self.since:
            return f"since {self.since.isoformat()}"
        if self.until:
            return f"up to {self.until.isoformat()}"
        return "in all records"

    def as_dict(self) -> dict:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "nationality": self.nationality or None,
            "country_entered": self.country_entered or None,
            "section": self.section or None,
            "by": self.by,
        }


@dataclass
class CountedRecord:
    reference: str
    pk: int
    when: str
    start: datetime
    end: datetime
    precision: str
    place: str
    section: str
    persons: int | None
    persons_lower_bound: bool
    crossings_uncertain: bool
    certain: bool
    sources: list[str]

    def incidents_range(self) -> tuple[int, int]:
        if self.crossings_uncertain and self.persons:
            return 1, self.persons
        return 1, 1

    def persons_range(self) -> tuple[int, int | None]:
        if self.persons is None:
            return 1, None
        return self.persons, (None if self.persons_lower_bound else self.persons)

    def as_dict(self) -> dict:
        return {
            "reference": self.reference,
            "id": self.pk,
            "when": self.when,
            "period": {
                "start": self.start.isoformat(),
                "end": self.end.isoformat(),
                "precision": self.precision,
            },
            "place": self.place or None,
            "section": self.section or None,
            "persons": {"count": self.persons, "lower_bound": self.persons_lower_bound},
            "crossings_uncertain": self.crossings_uncertain,
            "in_period": "certain" if self.certain else "possible",
            "sources": self.sources,
        }


@dataclass
class CountResult:
    query: CountQuery
    minimum: int
    maximum: int | None  # None: no upper bound known
    records: list[CountedRecord] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    statement: str = ""

    @property
    def exact(self) -> bool:
        return self.maximum == self.minimum

    def as_dict(self) -> dict:
        return {
            "query": self.query.as_dict(),
            "counts": self.query.by,
            "count": {"min": self.minimum, "max": self.maximum, "exact": self.exact},
            "statement": self.statement,
            "reasons": self.reasons,
            "records": [r.as_dict() for r in self.records],
            "note": "Counts are of records held (reported events); events nobody "
            "reported are not in them.",
        }


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def count(actor: Actor, query: CountQuery) -> CountResult:
    """Count incidents or persons matching `query`, honestly bounded, with the records."""
    policy.require(actor, "stats.view")
    qs = policy.incidents_countable_by(actor).filter(attempted_only=False)
    if query.start:
        qs = qs.filter(occurred_to__gt=query.start)
    if query.end:
        qs = qs.filter(occurred_from__lt=query.end)
    if query.nationality:
        qs = qs.filter(nationality=query.nationality)
    if query.country_entered:
        qs = qs.filter(country_entered=query.country_entered)
    if query.section:
        qs = qs.filter(Q(section__code=query.section) | Q(section__name__iexact=query.section))
    qs = (
        qs.select_related("place", "section")
        .prefetch_related("sources")
        .order_by("occurred_from", "id")
    )
    records = []
    for i in qs:
        certain = (query.start is None or i.occurred_from >= query.start) and (
            query.end is None or i.occurred_to <= query.end
        )
        records.append(
            CountedRecord(
                reference=i.reference,
                pk=i.pk,
                when=format_period(i.occurred_from, i.occurred_to, i.time_precision),
                start=i.occurred_from,
                end=i.occurred_to,
                precision=i.time_precision,
                place=str(i.place or ""),
                section=str(i.section or ""),
                persons=i.persons_count,
                persons_lower_bound=i.persons_count_is_lower_bound,
                crossings_uncertain=i.crossings_uncertain,
                certain=certain,
                sources=[s.title for s in i.sources.all()],
            )
        )
    result = _bound(query, records)
    audit.record(actor, "stats.queried", payload=query.as_dict())
    return result


def _bound(query: CountQuery, records: list[CountedRecord]) -> CountResult:
    lo, hi = 0, 0
    reasons = []
    for r in records:
        rng = r.incidents_range() if query.by == "incident" else r.persons_range()
        if r.certain:
            lo += rng[0]
        hi = None if hi is None or rng[1] is None else hi + rng[1]
        if not r.certain:
            reasons.append(
                f"{r.reference} ({r.when}) may or may not fall {query.describe_period()}."
            )
        if query.by == "incident" and r.crossings_uncertain:
            reasons.append(
                f"{r.reference} ({r.when}, {r.place}) stands for {r.persons} persons "
                "who may have crossed together or apart: 1 to "
                f"{r.persons} incidents."
            )
        if query.by == "person" and (r.persons is None or r.persons_lower_bound):
            known = "an unknown number of" if r.persons is None else f"at least {r.persons}"
            reasons.append(f"{r.reference} ({r.when}) involved {known} persons.")
    result = CountResult(query, lo, hi, records, reasons)
    result.statement = _statement(result)
    return result


def _statement(result: CountResult) -> str:
    q = result.query
    noun = "reported incident" if q.by == "incident" else "reported person"
    period = q.describe_period()
    certain = [r for r in result.records if r.certain]
    if not certain:
        if result.maximum == 0:
            return f"No {noun}s {period}."
        return (
            f"No {noun} falls certainly {period}; up to "
            f"{'an unknown number' if result.maximum is None else result.maximum} may."
        )
    latest = certain[-1]
    if result.exact:
        lead = f"the {ordinal(result.minimum)}"
    elif result.maximum is None:
        lead = f"at least the {ordinal(result.minimum)}"
    else:
        lead = f"at least the {ordinal(result.minimum)} (at most the {ordinal(result.maximum)})"
    subject = f"{latest.reference} ({latest.when}{', ' + latest.place if latest.place else ''})"
    if q.by == "person":
        if latest.persons in (None, 1):
            return f"The person of {subject} is {lead} {noun} {period}."
        return (
            f"The {latest.persons} persons of {subject} bring the count to {lead} {noun} {period}."
        )
    return f"{subject} is {lead} {noun} {period}."
