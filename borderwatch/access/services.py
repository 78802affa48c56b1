"""Reference data: units, users and roles. Administrators (or the console) only."""

from django.db import transaction

from borderwatch.lib.errors import DomainError

from . import audit, policy
from .actor import Actor
from .models import Membership, Unit, User


@transaction.atomic
def create_unit(
    *,
    actor: Actor,
    code: str,
    name: str,
    kind: str,
    short_name: str = "",
    parent: Unit | None = None,
) -> Unit:
    policy.require(actor, "reference.manage")
    if kind not in Unit.Kind.values:
        raise DomainError(f"Unknown unit kind {kind!r}.", field="kind")
    if Unit.objects.filter(code=code).exists():
        raise DomainError(f"A unit with code {code!r} exists already.", field="code")
    unit = Unit.objects.create(
        code=code, name=name, kind=kind, short_name=short_name, parent=parent
    )
    audit.record(actor, "unit.created", unit)
    return unit


@transaction.atomic
def create_user(
    *,
    actor: Actor,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    policy.require(actor, "reference.manage")
    if User.objects.filter(username=username).exists():
        raise DomainError(f"The username {username!r} is taken.", field="username")
    user = User.objects.create_user(
        username=username,
        password=password,
        email=email,
        first_name=first_name,
        last_name=last_name,
    )
    audit.record(actor, "user.created", user)
    return user


@transaction.atomic
def grant_membership(*, actor: Actor, user: User, unit: Unit, role: str) -> Membership:
    policy.require(actor, "reference.manage")
    if role not in Membership.Role.values:
        raise DomainError(f"Unknown role {role!r}.", field="role")
    membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    if created:
        audit.record(
            actor,
            "membership.granted",
            membership,
            payload={"user": user.pk, "unit": unit.pk, "role": role},
        )
    return membership
