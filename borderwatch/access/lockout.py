"""Lockout after repeated failed sign-ins, with django-axes.

The settings (`AXES_*` in settings.py) lock one username from one address after
LOGIN_FAILURE_LIMIT failures for LOGIN_LOCKOUT_MINUTES. Each failure is audited as
`auth.login_failed` and the start of a lockout as `auth.locked_out` (signals.py). An
administrator at the console unlocks early with `borderwatch axes_reset_username NAME`.
"""

from __future__ import annotations

from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from borderwatch.lib.timefmt import format_instant

from .middleware import client_ip


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a sign-in while its username and address are locked out.

    Lockouts count requests; `authenticate()` called without one (the shell, a script,
    Django's test client) has nothing to count by, so it is left to the next backend
    instead of failing as axes' own backend does.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_until(username: str, ip: str):
    """When the lockout of `username` from `ip` ends (None if none is recorded)."""
    last = AccessAttempt.objects.filter(username=username, ip_address=ip).aggregate(
        last=Max("attempt_time")
    )["last"]
    if last is None:
        return None
    until = last + settings.AXES_COOLOFF_TIME
    if until.second or until.microsecond:  # shown to the minute: round up, never early
        until = until.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return until


def lockout_message(username: str, ip: str) -> str:
    until = locked_until(username, ip)
    minutes = lockout_minutes()
    text = ngettext(
        "Too many failed sign-ins: after %(limit)d failed attempts, signing in as "
        "%(username)s from this address is locked for %(minutes)d minute.",
        "Too many failed sign-ins: after %(limit)d failed attempts, signing in as "
        "%(username)s from this address is locked for %(minutes)d minutes.",
        minutes,
    ) % {"limit": settings.AXES_FAILURE_LIMIT, "username": username, "minutes": minutes}
    if until is not None and until > timezone.now():
        text += " " + _("Try again after %(time)s.") % {"time": format_instant(until)}
    text += " " + _("An administrator can unlock it sooner.")
    return text


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page again, saying the sign-in is locked and until when (HTTP 429)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = AuthenticationForm(request, initial={"username": username})
    context = {
        "form": form,
        "next": request.POST.get("next", ""),
        "lockout": lockout_message(username, client_ip(request)),
    }
    return render(request, "registration/login.html", context, status=429)
