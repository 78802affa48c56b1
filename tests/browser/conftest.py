"""Driving Debian's Chromium (/usr/bin/chromium) through Playwright's sync API.

Never `playwright install`: the browser is the system's. One Playwright driver and one
browser per test module (`browser`), a fresh context per test (`page`, `tablet_page`),
pytest-django's `live_server` with the founding scenario loaded (`live_story`), and two
helpers: `sign_in(page, username)` through the real form, `screenshot(page, name)` into
test-results/ (git-ignored).
"""

import re
from pathlib import Path

import pytest
from django.test import override_settings

from tests.conftest import PASSWORD, otp_code

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1280, "height": 900}
TABLET = {"width": 800, "height": 1100}  # a tablet in a patrol car, held upright
RESULTS = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture(scope="session", autouse=True)
def _static_root_for_live_server(tmp_path_factory):
    """WhiteNoise warns (an error under filterwarnings=error, and a dead live server) when
    STATIC_ROOT does not exist; the live server's handler is built once, so this must be
    in place before `live_server` starts."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root):
        yield


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def live_story(django_db_reset_sequences, live_server, story):
    """The founding scenario in a database the live server's thread can see, with the
    sequences reset so its references read as in the demo (CASE-000001, INC-000001) on
    PostgreSQL too."""
    return story


def _page(browser, live_server, viewport):
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, locale="en-GB", timezone_id="Europe/Oslo"
    )
    context.set_default_timeout(5_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    context, page = _page(browser, live_server, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def tablet_page(browser, live_server):
    context, page = _page(browser, live_server, TABLET)
    yield page
    context.close()


def sign_in(page, username: str, password: str = PASSWORD, start: str = "/"):
    """Open `start`, get sent to the sign-in form, and sign in through it; when the
    account asks for a second factor (pst, admin), give the code that
    `borderwatch otp code USERNAME` prints. A code is accepted once: sign the same user
    in at most once per 30 seconds."""
    page.goto(start)
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/accounts/otp/" in page.url:
        page.get_by_label("Code").fill(otp_code(username))
        page.get_by_role("button", name="Verify").click()
        page.wait_for_load_state()


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
