"""The ingest, extract and extraction commands."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from borderwatch.access.models import AuditEvent
from borderwatch.sources.models import ProposedEvent, SourceReport

from .helpers import ARTICLE, CORPUS, make_pdf


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    (tmp_path / "article.txt").write_bytes(ARTICLE.read_bytes())
    (tmp_path / "again.txt").write_bytes(ARTICLE.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "log.pdf").write_bytes(
        make_pdf(["Two Russian men crossed the Pasvik river near Svanvik on Saturday."])
    )
    (tmp_path / "page.html").write_text(
        "<html><head><title>Crossing</title></head><body><p>A man from Russia crossed "
        "near Korpfjell on Sunday and asked for asylum.</p></body></html>",
        encoding="utf-8",
    )
    return tmp_path


def test_it_ingests_a_batch_and_goes_on_past_a_bad_file(files, world):
    names = ["article.txt", "again.txt", "empty.txt", "log.pdf", "page.html", "missing.txt"]
    paths = [str(files / n) for n in names]
    with pytest.raises(CommandError, match="2 of 6 files could not be stored"):
        out, err = StringIO(), StringIO()
        try:
            call_command("ingest", *paths, "--published", "2025-08-25", stdout=out, stderr=err)
        finally:
            text, errors = out.getvalue(), err.getvalue()
    assert "6 files: 3 stored, 1 already stored, 2 not read; 6 events proposed for review." in text
    assert f"{paths[0]}: stored as report" in text and "4 events proposed" in text
    assert f"{paths[1]}: already stored as report" in text
    assert "Not read: empty.txt: the file is empty." in errors
    assert "missing.txt: no such file." in errors
    assert SourceReport.objects.count() == 3
    assert set(SourceReport.objects.values_list("channel", flat=True)) == {"cli"}
    report = SourceReport.objects.get(file_name=paths[0])
    assert report.published_at.date().isoformat() == "2025-08-25"
    assert ProposedEvent.objects.filter(report=report).count() == 4
    assert AuditEvent.objects.filter(verb="source.recorded").count() == 3


def test_it_ingests_as_a_user_under_the_policy(files, world):
    out, _ = run("ingest", str(files / "article.txt"), "--as", "guard")
    assert "1 file: 1 stored" in out
    assert SourceReport.objects.get().recorded_by.username == "guard"
    with pytest.raises(CommandError, match="You may not do this"):
        run("ingest", str(files / "page.html"), "--as", "lawyer")


def test_extract_prints_the_contract_as_json_per_file(files, db):
    out, _ = run(
        "extract",
        str(files / "article.txt"),
        str(files / "page.html"),
        "--json",
        "--published",
        "2025-08-25",
    )
    first, second = [json.loads(line) for line in out.splitlines()]
    assert first["source"] == {
        "title": "Russian soldier Seeks Asylum in Norway,Citing Opposition to Ukraine War",
        "outlet": None,
        "published": "2025-08-25",
    }
    main = first["events"][0]
    assert set(main) == {
        "role",
        "when",
        "places",
        "country_entered",
        "country_left",
        "people",
        "nationality",
        "affiliation",
        "detection",
        "outcomes",
        "evidence",
        "confidence",
    }
    assert main["when"]["start"] == "2025-08-22" and main["when"]["precision"] == "day"
    assert second["source"]["title"] == "Crossing"
    assert second["events"][0]["places"] == ["Korpfjell"]
    assert SourceReport.objects.count() == 0
    assert AuditEvent.objects.filter(verb="source.extracted").count() == 2


def test_extract_without_a_publication_day_says_unknown(files, db):
    out, _ = run("extract", str(files / "article.txt"), "--json")
    main = json.loads(out)["events"][0]
    assert main["when"]["precision"] == "unknown" and main["when"]["start"] is None


def test_extract_reports_an_unreadable_file_and_goes_on(files, db):
    with pytest.raises(CommandError, match="1 of 2 file"):
        run("extract", str(files / "empty.txt"), str(files / "article.txt"))


def test_extraction_evaluate_scores_a_folder(db):
    out, _ = run("extraction", "evaluate", str(CORPUS / "dev"), "--json")
    body = json.loads(out)
    assert body["documents"] >= 25
    assert set(body["fields"]) >= {"events", "when", "places", "detection", "outcomes"}
    # the rules were tuned on most of these texts; the latest rounds joined after scoring,
    # before any tuning on them, and the 90 Norwegian texts (aq* to as*, 0.08 to 0.26 when
    # they joined) were written for reading Norwegian, which the rules have not yet begun
    # (0.856 when rounds 82-86, 0.69 held out, joined: 2,636 texts)
    assert body["micro"]["f1"] >= 0.85
    out, _ = run("extraction", "evaluate", str(CORPUS / "test"))
    assert "all (micro)" in out


def test_extraction_evaluate_against_a_second_annotator(db, tmp_path):
    gold, other = tmp_path / "gold", tmp_path / "other"
    gold.mkdir()
    other.mkdir()
    event = _answer()["events"][0]
    for name in ("a", "b", "c"):
        (gold / f"{name}.txt").write_text("Two Syrians crossed at Storskog.", encoding="utf-8")
        (gold / f"{name}.json").write_text(json.dumps({"published": None, "events": [event]}))
    (other / "a.json").write_text(json.dumps({"published": None, "events": [event]}))
    # the second annotator heard of one more person and no detention; c: not annotated
    changed = {**event, "people": {"count": 3, "lower_bound": False}, "outcomes": []}
    (other / "b.json").write_text(json.dumps({"published": None, "events": [changed]}))

    out, _ = run("extraction", "evaluate", str(gold), "--against", str(other), "--json")
    body = json.loads(out)
    assert body["documents"] == 2
    assert body["fields"]["events"]["f1"] == 1.0
    assert body["fields"]["people"]["tp"] == 1 and body["fields"]["people"]["fn"] == 1
    assert body["fields"]["outcomes"]["fn"] == 1 and body["fields"]["outcomes"]["fp"] == 0
    assert body["micro"]["f1"] < 1.0

    out, _ = run("extraction", "evaluate", str(gold), "--against", str(gold))
    assert "all (micro)       1.000  1.000  1.000" in out
    with pytest.raises(CommandError, match="is not a folder"):
        run("extraction", "evaluate", str(gold), "--against", str(tmp_path / "missing"))
    (other / "a.json").write_text(json.dumps({"published": None}))
    with pytest.raises(CommandError, match="the first, a.json: 'events' must be a list"):
        run("extraction", "evaluate", str(gold), "--against", str(other))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CommandError, match="with a NAME.json in"):
        run("extraction", "evaluate", str(gold), "--against", str(empty))


def _answer(**changes):
    event = {
        "role": "main",
        "when": {"start": "2025-08-22", "end": "2025-08-23", "precision": "day", "text": "x"},
        "places": ["Grense Jakobselv"],
        "country_entered": "NO",
        "country_left": "RU",
        "people": {"count": 1, "lower_bound": False},
        "nationality": "RU",
        "affiliation": "armed forces",
        "detection": ["border_patrol", "uav"],
        "outcomes": ["detained"],
    }
    answer = {"published": "2025-08-25", "title": "T", "outlet": "", "kind": "wire"}
    return {**answer, "events": [{**event, **changes}]}


def test_extraction_check_passes_the_corpus_and_names_every_problem_of_a_folder(db, tmp_path):
    for part in ("dev", "test"):
        out, _ = run("extraction", "check", str(CORPUS / part))
        assert out.strip().endswith("annotated texts, no problems.")
    (tmp_path / "good.txt").write_text("A man crossed at Grense Jakobselv.", encoding="utf-8")
    (tmp_path / "good.json").write_text(json.dumps(_answer()), encoding="utf-8")
    out, _ = run("extraction", "check", str(tmp_path))
    assert "1 annotated texts, no problems." in out

    bad = {
        "places": ["Pasvik Valley", "Storskog"],
        "when": {"start": "2025-08-23", "end": "2025-08-23", "precision": "day", "text": ""},
        "people": {"count": 0, "lower_bound": False},
        "nationality": "Russian",
        "affiliation": "Wagner",
        "detection": ["drone"],
        "outcomes": ["detained", "detained"],
        "extra": 1,
    }
    (tmp_path / "bad.txt").write_text("text", encoding="utf-8")
    (tmp_path / "bad.json").write_text(json.dumps({**_answer(**bad), "kind": "blog"}))
    (tmp_path / "broken.txt").write_text("text", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"events": [', encoding="utf-8")
    (tmp_path / "alone.txt").write_text("text", encoding="utf-8")
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    (tmp_path / "empty.json").write_text(json.dumps(_answer()), encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Sør-Varanger".encode("latin-1"))
    (tmp_path / "latin.json").write_text(json.dumps(_answer()), encoding="utf-8")
    stdout = StringIO()
    with pytest.raises(CommandError, match="5 of the files in .* have problems"):
        call_command("extraction", "check", str(tmp_path), stdout=stdout)
    out = stdout.getvalue()
    for problem in (
        "bad.json: 'kind' must be one of wire,",
        "bad.json: event 1: 'extra' is not a field of an event",
        "bad.json: event 1: when.end must be after when.start",
        "bad.json: event 1: 'Pasvik Valley' is not a gazetteer name",
        "bad.json: event 1: people.count must be a whole number of 1 or more, or null",
        "bad.json: event 1: nationality must be an ISO 3166-1 alpha-2 code or null",
        "bad.json: event 1: affiliation must be one of Wagner Group, armed forces, FSB",
        "bad.json: event 1: detection must be a list from border_patrol,",
        "bad.json: event 1: a value of outcomes is listed twice",
        "broken.json: not JSON: Expecting value (line 1, column 13)",
        "alone.txt: no answer file beside it (NAME.json)",
        "empty.txt: the text is empty",
        "latin.txt: not UTF-8",
    ):
        assert problem in out
    assert "good." not in out


def test_extraction_check_and_evaluate_refuse_a_folder_that_is_not_one(db, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        run("extraction", "check", str(tmp_path / "missing"))
    with pytest.raises(CommandError, match="holds no NAME.txt"):
        run("extraction", "check", str(tmp_path))
    (tmp_path / "a.txt").write_text("A man crossed at Storskog.", encoding="utf-8")
    answer = _answer(role="news")
    answer["events"].append({**answer["events"][0], "role": "main"})
    (tmp_path / "a.json").write_text(json.dumps(answer), encoding="utf-8")
    # scoring reads only `published` and `events`: a bad event stops it before any score
    with pytest.raises(CommandError, match="a.json: event 1: role must be 'main' or"):
        run("extraction", "evaluate", str(tmp_path))


def test_the_corpus_agrees_with_its_blind_second_annotation(db):
    # 60 dev texts annotated again by readers of the README alone: an edit to dev's answers
    # that departs from the written conventions shows here
    out, _ = run(
        "extraction",
        "evaluate",
        str(CORPUS / "dev"),
        "--against",
        str(CORPUS / "agreement"),
        "--json",
    )
    body = json.loads(out)
    assert body["documents"] == 60
    assert body["micro"]["f1"] >= 0.95


def test_extraction_show_and_rerun(files, world):
    run("ingest", str(files / "article.txt"), "--published", "2025-08-25")
    report = SourceReport.objects.get()
    out, _ = run("extraction", "show", str(report.pk))
    assert "Grense Jakobselv" in out and "[proposed]" in out
    out, _ = run("extraction", "rerun", str(report.pk), "--as", "police")
    assert "4 event(s) proposed" in out
    assert ProposedEvent.objects.filter(status="superseded").count() == 4
    with pytest.raises(CommandError, match="No report"):
        run("extraction", "show", str(report.pk), "--as", "lawyer")


def test_ingest_says_what_it_proposed_for_a_report_stored_before_without_extraction(files, world):
    out, _ = run("ingest", str(files / "article.txt"), "--published", "2025-08-25", "--no-extract")
    assert "0 events proposed for review" in out
    assert ProposedEvent.objects.count() == 0
    out, _ = run("ingest", str(files / "article.txt"), "--published", "2025-08-25")
    report = SourceReport.objects.get()
    assert f"already stored as report {report.pk}; 4 events proposed now" in out
    assert "1 already stored" in out and "4 events proposed for review." in out
    out, _ = run("ingest", str(files / "article.txt"), "--published", "2025-08-25")
    assert "0 events proposed for review." in out  # read by this extractor already
    assert ProposedEvent.objects.count() == 4


def test_ingest_takes_the_language_from_the_text_unless_told(tmp_path, world):
    (tmp_path / "logg.txt").write_text(
        "Kl. 0315: to personer observert på kamera ved Pasvikelva. De ble pågrepet kl. 0410 "
        "og søkte om beskyttelse.",
        encoding="utf-8",
    )
    (tmp_path / "log.txt").write_text("Two men crossed the river at Svanvik on Sunday.")
    run("ingest", str(tmp_path / "logg.txt"), str(tmp_path / "log.txt"), "--no-extract")
    assert dict(SourceReport.objects.values_list("file_name", "language")) == {
        str(tmp_path / "logg.txt"): "no",
        str(tmp_path / "log.txt"): "en",
    }
    (tmp_path / "third.txt").write_text("Three men crossed the river at Svanvik on Sunday.")
    run("ingest", str(tmp_path / "third.txt"), "--language", "no", "--no-extract")
    assert SourceReport.objects.get(file_name=str(tmp_path / "third.txt")).language == "no"
