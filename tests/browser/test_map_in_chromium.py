"""The map in a real browser: the police open it, see the border, the sections and the
scenario's incidents, filter them, and read the 2025 crossing's summary in its popup."""

import re

import pytest
from playwright.sync_api import expect

from borderwatch.access.models import AuditEvent
from borderwatch.border.models import Incident
from borderwatch.scenario.founding import MAIN_REF
from tests.browser.conftest import TABLET, screenshot, sign_in

pytestmark = pytest.mark.browser

MARKERS = "#map .leaflet-marker-icon"
SETTLED = """() => {
  const map = document.getElementById("map");
  if (map.hasAttribute("aria-busy") || map.querySelector(".leaflet-pan-anim, .leaflet-zoom-anim")) {
    return false;
  }
  const popup = map.querySelector(".leaflet-popup");
  if (!popup) return true;
  const p = popup.getBoundingClientRect(), m = map.getBoundingClientRect();
  return getComputedStyle(popup).opacity === "1" && p.top >= m.top && p.bottom <= m.bottom;
}"""


def settled(page):
    """Wait until the map has stopped moving, has drawn what it asked for, and an open
    popup has faded in inside the map: the moment to take a screenshot."""
    page.wait_for_function(SETTLED)


def test_it_draws_filters_and_opens_the_incidents_on_the_map(page, live_story):
    sign_in(page, "police", start="/map/")
    expect(page).to_have_url(re.compile(r"/map/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Map")
    map_ = page.locator("#map")
    expect(map_.locator("path.bw-land")).to_have_count(3)
    expect(map_.locator("path.bw-border")).to_have_count(1)
    expect(map_.locator("path.bw-section")).to_have_count(4)
    incidents = page.locator(f"{MARKERS}.bw-incident")
    expect(incidents).to_have_count(4)
    expect(page.locator(f"{MARKERS}.bw-detection")).to_have_count(1)
    expect(page.locator(f"{MARKERS}.bw-search")).to_contain_text("UAV")
    expect(page.get_by_role("status")).to_have_text(
        "In view: 4 incidents, 1 detection, 1 search operation."
    )
    expect(map_.locator(".bw-place", has_text="Kirkenes")).to_be_visible()
    # the two incidents placed at the Pasvik valley's point are fanned out, both clickable
    settled(page)
    boxes = [incidents.nth(i).bounding_box() for i in range(4)]
    assert len({(round(b["x"]), round(b["y"])) for b in boxes}) == 4
    screenshot(page, "police-map")

    page.get_by_label("From").fill("2025-01-01")
    page.get_by_role("button", name="Apply filters").click()
    expect(incidents).to_have_count(1)
    expect(page).to_have_url(re.compile(r"/map/\?since=2025-01-01$"))
    expect(page.get_by_role("status")).to_contain_text("1 incident,")

    main = Incident.objects.get(external_ref=MAIN_REF)
    incident = page.locator(f"{MARKERS}.bw-incident[title^='{main.reference}']")
    incident.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("A Russian soldier crossed the Jakobselva")
    expect(popup).to_contain_text("Fri 22 Aug 2025")
    expect(popup.get_by_role("link", name=main.reference)).to_have_attribute(
        "href", f"/incidents/{main.pk}/"
    )
    assert AuditEvent.objects.filter(verb="incident.viewed", target_id=str(main.pk)).exists()
    settled(page)
    expect(popup).to_contain_text("A Russian soldier")  # still open after the map moved
    screenshot(page, "police-map-incident")

    # the filters survive a reload: the page reads them from the query string
    page.reload()
    expect(page.get_by_label("From")).to_have_value("2025-01-01")
    expect(incidents).to_have_count(1)


def test_it_opens_an_incident_from_the_keyboard_on_a_tablet(tablet_page, live_story):
    page = tablet_page
    sign_in(page, "guard", start="/map/")
    incidents = page.locator(f"{MARKERS}.bw-incident")
    expect(incidents).to_have_count(4)
    expect(page.locator("#map path.bw-section")).to_have_count(4)
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
    settled(page)
    screenshot(page, "guard-map-tablet")

    main = Incident.objects.get(external_ref=MAIN_REF)
    marker = page.locator(f"{MARKERS}.bw-incident[title^='{main.reference}']")
    expect(marker).to_have_attribute("role", "button")
    marker.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_contain_text("A Russian soldier")
    settled(page)
    screenshot(page, "guard-map-tablet-incident", full_page=False)


def test_it_names_a_bad_filter_beside_its_field(page, live_story):
    sign_in(page, "police", start="/map/?nationality=Russia")
    expect(page.get_by_role("alert")).to_contain_text("two-letter country code")
    expect(page.get_by_role("status")).to_contain_text("Nationality")
    expect(page.locator(f"{MARKERS}.bw-incident")).to_have_count(0)
