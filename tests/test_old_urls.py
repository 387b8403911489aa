"""Old addresses keep working: every address of the old site (mlforsystems.org/<edition>/,
index.html, schedule.html, accepted_papers.html, call_for_papers.html of each edition, and the root
pages that showed the newest edition) leads to the archive's page and section with that content.

The browser test follows every old address in Chromium, as a reader's click would; the others
check the pages the build writes, the documented map and what other builders do.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT

#: the old site's editions (the legacy site's README), and the pages each had
OLD_EDITIONS = ("neurips2018", "isca2019", "neurips2019", "neurips2020", "neurips2021",
                "neurips2022", "neurips2023", "neurips2024", "neurips2025")
#: old page -> the sections it leads to, in order of preference ('' is the page's top)
OLD_PAGES = {
    "": ("",),
    "index.html": ("",),
    "schedule.html": ("schedule",),
    "accepted_papers.html": ("accepted-papers", "papers"),
    "call_for_papers.html": ("call-for-papers", "about-{edition}"),
}
NEWEST = "neurips2025"


def old_addresses() -> list[tuple[str, str, tuple[str, ...]]]:
    """(old address, edition, sections it may lead to), for the editions the archive has."""
    editions = [e for e in OLD_EDITIONS if (PROJECT / "editions" / f"{e}.md").is_file()]
    found = [(f"{edition}/{page}", edition, tuple(s.replace("{edition}", edition) for s in
                                                      sections))
             for edition in editions for page, sections in OLD_PAGES.items()]
    if NEWEST in editions:
        found += [(page, NEWEST, tuple(s.replace("{edition}", NEWEST) for s in sections))
                  for page, sections in OLD_PAGES.items() if page not in ("", "index.html")]
    return found


def expected_section(page: BeautifulSoup, sections: tuple[str, ...]) -> str:
    return next((s for s in sections if s and page.find(id=s)), "")


@pytest.mark.browser
@pytest.mark.slow
def test_a_browser_follows_every_old_address_to_its_page_and_section(visitors, built_site):
    addresses = old_addresses()
    assert len(addresses) >= 5 * 2
    visitor = visitors["desktop", "light"]
    for old, edition, sections in addresses:
        expected = expected_section(built_site.page(f"editions/{edition}.html"), sections)
        with visitor.open(old) as (page, load):
            page.wait_for_url(re.compile(rf"/editions/{edition}\.html"))
            landed = urlsplit(page.url)
            assert landed.path == f"/editions/{edition}.html", old
            assert landed.fragment == expected, old
            if expected:
                assert page.locator(f"#{expected}").count() == 1, old
            assert load.outside_requests == [], old
            assert load.failed_responses == [], old


def test_each_old_address_is_a_small_page_that_leads_on(built_site):
    for old, edition, sections in old_addresses():
        path = built_site.html / (old if not old.endswith("/") and old else f"{old}index.html")
        page = built_site.page(path.relative_to(built_site.html).as_posix())
        refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
        target = refresh.removeprefix("0; url=")
        link = page.select_one("main a")["href"]
        assert link == target
        depth = old.count("/")
        expected = expected_section(built_site.page(f"editions/{edition}.html"), sections)
        assert target == "../" * depth + f"editions/{edition}.html" + (
            f"#{expected}" if expected else ""), old
        assert page.html["lang"] == "en" and page.title.get_text()
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_the_documented_map_is_the_built_map(built_site):
    """docs/maintainer/old-urls.md lists, for Read the Docs' redirects, what the build writes."""
    text = (PROJECT / "docs" / "maintainer" / "old-urls.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `/([^`]*)` \| `/([^`]*)` \|$", text, re.MULTILINE))
    addresses = old_addresses()
    assert set(documented) == {old for old, _, _ in addresses}
    for old, edition, sections in addresses:
        expected = expected_section(built_site.page(f"editions/{edition}.html"), sections)
        assert documented[old] == f"editions/{edition}.html" + (
            f"#{expected}" if expected else ""), old
