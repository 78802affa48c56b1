"""Latency of the situational picture, a case page and the map ÷ the bare SQL they run.

    DATABASE_URL=postgres://… .venv/bin/python bench/latency.py --label large --out FILE

Run by bench/run.py against each data set; it can be run alone against any database that
holds a synthetic data set (`borderwatch scenario synth`).

For each request, in one process:

1. **Capture**: the request is made once through Django's test client with every SQL
   statement recorded exactly as sent (Django binds parameters on the client side, so the
   recorded text is what PostgreSQL received).
2. **Time**, alternately, `--rounds` times after a warm-up:
   - the request through the whole stack (URL routing, middleware: session, sign-in,
     second factor, CSRF; the policy; the view; JSON or the template), and
   - the same statements replayed through a plain psycopg connection, fetching every row.
   Both run inside a transaction that is rolled back, so a request that writes (a case
   page appends `case.viewed` to the audit trail) does the same work every time and leaves
   the data set as it was; the commit is measured by neither.
3. Report p50 and p95 of each and their ratios (request ÷ SQL). Alternating the two
   means a noisy machine slows both alike.

Writes a JSON document (see `measure`); run.py combines the data sets' documents into the
ratios (1M ÷ 10k) and the table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderwatch.settings")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from common import BORDER_BOX, busiest_case, signed_in  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

import borderwatch.wsgi  # noqa: E402, F401 (start-up as a server process: lib/memory.py)


class Rollback(Exception):
    """Raised to undo what a timed request wrote."""


@dataclass
class Probe:
    name: str
    user: str
    url: str
    kind: str  # "api" (target ≤ 1.5), "page" (≤ 2), "map" (≤ 1.5 and < 250 KB), "floor" (none)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def probes(map_since: str, map_until: str) -> list[Probe]:
    """The requests measured; the case is the one with the longest history pu may open."""
    case = busiest_case("pu")
    box = BORDER_BOX
    found = [
        # what any signed-in API request costs here: static GeoJSON, only the session,
        # user, memberships and second-factor device read (the floor under every ratio)
        Probe("signed-in floor (no query of its own)", "police", "/api/v1/border", "floor"),
        Probe("section levels", "police", "/api/v1/sections", "api"),
        Probe(
            "incidents per month, one year",
            "analyst",
            "/api/v1/stats/breakdown?period=month&since=2024-01-01&until=2024-12-31",
            "api",
        ),
        Probe(
            "incidents, first page, filtered",
            "police",
            "/api/v1/incidents?section=storskog&since=2015-01-01&limit=50",
            "api",
        ),
        Probe(
            "map, whole border, all in view",
            "police",
            f"/api/v1/map/features?bbox={box}&zoom=8&since={map_since}&until={map_until}"
            "&layers=incidents",
            "map",
        ),
    ]
    if case:
        found.append(Probe("case page (rendered)", "pu", f"/cases/{case}/", "page"))
    return found


def django_request(client: Client, url: str) -> tuple[float, object]:
    """One request through the whole stack, undone afterwards: (seconds, response)."""
    began = time.perf_counter()
    try:
        with transaction.atomic():
            response = client.get(url)
            response.content  # noqa: B018 (rendered and read, as a server would send it)
            raise Rollback
    except Rollback:
        pass
    return time.perf_counter() - began, response


def capture(client: Client, url: str) -> tuple[list[str], object]:
    with CaptureQueriesContext(connection) as ctx:
        _, response = django_request(client, url)
    statements = [
        q["sql"]
        for q in ctx.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))
    ]
    return statements, response


def replay(raw: psycopg.Connection, statements: list[str]) -> float:
    """The same statements through psycopg, every row fetched, in a rolled-back transaction."""
    began = time.perf_counter()
    with raw.cursor() as cur:
        for sql in statements:
            cur.execute(sql.encode())
            if cur.description is not None:
                cur.fetchall()
    raw.rollback()
    return time.perf_counter() - began


def measure(probe: Probe, raw: psycopg.Connection, rounds: int, warmup: int) -> dict:
    client = signed_in(probe.user)
    client.get(probe.url)  # kept: renews the session as real use does (once a minute)
    statements, response = capture(client, probe.url)
    if response.status_code != 200:
        raise SystemExit(f"{probe.name}: {probe.url} answered {response.status_code}")
    size = len(response.content)
    for _ in range(warmup):
        django_request(client, probe.url)
        replay(raw, statements)
    app, sql = [], []
    for _ in range(rounds):
        app.append(django_request(client, probe.url)[0])
        sql.append(replay(raw, statements))
    result = {
        "name": probe.name,
        "kind": probe.kind,
        "url": probe.url,
        "user": probe.user,
        "queries": len(statements),
        "bytes": size,
        "rounds": rounds,
    }
    if probe.kind == "map":  # how many incidents the view holds, and how they were sent
        layer = json.loads(response.content)["layers"]["incidents"]
        result["in_view"] = layer.get("count")
        result["shown_as"] = layer.get("shown_as")
    for label, values in (("app", app), ("sql", sql)):
        result[label] = {
            "p50_ms": round(percentile(values, 0.5) * 1000, 3),
            "p95_ms": round(percentile(values, 0.95) * 1000, 3),
            "mean_ms": round(statistics.fmean(values) * 1000, 3),
        }
    result["ratio_p50"] = round(result["app"]["p50_ms"] / result["sql"]["p50_ms"], 2)
    result["ratio_p95"] = round(result["app"]["p95_ms"] / result["sql"]["p95_ms"], 2)
    return result


def counts() -> dict:
    with connection.cursor() as cur:
        found = {}
        for table in ("border_incident", "people_person", "cases_asylumcase", "access_auditevent"):
            cur.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (fixed names)
            found[table] = cur.fetchone()[0]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", required=True, help="the data set's name in the results")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--map-since", default="2024-01-01")
    parser.add_argument("--map-until", default="2025-12-31")
    parser.add_argument("--only", default="", help="run only probes whose name has this")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        raise SystemExit("bench/latency.py measures against PostgreSQL: set DATABASE_URL")
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    raw = psycopg.connect(**params)
    results = []
    for probe in probes(args.map_since, args.map_until):
        if args.only and args.only not in probe.name:
            continue
        found = measure(probe, raw, args.rounds, args.warmup)
        results.append(found)
        print(
            f"{args.label:>6}  {found['name']:<34} app p50 {found['app']['p50_ms']:8.2f} ms"
            f"  sql p50 {found['sql']['p50_ms']:8.2f} ms  ratio {found['ratio_p50']:5.2f}"
            f"  ({found['queries']} queries, {found['bytes']:,} bytes)",
            flush=True,
        )
    raw.close()
    document = {"label": args.label, "rows": counts(), "probes": results}
    if args.out:
        args.out.write_text(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
