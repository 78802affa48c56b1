"""The statistics page: the statement, the table, the chart's data, the downloads; who
may open it; errors beside the field; no person's data; no inline script or style."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borderwatch.access.models import AuditEvent
from tests.conftest import PASSWORD

SINCE_2023 = {"since": "2023-01-01", "nationality": "RU", "country_entered": "NO"}


def signed_in(client, username):
    assert client.login(username=username, password=PASSWORD)
    return client


def test_it_states_the_nth_case_with_its_records_and_sources(client, main_case, analyst):
    response = signed_in(client, "analyst").get("/stats/", SINCE_2023)
    assert response.status_code == 200
    html = response.content.decode()
    ref = main_case.incident.reference
    statement = re.search(r'<p class="statement" id="statement">(.*?)</p>', html).group(1)
    assert re.sub(r"<[^>]+>", "", statement) == (
        f"{ref} (Fri 22 Aug 2025, Grense Jakobselv) is at least the 4th (at most the 6th) "
        "reported incident since 2023-01-01."
    )
    assert '<span class="nowrap">2023-01-01</span>' in statement
    assert "together or apart" in html
    assert "Russian soldier Seeks Asylum in Norway" in html
    # the statistician sees references but may not open the incidents
    assert f'href="/incidents/{main_case.incident.pk}/"' not in html
    assert AuditEvent.objects.filter(verb="stats.queried", actor=analyst.user).count() == 3


def test_it_links_the_records_for_someone_who_may_open_them(client, main_case):
    html = signed_in(client, "police").get("/stats/", SINCE_2023).content.decode()
    assert f'href="/incidents/{main_case.incident.pk}/"' in html


def test_it_gives_the_chart_its_data_in_a_json_island(client, story):
    response = signed_in(client, "analyst").get(
        "/stats/", {**SINCE_2023, "period": "quarter", "until": "2023-12-31"}
    )
    html = response.content.decode()
    island = re.search(
        r'<script id="stats-chart-data" type="application/json">(.*?)</script>', html, re.S
    )
    data = json.loads(island.group(1))
    assert data["labels"] == ["Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023"]
    assert data["certain"] == [1, 0, 0, 0]
    # "later in 2023" (1 to 3 incidents) may fall in any quarter; autumn in Q3 or Q4
    assert data["possible"] == [3, 3, 4, 4]
    assert '<canvas id="stats-chart"' in html
    assert "vendor/chart.js-4.6.1/chart.umd.min.js" in html
    assert "js/stats.js" in html


def test_it_has_no_inline_script_or_style(client, story):
    html = signed_in(client, "analyst").get("/stats/", SINCE_2023).content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts, "the page loads its scripts"
    for attrs in scripts:
        assert "src=" in attrs or 'type="application/json"' in attrs, attrs
    assert " style=" not in html
    assert "<style" not in html
    assert not re.search(r"<[^>]+\son[a-z]+=", html), "no inline event handlers"


def test_it_shows_the_table_with_a_caption_and_header_scopes(client, story):
    html = (
        signed_in(client, "analyst")
        .get("/stats/", {"period": "year", "dimensions": ["section", "outcome"]})
        .content.decode()
    )
    table = html[html.index('<table class="table breakdown" id="breakdown">') :]
    table = table[: table.index("</table>")]
    assert "<caption" in table
    assert '<th scope="col">Section</th>' in table
    assert '<th scope="col">Outcome</th>' in table
    assert '<th scope="row">2023</th>' in table
    assert "Pasvik valley" in table
    assert "Asylum requested, not decided" in table


def test_it_compares_this_year_with_the_same_span_last_year(client, story, time_machine):
    time_machine.move_to("2026-03-01 12:00 +01:00")
    html = signed_in(client, "analyst").get("/stats/").content.decode()
    assert "1 Jan – 1 Mar 2026" in html
    assert "1 Jan – 1 Mar 2025" in html


def test_it_offers_the_downloads_with_the_same_filters(client, story):
    html = (
        signed_in(client, "analyst")
        .get("/stats/", {**SINCE_2023, "period": "quarter", "dimensions": "outcome"})
        .content.decode()
    )
    assert (
        "/api/v1/stats/breakdown.csv?since=2023-01-01&amp;nationality=RU&amp;"
        "country_entered=NO&amp;by=incident&amp;period=quarter&amp;dimensions=outcome" in html
    )
    assert "/api/v1/stats/export.csv?since=2023-01-01&amp;nationality=RU" in html
    assert "/api/v1/stats/export.geojson?since=2023-01-01" in html


def test_it_shows_bad_filters_beside_their_field(client, story):
    response = signed_in(client, "analyst").get(
        "/stats/", {"nationality": "Russia", "since": "2024-01-01", "until": "2023-01-01"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'id="id_nationality_error">Write a two-letter country code' in html
    assert 'id="id_until_error">The last day comes before the first day.' in html
    assert 'aria-invalid="true"' in html
    assert "stats-chart" not in html
    assert not AuditEvent.objects.filter(verb="stats.queried").exists()


def test_it_shows_no_person_data(client, main_case):
    person = main_case.person
    person.given_names, person.family_name = "Ivan-Marker", "Petrov-Marker"
    person.save()
    html = signed_in(client, "analyst").get("/stats/", {"dimensions": "outcome"}).content.decode()
    assert "Marker" not in html
    assert person.reference not in html
    assert main_case.reference not in html


@pytest.mark.parametrize(("username", "status"), [("lawyer", 403), ("admin", 403)])
def test_it_refuses_the_page_to_roles_without_statistics(client, story, username, status):
    assert signed_in(client, username).get("/stats/").status_code == status


def test_it_sends_a_stranger_to_sign_in(client, story):
    response = client.get("/stats/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    ("username", "shown"), [("analyst", True), ("guard", True), ("lawyer", False)]
)
def test_it_links_statistics_in_the_navigation_for_those_who_may(client, story, username, shown):
    html = signed_in(client, username).get("/", follow=True).content.decode()
    assert ('href="/stats/"' in html) is shown


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/stats/", params).status_code == 200
    return len(ctx.captured_queries)


def test_it_runs_as_many_queries_for_many_records_as_for_few(client, story, police):
    from tests.stats.data import more_incidents

    signed_in(client, "analyst")
    params = {"period": "month", "dimensions": ["section", "nationality", "outcome"]}
    few = _queries(client, params)
    more_incidents(police, 25)
    assert _queries(client, params) == few
