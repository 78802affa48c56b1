"""The review command: the queue, one proposal, accept (with edits), merge and reject
through the service functions; who may; and every refusal writes nothing."""

import json
from datetime import datetime
from io import StringIO
from itertools import takewhile
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.db.models import Max

from borderwatch import cli
from borderwatch.access.models import AuditEvent
from borderwatch.border.models import Incident
from borderwatch.sources import services
from borderwatch.sources.models import ProposedEvent

from .helpers import article

OSLO = ZoneInfo("Europe/Oslo")
MONDAY = datetime(2025, 8, 25, 12, 0, tzinfo=OSLO)
MAIN_REF = "scenario:2025-08-22-grense-jakobselv"


def proposals(actor):
    done = services.ingest_report(actor=actor, text=article(), published_at=MONDAY, channel="page")
    return done.report, done.proposals


def run(*args) -> str:
    out = StringIO()
    call_command("review", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def written():
    """What a refused review must leave as it was."""
    return (
        Incident.objects.count(),
        AuditEvent.objects.count(),
        sorted(ProposedEvent.objects.values_list("pk", "status", "incident_id", "review_note")),
        sorted(Incident.sources.through.objects.values_list("incident_id", "sourcereport_id")),
    )


def no_such(model) -> str:
    """An id no row has (sequences are not reset between tests: never a literal)."""
    return str((model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1000)


def verbs_since(seq: int) -> list[str]:
    return list(
        AuditEvent.objects.filter(seq__gt=seq).order_by("seq").values_list("verb", flat=True)
    )


def last_seq() -> int:
    return AuditEvent.objects.aggregate(m=Max("seq"))["m"] or 0


# --- list and show ---------------------------------------------------------------------------


def test_list_shows_the_waiting_proposals_newest_first_with_the_counts(police):
    _, events = proposals(police)
    before = last_seq()
    lines = run("list").splitlines()
    assert lines[0] == "Waiting for review (4), newest first:"
    newest_first = sorted(events, key=lambda e: (e.created_at, e.pk), reverse=True)
    assert [line.split()[0] for line in lines[1:5]] == [f"#{e.pk}" for e in newest_first]
    main = next(line for line in lines if line.startswith(f"#{events[0].pk} "))
    assert '"on Friday" [day 2025-08-22..2025-08-23]' in main
    assert "Grense Jakobselv" in main and "people 1" in main and " RU " in main
    assert "0.95" in main and "Russian soldier Seeks Asylum" in main
    assert lines[5] == "Counts: proposed 4, accepted 0, merged 0, rejected 0."
    assert "may read the queue but not review" in lines[6]  # the console operator
    assert "may read" not in run("list", "--as", "police")
    assert last_seq() == before  # reading is not audited, and nothing changed


def test_list_as_json_with_a_status_and_a_limit(police):
    _, (main, second, *_) = proposals(police)
    body = json.loads(run("list", "--json", "--as", "police"))
    assert body["counts"] == {"proposed": 4, "accepted": 0, "merged": 0, "rejected": 0}
    assert body["may_review"] is True and body["status"] == "proposed"
    assert {p["id"] for p in body["proposals"]} == set(
        ProposedEvent.objects.values_list("pk", flat=True)
    )
    first = next(p for p in body["proposals"] if p["id"] == main.pk)
    assert first["report_title"].startswith("Russian soldier") and first["places"] == [
        "Grense Jakobselv"
    ]
    assert datetime.fromisoformat(first["created_at"]) == main.created_at
    assert len(json.loads(run("list", "--json", "--limit", "2"))["proposals"]) == 2
    assert json.loads(run("list", "--json"))["may_review"] is False
    run("reject", str(second.pk), "--reason", "older news", "--as", "police")
    rejected = json.loads(run("list", "--json", "--status", "rejected"))
    assert [p["id"] for p in rejected["proposals"]] == [second.pk]
    assert rejected["counts"]["rejected"] == 1 and rejected["counts"]["proposed"] == 3
    assert f"#{second.pk} " in run("list", "--status", "rejected") and "(older news)" in run(
        "list", "--status", "rejected"
    )


def test_show_gives_the_fields_the_evidence_and_the_candidates(story, police):
    _, (main, *_) = proposals(police)
    incident = Incident.objects.get(external_ref=MAIN_REF)
    text = run("show", str(main.pk), "--as", "police")
    assert text.startswith(f"Proposal #{main.pk} (Waiting for review): ")
    assert "  place                          Grense Jakobselv" in text
    assert "  start                          2025-08-22" in text
    assert "  persons_count_is_lower_bound   false" in text
    # each sentence once, its evidence spans under it
    when = next(e for e in main.data["evidence"] if e["field"] == "when")
    lines = text.splitlines()
    at = lines.index("  " + services._sentence(main.report.text, when["start"], when["end"]))
    spans = list(takewhile(lambda line: line.startswith("    "), lines[at + 1 :]))
    assert f'    when             "on Friday" [{when["start"]}:{when["end"]}]' in spans
    assert f"  {incident.reference}  score 9 " in text
    assert "same place, periods overlap, same nationality, same number of persons" in text

    body = json.loads(run("show", f"#{main.pk}", "--json"))
    assert body["proposal"]["id"] == main.pk and body["may_review"] is False
    assert body["fields"] == services.proposed_fields(main)
    assert body["evidence"] and all(e["text"] in e["sentence"] for e in body["evidence"])
    top = body["candidates"][0]
    assert (top["reference"], top["id"], top["score"]) == (incident.reference, incident.pk, 9)
    assert top["reasons"][0] == "same place" and top["when"] == incident.when


# --- reviewing ------------------------------------------------------------------------------


def test_accept_opens_the_incident_with_the_edits(police):
    report, (main, *_) = proposals(police)
    before = last_seq()
    out = run(
        "accept",
        str(main.pk),
        "--set",
        "persons_count=2",
        "--set",
        "persons_count_is_lower_bound=true",
        "--set",
        "summary=A soldier crossed near the river.",
        "--as",
        "police",
    )
    incident = Incident.objects.get()
    assert out == (
        f"Proposal #{main.pk} accepted as {incident.reference} "
        f"(report {report.pk} linked as its source).\n"
    )
    assert incident.persons_count == 2 and incident.persons_count_is_lower_bound
    assert incident.summary == "A soldier crossed near the river."
    assert incident.place.name == "Grense Jakobselv" and incident.nationality == "RU"
    assert incident.occurred_from == datetime(2025, 8, 22, tzinfo=OSLO)
    assert incident.owning_unit == police.unit
    assert list(incident.sources.all()) == [report]
    main.refresh_from_db()
    assert main.status == "accepted" and main.incident == incident
    assert main.reviewed_by == police.user
    assert verbs_since(before) == [
        "incident.opened",
        "incident.source_linked",
        "source.event_accepted",
    ]
    row = AuditEvent.objects.get(verb="source.event_accepted")
    assert row.channel == "cli" and row.actor == police.user
    assert row.target_id == str(main.pk) and row.related_id == str(incident.pk)
    assert row.payload == {
        "report": report.pk,
        "incident": incident.pk,
        "edited": ["persons_count", "persons_count_is_lower_bound", "summary"],
    }


def test_a_value_typed_as_proposed_is_not_an_edit(guard):
    _, (main, *_) = proposals(guard)
    run("accept", str(main.pk), "--set", "persons_count=1", "--as", "guard")
    # the same value as proposed, typed: not an edit
    assert AuditEvent.objects.get(verb="source.event_accepted").payload["edited"] == []
    assert Incident.objects.get().owning_unit == guard.unit


def test_merge_links_the_report_to_the_incident(story, police):
    report, (main, *_) = proposals(police)
    incident = Incident.objects.get(external_ref=MAIN_REF)
    incident.sources.clear()
    count = Incident.objects.count()
    before = last_seq()
    out = run("merge", str(main.pk), incident.reference, "--as", "police")
    assert out == (
        f"Proposal #{main.pk} merged into {incident.reference} "
        f"(report {report.pk} linked as a source).\n"
    )
    assert Incident.objects.count() == count and report in incident.sources.all()
    main.refresh_from_db()
    assert main.status == "merged" and main.incident == incident
    assert verbs_since(before) == ["incident.source_linked", "source.event_merged"]
    row = AuditEvent.objects.get(verb="source.event_merged")
    assert row.payload == {"report": report.pk, "incident": incident.pk}
    assert row.channel == "cli"


def test_reject_keeps_the_reason(police):
    _, (main, *_) = proposals(police)
    before = last_seq()
    assert run("reject", str(main.pk), "--reason", "Not a crossing", "--as", "police") == (
        f"Proposal #{main.pk} rejected.\n"
    )
    main.refresh_from_db()
    assert main.status == "rejected" and main.review_note == "Not a crossing"
    assert main.incident is None and Incident.objects.count() == 0
    assert verbs_since(before) == ["source.event_rejected"]
    row = AuditEvent.objects.get(verb="source.event_rejected")
    assert row.reason == "Not a crossing" and row.target_id == str(main.pk)


# --- refusals: a one-line error, nothing written -------------------------------------------


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        (["colour=red"], r"^colour: Unknown field\(s\): colour\. The fields are: start, end"),
        (["nationality=Russia"], "^nationality must be a two-letter country code"),
        (["place=Atlantis"], "^place: 'Atlantis' is not a place of the gazetteer"),
        (["start=yesterday"], "^start: Give the day as YYYY-MM-DD, not 'yesterday'"),
        (["start=2025-08-23", "end=2025-08-22"], "^end: The period must end after it starts"),
        (["persons_count=many"], "^persons_count: The number of persons is a whole number"),
        (["persons_count=-1"], "^persons_count: The number of persons cannot be negative"),
        (["persons_count_is_lower_bound=maybe"], "^persons_count_is_lower_bound: give true or"),
        (["detection_method=telepathy"], "detection_method"),
        (["persons_count=2", "persons_count=3"], "^persons_count: set twice"),
        (["summary"], "^--set takes FIELD=VALUE, not 'summary'"),
    ],
)
def test_a_bad_field_or_value_is_named_and_nothing_is_written(police, edits, message):
    _, (main, *_) = proposals(police)
    before = written()
    sets = [arg for edit in edits for arg in ("--set", edit)]
    with pytest.raises(CommandError, match=message):
        run("accept", str(main.pk), *sets, "--as", "police")
    assert written() == before


def test_a_bad_or_unknown_id_is_refused(police):
    _, (main, *_) = proposals(police)
    before = written()
    missing = no_such(ProposedEvent)
    for args in (
        ("show", missing),
        ("accept", missing, "--as", "police"),
        ("reject", missing, "--reason", "x", "--as", "police"),
    ):
        with pytest.raises(CommandError, match=f"No proposed event {missing} that you may see"):
            run(*args)
    with pytest.raises(CommandError, match="'abc' is not a proposal id"):
        run("accept", "abc", "--as", "police")
    assert written() == before


def test_an_unknown_or_hidden_incident_is_refused(story, police, other_police, guard):
    _, (main, *_) = proposals(police)
    incident = Incident.objects.get(external_ref=MAIN_REF)
    incident.sources.clear()
    before = written()
    missing = no_such(Incident)
    with pytest.raises(CommandError, match=f"No incident {missing} that you may see"):
        run("merge", str(main.pk), f"INC-{int(missing):06d}", "--as", "police")
    with pytest.raises(CommandError, match="'banana' is not a INC reference"):
        run("merge", str(main.pk), "banana", "--as", "police")
    # another police district does not see Finnmark's incident: 404, not 403
    with pytest.raises(CommandError, match=f"No incident {incident.pk} that you may see"):
        run("merge", str(main.pk), incident.reference, "--as", "other_police")
    # a border guard sees it (its section) but may not change another unit's incident
    with pytest.raises(CommandError, match="may not"):
        run("merge", str(main.pk), incident.reference, "--as", "guard")
    assert written() == before


def test_a_second_review_is_a_conflict(police):
    _, (main, *_) = proposals(police)
    run("accept", str(main.pk), "--as", "police")
    incident = Incident.objects.get()
    before = written()
    conflict = rf"not waiting for review any more: accepted as a new incident \({incident}\)"
    for args in (
        ("accept", str(main.pk)),
        ("reject", str(main.pk), "--reason", "duplicate"),
        ("merge", str(main.pk), incident.reference),
    ):
        with pytest.raises(CommandError, match=conflict):
            run(*args, "--as", "police")
    assert written() == before


def test_an_empty_reason_is_refused(police):
    _, (main, *_) = proposals(police)
    before = written()
    with pytest.raises(CommandError, match="^reason: Say why the proposal is rejected"):
        run("reject", str(main.pk), "--reason", "  ", "--as", "police")
    with pytest.raises(CommandError, match="--reason"):
        run("reject", str(main.pk), "--as", "police")
    assert written() == before


@pytest.mark.parametrize("persona", ["analyst", "pst", "pu"])
def test_a_reader_who_may_not_review_is_refused(police, persona):
    _, (main, *_) = proposals(police)
    assert f"#{main.pk} " in run("list", "--as", persona)  # they read the queue
    assert f"Proposal #{main.pk} " in run("show", str(main.pk), "--as", persona)
    before = written()
    refused = "Only border guards and police operations put proposed events into the record"
    for args in (
        ("accept", str(main.pk)),
        ("reject", str(main.pk), "--reason", "no"),
        ("merge", str(main.pk), f"INC-{int(no_such(Incident)):06d}"),
    ):
        with pytest.raises(CommandError, match=refused):
            run(*args, "--as", persona)
    assert written() == before


@pytest.mark.parametrize("persona", ["lawyer", "udi", "admin"])
def test_someone_who_may_not_read_reports_sees_no_proposal(police, persona):
    _, (main, *_) = proposals(police)
    before = written()
    with pytest.raises(CommandError, match="may not"):
        run("list", "--as", persona)
    for args in (
        ("show", str(main.pk)),
        ("accept", str(main.pk)),
        ("reject", str(main.pk), "--reason", "no"),
    ):
        with pytest.raises(CommandError, match=f"No proposed event {main.pk} that you may see"):
            run(*args, "--as", persona)
    assert written() == before


def test_the_console_operator_reads_but_is_told_to_act_as_a_reviewer(police):
    _, (main, *_) = proposals(police)
    before = written()
    with pytest.raises(CommandError, match="console operator.*--as USERNAME"):
        run("accept", str(main.pk))
    with pytest.raises(CommandError, match="console operator"):
        run("reject", str(main.pk), "--reason", "no")
    assert written() == before


def test_a_refusal_exits_non_zero_with_one_line(police, monkeypatch, capsys):
    _, (main, *_) = proposals(police)
    run("accept", str(main.pk), "--as", "police")
    before = written()
    # run_from_argv closes the connections when done; the test's transaction needs its own
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as done:
        cli.main(["review", "reject", str(main.pk), "--reason", "dup", "--as", "police"])
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("CommandError: This proposal is not waiting for review any more")
    assert len(err.strip().splitlines()) == 1
    assert written() == before
