import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.stats.queries import CountQuery, count


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date; write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Statistics. 'stats count' answers 'the Nth reported incident (or person) since "
        "…', honouring time precision and lower bounds, with the records it rests on."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        c = sub.add_parser("count", help="count incidents or persons matching the filters")
        c.add_argument("--since", help="first day, YYYY-MM-DD (Europe/Oslo)")
        c.add_argument("--until", help="last day, YYYY-MM-DD, inclusive")
        c.add_argument("--nationality", default="", help="ISO country code, e.g. RU")
        c.add_argument("--country-entered", default="", help="ISO country code, e.g. NO")
        c.add_argument("--section", default="", help="border section code or name")
        c.add_argument(
            "--by",
            choices=["incident", "person"],
            default="incident",
            help="count incidents (default) or persons",
        )
        c.add_argument("--json", action="store_true", help="print JSON instead of text")
        add_actor_arguments(c)

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        actor = actor_from_options(options)
        since = iso_date(options["since"]) if options.get("since") else None
        until = iso_date(options["until"]) if options.get("until") else None
        query = CountQuery(
            since=since,
            until=until,
            nationality=options["nationality"],
            country_entered=options["country_entered"],
            section=options["section"],
            by=options["by"],
        )
        result = count(actor, query)
        if options["json"]:
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
        self.stdout.write(
            "Counts are of records held (reported events); events nobody reported are not in them."
        )
