"""Working a case through the pages in Chromium: the police record an apprehension,
questioning and the asylum request and refer the case; the immigration police accept,
register, verify, interview and send it for decision. And two caseworkers at once."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, TABLET, screenshot, sign_in

pytestmark = pytest.mark.browser

TASKS = [
    "Verify identity",
    "Check documents",
    "Fingerprint check (Eurodac)",
    "Verify claims (e.g. military service, unit)",
    "Watch-list checks (SIS, NORVIS)",
]


def new_page(browser, live_server, viewport):
    """A page in a browser context of its own: a second person at another desk."""
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, locale="en-GB", timezone_id="Europe/Oslo"
    )
    context.set_default_timeout(5_000)
    return context, context.new_page()


def open_step(page, summary: str):
    """Open a step that asks for input (a disclosure on the page) and return its box."""
    box = page.locator("details", has=page.locator("summary", has_text=summary)).first
    box.locator("summary").click()
    return box


def expect_state(page, label: str):
    expect(page.locator("#case-state")).to_have_text(label)


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))


def refusals(page) -> list[str]:
    """What the browser refuses on the way (the Content-Security-Policy: no inline script
    or style), and script errors."""
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
    return seen


def test_it_works_a_case_from_apprehension_to_sent_for_decision(page, live_story):
    refused = refusals(page)
    # --- the police district: apprehension, questioning, the asylum request, the referral
    sign_in(page, "police")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Incidents").click()
    page.locator("table tbody tr").filter(has_text="Fri 22 Aug 2025").get_by_role("link").click()
    page.get_by_role("link", name="Record an apprehension").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an apprehension")
    page.get_by_label("Given names (optional)").fill("Ivan")
    page.get_by_label("Family name (optional)").fill("Petrov")
    page.get_by_label("Nationality (optional)").fill("RU")
    page.get_by_label("Language (optional)").fill("Russian")
    page.get_by_label("Legal basis of the custody").select_option("criminal_arrest")
    screenshot(page, "case-work-01-apprehension-form")
    page.get_by_role("button", name="Record the apprehension").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Custody of P-000002")
    expect(page.get_by_role("status")).to_contain_text("P-000002 recorded")
    # the court deadline ("3 d 5 h left"; "3 d left" in the hour when the hours are 0)
    expect(page.locator("dd .left").first).to_have_text(re.compile(r"^\d+ d( \d+ h)? left$"))
    box = open_step(page, "Record police questioning")
    box.get_by_label("Interpreter (optional)").fill("Russian interpreter")
    box.get_by_label("Language (optional)").fill("Russian")
    box.get_by_label("Summary").fill("Says he deserted from his unit and asks for protection.")
    box.get_by_role("button", name="Record police questioning").click()
    expect(page.get_by_role("status")).to_have_text("Police questioning recorded.")
    expect(page.get_by_text("Says he deserted from his unit")).to_be_visible()
    screenshot(page, "case-work-02-custody")

    box = open_step(page, "Record the asylum request")
    box.get_by_role("button", name="Record the asylum request").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("CASE-000002")
    expect_state(page, "Protection claimed at apprehension")

    box = open_step(page, "Refer to another unit")
    box.get_by_label("Refer to").select_option(label="National Police Immigration Service")
    box.get_by_label("Reason for the referral").fill("Registration of the asylum application.")
    screenshot(page, "case-work-03-refer")
    box.get_by_role("button", name="Refer to another unit").click()
    expect_state(page, "Referred, waiting for the receiving unit")
    sign_out(page)

    # --- the immigration police: the referral waits in its queue
    sign_in(page, "pu")
    tab = page.get_by_role("navigation", name="Work queues").get_by_role(
        "link", name=re.compile("Referrals waiting for us")
    )
    expect(tab).to_contain_text("1")
    tab.click()
    expect(
        page.get_by_role("heading", level=2, name=re.compile("Referrals waiting"))
    ).to_be_visible()
    row = page.locator("table.queue tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Ivan Petrov")
    expect(row).to_contain_text(re.compile(r"\d+ h \d+ min left|\d+ h left"))
    screenshot(page, "case-work-04-pu-referrals")
    page.set_viewport_size(TABLET)
    screenshot(page, "case-work-04-pu-referrals-800", full_page=False)
    page.set_viewport_size(DESKTOP)
    row.get_by_role("link", name="CASE-000002").click()

    page.get_by_role("button", name="Accept the referral").click()
    expect_state(page, "Accepted by the immigration unit")
    page.get_by_role("button", name="Register the application").click()
    expect_state(page, "Application registered")
    page.get_by_role("button", name="Start verifying identity and claims").click()
    expect_state(page, "Identity and claims under verification")
    expect(page.locator("li.task")).to_have_count(5)
    screenshot(page, "case-work-05-tasks")

    for name in TASKS:
        task = page.locator("li.task").filter(has_text=name)
        task.locator("summary", has_text="Record the result").click()
        task.get_by_label("Result", exact=True).fill(f"{name}: checked, nothing found.")
        task.get_by_role("button", name="Save the result").click()
        expect(page.get_by_role("status")).to_contain_text("done")
    expect(page.locator("li.task.done")).to_have_count(5)

    box = open_step(page, "Record the asylum interview")
    box.get_by_label("Summary of the interview").fill("Describes his desertion and his fear.")
    box.get_by_label("Interpreter (optional)").fill("Russian interpreter")
    box.get_by_role("button", name="Record the asylum interview").click()
    expect_state(page, "Interviewed")

    box = open_step(page, "Send for decision")
    expect(box.get_by_label("Send to")).to_have_value("udi")
    box.get_by_role("button", name="Send for decision").click()
    expect_state(page, "Sent for decision")
    expect(page.get_by_role("status")).to_contain_text("“Send for decision” done")
    timeline = page.locator("ol.timeline")
    for step in (
        "Apprehended; custody",
        "Police questioning",
        "Case state: Protection claimed at apprehension",
        "Referred from Finnmark PD to PU",
        "Referral accepted",
        "Case state: Application registered",
        "Asylum interview",
        "Case state: Sent for decision",
        "Referred from PU to UDI",
    ):
        expect(timeline).to_contain_text(step)
    expect(timeline.locator("li").last).to_contain_text(re.compile("Sent for decision|to UDI"))
    screenshot(page, "case-work-06-sent-for-decision")
    page.set_viewport_size(TABLET)
    screenshot(page, "case-work-06-sent-for-decision-800")
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    assert not refused, refused


def test_it_refuses_the_second_of_two_caseworkers_with_a_conflict(browser, live_server, live_story):
    first_context, first = new_page(browser, live_server, DESKTOP)
    second_context, second = new_page(browser, live_server, TABLET)
    try:
        for page in (first, second):
            sign_in(page, "pu")
            page.get_by_role("link", name="CASE-000001").click()
            expect_state(page, "Accepted by the immigration unit")

        first.get_by_role("button", name="Register the application").click()
        expect_state(first, "Application registered")

        box = open_step(second, "The person withdraws the claim")
        box.get_by_label("How the withdrawal was made known").fill("Said so at the desk.")
        box.get_by_role("button", name="The person withdraws the claim").click()
        alert = second.get_by_role("alert")
        expect(alert).to_contain_text("Someone else changed this case while you were working")
        expect(alert).to_contain_text("Nothing you sent was saved")
        expect_state(second, "Application registered")
        timeline = second.locator("ol.timeline")
        expect(timeline).to_contain_text("Case state: Application registered")
        expect(timeline).not_to_contain_text("Withdrawn")
        screenshot(second, "case-work-07-conflict-800")
        screenshot(second, "case-work-07-conflict-800-top", full_page=False)

        first.reload()
        expect_state(first, "Application registered")
        expect(first.locator("ol.timeline")).not_to_contain_text("Withdrawn")
    finally:
        first_context.close()
        second_context.close()


def test_it_shows_the_units_notifications_and_marks_them_read(page, live_story):
    from borderwatch.cases import notify

    notify.run_once()  # the 2025 case's registration deadline passed long ago
    sign_in(page, "pu")
    link = page.get_by_role("link", name=re.compile(r"^Notifications"))
    expect(link).to_have_text(re.compile(r"Notifications\s+1\s+unread"))
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    notice = page.locator("li.notice.unread")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("Application registered — CASE-000001")
    screenshot(page, "case-work-08-notifications", full_page=False)
    notice.get_by_role("button", name=re.compile("Mark as read")).click()
    expect(page.get_by_role("status")).to_have_text("1 notification marked as read.")
    expect(page.get_by_text("Nothing unread.")).to_be_visible()
    expect(link).to_have_text(re.compile(r"Notifications\s+0\s+unread"))
    page.get_by_role("link", name=re.compile("^All")).click()
    expect(page.locator("li.notice")).to_contain_text("Read ")
