"""Starting and stopping clocks, and deciding which warnings are due (pure).

The durations that are not law come from settings (docs/settings.md); the legal ones come
from deadlines.py, each with its source.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from .models import Clock

FIRST_REPORT_SOURCE = (
    "Implementing Regulation (EU) 2021/581 Art 9, Annex 2 §1 (single event "
    "report on an unauthorised crossing within 24 hours of detection)"
)


def start(
    kind: str, *, unit, started_at: datetime, due_at: datetime, source: str = "", **subject
) -> Clock:
    return Clock.objects.create(
        kind=kind, owning_unit=unit, started_at=started_at, due_at=due_at, source=source, **subject
    )


def stop(*, at: datetime, reason: str, kinds=None, **subject) -> int:
    """Stop the running clocks of a subject (e.g. custody=c, kinds=["court"])."""
    qs = Clock.objects.running().filter(**subject)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    return qs.update(stopped_at=at, stop_reason=reason[:200])


def warning_offsets() -> list[float]:
    """Hours before a deadline at which the owning unit is warned (largest first)."""
    return sorted({float(h) for h in settings.BORDERWATCH_CLOCK_WARNING_HOURS}, reverse=True)


def due_warnings(
    due_at: datetime, now: datetime, sent: list[float], offsets: list[float]
) -> list[float]:
    """The warning offsets to send now: reached, not yet sent, and the deadline not passed.

    Only the nearest reached offset is sent when several are reached at once (a notifier
    that was down does not send a stale 12-hour warning after the 2-hour one is due).
    """
    if now >= due_at:
        return []
    reached = [h for h in offsets if now >= due_at - timedelta(hours=h) and h not in sent]
    return [min(reached)] if reached else []


def hours(setting_name: str) -> timedelta:
    return timedelta(hours=float(getattr(settings, setting_name)))
