"""The statistics page in Chromium, under a Content-Security-Policy that forbids inline
script and style: the statement, the chart drawn, the period changed, the CSV download."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from borderwatch.people.models import Person
from tests.browser.conftest import TABLET, screenshot, sign_in

pytestmark = pytest.mark.browser

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)


def _with_csp(page) -> list[str]:
    """Serve every page with the policy the deployment will send; collect violations."""
    violations: list[str] = []

    def handle(route):
        response = route.fetch(max_redirects=0)
        if "text/html" not in response.headers.get("content-type", ""):
            route.fulfill(response=response)
            return
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": CSP}
        )

    page.route(re.compile(r"/(stats|accounts)/"), handle)
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return violations


def _chart_has_ink(page) -> bool:
    return page.evaluate(
        """() => {
            const c = document.getElementById("stats-chart");
            const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; }
            return false;
        }"""
    )


def test_it_counts_charts_and_exports_for_a_statistician(page, live_story):
    violations = _with_csp(page)
    sign_in(page, "analyst", start="/stats/")
    expect(page).to_have_url(re.compile(r"/stats/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Statistics")).to_have_attribute("aria-current", "page")

    page.get_by_label("From", exact=True).fill("2023-01-01")
    page.get_by_role("textbox", name="Nationality").fill("RU")
    page.get_by_label("Country entered", exact=True).fill("NO")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"since=2023-01-01"))
    statement = page.locator("#statement")
    expect(statement).to_contain_text("at least the 4th (at most the 6th) reported incident")
    expect(statement).to_contain_text("since 2023-01-01")
    records = page.get_by_role("table", name=re.compile("records the count rests on"))
    expect(records.locator("tbody tr")).to_have_count(4)
    expect(records).to_contain_text("Russian soldier Seeks Asylum in Norway")

    canvas = page.locator("#stats-chart")
    expect(canvas).to_have_attribute("data-drawn", "true")
    assert _chart_has_ink(page)
    screenshot(page, "analyst-stats")

    page.get_by_label("Per", exact=True).select_option("quarter")
    page.get_by_role("checkbox", name="Outcome").check()
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"period=quarter"))
    table = page.locator("#breakdown")
    expect(table.locator("thead th").first).to_have_text("Quarter")
    expect(table.get_by_role("rowheader", name="Q1 2023").first).to_be_visible()
    expect(table).to_contain_text("Asylum requested, not decided")
    expect(canvas).to_have_attribute("data-drawn", "true")
    expect(page.get_by_text("known less precisely than a quarter").first).to_be_visible()

    with page.expect_download() as info:
        page.get_by_role("link", name="The table above (CSV)").click()
    download = info.value
    assert download.suggested_filename == "breakdown-by-quarter.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    assert header[:2] == ["period", "period_label"]
    assert "outcome" in header
    person_fields = {f.name for f in Person._meta.get_fields()}
    assert not set(header) & person_fields
    assert "2023-Q1,Q1 2023" in text

    with page.expect_download() as info:
        page.get_by_role("link", name="The selected incidents (CSV)").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    assert not set(header) & person_fields
    assert len(text.strip().splitlines()) == 5

    screenshot(page, "analyst-stats-quarter")
    page.set_viewport_size(TABLET)
    expect(canvas).to_have_attribute("data-drawn", "true")
    screenshot(page, "analyst-stats-quarter-tablet")
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    assert violations == []


def test_it_shows_a_wrong_filter_beside_its_field(tablet_page, live_story):
    page = tablet_page
    sign_in(page, "analyst", start="/stats/")
    page.get_by_role("textbox", name="Nationality").fill("Russia")
    page.get_by_role("button", name="Show").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Write a two-letter country code")
    expect(page.get_by_role("textbox", name="Nationality")).to_have_attribute(
        "aria-invalid", "true"
    )
    screenshot(page, "analyst-stats-error-tablet", full_page=False)


def test_it_refuses_the_page_to_a_lawyer(page, live_story):
    sign_in(page, "lawyer", start="/stats/")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Statistics")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Statistics")).to_have_count(0)
