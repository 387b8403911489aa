"""On a 375 px wide phone, nothing the edition directives render scrolls sideways (Chromium).

The document-level check of test_browser_pages.py does not see this: pydata-sphinx-theme scrolls the
article and each table in a box of its own, so a too-wide card or schedule scrolls inside the page
while the page itself does not. Here every box the directives render must fit the screen and hold
its content.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import edition_ids

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: what the edition, speaker, schedule and committee directives render
DIRECTIVE_BOXES = ".ws-edition, .ws-grid, .ws-speaker, table.ws-schedule, .ws-committee"

#: every directive box that is wider than the screen or whose content is wider than itself; a table
#: is also checked in the box the theme scrolls it in
SIDEWAYS = """(selector) => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  for (const box of document.querySelectorAll(selector)) {
    const name = box.tagName.toLowerCase() + (box.id ? "#" + box.id : "." + box.classList[0]);
    const right = box.getBoundingClientRect().right;
    if (right > width + 0.5) problems.push(`${name} ends at ${Math.round(right)}px`);
    const boxes = box.tagName === "TABLE" ? [box, box.parentElement] : [box];
    for (const b of boxes) {
      if (b.scrollWidth > b.clientWidth + 1) {
        problems.push(`${name}: ${b.className} holds ${b.scrollWidth}px in ${b.clientWidth}px`);
      }
    }
  }
  return {count: document.querySelectorAll(selector).length, problems};
}"""

PAGES = [f"editions/{edition}.html" for edition in edition_ids()] + ["maintainer/directives.html"]


@pytest.mark.parametrize("page_path", PAGES)
def test_directive_output_fits_a_phone(visitors, page_path):
    with visitors["phone", "light"].open(page_path) as (page, _):
        found = page.evaluate(SIDEWAYS, DIRECTIVE_BOXES)
    assert found["count"] >= 3
    assert found["problems"] == []


ROW_LOOKS = """() => {
  const look = kind => {
    const cell = document.querySelector(`table.ws-schedule tr.ws-kind-${kind} td:last-child`);
    const style = getComputedStyle(cell);
    return [style.backgroundColor, style.fontStyle];
  };
  return {talk: look("talk"), break: look("break")};
}"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_breaks_look_different_from_talks(visitors, local_site, theme):
    # The first edition whose schedule has both a talk and a break.
    page_path = next(page for page in (f"editions/{edition}.html" for edition in edition_ids())
                     if BeautifulSoup((local_site.root / page).read_text(encoding="utf-8"),
                                      "html.parser").select("tr.ws-kind-talk ~ tr.ws-kind-break"))
    with visitors["phone", theme].open(page_path) as (page, _):
        looks = page.evaluate(ROW_LOOKS)
    assert looks["break"][0] != looks["talk"][0]
    assert looks["break"][1] == "italic"
