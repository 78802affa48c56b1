"""Bulk import of incidents: good files, every kind of bad row, whole-file errors, the
policy, one audit event, and all or nothing when the write fails."""

import csv
import io
import json
import sys
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from borderwatch.access import audit
from borderwatch.access.models import AuditEvent
from borderwatch.border import geo, importing, spans
from borderwatch.border.importing import ImportFileError, import_incidents
from borderwatch.border.models import BorderSection, Incident, Place
from borderwatch.lib.errors import AccessDenied
from borderwatch.lib.timefmt import OSLO


def inside(code: str) -> tuple[str, str]:
    """(lat, lon) of a point inside the section, as text."""
    section = BorderSection.objects.get(code=code)
    point = geo.section_shape(section.geometry).representative_point()
    return f"{point.y:.5f}", f"{point.x:.5f}"


def good_rows() -> list[dict]:
    lat, lon = inside("storskog")
    return [
        dict(
            external_ref="old-1",
            occurred_from="2024-03-05T14:20:00+01:00",
            lat=lat,
            lon=lon,
            country_left="RU",
            country_entered="no",
            persons_count="12",
            nationality="SY",
            detection_method="patrol",
            summary="Twelve at the fence, with commas, a\ttab, a back\\slash, and a\nsecond line.",
        ),
        dict(
            external_ref="old-2",
            occurred_from="2023-09-01",
            time_precision="season",
            time_text="in the autumn of 2023",
            place="Pasvikdalen",  # a variant of "Pasvik valley"
            persons_count="1",
            claimed_affiliation="Wagner Group (claimed)",
            status="closed",
        ),
        dict(
            external_ref="old-3",
            occurred_from="2022-06-14",
            occurred_to="2022-06-16",
            time_precision="day",
            section="jakobselva",
            attempted_only="yes",
            persons_count="3",
            persons_count_is_lower_bound="true",
            crossings_uncertain="1",
            type="cross_border_crime",
        ),
    ]


def write_csv(path, rows, columns=None):
    columns = columns or sorted({k for r in rows for k in r}, key=importing.COLUMNS.index)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for r in rows:
            writer.writerow([r.get(c, "") for c in columns])
    return path


def write_ndjson(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def imported_events():
    return AuditEvent.objects.filter(verb="incident.imported")


def check_good_rows_landed(report, unit):
    assert (report.rows, report.imported, report.rejected) == (3, 3, 0)
    one = Incident.objects.get(external_ref="old-1")
    assert one.owning_unit == unit
    assert one.occurred_from == datetime(2024, 3, 5, 13, 20, tzinfo=UTC)
    assert one.occurred_to - one.occurred_from == timedelta(minutes=1)
    assert one.time_precision == "exact"
    assert one.section.code == "storskog"  # placed by position
    assert (one.country_left, one.country_entered, one.nationality) == ("RU", "NO", "SY")
    assert (one.impact_level, one.impact_rule) == ("high", "group-of-10")
    assert (
        one.summary
        == "Twelve at the fence, with commas, a\ttab, a back\\slash, and a\nsecond line."
    )
    assert one.detection_method == "patrol" and one.status == "open"
    two = Incident.objects.get(external_ref="old-2")
    pasvik = Place.objects.get(name="Pasvik valley")
    assert two.place == pasvik and two.section == pasvik.section
    assert (two.lat, two.lon, two.location_approximate) == (pasvik.lat, pasvik.lon, True)
    assert two.when == "autumn 2023"  # the period derived from the precision
    assert (two.impact_level, two.impact_rule) == ("medium", "claimed-armed-affiliation")
    assert two.status == "closed"
    three = Incident.objects.get(external_ref="old-3")
    assert three.section.code == "jakobselva" and three.lat is None
    assert three.occurred_to - three.occurred_from == timedelta(days=2)
    assert three.attempted_only and three.persons_count_is_lower_bound
    assert three.crossings_uncertain and three.type == "cross_border_crime"
    assert (three.impact_level, three.impact_rule) == ("medium", "group-of-3")
    ids = sorted(
        Incident.objects.filter(external_ref__startswith="old-").values_list("pk", flat=True)
    )
    assert (report.first_id, report.last_id) == (ids[0], ids[-1])
    event = imported_events().get()
    assert event.actor_name == "guard" and event.unit == unit
    assert event.payload["rows"] == 3 and event.payload["imported"] == 3
    assert event.payload["rejected"] == 0 and event.payload["first_id"] == ids[0]
    assert event.payload["sha256"] == report.sha256 and len(report.sha256) == 64
    assert not AuditEvent.objects.filter(verb="incident.opened").exists()  # not one per row
    assert audit.verify_chain().ok


def test_it_imports_a_good_csv_file(guard, tmp_path):
    path = write_csv(tmp_path / "old.csv", good_rows())
    report = import_incidents(path, actor=guard, rejects=tmp_path / "rejects.csv")
    assert spans.drift(connection) == 0  # PostgreSQL: the COPY kept the incident spans
    check_good_rows_landed(report, guard.unit)
    assert imported_events().get().payload["file"] == "old.csv"
    assert not (tmp_path / "rejects.csv").exists()
    assert report.summary() == "3 rows: 3 imported, 0 rejected"


def test_it_imports_a_good_ndjson_file_with_json_types(guard, tmp_path):
    rows = good_rows()
    rows[0] |= {"lat": float(rows[0]["lat"]), "lon": float(rows[0]["lon"]), "persons_count": 12}
    rows[2] |= {"attempted_only": True, "persons_count": 3, "crossings_uncertain": True}
    rows[2]["persons_count_is_lower_bound"] = True
    path = write_ndjson(tmp_path / "old.ndjson", rows)
    report = import_incidents(path, actor=guard)
    check_good_rows_landed(report, guard.unit)
    assert imported_events().get().payload["format"] == "ndjson"


def test_it_recomputes_the_levels_of_the_sections_it_wrote_to(guard, tmp_path):
    lat, lon = inside("storskog")
    recent = (timezone.now() - timedelta(days=2)).isoformat()
    rows = [dict(external_ref="big", occurred_from=recent, lat=lat, lon=lon, persons_count="60")]
    import_incidents(write_csv(tmp_path / "a.csv", rows), actor=guard)
    assert BorderSection.objects.get(code="storskog").impact_level == "high"


BAD = [
    (dict(occurred_from="2025-13-01"), 'occurred_from: "2025-13-01" is not a date (YYYY-MM-DD'),
    (dict(occurred_from="yesterday"), 'occurred_from: "yesterday" is not a date'),
    (dict(occurred_from="2024-03-05T14:20:00"), 'occurred_from: "2024-03-05T14:20:00": must '),
    (dict(occurred_from="2024-03-05T14:20:00+15:00"), "offset +15:00, which no time zone"),
    (dict(occurred_from="2099-01-01T00:00:00+00:00"), "is in the future"),
    (dict(occurred_to="2024-03-01"), 'occurred_to: "2024-03-01" is not after occurred_from'),
    (dict(occurred_to="soon"), 'occurred_to: "soon" is not a date'),
    (dict(occurred_from=""), "occurred_from: missing"),
    (dict(external_ref=""), "external_ref: missing"),
    (dict(external_ref="x" * 121), "external_ref: is 121 characters long; at most 120"),
    (dict(time_precision="week"), "time_precision: 'week' is not one of: exact, day"),
    (dict(time_precision="exact", occurred_from="2024-03-05"), "cannot be exact"),
    (dict(type="invasion"), "type: 'invasion' is not one of: unauthorised_crossing"),
    (dict(status="pending"), "status: 'pending' is not one of: open, closed"),
    (dict(detection_method="dowsing"), "detection_method: 'dowsing' is not one of"),
    (dict(lat="91"), "lat: 91 is outside the valid range (-90 to 90 degrees)"),
    (dict(lon="east"), "lon: must be a number of degrees, not 'east'"),
    (dict(lon=""), "lon: missing; lat and lon come together"),
    (dict(place="Atlantis"), 'place: "Atlantis" is not a place of the gazetteer'),
    (dict(section="moon"), 'section: "moon" is not the code of a border section'),
    (dict(country_left="Russia"), "country_left: must be a two-letter country code"),
    (dict(nationality="R1"), "nationality: must be a two-letter country code"),
    (dict(attempted_only="maybe"), 'attempted_only: "maybe" is not true or false'),
    (dict(persons_count="two"), 'persons_count: "two" is not a whole number'),
    (dict(persons_count="-1"), "persons_count: the number of persons cannot be negative"),
    (dict(crossings_uncertain="true"), "crossings_uncertain: a group that may have crossed"),
    (dict(owning_unit="nowhere"), 'owning_unit: "nowhere" is not the code of a unit'),
    (dict(owning_unit="pu"), "owning_unit: you act for gsv and may import only its incidents"),
    (dict(summary="nul \x00 byte"), "summary: contains a NUL character"),
]


@pytest.mark.parametrize(("change", "message"), BAD, ids=[m[:40] for _, m in BAD])
def test_it_rejects_a_bad_row_naming_line_and_field_and_imports_the_rest(
    guard, tmp_path, change, message
):
    lat, lon = inside("pasvik")
    base = dict(external_ref="bad", occurred_from="2024-03-05T14:20:00+01:00", lat=lat, lon=lon)
    rows = [*good_rows()[:2], base | change, good_rows()[2]]
    path = write_csv(tmp_path / "in.csv", rows, importing.COLUMNS)
    rejects = tmp_path / "in.rejects.csv"
    report = import_incidents(path, actor=guard, rejects=rejects)
    assert (report.rows, report.imported, report.rejected) == (4, 3, 1)
    assert report.problems[0].startswith("line 5: ")  # the header is line 1; old-1 spans 2
    assert message in report.problems[0], report.problems
    with rejects.open(encoding="utf-8", newline="") as f:
        back = list(csv.DictReader(f))
    assert len(back) == 1
    assert back[0]["external_ref"] == (base | change)["external_ref"]
    assert message in back[0]["problems"]
    assert not Incident.objects.filter(external_ref="bad").exists()
    assert Incident.objects.count() == 3
    assert imported_events().get().payload["rejected"] == 1


def test_it_names_every_problem_of_a_row(guard, tmp_path):
    rows = [dict(external_ref="r", occurred_from="2025-13-01", lat="95", lon="30", type="x")]
    report = import_incidents(write_csv(tmp_path / "a.csv", rows), actor=guard)
    fields = [p.split(": ")[1] for p in report.rejections[0].problems]
    assert fields == ["occurred_from", "lat", "type"]
    assert report.rejections[0].line == 2


def test_it_rejects_a_row_with_the_wrong_number_of_fields(guard, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("external_ref,occurred_from\nr1,2024-01-01,extra\nr2,2024-01-02\n", "utf-8")
    report = import_incidents(path, actor=guard)
    assert report.problems == ["line 2: the row has 3 fields; the header has 2"]
    assert report.imported == 1


def test_it_writes_rejected_ndjson_rows_with_their_problems(guard, tmp_path):
    rows = [dict(external_ref="a", occurred_from="2024-01-01", persons_count=2.5), good_rows()[1]]
    rejects = tmp_path / "out.ndjson"
    report = import_incidents(
        write_ndjson(tmp_path / "a.ndjson", rows), actor=guard, rejects=rejects
    )
    back = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert back == [rows[0] | {"problems": ["line 1: persons_count: 2.5 is not a whole number"]}]
    assert report.imported == 1


def test_strict_imports_nothing_when_a_row_is_rejected(guard, tmp_path):
    rows = [*good_rows(), dict(external_ref="bad", occurred_from="2025-13-01")]
    rejects = tmp_path / "r.csv"
    report = import_incidents(
        write_csv(tmp_path / "a.csv", rows), actor=guard, strict=True, rejects=rejects, batch=1
    )
    assert (report.rows, report.imported, report.rejected) == (4, 0, 1)
    assert report.summary().startswith("4 rows: 1 rejected, nothing imported (--strict)")
    assert Incident.objects.count() == 0
    assert not imported_events().exists()
    assert "2025-13-01" in rejects.read_text("utf-8")


def test_strict_imports_everything_when_no_row_is_rejected(guard, tmp_path):
    report = import_incidents(write_csv(tmp_path / "a.csv", good_rows()), actor=guard, strict=True)
    assert report.imported == 3 and imported_events().count() == 1


def test_it_rejects_duplicates_in_the_file_and_in_the_database(guard, tmp_path):
    import_incidents(write_csv(tmp_path / "first.csv", good_rows()[:1]), actor=guard)
    rows = [
        good_rows()[0],  # stored by the first import
        dict(external_ref="new", occurred_from="2024-01-01"),
        dict(external_ref="new", occurred_from="2024-01-02"),
        dict(external_ref="other", occurred_from="2024-01-03"),
    ]
    report = import_incidents(write_csv(tmp_path / "second.csv", rows), actor=guard, batch=2)
    assert (report.imported, report.rejected) == (2, 2)
    assert report.problems == [
        'line 2: external_ref: "old-1" is stored already; duplicate',
        'line 5: external_ref: "new" is repeated; line 4 has it already; duplicate',
    ]
    assert Incident.objects.get(external_ref="new").occurred_from.astimezone(OSLO).day == 1


def test_a_repeat_of_a_rejected_row_may_be_imported(guard, tmp_path):
    rows = [
        dict(external_ref="r", occurred_from="2024-13-01"),
        dict(external_ref="r", occurred_from="2024-12-01"),
    ]
    report = import_incidents(write_csv(tmp_path / "a.csv", rows), actor=guard)
    assert (report.imported, report.rejected) == (1, 1)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", b"", "a.csv is empty"),
        ("a.ndjson", b"\n\n", "a.ndjson is empty"),
        ("a.csv", b"external_ref,occurred_from\n", "has a header but no rows"),
        ("a.csv", b"r1,2024-01-01\nr2,2024-01-02\n", "has no header"),
        (
            "a.csv",
            b"external_ref,occurred_from,colour,size\nr,2024-01-01,red,1\n",
            'unknown columns "colour", "size"',
        ),
        ("a.csv", b"external_ref,time_text\nr,x\n", "lacks the column.s. occurred_from"),
        ("a.csv", b"external_ref,occurred_from\nr,2024-01-01\ns,Troms\xf8\n", "not UTF-8"),
        (
            "a.ndjson",
            b'{"external_ref": "a", "occurred_from": "2024-01-01"}\n{"external_ref": "b",\n',
            "line 2: not valid JSON",
        ),
        ("a.ndjson", b"[1, 2]\n", "line 1: not a JSON object"),
        (
            "a.ndjson",
            b'{"external_ref": "a", "occurred_from": "2024-01-01", "colour": "red"}\n',
            'line 1: unknown column "colour"',
        ),
    ],
)
def test_it_refuses_a_file_it_cannot_read_and_stores_nothing(
    guard, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    before = AuditEvent.objects.count()
    with pytest.raises(ImportFileError, match=message):
        import_incidents(path, actor=guard, rejects=tmp_path / "rejects")
    assert Incident.objects.count() == 0
    assert AuditEvent.objects.count() == before
    assert not (tmp_path / "rejects").exists()


def test_it_says_where_a_file_is_not_utf8(guard, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("external_ref,occurred_from,place\nr,2024-01-01,Skrøytnes\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match=r"byte 0xf8 at offset \d+, line 2"):
        import_incidents(path, actor=guard)


def test_the_rows_of_a_failed_file_are_not_kept(guard, tmp_path):
    rows = b"".join(
        json.dumps({"external_ref": f"r{i}", "occurred_from": "2024-01-01"}).encode() + b"\n"
        for i in range(5)
    )
    path = tmp_path / "a.ndjson"
    path.write_bytes(rows + b"{oops\n")
    with pytest.raises(ImportFileError, match="line 6: not valid JSON"):
        import_incidents(path, actor=guard, batch=2)
    assert Incident.objects.count() == 0


@pytest.mark.parametrize("persona", ["lawyer", "analyst", "pu", "pst"])
def test_a_role_that_may_not_import_is_refused_and_nothing_is_written(request, persona, tmp_path):
    actor = request.getfixturevalue(persona)
    before = AuditEvent.objects.count()
    with pytest.raises(AccessDenied, match="may not import incidents"):
        import_incidents(write_csv(tmp_path / "a.csv", good_rows()), actor=actor)
    assert Incident.objects.count() == 0
    assert AuditEvent.objects.count() == before


def test_police_the_console_and_administrators_may_import(police, console, admin_actor, tmp_path):
    rows = good_rows()
    import_incidents(write_csv(tmp_path / "a.csv", rows[:1]), actor=police)
    assert Incident.objects.get(external_ref="old-1").owning_unit == police.unit
    import_incidents(write_csv(tmp_path / "b.csv", rows[1:2]), actor=console, unit="finnmark-pd")
    assert Incident.objects.get(external_ref="old-2").owning_unit.code == "finnmark-pd"
    rows[2]["owning_unit"] = "gsv"  # administrators import for any unit
    import_incidents(write_csv(tmp_path / "c.csv", rows[2:]), actor=admin_actor)
    assert Incident.objects.get(external_ref="old-3").owning_unit.code == "gsv"


def test_the_console_needs_a_unit_for_rows_without_one(world, console, tmp_path):
    report = import_incidents(write_csv(tmp_path / "a.csv", good_rows()[:1]), actor=console)
    assert report.problems == ["line 2: owning_unit: missing; give the column or --unit"]


def test_a_user_may_not_import_for_another_unit(guard, tmp_path):
    with pytest.raises(AccessDenied, match="may not import for"):
        import_incidents(write_csv(tmp_path / "a.csv", good_rows()), actor=guard, unit="pu")


def test_a_failure_part_way_leaves_the_database_as_it_was(guard, tmp_path, monkeypatch):
    rows = [dict(external_ref=f"r{i}", occurred_from="2024-01-01") for i in range(5)]
    before_events = AuditEvent.objects.count()
    write = importing.write_batch
    calls = []

    def failing(batch_rows, pg=None):
        calls.append(len(batch_rows))
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return write(batch_rows, pg)

    monkeypatch.setattr(importing, "write_batch", failing)
    with pytest.raises(RuntimeError, match="disk is full"):
        import_incidents(write_csv(tmp_path / "a.csv", rows), actor=guard, batch=2)
    assert calls == [2, 2]
    assert Incident.objects.count() == 0
    assert AuditEvent.objects.count() == before_events


# --- the command -----------------------------------------------------------------------------


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), str(exc)
    return out.getvalue(), err.getvalue(), None


def test_the_command_imports_and_summarises(guard, tmp_path):
    path = write_csv(tmp_path / "old.csv", good_rows())
    out, err, error = run(str(path), "--as", "guard")
    assert out == "3 rows: 3 imported, 0 rejected\n" and error is None
    assert imported_events().get().channel == "cli"


def test_the_command_writes_rejects_next_to_the_file_and_exits_1(guard, tmp_path):
    rows = [*good_rows(), dict(external_ref="bad", occurred_from="2025-13-01")]
    path = write_csv(tmp_path / "old.csv", rows)
    out, err, error = run(str(path), "--as", "guard")
    rejects = tmp_path / "old.rejects.csv"
    assert out == f"4 rows: 3 imported, 1 rejected (see {rejects})\n"
    assert 'line 6: occurred_from: "2025-13-01" is not a date' in err  # old-1 spans 2 lines
    assert error == "1 of 4 rows rejected."
    assert rejects.exists()


def test_the_command_reads_stdin(guard, tmp_path, monkeypatch):
    data = "".join(json.dumps(r) + "\n" for r in good_rows()).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out, err, error = run("-", "--format", "ndjson", "--as", "guard")
    assert out == "3 rows: 3 imported, 0 rejected\n"
    assert imported_events().get().payload["file"] == "-"


def test_the_command_refuses_a_role_that_may_not_import(lawyer, tmp_path):
    path = write_csv(tmp_path / "old.csv", good_rows())
    _, _, error = run(str(path), "--as", "lawyer")
    assert "may not import incidents" in error
    assert Incident.objects.count() == 0


def test_the_console_imports_for_a_unit(world, tmp_path):
    path = write_csv(tmp_path / "old.csv", good_rows())
    out, _, error = run(str(path), "--unit", "gsv")
    assert error is None
    assert set(Incident.objects.values_list("owning_unit__code", flat=True)) == {"gsv"}


def test_the_command_needs_a_format_it_can_tell(guard, tmp_path):
    path = tmp_path / "old.txt"
    path.write_text("external_ref,occurred_from\n", "utf-8")
    _, _, error = run(str(path), "--as", "guard")
    assert "--format csv or ndjson" in error
