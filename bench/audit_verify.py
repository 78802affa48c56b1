"""`borderwatch audit verify` ÷ hashlib over the same bytes.

    DATABASE_URL=postgres://… .venv/bin/python bench/audit_verify.py --out FILE

Times `verify_chain()` as `borderwatch audit verify` runs it (PostgreSQL checking the chain
in one stretch per core) over the whole audit trail, then builds the exact bytes each row's
hash is taken over (`audit.chain_bytes`, untimed) and times hashlib.sha256 over them in
memory, row by row, in one process. The ratio of the two rates (rows per second) says how
close verification, reading every row from the database, comes to the cost of hashing
alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderwatch.settings")

import django  # noqa: E402

django.setup()

from borderwatch.access import audit  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    began = time.perf_counter()
    report = audit.verify_chain(workers=audit.verify_workers())
    verify_seconds = time.perf_counter() - began
    if not report.ok:
        raise SystemExit(f"the chain does not verify: {report.problem}")
    print(f"audit verify: {report.checked:,} rows in {verify_seconds:.1f} s", flush=True)

    bodies = list(audit.chain_bytes())
    size = sum(len(b) for b in bodies)
    sha256 = hashlib.sha256
    began = time.perf_counter()
    for body in bodies:
        sha256(body).hexdigest()
    hash_seconds = time.perf_counter() - began
    del bodies
    verify_rate = report.checked / verify_seconds
    hash_rate = report.checked / hash_seconds
    document = {
        "rows": report.checked,
        "bytes": size,
        "verify_seconds": round(verify_seconds, 2),
        "hashlib_seconds": round(hash_seconds, 3),
        "verify_rows_per_second": round(verify_rate),
        "hashlib_rows_per_second": round(hash_rate),
        "ratio": round(verify_rate / hash_rate, 3),
        "workers": audit.verify_workers(),
    }
    print(
        f"audit verify {verify_rate:,.0f} rows/s; hashlib alone {hash_rate:,.0f} rows/s; "
        f"ratio {document['ratio']}",
        flush=True,
    )
    if args.out:
        args.out.write_text(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
