from django.core.management.base import BaseCommand, CommandError

from borderwatch.access import otp
from borderwatch.access.actor import Actor
from borderwatch.access.cli import domain_errors_as_command_errors
from borderwatch.access.models import User


class Command(BaseCommand):
    help = (
        "Second factors (TOTP), at the server's console only: print a user's current code "
        "(the demo, testing without a phone) or remove their devices (a lost phone). "
        "Both are audited."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        code = sub.add_parser("code", help="print the code USERNAME's device accepts now")
        code.add_argument("username")
        reset = sub.add_parser(
            "reset", help="remove USERNAME's devices; they set one up at the next sign-in"
        )
        reset.add_argument("username")

    @domain_errors_as_command_errors
    def handle(self, *args, action, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        console = Actor.console()
        if action == "code":
            code, seconds = otp.show_current_code(actor=console, user=user)
            self.stdout.write(code)
            self.stderr.write(f"(valid for {seconds} more seconds, and only once)")
        else:
            count = otp.reset_devices(actor=console, user=user)
            self.stdout.write(
                f"Removed {count} second-factor device(s) of {username}; "
                "they set one up at their next sign-in."
            )
