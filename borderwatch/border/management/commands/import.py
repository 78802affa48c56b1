from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borderwatch.access.actor import Actor
from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.border import importing

SHOWN = 20  # problems printed; the rejects file has them all


class Command(BaseCommand):
    help = (
        "Import incidents in bulk from a CSV or NDJSON file (- reads stdin), one incident per "
        "row with the columns listed in docs/OPERATIONS.md. Every row is checked; rejected "
        "rows go to a rejects file with their problems (line, field, what is wrong) and the "
        "others are imported, all in one transaction with one audit event. Ends with a "
        "summary; exits 1 when any row was rejected."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="a .csv or .ndjson file, or - for stdin")
        parser.add_argument(
            "--format",
            choices=importing.FORMATS,
            help="the file's format (default: from its extension; needed for stdin)",
        )
        parser.add_argument(
            "--rejects",
            metavar="PATH",
            help="where rejected rows go, with a problems column (default: FILE.rejects.csv "
            "or .ndjson next to the file; none for stdin)",
        )
        parser.add_argument(
            "--strict", action="store_true", help="import nothing if any row is rejected"
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=importing.BATCH,
            metavar="N",
            help=f"rows written at a time (default: {importing.BATCH})",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        add_actor_arguments(parser)
        for action in parser._actions:
            if action.dest == "unit":
                action.help = (
                    "the unit owning rows without an owning_unit (with --as: the unit to act "
                    "for; default: the user's first unit)"
                )

    @domain_errors_as_command_errors
    def handle(self, *args, file, **options):
        unit = None
        if not options.get("as_user") and options.get("unit"):
            actor, unit = Actor.console(), options["unit"]  # the console imports for a unit
        else:
            actor = actor_from_options(options)
        fmt = options["format"]
        rejects = options["rejects"]
        if file != "-":
            fmt = fmt or importing.format_of(file)
            if rejects is None:
                path = Path(file)
                rejects = str(path.with_name(f"{path.stem}.rejects.{fmt}"))
        elif fmt is None:
            raise CommandError("Give --format csv or ndjson to read stdin.")
        stderr = self.stderr._out
        report = importing.import_incidents(
            file,
            fmt=fmt,
            actor=actor,
            unit=unit,
            strict=options["strict"],
            rejects=rejects,
            batch=options["batch"],
            progress=not options["no_progress"] and getattr(stderr, "isatty", bool)(),
        )
        problems = report.problems
        if report.rejections:
            problems = [p for r in report.rejections for p in r.problems]
        for problem in problems[:SHOWN]:
            self.stderr.write(problem)
        if report.rejected > SHOWN or len(problems) > SHOWN:
            where = f" in {report.rejects_path}" if report.rejects_path else ""
            self.stderr.write(f"… and more{where}")
        self.stdout.write(report.summary())
        if report.rejected:
            raise CommandError(
                f"{report.rejected:,} of {report.rows:,} rows rejected"
                + (": nothing imported (--strict)." if report.strict else ".")
            )
