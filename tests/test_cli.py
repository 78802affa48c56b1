"""The borderwatch command: each subcommand, its --help, and wrong input."""

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from borderwatch.access.models import AuditEvent


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_prints_the_timeline_in_order_with_who_did_what(main_case):
    text = run("timeline", main_case.reference)
    lines = text.splitlines()
    assert lines[0] == f"{main_case.reference}: Accepted by the immigration unit (owned by PU)"
    assert "Fri 22 Aug 2025 07:15 CEST" in lines[1] and "Detection (Border patrol)" in lines[1]
    order = [
        "Detection",
        "Search started",
        "Apprehended",
        "Police questioning",
        "Protection claimed",
        "Defence counsel",
        "Security service (PST) notified",
        "Custody ended",
        "Referred from Finnmark PD to PU",
        "Referral accepted",
    ]
    positions = [text.index(step) for step in order]
    assert positions == sorted(positions)
    assert "Trond P. Biti" in text
    assert AuditEvent.objects.filter(verb="case.viewed", channel="cli").exists()


def test_it_prints_the_timeline_as_json(main_case):
    data = json.loads(run("timeline", str(main_case.pk), "--json"))
    assert data["case"] == main_case.reference
    assert data["timeline"][0]["what"] == "Detection (Border patrol)"


def test_it_applies_the_policy_to_the_acting_user(main_case):
    with pytest.raises(CommandError, match=f"No case {main_case.pk} that you may see"):
        run("timeline", main_case.reference, "--as", "guard")
    assert "Referral accepted" in run("timeline", main_case.reference, "--as", "lawyer")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("timeline", "CASE-999999999"), "No case 999999999"),
        (("timeline", "banana"), "not a CASE reference"),
        (("timeline", "CASE-999999999", "--as", "nobody"), "No active user 'nobody'"),
        (("timeline", "CASE-999999999", "--unit", "pu"), "--unit needs --as"),
        (("timeline", "CASE-999999999", "--as", "pu", "--unit", "pst"), "not a member of"),
        (("stats", "count", "--since", "2023-13-01"), "write it as YYYY-MM-DD"),
        (("stats", "count", "--nationality", "Russia"), "two-letter country code"),
        (("stats", "count", "--as", "lawyer"), "may not"),
        (("stats", "breakdown", "--dimensions", "colour"), "dimensions may be"),
        (("stats", "breakdown", "--period", "decade"), "invalid choice"),
        (("stats", "export", "--format", "xlsx"), "invalid choice"),
        (("stats", "export", "--as", "lawyer"), "may not"),
    ],
)
def test_it_explains_wrong_input_and_changes_nothing(story, args, message):
    before = AuditEvent.objects.count()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert AuditEvent.objects.count() == before


def test_it_counts_with_the_records_behind_the_count(main_case):
    text = run(
        "stats", "count", "--since", "2023-01-01", "--nationality", "RU", "--country-entered", "NO"
    )
    assert text.startswith(
        f"{main_case.incident.reference} (Fri 22 Aug 2025, Grense "
        "Jakobselv) is at least the 4th (at most the 6th) reported "
        "incident since 2023-01-01."
    )
    assert "Why this is a bound:" in text
    assert "Records (4):" in text
    assert "source: Russian soldier Seeks Asylum in Norway" in text


def test_it_counts_persons_as_json(story):
    data = json.loads(
        run(
            "stats",
            "count",
            "--since",
            "2023-01-01",
            "--nationality",
            "RU",
            "--country-entered",
            "NO",
            "--by",
            "person",
            "--json",
        )
    )
    assert data["count"] == {"min": 6, "max": 6, "exact": True}
    assert data["counts"] == "person"
    assert len(data["records"]) == 4


def test_it_breaks_the_count_down_per_quarter_with_the_imprecise_records(story):
    text = run(
        "stats",
        "breakdown",
        "--since",
        "2023-01-01",
        "--until",
        "2023-12-31",
        "--period",
        "quarter",
    )
    assert text.startswith("Reported incidents from 2023-01-01 to 2023-12-31, per quarter:")
    assert "  Q1 2023  1–4" in text
    assert (
        "autumn 2023: known less precisely than a quarter; may fall in Q3 2023 to Q4 2023." in text
    )
    assert AuditEvent.objects.filter(verb="stats.queried", channel="cli").exists()


def test_it_exports_the_selected_incidents_without_persons(main_case):
    text = run("stats", "export", "--nationality", "RU")
    assert text.splitlines()[0].startswith("reference,period_start,period_end,time_precision")
    assert len(text.splitlines()) == 5
    assert AuditEvent.objects.filter(verb="stats.exported", channel="cli").exists()


def test_it_loads_the_scenario_once(world, monkeypatch):
    monkeypatch.setenv("BORDERWATCH_DEMO_PASSWORD", "demo password for tests")
    assert "Loaded the founding scenario" in run("scenario", "load")
    assert "nothing changed" in run("scenario", "load")


def test_it_prepares_the_demo_and_prints_the_sign_ins(db, monkeypatch):
    monkeypatch.setenv("BORDERWATCH_DEMO_PASSWORD", "demo password for tests")
    text = run("demo", "--no-serve")
    assert "http://127.0.0.1:8000/accounts/login/" in text
    for user in ("guard", "police", "pu", "udi", "pst", "lawyer", "analyst", "admin"):
        assert f"  {user} " in text
    assert "Password for every demo user: demo password for tests" in text


def test_it_refuses_to_serve_on_a_port_in_use(db):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(CommandError, match=f"Cannot listen on 127.0.0.1:{port}"):
            run("serve", "--port", str(port))
    with pytest.raises(CommandError, match="not a TCP port"):
        run("serve", "--port", "70000")


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["demo", "--help"],
        ["serve", "--help"],
        ["scenario", "--help"],
        ["scenario", "load", "--help"],
        ["timeline", "--help"],
        ["stats", "--help"],
        ["stats", "count", "--help"],
        ["stats", "breakdown", "--help"],
        ["stats", "export", "--help"],
    ],
)
def test_every_subcommand_has_help(argv):
    done = subprocess.run(
        [sys.executable, "-m", "borderwatch.cli", *argv], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_it_says_what_to_do_when_the_database_is_not_set_up_or_not_there(tmp_path):
    import os

    report = tmp_path / "report.txt"
    report.write_text("Two men crossed the border at Storskog on Monday.", encoding="utf-8")

    def borderwatch(database_url, *argv):
        env = {**os.environ, "DATABASE_URL": database_url}
        return subprocess.run(
            [sys.executable, "-m", "borderwatch.cli", *argv],
            capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip

    empty = borderwatch(f"sqlite:///{tmp_path / 'new.sqlite3'}", "extract", str(report))
    assert empty.returncode == 1 and "Traceback" not in empty.stderr, empty.stderr
    assert "has no borderwatch tables yet" in empty.stderr
    assert "run 'borderwatch migrate' first" in empty.stderr
    down = borderwatch("postgres://nobody@127.0.0.1:1/borderwatch", "audit", "verify")
    assert down.returncode == 1 and "Traceback" not in down.stderr, down.stderr
    assert "borderwatch audit: cannot open the database (borderwatch on 127.0.0.1)" in down.stderr
