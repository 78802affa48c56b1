"""The sign-in pages: password (with the OIDC button when configured), the second-factor
code, and setting up an authenticator app."""

from __future__ import annotations

import math
from base64 import b32encode

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import audit, otp
from .actor import Actor


class SignInView(LoginView):
    """Django's sign-in form, plus a button for OIDC sign-in when it is configured."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.OIDC_ENABLED:
            context["oidc_url"] = reverse("oidc_authentication_init")
            context["oidc_provider"] = settings.OIDC_PROVIDER_NAME
            context["oidc_failed"] = self.request.GET.get("oidc") == "failed"
        return context


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return "/"
    return target


def _actor(request) -> Actor:
    return getattr(request, "actor", None) or Actor.for_user(request.user, channel="web")


def _code(request) -> str:
    return "".join(request.POST.get("code", "").split())


@login_required
def verify(request):
    """Ask for the code of the user's authenticator app; then on to where they were going."""
    user = request.user
    target = _next(request)
    if user.is_verified():
        return redirect(target)
    device = otp.confirmed_device(user)
    if device is None:
        return redirect(otp.with_next(otp.SETUP_URL, target))
    error = ""
    if request.method == "POST":
        code = _code(request)
        allowed, why = device.verify_is_allowed()
        if not allowed:
            seconds = max(1, math.ceil((why["locked_until"] - timezone.now()).total_seconds()))
            error = ngettext(
                "Too many wrong codes. Wait %(seconds)d second, then enter the code your "
                "app shows.",
                "Too many wrong codes. Wait %(seconds)d seconds, then enter the code your "
                "app shows.",
                seconds,
            ) % {"seconds": seconds}
            audit.record(_actor(request), "auth.otp_failed", user, payload={"why": "throttled"})
        elif not (code.isdigit() and len(code) == device.digits):
            error = _("Enter the %(digits)d-digit code your authenticator app shows.") % {
                "digits": device.digits
            }
        elif django_otp.verify_token(user, device.persistent_id, code) is not None:
            django_otp.login(request, device)
            request.session.cycle_key()  # a new session id for the fully signed-in session
            audit.record(_actor(request), "auth.otp_verified", user)
            return redirect(target)
        else:
            error = _(
                "That code is not right (or was used already). Enter the code your "
                "authenticator app shows now."
            )
            audit.record(_actor(request), "auth.otp_failed", user, payload={"why": "wrong"})
    return render(
        request,
        "registration/otp_verify.html",
        {"next": target, "error": error, "actor": None},
    )


@login_required
def setup(request):
    """Set up an authenticator app: show the secret (text, otpauth URI, QR code) and turn
    it on when the user types the code it shows."""
    user = request.user
    target = _next(request)
    existing = otp.confirmed_device(user)
    if existing is not None and not user.is_verified():
        return redirect(otp.with_next(otp.VERIFY_URL, target))
    context = {
        "next": target,
        "required": otp.requires_second_factor(user),
        "pending": otp.owes_second_factor(user),  # signed in by password only, so far
    }
    if existing is not None:
        context["device"] = existing
        return render(request, "registration/otp_setup.html", context)
    device = otp.new_device(user)
    error = ""
    if request.method == "POST":
        code = _code(request)
        if not (code.isdigit() and len(code) == device.digits):
            error = _("Enter the %(digits)d-digit code your authenticator app shows.") % {
                "digits": device.digits
            }
        elif otp.confirm_device(actor=_actor(request), device=device, code=code):
            django_otp.login(request, device)
            request.session.cycle_key()
            messages.success(request, _("Second factor on: each sign-in will now ask for a code."))
            return redirect(target)
        else:
            error = _(
                "That code is not right. Check the app's clock, and enter the code it shows now."
            )
    uri = device.config_url
    secret = b32encode(device.bin_key).decode()
    context.update(
        {
            "uri": uri,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr": segno.make(uri, error="m").svg_data_uri(scale=4, border=2),
            "error": error,
        }
    )
    if context["pending"]:
        context["actor"] = None  # no navigation until the second factor is set up
    return render(request, "registration/otp_setup.html", context)
