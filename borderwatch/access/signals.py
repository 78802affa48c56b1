"""Sign-ins, failed sign-ins and sign-outs go to the audit trail."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import audit
from .actor import Actor
from .middleware import client_ip


def _actor_for(user, request) -> Actor:
    ip = client_ip(request) if request is not None else ""
    rid = getattr(request, "request_id", "") if request is not None else ""
    return Actor.for_user(user, None, channel="web", ip=ip, request_id=rid)


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit.record(_actor_for(user, request), "auth.login", user)


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
    audit.record(
        anon, "auth.login_failed", payload={"username": str(credentials.get("username", ""))[:150]}
    )
