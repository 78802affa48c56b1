"""Honest counts: "at least the Nth reported incident since …", with the records behind it.

A record's time is a period with a precision. For a question period P, a record is
*certainly* in P when its whole period lies inside P, and *possibly* in P when the two
only overlap. A record that stands for a group who may have crossed together or apart
counts as at least one incident and at most one per person. Counts are of reported
records, so every figure is also a lower bound on what really happened.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import (
    Case,
    Count,
    DateField,
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    Max,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Least, Trunc
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError
from borderwatch.lib.timefmt import format_period

OSLO = ZoneInfo("Europe/Oslo")
IMPRECISE_LISTED = 100  # imprecise records a breakdown names; it counts them all
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
            raise DomainError(f"by must be one of {', '.join(BY)}, not {self.by!r}.", field="by")
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
            raise DomainError(
                f"until ({self.until.isoformat()}) comes before since ({self.since.isoformat()}).",
                field="until",
            )

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


def selection(actor: Actor, query: CountQuery) -> QuerySet:
    """The incidents `query` selects for `actor`: crossings (not attempts) that may fall in
    its period, in the scope of `policy.incidents_countable_by`. Counts, breakdowns and
    exports all start here."""
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
    return qs


def count(actor: Actor, query: CountQuery) -> CountResult:
    """Count incidents or persons matching `query`, honestly bounded, with the records."""
    policy.require(actor, "stats.view")
    result = _count(actor, query)
    audit.record(actor, "stats.queried", payload=query.as_dict())
    return result


def _count(actor: Actor, query: CountQuery) -> CountResult:
    qs = (
        selection(actor, query)
        .with_names()
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
    return _bound(query, records)


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


# --- breakdowns: counts per month / quarter / year × section × nationality × outcome ------

PERIODS = ("month", "quarter", "year")
DIMENSIONS = ("section", "nationality", "outcome")
MAX_BUCKETS = 1200  # a hundred years of months; beyond that, a coarser period
PERIOD_NOUN = {"month": "month", "quarter": "quarter", "year": "year"}


def check_period(period: str) -> str:
    if period not in PERIODS:
        raise DomainError(
            f"period must be one of {', '.join(PERIODS)}, not {period!r}.", field="period"
        )
    return period


def parse_dimensions(values) -> tuple[str, ...]:
    """'section,outcome' or ['section', 'outcome'] → ('section', 'outcome'), in the
    canonical order, each once; a DomainError names anything else."""
    if isinstance(values, str):
        values = [values]
    wanted = {v.strip().lower() for value in values or () for v in value.split(",") if v.strip()}
    unknown = sorted(wanted - set(DIMENSIONS))
    if unknown:
        raise DomainError(
            f"dimensions may be {', '.join(DIMENSIONS)}; not {', '.join(unknown)}.",
            field="dimensions",
        )
    return tuple(d for d in DIMENSIONS if d in wanted)


def bucket_start(day: date, period: str) -> date:
    if period == "year":
        return date(day.year, 1, 1)
    if period == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return date(day.year, day.month, 1)


def next_bucket(start: date, period: str) -> date:
    if period == "year":
        return date(start.year + 1, 1, 1)
    months = 3 if period == "quarter" else 1
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def bucket_key(start: date, period: str) -> str:
    """'2023-01', '2023-Q1' or '2023': sorts in time order."""
    if period == "year":
        return f"{start.year}"
    if period == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start:%Y-%m}"


def bucket_label(start: date, period: str) -> str:
    """'Jan 2023', 'Q1 2023' or '2023'."""
    if period == "year":
        return f"{start.year}"
    if period == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return f"{start:%b %Y}"


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=OSLO)


def _last_day(end: datetime) -> date:
    """The local day of the last instant of a half-open period ending at `end`."""
    return (end - timedelta(microseconds=1)).astimezone(OSLO).date()


@dataclass
class Bucket:
    """One month, quarter or year, cut to the question's period where that is shorter."""

    key: str
    label: str
    start: datetime
    end: datetime  # exclusive
    partial: bool  # cut by --since / --until

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "partial": self.partial,
        }


@dataclass
class Cell:
    """A count for one period (and one value of each dimension): at least `minimum`, at
    most `maximum` (None: no upper bound known); `certain` records lie wholly inside it,
    `possible` records may or may not."""

    period: str
    values: dict[str, str | None]
    minimum: int = 0
    maximum: int | None = 0
    certain: int = 0
    possible: int = 0

    @property
    def exact(self) -> bool:
        return self.maximum == self.minimum

    def add(self, lo: int, hi: int | None, *, certain: bool, records: int = 1) -> None:
        if certain:
            self.minimum += lo
            self.certain += records
        else:
            self.possible += records
        self.maximum = None if self.maximum is None or hi is None else self.maximum + hi

    def as_dict(self) -> dict:
        return {
            "period": self.period,
            **self.values,
            "min": self.minimum,
            "max": self.maximum,
            "exact": self.exact,
            "certain_records": self.certain,
            "possible_records": self.possible,
        }


@dataclass
class ImpreciseRecord:
    """A record that cannot be put in one period for certain, and where it may fall."""

    reference: str
    when: str
    buckets: list[str]
    why: str

    def as_dict(self) -> dict:
        return {
            "reference": self.reference,
            "when": self.when,
            "may_fall_in": self.buckets,
            "why": self.why,
        }


@dataclass
class BreakdownResult:
    query: CountQuery
    period: str
    dimensions: tuple[str, ...]
    buckets: list[Bucket]
    totals: list[Cell]  # one per bucket, in time order
    rows: list[Cell]  # one per bucket × dimension values that has a record
    imprecise: list[ImpreciseRecord]  # the first IMPRECISE_LISTED of them
    labels: dict[str, dict[str, str]]
    uncertain_numbers: bool = False  # a group that may have crossed apart, or "at least N"
    imprecise_total: int = 0  # how many records are imprecise in all

    @property
    def noun(self) -> str:
        return "reported incidents" if self.query.by == "incident" else "reported persons"

    def explanation(self) -> str:
        """How imprecise records were counted, in one paragraph."""
        period = PERIOD_NOUN[self.period]
        if not self.imprecise_total:
            text = (
                f"Every record lies wholly inside one {period} and inside the selected "
                "period, so each counts in one place."
            )
        else:
            n = self.imprecise_total
            text = (
                f"{n} record{'s are' if n != 1 else ' is'} known less precisely than a "
                f"{period}, or may fall outside the selected period. Such a record is not "
                f"spread or guessed: it counts only in the maximum of each {period} it may "
                f"fall in, never in a minimum, so the maxima of different {period}s do not "
                "add up."
            )
        if self.uncertain_numbers:
            if self.query.by == "incident":
                text += (
                    " Where a record stands for a group who may have crossed together or "
                    "apart, it counts as one incident in the minimum and one per person in "
                    "the maximum."
                )
            else:
                text += (
                    " Where the number of persons is not known, or known only as 'at least "
                    "N', the maximum has no bound."
                )
        return text

    def as_dict(self) -> dict:
        return {
            "query": {
                **self.query.as_dict(),
                "period": self.period,
                "dimensions": list(self.dimensions),
            },
            "counts": self.query.by,
            "periods": [b.as_dict() for b in self.buckets],
            "totals": [c.as_dict() for c in self.totals],
            "rows": [c.as_dict() for c in self.rows],
            "labels": self.labels,
            "imprecise": [r.as_dict() for r in self.imprecise],
            "imprecise_total": self.imprecise_total,
            "explanation": self.explanation(),
            "note": "Counts are of records held (reported events); events nobody "
            "reported are not in them.",
        }


def breakdown(
    actor: Actor, query: CountQuery, period: str = "month", dimensions=()
) -> BreakdownResult:
    """Incidents (or persons) matching `query` per month, quarter or year, split by
    section, nationality and/or outcome, with a minimum and a maximum in every cell.

    A record whose whole period lies inside one bucket (and inside the question's period)
    counts there for certain. One that spans buckets, or may fall outside the question's
    period, is neither spread nor guessed: every bucket it may fall in gets it in its
    maximum only, and it is listed in `imprecise` with those buckets.
    """
    policy.require(actor, "stats.view")
    result = compute_breakdown(actor, query, period, dimensions)
    audit.record(
        actor,
        "stats.queried",
        payload={**query.as_dict(), "period": period, "dimensions": list(result.dimensions)},
    )
    return result


def compute_breakdown(actor: Actor, query: CountQuery, period: str, dimensions) -> BreakdownResult:
    """`breakdown` without the policy check and the audit row (exports write their own)."""
    from borderwatch.border.models import BorderSection

    from .outcomes import Outcome, with_outcome

    check_period(period)
    dims = parse_dimensions(dimensions)
    qs = selection(actor, query).order_by()
    if "outcome" in dims:
        qs = with_outcome(qs, actor)
    first = Trunc("occurred_from", period, output_field=DateTimeField(), tzinfo=OSLO)
    last_instant = ExpressionWrapper(
        F("occurred_to") - timedelta(microseconds=1), output_field=DateTimeField()
    )
    last = Trunc(last_instant, period, output_field=DateTimeField(), tzinfo=OSLO)
    qs = qs.annotate(bucket_first=first, bucket_last=last)
    precise = Q(bucket_first=F("bucket_last"))
    if query.start:
        precise &= Q(occurred_from__gte=query.start)
    if query.end:
        precise &= Q(occurred_to__lte=query.end)
    fields = {"section": "section__code", "nationality": "nationality", "outcome": "outcome"}
    dim_fields = [fields[d] for d in dims]

    if _from_spans(actor, dims):
        groups, loose = _span_groups(query, period, dims)
    else:
        groups, loose = _incident_groups(qs, precise, query, period, dim_fields)
    loose_qs = qs.exclude(precise)
    if loose and query.start:
        longest = _longest_period()
        if longest is not None:  # only records begun since can reach into the period
            loose_qs = loose_qs.filter(occurred_from__gt=query.start - longest)
    listed = (
        list(
            loose_qs.values("pk", "occurred_from", "occurred_to", "time_precision").order_by(
                "occurred_from", "pk"
            )[:IMPRECISE_LISTED]
        )
        if loose  # no imprecise record: nothing to name
        else []
    )

    # The buckets: the question's period, or from the first record to now.
    starts = [g["bucket_first"].astimezone(OSLO).date() for g in groups]
    starts += [max(r["earliest"], query.start or r["earliest"]) for r in loose]
    starts = [s.astimezone(OSLO).date() if isinstance(s, datetime) else s for s in starts]
    if query.since:
        lo = query.since
    elif starts:
        lo = min(starts)
    else:
        lo = None
    hi = query.until or timezone.now().astimezone(OSLO).date()
    buckets: list[Bucket] = []
    if lo is not None and lo <= hi:
        b = bucket_start(lo, period)
        while b <= hi:
            nxt = next_bucket(b, period)
            start, end = max(b, lo), min(nxt, hi + timedelta(days=1))
            buckets.append(
                Bucket(
                    bucket_key(b, period),
                    bucket_label(b, period),
                    _midnight(start),
                    _midnight(end),
                    partial=(start, end) != (b, nxt),
                )
            )
            if len(buckets) > MAX_BUCKETS:
                raise DomainError(
                    f"That is more than {MAX_BUCKETS} {period}s: choose a longer period or "
                    "a shorter span of time.",
                    field="period",
                )
            b = nxt
    keys = [b.key for b in buckets]
    totals = {k: Cell(k, {}) for k in keys}
    rows: dict[tuple, Cell] = {}

    def value_of(row, dim):
        return row[fields[dim]] or None

    def cell(key: str, row) -> Cell:
        values = {d: value_of(row, d) for d in dims}
        ident = (key, *values.values())
        if ident not in rows:
            rows[ident] = Cell(key, values)
        return rows[ident]

    uncertain_numbers = False
    for g in groups:
        key = bucket_key(g["bucket_first"].astimezone(OSLO).date(), period)
        if query.by == "incident":
            lo_n, hi_n = g["records"], g["incidents_max"]
        else:
            lo_n = g["persons_min"]
            hi_n = None if g["persons_open"] else g["persons_max"]
        uncertain_numbers |= hi_n != lo_n
        for c in (totals[key], cell(key, g)) if dims else (totals[key],):
            c.add(lo_n, hi_n, certain=True, records=g["records"])

    # where each bucket's whole month, quarter or year begins, in order: the buckets a
    # record may fall in are a slice of them, found by bisection (a record of twenty years
    # costs no more than one of a day)
    firsts = [bucket_start(b.start.astimezone(OSLO).date(), period) for b in buckets]

    def may_fall_in(first: date, last: date) -> list[str]:
        return keys[bisect_left(firsts, bucket_start(first, period)) : bisect_right(firsts, last)]

    imprecise_total = 0
    for g in loose:
        if query.by == "incident":
            hi_n = g["incidents_max"]
            uncertain_numbers |= hi_n != g["records"]
        else:
            hi_n = None if g["persons_open"] else g["persons_max"]
            uncertain_numbers |= hi_n is None
        may = may_fall_in(
            g["may_first"].astimezone(OSLO).date(), g["may_last"].astimezone(OSLO).date()
        )
        for key in may:
            for c in (totals[key], cell(key, g)) if dims else (totals[key],):
                c.add(0, hi_n, certain=False, records=g["records"])
        imprecise_total += g["records"]

    imprecise = []
    q_start, q_end = query.start, query.end  # each built anew when read
    for r in listed:
        start = max(r["occurred_from"], q_start) if q_start else r["occurred_from"]
        end = min(r["occurred_to"], q_end) if q_end else r["occurred_to"]
        may = may_fall_in(start.astimezone(OSLO).date(), _last_day(end))
        outside = (q_start and r["occurred_from"] < q_start) or (q_end and r["occurred_to"] > q_end)
        why = []
        if len(may) > 1:
            why.append(f"known less precisely than a {PERIOD_NOUN[period]}")
        if outside:
            why.append(f"may fall outside the selected period ({query.describe_period()})")
        when = format_period(r["occurred_from"], r["occurred_to"], r["time_precision"])
        imprecise.append(ImpreciseRecord(f"INC-{r['pk']:06d}", when, may, "; ".join(why)))

    labels: dict[str, dict[str, str]] = {}
    if "section" in dims:
        codes = {c.values["section"] for c in rows.values()} - {None}
        labels["section"] = dict(
            BorderSection.objects.filter(code__in=codes).values_list("code", "name")
        )
    if "outcome" in dims:
        labels["outcome"] = {o.value: str(o.label) for o in Outcome}
    order = {k: i for i, k in enumerate(keys)}
    return BreakdownResult(
        query=query,
        period=period,
        dimensions=dims,
        buckets=buckets,
        totals=[totals[k] for k in keys],
        rows=sorted(
            (c for c in rows.values() if c.period in order),
            key=lambda c: (order[c.period], *[v or "" for v in c.values.values()]),
        ),
        imprecise=imprecise,
        imprecise_total=imprecise_total,
        labels=labels,
        uncertain_numbers=uncertain_numbers,
    )


def _longest_period() -> timedelta | None:
    """The longest period of any incident, where the database indexes it (PostgreSQL,
    border migration 0007): listing the records that reach into a period from those begun
    at most this long before it, instead of from the first record ever, keeps the list as
    quick at a million records as at ten thousand. None elsewhere (no bound)."""
    from borderwatch.border.models import Incident

    if connection.vendor != "postgresql":
        return None
    duration = ExpressionWrapper(
        F("occurred_to") - F("occurred_from"), output_field=DurationField()
    )
    return Incident.objects.aggregate(longest=Max(duration))["longest"]


def _from_spans(actor: Actor, dims: tuple[str, ...]) -> bool:
    """Whether a breakdown may read the incident spans instead of the incidents: where the
    database keeps them, for someone who counts every incident, not split by outcome (which
    depends on the cases the reader may see)."""
    from borderwatch.border import spans

    return "outcome" not in dims and spans.kept(connection) and policy.counts_every_incident(actor)


def _incident_sums() -> dict:
    """What a group of incidents adds up to (border/spans.py keeps the same sums)."""
    return {
        "records": Count("pk"),
        # a group that may have crossed apart counts once per person at most
        "incidents_max": Sum(
            Case(
                When(crossings_uncertain=True, persons_count__gt=0, then=F("persons_count")),
                default=Value(1),
            )
        ),
        "persons_min": Sum(Coalesce("persons_count", Value(1))),
        "persons_max": Sum(Coalesce("persons_count", Value(0))),
        "persons_open": Count(
            "pk", filter=Q(persons_count__isnull=True) | Q(persons_count_is_lower_bound=True)
        ),
    }


def _incident_groups(qs, precise, query: CountQuery, period: str, dim_fields: list[str]):
    """The sums of `compute_breakdown` over the incidents themselves: `groups` of records
    wholly inside one bucket, `loose` ones by the first and last bucket they may fall in."""
    groups = list(
        qs.filter(precise).values("bucket_first", *dim_fields).annotate(**_incident_sums())
    )
    # Records not wholly inside one bucket (or that may fall outside the question's period)
    # are grouped by the first and last bucket they may fall in, in the database: their
    # number grows with the data, the number of such groups with the buckets.
    clip_from = (
        Greatest("occurred_from", Value(query.start, output_field=DateTimeField()))
        if query.start
        else F("occurred_from")
    )
    clip_to = (
        Least("occurred_to", Value(query.end, output_field=DateTimeField()))
        if query.end
        else F("occurred_to")
    )
    outside = Q()
    if query.start:
        outside |= Q(occurred_from__lt=query.start)
    if query.end:
        outside |= Q(occurred_to__gt=query.end)
    loose_qs = qs.exclude(precise)
    loose = list(
        loose_qs.annotate(
            may_first=Trunc(clip_from, period, output_field=DateTimeField(), tzinfo=OSLO),
            may_last=Trunc(
                ExpressionWrapper(
                    clip_to - timedelta(microseconds=1), output_field=DateTimeField()
                ),
                period,
                output_field=DateTimeField(),
                tzinfo=OSLO,
            ),
            outside=Case(When(outside, then=Value(True)), default=Value(False))
            if outside
            else Value(False),
        )
        .values("may_first", "may_last", "outside", *dim_fields)
        .annotate(**_incident_sums(), earliest=Min("occurred_from"))
    )
    return groups, loose


_SPAN_SUMS = ("records", "incidents_max", "persons_min", "persons_max", "persons_open")


def _whole_months(query: CountQuery) -> tuple[date | None, date | None] | None:
    """The months wholly inside `query`'s period, as [first, end) (None: unbounded on
    that side), or None when there is no such month."""
    first = end = None
    if query.since:
        first = query.since if query.since.day == 1 else next_bucket(query.since, "month")
    if query.until:
        end = bucket_start(query.until + timedelta(days=1), "month")
    if first and end and first >= end:
        return None
    return first, end


def _span_groups(query: CountQuery, period: str, dims: tuple[str, ...]):
    """The same `groups` and `loose` as `_incident_groups`, from the incident spans: the
    same question asked of the days each record spans (`query`'s period is whole days in
    Europe/Oslo, so a record's days say all that its instants do).

    Records within one month, in the months wholly inside the period, count for certain in
    any period: they are read from IncidentMonth, a dozen sums a year; the spans are read
    only for the rest (the edge months and the few periods across months)."""
    from borderwatch.border.models import BorderSection, IncidentMonth, IncidentSpan

    spans = IncidentSpan.objects.exclude(records=0)
    months = IncidentMonth.objects.exclude(records=0)
    if query.since:
        spans = spans.filter(last_day__gte=query.since)
    if query.until:
        spans = spans.filter(first_day__lte=query.until)
    if query.nationality:
        spans = spans.filter(nationality=query.nationality)
        months = months.filter(nationality=query.nationality)
    if query.country_entered:
        spans = spans.filter(country_entered=query.country_entered)
        months = months.filter(country_entered=query.country_entered)
    if query.section:
        named = Q(code=query.section) | Q(name__iexact=query.section)
        pks = list(BorderSection.objects.filter(named).values_list("pk", flat=True))
        spans = spans.filter(section_pk__in=pks)
        months = months.filter(section_pk__in=pks)
    whole = _whole_months(query)
    if whole is None:
        months = months.none()
    else:
        first, end = whole
        rest = Q(within_month=False)
        if first:
            months = months.filter(month__gte=first)
            rest |= Q(first_day__gte=bucket_start(query.since, "month"), first_day__lt=first)
        if end:
            months = months.filter(month__lt=end)
            rest |= Q(first_day__gte=end, first_day__lte=query.until)
        spans = spans.filter(rest)
    codes = dict(BorderSection.objects.values_list("pk", "code")) if "section" in dims else {}
    columns = [{"section": "section_pk", "nationality": "nationality"}[d] for d in dims]
    spans = spans.annotate(
        b_first=Trunc("first_day", period, output_field=DateField()),
        b_last=Trunc("last_day", period, output_field=DateField()),
    )
    precise = Q(b_first=F("b_last"))
    if query.since:
        precise &= Q(first_day__gte=query.since)
    if query.until:
        precise &= Q(last_day__lte=query.until)
    sums = {name: Sum(name) for name in _SPAN_SUMS}

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=OSLO)

    def named(row: dict) -> dict:
        if "section" in dims:
            row["section__code"] = codes.get(row.pop("section_pk"))
        return row

    groups = [
        named({**row, "bucket_first": midnight(row.pop("b_first"))})
        for rows in (
            spans.filter(precise).values("b_first", *columns).annotate(**sums),
            months.annotate(b_first=Trunc("month", period, output_field=DateField()))
            .values("b_first", *columns)
            .annotate(**sums),
        )
        for row in rows
    ]
    since = Value(query.since, output_field=DateField()) if query.since else None
    until = Value(query.until, output_field=DateField()) if query.until else None
    outside = Q()
    if query.since:
        outside |= Q(first_day__lt=query.since)
    if query.until:
        outside |= Q(last_day__gt=query.until)
    loose = [
        named(
            {
                **row,
                "may_first": midnight(row.pop("may_first")),
                "may_last": midnight(row.pop("may_last")),
                "earliest": midnight(row.pop("earliest")),
            }
        )
        for row in spans.exclude(precise)
        .annotate(
            may_first=Trunc(
                Greatest("first_day", since) if since else F("first_day"),
                period,
                output_field=DateField(),
            ),
            may_last=Trunc(
                Least("last_day", until) if until else F("last_day"),
                period,
                output_field=DateField(),
            ),
            outside=Case(When(outside, then=Value(True)), default=Value(False))
            if outside
            else Value(False),
        )
        .values("may_first", "may_last", "outside", *columns)
        .annotate(**sums, earliest=Min("first_day"))
    ]
    return groups, loose


# --- this year against last year ------------------------------------------------------------


@dataclass
class YearOnYear:
    """The same span of two calendar years: 1 January to today, this year and last."""

    this_year: CountResult
    last_year: CountResult

    def as_dict(self) -> dict:
        def one(r: CountResult) -> dict:
            return {
                "since": r.query.since.isoformat(),
                "until": r.query.until.isoformat(),
                "min": r.minimum,
                "max": r.maximum,
                "exact": r.exact,
            }

        return {"this_year": one(self.this_year), "last_year": one(self.last_year)}


def year_on_year(actor: Actor, query: CountQuery, today: date | None = None) -> YearOnYear:
    """Count what `query` selects (apart from its dates) from 1 January to `today`, this
    year and the same span last year (29 February becomes the 28th)."""
    policy.require(actor, "stats.view")
    today = today or timezone.now().astimezone(OSLO).date()
    try:
        same_day = today.replace(year=today.year - 1)
    except ValueError:
        same_day = today.replace(year=today.year - 1, day=28)
    spans = [(date(today.year, 1, 1), today), (date(today.year - 1, 1, 1), same_day)]
    results = [_count(actor, replace(query, since=since, until=until)) for since, until in spans]
    audit.record(
        actor,
        "stats.queried",
        payload={**query.as_dict(), "since": None, "until": None, "year_on_year": str(today)},
    )
    return YearOnYear(*results)
