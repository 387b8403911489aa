"""The reader's local time beside the schedule's own: written by a small deferred script into a
slot the page reserves (no layout shift), absent where the reader is in the event's zone, and
nothing lost without JavaScript. Runs offline in Debian's Chromium (tests/browser/fixtures.py)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "editions/neurips2023.html"  # times in America/Chicago, December (UTC-6)
#: the layout shifts (Chromium's Layout Instability API) that moved a schedule or anything in
#: it, once the page settled: what moved, and by how much
SCHEDULE_SHIFTS = """() => new Promise(done => {
  const moved = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      for (const source of entry.sources) {
        const node = source.node;
        if (node && node.closest && node.closest("table.ws-schedule")) {
          moved.push([node.nodeName, node.textContent.slice(0, 40), entry.value]);
        }
      }
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(moved), 500);
})"""


@contextmanager
def reader(chromium, local_site, timezone: str, javascript: bool = True, at: str = ""):
    context = chromium.new_context(timezone_id=timezone, locale="en-US",
                                   java_script_enabled=javascript,
                                   viewport={"width": 375, "height": 812})
    outside: list[str] = []

    def confine(route) -> None:
        if route.request.url.startswith(local_site.base_url + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", confine)
    page = context.new_page()
    page.goto(local_site.url(PAGE) + at, wait_until="networkidle")
    try:
        yield page
    finally:
        context.close()
        assert outside == []


def first_row(page):
    return page.locator("table.ws-schedule tbody tr").first.locator("td").first


def test_a_reader_elsewhere_sees_their_own_time_beside_the_events(chromium, local_site):
    # opened at the schedule: the browser counts only the shifts a reader could see
    with reader(chromium, local_site, "Europe/Berlin", at="#schedule") as page:
        cell = first_row(page)
        assert cell.locator(".ws-start").inner_text() == "9:00 AM"
        local = cell.locator(".ws-local").inner_text()
        assert local.startswith("4:00") and local.endswith("your time"), local
        assert "GMT+1" in local
        # both times are text of the cell: a screen reader reads them together
        assert "9:00 AM" in cell.inner_text() and "your time" in cell.inner_text()
        # writing the times moves no row of the schedule. Only the schedule's own shifts are
        # counted: the page's total also holds other small shifts whose size varies by run.
        assert page.evaluate(SCHEDULE_SHIFTS) == []


def test_a_day_away_shows_the_weekday(chromium, local_site):
    with reader(chromium, local_site, "Asia/Tokyo") as page:
        local = first_row(page).locator(".ws-local").inner_text()
        assert local.startswith("Sun"), local  # 9:00 AM Saturday in Chicago is Sunday in Tokyo


def test_a_reader_in_the_event_zone_sees_the_time_once(chromium, local_site):
    with reader(chromium, local_site, "America/Chicago") as page:
        assert first_row(page).locator(".ws-local").inner_text() == ""


def test_without_javascript_the_schedule_is_whole(chromium, local_site):
    with reader(chromium, local_site, "Europe/Berlin", javascript=False) as page:
        cell = first_row(page)
        assert cell.locator(".ws-start").inner_text() == "9:00 AM"
        assert cell.locator(".ws-local").inner_text() == ""
        assert cell.locator(".ws-local").evaluate("e => getComputedStyle(e).display") == "inline"
