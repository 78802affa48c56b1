"""The `borderwatch` console command: borderwatch's own commands, then Django's.

`borderwatch <command> --help` explains each command.
"""

import os
import sys

COMMANDS = {
    "demo": "prepare the embedded database, load the scenario if empty, serve and print "
    "the sign-ins (what `make run` calls)",
    "serve": "serve the web app with gunicorn [--host H] [--port P] [--workers N]",
    "scenario": "scenario load | synth: load the founding scenario (idempotent), or write "
    "a seeded synthetic data set in bulk",
    "timeline": "timeline CASE: a case's history in order, who did what and when",
    "stats": "stats count: 'at least the Nth reported incident since …', with the records",
    "token": "token issue|list|revoke: integration tokens for sensors and tablets",
    "otp": "otp code|reset USERNAME: a user's current second-factor code, or a lost phone",
    "geo": "geo import FILE.geojson: replace border sections with official data (validated)",
    "notify": "send deadline warnings, overdue notices and escalations (--loop to keep going)",
    "impact": "impact recompute | set SECTION LEVEL | history: EUROSUR section levels",
    "audit": "audit verify | audit show --object TYPE:ID | --user NAME: the audit trail",
    "person": "person export P-…: a person's data for an access request",
    "retention": "retention apply [--dry-run]: pseudonymise persons past the retention period",
    "import": "import FILE [--format csv|ndjson]: incidents in bulk, bad rows to a rejects file",
    "ingest": "ingest FILE…: store reports (text, HTML, PDF) and propose their events",
    "extract": "extract FILE… --json [--published D]: the events of files, not stored",
    "extraction": "extraction evaluate|check DIR | show|rerun REPORT: quality, proposals",
    "review": "review list | show ID | accept|merge|reject ID: the queue of proposed events",
    "migrate": "create or update the database tables (Django)",
}


def usage() -> str:
    lines = [
        "usage: borderwatch <command> [options]",
        "",
        "Records, checks, clocks and counts irregular border crossings.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<10} {text}" for name, text in COMMANDS.items()]
    lines += [
        "",
        "Every Django management command works too (borderwatch help lists them).",
        "Run 'borderwatch <command> --help' for a command's options.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help"}:
        print(usage())
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderwatch.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError

    try:
        execute_from_command_line(["borderwatch", *argv])
    except (OperationalError, ProgrammingError) as exc:
        problem = database_problem(exc)
        if problem is None:
            raise
        sys.stderr.write(f"borderwatch {argv[0]}: {problem}\n")
        sys.exit(1)


def database_problem(exc: Exception) -> str | None:
    """What to tell someone whose command met a database that is not set up or not there
    (a first run before `borderwatch migrate`, a server that is down); None for any other
    database error, which is raised as it is."""
    from django.conf import settings
    from django.db import connection
    from django.db.utils import OperationalError

    db = settings.DATABASES["default"]
    where = db["NAME"] if db["ENGINE"].endswith("sqlite3") else f"{db['NAME']} on {db['HOST']}"
    text = str(exc)
    if "no such table" in text or ("relation" in text and "does not exist" in text):
        return (
            f"the database ({where}) has no borderwatch tables yet, or not all of them: "
            "run 'borderwatch migrate' first (make run does it)."
        )
    if isinstance(exc, OperationalError) and connection.connection is None:  # never opened
        return f"cannot open the database ({where}): {text.strip().splitlines()[0]}"
    return None


if __name__ == "__main__":
    main()
