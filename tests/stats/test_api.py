"""GET /api/v1/stats/...: the same answers as `borderwatch stats`, the policy, and errors
that name the field."""

import io
import json

import pytest
from django.core.management import call_command

from tests.conftest import PASSWORD

PARAMS = {"since": "2023-01-01", "nationality": "RU", "country_entered": "NO"}
FILTERS = ["--since", "2023-01-01", "--nationality", "RU", "--country-entered", "NO"]


@pytest.fixture
def api(client, story):
    assert client.login(username="analyst", password=PASSWORD)
    return client


def _cli(*args) -> dict:
    out = io.StringIO()
    call_command("stats", *args, "--as", "analyst", stdout=out)
    return json.loads(out.getvalue())


def test_it_keeps_the_count_endpoint(api):
    data = api.get("/api/v1/stats/count", PARAMS).json()
    assert data["count"] == {"min": 4, "max": 6, "exact": False}
    assert data == _cli("count", *FILTERS, "--json")


@pytest.mark.parametrize(
    ("params", "args"),
    [
        ({"period": "quarter"}, ["--period", "quarter"]),
        (
            {"period": "month", "dimensions": ["section", "outcome"]},
            ["--period", "month", "--dimensions", "section,outcome"],
        ),
        ({"period": "year", "by": "person"}, ["--period", "year", "--by", "person"]),
    ],
)
def test_it_answers_the_breakdown_as_the_cli_does(api, params, args):
    response = api.get("/api/v1/stats/breakdown", {**PARAMS, **params})
    assert response.status_code == 200
    assert response.json() == _cli("breakdown", *FILTERS, *args, "--format", "json")


def test_it_reports_imprecise_records_in_the_breakdown(api):
    data = api.get(
        "/api/v1/stats/breakdown", {"since": "2023-10-01", "until": "2023-12-31", "period": "year"}
    ).json()
    assert data["totals"] == [
        {
            "period": "2023",
            "min": 0,
            "max": 4,
            "exact": False,
            "certain_records": 0,
            "possible_records": 2,
        }
    ]
    assert {r["when"] for r in data["imprecise"]} == {"autumn 2023", "later in 2023 (after 14 Jan)"}
    assert data["periods"][0]["partial"] is True
    assert "not spread or guessed" in data["explanation"]


@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        ("/api/v1/stats/breakdown", {"period": "decade"}, "period"),
        ("/api/v1/stats/breakdown", {"dimensions": "colour"}, "dimensions"),
        ("/api/v1/stats/breakdown.csv", {"dimensions": "section,name"}, "dimensions"),
        ("/api/v1/stats/breakdown", {"nationality": "Russia"}, "nationality"),
        ("/api/v1/stats/export.csv", {"country_entered": "N"}, "country_entered"),
        ("/api/v1/stats/export.geojson", {"by": "household"}, "by"),
        ("/api/v1/stats/export.csv", {"since": "2024-01-01", "until": "2023-01-01"}, "until"),
    ],
)
def test_it_names_the_field_of_bad_input(api, url, params, field):
    response = api.get(url, params)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert "--" not in response.json()["detail"]  # the API's words, not the CLI's flags


def test_it_says_which_dates_are_the_wrong_way_round(api):
    response = api.get("/api/v1/stats/count", {"since": "2024-01-01", "until": "2023-01-01"})
    assert response.json()["detail"] == "until (2023-01-01) comes before since (2024-01-01)."


def test_it_names_a_date_that_is_not_one(api):
    response = api.get("/api/v1/stats/breakdown", {"since": "2023-13-01"})
    assert response.status_code == 422  # the schema's own check, as everywhere in the API
    assert "since" in json.dumps(response.json())


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/stats/breakdown",
        "/api/v1/stats/breakdown.csv",
        "/api/v1/stats/export.csv",
        "/api/v1/stats/export.geojson",
    ],
)
def test_it_refuses_a_lawyer_and_a_stranger(client, story, url):
    assert client.get(url).status_code == 401
    assert client.login(username="lawyer", password=PASSWORD)
    response = client.get(url)
    assert response.status_code == 403
    assert "stats.view" in response.json()["detail"]


def test_it_describes_the_endpoints_in_the_openapi_document(api):
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    for path in ["count", "breakdown", "breakdown.csv", "export.csv", "export.geojson"]:
        assert f"/api/v1/stats/{path}" in paths
