"""Derive borderwatch's shipped geography from Natural Earth 1:10m (public domain).

    .venv/bin/python scripts/derive_geography.py                 # npm pack world-atlas@2.0.2
    .venv/bin/python scripts/derive_geography.py --countries countries-10m.json
    .venv/bin/python scripts/derive_geography.py --check         # compare, write nothing

Reads countries-10m.json (TopoJSON) from the npm package world-atlas 2.0.2 and writes, in
borderwatch/border/geodata/:

    border.geojson    the Norway–Russia border: the one arc Norway (578) and Russia (643)
                      share, as a LineString from the Natural Earth tripoint to the
                      Jakobselva mouth (66 points)
    land.geojson      the land of Norway, Russia and Finland clipped to lon 20–36, lat 67.5–71.5
    sections.geojson  the default border sections: a strip on the Norwegian side of the line
                      (WIDTH_M wide, plus WATER_ALLOWANCE_M across it, since the border runs
                      in rivers and the 1:10m line is approximate), split along the line at
                      CUTS; each point of the strip belongs to the section of its nearest
                      point on the line

and checks gazetteer.json (kept by hand) against the sections: every place with a section
code lies in that section, and every other place (but regions) lies in none.

The output is deterministic (coordinates rounded to 5 decimals, about 1 m): a second run
reproduces the files byte for byte. Natural Earth 1:10m is good enough for an overview,
not for legal questions: its tripoint and Jakobselva mouth are about 3 km from the real
ones (DOMAIN.md §3), which is why official section data can replace the default
(`borderwatch geo import FILE.geojson`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import shapely
from shapely.geometry import LineString, MultiPoint, MultiPolygon, Point, Polygon, box, mapping

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from borderwatch.border.geo import collection_text, project, unproject  # noqa: E402

GEODATA = ROOT / "borderwatch" / "border" / "geodata"
PACKAGE = "world-atlas@2.0.2"
SOURCE = "Natural Earth 1:10m via world-atlas 2.0.2 (countries-10m.json), public domain"
SCRIPT = "scripts/derive_geography.py"

NORWAY, RUSSIA, FINLAND = "578", "643", "246"
COUNTRIES = [(NORWAY, "NO", "Norway"), (RUSSIA, "RU", "Russia"), (FINLAND, "FI", "Finland")]
BBOX = (20.0, 67.5, 36.0, 71.5)  # lon/lat box around Finnmark and the Kola peninsula
DIGITS = 5

# Metric work happens in an azimuthal equidistant projection centred on the border.
CENTRE = (69.4, 30.0)
WIDTH_M = 9_000  # the strip on the Norwegian side (Korpfjell is 7.5 km from the line)
WATER_ALLOWANCE_M = 1_500  # across the line: rivers, lakes and the line's own error
DENSIFY_M = 100  # spacing of the line points that share the strip out among sections
SIMPLIFY_M = 25

SECTIONS = [
    (
        "pasvik",
        "Pasvik valley",
        "The settled stretch along the Pasvik river, from Treriksrøysa past Svanvik to where "
        "the border reaches 69.5° N.",
    ),
    (
        "storskog",
        "Storskog crossing point",
        "The only legal crossing (E105), about 15 km east of Kirkenes: the lower Pasvik "
        "from 69.5° N (Boris Gleb) to where the border turns south-east past Storskog.",
    ),
    (
        "korpfjell",
        "Northern mountain sector (Korpfjell)",
        "Empty mountain terrain between Storskog and the Jakobselva source.",
    ),
    (
        "jakobselva",
        "Jakobselva / Grense Jakobselv",
        "The Jakobselva river from its source to the mouth at the Varangerfjord, with "
        "Grense Jakobselv.",
    ),
]
# Where one section ends and the next begins: a point (lat, lon) projected onto the line,
# moved along it by an offset in metres.
CUTS = [
    ("the line's first crossing of 69.5° N (lower Pasvik)", None, 0),
    ("the bend south-east of Storskog", (69.6206, 30.2961), 0),
    (
        "1 km before the Jakobselva source, so the source lies in its section",
        (69.5464, 30.7025),
        -1000,
    ),
]


# --- the source ----------------------------------------------------------------------------


def fetch_countries(workdir: Path) -> Path:
    """`npm pack world-atlas@2.0.2` and unpack countries-10m.json into workdir."""
    result = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent", "--pack-destination", str(workdir)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"npm pack {PACKAGE} failed:\n{result.stderr.strip()}")
    tarball = workdir / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        if meta.get("version") != "2.0.2":
            sys.exit(f"expected world-atlas 2.0.2, got {meta.get('version')}")
        target = workdir / "countries-10m.json"
        target.write_bytes(tar.extractfile("package/countries-10m.json").read())
    return target


class Topology:
    """Just enough TopoJSON: quantized, delta-encoded arcs and polygon geometries."""

    def __init__(self, data: dict):
        (self.sx, self.sy), (self.tx, self.ty) = (
            data["transform"]["scale"],
            data["transform"]["translate"],
        )
        self.raw_arcs = data["arcs"]
        self.countries = {
            g["id"]: g for g in data["objects"]["countries"]["geometries"] if "id" in g
        }

    def arc(self, index: int) -> list[tuple[float, float]]:
        reverse = index < 0
        x = y = 0
        points = []
        for dx, dy in self.raw_arcs[~index if reverse else index]:
            x += dx
            y += dy
            points.append((x * self.sx + self.tx, y * self.sy + self.ty))
        return points[::-1] if reverse else points

    def arc_ids(self, country: str) -> set[int]:
        found: set[int] = set()

        def walk(node):
            if isinstance(node, int):
                found.add(node if node >= 0 else ~node)
            else:
                for child in node:
                    walk(child)

        walk(self.countries[country]["arcs"])
        return found

    def ring(self, arcs: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in arcs:
            coords = self.arc(index)
            points.extend(coords if not points else coords[1:])
        return points

    def country(self, country: str, clip) -> shapely.Geometry:
        """The country's polygons that touch `clip`, each made valid (quantization can
        make a ring touch itself), united and clipped."""
        geometry = self.countries[country]
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts = []
        for rings in polygons:
            polygon = Polygon(self.ring(rings[0]), [self.ring(r) for r in rings[1:]])
            if polygon.intersects(clip):
                parts.append(shapely.make_valid(polygon).intersection(clip))
        return shapely.union_all(parts)


# --- output --------------------------------------------------------------------------------


def _rounded(value):
    if isinstance(value, float | int):
        return round(float(value), DIGITS)
    return [_rounded(v) for v in value]


def _finish(geometry) -> shapely.Geometry:
    """Snap to the output grid (keeping the geometry valid) and orient rings as RFC 7946
    asks (exterior counter-clockwise)."""
    geometry = shapely.set_precision(geometry, 10**-DIGITS)
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        geometry = shapely.orient_polygons(geometry)
        if geometry.geom_type == "Polygon":
            geometry = MultiPolygon([geometry])
    assert geometry.is_valid, shapely.is_valid_reason(geometry)
    return geometry


def feature(geometry, properties: dict) -> dict:
    geo = mapping(geometry)
    return {
        "type": "Feature",
        "properties": {**properties, "source": SOURCE, "derived_by": SCRIPT},
        "geometry": {"type": geo["type"], "coordinates": _rounded(geo["coordinates"])},
    }


# --- derivation ----------------------------------------------------------------------------


def border_line(topology: Topology) -> LineString:
    shared = sorted(topology.arc_ids(NORWAY) & topology.arc_ids(RUSSIA))
    if len(shared) != 1:
        sys.exit(f"expected one arc shared by Norway and Russia, found {shared}")
    line = LineString(topology.arc(shared[0]))
    if line.coords[0][1] > line.coords[-1][1]:  # run from the tripoint (south) to the sea
        line = line.reverse()
    return line


def cut_positions(line: LineString, line_m: LineString) -> list[float]:
    positions = []
    for _label, point, offset in CUTS:
        if point is None:
            crossing = line.intersection(LineString([(BBOX[0], 69.5), (BBOX[2], 69.5)]))
            points = getattr(crossing, "geoms", [crossing])
            at = min(line_m.project(project(p, *CENTRE)) for p in points)
        else:
            at = line_m.project(project(Point(point[1], point[0]), *CENTRE))
        positions.append(at + offset)
    assert positions == sorted(positions), positions
    return positions


def sections(line: LineString, lands: dict) -> list[tuple[str, str, str, shapely.Geometry]]:
    line_m = project(line, *CENTRE)
    norway = project(lands["NO"], *CENTRE)
    finland = project(lands["FI"], *CENTRE)
    strip = line_m.buffer(WIDTH_M)
    side = shapely.union(norway, line_m.buffer(WATER_ALLOWANCE_M).difference(finland))
    area = strip.intersection(side)
    # Share the strip out: each point goes with its nearest point on the line.
    dense = shapely.segmentize(line_m, DENSIFY_M)
    points = list(dense.coords)
    cells = shapely.voronoi_polygons(
        MultiPoint(points), extend_to=area.envelope.buffer(WIDTH_M), ordered=True
    ).geoms
    cuts = cut_positions(line, line_m)
    groups: list[list] = [[] for _ in SECTIONS]
    for point, cell in zip(points, cells, strict=True):
        at = line_m.project(Point(point))
        groups[sum(at > c for c in cuts)].append(cell)
    pieces = [shapely.union_all(g).intersection(area) for g in groups]
    pieces = shapely.coverage_simplify(pieces, SIMPLIFY_M)
    return [
        (code, name, description, _finish(unproject(piece, *CENTRE)))
        for (code, name, description), piece in zip(SECTIONS, pieces, strict=True)
    ]


def check_gazetteer(section_shapes: dict) -> list[str]:
    data = json.loads((GEODATA / "gazetteer.json").read_text(encoding="utf-8"))
    problems = []
    for place in data["places"]:
        point = Point(place["lon"], place["lat"])
        inside = [code for code, shape in section_shapes.items() if shape.covers(point)]
        if place.get("kind") == "region":
            continue
        expected = [place["section"]] if place["section"] else []
        if inside != expected:
            problems.append(
                f"{place['name']} ({place['lat']}, {place['lon']}) lies in {inside or 'no section'}"
                f", gazetteer.json says {place['section'] or 'none'}"
            )
    return problems


def derive(countries_json: Path) -> dict[str, str]:
    topology = Topology(json.loads(countries_json.read_text(encoding="utf-8")))
    clip = box(*BBOX)
    lands = {iso: topology.country(cid, clip) for cid, iso, _ in COUNTRIES}
    line = border_line(topology)
    border = feature(
        shapely.set_precision(line, 10**-DIGITS),
        {
            "name": "Norway–Russia border",
            "from": "Norway–Finland–Russia tripoint (Natural Earth; the cairn Treriksrøysa "
            "is at 69.051694, 28.928861)",
            "to": "Jakobselva mouth, Varangerfjord (Natural Earth; the real mouth is at "
            "69.78139, 30.81889)",
            "points": len(line.coords),
            "note": "A 1:10m generalisation (about 164 km against 197.7 km surveyed): good "
            "for an overview, not for legal questions.",
        },
    )
    land = [
        feature(_finish(lands[iso]), {"iso_a2": iso, "name": name, "natural_earth_id": cid})
        for cid, iso, name in COUNTRIES
    ]
    derived = sections(line, lands)
    section_features = [
        feature(
            geometry,
            {
                "code": code,
                "name": name,
                "description": description,
                "width_m": WIDTH_M,
                "water_allowance_m": WATER_ALLOWANCE_M,
            },
        )
        for code, name, description, geometry in derived
    ]
    shapes = {code: geometry for code, _, _, geometry in derived}
    problems = check_gazetteer(shapes)
    if problems:
        sys.exit("gazetteer.json disagrees with the sections:\n  " + "\n  ".join(problems))
    return {
        "border.geojson": collection_text([border]),
        "land.geojson": collection_text(land),
        "sections.geojson": collection_text(section_features),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--countries",
        type=Path,
        help=f"countries-10m.json from {PACKAGE} (default: fetch it with npm pack)",
    )
    parser.add_argument(
        "--check", action="store_true", help="only say whether the shipped files are current"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        countries = args.countries or fetch_countries(Path(tmp))
        outputs = derive(countries)
    stale = []
    for name, text in outputs.items():
        path = GEODATA / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            print(f"{path.relative_to(ROOT)}: unchanged ({len(text.encode()):,} bytes)")
            continue
        stale.append(name)
        if args.check:
            print(f"{path.relative_to(ROOT)}: out of date")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: written ({len(text.encode()):,} bytes)")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
