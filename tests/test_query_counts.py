"""Every list answers in a number of queries that does not grow with the rows it shows.

The inventory is the route matrix (tests/access/test_route_matrix.py, PAGES and API): a
*list* is a page or GET operation without a parameter in its path that the matrix does not
answer 405 for GET, less the routes in NOT_LISTS below (each with its reason); routes with
an id in the path show one record, except those in NESTED_LISTS (one record's history,
as long as the record is old). `test_every_list_route_has_a_query_count_test` fails when
the matrix gains a list that is neither in LISTS (tested in this file) nor below.

Lists whose query count is tested elsewhere (file, then `test: routes`):

tests/cases/test_api.py
    test_it_reads_a_queue_in_a_constant_number_of_queries: GET /api/v1/cases
tests/test_pages.py
    test_it_lists_incidents_in_a_fixed_number_of_queries: /incidents/
    test_it_lists_cases_in_a_fixed_number_of_queries: /cases/
tests/cases/test_pages.py
    test_it_lists_a_queue_in_a_fixed_number_of_queries: /cases/
    test_it_lists_custody_deadlines_in_a_fixed_number_of_queries: /cases/
    test_it_lists_notifications_in_a_fixed_number_of_queries: /notifications/
tests/stats/test_page.py
    test_it_runs_as_many_queries_for_many_records_as_for_few: /stats/
tests/stats/test_exports.py
    test_it_runs_as_many_queries_for_many_records_as_for_few: GET /api/v1/stats/count,
        GET /api/v1/stats/breakdown, GET /api/v1/stats/breakdown.csv,
        GET /api/v1/stats/export.csv, GET /api/v1/stats/export.geojson
tests/border/test_map.py
    test_it_answers_in_the_same_number_of_queries_for_5_and_60_incidents:
        GET /api/v1/map/features

Related, below the routes (not in the inventory): tests/stats/test_breakdown.py counts
the queries of `stats.queries.breakdown` itself (behind /stats/ and the breakdown
endpoints); tests/sources/test_review.py bounds `merge_candidates` (the candidates on
/reports/review/<id>/) at 4 queries.
"""

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borderwatch.border import services as border
from borderwatch.border.models import BorderSection, Place
from borderwatch.cases import notify
from borderwatch.cases import services as cases
from borderwatch.sources import services as sources
from tests.access.test_route_matrix import API, PAGES, api_operations, page_routes
from tests.sources.helpers import article

ROOT = Path(__file__).resolve().parents[1]
OSLO = ZoneInfo("Europe/Oslo")
MONDAY = datetime(2025, 8, 25, 12, 0, tzinfo=OSLO)

# GET routes without an id that are not lists, and why.
NOT_LISTS = {
    "/accounts/login/": "the sign-in form",
    "/accounts/otp/": "the form for the code",
    "/accounts/otp/setup/": "the set-up form for one's own device",
    "/": "home: a redirect to one's list, or a page with links",
    "/emergency-access/": "the form asking for emergency access",
    "/reports/new/": "the form for a new report",
    "GET /api/v1/border": "the shipped border.geojson file; no database rows",
    "GET /api/v1/map/land": "the shipped land.geojson file; no database rows",
    "GET /api/v1/map/places": "countries and the shipped gazetteer; no database rows",
}


# Routes with an id whose answer is a list of the record's rows, and why they are lists.
NESTED_LISTS = {
    "GET /api/v1/cases/{case_id}/timeline": "a case's history: every step, search, notice",
    "/cases/<int:pk>/": "the case page shows the case's history (the same timeline)",
}


def id_free_get_routes() -> set[str]:
    """Pages and GET operations of the route matrix without a parameter in the path, less
    the pages answering 405 to every persona (POST only: /accounts/logout/, /unit/,
    /notifications/read/)."""
    pages = {
        "/" + pattern
        for name, pattern in page_routes().items()
        if "<" not in pattern and set(PAGES.get(name, ("", ""))[1].split()) != {"405"}
    }
    ops = {op for op in API if op.startswith("GET ") and "{" not in op}
    return pages | ops


def list_inventory() -> set[str]:
    return (id_free_get_routes() - set(NOT_LISTS)) | set(NESTED_LISTS)


def covered_elsewhere() -> dict[str, set[str]]:
    """The module docstring's list: route → {"file::test", ...}."""
    out: dict[str, set[str]] = {}
    text = sys.modules[__name__].__doc__.split("(file, then `test: routes`):", 1)[1]
    text = text.split("\n\nRelated", 1)[0]
    where = test = ""
    for line in text.splitlines():
        if line.startswith("tests/"):
            where = line.strip()
            continue
        if line.startswith("    test_"):
            test, line = line.strip().split(":", 1)
        for route in filter(None, (r.strip() for r in line.split(","))):
            out.setdefault(route, set()).add(f"{where}::{test}")
    return out


def html(response) -> str:
    return response.content.decode()


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    """WhiteNoise warns (an error here) when STATIC_ROOT does not exist yet."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


# --- rows, made through the service functions ------------------------------------------------


def new_case(police, n: int):
    """A crossing at Storskog, an arrest and an asylum request, n days after the first."""
    start = timezone.now() - timedelta(days=60)
    incident = border.open_incident(
        actor=police,
        occurred_from=start + timedelta(days=n),
        place=Place.objects.get(name="Storskog"),
    )
    custody = cases.record_apprehension(
        incident,
        actor=police,
        apprehended_at=start + timedelta(days=n, hours=1),
        legal_basis="criminal_arrest",
        person={"given_names": f"Person{n}", "nationality": "RU"},
    )
    return cases.record_asylum_request(
        custody.person,
        actor=police,
        incident=incident,
        requested_at=start + timedelta(days=n, hours=2),
    )


def referred_case(p, n: int):
    case = new_case(p.police, n)
    return cases.refer_case(case, actor=p.police, to_unit=p.world["pu"], reason="Register it.")


def verifying_case(p, n: int):
    """A case PU has accepted, registered and started to verify: its tasks are PU's."""
    referral = referred_case(p, n)
    cases.accept_referral(referral, actor=p.pu)
    case = referral.case
    case.refresh_from_db()
    cases.register_application(case, actor=p.pu)
    cases.start_verification(case, actor=p.pu)
    return case


def incidents(p, first: int, n: int) -> int:
    place = Place.objects.get(name="Storskog")
    start = timezone.now() - timedelta(days=400)
    for k in range(first, first + n):
        border.open_incident(
            actor=p.police,
            occurred_from=start + timedelta(days=k),
            occurred_to=start + timedelta(days=k + 1),
            time_precision="day",
            place=place,
            nationality="RU",
        )
    return n


def sections(p, first: int, n: int) -> int:
    pasvik = BorderSection.objects.order_by("code").first()
    for k in range(first, first + n):
        border.save_section(
            actor=p.console,
            code=f"test-{k:03}",
            name=f"Test section {k}",
            geometry=pasvik.geometry,
            description=f"Section number {k}",
        )
    return n


def referrals(p, first: int, n: int) -> int:
    for k in range(first, first + n):
        referred_case(p, k)
    return n


def tasks(p, first: int, n: int) -> int:
    before = p.pu_tasks()
    for k in range(first, first + n):
        verifying_case(p, k)
    return p.pu_tasks() - before


def notifications(p, first: int, n: int) -> int:
    """Referred cases, then the notifier run as if `first` + 2 days had passed: PU is warned
    of the registration deadlines."""
    from borderwatch.cases.models import Notification

    pus = Notification.objects.filter(unit=p.world["pu"])
    before = pus.count()
    for k in range(first, first + n):
        referred_case(p, k)
    notify.run_once(now=timezone.now() + timedelta(days=2 + first))
    return pus.count() - before


def reports(p, first: int, n: int) -> int:
    for k in range(first, first + n):
        sources.record_source_report(
            actor=p.police,
            title=f"Report {k}",
            text=f"Report number {k} of a crossing.",
            outlet="Test",
            published_at=MONDAY,
        )
    return n


def proposals(p, first: int, n: int) -> int:
    """n reports (the founding article, each a little different) with their proposals."""
    made = 0
    for k in range(first, first + n):
        done = sources.ingest_report(
            actor=p.police,
            text=f"{article()}\n\nUpdate {k}.",
            published_at=MONDAY,
            channel="page",
        )
        made += len(done.proposals)
    return made


def history(p, first: int, n: int) -> int:
    """A police case (made on the first call) and n more rounds in its history, each four
    entries: a search for its incident started and ended, a notice to the security
    service and its assessment."""
    from borderwatch.security import services as security

    if first == 0:
        p.case = new_case(p.police, 0)
    incident = p.case.incident
    for k in range(first, first + n):
        at = incident.occurred_from + timedelta(hours=3, minutes=k)
        search = border.start_search(
            incident,
            actor=p.police,
            started_at=at,
            assets=[{"kind": "uav", "call_sign": f"UAV {k}"}, {"kind": "dog"}],
        )
        border.end_search(search, actor=p.police, ended_at=at, outcome="found")
        notice = security.send_security_notification(
            p.case, actor=p.police, to_unit=p.world["pst"], reason=f"Notice {k}", at=at
        )
        security.record_assessment(notice, actor=p.pst, conclusion="routine", text="ok", at=at)
    return 4 * n


# --- what a response shows --------------------------------------------------------------------


def items(response) -> int:
    return len(response.json()["items"])


def features(response) -> int:
    return len(response.json()["features"])


def queue(response) -> int:
    return len(response.json()["proposals"])


def links(pattern: str):
    def count(response) -> int:
        return len(re.findall(pattern, html(response)))

    return count


def entries(response) -> int:
    return len(response.json()["entries"])


def page_timeline(response) -> int:
    listed = re.search(r'<ol class="timeline">(.*?)</ol>', html(response), re.S)
    return listed.group(1).count("<li><time ")


def map_sections(response) -> int:
    listed = re.search(
        r'<ul class="plain legend-list sections-now">(.*?)</ul>', html(response), re.S
    )
    return listed.group(1).count("<li>")


@dataclass(frozen=True)
class ListCase:
    persona: str
    path: str
    make: Callable[..., int]  # (personas, first, n) -> rows added
    shown: Callable[..., int]  # response -> rows shown
    few: int = 1
    many: int = 12


# route (as in the inventory) → how this file tests it
LISTS = {
    "GET /api/v1/incidents": ListCase("police", "/api/v1/incidents?limit=200", incidents, items),
    "GET /api/v1/sections": ListCase("guard", "/api/v1/sections", sections, features),
    "GET /api/v1/referrals": ListCase("pu", "/api/v1/referrals?limit=200", referrals, items),
    "GET /api/v1/tasks": ListCase("pu", "/api/v1/tasks?limit=200", tasks, items, many=5),
    "GET /api/v1/notifications": ListCase(
        "pu", "/api/v1/notifications?limit=200", notifications, items
    ),
    "GET /api/v1/reports/review": ListCase(
        "police", "/api/v1/reports/review", proposals, queue, many=4
    ),
    "/reports/": ListCase("police", "/reports/", reports, links(r'href="/reports/\d+/"')),
    "/reports/review/": ListCase(
        "police", "/reports/review/", proposals, links(r'href="/reports/review/\d+/"'), many=4
    ),
    "/map/": ListCase("police", "/map/", sections, map_sections),
    "GET /api/v1/cases/{case_id}/timeline": ListCase(
        "police", "/api/v1/cases/{case}/timeline", history, entries, many=8
    ),
    "/cases/<int:pk>/": ListCase("police", "/cases/{case}/", history, page_timeline, many=8),
}


class Personas:
    def __init__(self, request):
        self.police = request.getfixturevalue("police")
        self.pu = request.getfixturevalue("pu")
        self.console = request.getfixturevalue("console")
        self.world = request.getfixturevalue("world")
        self.pst = request.getfixturevalue("pst")
        self.case = None

    def pu_tasks(self) -> int:
        from borderwatch.cases.models import Task

        return Task.objects.filter(unit=self.world["pu"]).count()


def _counted(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries), response


@pytest.mark.parametrize("route", sorted(LISTS))
def test_a_list_answers_in_as_many_queries_for_many_rows_as_for_few(request, world, route):
    case = LISTS[route]
    p = Personas(request)
    case.make(p, 0, case.few)
    path = case.path.format(case=p.case.pk if p.case else "")
    client = Client()
    client.force_login(request.getfixturevalue(case.persona).user)
    client.get(path)  # warm up: session, content types
    few_queries, response = _counted(client, path)
    few_rows = case.shown(response)
    assert few_rows >= 1, f"{route}: nothing shown with few rows"
    added = case.make(p, case.few, case.many)
    assert added > 0
    many_queries, response = _counted(client, path)
    assert case.shown(response) == few_rows + added, f"{route}: the new rows are not shown"
    assert many_queries <= few_queries, (
        f"{route}: {many_queries} queries for {few_rows + added} rows, {few_queries} for {few_rows}"
    )


def test_every_list_route_has_a_query_count_test(client):
    elsewhere = covered_elsewhere()
    known = set(LISTS) | set(elsewhere)
    inventory = list_inventory()
    missing = sorted(inventory - known)
    assert not missing, (
        f"lists without a query-count test (add to LISTS or the docstring): {missing}"
    )
    stale = sorted(known - inventory)
    assert not stale, f"entries for routes that are not lists in the route matrix: {stale}"
    assert not set(NOT_LISTS) & known
    gone = sorted(set(NOT_LISTS) - id_free_get_routes())
    assert not gone, f"NOT_LISTS names routes the matrix does not have: {gone}"
    matrix = {"/" + p for p in page_routes().values()} | set(API)
    gone = sorted(set(NESTED_LISTS) - matrix)
    assert not gone, f"NESTED_LISTS names routes the matrix does not have: {gone}"
    assert set(api_operations(client)) == set(API)  # the matrix is the whole API


def test_the_tests_named_in_the_docstring_exist():
    for route, tests in covered_elsewhere().items():
        for name in tests:
            where, test = name.split("::")
            source = (ROOT / where).read_text(encoding="utf-8")
            assert f"def {test}(" in source, f"{route}: no {name}"
