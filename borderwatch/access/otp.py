"""The second factor: TOTP codes (django-otp) after the password.

Who must: a member of a privileged role (security analyst, administrator) in any unit,
and staff. Who may: everyone else, by enrolling on /accounts/otp/setup/. Once a user has
a confirmed device, every sign-in asks for a code, whatever the role.

`SecondFactorMiddleware` holds a signed-in user who still owes a code on the verify page
(or, without a device, on the set-up page) before any other page; to the API such a
session is not signed in at all. The pages are in otp_views.py; the console's
`borderwatch otp code|reset` in management/commands/otp.py.
"""

from __future__ import annotations

import hmac
import time

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from borderwatch.lib.errors import AccessDenied, DomainError

from . import audit
from .actor import Actor, memberships_of
from .models import Membership, User

PRIVILEGED_ROLES = frozenset({Membership.Role.SECURITY_ANALYST, Membership.Role.ADMINISTRATOR})

VERIFY_URL = "/accounts/otp/"
SETUP_URL = "/accounts/otp/setup/"
# Reachable while a code is still owed: signing in and out, the two second-factor pages,
# static files (WhiteNoise answers those before this middleware anyway).
OPEN_PATHS = ("/accounts/login/", "/accounts/logout/", VERIFY_URL, "/static/", "/oidc/")


def with_next(url: str, next_url: str) -> str:
    """`url?next=…`, written as Django's sign-in redirect writes it."""
    query = QueryDict(mutable=True)
    query["next"] = next_url
    return f"{url}?{query.urlencode(safe='/')}"


def requires_second_factor(user: User, memberships: list[Membership] | None = None) -> bool:
    """Whether this user's roles (or staff status) make a second factor compulsory.

    `memberships`: the user's, when the caller has read them already."""
    if user.is_staff or user.is_superuser:
        return True
    if memberships is not None:
        return any(m.role in PRIVILEGED_ROLES for m in memberships)
    return user.memberships.filter(role__in=PRIVILEGED_ROLES).exists()


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def owes_second_factor(user, memberships: list[Membership] | None = None) -> bool:
    """Signed in with the password, but the code this account needs is not given yet."""
    if not user.is_authenticated or user.is_verified():
        return False
    if requires_second_factor(user, memberships):
        return True
    has_device = getattr(user, "request_has_device", None)  # read with the user, this request
    if has_device is None:
        has_device = confirmed_device(user) is not None
    return has_device


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware: no page until the second factor is given."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        memberships = None
        if user is not None and user.is_authenticated:
            # read once here for the second factor and again by ActorMiddleware for the actor
            # (with the user, by access.backends, on a session's request)
            memberships = getattr(user, "request_memberships", None)
            if memberships is None:
                memberships = memberships_of(user)
            request.memberships = memberships
        if user is not None and owes_second_factor(user, memberships):
            path = request.path_info
            if path.startswith("/api/"):
                # A half-signed-in session does not count: the API answers 401, and an
                # integration token in the same request still works.
                request.user = AnonymousUser()
            elif not path.startswith(OPEN_PATHS):
                target = VERIFY_URL if confirmed_device(user) is not None else SETUP_URL
                return redirect(with_next(target, request.get_full_path()))
        return self.get_response(request)


# --- devices ------------------------------------------------------------------------------


def _may_manage(actor: Actor, user: User) -> None:
    """A user manages their own second factor; the console anyone's (demo, lost phone)."""
    if actor.is_console or (actor.user is not None and actor.user.pk == user.pk):
        return
    raise AccessDenied("Only the user themselves or the console manage a second factor.")


def new_device(user: User) -> TOTPDevice:
    """An unconfirmed device for enrolment: the user's pending one, or a new one."""
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    return pending or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


@transaction.atomic
def confirm_device(*, actor: Actor, device: TOTPDevice, code: str) -> bool:
    """Turn a pending device on when `code` is the one it shows now."""
    _may_manage(actor, device.user)
    if device.confirmed:
        raise DomainError("This device is set up already.", field="code")
    if not device.verify_token(code.strip()):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    audit.record(actor, "auth.otp_enrolled", device.user, payload={"device": device.pk})
    return True


@transaction.atomic
def enrol_with_key(*, actor: Actor, user: User, key_hex: str, name: str) -> TOTPDevice:
    """A confirmed device with a given key (the demo users'); none is added if one exists."""
    _may_manage(actor, user)
    device = confirmed_device(user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=name, key=key_hex, confirmed=True)
        audit.record(actor, "auth.otp_enrolled", user, payload={"device": device.pk})
    return device


@transaction.atomic
def reset_devices(*, actor: Actor, user: User) -> int:
    """Remove every device of `user` (a lost phone); they enrol again at next sign-in."""
    _may_manage(actor, user)
    count, _ = TOTPDevice.objects.filter(user=user).delete()
    audit.record(actor, "auth.otp_reset", user, payload={"devices": count})
    return count


def current_code(device: TOTPDevice, at: float | None = None) -> tuple[str, int]:
    """The code `device` accepts now, and the seconds it stays valid."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    remaining = device.step - int(totp.time - device.t0) % device.step
    return f"{totp.token():0{device.digits}d}", remaining


@transaction.atomic
def show_current_code(*, actor: Actor, user: User) -> tuple[str, int]:
    """The console reads a user's current code (demo, testing without a phone); audited."""
    if not actor.is_console:
        raise AccessDenied("Only the console may print a second-factor code.")
    device = confirmed_device(user)
    if device is None:
        raise DomainError(f"{user.username} has no second factor set up.", field="username")
    audit.record(actor, "auth.otp_code_shown", user, payload={"device": device.pk})
    return current_code(device)


def demo_key(password: str, username: str) -> str:
    """The demo users' TOTP key: derived from the demo password, so it survives a new
    database and `borderwatch otp code` or an authenticator app keep working. Demo only."""
    message = f"borderwatch-demo-totp:{username}".encode()
    return hmac.new(password.encode(), message, "sha256").digest()[:20].hex()  # 160 bits
