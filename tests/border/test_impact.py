"""EUROSUR impact levels: incidents by rules, sections from a rolling window, history."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from borderwatch.access.models import AuditEvent
from borderwatch.border import impact, services
from borderwatch.border.models import BorderSection, Incident, Place, SectionLevelChange
from borderwatch.lib.errors import AccessDenied, DomainError


def crossing(actor, *, hours_ago=1, persons=1, **kw):
    at = timezone.now() - timedelta(hours=hours_ago)
    return services.open_incident(
        actor=actor,
        occurred_from=at,
        place=Place.objects.get(name="Svanvik"),
        persons_count=persons,
        **kw,
    )


@pytest.mark.parametrize(
    ("facts", "level", "rule"),
    [
        (dict(persons_count=1), "low", "default"),
        (dict(persons_count=3), "medium", "group-of-3"),
        (
            dict(persons_count=1, claimed_affiliation="Wagner Group"),
            "medium",
            "claimed-armed-affiliation",
        ),
        (dict(persons_count=12), "high", "group-of-10"),
        (dict(persons_count=2018), "very_high", "mass-arrival"),
        (dict(persons_count=None, type="crisis"), "very_high", "crisis"),
    ],
)
def test_it_gives_each_incident_a_level_by_the_first_matching_rule(facts, level, rule):
    assert impact.incident_level(Incident(**facts)) == (level, rule)


@pytest.mark.parametrize(
    ("facts", "level"),
    [
        (impact.WindowFacts(0, 0, ""), "low"),
        (impact.WindowFacts(3, 3, "low"), "medium"),
        (impact.WindowFacts(1, 12, "high"), "medium"),
        (impact.WindowFacts(10, 10, "low"), "high"),
        (impact.WindowFacts(1, 60, "very_high"), "high"),
    ],
)
def test_it_derives_a_section_level_from_its_window(facts, level):
    assert impact.section_level(facts)[0] == level


def test_it_sets_the_level_when_an_incident_is_opened(police):
    incident = crossing(police, persons=4)
    assert (incident.impact_level, incident.impact_rule) == ("medium", "group-of-3")


def test_it_raises_a_section_after_repeated_crossings_and_keeps_the_history(police):
    for n in range(3):
        crossing(police, hours_ago=n + 1)
    pasvik = BorderSection.objects.get(code="pasvik")
    assert pasvik.impact_level == "medium"
    change = pasvik.levels.get()
    assert (change.previous_level, change.level, change.rule) == (
        "low",
        "medium",
        "repeated-crossings",
    )
    assert "3 incident(s)" in change.reason
    assert (
        AuditEvent.objects.filter(verb="section.level_changed", target_id=str(pasvik.pk)).count()
        == 1
    )


def test_it_lowers_a_section_as_incidents_age_out_of_the_window(police, console):
    for n in range(3):
        crossing(police, hours_ago=n + 1)
    later = timezone.now() + timedelta(days=91)
    changes = impact.recompute_all(actor=console, at=later)
    assert [(c.section.code, c.level, c.rule) for c in changes] == [("pasvik", "low", "quiet")]


def test_it_lets_a_responsible_unit_set_critical_for_a_time(guard, police, console):
    pasvik = BorderSection.objects.get(code="pasvik")
    now = timezone.now()
    change = impact.set_section_level(
        pasvik,
        actor=guard,
        level="critical",
        reason="Mass arrival at Storskog",
        until=now + timedelta(days=2),
    )
    assert (change.by, change.rule, change.level) == (guard.user, "", "critical")
    assert impact.recompute_all(actor=console, at=now + timedelta(days=1)) == []
    assert BorderSection.objects.get(code="pasvik").impact_level == "critical"
    after = impact.recompute_all(actor=console, at=now + timedelta(days=3))
    assert [(c.level, c.rule) for c in after] == [("low", "quiet")]
    assert "in the last 90 days" in after[0].reason


@pytest.mark.parametrize(
    ("level", "until_days", "reason", "message"),
    [
        ("critical", 45, "Crisis", "at most 30 days"),
        ("very_high", 1, "x", "very high is for incidents"),
        ("high", -1, "x", "future"),
        ("high", 1, " ", "Say why"),
    ],
)
def test_it_refuses_bad_settings_by_hand(guard, level, until_days, reason, message):
    pasvik = BorderSection.objects.get(code="pasvik")
    with pytest.raises(DomainError, match=message):
        impact.set_section_level(
            pasvik,
            actor=guard,
            level=level,
            reason=reason,
            until=timezone.now() + timedelta(days=until_days),
        )
    assert SectionLevelChange.objects.count() == 0


def test_it_refuses_a_setting_by_a_unit_not_responsible(police, pu):
    pasvik = BorderSection.objects.get(code="pasvik")
    for actor in (police, pu):  # the police district is not responsible for the section
        with pytest.raises(AccessDenied):
            impact.set_section_level(
                pasvik,
                actor=actor,
                level="high",
                reason="r",
                until=timezone.now() + timedelta(days=1),
            )


def test_it_lets_the_owner_override_an_incident_level(police, other_police):
    incident = crossing(police)
    with pytest.raises(AccessDenied):
        impact.set_incident_level(incident, actor=other_police, level="high", reason="r")
    impact.set_incident_level(incident, actor=police, level="high", reason="Armed person reported")
    incident.refresh_from_db()
    assert incident.impact_level == "high"
    assert incident.impact_rule.startswith("set by police: Armed person")


def test_it_reads_rules_from_a_file_and_refuses_a_bad_one(tmp_path, settings):
    good = dict(impact.DEFAULT_RULES, incident=[{"name": "all-high", "level": "high"}])
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(good))
    settings.BORDERWATCH_IMPACT_RULES_FILE = str(path)
    assert impact.incident_level(Incident(persons_count=1)) == ("high", "all-high")
    bad = dict(impact.DEFAULT_RULES, section=[{"name": "x", "level": "purple"}])
    path2 = tmp_path / "bad.json"
    path2.write_text(json.dumps(bad))
    settings.BORDERWATCH_IMPACT_RULES_FILE = str(path2)
    with pytest.raises(DomainError, match="level must be one of"):
        impact.rules()
    with pytest.raises(DomainError, match="fallback"):
        impact.validate_rules(
            dict(impact.DEFAULT_RULES, incident=[{"name": "a", "level": "low", "min_persons": 2}])
        )


def test_the_cli_sets_recomputes_and_shows_history(world):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    until = (timezone.now() + timedelta(days=1)).isoformat()
    out = StringIO()
    call_command(
        "impact",
        "set",
        "jakobselva",
        "high",
        "--reason",
        "Drone sightings",
        "--until",
        until,
        stdout=out,
    )
    assert "low → high" in out.getvalue()
    out = StringIO()
    call_command("impact", "history", "jakobselva", stdout=out)
    assert "set by console:" in out.getvalue() and "Drone sightings" in out.getvalue()
    with pytest.raises(CommandError, match="needs a UTC offset"):
        call_command(
            "impact",
            "set",
            "jakobselva",
            "high",
            "--reason",
            "r",
            "--until",
            "2030-01-01T00:00",
            stdout=StringIO(),
        )
    with pytest.raises(CommandError, match="No border section"):
        call_command("impact", "history", "atlantis", stdout=StringIO())
    out = StringIO()
    call_command("impact", "recompute", stdout=out)
    assert "0 section(s) changed." in out.getvalue()


def test_the_scenario_leaves_quiet_sections_low(story):
    assert set(BorderSection.objects.values_list("impact_level", flat=True)) == {"low"}
    three = Incident.objects.get(external_ref="scenario:2023-later-pasvik-three")
    assert three.impact_level == "medium"


def test_the_api_shows_a_sections_level_history(client, police, guard):
    pasvik = BorderSection.objects.get(code="pasvik")
    impact.set_section_level(
        pasvik,
        actor=guard,
        level="high",
        reason="Tracks in snow",
        until=timezone.now() + timedelta(days=1),
    )
    client.force_login(police.user)
    body = client.get("/api/v1/sections/pasvik").json()
    assert body["properties"]["impact_level"] == "high"
    [change] = body["properties"]["levels"]
    assert (change["from"], change["to"], change["set_by"]) == ("low", "high", "guard")
    assert client.get("/api/v1/sections/atlantis").status_code == 404
