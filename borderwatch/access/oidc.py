"""OIDC sign-in (mozilla-django-oidc) for existing borderwatch users only.

On only when OIDC_RP_CLIENT_ID is set (lib/hardening.oidc_settings). The identity
provider says who someone is; borderwatch says what they may do. So a person is matched
to an active user by one claim (OIDC_MATCH_CLAIM: `email` or `preferred_username`) and is
never created: without a match the sign-in fails. The second factor is still asked for
by borderwatch for privileged roles (otp.py).
"""

from __future__ import annotations

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import User


class ExistingUserOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims) -> bool:
        return bool(claims.get(settings.OIDC_MATCH_CLAIM))

    def filter_users_by_claims(self, claims):
        value = claims.get(settings.OIDC_MATCH_CLAIM)
        if not value:
            return User.objects.none()
        users = User.objects.filter(is_active=True)
        if settings.OIDC_MATCH_CLAIM == "email":
            return users.filter(email__iexact=value)
        return users.filter(username=value)

    def create_user(self, claims):
        """Never: accounts and their roles are made in borderwatch (None: no sign-in)."""
