"""Settings builders for sign-in hardening: the Content-Security-Policy and OIDC.

Pure functions of the environment, called from settings.py (so they import no app), and
tested on their own in tests/access/test_signin.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .env import ConfigError, env_secret, env_str

SELF = "'self'"
NONE = "'none'"


def tile_source(tile_url: str) -> str | None:
    """The CSP source a map tile URL needs: its origin, with `{s}` subdomains as `*`.

    `https://{s}.tiles.example/{z}/{x}/{y}.png` -> `https://*.tiles.example`.
    """
    if not tile_url:
        return None
    parts = urlsplit(tile_url.replace("{s}", "__sub__"))
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ConfigError(
            f"BORDERWATCH_TILE_URL={tile_url!r} is not an http(s) URL with a host "
            "(e.g. https://tiles.example/{z}/{x}/{y}.png)"
        )
    return f"{parts.scheme}://{parts.netloc.replace('__sub__', '*')}"


def csp_directives(tile_url: str = "") -> dict[str, list[str]]:
    """The policy of every page: own files only, no inline script or style, no plugins,
    never framed; images also as data: URIs (Leaflet, the QR code) and from the tile
    server when one is configured."""
    images = [SELF, "data:"]
    tiles = tile_source(tile_url)
    if tiles:
        images.append(tiles)
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": images,
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }


OIDC_REQUIRED = (
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
)


def oidc_settings() -> dict:
    """Django settings for OIDC sign-in (mozilla-django-oidc), or {} when
    OIDC_RP_CLIENT_ID is unset: then OIDC is off and its URLs are not served.

    A person signing in through the identity provider is matched to an existing
    borderwatch user by one claim (OIDC_MATCH_CLAIM: `email` or `preferred_username`);
    nobody is created, so roles are only ever given in borderwatch.
    """
    client_id = env_str("OIDC_RP_CLIENT_ID", "")
    if not client_id:
        return {}
    values = {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", ""),
        "OIDC_OP_TOKEN_ENDPOINT": env_str("OIDC_OP_TOKEN_ENDPOINT", ""),
        "OIDC_OP_USER_ENDPOINT": env_str("OIDC_OP_USER_ENDPOINT", ""),
    }
    missing = [name for name in OIDC_REQUIRED if not values[name]]
    if missing:
        raise ConfigError(f"OIDC_RP_CLIENT_ID is set, so OIDC needs {', '.join(missing)} too")
    algo = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    jwks = env_str("OIDC_OP_JWKS_ENDPOINT", "")
    if algo.startswith(("RS", "ES")) and not jwks:
        raise ConfigError(f"OIDC_RP_SIGN_ALGO={algo} needs OIDC_OP_JWKS_ENDPOINT")
    claim = env_str("OIDC_MATCH_CLAIM", "email")
    if claim not in {"email", "preferred_username"}:
        raise ConfigError(
            f"OIDC_MATCH_CLAIM={claim!r}: use email or preferred_username "
            "(the claim that names an existing borderwatch user)"
        )
    return {
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_RP_CLIENT_SECRET": env_secret("OIDC_RP_CLIENT_SECRET"),
        **values,
        "OIDC_OP_JWKS_ENDPOINT": jwks or None,
        "OIDC_RP_SIGN_ALGO": algo,
        "OIDC_RP_SCOPES": env_str(
            "OIDC_RP_SCOPES", "openid email" if claim == "email" else "openid profile"
        ),
        "OIDC_MATCH_CLAIM": claim,
        "OIDC_PROVIDER_NAME": env_str("OIDC_PROVIDER_NAME", "single sign-on"),
        "OIDC_CREATE_USER": False,  # never: roles are given in borderwatch only
        "OIDC_USE_PKCE": True,
        "OIDC_TIMEOUT": 10,  # seconds for each call to the provider
        "LOGIN_REDIRECT_URL_FAILURE": "/accounts/login/?oidc=failed",
    }
