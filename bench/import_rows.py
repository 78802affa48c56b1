"""Rows for `borderwatch import`: realistic, valid incidents inside the shipped sections.

    .venv/bin/python bench/import_rows.py OUT.csv|OUT.ndjson [-n 100000] [--seed 1]

`write_rows(path, n, seed, fmt)` streams `n` rows to `path` (never held whole): unique
external refs, times over 2006–2025 with the precisions real reports have (exact times with
their UTC offset, days, months, seasons, years), positions drawn inside the shipped border
sections (a quarter given by a gazetteer place name or one of its variants instead),
group sizes, nationalities, detection methods, and now and then an affiliation. The same
seed gives the same file. Needs no database (only the shipped geodata).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from borderwatch.border import geo  # noqa: E402 (after the path is set; no Django needed)
from borderwatch.border.columns import COLUMNS  # noqa: E402

SECTION_WEIGHTS = {"pasvik": 0.35, "storskog": 0.35, "korpfjell": 0.1, "jakobselva": 0.2}
PRECISIONS = [("exact", 0.45), ("day", 0.25), ("month", 0.15), ("season", 0.1), ("year", 0.05)]
NATIONALITIES = [("RU", 0.62), ("UA", 0.07), ("BY", 0.05), ("SY", 0.09), ("AF", 0.07)]
NATIONALITIES += [("IR", 0.04), ("IQ", 0.03), ("ER", 0.03)]
PERSONS = [(1, 0.45), (2, 0.25), (3, 0.15), (4, 0.08), (5, 0.05), (12, 0.02)]
DETECTION = [("patrol", 0.35), ("camera", 0.15), ("sensor", 0.1), ("surrendered", 0.2)]
DETECTION += [("police", 0.1), ("public_tip", 0.05), ("uav", 0.05)]
SEASON_START = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9}
START = datetime(2006, 1, 1, tzinfo=UTC)
SPAN = (datetime(2025, 12, 1, tzinfo=UTC) - START).total_seconds()


def _picker(rng: random.Random, pairs):
    values = [v for v, _ in pairs]
    weights = [w for _, w in pairs]
    return lambda k: rng.choices(values, weights, k=k)


def _points(code: str, n: int, gen: np.random.Generator) -> np.ndarray:
    section = next(s for s in geo.shipped_sections() if s["code"] == code)
    shape = geo.section_shape(section["geometry"])
    minx, miny, maxx, maxy = shape.bounds
    out = np.empty((0, 2))
    while len(out) < n:
        xy = gen.uniform((minx, miny), (maxx, maxy), size=(max(n, 256) * 2, 2))
        out = np.vstack([out, xy[shapely.contains_xy(shape, xy[:, 0], xy[:, 1])]])
    return out[:n]


def _when(t: datetime, precision: str) -> tuple[str, str, str]:
    """(occurred_from, time_precision, time_text) as a partner would write them."""
    local = t + timedelta(hours=1 if t.month in (1, 2, 3, 11, 12) else 2)  # Oslo, roughly
    if precision == "exact":
        offset = "+01:00" if t.month in (1, 2, 3, 11, 12) else "+02:00"
        return local.strftime("%Y-%m-%dT%H:%M:00") + offset, "exact", ""
    if precision == "day":
        return local.strftime("%Y-%m-%d"), "day", ""
    if precision == "month":
        return local.strftime("%Y-%m-01"), "month", local.strftime("in %B %Y")
    if precision == "season":
        name = {12: "winter", 1: "winter", 2: "winter"}.get(local.month)
        name = name or ["spring", "summer", "autumn"][(local.month - 3) // 3]
        year = local.year - (1 if local.month in (1, 2) else 0)
        return f"{year}-{SEASON_START[name]:02d}-01", "season", f"in the {name} of {year}"
    return f"{local.year}-01-01", "year", f"in {local.year}"


def rows(n: int, seed: int, unit: str | None = "finnmark-pd"):
    """Yield `n` rows as dicts of COLUMNS (strings; "" when absent)."""
    rng = random.Random(seed)
    gen = np.random.default_rng(seed)
    codes = list(SECTION_WEIGHTS)
    per = min(n, 50_000) + 1
    points = {c: _points(c, per, gen) for c in codes}
    places = {c: [] for c in codes}
    for p in geo.gazetteer():
        if p.get("section") in places:
            places[p["section"]] += [p["name"], *(v["name"] for v in p["variants"])]
    chunk = 10_000
    done = 0
    while done < n:
        k = min(chunk, n - done)
        sections = rng.choices(codes, [SECTION_WEIGHTS[c] for c in codes], k=k)
        precisions = _picker(rng, PRECISIONS)(k)
        nationalities = _picker(rng, NATIONALITIES)(k)
        persons = _picker(rng, PERSONS)(k)
        detections = _picker(rng, DETECTION)(k)
        for i in range(k):
            code = sections[i]
            t = START + timedelta(seconds=rng.random() * SPAN)
            occurred_from, precision, text = _when(t, precisions[i])
            row = dict.fromkeys(COLUMNS, "")
            row["external_ref"] = f"bench-{seed}-{done + i:08d}"
            row["occurred_from"] = occurred_from
            row["time_precision"] = precision
            row["time_text"] = text
            if places[code] and rng.random() < 0.25:
                row["place"] = rng.choice(places[code])
            else:
                lon, lat = points[code][rng.randrange(per)]
                row["lat"] = f"{lat:.5f}"
                row["lon"] = f"{lon:.5f}"
            exit_ = rng.random() < 0.08
            row["country_left"], row["country_entered"] = ("NO", "RU") if exit_ else ("RU", "NO")
            row["attempted_only"] = "true" if rng.random() < 0.1 else "false"
            row["persons_count"] = str(persons[i])
            row["persons_count_is_lower_bound"] = "true" if rng.random() < 0.05 else "false"
            row["crossings_uncertain"] = "true" if persons[i] > 1 and rng.random() < 0.1 else ""
            row["nationality"] = nationalities[i]
            if rng.random() < 0.02:
                row["claimed_affiliation"] = "Wagner Group (claimed)"
            row["detection_method"] = detections[i]
            row["type"] = "unauthorised_crossing" if rng.random() < 0.95 else "cross_border_crime"
            row["status"] = "closed" if t.year < 2025 else "open"
            row["summary"] = (
                f"{persons[i]} person(s) crossed near the {code} section; "
                f"reported by {detections[i]}."
            )
            if unit:
                row["owning_unit"] = unit
            yield row
        done += k


def write_rows(path, n: int, seed: int = 1, fmt: str | None = None, unit="finnmark-pd") -> Path:
    """Write `n` valid rows to `path` as CSV or NDJSON (from the extension by default)."""
    path = Path(path)
    fmt = fmt or ("ndjson" if path.suffix in (".ndjson", ".jsonl") else "csv")
    columns = [c for c in COLUMNS if unit or c != "owning_unit"]
    with path.open("w", encoding="utf-8", newline="") as f:
        if fmt == "csv":
            writer = csv.writer(f)
            writer.writerow(columns)
            for row in rows(n, seed, unit):
                writer.writerow([row[c] for c in columns])
        else:
            for row in rows(n, seed, unit):
                f.write(json.dumps({c: v for c, v in row.items() if v != ""}) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=["csv", "ndjson"])
    parser.add_argument("--unit", default="finnmark-pd", help="owning_unit of every row")
    args = parser.parse_args()
    write_rows(args.out, args.n, args.seed, args.format, args.unit or None)


if __name__ == "__main__":
    main()
