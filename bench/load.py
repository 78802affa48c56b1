"""Throughput under concurrent load: requests per second and latency at 16 and 64 clients.

    DATABASE_URL=postgres://… .venv/bin/python bench/load.py --out FILE [--seconds 20]

Serves the data set the way production does (`borderwatch serve`: gunicorn, the number of
workers docs/OPERATIONS.md recommends, 2 × cores + 1, each with 4 threads) on a free port
of 127.0.0.1, and drives it with wrk (Debian's package; `make bench` installs it) for a
bounded time per level of concurrency. The workload is a mix of reads, each as the user
who does it: the section levels and the first page of incidents (police), counts per
month for a year (statistician), the map of the whole border (police), one incident's
page (police) and a case page (immigration caseworker). Each request is signed in with
a real session; the case page and the statistics append to the audit trail, as they do
in use.

wrk runs on the same two cores as the server and the database: the figures are what one
small machine serves, load generator included.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderwatch.settings")

LUA = r"""
local requests = {}
local paths = {
%(paths)s
}
init = function(args)
  for i, p in ipairs(paths) do
    requests[i] = wrk.format("GET", p[1], {["Cookie"] = "sessionid=" .. p[2]})
  end
end
local counter = 0
request = function()
  counter = counter + 1
  return requests[(counter %% #requests) + 1]
end
done = function(summary, latency, requests)
  io.write(string.format(
    "JSON{\"requests\":%%d,\"duration_us\":%%d,\"bytes\":%%d,\"errors_connect\":%%d," ..
    "\"errors_read\":%%d,\"errors_write\":%%d,\"errors_status\":%%d,\"errors_timeout\":%%d," ..
    "\"p50_us\":%%d,\"p95_us\":%%d,\"p99_us\":%%d,\"max_us\":%%d,\"mean_us\":%%.1f}\n",
    summary.requests, summary.duration, summary.bytes, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sessions() -> dict[str, str]:
    """A signed-in session per user, written to the database as a sign-in writes it."""
    import django

    django.setup()
    from common import signed_in

    return {
        username: signed_in(username).cookies["sessionid"].value
        for username in ("police", "analyst", "pu")
    }


def workload(cookies: dict[str, str]) -> list[tuple[str, str, str]]:
    from common import BORDER_BOX, busiest_case

    from borderwatch.access.actor import Actor
    from borderwatch.access.models import User
    from borderwatch.access.policy import incidents_visible_to

    police = Actor.for_user(User.objects.get(username="police"))
    incident = incidents_visible_to(police).order_by("-occurred_from").first()
    case = busiest_case("pu")
    box = BORDER_BOX
    mix = [
        ("section levels", "/api/v1/sections", "police"),
        ("incidents, first page", "/api/v1/incidents?section=storskog&limit=50", "police"),
        (
            "per month, one year",
            "/api/v1/stats/breakdown?period=month&since=2024-01-01&until=2024-12-31",
            "analyst",
        ),
        (
            "map",
            f"/api/v1/map/features?bbox={box}&zoom=8&since=2025-01-01&layers=incidents",
            "police",
        ),
        ("incident page", f"/incidents/{incident.pk}/", "police"),
        ("case page", f"/cases/{case}/", "pu"),
    ]
    return [(name, path, cookies[user]) for name, path, user in mix]


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status < 500:
                    return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url} within {seconds:.0f} s")


def run_wrk(base: str, script: Path, clients: int, seconds: int) -> dict:
    threads = min(clients, 2)
    found = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s"]
        + ["-s", str(script), base],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    match = re.search(r"JSON(\{.*\})", found)
    if not match:
        raise SystemExit(f"wrk printed no summary:\n{found}")
    raw = json.loads(match.group(1))
    seconds_run = raw["duration_us"] / 1e6
    errors = sum(v for k, v in raw.items() if k.startswith("errors_"))
    return {
        "clients": clients,
        "seconds": round(seconds_run, 1),
        "requests": raw["requests"],
        "requests_per_second": round(raw["requests"] / seconds_run, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "max_ms": round(raw["max_us"] / 1000, 1),
        "errors": errors,
        "non_2xx": raw["errors_status"],
        "mb_per_second": round(raw["bytes"] / seconds_run / 1e6, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=20, help="per level of concurrency")
    parser.add_argument("--clients", default="16,64")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk (make bench does)")
    cookies = sessions()
    mix = workload(cookies)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "borderwatch"), "serve", "--host", "127.0.0.1"]
        + ["--port", str(port), "--workers", str(args.workers)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    results = []
    try:
        wait_until_up(base + "/accounts/login/")
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "mix.lua"
            paths = ",\n".join(f'  {{"{path}", "{cookie}"}}' for _, path, cookie in mix)
            script.write_text(LUA % {"paths": paths})
            # every request once, checked, before the clock starts
            for name, path, cookie in mix:
                req = urllib.request.Request(base + path, headers={"Cookie": f"sessionid={cookie}"})
                with urllib.request.urlopen(req, timeout=30) as response:  # noqa: S310
                    if response.status != 200:
                        raise SystemExit(f"{name}: {path} answered {response.status}")
            run_wrk(base, script, 4, 3)  # warm-up: every worker's first requests
            for clients in [int(c) for c in args.clients.split(",")]:
                found = run_wrk(base, script, clients, args.seconds)
                results.append(found)
                print(
                    f"load  {clients:>3} clients: {found['requests_per_second']:7.1f} req/s  "
                    f"p50 {found['p50_ms']:7.1f} ms  p95 {found['p95_ms']:7.1f} ms  "
                    f"errors {found['errors']}",
                    flush=True,
                )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    document = {
        "server": f"borderwatch serve (gunicorn), {args.workers} workers × 4 threads",
        "load_generator": "wrk 4.1, on the same machine (loopback)",
        "mix": [{"name": n, "path": p} for n, p, _ in mix],
        "levels": results,
    }
    if args.out:
        args.out.write_text(json.dumps(document, indent=2) + "\n")
    Path(log.name).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
