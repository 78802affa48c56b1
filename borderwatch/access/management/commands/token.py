from django.core.management.base import BaseCommand, CommandError

from borderwatch.access import policy, tokens
from borderwatch.access.cli import (
    actor_from_options,
    add_actor_arguments,
    domain_errors_as_command_errors,
)
from borderwatch.access.models import IntegrationToken, Unit
from borderwatch.lib.timefmt import format_instant


class Command(BaseCommand):
    help = (
        "Integration tokens for sensors and patrol tablets: issue (shown once), list, "
        "revoke. Administrators or the console only."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        issue = sub.add_parser("issue", help="issue a token for a sender acting for a unit")
        issue.add_argument("--name", required=True, help="what sends, e.g. 'Korpfjell camera 3'")
        issue.add_argument(
            "--for-unit",
            required=True,
            metavar="CODE",
            help="the unit its detections are filed for, e.g. gsv",
        )
        add_actor_arguments(issue)
        lst = sub.add_parser("list", help="list tokens (never the secrets)")
        add_actor_arguments(lst)
        revoke = sub.add_parser("revoke", help="revoke a token by its prefix")
        revoke.add_argument("prefix", help="the 8 characters after bw_")
        add_actor_arguments(revoke)

    @domain_errors_as_command_errors
    def handle(self, *args, action, **options):
        actor = actor_from_options(options)
        if action == "issue":
            unit = Unit.objects.filter(code=options["for_unit"]).first()
            if unit is None:
                raise CommandError(f"No unit with code {options['for_unit']!r}.")
            token, plain = tokens.issue_token(actor=actor, name=options["name"], unit=unit)
            self.stdout.write(f"Issued {token.name!r} for {unit} (prefix {token.prefix}).")
            self.stdout.write("The token (shown this once; store it in the sender now):")
            self.stdout.write(plain)
        elif action == "revoke":
            token = tokens.revoke_token(actor=actor, prefix=options["prefix"])
            self.stdout.write(f"Revoked {token.name!r} ({token.prefix}).")
        else:
            policy.require(actor, "reference.manage")
            for t in IntegrationToken.objects.select_related("unit").order_by("created_at"):
                state = f"revoked {format_instant(t.revoked_at)}" if t.revoked_at else "live"
                used = format_instant(t.last_used_at) if t.last_used_at else "never"
                self.stdout.write(
                    f"{t.prefix}  {t.name:<30} {t.unit!s:<14} {state:<30} last used {used}"
                )
