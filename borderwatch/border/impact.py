"""EUROSUR impact levels: of each incident by rules, of each section from its incidents.

Regulation (EU) 2019/1896 Art 25(3) gives every incident an indicative impact level (low,
medium, high, very high); Art 34 gives border sections low, medium, high and, temporarily
in a crisis, critical. The rules below are defaults, data rather than code: a deployment
replaces them with a JSON file named by BORDERWATCH_IMPACT_RULES_FILE. Rules are tried in
order and the first whose conditions all hold decides. A person may set a section's level
for a time (critical only that way); rules take over again when it expires. Every change
is kept with when, the rule or the person, and why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from borderwatch.access import audit, policy
from borderwatch.access.actor import Actor
from borderwatch.lib.errors import DomainError
from borderwatch.lib.validate import aware, choice

from .choices import ImpactLevel
from .models import BorderSection, Incident, SectionLevelChange

ORDER = ["low", "medium", "high", "very_high", "critical"]

DEFAULT_RULES = {
    "section_window_days": 90,
    "incident": [
        {"name": "mass-arrival", "level": "very_high", "min_persons": 50},
        {"name": "crisis", "level": "very_high", "types": ["crisis"]},
        {"name": "group-of-10", "level": "high", "min_persons": 10},
        {"name": "claimed-armed-affiliation", "level": "medium", "affiliation": True},
        {"name": "group-of-3", "level": "medium", "min_persons": 3},
        {"name": "default", "level": "low"},
    ],
    "section": [
        {"name": "very-high-incident", "level": "high", "any_incident_level": "very_high"},
        {"name": "surge", "level": "high", "min_incidents": 10},
        {"name": "surge-of-persons", "level": "high", "min_persons": 50},
        {"name": "high-incident", "level": "medium", "any_incident_level": "high"},
        {"name": "repeated-crossings", "level": "medium", "min_incidents": 3},
        {"name": "quiet", "level": "low"},
    ],
}

INCIDENT_CONDITIONS = {"min_persons", "types", "affiliation"}
SECTION_CONDITIONS = {"min_incidents", "min_persons", "any_incident_level"}


def validate_rules(rules: dict) -> dict:
    """Check a rules document; raise DomainError naming the first problem."""
    if not isinstance(rules, dict):
        raise DomainError("The impact rules must be a JSON object.")
    days = rules.get("section_window_days", 90)
    if not isinstance(days, int) or days < 1:
        raise DomainError("section_window_days must be a whole number of days, at least 1.")
    for kind, allowed, levels in (
        ("incident", INCIDENT_CONDITIONS, ORDER[:4]),
        ("section", SECTION_CONDITIONS, ORDER[:4]),
    ):
        items = rules.get(kind)
        if not isinstance(items, list) or not items:
            raise DomainError(f"'{kind}' must be a non-empty list of rules.")
        for i, rule in enumerate(items):
            if not isinstance(rule, dict) or not rule.get("name"):
                raise DomainError(f"{kind} rule {i} needs a name.")
            if rule.get("level") not in levels:
                raise DomainError(
                    f"{kind} rule {rule['name']!r}: level must be one of {', '.join(levels)}."
                )
            unknown = set(rule) - allowed - {"name", "level"}
            if unknown:
                raise DomainError(
                    f"{kind} rule {rule['name']!r}: unknown condition(s) "
                    f"{', '.join(sorted(unknown))}."
                )
        if set(items[-1]) - {"name", "level"}:
            raise DomainError(f"The last {kind} rule must have no conditions (the fallback).")
    return rules


@cache
def _load(path: str) -> dict:
    if not path:
        return DEFAULT_RULES
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DomainError(f"BORDERWATCH_IMPACT_RULES_FILE {path!r} cannot be read: {exc}") from None
    return validate_rules(data)


def rules() -> dict:
    return _load(settings.BORDERWATCH_IMPACT_RULES_FILE)


# --- pure evaluation -----------------------------------------------------------------------


def incident_level(incident: Incident, ruleset: dict | None = None) -> tuple[str, str]:
    """(level, rule name) for an incident's facts."""
    for rule in (ruleset or rules())["incident"]:
        if "min_persons" in rule and (incident.persons_count or 0) < rule["min_persons"]:
            continue
        if "types" in rule and incident.type not in rule["types"]:
            continue
        if "affiliation" in rule and bool(incident.claimed_affiliation) != rule["affiliation"]:
            continue
        return rule["level"], rule["name"]
    raise AssertionError("the last rule has no conditions")


@dataclass(frozen=True)
class WindowFacts:
    incidents: int
    persons: int
    highest: str  # the highest incident level in the window, or ""


def section_level(facts: WindowFacts, ruleset: dict | None = None) -> tuple[str, str]:
    """(level, rule name) for a section, from what happened in its rolling window."""
    for rule in (ruleset or rules())["section"]:
        if "min_incidents" in rule and facts.incidents < rule["min_incidents"]:
            continue
        if "min_persons" in rule and facts.persons < rule["min_persons"]:
            continue
        wanted = rule.get("any_incident_level")
        if wanted and (not facts.highest or ORDER.index(facts.highest) < ORDER.index(wanted)):
            continue
        return rule["level"], rule["name"]
    raise AssertionError("the last rule has no conditions")


def window_facts(section: BorderSection, at: datetime, days: int) -> WindowFacts:
    start = at - timedelta(days=days)
    qs = Incident.objects.filter(
        section=section, attempted_only=False, occurred_from__lte=at, occurred_to__gt=start
    )
    agg = qs.aggregate(persons=Sum("persons_count"))
    levels = set(qs.values_list("impact_level", flat=True).distinct())
    highest = max(levels, key=ORDER.index) if levels else ""
    return WindowFacts(qs.count(), agg["persons"] or 0, highest)


# --- writes -----------------------------------------------------------------------------


def _person_setting(section: BorderSection, at: datetime) -> SectionLevelChange | None:
    latest = section.levels.order_by("-at", "-id").first()
    if latest and not latest.rule and latest.expires_at and latest.expires_at > at:
        return latest
    return None


def _change(
    section, *, actor: Actor | None, level, at, rule="", reason="", expires_at=None
) -> SectionLevelChange | None:
    previous = section.impact_level
    change = SectionLevelChange.objects.create(
        section=section,
        level=level,
        previous_level=previous,
        at=at,
        by=actor.user if actor and not rule else None,
        by_name=actor.name if actor and not rule else "",
        rule=rule,
        reason=reason,
        expires_at=expires_at,
    )
    BorderSection.objects.filter(pk=section.pk).update(impact_level=level)
    section.impact_level = level
    if actor is not None:
        audit.record(
            actor,
            "section.level_changed",
            section,
            reason=reason,
            payload={"from": previous, "to": level, "rule": rule},
        )
    return change


@transaction.atomic
def recompute_section(
    section: BorderSection, *, actor: Actor, at: datetime | None = None
) -> SectionLevelChange | None:
    """Apply the section rules at `at`; record a change only when the level changes."""
    at = at or timezone.now()
    if _person_setting(section, at):
        return None
    days = rules().get("section_window_days", 90)
    facts = window_facts(section, at, days)
    level, rule = section_level(facts)
    latest = section.levels.order_by("-at", "-id").first()
    expired = latest is not None and not latest.rule and latest.expires_at is not None
    if level == section.impact_level and not expired:
        return None
    reason = (
        f"{facts.incidents} incident(s), {facts.persons} person(s) in the last {days} "
        f"days; highest incident level {facts.highest or 'none'}"
    )
    if level == section.impact_level:  # a person's setting ran out; rules confirm the level
        reason = f"a person's setting expired; {reason}"
    return _change(section, actor=actor, level=level, at=at, rule=rule, reason=reason)


def recompute_all(*, actor: Actor, at: datetime | None = None) -> list[SectionLevelChange]:
    """Recompute every section (run periodically: levels fall as incidents age out)."""
    policy.require(actor, "section.recompute")
    changes = []
    for section in BorderSection.objects.order_by("code"):
        change = recompute_section(section, actor=actor, at=at)
        if change:
            changes.append(change)
    return changes


@transaction.atomic
def set_section_level(
    section: BorderSection,
    *,
    actor: Actor,
    level: str,
    reason: str,
    until: datetime,
    at: datetime | None = None,
) -> SectionLevelChange:
    """A person sets a section's level until a time (critical can only be set this way)."""
    policy.require(actor, "section.set_level", section)
    choice(level, ImpactLevel, "level")
    if level == ImpactLevel.VERY_HIGH:
        raise DomainError(
            "Sections are low, medium, high or critical (very high is for incidents).",
            field="level",
        )
    if not reason.strip():
        raise DomainError("Say why the level is set by hand.", field="reason")
    at = at or timezone.now()
    aware(until, "until")
    if until <= at:
        raise DomainError("The setting must last until a time in the future.", field="until")
    if level == ImpactLevel.CRITICAL and until > at + timedelta(days=30):
        raise DomainError(
            "Critical is temporary: set it for at most 30 days at a time.", field="until"
        )
    return _change(
        section, actor=actor, level=level, at=at, reason=reason.strip(), expires_at=until
    )


@transaction.atomic
def set_incident_level(incident: Incident, *, actor: Actor, level: str, reason: str) -> Incident:
    """A person overrides an incident's indicative level, saying why."""
    policy.require(actor, "incident.change", incident)
    choice(level, ImpactLevel, "level")
    if level == ImpactLevel.CRITICAL:
        raise DomainError("Critical is a level for sections, not incidents.", field="level")
    if not reason.strip():
        raise DomainError("Say why the level is changed.", field="reason")
    previous = incident.impact_level
    incident.impact_level = level
    incident.impact_rule = f"set by {actor.name}: {reason.strip()}"[:100]
    incident.save(update_fields=["impact_level", "impact_rule"])
    audit.record(
        actor,
        "incident.level_changed",
        incident,
        reason=reason.strip(),
        payload={"from": previous, "to": level},
    )
    if incident.section_id:
        recompute_section(incident.section, actor=actor)
    return incident
