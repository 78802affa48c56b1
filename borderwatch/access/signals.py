"""Sign-ins, failed sign-ins, lockouts and sign-outs go to the audit trail."""

import time

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import audit
from .actor import Actor
from .middleware import SESSION_TOUCHED, client_ip


def _actor_for(user, request) -> Actor:
    ip = client_ip(request) if request is not None else ""
    rid = getattr(request, "request_id", "") if request is not None else ""
    return Actor.for_user(user, None, channel="web", ip=ip, request_id=rid)


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit.record(_actor_for(user, request), "auth.login", user)
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_TOUCHED] = int(time.time())  # saved with the new session


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit.record(_actor_for(user, request), "auth.logout", user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    anon = Actor(
        user=None,
        unit=None,
        channel="web",
        ip=client_ip(request) if request is not None else "",
        label="anonymous",
    )
    payload = {"username": str(credentials.get("username", ""))[:150]}
    if _refused_while_locked(request):
        payload["while_locked"] = True
    audit.record(anon, "auth.login_failed", payload=payload)


def _refused_while_locked(request) -> bool:
    """axes refused this attempt up front because of an earlier lockout (its backend marks
    the request locked without counting a failure; a failure that starts a lockout is
    counted)."""
    return bool(
        request is not None
        and getattr(request, "axes_locked_out", False)
        and getattr(request, "axes_failures_since_start", None) is None
    )


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    if _refused_while_locked(request):
        return  # still the same lockout: the attempt is audited as auth.login_failed
    anon = Actor(user=None, unit=None, channel="web", ip=ip_address or "", label="anonymous")
    audit.record(
        anon,
        "auth.locked_out",
        payload={
            "username": str(username or "")[:150],
            "failures": getattr(request, "axes_failures_since_start", None),
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
    )
