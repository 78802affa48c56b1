"""Storing source reports."""

import hashlib
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError

from .models import SourceReport


def text_hash(text: str) -> str:
    """The identity of a text: the same words with other line endings or spacing match."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


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
) -> tuple[SourceReport, bool]:
    """Store a report; the same text again returns the stored one. Returns (report, created)."""
    policy.require(actor, "source.record")
    if not text.strip():
        raise DomainError("The report has no text.", field="text")
    if not title.strip():
        raise DomainError("Give the report a title.", field="title")
    digest = text_hash(text)
    existing = SourceReport.objects.filter(sha256=digest).first()
    if existing:
        return existing, False
    report = SourceReport.objects.create(
        title=title.strip(),
        text=text,
        outlet=outlet,
        url=url,
        language=language,
        published_at=published_at,
        sha256=digest,
        recorded_at=timezone.now(),
        recorded_by=actor.user,
        owning_unit=actor.unit,
    )
    audit.record(actor, "source.recorded", report)
    return report, True
