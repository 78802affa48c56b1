from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.people import privacy


class Command(BaseCommand):
    help = (
        "Retention: pseudonymise persons whose last activity is older than "
        "BORDERWATCH_RETENTION_PERSON_DAYS (no open case, not in custody). Statistics "
        "stay intact; the audit trail records each erasure."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        app = sub.add_parser("apply", help="pseudonymise what is due (run it periodically)")
        app.add_argument("--dry-run", action="store_true", help="list what is due, change nothing")
        app.add_argument("--at", help="evaluate as of this time (ISO 8601 with offset)")
        add_actor_arguments(app)

    @domain_errors_as_command_errors
    def handle(self, *args, action, dry_run=False, at=None, **options):
        actor = actor_from_options(options)
        now = None
        if at:
            try:
                now = datetime.fromisoformat(at)
            except ValueError:
                raise CommandError(f"--at {at!r} is not a time.") from None
            if now.tzinfo is None:
                raise CommandError("--at needs a UTC offset, e.g. 2031-01-01T00:00+01:00.")
        run = privacy.apply_retention(actor=actor, now=now, dry_run=dry_run)
        days = settings.BORDERWATCH_RETENTION_PERSON_DAYS
        if dry_run:
            self.stdout.write(
                f"Retention {days} days: {len(run.due)} person(s) due (dry run: nothing changed)."
            )
        else:
            self.stdout.write(
                f"Retention {days} days: {len(run.due)} person(s) due, "
                f"{len(run.done)} pseudonymised."
            )
        for ref in run.due:
            self.stdout.write(f"  {ref}")
        for line in run.skipped:
            self.stdout.write(f"  skipped {line}")
