"""The audit trail: every write leaves a row; rows cannot be edited; tampering is found."""

import pytest
from django.db import DatabaseError, connection, transaction

from borderwatch.access import audit, triggers
from borderwatch.access.models import AuditEvent


def test_it_chains_every_row_to_the_one_before(story):
    report = audit.verify_chain(batch_size=7)
    assert report.ok, report.problem
    assert report.checked == AuditEvent.objects.count() > 20
    rows = list(AuditEvent.objects.order_by("seq")[:3])
    assert rows[0].prev_hash == audit.GENESIS
    assert rows[1].prev_hash == rows[0].hash


def test_it_refuses_an_unknown_verb(console, db):
    with pytest.raises(ValueError, match="unknown audit verb"):
        audit.record(console, "case.shredded")


def test_it_writes_no_personal_data_into_the_trail(story):
    for event in AuditEvent.objects.all():
        assert "Biti" not in str(event.payload)
        assert event.fields == sorted(set(event.fields))


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE access_auditevent SET verb = 'case.viewed' WHERE seq = 3",
        "DELETE FROM access_auditevent WHERE seq = 3",
    ],
)
def test_it_refuses_update_and_delete_in_the_database(story, sql):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql)
    assert audit.verify_chain().ok


def test_it_refuses_an_update_through_the_orm(story):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(seq=2).update(reason="quietly")


def _behind_the_databases_back(sql, params=()):
    triggers.uninstall(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    finally:
        triggers.install(connection)


def test_it_names_the_first_altered_row(story):
    _behind_the_databases_back("UPDATE access_auditevent SET reason = %s WHERE seq = 5", ["edited"])
    report = audit.verify_chain()
    assert not report.ok
    assert report.first_broken_seq == 5
    assert "row 5 was altered" in report.problem


def test_it_names_a_missing_row(story):
    _behind_the_databases_back("DELETE FROM access_auditevent WHERE seq = 4")
    report = audit.verify_chain()
    assert report.first_broken_seq == 4
    assert "missing" in report.problem


def test_it_finds_a_row_rewritten_with_a_fresh_hash(story):
    event = AuditEvent.objects.get(seq=6)
    event.verb = "case.viewed"
    forged = audit.row_digest(event)
    _behind_the_databases_back(
        "UPDATE access_auditevent SET verb = %s, hash = %s WHERE seq = 6", ["case.viewed", forged]
    )
    report = audit.verify_chain()
    assert report.first_broken_seq == 7
    assert "does not follow" in report.problem


def test_it_verifies_the_chain_from_the_cli(story):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert out.getvalue().startswith("Audit chain intact:")
    _behind_the_databases_back("UPDATE access_auditevent SET reason = 'x' WHERE seq = 9")
    with pytest.raises(CommandError, match="row 9 was altered"):
        call_command("audit", "verify", stdout=StringIO())
    with pytest.raises(CommandError, match="may not"):
        call_command("audit", "verify", "--as", "police", stdout=StringIO())


def test_it_shows_who_saw_a_case(main_case, client, pu):
    from io import StringIO

    from django.core.management import call_command

    client.force_login(pu.user)
    client.get(f"/cases/{main_case.pk}/")
    out = StringIO()
    call_command(
        "audit",
        "show",
        "--object",
        f"cases.asylumcase:{main_case.pk}",
        "--verb",
        "case.viewed",
        stdout=out,
    )
    lines = out.getvalue().splitlines()
    assert "pu" in lines[0] and "case.viewed" in lines[0] and "via web" in lines[0]
    assert lines[-1] == "1 event(s)."
