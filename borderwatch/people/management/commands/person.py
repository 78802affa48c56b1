import json

from django.core.management.base import BaseCommand, CommandError

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.lib.refs import parse_reference
from borderwatch.people import privacy
from borderwatch.people.models import Person


class Command(BaseCommand):
    help = "A person's data: 'person export P-000001' for an access request (audited)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        exp = sub.add_parser("export", help="everything held about a person, as JSON")
        exp.add_argument("person", help="the person reference, e.g. P-000001")
        exp.add_argument("-o", "--output", help="write to this file instead of the screen")
        add_actor_arguments(exp)

    @domain_errors_as_command_errors
    def handle(self, *args, action, person, output=None, **options):
        actor = actor_from_options(options)
        pk = parse_reference(person, "P")
        found = Person.objects.filter(pk=pk).first()
        if found is None:
            raise CommandError(f"No person {person}.")
        text = json.dumps(privacy.export_person(found, actor=actor), ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
            self.stdout.write(f"Wrote {found.reference} to {output}.")
        else:
            self.stdout.write(text)
