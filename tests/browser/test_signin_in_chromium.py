"""Signing in with a second factor in a real browser, and every page under the
Content-Security-Policy with no violation: the security analyst gives the password, then
the code `borderwatch otp code pst` prints, lands on Cases, and walks the pages."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from borderwatch.access.models import AuditEvent
from borderwatch.cases.models import AsylumCase
from tests.browser.conftest import screenshot, sign_in
from tests.conftest import PASSWORD, otp_code

pytestmark = pytest.mark.browser

# Collects what the browser reports as a policy violation, from the page's own event
# (Playwright's init scripts run whatever the policy says).
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def watch_csp(page) -> list[str]:
    """Every Content-Security-Policy complaint on the console, and page errors."""
    seen: list[str] = []
    page.on(
        "console",
        lambda msg: (
            seen.append(f"{page.url}: {msg.text}")
            if "Content Security Policy" in msg.text or "Refused to" in msg.text
            else None
        ),
    )
    page.on("pageerror", lambda exc: seen.append(f"{page.url}: error {exc}"))
    page.add_init_script(LISTEN)
    return seen


def violations(page) -> list[str]:
    return [f"{page.url}: {v}" for v in page.evaluate("window.__csp || []")]


def visit(page, path: str, found: list[str]) -> None:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    found += violations(page)


def test_it_signs_pst_in_with_a_code_and_shows_the_pages_without_csp_violations(page, live_story):
    console = watch_csp(page)
    found: list[str] = []
    page.goto("/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    found += violations(page)
    page.get_by_label("Username").fill("pst")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/accounts/otp/\?next=/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your code")
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    found += violations(page)
    screenshot(page, "pst-second-factor")
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("alert")).to_contain_text("That code is not right")
    page.wait_for_timeout(1_100)  # django-otp makes the next try wait a second
    page.get_by_label("Code").fill(otp_code("pst"))
    page.get_by_role("button", name="Verify").click()

    expect(page).to_have_url(re.compile(r"/cases/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cases")
    assert AuditEvent.objects.filter(verb="auth.otp_verified", actor__username="pst").exists()
    found += violations(page)

    case = AsylumCase.objects.order_by("pk").first()
    incident_id = case.incident_id
    for path in (
        f"/cases/{case.pk}/",
        "/incidents/",
        f"/incidents/{incident_id}/",
        "/map/",
        "/stats/",
        "/accounts/otp/setup/",
        "/api/v1/docs",
    ):
        visit(page, path, found)
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("borderwatch API")
    assert not found, found
    assert not console, console


def test_it_shows_the_admin_without_csp_violations(page, live_story):
    console = watch_csp(page)
    sign_in(page, "admin")
    found: list[str] = []
    for path in ("/admin/", "/admin/access/unit/", "/admin/access/unit/1/change/"):
        visit(page, path, found)
    expect(page.get_by_role("heading", level=1)).to_have_text("Change unit")
    assert not found, found
    assert not console, console


def test_it_says_clearly_when_sign_in_is_locked(page, live_story):
    for _ in range(5):
        sign_in(page, "police", password="not the password")
    expect(page.get_by_role("alert")).to_contain_text(
        "Too many failed sign-ins: after 5 failed attempts, signing in as police from this "
        "address is locked for 15 minutes."
    )
    screenshot(page, "sign-in-locked")
    sign_in(page, "police")
    expect(page.get_by_role("heading", level=2)).to_have_text("Sign-in is locked")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_it_lets_a_police_officer_turn_on_a_second_factor_from_the_header(page, live_story):
    sign_in(page, "police")
    page.get_by_role("link", name="Second factor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Second factor")
    expect(page.get_by_role("img", name="QR code of the secret below")).to_be_visible()
    secret = page.locator("#otp-secret").inner_text().replace(" ", "")
    screenshot(page, "police-second-factor-setup")
    totp = TOTP(b32decode(secret))
    totp.time = time.time()
    page.get_by_label("The code the app shows now").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("status")).to_have_text(
        "Second factor on: each sign-in will now ask for a code."
    )
