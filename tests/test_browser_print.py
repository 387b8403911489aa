"""An edition page printed from the browser: its content alone, full width, collapsed sections open.

Chromium emulates print media on the real site's newest edition page. Wide paper is the hard case
(on A4 portrait the theme's phone layout already drops the sidebars), so the sheet here is 1280 px
wide.
"""

from __future__ import annotations

import pytest
from browser.fixtures import DESKTOP, SCREENSHOTS, Visitor

from conftest import editions_newest_first

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# A closed dropdown exactly as sphinx-design 0.8 writes `:::{dropdown} Abstract` (an edition may
# fold an abstract this way); the test puts one into the printed page.
CLOSED_DROPDOWN = """
<details class="sd-sphinx-override sd-dropdown sd-card sd-mb-3" id="print-test-dropdown">
<summary class="sd-summary-title sd-card-header"><span class="sd-summary-text">Abstract</span>
</summary><div class="sd-summary-content sd-card-body docutils">
<p class="sd-card-text">Folded text of the abstract.</p></div></details>"""

PRINTED = """() => {
  const shown = element => element.checkVisibility();
  const article = document.querySelector("article.bd-article").getBoundingClientRect();
  const navigation = [".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary",
                      ".bd-header-article", "#pst-back-to-top"]
    .flatMap(selector => [...document.querySelectorAll(selector)])
    .filter(shown)
    .map(element => element.className || element.id);
  const folded = [...document.querySelectorAll("article details")]
    .filter(details => ![...details.children].filter(child => child.tagName !== "SUMMARY")
                                              .every(shown))
    .map(details => details.id || details.className);
  return {navigation, folded, detailsCount: document.querySelectorAll("article details").length,
          articleLeft: article.left, articleWidth: article.width, pageWidth: innerWidth,
          speakers: document.querySelectorAll(".ws-speaker").length,
          speakersShown: [...document.querySelectorAll(".ws-speaker")].filter(shown).length,
          schedules: document.querySelectorAll("table.ws-schedule").length,
          schedulesShown: [...document.querySelectorAll("table.ws-schedule")].filter(shown).length};
}"""


@pytest.fixture(scope="module")
def edition(local_site) -> str:
    """The newest edition page, whichever the archive holds."""
    return editions_newest_first(local_site.root)[0]


@pytest.fixture(scope="module")
def printer(chromium, local_site):
    visitor = Visitor(chromium, local_site, DESKTOP, "light", media="print")
    yield visitor
    visitor.close()


def test_a_printed_edition_shows_its_content_open_and_uncovered(printer, edition):
    with printer.open(edition) as (page, load):
        page.locator("article.bd-article section").first.evaluate(
            "(section, html) => section.insertAdjacentHTML('beforeend', html)", CLOSED_DROPDOWN)
        printed = page.evaluate(PRINTED)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(SCREENSHOTS / "edition-print.pdf"), width="1280px",
                 print_background=True)
    assert printed["navigation"] == []
    assert printed["detailsCount"] >= 1
    assert printed["folded"] == []
    assert printed["articleLeft"] < 40
    assert printed["articleWidth"] > 0.9 * printed["pageWidth"]
    assert printed["speakers"] >= 1
    assert printed["speakersShown"] == printed["speakers"]
    assert printed["schedulesShown"] == printed["schedules"]
    assert load.outside_requests == []
    assert (SCREENSHOTS / "edition-print.pdf").read_bytes().startswith(b"%PDF")


def test_on_screen_the_same_dropdown_stays_folded(visitors, edition):
    """The open-on-paper rule is print-only: on screen a reader still unfolds sections."""
    with visitors["desktop", "light"].open(edition) as (page, _):
        page.locator("article.bd-article section").first.evaluate(
            "(section, html) => section.insertAdjacentHTML('beforeend', html)", CLOSED_DROPDOWN)
        folded_text_shown = page.locator("#print-test-dropdown .sd-card-text").is_visible()
    assert not folded_text_shown
