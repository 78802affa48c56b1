"""The founding story in a real browser: PU follows its case, the police open the crossing."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import TABLET, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_it_follows_the_case_from_sign_in_to_sign_out(page, live_story):
    sign_in(page, "pu")
    expect(page).to_have_url(re.compile(r"/cases/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cases")
    screenshot(page, "pu-case-list")

    page.get_by_role("link", name="CASE-000001").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("CASE-000001")
    timeline = page.locator("ol.timeline")
    first = timeline.locator("li").first
    expect(first).to_contain_text("Fri 22 Aug 2025 07:15 CEST")
    expect(first).to_contain_text("Detection")
    expect(timeline.locator("li").last).to_contain_text("Referral accepted")
    expect(timeline).to_contain_text("Security assessment recorded (restricted)")
    expect(page.get_by_text("espionage")).to_have_count(0)
    screenshot(page, "pu-case")
    page.set_viewport_size(TABLET)
    screenshot(page, "pu-case-tablet")

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.goto("/cases/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/cases/$"))


def test_it_opens_the_2025_crossing_as_the_police(page, live_story):
    sign_in(page, "police")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Incidents").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Incidents")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(4)
    screenshot(page, "police-incident-list")

    rows.filter(has_text="Fri 22 Aug 2025").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Unauthorised border crossing")
    expect(page.get_by_text("Unmanned aircraft")).to_be_visible()
    screenshot(page, "police-incident")


def test_it_is_usable_on_a_tablet_with_the_keyboard(tablet_page, live_story):
    page = tablet_page
    page.goto("/accounts/login/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    screenshot(page, "login-tablet-skip-link", full_page=False)

    sign_in(page, "police", start="/incidents/")
    expect(page).to_have_url(re.compile(r"/incidents/$"))
    screenshot(page, "police-incident-list-tablet")
    cases_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Cases")
    cases_link.focus()
    # focus shows as the yellow GOV.UK-style highlight, also on the dark header
    assert cases_link.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 221, 0)"
    screenshot(page, "police-focus-tablet", full_page=False)
    # the table fits: no sideways scrolling of the whole page
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]


def test_it_shows_a_wrong_password_beside_the_form(tablet_page, live_story):
    page = tablet_page
    sign_in(page, "pu", password="not the password")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Please enter a correct username and password")
    expect(page.get_by_label("Username")).to_have_value("pu")
    screenshot(page, "login-error-tablet", full_page=False)


def test_it_switches_unit_from_the_header(page, live_story, police, world, console):
    from borderwatch.access.services import grant_membership

    grant_membership(
        actor=console, user=police.user, unit=world["troms-pd"], role="police_operations"
    )
    sign_in(page, "police", start="/incidents/")
    expect(page.locator("table tbody tr")).to_have_count(4)
    page.get_by_label("Act for").select_option(label="Troms police district")
    screenshot(page, "police-unit-switch", full_page=False)
    page.get_by_role("button", name="Switch").click()
    expect(page.get_by_role("status")).to_have_text("You now act for Troms PD.")
    expect(page.get_by_text("Police operations, Troms police district")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Incidents").click()
    expect(page.get_by_text("No incidents that you may see.")).to_be_visible()


def test_it_stores_the_founding_article_and_shows_it_within_the_page(page, live_story):
    from tests.sources.helpers import ARTICLE

    failed = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    sign_in(page, "police")
    page.goto("/reports/new/")
    page.get_by_label("Paste the text").fill(ARTICLE.read_text())
    page.get_by_label("Published on").fill("2025-08-25")
    page.locator("form button[type=submit]").last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Russian soldier")
    expect(page.locator("pre.report-text mark").first).to_be_visible()
    # press copy has paragraphs of a thousand characters on one line: they wrap, so the
    # page is no wider than the window and the table of proposals keeps its last column
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width
    expect(page.get_by_role("columnheader", name="Status")).to_be_in_viewport()
    assert failed == []  # not even the browser's own favicon request
    screenshot(page, "police-report")
