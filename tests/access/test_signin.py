"""Sign-in hardening: argon2, lockout, idle expiry, the second factor (TOTP), secure cookies,
CSRF, the Content-Security-Policy and OIDC by configuration. Driven through the real pages
with Django's test client (force_login is used only where signing in is not the point)."""

import importlib
import json
import os
import subprocess
import sys
from base64 import b32encode
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import clear_url_caches, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from borderwatch.access import otp
from borderwatch.access.models import AuditEvent, User
from borderwatch.lib.env import ConfigError
from borderwatch.lib.hardening import csp_directives, oidc_settings, tile_source
from tests.conftest import PASSWORD, otp_code

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/accounts/login/"


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    """WhiteNoise warns (an error here) when STATIC_ROOT does not exist yet."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def verbs(verb, **filters):
    return list(AuditEvent.objects.filter(verb=verb, **filters).order_by("seq"))


# --- passwords -----------------------------------------------------------------------------


def test_it_hashes_a_new_password_with_argon2(settings, world):
    import borderwatch.settings as real

    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = real.PASSWORD_HASHERS  # the tests run with a fast hasher
    user = User.objects.get(username="police")
    user.set_password("a long new password for Kari")
    user.save()
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password("a long new password for Kari")


# --- lockout -------------------------------------------------------------------------------


def test_it_locks_out_after_five_failures_and_lets_in_after_the_cool_off(
    settings, world, time_machine
):
    time_machine.move_to("2026-02-02 10:00:00 +01:00", tick=False)
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)
    client = Client()
    for _ in range(4):
        response = sign_in(client, "pu", "not it")
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()
    fifth = sign_in(client, "pu", "not it")
    body = fifth.content.decode()
    assert fifth.status_code == 429
    assert "Sign-in is locked" in body
    assert (
        "Too many failed sign-ins: after 5 failed attempts, signing in as pu from this "
        "address is locked for 15 minutes. Try again after Mon 2 Feb 2026 10:15 CET." in body
    )
    time_machine.shift(timedelta(minutes=5))
    refused = sign_in(client, "pu", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Try again after Mon 2 Feb 2026 10:15 CET." in refused.content.decode()
    assert (
        Client(REMOTE_ADDR="192.0.2.7")
        .post(LOGIN, {"username": "pu", "password": PASSWORD})
        .status_code
        == 302
    ), "another address is not locked out"

    failed = verbs("auth.login_failed")
    assert [e.payload for e in failed] == [{"username": "pu"}] * 5 + [
        {"username": "pu", "while_locked": True}
    ]
    (locked,) = verbs("auth.locked_out")
    assert locked.payload == {"username": "pu", "failures": 5, "minutes": 15}
    assert locked.ip == "127.0.0.1" and locked.actor is None

    time_machine.shift(timedelta(minutes=10, seconds=1))
    allowed = sign_in(client, "pu", PASSWORD)
    assert allowed.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username="pu").pk)


def test_it_resets_the_count_after_a_successful_sign_in(world):
    client = Client()
    for _ in range(4):
        sign_in(client, "pu", "not it")
    assert sign_in(client, "pu", PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert sign_in(client, "pu", "not it").status_code == 200
    assert not verbs("auth.locked_out")


# --- sessions ------------------------------------------------------------------------------


def test_it_ends_a_session_after_thirty_idle_minutes_and_renews_it_on_use(
    settings, police, time_machine
):
    import borderwatch.settings as real

    assert real.SESSION_COOKIE_AGE == 30 * 60
    assert "borderwatch.access.middleware.IdleSessionMiddleware" in real.MIDDLEWARE
    time_machine.move_to("2026-02-02 10:00:00 +01:00", tick=False)
    client = Client()
    client.force_login(police.user)
    assert client.get("/incidents/").status_code == 200
    for _ in range(3):  # 87 minutes in all, never 30 idle
        time_machine.shift(timedelta(minutes=29))
        assert client.get("/incidents/").status_code == 200
    time_machine.shift(timedelta(minutes=31))
    response = client.get("/incidents/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/incidents/"


# --- the second factor ---------------------------------------------------------------------


PAGES = ["/", "/incidents/", "/map/", "/cases/", "/stats/", "/admin/", "/unit/"]


@pytest.mark.parametrize("username", ["pst", "admin"])
def test_it_asks_privileged_roles_for_a_code_before_any_page(world, username, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wait after a wrong code has its own test
    client = Client()
    response = sign_in(client, username)
    assert response.status_code == 302
    for path in PAGES:
        held = client.get(path)
        assert held.status_code == 302, path
        assert held["Location"].startswith("/accounts/otp/?next="), path
    assert client.get("/api/v1/incidents").status_code == 401
    page = client.get("/accounts/otp/?next=/cases/")
    body = page.content.decode()
    assert page.status_code == 200
    assert 'name="code"' in body and 'autocomplete="one-time-code"' in body
    assert 'class="main-nav"' not in body

    wrong = client.post("/accounts/otp/", {"code": "000000", "next": "/cases/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/incidents/").status_code == 302
    assert client.post("/accounts/otp/", {"code": "12ab", "next": "/"}).status_code == 200

    right = client.post("/accounts/otp/", {"code": otp_code(username), "next": "/stats/"})
    assert right.status_code == 302
    assert right["Location"] == "/stats/"
    assert client.get("/accounts/otp/")["Location"] == "/"  # nothing more to give
    user = User.objects.get(username=username)
    assert [e.payload["why"] for e in verbs("auth.otp_failed", target_id=str(user.pk))] == ["wrong"]
    assert verbs("auth.otp_verified", actor=user)
    home = client.get("/")
    assert home.status_code in {200, 302}
    assert not home.get("Location", "").startswith("/accounts/otp/")


def test_it_makes_a_wrong_code_wait_before_the_next_try(pst, time_machine):
    time_machine.move_to("2026-02-02 10:00:00 +01:00", tick=False)
    client = Client()
    sign_in(client, "pst")
    client.post("/accounts/otp/", {"code": "000000"})
    too_soon = client.post("/accounts/otp/", {"code": otp_code("pst")})
    assert "Too many wrong codes. Wait 1 second" in too_soon.content.decode()
    time_machine.shift(timedelta(seconds=2))
    assert client.post("/accounts/otp/", {"code": otp_code("pst")}).status_code == 302


def test_it_refuses_a_code_used_once_already(pst):
    first, second = Client(), Client()
    sign_in(first, "pst")
    sign_in(second, "pst")
    code = otp_code("pst")
    assert first.post("/accounts/otp/", {"code": code}).status_code == 302
    again = second.post("/accounts/otp/", {"code": code})
    assert again.status_code == 200
    assert "That code is not right (or was used already)" in again.content.decode()


def test_it_asks_no_code_of_other_roles(world):
    client = Client()
    response = sign_in(client, "police")
    assert response.status_code == 302
    assert client.get("/", follow=True).redirect_chain[-1][0] == "/cases/"
    assert client.get("/cases/").status_code == 200


def test_it_lets_a_police_officer_set_up_a_second_factor_and_then_asks_for_it(world):
    client = Client()
    sign_in(client, "police")
    page = client.get("/accounts/otp/setup/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Optional" in body
    device = TOTPDevice.objects.get(user__username="police", confirmed=False)
    secret = b32encode(device.bin_key).decode()
    assert " ".join(secret[i : i + 4] for i in range(0, 32, 4)) in body
    assert "otpauth://totp/borderwatch%3Apolice?secret=" + secret in body
    assert 'src="data:image/svg+xml' in body
    assert secret in client.get("/accounts/otp/setup/").content.decode()  # the same, again
    assert TOTPDevice.objects.filter(user__username="police").count() == 1  # one pending

    wrong = client.post("/accounts/otp/setup/", {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # skip the wait after the wrong code
    device.save()
    code, _ = otp.current_code(device)
    on = client.post("/accounts/otp/setup/", {"code": code, "next": "/cases/"})
    assert on.status_code == 302 and on["Location"] == "/cases/"
    assert TOTPDevice.objects.get(user__username="police").confirmed
    (enrolled,) = verbs("auth.otp_enrolled", actor__username="police")
    assert client.get("/cases/").status_code == 200  # this session gave the code already
    assert "Your second factor is on" in client.get("/accounts/otp/setup/").content.decode()

    later = Client()
    sign_in(later, "police")
    assert later.get("/cases/")["Location"] == "/accounts/otp/?next=/cases/"
    assert later.get("/accounts/otp/setup/")["Location"].startswith("/accounts/otp/?next=")


def test_it_sends_a_privileged_user_without_a_device_to_set_one_up(pst, console):
    otp.reset_devices(actor=console, user=pst.user)
    client = Client()
    sign_in(client, "pst")
    held = client.get("/cases/")
    assert held["Location"] == "/accounts/otp/setup/?next=/cases/"
    assert client.get("/accounts/otp/")["Location"].startswith("/accounts/otp/setup/")
    page = client.get(held["Location"]).content.decode()
    assert "Your role needs a second factor" in page
    assert 'class="main-nav"' not in page
    device = TOTPDevice.objects.get(user=pst.user, confirmed=False)
    code, _ = otp.current_code(device)
    done = client.post("/accounts/otp/setup/", {"code": code, "next": "/cases/"})
    assert done["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200


def test_it_keeps_second_factor_devices_out_of_the_admin(client, admin_actor):
    client.force_login(admin_actor.user)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


def test_it_marks_the_privileged_roles(world):
    needs = {u.username for u in User.objects.all() if otp.requires_second_factor(u)}
    assert needs == {"pst", "admin"}


def test_it_refuses_the_code_form_without_a_csrf_token(pst):
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN)
    token = client.cookies["csrftoken"].value
    client.post(LOGIN, {"username": "pst", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert client.post("/accounts/otp/", {"code": otp_code("pst")}).status_code == 403
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        "/accounts/otp/", {"code": otp_code("pst"), "csrfmiddlewaretoken": token}
    )
    assert accepted.status_code == 302


def test_it_prints_a_code_at_the_console_and_audits_it(pst):
    code = otp_code("pst")
    assert len(code) == 6 and code.isdigit()
    (shown,) = verbs("auth.otp_code_shown")
    assert shown.target_id == str(pst.user.pk)
    assert shown.actor is None and shown.actor_name.startswith("console:")
    assert code not in json.dumps(shown.payload)


def test_it_lets_only_the_console_print_a_code_or_reset_someone_elses_device(pst, admin_actor):
    from borderwatch.lib.errors import AccessDenied

    with pytest.raises(AccessDenied, match="Only the console may print"):
        otp.show_current_code(actor=pst, user=pst.user)
    with pytest.raises(AccessDenied, match="Only the user themselves or the console"):
        otp.reset_devices(actor=admin_actor, user=pst.user)
    assert TOTPDevice.objects.filter(user=pst.user).exists()


def test_it_resets_a_lost_device_at_the_console(pst):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("otp", "reset", "pst", stdout=out)
    assert "Removed 1 second-factor device(s) of pst" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=pst.user).exists()
    assert verbs("auth.otp_reset")[0].payload == {"devices": 1}
    with pytest.raises(CommandError, match="pst has no second factor set up"):
        otp_code("pst")


def test_it_gives_the_demo_users_the_same_device_on_every_load(world, console):
    from borderwatch.scenario import founding

    before = list(TOTPDevice.objects.order_by("id").values_list("user__username", "key"))
    founding._reference_data(console, PASSWORD)
    after = list(TOTPDevice.objects.order_by("id").values_list("user__username", "key"))
    assert before == after
    assert dict(before) == {
        "pst": otp.demo_key(PASSWORD, "pst"),
        "admin": otp.demo_key(PASSWORD, "admin"),
    }


# --- headers and cookies -------------------------------------------------------------------


def test_it_sends_a_content_security_policy_without_inline_script(main_case, client, pu):
    client.force_login(pu.user)
    pages = [LOGIN, "/incidents/", f"/incidents/{main_case.incident_id}/", "/map/"]
    pages += ["/cases/", f"/cases/{main_case.pk}/", "/stats/", "/api/v1/docs"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = dict(
            part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
        )
        assert policy["script-src"] == "'self'", path
        assert policy["style-src"] == "'self'", path
        assert policy["object-src"] == "'none'", path
        assert policy["frame-ancestors"] == "'none'", path
        assert "unsafe" not in response["Content-Security-Policy"], path


def test_it_allows_images_from_a_configured_tile_server_only():
    assert csp_directives("")["img-src"] == ["'self'", "data:"]
    tiles = csp_directives("https://{s}.tiles.example:8443/{z}/{x}/{y}.png")
    assert tiles["img-src"] == ["'self'", "data:", "https://*.tiles.example:8443"]
    assert tile_source("http://tiles.local/{z}/{x}/{y}.png") == "http://tiles.local"
    with pytest.raises(ConfigError, match="BORDERWATCH_TILE_URL"):
        tile_source("tiles/{z}/{x}/{y}.png")


def _settings_in_a_fresh_process(env: dict, expression: str):
    """Evaluate `expression` on borderwatch.settings imported with `env` (a new process, so
    the module reads the environment as at start-up)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OIDC_", "SECURE_"))}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, django; django.setup(); from django.conf import settings as s; "
            f"print(json.dumps({expression}))",
        ],
        env={**base, "DJANGO_SETTINGS_MODULE": "borderwatch.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_it_marks_cookies_secure_and_sends_hsts_when_secure_cookies_is_on(tmp_path):
    names = (
        "[s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_HSTS_SECONDS, list(getattr(s, 'SECURE_PROXY_SSL_HEADER', None) or [])]"
    )
    var = {"BORDERWATCH_VAR_DIR": str(tmp_path)}
    on = {**var, "SECURE_COOKIES": "true", "TRUST_X_FORWARDED_PROTO": "true"}
    assert _settings_in_a_fresh_process(on, names) == [
        True,
        True,
        True,
        365 * 24 * 3600,
        ["HTTP_X_FORWARDED_PROTO", "https"],
    ]
    assert _settings_in_a_fresh_process(var, names) == [False, False, True, 0, []]


def test_it_sets_the_cookie_flags_on_the_wire(settings, world):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 3600
    client = Client()
    page = client.get(LOGIN, secure=True)
    assert page["Strict-Transport-Security"] == "max-age=3600"
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"
    response = sign_in(client, "police", secure=True)
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert session["max-age"] == 30 * 60


# --- OIDC ----------------------------------------------------------------------------------

OIDC_ENV = {
    "OIDC_RP_CLIENT_ID": "borderwatch",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/auth",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
}


def test_it_leaves_oidc_off_without_configuration(monkeypatch, client, settings):
    for name in OIDC_ENV:
        monkeypatch.delenv(name, raising=False)
    assert oidc_settings() == {}
    assert settings.OIDC_ENABLED is False
    assert "ExistingUserOIDCBackend" not in str(settings.AUTHENTICATION_BACKENDS)
    assert client.get("/oidc/authenticate/").status_code == 404


def test_it_builds_the_oidc_settings_and_names_what_is_missing(monkeypatch):
    for name, value in OIDC_ENV.items():
        monkeypatch.setenv(name, value)
    built = oidc_settings()
    assert built["OIDC_RP_CLIENT_ID"] == "borderwatch"
    assert built["OIDC_CREATE_USER"] is False
    assert built["OIDC_MATCH_CLAIM"] == "email"
    assert built["OIDC_RP_SIGN_ALGO"] == "RS256"
    monkeypatch.delenv("OIDC_OP_TOKEN_ENDPOINT")
    with pytest.raises(ConfigError, match="OIDC_OP_TOKEN_ENDPOINT"):
        oidc_settings()


def test_it_turns_oidc_on_by_environment(tmp_path):
    expression = (
        "[s.OIDC_ENABLED, s.AUTHENTICATION_BACKENDS[-1], "
        "__import__('django.urls').urls.reverse('oidc_authentication_init')]"
    )
    env = {**OIDC_ENV, "BORDERWATCH_VAR_DIR": str(tmp_path)}
    assert _settings_in_a_fresh_process(env, expression) == [
        True,
        "borderwatch.access.oidc.ExistingUserOIDCBackend",
        "/oidc/authenticate/",
    ]


@pytest.fixture
def oidc_on(settings, monkeypatch):
    for name, value in OIDC_ENV.items():
        monkeypatch.setenv(name, value)
    for name, value in oidc_settings().items():
        setattr(settings, name, value)
    settings.OIDC_ENABLED = True
    import borderwatch.urls

    importlib.reload(borderwatch.urls)
    clear_url_caches()
    yield
    settings.OIDC_ENABLED = False
    importlib.reload(borderwatch.urls)
    clear_url_caches()


def test_it_offers_oidc_on_the_sign_in_page_when_configured(oidc_on, client, world):
    body = client.get(f"{LOGIN}?next=/cases/").content.decode()
    assert reverse("oidc_authentication_init") == "/oidc/authenticate/"
    assert '<a href="/oidc/authenticate/?next=/cases/">Sign in with single sign-on</a>' in body
    failed = client.get(f"{LOGIN}?oidc=failed").content.decode()
    assert "did not find an active borderwatch account for you" in failed


def test_it_matches_an_oidc_person_to_an_existing_user_and_never_creates_one(oidc_on, world):
    from borderwatch.access.oidc import ExistingUserOIDCBackend

    User.objects.filter(username="police").update(email="kari.politi@example.no")
    backend = ExistingUserOIDCBackend()
    claims = {"email": "Kari.Politi@example.no", "sub": "1"}
    assert [u.username for u in backend.filter_users_by_claims(claims)] == ["police"]
    stranger = {"email": "someone@example.no", "sub": "2"}
    backend.get_userinfo = lambda *args: stranger
    users_before = User.objects.count()
    assert backend.get_or_create_user("access", "id", {}) is None
    assert User.objects.count() == users_before
    backend.get_userinfo = lambda *args: claims
    assert backend.get_or_create_user("access", "id", {}).username == "police"


def test_a_signed_in_request_reads_the_user_with_their_units_and_sees_a_change_at_once(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from borderwatch.access.models import Membership

    client = Client()
    assert sign_in(client, "police").status_code == 302
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/cases/").status_code == 200
    identity = [
        q["sql"]
        for q in ctx.captured_queries
        if '"access_user"' in q["sql"] and "django_session" not in q["sql"]
    ]
    # the backend's one read: memberships joined to the user and the unit
    assert '"access_membership"' in identity[0] and '"access_unit"' in identity[0]
    assert not any(q.startswith('SELECT "access_user"') for q in identity)
    # read once: the header's identity and unit switch use the same read
    memberships = [q["sql"] for q in ctx.captured_queries if 'FROM "access_membership"' in q["sql"]]
    assert len(memberships) == 1, memberships
    page = client.get("/cases/").content.decode()
    assert '<span class="acting"><span class="role">' in page  # the role in the header
    # a membership withdrawn counts from the next request: the unit is gone from the page
    unit = Membership.objects.filter(user__username="police").first().unit
    assert unit.name in client.get("/cases/").content.decode()
    Membership.objects.filter(user__username="police").delete()
    assert unit.name not in client.get("/cases/").content.decode()


def test_a_signed_in_request_reads_the_second_factor_device_with_the_user(world, console):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    assert sign_in(client, "police").status_code == 302
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/api/v1/border").status_code == 200
    statements = [q["sql"] for q in ctx.captured_queries]
    # the session, then the user with their units and whether they have a device: no more
    assert [s for s in statements if "otp_totp_totpdevice" in s] == statements[1:2], statements
    assert '"access_membership"' in statements[1]
    # a device confirmed elsewhere (here at the console) counts from this session's next
    # request: the code is owed before any page, and the API no longer sees a signed-in user
    police = User.objects.get(username="police")
    otp.enrol_with_key(actor=console, user=police, key_hex="31323334353637383930", name="phone")
    assert client.get("/cases/")["Location"] == "/accounts/otp/?next=/cases/"
    assert client.get("/api/v1/border").status_code == 401
    otp.reset_devices(actor=console, user=police)
    assert client.get("/cases/").status_code == 200
