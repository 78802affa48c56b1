import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from borderwatch.cases import notify


class Command(BaseCommand):
    help = (
        "Send deadline warnings, overdue notices and referral escalations (in-app and "
        "e-mail). Once, or --loop every BORDERWATCH_NOTIFY_EVERY_SECONDS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running (Ctrl-C stops)")
        parser.add_argument(
            "--every",
            type=int,
            default=None,
            help="seconds between runs with --loop (default from settings)",
        )

    def handle(self, *args, loop=False, every=None, **options):
        every = every or settings.BORDERWATCH_NOTIFY_EVERY_SECONDS
        if every < 1:
            raise CommandError("--every must be at least 1 second.")
        while True:
            s = notify.run_once()
            if s.warnings or s.overdue or s.escalations or not loop:
                self.stdout.write(
                    f"{s.warnings} warning(s), {s.overdue} overdue, "
                    f"{s.escalations} escalation(s), {s.emails} e-mail(s)"
                    + (
                        f"; e-mail failed: {'; '.join(s.email_failures)}"
                        if s.email_failures
                        else ""
                    )
                )
            if not loop:
                return
            try:
                time.sleep(every)
            except KeyboardInterrupt:
                return
