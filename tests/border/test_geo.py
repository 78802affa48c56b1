"""Geography: the shipped Natural Earth data, placing points in sections, distances to the
border, the gazetteer, and `borderwatch geo import` with its all-or-nothing validation."""

import copy
import json
import math
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import Point

from borderwatch.access.models import AuditEvent
from borderwatch.border import geo, services
from borderwatch.border.models import BorderSection, Detection

T0 = datetime(2025, 8, 22, 7, 15, tzinfo=ZoneInfo("Europe/Oslo"))
OSLO = (59.9139, 10.7522)
PASVIK = (69.25, 29.25)  # the Norwegian side of the upper Pasvik valley, near Vaggetem


def haversine_m(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * geo.EARTH_RADIUS_M * math.asin(math.sqrt(h))


def run(*args) -> str:
    out = StringIO()
    call_command("geo", *args, stdout=out)
    return out.getvalue()


# --- the shipped data ------------------------------------------------------------------------


def test_the_border_line_is_natural_earths_shared_arc():
    line = geo.border_line()
    assert len(line.coords) == 66
    assert line.coords[0] == pytest.approx((28.953, 69.028), abs=1e-3)
    assert line.coords[-1] == pytest.approx((30.840, 69.806), abs=1e-3)
    props = json.loads(geo.geojson_text("border.geojson"))["features"][0]["properties"]
    assert "Natural Earth 1:10m" in props["source"] and "world-atlas 2.0.2" in props["source"]
    assert props["derived_by"] == "scripts/derive_geography.py"


def test_the_land_of_norway_russia_and_finland_is_shipped_and_small():
    land = geo.land()
    assert set(land) == {"NO", "RU", "FI"}
    assert all(shape.is_valid and not shape.is_empty for shape in land.values())
    assert land["NO"].covers(Point(30.04556, 69.72694))  # Kirkenes
    assert land["RU"].covers(Point(30.22, 69.41))  # Nikel
    assert land["FI"].covers(Point(27.54, 68.66))  # Ivalo
    assert len(geo.geojson_text("land.geojson").encode()) < 300_000


def test_the_shipped_sections_are_valid_and_hold_the_places_of_the_gazetteer():
    sections = {s["code"]: s for s in geo.shipped_sections()}
    assert list(sections) == ["pasvik", "storskog", "korpfjell", "jakobselva"]
    for place in geo.gazetteer():
        if place["kind"] == "region":
            continue
        found = geo.locate(place["lat"], place["lon"], sections.values()).section
        assert (found or {}).get("code") == place["section"], place["name"]


def test_the_gazetteer_knows_the_press_spellings_and_the_russian_names():
    variants = {v["name"]: p["name"] for p in geo.gazetteer() for v in p["variants"]}
    assert variants["Pasviko"] == variants["Pasvikas"] == "Pasvik valley"
    assert variants["Finmark"] == "Finnmark"
    assert variants["Киркенес"] == "Kirkenes"
    assert variants["Борисоглебский"] == "Storskog"


# --- distances -------------------------------------------------------------------------------


def test_the_distance_to_the_border_is_in_metres_along_the_earth():
    line = geo.border_line()
    lat, lon = 69.65778, 30.20583  # Storskog
    dense = line.segmentize(0.0002)
    expected = min(haversine_m(lat, lon, y, x) for x, y in dense.coords)
    assert geo.distance_m(lat, lon, line) == pytest.approx(expected, rel=0.002)
    far = min(haversine_m(*OSLO, y, x) for x, y in line.coords)
    assert geo.distance_m(*OSLO, line) == pytest.approx(far, rel=0.001)


@given(
    st.floats(min_value=-1, max_value=1),
    st.floats(min_value=-1, max_value=1),
    st.floats(min_value=60, max_value=75),
    st.floats(min_value=0, max_value=40),
)
def test_the_projection_round_trips(dlat, dlon, lat0, lon0):
    lonlat = np.array([[lon0 + dlon, lat0 + dlat]])
    xy = geo.aeqd_forward(lat0, lon0, lonlat)
    assert np.hypot(*xy[0]) == pytest.approx(
        haversine_m(lat0, lon0, lat0 + dlat, lon0 + dlon), rel=1e-9, abs=1e-6
    )
    assert geo.aeqd_inverse(lat0, lon0, xy) == pytest.approx(lonlat, abs=1e-9)


# --- placing detections and incidents ----------------------------------------------------------


def detect(actor, lat, lon, **kw):
    return services.file_detection(
        actor=actor, detected_at=T0, lat=lat, lon=lon, source="patrol", **kw
    )


def test_a_point_in_the_pasvik_valley_lands_in_the_pasvik_section(guard):
    assert geo.land()["NO"].covers(Point(PASVIK[1], PASVIK[0]))
    d = detect(guard, *PASVIK)
    assert d.section.code == "pasvik"
    assert not d.outside_sections
    assert 0 < d.distance_to_border_m < 9_000


def test_a_point_in_oslo_is_accepted_but_flagged_outside(guard):
    d = detect(guard, *OSLO)
    assert Detection.objects.filter(pk=d.pk).exists()
    assert d.section is None
    assert d.outside_sections
    assert d.distance_to_border_m == pytest.approx(1_327_000, rel=0.01)


@pytest.mark.parametrize(
    ("lat", "lon", "code"),
    [
        (69.7712, 30.8205, "jakobselva"),  # the founding crossing
        (69.65778, 30.20583, "storskog"),
        (69.62, 30.55, "korpfjell"),
        (69.051694, 28.928861, "pasvik"),  # Treriksrøysa
    ],
)
def test_detections_are_placed_by_geometry_not_by_their_place(guard, lat, lon, code):
    from borderwatch.border.models import Place

    kirkenes = Place.objects.get(name="Kirkenes")
    d = detect(guard, lat, lon, place=kirkenes)
    assert d.section.code == code


def test_an_incident_without_a_place_is_placed_by_its_point(police):
    incident = services.open_incident(actor=police, occurred_from=T0, lat=PASVIK[0], lon=PASVIK[1])
    assert incident.section.code == "pasvik"
    far = services.open_incident(actor=police, occurred_from=T0, lat=OSLO[0], lon=OSLO[1])
    assert far.section is None


def test_without_geometries_the_place_still_gives_the_section(guard):
    from borderwatch.border.models import Place

    BorderSection.objects.update(geometry=None)
    d = detect(guard, *OSLO, place=Place.objects.get(name="Storskog"))
    assert d.section.code == "storskog"
    assert d.distance_to_border_m > 1_000_000


def test_the_reference_data_carries_the_geometry_and_loads_once(world, console):
    from borderwatch.scenario import founding

    assert all(s.geometry for s in BorderSection.objects.all())
    before = AuditEvent.objects.count()
    founding._reference_data(console, "x")
    assert AuditEvent.objects.count() == before


# --- validation ------------------------------------------------------------------------------


def good_collection() -> dict:
    features = [
        {
            "type": "Feature",
            "properties": {"code": s["code"], "name": s["name"]},
            "geometry": copy.deepcopy(s["geometry"]),
        }
        for s in geo.shipped_sections()
    ]
    return {"type": "FeatureCollection", "features": features}


def square(lon=30.0, lat=69.5, size=0.1):
    return [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
    ]


def broken(change) -> dict:
    data = good_collection()
    change(data)
    return data


def _open_ring(data):
    data["features"][2]["geometry"] = {"type": "Polygon", "coordinates": [square()[:-1]]}


def _outside(data):
    ring = square()
    ring[1] = [200, 69]
    data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [ring]}


def _point(data):
    data["features"][1]["geometry"] = {"type": "Point", "coordinates": [30, 69]}


def _bow_tie(data):
    ring = [[30, 69], [31, 70], [31, 69], [30, 70], [30, 69]]
    data["features"][3]["geometry"] = {"type": "Polygon", "coordinates": [ring]}


def _duplicate(data):
    data["features"][3]["properties"]["code"] = "pasvik"


def _no_name(data):
    del data["features"][1]["properties"]["name"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "not valid JSON"),
        ({"type": "Feature"}, "not a GeoJSON FeatureCollection"),
        ([1, 2], "not a GeoJSON FeatureCollection"),
        ({"type": "FeatureCollection", "features": []}, "has no features"),
        (broken(_open_ring), "feature 2 (code 'korpfjell'): ring 0 is not closed"),
        (broken(_outside), "feature 0 (code 'pasvik'): coordinate [200, 69] is outside WGS84"),
        (
            broken(_point),
            "feature 1 (code 'storskog'): geometry type Point is not allowed; "
            "use Polygon or MultiPolygon",
        ),
        (broken(_bow_tie), "feature 3 (code 'jakobselva'): polygon is not valid: Self-inter"),
        (broken(_duplicate), "feature 3 (code 'pasvik'): code 'pasvik' is used by feature 0"),
        (broken(_no_name), "feature 1 (code 'storskog'): properties.name is missing"),
    ],
)
def test_it_names_the_feature_and_the_problem(data, message):
    with pytest.raises(geo.GeoDataError) as err:
        geo.validate_sections(data if isinstance(data, str) else json.dumps(data))
    assert message in err.value.message
    assert "nothing was changed" in err.value.message


def test_it_lists_every_problem_at_once():
    data = broken(lambda d: (_open_ring(d), _point(d)))
    with pytest.raises(geo.GeoDataError) as err:
        geo.validate_sections(data)
    assert len(err.value.problems) == 2


# --- borderwatch geo import / export / show / locate --------------------------------------------


def write(tmp_path, data, name="sections.geojson"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def snapshot():
    return {s.code: (s.name, json.dumps(s.geometry)) for s in BorderSection.objects.all()}


def test_a_bad_file_changes_nothing(world, tmp_path):
    before, audit = snapshot(), AuditEvent.objects.count()
    data = broken(_open_ring)
    data["features"][0]["properties"]["name"] = "Renamed"
    with pytest.raises(CommandError, match="ring 0 is not closed"):
        run("import", write(tmp_path, data))
    assert snapshot() == before
    assert AuditEvent.objects.count() == audit


def test_a_good_file_replaces_the_sections_through_the_audited_service(world, tmp_path):
    data = good_collection()
    data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [square(29.0, 69.0)]}
    data["features"][0]["properties"]["name"] = "Pasvik (official)"
    data["features"].append(
        {
            "type": "Feature",
            "properties": {"code": "sea", "name": "Varangerfjord", "description": "Sea"},
            "geometry": {"type": "Polygon", "coordinates": [square(30.9, 69.8)]},
        }
    )
    before = AuditEvent.objects.count()
    out = run("import", write(tmp_path, data))
    assert "Imported 5 sections" in out and "created were: sea" in out
    assert "note: place 'Pasvik valley'" in out  # now outside its section's new shape
    pasvik = BorderSection.objects.get(code="pasvik")
    assert pasvik.name == "Pasvik (official)"
    assert pasvik.description  # kept: the file gave none
    assert pasvik.geometry["coordinates"] == [square(29.0, 69.0)]
    added = AuditEvent.objects.order_by("seq")[before:]
    assert [e.verb for e in added] == ["section.saved"] * 5


def test_a_dry_run_changes_nothing(world, tmp_path):
    before = snapshot()
    data = good_collection()
    data["features"][0]["properties"]["name"] = "Renamed"
    assert "no problems (dry run)" in run("import", "--dry-run", write(tmp_path, data))
    assert snapshot() == before


def test_only_administrators_import(world, tmp_path):
    before = snapshot()
    path = write(tmp_path, good_collection())
    with pytest.raises(CommandError, match="reference.manage"):
        run("import", path, "--as", "guard")
    assert snapshot() == before
    assert "Imported 4 sections" in run("import", path, "--as", "admin")
    event = AuditEvent.objects.filter(verb="section.saved").latest("seq")
    assert event.actor.username == "admin"


def test_export_writes_what_import_reads(world, tmp_path):
    path = tmp_path / "out.geojson"
    run("export", "--output", str(path))
    sections = geo.validate_sections(path.read_text(encoding="utf-8"))
    assert [s["code"] for s in sections] == ["jakobselva", "korpfjell", "pasvik", "storskog"]
    assert "Imported 4 sections" in run("import", str(path))


def test_show_and_locate(world):
    out = run("show")
    assert "66 points" in out and "pasvik" in out and "Kirkenes" in out
    assert "in section pasvik" in run("locate", *map(str, PASVIK))
    assert "outside every section" in run("locate", str(OSLO[0]), str(OSLO[1]))


def test_an_unreadable_file_is_a_clear_error(world, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run("import", str(tmp_path / "missing.geojson"))
