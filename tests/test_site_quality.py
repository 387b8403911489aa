"""The whole built site: valid HTML, no broken internal link, and byte-identical rebuilds.

Every test here reads the real site, built once per session as Read the Docs builds it
(``built_site`` in conftest.py), and checks every page of it rather than a sample.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from browser.fixtures import built_pages
from bs4 import BeautifulSoup

from conftest import readthedocs_command

pytestmark = pytest.mark.slow

# What the Nu validator may say about markup we do not write (the theme, Sphinx, sphinx-design).
# Each entry is the start of a message and why it is tolerated; anything else fails the test.
THEME_MARKUP_ALLOWED = {
    # pydata-sphinx-theme's layout.html writes <main role="main">; the role is redundant, not wrong.
    "The “main” role is unnecessary for element “main”": "theme template",
    # The theme wraps the page body in <article>, and Sphinx starts each page with <section><h1>,
    # so the validator finds the article's heading one level down and the h1 inside a section.
    "Article lacks heading.": "theme template around Sphinx's sections",
    "Consider using the “h1” element as a top-level heading only": "Sphinx's page sections",
    # sphinx-design's tab-set labels its radio buttons with <label aria-controls=...> (the
    # maintainer guide's source/result tabs); axe accepts it, only the validator objects.
    "The “aria-controls” attribute must not be used on any “label” element": "sphinx-design tabs",
}
# "info" messages without a subtype are style notes (for instance on the trailing slash Sphinx puts
# on void elements like <meta ... />): valid HTML, so they are not counted.


def vnu(jar: Path, *args: str) -> list[dict]:
    """The Nu validator's messages about the given files (errors and warnings only)."""
    result = subprocess.run(["java", "-jar", str(jar), "--format", "json", *args],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr)["messages"]
    return [m for m in messages if m["type"] == "error" or m.get("subType") == "warning"]


def describe(message: dict, root: Path) -> str:
    where = unquote(urlsplit(message.get("url", "")).path)
    where = os.path.relpath(where, root) if where else "?"
    return f"{where}:{message.get('lastLine', '?')}: {message['type']}: {message['message']}"


def test_every_page_is_valid_html(site_html, vnu_jar, quality_counts):
    """Zero Nu validator errors or warnings on every page, apart from the theme's allow-list.

    _static/ is left out: the theme copies raw Jinja templates there, which are not pages.
    """
    pages = built_pages(site_html)
    messages = vnu(vnu_jar, *(str(site_html / page) for page in pages))
    quality_counts.pages_validated += len(pages)
    problems = [describe(m, site_html) for m in messages
                if not m["message"].startswith(tuple(THEME_MARKUP_ALLOWED))]
    assert not problems, "\n".join(problems)


def test_our_stylesheet_is_valid_css(site_html, vnu_jar):
    assert vnu(vnu_jar, "--css", str(site_html / "_static" / "workshop_archive.css")) == []


# Elements and attributes that load or link to another file. srcset is a list of "url width" pairs.
REFERENCES = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
              "source": "src", "iframe": "src", "form": "action"}
NOT_FILES = ("mailto:", "tel:", "javascript:", "data:")
# Fragments a browser resolves on any page (the HTML spec's "top of the document").
BUILT_IN_FRAGMENTS = {"", "top"}


class LinkCrawl:
    """Every internal link, image and asset reference of a site, checked from its home page on.

    A link is broken when its file does not exist, or when its #fragment names no id (or a name)
    on the page it leads to.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.checked = 0
        self.external = 0
        self.broken: list[str] = []
        self.reached: set[str] = set()
        self._ids: dict[str, set[str]] = {}

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / page).read_text(encoding="utf-8"), "html.parser")

    def ids(self, page: str) -> set[str]:
        if page not in self._ids:
            soup = self.soup(page)
            self._ids[page] = ({tag["id"] for tag in soup.find_all(id=True)}
                               | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})})
        return self._ids[page]

    def references(self, page: str) -> list[str]:
        found = []
        for tag in self.soup(page).find_all(REFERENCES):
            if tag.get(REFERENCES[tag.name]) is not None:
                found.append(tag[REFERENCES[tag.name]])
            if tag.get("srcset"):
                found += [candidate.split()[0] for candidate in tag["srcset"].split(",")]
        return found

    def target(self, page: str, reference: str) -> tuple[str, str] | None:
        """(file, fragment) a reference of ``page`` points at, or None when it leaves the site."""
        url = urlsplit(urljoin(f"http://site.invalid/{page}", reference))
        if url.netloc != "site.invalid":
            return None
        path = unquote(url.path).lstrip("/")
        if path == "" or (self.root / path).is_dir():
            path = f"{path.rstrip('/')}/index.html".lstrip("/")
        return path, unquote(url.fragment)

    def run(self, start: str = "index.html") -> LinkCrawl:
        queue = deque([start])
        self.reached.add(start)
        while queue:
            page = queue.popleft()
            for reference in self.references(page):
                if reference.startswith(NOT_FILES):
                    continue
                target = self.target(page, reference)
                if target is None:
                    self.external += 1
                    continue
                self.checked += 1
                path, fragment = target
                if not (self.root / path).is_file():
                    self.broken.append(f"{page}: {reference} (no file {path})")
                    continue
                if not path.endswith(".html"):
                    continue
                if fragment not in BUILT_IN_FRAGMENTS and fragment not in self.ids(path):
                    self.broken.append(f"{page}: {reference} (no id {fragment!r} on {path})")
                if path not in self.reached:
                    self.reached.add(path)
                    queue.append(path)
        return self


@pytest.fixture(scope="module")
def crawl(site_html, quality_counts) -> LinkCrawl:
    crawled = LinkCrawl(site_html).run()
    quality_counts.links_checked = crawled.checked
    return crawled


def test_no_broken_link_anchor_or_image(crawl):
    assert crawl.checked > 0
    assert not crawl.broken, "\n".join(crawl.broken)


def test_every_page_is_reachable_from_the_home_page(crawl, site_html):
    """Crawling links from the home page reaches every page the build made: no orphan pages."""
    assert set(built_pages(site_html)) - crawl.reached == set()


def test_the_crawler_reports_a_missing_file_and_a_missing_anchor(tmp_path):
    """The crawl itself is trusted only because it catches both kinds of breakage."""
    (tmp_path / "index.html").write_text(
        '<p id="here"><a href="#here">ok</a> <a href="gone.html">file</a> '
        '<a href="other.html#nowhere">anchor</a> <img src="pic.png" alt="">'
        ' <a href="https://example.org/">external</a></p>', encoding="utf-8")
    (tmp_path / "other.html").write_text('<h1 id="somewhere">x</h1>', encoding="utf-8")
    crawled = LinkCrawl(tmp_path).run()
    assert crawled.broken == [
        "index.html: gone.html (no file gone.html)",
        "index.html: other.html#nowhere (no id 'nowhere' on other.html)",
        "index.html: pic.png (no file pic.png)",
    ]
    assert (crawled.checked, crawled.external) == (4, 1)


def test_two_clean_builds_are_byte_identical(built_site, site_html, tmp_path):
    """A second clean build of the same sources, into another directory, with another hash seed and
    two processes, writes the same files byte for byte (SOURCE_DATE_EPOCH fixes the dates)."""
    args, source = readthedocs_command(tmp_path)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": "12345"}
    second = subprocess.run([sys.executable, "-m", "sphinx", "-j", "2", *args], cwd=source,
                            capture_output=True, text=True, check=False, env=env)
    assert second.returncode == 0, second.stderr
    first_files = sorted(p.relative_to(site_html) for p in site_html.rglob("*") if p.is_file())
    second_html = tmp_path / "html"
    second_files = sorted(p.relative_to(second_html) for p in second_html.rglob("*") if p.is_file())
    assert first_files == second_files
    _, mismatch, errors = filecmp.cmpfiles(site_html, second_html, first_files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_the_build_date_comes_from_source_date_epoch(built_site):
    """Built with SOURCE_DATE_EPOCH=1700000000 (November 2023): the footer says 2023, whatever
    today's date is."""
    footer = built_site.page("index.html").select_one(".footer-item .copyright")
    assert "2018–2023" in footer.get_text()
