"""Storing source reports and proposing the events extracted from them.

Every ingest and extraction goes through here with the acting user: the policy
(`source.record`, for reading extractions too) is asked first, and the audit trail records
`source.recorded` and `source.extracted` in the same transaction as the change.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError, NotVisible
from borderwatch.lib.timefmt import local

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
    language: str = "en",
    published_at: datetime | None = None,
    channel: str = "",
    file_name: str = "",
) -> tuple[SourceReport, bool]:
    """Store a report; the same text again returns the stored one. Returns (report, created)."""
    policy.require(actor, "source.record")
    if not text.strip():
        raise DomainError("The report has no text.", field="text")
    if not title.strip():
        raise DomainError("Give the report a title.", field="title")
    if published_at is not None and timezone.is_naive(published_at):
        raise DomainError("Give the publication time with its time zone.", field="published_at")
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
        language=(language or "en").strip()[:10],
        published_at=published_at,
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
    if not again and report.extractor_version == version:
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
    """What one ingest did: the report, whether it was new, and its proposals."""

    report: SourceReport
    created: bool
    proposals: list[ProposedEvent] = field(default_factory=list)


@transaction.atomic
def ingest_report(
    *,
    actor: Actor,
    text: str,
    title: str = "",
    outlet: str = "",
    url: str = "",
    language: str = "en",
    published_at: datetime | None = None,
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
    proposals = extract_report(report, actor=actor) if extract else []
    return Ingested(report, created, proposals)


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
    """Reports the actor may read: everyone who may record reports reads them all (they are
    source material for every unit's analysts, not case files)."""
    if not policy.can(actor, "source.record"):
        return SourceReport.objects.none()
    return SourceReport.objects.all()


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
