"""Shared test set-up: fast hashing, the audit triggers around flushes, and personas.

Personas (one named world, DESIGN.md §1): `guard` (GSV), `police` (Finnmark police
district), `pu`, `udi`, `pst`, `lawyer`, `analyst` (statistician), `admin`, and
`other_police`, an officer of another police district who must see nothing of Finnmark's.
Each persona fixture is an Actor; `.user` is the User behind it.
"""

import os

import pytest
from django.db.backends.base.operations import BaseDatabaseOperations

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API

PASSWORD = "correct horse battery staple"


def _flush_around_audit_triggers():
    """Django's test flush empties every table; the audit table refuses that by design.
    Around the flush only, the triggers are dropped and put back."""
    original = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        from borderwatch.access import triggers

        triggers.uninstall(self.connection)
        try:
            original(self, sql_list)
        finally:
            triggers.install(self.connection)

    BaseDatabaseOperations.execute_sql_flush = execute_sql_flush


_flush_around_audit_triggers()


def _test_logins_pass_the_second_factor():
    """`client.force_login(user)` and `client.login(...)` stand for a whole sign-in: for a
    user with a second factor (pst, admin) the session is also marked as having given the
    code, as django_otp.login does. The real steps, password then code, are tested through
    the pages in tests/access/test_signin.py and in Chromium."""
    from django.test.client import ClientMixin

    original = ClientMixin._login

    def _login(self, user, backend=None):
        original(self, user, backend)
        from borderwatch.access.otp import confirmed_device

        device = confirmed_device(user)
        if device is not None:
            from django_otp import DEVICE_ID_SESSION_KEY

            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    ClientMixin._login = _login


_test_logins_pass_the_second_factor()


def otp_code(username: str) -> str:
    """The code `username`'s device accepts now, as `borderwatch otp code USERNAME` prints."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("otp", "code", username, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


@pytest.fixture(autouse=True)
def _fast_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.VAR_DIR = tmp_path / "var"


@pytest.fixture
def console():
    from borderwatch.access.actor import Actor

    return Actor.console("pytest")


@pytest.fixture
def world(db, console, monkeypatch):
    """Units, the demo users (password PASSWORD), sections and places; no incidents."""
    from borderwatch.access.models import Unit
    from borderwatch.access.services import create_unit, create_user, grant_membership
    from borderwatch.scenario import founding

    founding._reference_data(console, PASSWORD)
    troms = create_unit(
        actor=console,
        code="troms-pd",
        name="Troms police district",
        short_name="Troms PD",
        kind=Unit.Kind.POLICE,
    )
    other = create_user(
        actor=console,
        username="other_police",
        password=PASSWORD,
        first_name="Tor",
        last_name="Troms",
    )
    grant_membership(actor=console, user=other, unit=troms, role="police_operations")
    return {u.code: u for u in Unit.objects.all()}


def _persona(username):
    from borderwatch.access.actor import Actor
    from borderwatch.access.models import User

    return Actor.for_user(User.objects.get(username=username), channel="system")


@pytest.fixture
def guard(world):
    return _persona("guard")


@pytest.fixture
def police(world):
    return _persona("police")


@pytest.fixture
def other_police(world):
    return _persona("other_police")


@pytest.fixture
def pu(world):
    return _persona("pu")


@pytest.fixture
def udi(world):
    return _persona("udi")


@pytest.fixture
def pst(world):
    return _persona("pst")


@pytest.fixture
def lawyer(world):
    return _persona("lawyer")


@pytest.fixture
def analyst(world):
    return _persona("analyst")


@pytest.fixture
def admin_actor(world):
    return _persona("admin")


@pytest.fixture
def story(world, monkeypatch):
    """The founding scenario, loaded through the service functions."""
    from borderwatch.scenario import founding

    monkeypatch.setenv("BORDERWATCH_DEMO_PASSWORD", PASSWORD)
    return founding.load()


@pytest.fixture
def main_case(story):
    from borderwatch.cases.models import AsylumCase

    return AsylumCase.objects.get(incident__external_ref="scenario:2025-08-22-grense-jakobselv")
