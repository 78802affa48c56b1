"""Exports: the breakdown as CSV, the selected incidents as CSV and GeoJSON, never a
person's data, audited, and the same from the API and the CLI."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borderwatch.access.models import AuditEvent
from borderwatch.border import services as border
from borderwatch.lib.errors import AccessDenied, DomainError
from borderwatch.people.models import Person
from borderwatch.sources.services import record_source_report
from borderwatch.stats.exports import INCIDENT_COLUMNS, export_breakdown, export_incidents
from borderwatch.stats.queries import CountQuery
from tests.conftest import PASSWORD
from tests.stats.data import more_incidents

SINCE_2023 = dict(since=date(2023, 1, 1), nationality="RU", country_entered="NO")
PERSON_FIELDS = {f.name for f in Person._meta.get_fields()} | {
    f.attname for f in Person._meta.concrete_fields
}


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def marked_person(main_case):
    """The soldier, with a marker in every field of his that holds text or a date."""
    person = main_case.person
    Person.objects.filter(pk=person.pk).update(
        given_names="MARKER-given",
        family_name="MARKER-family",
        name_original_script="МАРКЕР",
        transliterations=["MARKER-translit"],
        date_of_birth=date(1999, 9, 19),
        claimed_affiliation="MARKER-affiliation",
        language="MARKER-language",
        vulnerabilities="MARKER-vulnerable",
    )
    return person


def _all_exports(actor) -> dict[str, str]:
    query = CountQuery(**SINCE_2023)
    return {
        "incidents.csv": export_incidents(actor, query, "csv").content,
        "incidents.geojson": export_incidents(actor, query, "geojson").content,
        "breakdown.csv": export_breakdown(
            actor, query, "month", ["section", "nationality", "outcome"]
        ).content,
    }


def test_it_exports_the_selected_incidents_as_csv(main_case, analyst):
    export = export_incidents(analyst, CountQuery(**SINCE_2023), "csv")
    assert export.filename == "incidents.csv"
    assert export.content.splitlines()[0] == ",".join(INCIDENT_COLUMNS)
    data = rows(export.content)
    assert [r["when"] for r in data] == [
        "January 2023",
        "later in 2023 (after 14 Jan)",
        "autumn 2023",
        "Fri 22 Aug 2025",
    ]
    soldier = data[-1]
    assert soldier["reference"] == main_case.incident.reference
    assert soldier["period_start"] == "2025-08-22T00:00:00+02:00"
    assert soldier["time_precision"] == "day"
    assert soldier["outcome"] == "asylum_requested"
    assert soldier["main_nationality"] == "RU"
    assert soldier["sources"] == (
        "Russian soldier Seeks Asylum in Norway, Citing Opposition to Ukraine War"
    )
    three = data[1]
    assert (three["persons_count"], three["crossings_uncertain"]) == ("3", "true")


def test_it_rounds_the_coordinates_to_about_a_kilometre(main_case, analyst):
    incident = main_case.incident
    data = rows(export_incidents(analyst, CountQuery(**SINCE_2023), "csv").content)
    soldier = data[-1]
    assert soldier["lat"] == str(round(incident.lat, 2))
    assert soldier["lon"] == str(round(incident.lon, 2))
    assert len(soldier["lat"].split(".")[1]) <= 2


def test_it_exports_the_selected_incidents_as_geojson(main_case, analyst):
    export = export_incidents(analyst, CountQuery(**SINCE_2023), "geojson")
    assert export.content_type == "application/geo+json"
    data = json.loads(export.content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 4
    feature = data["features"][-1]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert (lat, lon) == (round(main_case.incident.lat, 2), round(main_case.incident.lon, 2))
    assert feature["properties"]["reference"] == main_case.incident.reference
    assert set(feature["properties"]) == set(INCIDENT_COLUMNS) - {"lat", "lon"}


def test_it_exports_the_breakdown_table_as_csv(story, analyst):
    export = export_breakdown(
        analyst, CountQuery(**SINCE_2023, until=date(2023, 12, 31)), "quarter", ["section"]
    )
    data = rows(export.content)
    assert list(data[0]) == [
        "period",
        "period_label",
        "period_start",
        "period_end",
        "section",
        "section_name",
        "min",
        "max",
        "exact",
        "certain_records",
        "possible_records",
    ]
    pasvik = {r["period"]: (r["min"], r["max"]) for r in data if r["section"] == "pasvik"}
    assert pasvik == {
        "2023-Q1": ("1", "4"),
        "2023-Q2": ("0", "3"),
        "2023-Q3": ("0", "3"),
        "2023-Q4": ("0", "3"),
    }


def test_it_leaves_the_maximum_empty_where_no_upper_bound_is_known(story, analyst, police):
    more_incidents(police, 1)  # "at least 1 person"
    export = export_breakdown(analyst, CountQuery(by="person", since=date(2024, 1, 1)), "year", [])
    first = rows(export.content)[0]
    assert first["period"] == "2024"
    assert first["max"] == ""
    assert first["exact"] == "false"


@pytest.mark.parametrize("as_console", [False, True])
def test_it_never_exports_a_persons_data(marked_person, analyst, console, as_console):
    actor = console if as_console else analyst
    for name, text in _all_exports(actor).items():
        assert "MARKER" not in text, name
        assert "МАРКЕР" not in text, name
        assert "1999-09-19" not in text, name
        assert marked_person.reference not in text, name
        if name.endswith(".csv"):
            header = set(text.splitlines()[0].split(","))
        else:
            header = set(json.loads(text)["features"][0]["properties"])
        assert not header & PERSON_FIELDS, (name, header & PERSON_FIELDS)


def test_it_writes_each_export_to_the_audit_trail(story, analyst):
    export_incidents(analyst, CountQuery(nationality="RU"), "geojson")
    event = AuditEvent.objects.filter(verb="stats.exported").latest("seq")
    assert event.actor == analyst.user
    assert event.payload["what"] == "incidents"
    assert event.payload["format"] == "geojson"
    assert event.payload["nationality"] == "RU"
    assert event.payload["rows"] == 4
    export_breakdown(analyst, CountQuery(), "year", ["outcome"])
    event = AuditEvent.objects.filter(verb="stats.exported").latest("seq")
    assert (event.payload["what"], event.payload["period"]) == ("breakdown", "year")


def test_it_refuses_exports_to_a_lawyer_and_a_bad_format(story, lawyer, analyst):
    with pytest.raises(AccessDenied):
        export_incidents(lawyer, CountQuery(), "csv")
    with pytest.raises(AccessDenied):
        export_breakdown(lawyer, CountQuery(), "year", [])
    with pytest.raises(DomainError) as err:
        export_incidents(analyst, CountQuery(), "xlsx")
    assert err.value.field == "format"
    assert not AuditEvent.objects.filter(verb="stats.exported").exists()


def test_it_exports_for_others_only_what_they_may_open(story, other_police):
    assert rows(export_incidents(other_police, CountQuery(), "csv").content) == []


def test_it_keeps_a_spreadsheet_from_running_a_source_title(story, police, analyst):
    [incident] = more_incidents(police, 1)
    report, _ = record_source_report(actor=police, title="=HYPERLINK(1)", text="A title trap.")
    border.link_source(incident, report, actor=police)
    data = rows(export_incidents(analyst, CountQuery(since=date(2024, 1, 1)), "csv").content)
    assert data[0]["sources"] == "'=HYPERLINK(1) | Report 0"


# --- the same from the API and the CLI --------------------------------------------------


def _cli(*args) -> str:
    out = io.StringIO()
    call_command("stats", *args, "--as", "analyst", stdout=out)
    return out.getvalue()


@pytest.fixture
def api(client, story):
    assert client.login(username="analyst", password=PASSWORD)
    return client


FILTERS = ["--since", "2023-01-01", "--nationality", "RU", "--country-entered", "NO"]
PARAMS = {"since": "2023-01-01", "nationality": "RU", "country_entered": "NO"}


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_it_exports_the_same_incidents_from_the_api_and_the_cli(api, fmt):
    response = api.get(f"/api/v1/stats/export.{fmt}", PARAMS)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="incidents.{fmt}"'
    assert response.content.decode() == _cli("export", "--format", fmt, *FILTERS)


def test_it_exports_the_same_breakdown_from_the_api_and_the_cli(api):
    response = api.get(
        "/api/v1/stats/breakdown.csv", {**PARAMS, "period": "quarter", "dimensions": "outcome"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    cli = _cli(
        "breakdown", "--period", "quarter", "--dimensions", "outcome", "--format", "csv", *FILTERS
    )
    assert response.content.decode() == cli


def test_it_writes_an_export_to_a_file(story, tmp_path):
    target = tmp_path / "incidents.geojson"
    _cli("export", "--format", "geojson", "-o", str(target), *FILTERS)
    assert len(json.loads(target.read_text(encoding="utf-8"))["features"]) == 4


def _queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v1/stats/export.csv", {}),
        ("/api/v1/stats/export.geojson", {}),
        ("/api/v1/stats/breakdown.csv", {"dimensions": "section,nationality,outcome"}),
        ("/api/v1/stats/breakdown", {"period": "quarter", "dimensions": "outcome"}),
        ("/api/v1/stats/count", {"since": "2023-01-01"}),
    ],
)
def test_it_runs_as_many_queries_for_many_records_as_for_few(api, police, url, params):
    few = _queries(api, url, params)
    more_incidents(police, 20)
    assert _queries(api, url, params) == few
