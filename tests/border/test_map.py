"""The map: its API (border, land, features filtered by the policy, aggregated when many)
and its page (filters from the query string, configuration in data-* attributes, no
inline script, 404 for roles that see no incidents)."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borderwatch.access.models import AuditEvent, Unit
from borderwatch.border import services as border
from borderwatch.border.map_layers import POINT_LIMIT, Box, cell_size
from borderwatch.border.models import (
    Detection,
    Incident,
    SearchAsset,
    SearchOperation,
)
from borderwatch.scenario.founding import MAIN_REF

FEATURES = "/api/v1/map/features"
REGION = "28.5,68.9,31.2,69.9"  # the border and its sections
GRENSE = "30.7,69.7,30.9,69.8"  # Grense Jakobselv only
PASVIK = "29.0,69.0,30.2,69.5"  # the Pasvik valley only


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    """WhiteNoise warns (an error here) when STATIC_ROOT does not exist yet."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


def signed_in(client, persona):
    client.force_login(persona.user)
    return client


def features(client, **params):
    response = client.get(FEATURES, params)
    assert response.status_code == 200, response.content
    return response.json()


def of_kind(collection, kind):
    return [f for f in collection["features"] if f["properties"]["kind"] == kind]


def many_incidents(unit: Unit, n: int, *, lat=69.4, lon=29.9, spread=0.5, start=None):
    """n incidents owned by `unit`, spread over a square around (lat, lon): test data
    written in one statement."""
    start = start or datetime(2024, 3, 1, tzinfo=UTC)
    side = max(1, int(n**0.5))
    rows = [
        Incident(
            owning_unit=unit,
            occurred_from=start + timedelta(hours=i),
            occurred_to=start + timedelta(hours=i + 1),
            time_precision="exact",
            opened_at=start + timedelta(hours=i),
            lat=lat - spread / 2 + spread * (i // side) / side,
            lon=lon - spread / 2 + spread * (i % side) / side,
            nationality="RU",
            impact_level=("low", "medium", "high", "very_high")[i % 4],
        )
        for i in range(n)
    ]
    return Incident.objects.bulk_create(rows)


# --- the border and the base map -------------------------------------------------------------


def test_it_serves_the_border_as_the_66_point_line(client, police):
    response = signed_in(client, police).get("/api/v1/border")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    [line] = body["features"]
    assert line["geometry"]["type"] == "LineString"
    points = line["geometry"]["coordinates"]
    assert len(points) == 66
    assert points[0] == pytest.approx([28.953, 69.028], abs=0.01)
    assert points[-1] == pytest.approx([30.840, 69.806], abs=0.01)


def test_it_serves_land_and_place_names_for_a_map_without_tiles(client, police):
    signed_in(client, police)
    land = client.get("/api/v1/map/land").json()
    assert {f["properties"]["iso_a2"] for f in land["features"]} == {"NO", "RU", "FI"}
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in land["features"])
    places = client.get("/api/v1/map/places").json()
    names = [f["properties"]["name"] for f in places["features"]]
    assert {"Kirkenes", "Storskog", "Grense Jakobselv", "Svanvik"} <= set(names)
    assert "Jakobselva mouth" not in names  # beside Grense Jakobselv: one label is enough
    assert "Nikel" not in names  # approximate
    countries = {
        f["properties"]["name"]: f["geometry"]["coordinates"]
        for f in places["features"]
        if f["properties"]["kind"] == "country"
    }
    assert set(countries) == {"Norway", "Russia", "Finland"}
    lon, lat = countries["Russia"]
    assert lon > 30 and lat < 69.5  # east and south of the border, on Russian land


@pytest.mark.parametrize(
    "path",
    ["/api/v1/border", "/api/v1/map/land", "/api/v1/map/places", FEATURES],
)
def test_it_requires_sign_in_for_the_map_api(client, world, path):
    assert client.get(path).status_code == 401


def test_it_lists_the_map_endpoints_in_the_openapi(client, police):
    spec = signed_in(client, police).get("/api/v1/openapi.json").json()
    assert {"/api/v1/border", "/api/v1/map/land", "/api/v1/map/features"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/v1/map/features"]["get"]["parameters"]}
    assert {"bbox", "zoom", "since", "until", "type", "nationality", "status", "layers"} <= params


# --- what the map shows, and to whom ------------------------------------------------------------


def test_it_shows_the_police_their_four_incidents_the_detection_and_the_search(
    client, police, story
):
    body = features(signed_in(client, police), bbox=REGION, zoom=8)
    incidents = of_kind(body, "incident")
    assert len(incidents) == 4
    assert body["layers"]["incidents"] == {"shown_as": "points", "count": 4}
    main = Incident.objects.get(external_ref=MAIN_REF)
    [shown] = [f for f in incidents if f["properties"]["id"] == main.pk]
    assert shown["properties"]["reference"] == main.reference
    assert shown["properties"]["when"] == "Fri 22 Aug 2025"
    assert shown["properties"]["impact_level"] == main.impact_level
    assert shown["geometry"]["coordinates"] == [round(main.lon, 5), round(main.lat, 5)]
    assert "summary" not in shown["properties"]  # the summary comes with a click (audited)

    [detection] = of_kind(body, "detection")
    assert detection["properties"]["incident"] == main.pk
    assert detection["properties"]["source"] == "patrol"

    [search] = of_kind(body, "search")
    assert search["properties"]["incident"] == main.pk
    assert search["properties"]["area_recorded"] is False
    assert search["geometry"] == {"type": "Point", "coordinates": shown["geometry"]["coordinates"]}
    assets = {a["kind"]: a["call_sign"] for a in search["properties"]["assets"]}
    assert assets == {
        "uav": "Police UAV (call sign not reported)",
        "patrol": "GSV patrol, Grense Jakobselv",
    }


def test_it_draws_a_search_area_and_its_assets(client, police, story):
    main = Incident.objects.get(external_ref=MAIN_REF)
    area = {
        "type": "Polygon",
        "coordinates": [[[30.79, 69.76], [30.86, 69.76], [30.86, 69.79], [30.79, 69.76]]],
    }
    border.start_search(
        main,
        actor=police,
        started_at=datetime(2025, 8, 22, 10, 0, tzinfo=UTC),
        area=area,
        assets=[
            {"kind": "helicopter", "call_sign": "LN-ORK"},
            {"kind": "dog", "call_sign": "K9 Varanger"},
        ],
    )
    searches = of_kind(features(signed_in(client, police), bbox=GRENSE), "search")
    [drawn] = [s for s in searches if s["properties"]["area_recorded"]]
    assert drawn["geometry"] == area
    assert [a["kind"] for a in drawn["properties"]["assets"]] == ["helicopter", "dog"]
    assert drawn["properties"]["ended"] is None


def test_it_shows_another_police_district_no_marker_of_finnmark(client, other_police, story):
    body = features(signed_in(client, other_police), bbox=REGION)
    assert body["features"] == []
    assert body["layers"]["incidents"]["count"] == 0


def test_it_shows_the_statistician_no_markers_and_no_map_page(client, analyst, story):
    signed_in(client, analyst)
    body = features(client)
    assert body["features"] == []
    response = client.get("/map/")
    assert response.status_code == 404
    nav = client.get("/", follow=True).content.decode()
    assert 'href="/map/"' not in nav


def test_it_shows_detections_of_visible_incidents_and_of_the_own_unit_only(
    client, police, guard, other_police, story
):
    at = datetime(2025, 9, 1, 12, 0, tzinfo=UTC)
    own = border.file_detection(actor=guard, detected_at=at, lat=69.5, lon=30.1, source="sensor")
    foreign = border.file_detection(
        actor=other_police, detected_at=at, lat=69.5, lon=30.2, source="public_tip"
    )
    assert own.incident_id is None and foreign.incident_id is None

    def detections(persona):
        client.force_login(persona.user)
        return {f["properties"]["id"] for f in of_kind(features(client, bbox=REGION), "detection")}

    scenario = set(
        Detection.objects.exclude(pk__in=[own.pk, foreign.pk]).values_list("pk", flat=True)
    )
    assert detections(guard) == scenario | {own.pk}
    assert detections(police) == scenario  # of their incident, not GSV's loose one
    assert detections(other_police) == {foreign.pk}


def test_it_keeps_to_the_box(client, police, story):
    signed_in(client, police)
    grense = features(client, bbox=GRENSE)
    pasvik = features(client, bbox=PASVIK)
    refs = {i.pk: i.external_ref for i in Incident.objects.all()}
    assert {refs[f["properties"]["id"]] for f in of_kind(grense, "incident")} == {
        MAIN_REF,
        "scenario:2023-autumn-grense-jakobselv",
    }
    assert {refs[f["properties"]["id"]] for f in of_kind(pasvik, "incident")} == {
        "scenario:2023-01-pasvik-wagner",
        "scenario:2023-later-pasvik-three",
    }
    assert of_kind(pasvik, "detection") == of_kind(pasvik, "search") == []
    assert features(client, bbox="10,60,11,61")["features"] == []


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"since": "2025-01-01"}, 1),
        ({"until": "2023-01-31"}, 2),  # January 2023, and "later in 2023 (after 14 Jan)"
        ({"since": "2023-10-01", "until": "2023-10-31"}, 2),  # autumn 2023; all of 2023
        ({"nationality": "ru"}, 4),
        ({"nationality": "FI"}, 0),
        ({"type": "unauthorised_crossing"}, 4),
        ({"type": "crisis"}, 0),
        ({"status": "open"}, 4),
        ({"status": "closed"}, 0),
        ({"layers": "detections"}, 0),
    ],
)
def test_it_filters_like_the_incident_list(client, police, story, params, count):
    body = features(signed_in(client, police), bbox=REGION, **params)
    assert len(of_kind(body, "incident")) == count


def test_it_filters_detections_and_searches_by_the_same_filters(client, police, story):
    signed_in(client, police)
    old = features(client, bbox=REGION, until="2024-12-31")
    assert of_kind(old, "detection") == of_kind(old, "search") == []
    only_searches = features(client, bbox=REGION, layers="searches")
    assert {f["properties"]["kind"] for f in only_searches["features"]} == {"search"}
    assert set(only_searches["layers"]) == {"searches"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"bbox": "28,69,31"}, "bbox"),
        ({"bbox": "west,south,east,north"}, "bbox"),
        ({"bbox": "31,69,28,70"}, "bbox"),  # west east of east
        ({"bbox": "28,69,31,95"}, "bbox"),
        ({"bbox": "nan,69,31,70"}, "bbox"),
        ({"until": "2023-01-01", "since": "2024-01-01"}, "until"),
        ({"nationality": "Russia"}, "nationality"),
        ({"layers": "incidents,persons"}, "layers"),
    ],
)
def test_it_refuses_a_bad_box_or_filter_naming_the_field(client, police, story, params, field):
    response = signed_in(client, police).get(FEATURES, params)
    assert response.status_code == 400
    assert response.json()["field"] == field


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "2025-13-01"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"zoom": "99"}, "zoom"),
        ({"type": "banana"}, "type"),
    ],
)
def test_it_refuses_a_malformed_query_naming_the_field(client, police, params, field):
    response = signed_in(client, police).get(FEATURES, params)
    assert response.status_code == 422
    assert [e["loc"][-1] for e in response.json()["detail"]] == [field]


# --- many incidents: grid cells counted in the database -----------------------------------------


def test_it_groups_incidents_into_cells_above_the_limit(client, police, world):
    many_incidents(world["finnmark-pd"], POINT_LIMIT + 100)
    signed_in(client, police)
    body = features(client, bbox=REGION, zoom=8, layers="incidents")
    cells = of_kind(body, "cell")
    assert of_kind(body, "incident") == []
    assert body["layers"]["incidents"] == {"shown_as": "cells", "count": POINT_LIMIT + 100}
    assert sum(c["properties"]["count"] for c in cells) == POINT_LIMIT + 100
    assert {c["properties"]["layer"] for c in cells} == {"incidents"}
    levels = {c["properties"]["impact_level"] for c in cells}
    assert "very_high" in levels and levels <= {"very_high", "high", "medium", "low"}
    assert 1 < len(cells) < 100

    closer = of_kind(features(client, bbox=REGION, zoom=10, layers="incidents"), "cell")
    assert len(closer) > len(cells)  # zooming in splits the cells
    assert sum(c["properties"]["count"] for c in closer) == POINT_LIMIT + 100

    corner = features(client, bbox="29.6,69.1,29.8,69.25", zoom=12, layers="incidents")
    assert corner["layers"]["incidents"]["shown_as"] == "points"
    assert 0 < len(of_kind(corner, "incident")) <= POINT_LIMIT


def test_it_groups_detections_of_visible_incidents_only(client, police, other_police, world):
    mine = many_incidents(world["finnmark-pd"], POINT_LIMIT + 1)
    at = datetime(2024, 5, 1, tzinfo=UTC)
    Detection.objects.bulk_create(
        Detection(
            source="sensor",
            detected_at=at,
            lat=i.lat,
            lon=i.lon,
            filed_by_unit=world["troms-pd"],
            incident=i,
            received_at=at,
        )
        for i in mine
    )
    body = features(signed_in(client, police), bbox=REGION, layers="detections")
    assert body["layers"]["detections"] == {"shown_as": "cells", "count": POINT_LIMIT + 1}
    # Troms filed them, and by the policy a unit may open the incidents it detected
    theirs = features(signed_in(client, other_police), bbox=REGION, layers="detections,incidents")
    assert theirs["layers"]["detections"]["count"] == POINT_LIMIT + 1
    assert theirs["layers"]["incidents"]["count"] == POINT_LIMIT + 1


def test_it_sizes_cells_by_zoom_on_a_fixed_grid():
    box = Box(28.5, 68.9, 31.2, 69.9)
    dlon8, dlat8 = cell_size(8, box)
    dlon9, dlat9 = cell_size(9, box)
    assert dlon8 == 360 / 2**10 and dlon9 == dlon8 / 2 and dlat9 == dlat8 / 2
    assert dlat8 == pytest.approx(dlon8 * 0.3584, rel=1e-3)  # cos 69°
    whole_world = cell_size(18, None)
    assert whole_world[0] * 32 >= 360 and whole_world[1] * 32 >= 180


def test_it_keeps_the_answer_small_and_its_coordinates_short(client, police, world):
    many_incidents(world["finnmark-pd"], 2000, spread=2.5, lat=69.4, lon=29.9)
    response = signed_in(client, police).get(FEATURES, {"bbox": REGION, "zoom": 9})
    assert len(response.content) < 50_000
    text = response.content.decode()
    assert not re.search(r"\d\.\d{6,}", text)  # 5 decimals at most
    assert ", " not in text  # compact separators


# --- the cost of a request ------------------------------------------------------------------


def _with_searches(police, incidents):
    for i in incidents:
        op = SearchOperation.objects.create(
            incident=i,
            owning_unit=police.unit,
            started_at=i.occurred_from,
        )
        SearchAsset.objects.bulk_create(
            [
                SearchAsset(operation=op, kind="uav", call_sign=f"UAV {i.pk}"),
                SearchAsset(operation=op, kind="dog"),
            ]
        )


def _queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(FEATURES, {"bbox": REGION, "zoom": 8})
    assert response.status_code == 200
    return len(ctx.captured_queries), response.json()


def test_it_answers_in_the_same_number_of_queries_for_5_and_60_incidents(
    client, police, world, django_assert_max_num_queries
):
    unit = world["finnmark-pd"]
    signed_in(client, police)
    _with_searches(police, many_incidents(unit, 5))
    with_five, body = _queries(client)
    assert len(of_kind(body, "incident")) == 5 and len(of_kind(body, "search")) == 5
    _with_searches(police, many_incidents(unit, 55, start=datetime(2024, 6, 1, tzinfo=UTC)))
    with django_assert_max_num_queries(with_five):
        response = client.get(FEATURES, {"bbox": REGION, "zoom": 8})
    body = response.json()
    assert len(of_kind(body, "incident")) == 60 and len(of_kind(body, "search")) == 60


def test_reading_the_map_writes_nothing_but_a_click_is_audited(client, police, story):
    signed_in(client, police)
    before = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        for path in ("/api/v1/border", "/api/v1/map/land", "/api/v1/map/places", FEATURES):
            assert client.get(path, {"bbox": REGION} if path == FEATURES else {}).status_code == 200
    writes = [
        q["sql"]
        for q in ctx.captured_queries
        if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)
        and "django_session" not in q["sql"]
    ]
    assert writes == []
    assert AuditEvent.objects.count() == before

    main = Incident.objects.get(external_ref=MAIN_REF)
    body = client.get(f"/api/v1/incidents/{main.pk}").json()  # what a click on a marker asks
    assert body["summary"].startswith("A Russian soldier crossed")
    event = AuditEvent.objects.latest("seq")
    assert (event.verb, event.target_id) == ("incident.viewed", str(main.pk))


# --- the page ------------------------------------------------------------------------------------


def test_it_offers_the_map_page_with_its_configuration_and_no_inline_script(
    client, police, story, settings
):
    settings.BORDERWATCH_TILE_URL = ""
    response = signed_in(client, police).get("/map/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/map/" aria-current="page">Map</a>' in html
    assert 'id="map"' in html and 'data-api="/api/v1/"' in html
    assert 'data-incident-page="/incidents/0/"' in html
    assert 'data-tile-url=""' in html
    assert "/static/vendor/leaflet-1.9.4/leaflet.js" in html
    assert "/static/vendor/leaflet-1.9.4/leaflet.css" in html
    assert "/static/js/map.js" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script
    assert not re.search(r"\sstyle=", html)  # no inline style
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handler
    bounds = json.loads(re.search(r'data-bounds="([^"]+)"', html).group(1).replace("&quot;", '"'))
    (south, west), (north, east) = bounds
    assert 28.4 < west < 28.7 and 31.1 < east < 31.3 and 68.8 < south < 69.0 and 69.8 < north < 70
    labels = re.search(r'data-labels="([^"]+)"', html).group(1)
    assert json.loads(labels.replace("&quot;", '"').replace("&amp;", "&"))["impact"]["low"] == "Low"
    for name in ("Pasvik valley", "Storskog crossing point"):
        assert name in html  # the legend lists each section with its level


def test_it_reads_the_filters_from_the_query_string(client, police, story):
    signed_in(client, police)
    html = client.get(
        "/map/?since=2025-01-01&type=unauthorised_crossing&nationality=RU&status=open"
        "&layers=incidents"
    ).content.decode()
    assert 'name="since" value="2025-01-01"' in html
    assert '<option value="unauthorised_crossing" selected>' in html
    assert 'name="nationality" value="RU"' in html
    assert '<option value="open" selected>' in html
    assert 'value="incidents" checked' in html
    assert 'value="detections" checked' not in html
    unfiltered = client.get("/map/").content.decode()
    assert all(
        f'value="{n}" checked' in unfiltered for n in ("incidents", "detections", "searches")
    )


def test_it_shows_bad_filters_beside_their_fields(client, police, story):
    signed_in(client, police)
    html = client.get("/map/?since=2025-02-30&nationality=Russia").content.decode()
    assert "There is a problem" in html
    assert 'id="since-error"' in html and 'id="nationality-error"' in html
    assert "two-letter country code" in html
    html = client.get("/map/?since=2025-02-01&until=2025-01-01").content.decode()
    assert 'id="until-error"' in html


def test_it_passes_a_configured_tile_url_to_the_map(client, guard, story, settings):
    settings.BORDERWATCH_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    html = signed_in(client, guard).get("/map/").content.decode()
    assert 'data-tile-url="https://tiles.example/{z}/{x}/{y}.png"' in html


def test_it_has_no_map_for_a_lawyer(client, lawyer, story):
    signed_in(client, lawyer)
    assert client.get("/map/").status_code == 404
    assert features(client, bbox=REGION)["features"] == []


def test_it_sends_a_signed_out_user_from_the_map_to_sign_in(client, world):
    response = client.get("/map/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/map/"


@pytest.mark.parametrize("who", ["guard", "police", "pu", "pst"])
def test_it_offers_the_map_to_each_role_that_sees_incidents(client, request, story, who):
    persona = request.getfixturevalue(who)
    assert signed_in(client, persona).get("/map/").status_code == 200
