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


# --- verification in several processes (PostgreSQL; SQLite checks in one) ----------------


@pytest.fixture
def chain(transactional_db, console):
    """Forty committed rows: worker processes read them through their own connections."""
    for n in range(40):
        audit.record(console, "scenario.loaded", payload={"n": n, "name": "Grense Jakobselv"})
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()


def _verify_in_parts(workers=3):
    return audit.verify_chain(batch_size=4, workers=workers, parallel_from=0)


def test_it_verifies_in_several_processes_as_in_one(chain):
    one, parts = audit.verify_chain(batch_size=4), _verify_in_parts()
    assert one.ok and parts.ok
    assert one.checked == parts.checked == chain


@pytest.mark.parametrize("where", ["first", "join", "middle", "last"])
def test_several_processes_name_the_same_altered_row_as_one(chain, where):
    seq = {"first": 1, "join": chain // 3 + 1, "middle": chain // 2, "last": chain}[where]
    _behind_the_databases_back(
        "UPDATE access_auditevent SET reason = %s WHERE seq = %s", ["edited", seq]
    )
    one, parts = audit.verify_chain(), _verify_in_parts()
    assert (one.first_broken_seq, one.problem) == (parts.first_broken_seq, parts.problem)
    assert parts.first_broken_seq == seq and "was altered" in parts.problem


@pytest.mark.parametrize("where", ["end of a part", "start of a part", "middle"])
def test_several_processes_find_a_missing_row(chain, where):
    seq = {"end of a part": chain // 3, "start of a part": chain // 3 + 1, "middle": 7}[where]
    _behind_the_databases_back("DELETE FROM access_auditevent WHERE seq = %s", [seq])
    parts = _verify_in_parts()
    assert not parts.ok
    assert parts.first_broken_seq == seq
    assert "missing" in parts.problem


def test_chain_bytes_are_what_each_hash_is_taken_over(chain):
    import hashlib

    hashes = list(AuditEvent.objects.order_by("seq").values_list("hash", flat=True))
    assert [hashlib.sha256(b).hexdigest() for b in audit.chain_bytes(batch_size=7)] == hashes


# --- form 2: the text the database rebuilds -------------------------------------------------


def _at(*args):
    from datetime import UTC, datetime

    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    "moment",
    [
        _at(2025, 8, 22, 7, 15),  # no fraction
        _at(2025, 8, 22, 7, 15, 0, 500000),  # trailing zeros dropped: .5
        _at(2025, 8, 22, 23, 59, 59, 1),
        _at(2026, 3, 29, 1, 30, 0, 120),  # the night the clocks change in Oslo
    ],
)
def test_the_database_rebuilds_the_hashed_text_exactly(console, db, moment):
    """Whatever a row holds (quotes, backslashes, new lines, Sámi and Cyrillic letters,
    nested JSON, no actor), verification rebuilds the bytes its hash was taken over."""
    import time_machine

    with time_machine.travel(moment, tick=False):
        audit.record(
            console,
            "scenario.loaded",
            reason='He said "no"\\n\tthen: Čáhppesjávri — Печенга; 50% \\ 1/2',
            payload={"n": 1.5, "nested": {"b": [1, None, True], "a": "Сторског"}, "é": ""},
            fields=["contact", "identity"],
        )
    event = AuditEvent.objects.order_by("-seq").first()
    assert event.at == moment and event.form == audit.FORM == 2
    assert event.payload["nested"]["a"] == "Сторског"
    report = audit.verify_chain()
    assert report.ok, report.problem


def test_the_separator_cannot_be_written_into_a_row(console, db):
    audit.record(console, "scenario.loaded", reason="a\x1fb")
    event = AuditEvent.objects.order_by("-seq").first()
    assert event.reason == "a\ufffdb"
    assert audit.verify_chain().ok


def test_text_moved_across_the_separator_is_found(story):
    """The columns of a row are joined by a separator no row written holds; text moved from
    one column into the next, with the separator, gives other bytes than were hashed."""
    event = AuditEvent.objects.exclude(target_type="").exclude(target_id="").order_by("seq")[3]
    _behind_the_databases_back(
        "UPDATE access_auditevent SET target_type = %s, target_id = '' WHERE seq = %s",
        [f"{event.target_type}\x1f{event.target_id}", event.seq],
    )
    report = audit.verify_chain()
    assert report.first_broken_seq == event.seq and "was altered" in report.problem


def _form_1_rows(console, n):
    """Rows as written before form 2 (hashed over a JSON object of the row)."""
    from django.utils import timezone

    last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
    seq, prev = last if last else (0, audit.GENESIS)
    for _ in range(n):
        seq += 1
        event = AuditEvent(
            seq=seq, at=timezone.now(), actor_name=console.name, verb="scenario.loaded",
            payload={"n": seq, "where": "Grense Jakobselv"}, channel="cli", prev_hash=prev,
            form=1,
        )  # fmt: skip
        event.hash = prev = audit.row_digest(event)
        event.save(force_insert=True)


def test_rows_of_both_forms_verify_in_one_chain(console, db):
    _form_1_rows(console, 5)
    for n in range(5):
        audit.record(console, "scenario.loaded", payload={"n": n})
    forms = list(AuditEvent.objects.order_by("seq").values_list("form", flat=True))
    assert forms == [1] * 5 + [2] * 5
    report = audit.verify_chain(batch_size=3)
    assert report.ok and report.checked == 10, report.problem


@pytest.mark.parametrize(
    ("sql", "seq", "problem"),
    [
        ("UPDATE access_auditevent SET payload = '{\"n\":2}' WHERE seq = 3", 3, "was altered"),
        ("UPDATE access_auditevent SET form = 2 WHERE seq = 4", 4, "was altered"),
        ("UPDATE access_auditevent SET form = 1 WHERE seq = 7", 7, "was altered"),
        ("DELETE FROM access_auditevent WHERE seq = 5", 5, "is missing"),
    ],
)
def test_tampering_is_found_in_rows_of_either_form(console, db, sql, seq, problem):
    _form_1_rows(console, 5)
    for n in range(5):
        audit.record(console, "scenario.loaded", payload={"n": n})
    _behind_the_databases_back(sql)
    report = audit.verify_chain()
    assert report.first_broken_seq == seq and problem in report.problem


@pytest.mark.parametrize("seq", [2, 9, 14])
def test_stretches_check_rows_of_both_forms_as_one_pass_does(transactional_db, console, seq):
    """Form-1 rows inside any stretch are checked (in Python) when stretches run at once."""
    _form_1_rows(console, 10)
    for n in range(8):
        audit.record(console, "scenario.loaded", payload={"n": n})
    assert _verify_in_parts().ok and _verify_in_parts().checked == 18
    _behind_the_databases_back(
        "UPDATE access_auditevent SET reason = 'edited' WHERE seq = %s", [seq]
    )
    one, parts = audit.verify_chain(), _verify_in_parts()
    assert (one.first_broken_seq, one.problem) == (parts.first_broken_seq, parts.problem)
    assert parts.first_broken_seq == seq and "was altered" in parts.problem
