import json

from django.core.management.base import BaseCommand

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.cases.queries import case_timeline, read_case
from borderwatch.lib.refs import parse_reference


class Command(BaseCommand):
    help = "A case's history in order: who did what, for which unit, and when (Oslo time)."

    def add_arguments(self, parser):
        parser.add_argument("case", help="the case reference, e.g. CASE-000001 (or its number)")
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
        add_actor_arguments(parser)

    @domain_errors_as_command_errors
    def handle(self, *args, case, json: bool = False, **options):
        actor = actor_from_options(options)
        pk = parse_reference(case, "CASE")
        found, _groups = read_case(actor, pk, what="timeline")
        entries = case_timeline(found, actor)
        if json:
            self.stdout.write(
                _dumps(
                    {
                        "case": found.reference,
                        "state": found.state,
                        "owning_unit": str(found.owning_unit),
                        "timeline": [e.as_dict() for e in entries],
                    }
                )
            )
            return
        self.stdout.write(
            f"{found.reference}: {found.get_state_display()} (owned by {found.owning_unit})"
        )
        for e in entries:
            who = ", ".join(x for x in (e.who, e.unit) if x)
            self.stdout.write(f"{e.when:<28} {e.what}" + (f" — {who}" if who else ""))
            if e.detail:
                self.stdout.write(f"{'':<28}   {e.detail}")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
