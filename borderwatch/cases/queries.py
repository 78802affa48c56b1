"""Read-only, policy-filtered views of a case: its timeline and its page's content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.lib.timefmt import format_instant
from borderwatch.security.models import Assessment

from .models import AsylumCase


@dataclass
class TimelineEntry:
    at: datetime
    what: str
    who: str = ""
    unit: str = ""
    detail: str = ""

    @property
    def when(self) -> str:
        return format_instant(self.at)

    def as_dict(self) -> dict:
        return {
            "at": self.at.isoformat(),
            "what": self.what,
            "who": self.who,
            "unit": self.unit,
            "detail": self.detail,
        }


def _name(user, fallback: str = "") -> str:
    if user is None:
        return fallback
    return user.get_full_name() or user.username


@dataclass
class CaseRecords:
    """The records about a case that its page and its timeline both show, read once (five
    statements, however many there are)."""

    custodies: list
    interviews: list
    representations: list
    referrals: list
    notifications: list  # with their assessments

    @classmethod
    def of(cls, case: AsylumCase) -> CaseRecords:
        person = case.person
        assessments = Assessment.objects.select_related("unit", "assessed_by")
        notifications = case.security_notifications.select_related(
            "to_unit", "from_unit", "sent_by"
        ).prefetch_related(Prefetch("assessments", queryset=assessments))
        return cls(
            custodies=list(person.custodies.select_related("owning_unit")),
            interviews=list(person.interviews.select_related("owning_unit", "interviewer")),
            representations=list(person.representations.select_related("appointed_by_unit")),
            referrals=list(
                case.referrals.select_related("from_unit", "to_unit", "sent_by", "answered_by")
            ),
            notifications=list(notifications),
        )


def case_timeline(
    case: AsylumCase, actor: Actor, records: CaseRecords | None = None
) -> list[TimelineEntry]:
    """Everything that happened to the case and the crossing behind it, in order, with
    who did it. Content the actor may not read (assessments, interview summaries) is
    left out; that a step happened is shown. `records`: already read for the page."""
    groups = policy.field_groups(actor, case)
    records = records or CaseRecords.of(case)
    entries: list[TimelineEntry] = []
    incident = case.incident
    if incident is not None:
        for d in incident.detections.select_related("filed_by_unit", "filed_by"):
            entries.append(
                TimelineEntry(
                    d.detected_at,
                    _("Detection (%(source)s)") % {"source": d.get_source_display()},
                    _name(d.filed_by),
                    str(d.filed_by_unit),
                    d.description,
                )
            )
        entries.append(
            TimelineEntry(
                incident.opened_at,
                _("Incident %(ref)s opened") % {"ref": incident.reference},
                "",
                str(incident.owning_unit),
                incident.summary,
            )
        )
        searches = incident.search_operations.select_related("owning_unit")
        for op in searches.prefetch_related("assets"):
            assets = ", ".join(str(a) for a in op.assets.all())
            entries.append(
                TimelineEntry(op.started_at, _("Search started"), "", str(op.owning_unit), assets)
            )
            if op.ended_at:
                entries.append(
                    TimelineEntry(
                        op.ended_at,
                        _("Search ended"),
                        "",
                        str(op.owning_unit),
                        op.get_outcome_display(),
                    )
                )
    for c in records.custodies:
        entries.append(
            TimelineEntry(
                c.started_at,
                _("Apprehended; custody (%(basis)s)") % {"basis": c.get_legal_basis_display()},
                "",
                str(c.owning_unit),
                _("before a court or released by %(due)s")
                % {"due": format_instant(c.court_deadline)},
            )
        )
        if c.ended_at:
            entries.append(
                TimelineEntry(
                    c.ended_at,
                    _("Custody ended: %(reason)s") % {"reason": c.get_end_reason_display()},
                    "",
                    str(c.owning_unit),
                    c.end_note,
                )
            )
    for i in records.interviews:
        detail = i.summary if "interview" in groups else ""
        entries.append(
            TimelineEntry(
                i.held_at,
                i.get_kind_display(),
                i.interviewer_name or _name(i.interviewer),
                str(i.owning_unit),
                detail,
            )
        )
    for m in case.person.criminal_matters.select_related("owning_unit"):
        entries.append(
            TimelineEntry(
                m.opened_at,
                _("Criminal matter opened: %(offence)s") % {"offence": m.offence},
                "",
                str(m.owning_unit),
                m.legal_reference,
            )
        )
    for r in records.representations:
        entries.append(
            TimelineEntry(
                r.appointed_at,
                _("%(kind)s assigned") % {"kind": r.get_kind_display()},
                r.lawyer_name,
                str(r.appointed_by_unit),
            )
        )
    for t in case.transitions.select_related("unit", "actor"):
        label = t.get_to_state_display()
        entries.append(
            TimelineEntry(
                t.at,
                _("Case state: %(state)s") % {"state": label},
                _name(t.actor, t.actor_name),
                str(t.unit or ""),
                t.note,
            )
        )
    for r in records.referrals:
        entries.append(
            TimelineEntry(
                r.sent_at,
                _("Referred from %(from)s to %(to)s") % {"from": r.from_unit, "to": r.to_unit},
                _name(r.sent_by),
                str(r.from_unit),
                r.reason,
            )
        )
        if r.answered_at:
            entries.append(
                TimelineEntry(
                    r.answered_at,
                    _("Referral %(status)s") % {"status": r.get_status_display().lower()},
                    _name(r.answered_by),
                    str(r.to_unit),
                    r.answer_reason,
                )
            )
    for n in records.notifications:
        reason = n.reason if "security" in groups else ""
        entries.append(
            TimelineEntry(
                n.sent_at,
                _("Security service (%(unit)s) notified") % {"unit": n.to_unit},
                _name(n.sent_by),
                str(n.from_unit),
                reason,
            )
        )
        for a in n.assessments.all():
            if "security" in groups:
                entries.append(
                    TimelineEntry(
                        a.assessed_at,
                        _("Assessment: %(conclusion)s")
                        % {"conclusion": a.get_conclusion_display()},
                        _name(a.assessed_by),
                        str(a.unit),
                        a.text,
                    )
                )
            else:
                entries.append(
                    TimelineEntry(
                        a.assessed_at,
                        _("Security assessment recorded (restricted)"),
                        "",
                        str(a.unit),
                    )
                )
    entries.sort(key=lambda e: e.at)
    return entries


def read_case(actor: Actor, pk, *, what: str = "page"):
    """The case for this actor (404 if hidden), with the read written to the audit trail."""
    case = policy.get_case_for(actor, pk)
    relationship = policy.relationship(actor, case)
    groups = policy.field_groups(actor, case)
    payload = {"view": what}
    if relationship == {"break_glass"}:
        payload["break_glass"] = True  # read only thanks to emergency access: flagged
    audit.record(actor, "case.viewed", case, related=case.person, fields=groups, payload=payload)
    return case, groups


def case_readers(case: AsylumCase, actor: Actor, limit: int = 50) -> list | None:
    """Who read this case (and who took emergency access to it), newest first: for the
    owning unit alone. None when the actor is not the owner."""
    from borderwatch.access.models import AuditEvent

    if "owner" not in policy.relationship(actor, case) and not actor.is_console:
        return None
    return list(
        AuditEvent.objects.filter(
            target_type="cases.asylumcase",
            target_id=str(case.pk),
            verb__in=["case.viewed", "access.break_glass"],
        )
        .select_related("unit")
        .order_by("-seq")[:limit]
    )
