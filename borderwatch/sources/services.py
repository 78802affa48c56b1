"""Storing source reports and proposing the events extracted from them.

Every ingest and extraction goes through here with the acting user: the policy
(`source.record`, for reading extractions too) is asked first, and the audit trail records
`source.recorded` and `source.extracted` in the same transaction as the change.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.border.choices import DetectionSource
from borderwatch.lib.errors import AccessDenied, Conflict, DomainError, NotVisible
from borderwatch.lib.timefmt import OSLO, local
from borderwatch.lib.validate import aware, choice, country_code

from . import extract as extractor
from .models import ProposedEvent, SourceReport

CHANNELS = ("page", "upload", "api", "cli", "scenario")


def text_hash(text: str) -> str:
    """The identity of a text: the same words with other line endings or spacing match."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def published_date(report: SourceReport) -> date | None:
    """The publication day in Europe/Oslo, which relative dates ("on Friday") count from."""
    return local(report.published_at).date() if report.published_at else None


@transaction.atomic
def record_source_report(
    *,
    actor: Actor,
    title: str,
    text: str,
    outlet: str = "",
    url: str = "",
    language: str = "",
    published_at: datetime | date | None = None,
    channel: str = "",
    file_name: str = "",
) -> tuple[SourceReport, bool]:
    """Store a report; the same text again returns the stored one. Returns (report, created).
    `published_at`: an instant with its zone, or a `date` when only the day is known;
    `language`: a code such as "en" or "no", or empty to take it from the text."""
    policy.require(actor, "source.record")
    if not text.strip():
        raise DomainError("The report has no text.", field="text")
    if not title.strip():
        raise DomainError("Give the report a title.", field="title")
    day_only = isinstance(published_at, date) and not isinstance(published_at, datetime)
    if day_only:
        # the day alone: noon of it in Norway, which keeps the day in every zone near it
        published_at = datetime.combine(published_at, time(12, 0), tzinfo=OSLO)
    if published_at is not None and timezone.is_naive(published_at):
        raise DomainError("Give the publication time with its time zone.", field="published_at")
    if published_at is not None:
        # in UTC, as it is read back: the answer to this request and to the next agree
        published_at = aware(published_at, "published_at").astimezone(UTC)
    if published_at is not None and published_at > timezone.now() + timedelta(days=1):
        raise DomainError("The publication time lies in the future.", field="published_at")
    digest = text_hash(text)
    existing = SourceReport.objects.filter(sha256=digest).first()
    if existing:
        return existing, False
    report = SourceReport.objects.create(
        title=" ".join(title.split())[:300],
        text=text,
        outlet=outlet.strip()[:200],
        url=url.strip()[:500],
        language=language.strip()[:10] or extractor.text_language(text),
        published_at=published_at,
        published_day_only=day_only,
        sha256=digest,
        recorded_at=timezone.now(),
        recorded_by=actor.user,
        owning_unit=actor.unit,
        channel=channel,
        file_name=file_name[:255],
    )
    audit.record(
        actor, "source.recorded", report, payload={"channel": channel} if channel else None
    )
    return report, True


@transaction.atomic
def unread(report: SourceReport) -> bool:
    """The current extractor has not read this report yet (new, stored without
    extraction, or read by an older version): extract_report will propose anew."""
    return report.extractor_version != extractor.EXTRACTOR_VERSION


def extract_report(
    report: SourceReport, *, actor: Actor, again: bool = False
) -> list[ProposedEvent]:
    """Propose the events of a stored report for review.

    Done once per version of the extractor: asking again returns the proposals made
    (unless `again`). A newer version's proposals replace the older ones still waiting
    for review (those become `superseded`); reviewed ones stay as they are."""
    policy.require(actor, "source.record")
    version = extractor.EXTRACTOR_VERSION
    made = report.proposed_events.filter(extractor_version=version)
    if not again and not unread(report):
        return list(made.exclude(status=ProposedEvent.Status.SUPERSEDED).order_by("index"))
    basis = published_date(report)
    facts = extractor.extract(report.text, basis, title=report.title, outlet=report.outlet or None)
    waiting = report.proposed_events.filter(status=ProposedEvent.Status.PROPOSED)
    superseded = list(waiting.values_list("pk", flat=True))
    waiting.update(status=ProposedEvent.Status.SUPERSEDED)
    # a re-run of the same version numbers its proposals after the earlier ones
    last = made.aggregate(last=Max("index"))["last"]
    start = 0 if last is None else last + 1
    now = timezone.now()
    proposals = [
        ProposedEvent.objects.create(
            report=report,
            index=start + i,
            role=event.role,
            data=event.as_dict(),
            confidence=event.confidence,
            extractor_version=version,
            published_basis=basis,
            created_at=now,
            created_by=actor.user,
        )
        for i, event in enumerate(facts.events)
    ]
    report.extracted_at = now
    report.extractor_version = version
    report.save(update_fields=["extracted_at", "extractor_version"])
    audit.record(
        actor,
        "source.extracted",
        report,
        payload={
            "extractor": version,
            "events": len(proposals),
            "proposals": [p.pk for p in proposals],
            "superseded": superseded,
        },
    )
    return proposals


@dataclass
class Ingested:
    """What one ingest did: the report, whether it was new, and its proposals; `extracted`:
    whether they were proposed now (a new report, or one the current extractor had not
    read yet) rather than found from before."""

    report: SourceReport
    created: bool
    proposals: list[ProposedEvent] = field(default_factory=list)
    extracted: bool = False


@transaction.atomic
def ingest_report(
    *,
    actor: Actor,
    text: str,
    title: str = "",
    outlet: str = "",
    url: str = "",
    language: str = "",
    published_at: datetime | date | None = None,
    channel: str = "",
    file_name: str = "",
    extract: bool = True,
) -> Ingested:
    """Store a report (the first line is its title unless one is given) and propose its
    events. The same text again is recognised: nothing is stored twice."""
    policy.require(actor, "source.record")
    if channel and channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    title = title.strip() or extractor_title(text)
    report, created = record_source_report(
        actor=actor,
        title=title,
        text=text,
        outlet=outlet,
        url=url,
        language=language,
        published_at=published_at,
        channel=channel,
        file_name=file_name,
    )
    if not extract:
        return Ingested(report, created)
    extracted = unread(report)
    return Ingested(report, created, extract_report(report, actor=actor), extracted)


def extractor_title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:300]
    return ""


@transaction.atomic
def extract_text(
    text: str,
    *,
    actor: Actor,
    published: date | None = None,
    title: str | None = None,
    outlet: str | None = None,
    with_ner: bool = False,
) -> extractor.ExtractedFacts:
    """Extract the events of a text without storing it (`borderwatch extract`); the
    extraction is audited with the text's hash, not its words."""
    policy.require(actor, "source.record")
    facts = extractor.extract(text, published, title=title, outlet=outlet, with_ner=with_ner)
    audit.record(
        actor,
        "source.extracted",
        payload={
            "extractor": extractor.EXTRACTOR_VERSION,
            "sha256": text_hash(text),
            "events": len(facts.events),
            "stored": False,
        },
    )
    return facts


# --- reading ---------------------------------------------------------------------------------


def reports_visible_to(actor: Actor) -> QuerySet:
    """Reports the actor may read (the rule is policy.reports_visible_to)."""
    return policy.reports_visible_to(actor)


def get_report_for(actor: Actor, pk) -> SourceReport:
    """One report, or NotVisible (404) for someone who may not read reports."""
    try:
        return reports_visible_to(actor).get(pk=int(pk))
    except (SourceReport.DoesNotExist, TypeError, ValueError):
        raise NotVisible(f"No report {pk} that you may see.") from None


def recent_reports(actor: Actor, limit: int = 50) -> QuerySet:
    """The latest reports with their number of proposals waiting for review."""
    waiting = Q(proposed_events__status=ProposedEvent.Status.PROPOSED)
    return (
        reports_visible_to(actor)
        .annotate(waiting=Count("proposed_events", filter=waiting))
        .order_by("-recorded_at", "-id")[:limit]
    )


def proposals_of(actor: Actor, report: SourceReport, current_only: bool = True) -> QuerySet:
    """A report's proposals (the current extraction's by default), in order."""
    get_report_for(actor, report.pk)
    qs = report.proposed_events.all()
    if current_only:
        qs = qs.exclude(status=ProposedEvent.Status.SUPERSEDED)
    return qs.order_by("index")


# --- review: proposals into the record ------------------------------------------------------
#
# Who may review: whoever may read reports (`source.record`) AND open incidents
# (`incident.open`): border guards and police operations. Statisticians, caseworkers and
# security analysts record and read reports, and see the queue, but do not put events into
# the record: an accepted proposal becomes an incident owned by the reviewer's unit, which
# only units that run incidents may own. The console reads the queue and reviews nothing.

REVIEWABLE_FIELDS = (
    "start",
    "end",
    "precision",
    "time_text",
    "place",
    "country_left",
    "country_entered",
    "persons_count",
    "persons_count_is_lower_bound",
    "nationality",
    "affiliation",
    "detection_method",
    "summary",
)
# the extractor's detection kinds (extract.DETECTION_METHODS) as the record's DetectionSource
DETECTION_SOURCES = {
    "border_patrol": "patrol",
    "sensor": "sensor",
    "uav": "uav",
    "helicopter": "helicopter",
    "police": "police",
    "surrendered": "surrendered",
    "public_tip": "public_tip",
}
PRECISIONS = ("day", "month", "season", "year")


def may_review(actor: Actor) -> bool:
    """May the actor accept, merge or reject proposals (see the rule above)?"""
    return policy.can(actor, "source.record") and policy.can(actor, "source.review")


def require_review(actor: Actor) -> None:
    if not may_review(actor):
        raise AccessDenied(
            "Only border guards and police operations put proposed events into the record "
            f"(acting for {actor.unit or 'no unit'})."
        )


def proposals_visible_to(actor: Actor) -> QuerySet:
    """Proposals of the reports the actor may read."""
    return ProposedEvent.objects.filter(report__in=reports_visible_to(actor).values("pk"))


def get_proposal_for(actor: Actor, pk) -> ProposedEvent:
    """One proposal with its report, or NotVisible (404)."""
    return policy.get_visible(
        proposals_visible_to(actor).select_related("report", "incident"), pk, "proposed event"
    )


def review_queue(actor: Actor, limit: int = 200) -> QuerySet:
    """Proposals waiting for review, newest first."""
    return (
        proposals_visible_to(actor)
        .filter(status=ProposedEvent.Status.PROPOSED)
        .select_related("report")
        .order_by("-created_at", "-id")[:limit]
    )


def review_counts(actor: Actor) -> dict[str, int]:
    """How many proposals are in each status (superseded ones left out), in one query."""
    rows = (
        proposals_visible_to(actor)
        .exclude(status=ProposedEvent.Status.SUPERSEDED)
        .values("status")
        .annotate(n=Count("id"))
    )
    counts = {s: 0 for s in ("proposed", "accepted", "merged", "rejected")}
    counts.update({r["status"]: r["n"] for r in rows})
    return counts


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around [start, end) of the text."""
    a = max(
        text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
        text.rfind("\n", 0, start) + 1,
    )
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(stops) + 1 if stops else len(text)
    return " ".join(text[a:b].split())


def proposed_fields(event: ProposedEvent) -> dict:
    """The proposal as the incident fields a reviewer edits (REVIEWABLE_FIELDS)."""
    data = event.data
    when = data.get("when") or {}
    people = data.get("people") or {}
    evidence = data.get("evidence") or []
    anchor = next((e for e in evidence if e["field"] == "event"), evidence[0] if evidence else None)
    text = event.report.text
    summary = _sentence(text, anchor["start"], anchor["end"]) if anchor else ""
    detection = next(
        (DETECTION_SOURCES[d] for d in data.get("detection") or [] if d in DETECTION_SOURCES), ""
    )
    unknown = when.get("precision") not in PRECISIONS
    return {
        "start": None if unknown else when.get("start"),
        "end": None if unknown else when.get("end"),
        "precision": "" if unknown else when.get("precision"),
        "time_text": (when.get("text") or "")[:120],
        "place": (data.get("places") or [""])[0],
        "country_left": data.get("country_left") or "",
        "country_entered": data.get("country_entered") or "",
        "persons_count": people.get("count"),
        "persons_count_is_lower_bound": bool(people.get("lower_bound")),
        "nationality": data.get("nationality") or "",
        "affiliation": (data.get("affiliation") or "")[:120],
        "detection_method": detection,
        "summary": summary,
    }


def _day(value, field_name: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DomainError(f"Give the day as YYYY-MM-DD, not {value!r}.", field=field_name) from None


def _period_end(start: date, precision: str) -> date:
    """The exclusive end of a period of `precision` starting on `start`."""
    if precision == "day":
        return start + timedelta(days=1)
    months = {"month": 1, "season": 3, "year": 12}[precision]
    y, m = divmod(start.month - 1 + months, 12)
    return date(start.year + y, m + 1, 1)


def _find_place(name: str):
    from borderwatch.border.models import Place

    if not name:
        return None
    place = Place.objects.filter(name__iexact=name).first()
    if place is None:
        folded = name.casefold()
        place = next(
            (p for p in Place.objects.all() if folded in (v.casefold() for v in p.variants)),
            None,
        )
    if place is None:
        raise DomainError(f"{name!r} is not a place of the gazetteer.", field="place")
    return place


def _reviewed_fields(event: ProposedEvent, edits: dict) -> tuple[dict, list[str]]:
    """The proposal's fields with the reviewer's edits, checked; and the names edited."""
    unknown = sorted(set(edits) - set(REVIEWABLE_FIELDS))
    if unknown:
        raise DomainError(f"Unknown field(s): {', '.join(unknown)}.", field=unknown[0])
    proposed = proposed_fields(event)
    fields = {**proposed, **edits}
    edited = sorted(k for k in edits if edits[k] != proposed[k])
    precision = fields["precision"] or ""
    if precision not in PRECISIONS:
        raise DomainError(
            "The proposal gives no period: give its start and precision (day, month, season "
            "or year) to accept it.",
            field="precision" if precision else "start",
        )
    start = _day(fields["start"], "start")
    if start is None:
        raise DomainError("Give the day the period starts.", field="start")
    end = _day(fields["end"], "end") or _period_end(start, precision)
    if end <= start:
        raise DomainError("The period must end after it starts.", field="end")
    count = fields["persons_count"]
    if count in ("", None):
        count = None
    else:
        try:
            count = int(count)
        except (TypeError, ValueError):
            raise DomainError(
                "The number of persons is a whole number.", field="persons_count"
            ) from None
        if count < 0:
            raise DomainError("The number of persons cannot be negative.", field="persons_count")
    detection = fields["detection_method"] or ""
    if detection:
        choice(detection, DetectionSource, "detection_method")
    cleaned = {
        "start": start,
        "end": end,
        "precision": precision,
        "time_text": str(fields["time_text"] or "")[:120],
        "place": _find_place(str(fields["place"] or "").strip()),
        "country_left": country_code(fields["country_left"] or "", "country_left"),
        "country_entered": country_code(fields["country_entered"] or "", "country_entered"),
        "persons_count": count,
        "persons_count_is_lower_bound": bool(fields["persons_count_is_lower_bound"]),
        "nationality": country_code(fields["nationality"] or "", "nationality"),
        "affiliation": str(fields["affiliation"] or "")[:120],
        "detection_method": detection,
        "summary": str(fields["summary"] or ""),
    }
    return cleaned, edited


def _lock_waiting(event: ProposedEvent) -> ProposedEvent:
    """The proposal afresh and locked; a DomainError if it is reviewed already."""
    locked = ProposedEvent.objects.select_for_update().select_related("report").get(pk=event.pk)
    if locked.status != ProposedEvent.Status.PROPOSED:
        done = locked.get_status_display().lower()
        where = f" ({locked.incident})" if locked.incident_id else ""
        raise Conflict(f"This proposal is not waiting for review any more: {done}{where}.")
    return locked


def _mark(event: ProposedEvent, status: str, actor: Actor, incident=None, note: str = "") -> None:
    event.status = status
    event.incident = incident
    event.reviewed_at = timezone.now()
    event.reviewed_by = actor.user
    event.review_note = note
    event.save(update_fields=["status", "incident", "reviewed_at", "reviewed_by", "review_note"])


@transaction.atomic
def accept_proposed_event(event: ProposedEvent, *, actor: Actor, edits: dict | None = None):
    """Accept a proposal as a new incident of the actor's unit, with the reviewer's edits.

    The fields (REVIEWABLE_FIELDS, from `proposed_fields` and `edits`) become the incident's
    through `border.services.open_incident`: the period from when.start/end/precision (days
    in Europe/Oslo; a proposal of unknown time needs an edit giving the start and the
    precision), the gazetteer place, the persons and their lower bound, nationality,
    countries, affiliation, the first detection kind as the detection method, when.text as
    the time text, the sentence of the crossing as the summary. The report is linked as its
    source. Who may: see the rule above (statisticians may not). Audited as
    `source.event_accepted`; a proposal reviewed already is refused."""
    from borderwatch.border import services as border

    require_review(actor)
    event = get_proposal_for(actor, event.pk)
    event = _lock_waiting(event)
    fields, edited = _reviewed_fields(event, edits or {})
    midnight = time(0, 0)
    incident = border.open_incident(
        actor=actor,
        occurred_from=datetime.combine(fields["start"], midnight, tzinfo=OSLO),
        occurred_to=datetime.combine(fields["end"], midnight, tzinfo=OSLO),
        time_precision=fields["precision"],
        time_text=fields["time_text"],
        place=fields["place"],
        country_left=fields["country_left"],
        country_entered=fields["country_entered"],
        persons_count=fields["persons_count"],
        persons_count_is_lower_bound=fields["persons_count_is_lower_bound"],
        nationality=fields["nationality"],
        claimed_affiliation=fields["affiliation"],
        detection_method=fields["detection_method"],
        summary=fields["summary"],
    )
    border.link_source(incident, event.report, actor=actor)
    _mark(event, ProposedEvent.Status.ACCEPTED, actor, incident)
    audit.record(
        actor,
        "source.event_accepted",
        event,
        related=incident,
        payload={"report": event.report_id, "incident": incident.pk, "edited": edited},
    )
    return incident


@transaction.atomic
def merge_proposed_event(event: ProposedEvent, *, actor: Actor, incident):
    """Merge a proposal into an existing incident: the report is linked as a source of the
    incident, nothing else of it changes. The incident must be visible to the actor
    (else NotVisible) and theirs to change (`incident.change`: their unit's, as a border
    guard or police operations). Audited as `source.event_merged`."""
    from borderwatch.border import services as border

    require_review(actor)
    event = get_proposal_for(actor, event.pk)
    incident = policy.get_incident_for(actor, getattr(incident, "pk", incident))
    policy.require(actor, "incident.change", incident)
    event = _lock_waiting(event)
    border.link_source(incident, event.report, actor=actor)
    _mark(event, ProposedEvent.Status.MERGED, actor, incident)
    audit.record(
        actor,
        "source.event_merged",
        event,
        related=incident,
        payload={"report": event.report_id, "incident": incident.pk},
    )
    return incident


@transaction.atomic
def reject_proposed_event(event: ProposedEvent, *, actor: Actor, reason: str) -> ProposedEvent:
    """Reject a proposal with a reason (not a crossing, a duplicate, misread); nothing
    enters the record. Audited as `source.event_rejected` with the reason."""
    require_review(actor)
    event = get_proposal_for(actor, event.pk)
    reason = " ".join((reason or "").split())
    if not reason:
        raise DomainError("Say why the proposal is rejected.", field="reason")
    event = _lock_waiting(event)
    _mark(event, ProposedEvent.Status.REJECTED, actor, note=reason)
    audit.record(
        actor,
        "source.event_rejected",
        event,
        reason=reason,
        payload={"report": event.report_id},
    )
    return event


# Merge candidates: points per likeness, summed in one query over the visible incidents.
SCORE_PLACE = 4  # the same gazetteer place
SCORE_SECTION = 2  # else the same border section
SCORE_OVERLAP = 3  # the periods overlap
SCORE_NATIONALITY = 1  # the same nationality
SCORE_PERSONS = 1  # the same number of persons


def merge_candidates(event: ProposedEvent, actor: Actor, limit: int = 5) -> list:
    """The incidents visible to the actor that the proposal most likely reports, best first.

    Score (one SQL query, no per-row reads): SCORE_PLACE for the same place, else
    SCORE_SECTION for the same section; SCORE_OVERLAP when the periods overlap;
    SCORE_NATIONALITY and SCORE_PERSONS for the same nationality and number of persons.
    Only incidents sharing the place/section or the period count (score ≥ 2); ties go to the
    more recent incident. Each incident carries `match_score` and `match_reasons`."""
    from borderwatch.border.models import Place

    fields = proposed_fields(event)
    name = fields["place"]
    place = (
        Place.objects.filter(name__iexact=name).select_related("section").first() if name else None
    )
    zero = Value(0)
    parts = []
    if place is not None:
        where = Case(When(place_id=place.pk, then=Value(SCORE_PLACE)), default=zero)
        if place.section_id:
            where = Case(
                When(place_id=place.pk, then=Value(SCORE_PLACE)),
                When(section_id=place.section_id, then=Value(SCORE_SECTION)),
                default=zero,
            )
        parts.append(where)
    period = None
    if fields["precision"] and fields["start"]:
        start = date.fromisoformat(fields["start"])
        end = (
            date.fromisoformat(fields["end"])
            if fields["end"]
            else _period_end(start, fields["precision"])
        )
        period = (
            datetime.combine(start, time(0, 0), tzinfo=OSLO),
            datetime.combine(end, time(0, 0), tzinfo=OSLO),
        )
        parts.append(
            Case(
                When(
                    occurred_from__lt=period[1],
                    occurred_to__gt=period[0],
                    then=Value(SCORE_OVERLAP),
                ),
                default=zero,
            )
        )
    if fields["nationality"]:
        parts.append(
            Case(
                When(nationality=fields["nationality"], then=Value(SCORE_NATIONALITY)), default=zero
            )
        )
    if fields["persons_count"] is not None:
        parts.append(
            Case(
                When(persons_count=fields["persons_count"], then=Value(SCORE_PERSONS)), default=zero
            )
        )
    if not parts:
        return []
    score = parts[0]
    for part in parts[1:]:
        score = score + part
    rows = list(
        policy.incidents_visible_to(actor)
        .with_names()
        .annotate(match_score=ExpressionWrapper(score, output_field=IntegerField()))
        .filter(match_score__gte=2)
        .order_by("-match_score", "-occurred_from", "-id")[:limit]
    )
    for inc in rows:
        reasons = []
        if place is not None and inc.place_id == place.pk:
            reasons.append("same place")
        elif place is not None and place.section_id and inc.section_id == place.section_id:
            reasons.append("same section")
        if period and inc.occurred_from < period[1] and inc.occurred_to > period[0]:
            reasons.append("periods overlap")
        if fields["nationality"] and inc.nationality == fields["nationality"]:
            reasons.append("same nationality")
        if fields["persons_count"] is not None and inc.persons_count == fields["persons_count"]:
            reasons.append("same number of persons")
        inc.match_reasons = reasons
    return rows
