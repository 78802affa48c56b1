"""What every management command shares: the acting identity and error reporting."""

from __future__ import annotations

from functools import wraps

from django.core.management.base import CommandError

from borderwatch.lib.errors import DomainError

from .actor import Actor
from .models import Unit, User


def add_actor_arguments(parser) -> None:
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="act as this user (their policy applies); default: the console operator",
    )
    parser.add_argument(
        "--unit",
        metavar="CODE",
        help="with --as: the unit to act for (default: the user's first unit)",
    )


def actor_from_options(options) -> Actor:
    username = options.get("as_user")
    if not username:
        if options.get("unit"):
            raise CommandError("--unit needs --as USERNAME.")
        return Actor.console()
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"No active user {username!r}.")
    unit = None
    if options.get("unit"):
        unit = Unit.objects.filter(code=options["unit"]).first()
        if unit is None:
            raise CommandError(f"No unit with code {options['unit']!r}.")
    try:
        return Actor.for_user(user, unit, channel="cli")
    except DomainError as exc:
        raise CommandError(exc.message) from None


def domain_errors_as_command_errors(handle):
    """Show a DomainError as a one-line error (exit 1), not a traceback."""

    @wraps(handle)
    def wrapper(self, *args, **options):
        try:
            return handle(self, *args, **options)
        except DomainError as exc:
            raise CommandError(exc.message) from None

    return wrapper
