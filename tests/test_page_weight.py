"""Page-weight budgets of issue 7, checked without a browser.

Every edition page of the real site and the People page (some 900 names), with what it
references followed as a browser would fetch it (stylesheets, scripts, images, icons, and
``url()``/``@import`` inside stylesheets), each file gzip-compressed as a static host sends it.
Speaker photos are left out: the budget is for the page itself, and photos are kept small and
lazy by the photo pipeline (tests/test_photos.py).
``make bench`` measures the same pages in Chromium, with Lighthouse scores.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

#: every reader page's budget (an edition page's, People's)
PAGE_MAX_BYTES = 100 * 1024
PAGE_MAX_REQUESTS = 10

CSS_REFERENCE = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def local_file(reference: str, base: Path, root: Path) -> Path | None:
    """The built file a reference from ``base`` (a file) points at; None for a data: URI.
    A reference that leaves the site fails the test: the pages make no external requests."""
    parts = urlsplit(reference)
    if parts.scheme == "data":
        return None
    assert not parts.scheme and not parts.netloc, f"{base.name} loads {reference} from outside"
    target = (base.parent / unquote(parts.path)).resolve()
    assert target.is_relative_to(root.resolve()), f"{reference} leaves the site"
    assert target.is_file(), f"{base.name} references {reference}, which is not in the build"
    return target


def page_resources(page: Path, root: Path) -> set[Path]:
    """Every file a browser fetches to show ``page``, speaker photos aside."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for photo in soup.select(".ws-speaker picture, .ws-speaker img"):
        photo.decompose()
    references = [link["href"] for link in soup.find_all("link", href=True)
                  if {"stylesheet", "icon", "preload", "modulepreload"} & set(link["rel"])]
    references += [tag["src"] for tag in soup.find_all(["script", "img"], src=True)]
    found: set[Path] = set()
    pending = [file for ref in references if (file := local_file(ref, page, root))]
    while pending:
        file = pending.pop()
        if file in found:
            continue
        found.add(file)
        if file.suffix == ".css":
            for url, imported in CSS_REFERENCE.findall(file.read_text(encoding="utf-8")):
                if target := local_file(url or imported, file, root):
                    pending.append(target)
    return found


def gzipped_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), compresslevel=6, mtime=0))


@pytest.fixture(scope="module")
def edition_pages(built_site) -> list[Path]:
    assert built_site.process.returncode == 0, built_site.process.stderr
    pages = sorted((built_site.html / "editions").glob("*.html"))
    assert pages, "the site has no edition pages"
    return pages


def test_edition_pages_stay_within_bytes_and_requests(built_site, edition_pages):
    for page in edition_pages:
        resources = page_resources(page, built_site.html)
        requests = 1 + len(resources)
        total = gzipped_size(page) + sum(gzipped_size(file) for file in resources)
        assert requests <= PAGE_MAX_REQUESTS, (page.name, sorted(map(str, resources)))
        assert total <= PAGE_MAX_BYTES, (page.name, total)


def test_the_people_page_stays_within_bytes_and_requests(built_site):
    assert built_site.process.returncode == 0, built_site.process.stderr
    page = built_site.html / "people.html"
    resources = page_resources(page, built_site.html)
    total = gzipped_size(page) + sum(gzipped_size(file) for file in resources)
    assert 1 + len(resources) <= PAGE_MAX_REQUESTS, sorted(map(str, resources))
    assert total <= PAGE_MAX_BYTES, total


def test_pages_fetch_no_icon_font_and_no_search_index(built_site, edition_pages):
    """The two heaviest things the theme loads that an edition page does not need."""
    for page in edition_pages:
        names = {file.name for file in page_resources(page, built_site.html)}
        assert not {name for name in names if name.endswith((".woff2", ".woff", ".ttf"))}
        assert not names & {"fontawesome.js", "searchindex.js", "searchtools.js"}


def test_search_page_still_loads_the_search_index(built_site):
    search = built_site.html / "search.html"
    names = {file.name for file in page_resources(search, built_site.html)}
    assert {"searchtools.js", "searchindex.js", "language_data.js"} <= names
