from django.core.management.base import BaseCommand

from borderwatch.access.cli import domain_errors_as_command_errors
from borderwatch.scenario import founding


class Command(BaseCommand):
    help = (
        "The founding scenario. 'scenario load' tells the article's story through the "
        "service functions; loading twice changes nothing."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        sub.add_parser("load", help="load the founding scenario (idempotent)")

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        result = founding.load()
        if result.created:
            self.stdout.write(
                f"Loaded the founding scenario: {result.counts['incidents']} incidents."
            )
        else:
            self.stdout.write("The founding scenario was loaded already; nothing changed.")
