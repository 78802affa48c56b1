import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.stats.exports import export_breakdown, export_incidents
from borderwatch.stats.queries import DIMENSIONS, PERIODS, CountQuery, breakdown, count

NOTE = "Counts are of records held (reported events); events nobody reported are not in them."


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date; write it as YYYY-MM-DD.") from None


def add_filter_arguments(parser):
    """The filters `stats count`, `breakdown` and `export` share (as the API does)."""
    parser.add_argument("--since", help="first day, YYYY-MM-DD (Europe/Oslo)")
    parser.add_argument("--until", help="last day, YYYY-MM-DD, inclusive")
    parser.add_argument("--nationality", default="", help="ISO country code, e.g. RU")
    parser.add_argument("--country-entered", default="", help="ISO country code, e.g. NO")
    parser.add_argument("--section", default="", help="border section code or name")
    parser.add_argument(
        "--by",
        choices=["incident", "person"],
        default="incident",
        help="count incidents (default) or persons",
    )


def query_from_options(options) -> CountQuery:
    return CountQuery(
        since=iso_date(options["since"]) if options.get("since") else None,
        until=iso_date(options["until"]) if options.get("until") else None,
        nationality=options["nationality"],
        country_entered=options["country_entered"],
        section=options["section"],
        by=options["by"],
    )


def _bounds(lo: int, hi: int | None) -> str:
    if hi == lo:
        return str(lo)
    return f"{lo}–{'?' if hi is None else hi}"


class Command(BaseCommand):
    help = (
        "Statistics. 'stats count' answers 'the Nth reported incident (or person) since "
        "…', honouring time precision and lower bounds, with the records it rests on; "
        "'stats breakdown' counts per month, quarter or year; 'stats export' writes the "
        "selected incidents' non-personal fields as CSV or GeoJSON."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        c = sub.add_parser("count", help="count incidents or persons matching the filters")
        add_filter_arguments(c)
        c.add_argument("--json", action="store_true", help="print JSON instead of text")
        add_actor_arguments(c)

        b = sub.add_parser(
            "breakdown",
            help="counts per month, quarter or year, with a minimum and a maximum in each",
        )
        add_filter_arguments(b)
        b.add_argument("--period", choices=PERIODS, default="month", help="default: month")
        b.add_argument(
            "--dimensions",
            default="",
            metavar="LIST",
            help=f"split by any of {', '.join(DIMENSIONS)} (comma-separated)",
        )
        b.add_argument(
            "--format",
            choices=["text", "json", "csv"],
            default="text",
            help="text (default), JSON (as GET /api/v1/stats/breakdown) or CSV",
        )
        b.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
        add_actor_arguments(b)

        e = sub.add_parser(
            "export",
            help="the selected incidents' non-personal fields as CSV or GeoJSON",
            description="The incidents the filters select, without any person's data "
            "(coordinates rounded to 0.01 degrees). The same as GET "
            "/api/v1/stats/export.csv and export.geojson.",
        )
        add_filter_arguments(e)
        e.add_argument("--format", choices=["csv", "geojson"], default="csv")
        e.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
        add_actor_arguments(e)

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        actor = actor_from_options(options)
        query = query_from_options(options)
        if action == "count":
            self.print_count(count(actor, query), options["json"])
        elif action == "breakdown":
            dims = options["dimensions"]
            if options["format"] == "csv":
                self.emit(export_breakdown(actor, query, options["period"], dims).content, options)
            else:
                result = breakdown(actor, query, options["period"], dims)
                if options["format"] == "json":
                    text = json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
                else:
                    text = self.breakdown_text(result)
                self.emit(text, options)
        else:
            self.emit(export_incidents(actor, query, options["format"]).content, options)

    def emit(self, text: str, options) -> None:
        if options.get("output"):
            path = Path(options["output"])
            try:
                path.write_text(text, encoding="utf-8", newline="")
            except OSError as exc:
                raise CommandError(f"Cannot write {path}: {exc.strerror}.") from None
            self.stderr.write(f"Wrote {path}.")
        else:
            self.stdout.write(text, ending="")

    def print_count(self, result, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(result.statement)
        if result.reasons:
            self.stdout.write("Why this is a bound:")
            for reason in result.reasons:
                self.stdout.write(f"  - {reason}")
        self.stdout.write(f"Records ({len(result.records)}):")
        for r in result.records:
            persons = (
                "?" if r.persons is None else (f"{'≥' if r.persons_lower_bound else ''}{r.persons}")
            )
            flag = "" if r.certain else "  (may fall outside the period)"
            self.stdout.write(
                f"  {r.reference}  {r.when:<34} {r.place or '—':<20} persons {persons}{flag}"
            )
            for s in r.sources:
                self.stdout.write(f"      source: {s}")
        self.stdout.write(NOTE)

    @staticmethod
    def breakdown_text(result) -> str:
        q = result.query
        lines = [f"{result.noun.capitalize()} {q.describe_period()}, per {result.period}:"]
        labels = result.labels
        header = [result.period.capitalize(), *[d.capitalize() for d in result.dimensions]]
        table = [[*header, "Count"]]
        buckets = {b.key: b for b in result.buckets}
        for c in result.rows if result.dimensions else result.totals:
            values = [labels.get(d, {}).get(v, v) or "—" for d, v in c.values.items()]
            table.append([buckets[c.period].label, *values, _bounds(c.minimum, c.maximum)])
        widths = [max(len(str(row[i])) for row in table) for i in range(len(table[0]))]
        for row in table:
            lines.append(
                "  " + "  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
            )
        lines.append("A count a–b is at least a and at most b; a–? has no known upper bound.")
        lines.append(result.explanation())
        for r in result.imprecise:
            if not r.buckets:
                continue
            first, last = buckets[r.buckets[0]].label, buckets[r.buckets[-1]].label
            span = first if first == last else f"{first} to {last}"
            lines.append(f"  - {r.reference}, {r.when}: {r.why}; may fall in {span}.")
        if result.imprecise_total > len(result.imprecise):
            more = result.imprecise_total - len(result.imprecise)
            lines.append(f"  … and {more:,} more (--json lists the first {len(result.imprecise)}).")
        lines.append(NOTE)
        return "\n".join(lines) + "\n"
