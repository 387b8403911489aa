"""The reader's local time beside the schedule's own: written by a small deferred script into a
slot the page reserves (no layout shift), absent where the reader is in the event's zone, and
nothing lost without JavaScript. Runs offline in Debian's Chromium (tests/browser/fixtures.py)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "editions/neurips2023.html"  # times in America/Chicago, December (UTC-6)
#: the sum of the page's layout shifts (Chromium's Layout Instability API), once it settled
LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 500);
})"""


@contextmanager
def reader(chromium, local_site, timezone: str, javascript: bool = True):
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
    page.goto(local_site.url(PAGE), wait_until="networkidle")
    try:
        yield page
    finally:
        context.close()
        assert outside == []


def first_row(page):
    return page.locator("table.ws-schedule tbody tr").first.locator("td").first


def test_a_reader_elsewhere_sees_their_own_time_beside_the_events(chromium, local_site):
    with reader(chromium, local_site, "Europe/Berlin") as page:
        cell = first_row(page)
        assert cell.locator(".ws-start").inner_text() == "9:00 AM"
        local = cell.locator(".ws-local").inner_text()
        assert local.startswith("4:00") and local.endswith("your time"), local
        assert "GMT+1" in local
        # both times are text of the cell: a screen reader reads them together
        assert "9:00 AM" in cell.inner_text() and "your time" in cell.inner_text()
        shifted = page.evaluate(LAYOUT_SHIFT)
    # writing the times moves nothing: the page shifts exactly as where nothing is written
    # (the theme's own small shift, as it loads its scripts)
    with reader(chromium, local_site, "America/Chicago") as page:
        assert shifted == page.evaluate(LAYOUT_SHIFT)


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
