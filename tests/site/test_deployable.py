"""The deployable ships what its pages load and nothing else (ext/archive_site/theme.py,
``UNSHIPPED``): crawling every page of the built site, then each stylesheet and script they load,
reaches every file of ``_static/``, and every file they name is there."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

STATIC = "_static"
#: what Sphinx writes beside language_data.js: the readable sources of the stemmer that
#: language_data.js holds minified. No page loads them; they are the source of shipped code.
SOURCES_OF_SHIPPED_CODE = {Path(STATIC, "base-stemmer.js"), Path(STATIC, "english-stemmer.js")}

#: a file a stylesheet names: ``url(...)`` or ``@import "..."``
NAMED_IN_CSS = re.compile(r"""url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)["']""")
SOURCE_MAP = re.compile(r"sourceMappingURL=(\S+)")
#: a file name written in a script (doctools.js writes "plus.png" and "minus.png" into an img)
NAMED_IN_SCRIPT = re.compile(r"""["'`/}]([\w.-]+\.(?:png|svg|gif|woff2?|css|js|json|map))["'`]""")


def local_file(referrer: Path, url: str, site: Path) -> Path | None:
    """The file of the site (relative to ``site``) that ``url`` in ``referrer`` names, or None
    for an address elsewhere, a data: URI or a fragment."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = site / parts.path.lstrip("/") if parts.path.startswith("/") else (
        site / referrer).parent / unquote(parts.path)
    return Path(os.path.relpath(os.path.normpath(path), site))


def page_references(page: Path, site: Path) -> set[str]:
    """What a page loads or links inside ``_static/``, and every file it loads (src, srcset,
    stylesheets and other ``<link>`` files)."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    urls = set()
    for tag in soup.find_all(True):
        for attribute in ("src", "href"):
            if url := tag.get(attribute):
                urls.add(url)
        for candidate in tag.get("srcset", "").split(","):
            if candidate.strip():
                urls.add(candidate.split()[0])
    return urls


def crawl(site: Path) -> tuple[set[Path], list[str]]:
    """The files of ``_static/`` that the site's pages reach (through the stylesheets and
    scripts they load), and each reference to a file that is not there."""
    static = {path.relative_to(site) for path in (site / STATIC).rglob("*") if path.is_file()}
    by_name: dict[str, set[Path]] = {}
    for path in static:
        by_name.setdefault(path.name, set()).add(path)
    reached: set[Path] = set()
    missing: list[str] = []
    queue: list[Path] = []

    def visit(referrer: Path, url: str, *, must_exist: bool = True) -> None:
        target = local_file(referrer, url, site)
        if target is None or (target.parts[:1] != (STATIC,) and not must_exist):
            return
        if not (site / target).is_file():
            if must_exist:
                missing.append(f"{referrer} names {url}")
            return
        if target.parts[:1] == (STATIC,) and target not in reached:
            reached.add(target)
            queue.append(target)

    pages = [path.relative_to(site) for path in site.rglob("*.html")
             if path.relative_to(site).parts[:1] != (STATIC,)]
    for page in pages:
        for url in page_references(page, site):
            # links to pages and anchors are another test's; a file a page loads must be there
            visit(page, url, must_exist=url.split("?")[0].split("#")[0].endswith(
                (".css", ".js", ".png", ".svg", ".jpg", ".webp", ".avif", ".woff2", ".ico"))
                or f"{STATIC}/" in url)
    while queue:
        asset = queue.pop()
        text = (site / asset).read_text(encoding="utf-8", errors="replace")
        if asset.suffix == ".css":
            for found in NAMED_IN_CSS.finditer(text):
                url = found.group(1) or found.group(2)
                if not url.startswith("data:"):
                    visit(asset, url)
        elif asset.suffix == ".js":
            for found in SOURCE_MAP.finditer(text):
                visit(asset, found.group(1))
            for found in NAMED_IN_SCRIPT.finditer(text):
                for named in by_name.get(found.group(1), ()):
                    visit(asset, os.path.relpath(site / named, (site / asset).parent))
    return reached, missing


def test_every_file_of_static_is_loaded_by_a_page(built_site):
    reached, _ = crawl(built_site.html)
    shipped = {path.relative_to(built_site.html)
               for path in (built_site.html / STATIC).rglob("*") if path.is_file()}
    assert sorted(map(str, shipped - reached - SOURCES_OF_SHIPPED_CODE)) == []
    assert shipped >= SOURCES_OF_SHIPPED_CODE  # else the exception above is stale


def test_every_file_a_page_loads_is_there(built_site):
    _, missing = crawl(built_site.html)
    assert missing == []
