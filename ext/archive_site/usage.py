"""What the built pages can use of a stylesheet: the class names in their HTML and every word of
the scripts they load (a script may add a class: ``classList.add("show")``).

Read from the output at the end of a build, every page of it, so that the lean stylesheet keeps a
rule as soon as any page (or any script a page loads) may give an element its class. Pages left
from an earlier build count too: a stylesheet that keeps a rule too many costs bytes, one that
misses a rule breaks a page. What a page uses is kept in a file between builds, under the page's
size and modification time, so that a build reads again only the pages it wrote.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: a word of a script: what a class name in it looks like (``dropdown-menu-dark``, ``show``)
SCRIPT_WORD = re.compile(r"[A-Za-z_][-\w]*")


class _PageReader(HTMLParser):
    """The class names of one page, the local script files it loads (as paths relative to the
    output) and the words of its inline scripts."""

    def __init__(self, page: Path, outdir: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.outdir = outdir
        self.names: set[str] = set()
        self.scripts: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "class" and value:
                self.names.update(value.split())
        if tag == "script":
            self._in_script = True
            src = dict(attrs).get("src")
            parts = urlsplit(src or "")
            if src and not parts.scheme and not parts.netloc:
                script = Path(self.page.parent, unquote(parts.path)).resolve()
                if script.is_relative_to(self.outdir):
                    self.scripts.add(script.relative_to(self.outdir).as_posix())

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.names.update(SCRIPT_WORD.findall(data))


def page_usage(page: Path, outdir: Path) -> tuple[list[str], list[str]]:
    """(class names and inline scripts' words, local scripts loaded) of one page."""
    reader = _PageReader(page, outdir)
    reader.feed(page.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return sorted(reader.names), sorted(reader.scripts)


def names_in_pages(outdir: Path, suffix: str = ".html", cache: Path | None = None
                   ) -> frozenset[str]:
    """Every class name of the pages under ``outdir`` (files ending in ``suffix``, outside
    ``_static/``) and every word of the scripts they load, inline or from a file of the site.
    ``cache``: a file that keeps each page's names from one build to the next."""
    outdir = outdir.resolve()
    try:
        known = json.loads(cache.read_text(encoding="utf-8")) if cache else {}
    except (OSError, ValueError):
        known = {}
    pages = {}
    for page in sorted(outdir.rglob(f"*{suffix}")):
        relative = page.relative_to(outdir)
        if "_static" in relative.parts:
            continue
        stat = page.stat()
        stamp = [stat.st_size, stat.st_mtime_ns]
        entry = known.get(relative.as_posix())
        if entry is None or entry[0] != stamp:
            entry = [stamp, *page_usage(page, outdir)]
        pages[relative.as_posix()] = entry
    if cache:
        cache.write_text(json.dumps(pages), encoding="utf-8")
    names: set[str] = set()
    scripts: set[str] = set()
    for _stamp, page_names, page_scripts in pages.values():
        names.update(page_names)
        scripts.update(page_scripts)
    for script in sorted(scripts):
        path = outdir / script
        if path.is_file():
            names.update(SCRIPT_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return frozenset(names)
