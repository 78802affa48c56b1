"""`borderwatch import` ÷ PostgreSQL COPY of the same rows.

    DATABASE_URL=postgres://… .venv/bin/python bench/import_bench.py --rows 100000 --out FILE

In an empty database (migrated, with the founding scenario's units, places and sections):
writes `--rows` valid seeded rows as CSV (bench/import_rows.py), then, `--repeat` times:

1. **import**: `import_incidents` (what `borderwatch import` runs, progress bar off) of the
   file, committed: reading, checking every row, placing it by position, impact levels,
   duplicate checks, COPY, the audit event, the sections' levels;
2. the rows it stored are copied out in COPY's text format (untimed), deleted, and
3. **COPY**: the same rows (the same columns and values the importer wrote) COPYed back
   into the same table through psycopg, committed; then deleted again.

The medians' ratio (rows per second) says how close the importer comes to the database's
own bulk path.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderwatch.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from import_rows import write_rows  # noqa: E402

from borderwatch.access.actor import Actor  # noqa: E402
from borderwatch.border import importing  # noqa: E402


def raw():
    connection.ensure_connection()
    return connection.connection


def copy_out(first: int, last: int) -> bytes:
    columns = ", ".join(importing.TABLE_COLUMNS)
    chunks = []
    with raw().cursor() as cur:
        query = (
            f"COPY (SELECT {columns} FROM border_incident WHERE id BETWEEN {int(first)} "  # noqa: S608
            f"AND {int(last)} ORDER BY id) TO STDOUT"
        )
        with cur.copy(query) as copy:
            for chunk in copy:
                chunks.append(bytes(chunk))
    raw().commit()
    return b"".join(chunks)


def delete(first: int, last: int) -> None:
    with raw().cursor() as cur:
        cur.execute("DELETE FROM border_incident WHERE id BETWEEN %s AND %s", [first, last])
    raw().commit()


def copy_in(data: bytes) -> float:
    columns = ", ".join(importing.TABLE_COLUMNS)
    began = time.perf_counter()
    with raw().cursor() as cur:
        with cur.copy(f"COPY border_incident ({columns}) FROM STDIN") as copy:
            step = 1 << 20
            for at in range(0, len(data), step):
                copy.write(data[at : at + step])
    raw().commit()
    return time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        raise SystemExit("bench/import_bench.py compares with COPY: set DATABASE_URL")
    call_command("migrate", verbosity=0)
    from borderwatch.scenario import founding

    founding.load()
    actor = Actor.console("bench")
    imports, copies = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = write_rows(Path(tmp) / "incidents.csv", args.rows, seed=1)
        size = path.stat().st_size
        for attempt in range(args.repeat):
            began = time.perf_counter()
            report = importing.import_incidents(path, actor=actor, unit="finnmark-pd")
            seconds = time.perf_counter() - began
            if report.imported != args.rows:
                raise SystemExit(f"the importer rejected rows: {report.summary()}")
            imports.append(seconds)
            data = copy_out(report.first_id, report.last_id)
            delete(report.first_id, report.last_id)
            copies.append(copy_in(data))
            delete(report.first_id, report.last_id)
            print(
                f"import round {attempt + 1}: import {args.rows / seconds:,.0f} rows/s, "
                f"COPY {args.rows / copies[-1]:,.0f} rows/s",
                flush=True,
            )
    import_rate = args.rows / statistics.median(imports)
    copy_rate = args.rows / statistics.median(copies)
    document = {
        "rows": args.rows,
        "file_bytes": size,
        "repeat": args.repeat,
        "import_seconds": [round(s, 2) for s in imports],
        "copy_seconds": [round(s, 2) for s in copies],
        "import_rows_per_second": round(import_rate),
        "copy_rows_per_second": round(copy_rate),
        "ratio": round(import_rate / copy_rate, 2),
    }
    print(f"import {import_rate:,.0f} rows/s ÷ COPY {copy_rate:,.0f} rows/s = {document['ratio']}")
    if args.out:
        args.out.write_text(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
