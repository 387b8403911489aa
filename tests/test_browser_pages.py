"""Every built page in headless Chromium: accessible, offline, laid out for phones and desktops.

Each test walks every page of the real site and gathers the problems of all pages before asserting,
so one run names every page that fails, not just the first.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from browser.fixtures import SCREENSHOTS, THEMES

from conftest import editions_newest_first

pytestmark = [pytest.mark.browser, pytest.mark.slow]


AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  const rules = [...results.passes, ...results.violations, ...results.incomplete,
                 ...results.inapplicable].map(rule => rule.id);
  const violations = results.violations.map(rule =>
    `${rule.id} (${rule.impact}): ${rule.nodes.map(node => node.target.join(" ")).join(", ")}`);
  return {rules, violations};
}"""

# The page is wider than the viewport when the document scrolls sideways.
HORIZONTAL_OVERFLOW = """() => {
  const root = document.documentElement;
  return root.scrollWidth > root.clientWidth ? root.scrollWidth - root.clientWidth : 0;
}"""


DESKTOP_LAYOUT = """() => {
  const box = selector => {
    const element = document.querySelector(selector);
    if (!element || element.offsetParent === null) return null;
    const {left, right, top, bottom, width} = element.getBoundingClientRect();
    return {left, right, top, bottom, width};
  };
  const navLinks = [...document.querySelectorAll(".bd-header .navbar-header-items .nav-link")];
  return {
    article: box(".bd-article-container"),
    sidebar: box(".bd-sidebar-primary"),
    header: box(".bd-header"),
    visibleNavLinks: navLinks.filter(link => link.offsetParent !== null)
                             .map(link => link.textContent.trim()),
  };
}"""


@dataclass
class PageSurvey:
    """What one page showed in one device and theme."""

    theme_applied: str
    axe_rules: list[str]
    axe_violations: list[str]
    outside_requests: list[str]
    failed_responses: list[str]
    horizontal_overflow: int
    layout: dict


@pytest.fixture(scope="module")
def survey(visitors, local_site, axe_script,
           quality_counts) -> dict[tuple[str, str, str], PageSurvey]:
    """Every page, visited once in each device and theme: (device, theme, page) -> PageSurvey."""
    assert local_site.pages, "the build made no pages"
    surveyed = {}
    for (device, theme), visitor in visitors.items():
        for page_path in local_site.pages:
            with visitor.open(page_path) as (page, load):
                theme_applied = page.evaluate("document.documentElement.dataset.theme")
                overflow = page.evaluate(HORIZONTAL_OVERFLOW)
                layout = page.evaluate(DESKTOP_LAYOUT)
                page.add_script_tag(path=str(axe_script))
                axe = page.evaluate(AXE_RUN)
            surveyed[device, theme, page_path] = PageSurvey(
                theme_applied, axe["rules"], axe["violations"], load.outside_requests,
                load.failed_responses, overflow, layout)
            quality_counts.pages_scanned.add(page_path)
            quality_counts.axe_rules.update(axe["rules"])
            quality_counts.axe_runs += 1
    return surveyed


@pytest.mark.parametrize("theme", THEMES)
def test_every_page_has_no_axe_violations(theme, survey):
    """axe-core finds nothing on any page, on a phone and a desktop, in the light and dark theme."""
    violations = {(device, page): found.axe_violations
                  for (device, shown, page), found in survey.items()
                  if shown == theme and found.axe_violations}
    assert violations == {}
    assert all(found.axe_rules for found in survey.values())


def test_the_chosen_theme_is_the_one_shown(survey):
    """The stored choice reaches pydata-sphinx-theme: <html data-theme> is light or dark as asked,
    so the dark-theme scan really scanned the dark theme."""
    wrong = {key: found.theme_applied for key, found in survey.items()
             if found.theme_applied != key[1]}
    assert wrong == {}


def test_no_request_leaves_the_machine(survey):
    """No page asks for a web font, a CDN, analytics or anything else off our own server."""
    outside = {key: found.outside_requests for key, found in survey.items()
               if found.outside_requests}
    assert outside == {}


def test_every_file_a_page_asks_for_exists(survey):
    missing = {key: found.failed_responses for key, found in survey.items()
               if found.failed_responses}
    assert missing == {}


def test_no_horizontal_scroll_on_a_phone(survey):
    """At 375 px nothing is wider than the screen, in either theme."""
    overflowing = {key: f"{found.horizontal_overflow}px too wide" for key, found in survey.items()
                   if key[0] == "phone" and found.horizontal_overflow}
    assert overflowing == {}


def test_desktop_layout_is_usable(survey):
    """At 1280 px: no sideways scroll, the top navigation spelled out (not behind a menu button),
    and the article a readable column that neither the sidebar nor the header covers."""
    problems = {}
    for (device, theme, page_path), found in survey.items():
        if device != "desktop":
            continue
        layout, issues = found.layout, []
        article, sidebar, header = layout["article"], layout["sidebar"], layout["header"]
        if found.horizontal_overflow:
            issues.append(f"{found.horizontal_overflow}px of horizontal scroll")
        if not {"Editions", "People", "Talks"} <= set(layout["visibleNavLinks"]):
            issues.append(f"the top navigation shows only {layout['visibleNavLinks']}")
        if article is None or article["width"] < 600:
            issues.append(f"the article column is {article and article['width']}px wide")
        else:
            if sidebar and sidebar["right"] > article["left"]:
                issues.append("the sidebar overlaps the article")
            if header and header["bottom"] > article["top"]:
                issues.append("the header covers the article")
        if issues:
            problems[theme, page_path] = issues
    assert problems == {}


def test_screenshots_for_review(visitors, local_site):
    """Home, an edition and People, phone and desktop, light and dark, in _build/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Pages a reviewer looks at, in every device and theme; the edition is the newest one.
    screenshot_pages = {"home": "index.html", "edition": editions_newest_first(local_site.root)[0],
                        "people": "people.html"}
    written = []
    for (device, theme), visitor in visitors.items():
        for name, page_path in screenshot_pages.items():
            target = SCREENSHOTS / f"{name}-{device}-{theme}.png"
            with visitor.open(page_path) as (page, _):
                page.screenshot(path=str(target), full_page=True)
            written.append(target)
    assert len(written) == len(screenshot_pages) * 4
    for target in written:
        assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), target
