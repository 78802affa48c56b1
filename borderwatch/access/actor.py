"""Who is acting: a user, the unit they act for, and their roles there.

Every service function takes `actor=` so that the policy and the audit trail know the
unit as well as the person. The console operator (`Actor.console()`) is the shell on the
server, which already holds the database: it runs set-up and read-only commands, and the
audit trail records it as such.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

from borderwatch.lib.errors import AccessDenied

from .models import Membership, Unit, User


def memberships_query():
    """Memberships with their units, in the order that picks a user's first unit."""
    return Membership.objects.select_related("unit").order_by("unit__name", "id")


def memberships_of(user: User) -> list[Membership]:
    """The user's memberships with their units, in the order that picks the first unit."""
    return list(memberships_query().filter(user=user))


@dataclass(frozen=True)
class Actor:
    user: User | None
    unit: Unit | None
    roles: frozenset[str] = field(default_factory=frozenset)
    channel: str = "web"  # web, api, cli, system
    request_id: str = ""
    ip: str = ""
    label: str = ""  # the name of an actor without a user (console, integration)

    @classmethod
    def for_user(
        cls,
        user: User,
        unit: Unit | None = None,
        *,
        memberships: list[Membership] | None = None,
        **context,
    ) -> Actor:
        """The user acting for `unit` (or their first unit). Refused if not a member there.

        `memberships`: the user's, from `memberships_of`, when the caller has them already
        (the request's middleware reads them once for the second factor and the actor)."""
        if memberships is None:
            memberships = memberships_of(user)
        if unit is None:
            if not memberships:
                return cls(user=user, unit=None, roles=frozenset(), **context)
            unit = memberships[0].unit
        roles = frozenset(m.role for m in memberships if m.unit_id == unit.pk)
        if not roles:
            raise AccessDenied(f"{user.username} is not a member of {unit}.")
        return cls(user=user, unit=unit, roles=roles, **context)

    @classmethod
    def console(cls, name: str | None = None) -> Actor:
        """The operator at the server's console (CLI without --as)."""
        try:
            who = name or getpass.getuser()
        except OSError:
            who = "unknown"
        return cls(
            user=None,
            unit=None,
            roles=frozenset({"console"}),
            channel="cli",
            label=f"console:{who}",
        )

    @classmethod
    def integration(cls, token, **context) -> Actor:
        """A machine sender authenticated by an integration token, acting for its unit."""
        return cls(
            user=None,
            unit=token.unit,
            roles=frozenset({"integration"}),
            channel="api",
            label=f"integration:{token.name}",
            **context,
        )

    @property
    def is_console(self) -> bool:
        return "console" in self.roles

    @property
    def name(self) -> str:
        if self.user is not None:
            return self.user.username
        return self.label or "unknown"

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def acts_for(self, unit_id: int | None) -> bool:
        return self.unit is not None and unit_id is not None and self.unit.pk == unit_id


ROLE = Membership.Role
