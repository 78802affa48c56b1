"""Personal-data duties: export for an access request; pseudonymise after retention."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from borderwatch.access import audit
from borderwatch.access.models import AuditEvent
from borderwatch.cases import services
from borderwatch.lib.errors import AccessDenied, DomainError
from borderwatch.people import privacy
from borderwatch.stats.queries import CountQuery, count


@pytest.fixture
def person(main_case):
    p = main_case.person
    p.given_names, p.family_name, p.name_original_script = "Ivan", "Petrov", "Иван Петров"
    p.save()
    return p


def test_it_exports_everything_held_about_a_person(person, pu):
    data = privacy.export_person(person, actor=pu)
    assert data["person"]["name_original_script"] == "Иван Петров"
    assert len(data["custody"]) == 1 and len(data["interviews"]) == 2
    assert data["cases"][0]["history"][0]["to"] == "Protection claimed at apprehension"
    assert "assessment" not in json.dumps(data).lower().replace("assessments are not", "")
    event = AuditEvent.objects.filter(verb="person.exported").latest("seq")
    assert "Ivan" not in json.dumps(event.payload)


def test_it_refuses_an_export_to_whoever_may_not_see_the_person(person, guard, analyst):
    for actor in (guard, analyst):
        with pytest.raises(AccessDenied):
            privacy.export_person(person, actor=actor)


def test_it_refuses_to_erase_while_a_case_is_open(person, console):
    with pytest.raises(DomainError, match="open case"):
        privacy.pseudonymise(person, actor=console)


def close_case(case, pu):
    services.withdraw_claim(case, actor=pu, reason="Left the country")
    services.close_case(case, actor=pu)


def test_it_pseudonymises_after_retention_and_keeps_statistics(
    person, main_case, pu, console, settings
):
    close_case(main_case, pu)
    before = count(console, CountQuery(by="person", nationality="RU"))
    assert privacy.apply_retention(actor=console).due == []  # not old enough yet
    later = timezone.now() + timedelta(days=settings.BORDERWATCH_RETENTION_PERSON_DAYS + 1)
    run = privacy.apply_retention(actor=console, now=later, dry_run=True)
    assert run.due == [person.reference] and run.done == []
    person.refresh_from_db()
    assert person.given_names == "Ivan"
    run = privacy.apply_retention(actor=console, now=later)
    assert run.done == [person.reference]
    person.refresh_from_db()
    assert (person.given_names, person.name_original_script, person.language) == ("", "", "")
    assert person.nationality == "RU" and person.pseudonymised_at is not None
    assert set(person.interviews.values_list("summary", flat=True)) == {""}
    after = count(console, CountQuery(by="person", nationality="RU"))
    assert (after.minimum, after.maximum) == (before.minimum, before.maximum)
    assert audit.verify_chain().ok
    event = AuditEvent.objects.get(verb="person.pseudonymised")
    assert "Ivan" not in json.dumps(event.payload) and "Petrov" not in event.reason
    with pytest.raises(DomainError, match="already"):
        privacy.pseudonymise(person, actor=console)


def test_only_the_console_erases(person, main_case, pu):
    close_case(main_case, pu)
    with pytest.raises(AccessDenied):
        privacy.pseudonymise(person, actor=pu)


def test_the_cli_exports_and_applies_retention(person, main_case, pu, tmp_path):
    path = tmp_path / "export.json"
    call_command("person", "export", person.reference, "-o", str(path), stdout=StringIO())
    assert json.loads(path.read_text())["reference"] == person.reference
    with pytest.raises(CommandError, match="No person"):
        call_command("person", "export", "P-999999999", stdout=StringIO())
    close_case(main_case, pu)
    out = StringIO()
    call_command("retention", "apply", "--dry-run", "--at", "2040-01-01T00:00+01:00", stdout=out)
    assert "1 person(s) due (dry run: nothing changed)" in out.getvalue()
    with pytest.raises(CommandError, match="may not"):
        call_command("retention", "apply", "--as", "pu", stdout=StringIO())
