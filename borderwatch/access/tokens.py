"""Integration tokens: issued once, stored as a hash, revoked by administrators.

A token reads `bw_<prefix>_<secret>`. The prefix finds the row; the secret's SHA-256 is
compared in constant time. The secret has 256 bits of randomness, so a fast hash is right
here (a slow password hash would only slow every sensor request).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from borderwatch.lib.errors import DomainError

from . import audit, policy
from .actor import Actor
from .models import IntegrationToken, Unit


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue_token(*, actor: Actor, name: str, unit: Unit) -> tuple[IntegrationToken, str]:
    """Create a token for a sender acting for `unit`. The plain token is returned once."""
    policy.require(actor, "reference.manage")
    if not name.strip():
        raise DomainError("Name the integration (e.g. 'Korpfjell camera 3').", field="name")
    prefix = secrets.token_hex(4)
    while IntegrationToken.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    token = IntegrationToken.objects.create(
        name=name.strip(),
        unit=unit,
        prefix=prefix,
        token_hash=_digest(secret),
        created_by=actor.user,
    )
    audit.record(actor, "token.issued", token, payload={"unit": unit.pk})
    return token, f"bw_{prefix}_{secret}"


@transaction.atomic
def revoke_token(*, actor: Actor, prefix: str) -> IntegrationToken:
    policy.require(actor, "reference.manage")
    token = IntegrationToken.objects.select_for_update().filter(prefix=prefix).first()
    if token is None:
        raise DomainError(f"No integration token with prefix {prefix!r}.", field="prefix")
    if token.revoked_at is not None:
        raise DomainError(f"Token {prefix} was revoked already.")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(actor, "token.revoked", token)
    return token


def authenticate(raw: str | None) -> IntegrationToken | None:
    """The live token for a presented `bw_<prefix>_<secret>`, or None."""
    if not raw or not raw.startswith("bw_") or raw.count("_") < 2:
        return None
    _, prefix, secret = raw.split("_", 2)
    token = (
        IntegrationToken.objects.select_related("unit")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.token_hash, _digest(secret)):
        return None
    IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token
