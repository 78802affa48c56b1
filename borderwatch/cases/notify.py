"""The notifier: warnings before deadlines, notices when they pass, escalation of
unanswered referrals. In-app notifications to the owning unit, and e-mail to its members.

Run by `borderwatch notify` (once, or `--loop` every BORDERWATCH_NOTIFY_EVERY_SECONDS;
`borderwatch demo` starts the loop beside the web server). Idempotent: a warning is sent
once per clock and offset, an overdue notice once per clock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from borderwatch.access import audit
from borderwatch.access.actor import Actor
from borderwatch.access.models import User
from borderwatch.lib.timefmt import format_instant

from . import clocks
from .models import Clock, Notification, Referral

log = logging.getLogger(__name__)


@dataclass
class Summary:
    warnings: int = 0
    overdue: int = 0
    escalations: int = 0
    emails: int = 0
    email_failures: list[str] = field(default_factory=list)


def _what(clock: Clock) -> str:
    subject = clock.subject
    ref = ""
    if clock.case_id:
        ref = clock.case.reference
    elif clock.custody_id:
        ref = f"custody of {clock.custody.person.reference}"
    elif clock.incident_id:
        ref = clock.incident.reference
    return f"{clock.get_kind_display()} — {ref or subject}"


def _notify(unit, *, kind, clock, message, now, summary: Summary) -> Notification:
    note = Notification.objects.create(
        unit=unit, kind=kind, clock=clock, case=clock.case, message=message, created_at=now
    )
    recipients = sorted(
        set(
            User.objects.filter(memberships__unit=unit, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if recipients:
        try:
            send_mail(
                f"[borderwatch] {note.get_kind_display()}: {_what(clock)}",
                f"{message}\n\nDue: {format_instant(clock.due_at)}\nRule: {clock.source or '—'}\n",
                settings.DEFAULT_FROM_EMAIL,
                recipients,
            )
        except OSError as exc:  # the SMTP server is down: the in-app notice stands
            log.warning("e-mail to %s failed: %s", unit, exc)
            summary.email_failures.append(f"{unit}: {exc}")
        else:
            note.emailed_to = recipients
            note.save(update_fields=["emailed_to"])
            summary.emails += 1
    return note


def run_once(now: datetime | None = None) -> Summary:
    """Send what is due at `now`. Each clock is handled in its own transaction."""
    now = now or timezone.now()
    offsets = clocks.warning_offsets()
    horizon = now + timedelta(hours=max(offsets)) if offsets else now
    summary = Summary()
    candidates = (
        Clock.objects.running()
        .filter(due_at__lte=horizon)
        .select_related("owning_unit", "case", "custody__person", "incident", "referral")
        .order_by("due_at")
    )
    for clock in candidates:
        with transaction.atomic():
            _handle(clock, now, offsets, summary)
    return summary


def _handle(clock: Clock, now, offsets, summary: Summary) -> None:
    clock = Clock.objects.select_for_update().get(pk=clock.pk)
    if clock.stopped_at is not None:
        return
    for hours in clocks.due_warnings(clock.due_at, now, clock.warnings_sent, offsets):
        left = clock.due_at - now
        message = f"{_what(clock)} is due {format_instant(clock.due_at)} ({_human(left)} left)."
        _notify(
            clock.owning_unit,
            kind=Notification.Kind.WARNING,
            clock=clock,
            message=message,
            now=now,
            summary=summary,
        )
        reached = [h for h in offsets if h >= hours]
        clock.warnings_sent = sorted(set(clock.warnings_sent) | set(reached), reverse=True)
        clock.save(update_fields=["warnings_sent"])
        summary.warnings += 1
    if clock.due_at <= now and clock.overdue_notified_at is None:
        message = f"{_what(clock)} was due {format_instant(clock.due_at)} and is overdue."
        _notify(
            clock.owning_unit,
            kind=Notification.Kind.OVERDUE,
            clock=clock,
            message=message,
            now=now,
            summary=summary,
        )
        clock.overdue_notified_at = now
        clock.save(update_fields=["overdue_notified_at"])
        summary.overdue += 1
        if clock.kind == Clock.Kind.REFERRAL_ANSWER and clock.referral_id:
            _escalate(clock, now, summary)


def _escalate(clock: Clock, now, summary: Summary) -> None:
    referral = Referral.objects.select_related("from_unit", "to_unit", "case").get(
        pk=clock.referral_id
    )
    if referral.status != Referral.Status.PENDING or referral.escalated_at:
        return
    referral.escalated_at = now
    referral.save(update_fields=["escalated_at"])
    message = (
        f"The referral of {referral.case.reference} from {referral.from_unit} to "
        f"{referral.to_unit} has had no answer since {format_instant(referral.sent_at)}."
    )
    for unit in {referral.from_unit, referral.to_unit}:
        _notify(
            unit,
            kind=Notification.Kind.ESCALATION,
            clock=clock,
            message=message,
            now=now,
            summary=summary,
        )
    audit.record(
        Actor(user=None, unit=None, channel="system", label="notifier"),
        "referral.escalated",
        referral,
        related=referral.case,
    )
    summary.escalations += 1


def _human(delta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes >= 120:
        return f"{minutes // 60} hours"
    return f"{minutes} minutes"
