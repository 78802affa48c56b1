"""The one settings module. Everything deployment-specific comes from the environment.

Embedded default: SQLite at var/borderwatch.sqlite3, created on first run.
Production: DATABASE_URL=postgres://user:pass@host:5432/name, DEBUG off, a real SECRET_KEY.
docs/settings.md lists every variable.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

from borderwatch.lib.env import ConfigError, env_bool, env_int, env_list, env_secret, env_str
from borderwatch.lib.hardening import csp_directives, oidc_settings

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env_str("BORDERWATCH_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in var/."""
    key = env_secret("SECRET_KEY")
    if key:
        return key
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "ninja",  # serves its Swagger UI from the package: no CDN
    "django_otp",  # second factor (TOTP) for privileged roles: access/otp.py
    "django_otp.plugins.otp_totp",
    "axes",  # lockout after repeated failed sign-ins: access/lockout.py
    "csp",  # the Content-Security-Policy header
    "borderwatch.access",
    "borderwatch.border",
    "borderwatch.people",
    "borderwatch.cases",
    "borderwatch.security",
    "borderwatch.sources",
    "borderwatch.stats",
    "borderwatch.scenario",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "borderwatch.access.middleware.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "borderwatch.access.otp.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "borderwatch.access.middleware.ActorMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as axes asks: turns a lockout into its page
]

ROOT_URLCONF = "borderwatch.urls"
WSGI_APPLICATION = "borderwatch.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "borderwatch.access.context.actor",
                "borderwatch.access.context.notifications",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", "sqlite:///var/borderwatch.sqlite3")
try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
except ValueError as exc:
    raise ConfigError(f"DATABASE_URL={DATABASE_URL!r} cannot be used: {exc}") from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _name = Path(_db["NAME"])
    if str(_name) != ":memory:" and not _name.is_absolute():
        _name = BASE_DIR / _name
    if str(_name) != ":memory:":
        _name.parent.mkdir(parents=True, exist_ok=True)
    _db["NAME"] = str(_name)
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
        # BEGIN so two writers queue instead of failing half-way ("database is locked").
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
elif _db["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: our queries are short, and PostgreSQL's cost estimate for the
    # policy's EXISTS tests crosses jit_above_cost, so the map spent 230 ms compiling
    # expressions to run a 110 ms query (docs/PERFORMANCE.md).
    _db.setdefault("OPTIONS", {})["options"] = "-c jit=off"
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "access.User"
AUTHENTICATION_BACKENDS = [
    "borderwatch.access.lockout.LockoutBackend",  # first: refuses while locked out
    # Django's ModelBackend, reading the user's memberships with the user (one query)
    "borderwatch.access.backends.MembershipsBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# models.W040: SQLite has no covering indexes; there border.Incident's incident_period is
# built without its INCLUDE columns (which only PostgreSQL's map reads), as intended.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = False  # IdleSessionMiddleware renews it on use (≤ once a minute)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_COOKIES = env_bool("SECURE_COOKIES", False)  # true behind HTTPS in production
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# HTTPS only from the first visit on, once cookies are secure (so served over HTTPS).
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 365 * 24 * 3600) if SECURE_COOKIES else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_COOKIES and env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from clients).
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Lockout (django-axes): after LOGIN_FAILURE_LIMIT failed sign-ins for one username from
# one address, sign-in for that pair is refused for LOGIN_LOCKOUT_MINUTES (attempts
# during the lockout do not extend it). A success resets the count.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "borderwatch.access.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "borderwatch.access.middleware.client_ip"  # as the audit trail
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in the audit trail already
AXES_ENABLE_ADMIN = False  # unlock with `borderwatch axes_reset_username NAME`

# Second factor (django-otp, TOTP): required for the roles in access/otp.py PRIVILEGED_ROLES
# and for staff; optional for everyone else (/accounts/otp/setup/).
OTP_TOTP_ISSUER = env_str("OTP_ISSUER", "borderwatch")

# OIDC sign-in (mozilla-django-oidc), only when OIDC_RP_CLIENT_ID is set.
_oidc = oidc_settings()
OIDC_ENABLED = bool(_oidc)
globals().update(_oidc)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("borderwatch.access.oidc.ExistingUserOIDCBackend")

# --- Time and language ----------------------------------------------------------------
USE_TZ = True
TIME_ZONE = "Europe/Oslo"  # stored in UTC, shown and reasoned about in Oslo time
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("nb", "Norsk bokmål")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True

# --- Static files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = True  # serve straight from the package in the embedded mode

# --- The deployment -------------------------------------------------------------------
# The country this installation belongs to: "entry" means entering it.
BORDERWATCH_HOME_COUNTRY = env_str("BORDERWATCH_HOME_COUNTRY", "NO")
# Detections of one section within this many minutes of an open incident join it.
BORDERWATCH_CORRELATION_MINUTES = env_int("BORDERWATCH_CORRELATION_MINUTES", 120)
# A map tile URL ({z}/{x}/{y}); empty: the map draws Natural Earth land polygons instead.
BORDERWATCH_TILE_URL = env_str("BORDERWATCH_TILE_URL", "")
# Emergency ("break the glass") access lasts this long.
BORDERWATCH_BREAK_GLASS_MINUTES = env_int("BORDERWATCH_BREAK_GLASS_MINUTES", 60)

# Retention: a person's identifying data is pseudonymised this long after the last
# activity on their records (no open case, not in custody).
BORDERWATCH_RETENTION_PERSON_DAYS = env_int("BORDERWATCH_RETENTION_PERSON_DAYS", 5 * 365)

# Clocks that are practice, not law (the legal ones are in cases/deadlines.py).
BORDERWATCH_CLOCK_WARNING_HOURS = [
    float(h) for h in env_list("BORDERWATCH_CLOCK_WARNING_HOURS", ["12", "2"])
]
BORDERWATCH_REFERRAL_ANSWER_HOURS = env_int("BORDERWATCH_REFERRAL_ANSWER_HOURS", 24)
BORDERWATCH_REGISTRATION_HOURS = env_int("BORDERWATCH_REGISTRATION_HOURS", 72)
BORDERWATCH_TASK_HOURS = env_int("BORDERWATCH_TASK_HOURS", 7 * 24)
BORDERWATCH_NOTIFY_EVERY_SECONDS = env_int("BORDERWATCH_NOTIFY_EVERY_SECONDS", 60)

# --- E-mail (notifications) -------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "borderwatch@localhost")
# Without an SMTP host (the embedded demo) mail is printed to the console instead.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_TIMEOUT = 10

# A JSON file replacing the default EUROSUR impact rules (border/impact.py DEFAULT_RULES).
BORDERWATCH_IMPACT_RULES_FILE = env_str("BORDERWATCH_IMPACT_RULES_FILE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Content-Security-Policy (django-csp): no inline script or style on any page; images also
# from the tile server when BORDERWATCH_TILE_URL names one. lib/hardening.py builds it.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": csp_directives(BORDERWATCH_TILE_URL)}
