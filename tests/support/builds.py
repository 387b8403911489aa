"""Build a copy of a project, again and again as a maintainer would, and report what each build
read and wrote.

Sphinx writes beside its sources (``_build/``) and sphinx.testing shares copies of a test root
between tests, so every test that builds more than once, edits a page or compares two builds
works on its own copy: :func:`copy_root` (a root of tests/roots) or :func:`copy_site` (the real
site). ``tests/conftest.py`` offers both as the fixtures ``copy_root`` and ``copy_site``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

PROJECT = Path(__file__).resolve().parents[2]
ROOTS = PROJECT / "tests" / "roots"
_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


def warnings_of(app: SphinxTestApp) -> list[str]:
    """The warning lines of a build, without colour codes."""
    return [line for line in _ESCAPES.sub("", app.warning.getvalue()).splitlines() if line.strip()]


@dataclass(frozen=True)
class Build:
    """One finished build of a :class:`Project`."""

    app: SphinxTestApp
    #: the documents Sphinx read (``env-before-read-docs``), sorted
    read: list[str]
    #: the documents the builder wrote (``doctree-resolved`` is emitted once for each)
    written: set[str]
    #: the documents read by worker processes and merged back (``env-merge-info``)
    merged: list[str]

    @property
    def warnings(self) -> list[str]:
        return warnings_of(self.app)

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def page(self, name: str) -> BeautifulSoup:
        """A written HTML page, parsed."""
        return BeautifulSoup((self.outdir / f"{name}.html").read_text(encoding="utf-8"),
                             "html.parser")

    def main(self, name: str) -> BeautifulSoup:
        """The main content of a written HTML page."""
        return self.page(name).select_one("[role=main]")


class Project:
    """A project on disk that a test builds, edits and builds again."""

    def __init__(self, srcdir: Path, make_app: Callable[..., SphinxTestApp] = SphinxTestApp,
                 **options: Any) -> None:
        """:param options: what every build passes to the app (``parallel``, ``confoverrides``)
        unless :meth:`build` says otherwise"""
        self.srcdir = srcdir
        self.make_app = make_app
        self.options = options

    def build(self, builder: str = "html", **options: Any) -> Build:
        """Build incrementally with a new app, then reset docutils' global registries so that
        the next app registers the extension's nodes again. The app's output and environment
        stay."""
        app = self.make_app(builder, srcdir=self.srcdir, **{**self.options, **options})
        read: list[str] = []
        written: set[str] = set()
        merged: list[str] = []
        app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
        app.connect("env-merge-info", lambda app, env, docnames, other: merged.extend(docnames))
        app.connect("doctree-resolved", lambda app, doctree, docname: written.add(docname))
        try:
            app.build()
        finally:
            app.cleanup()
        return Build(app, sorted(read), written, merged)

    def edit(self, page: str, old: str, new: str) -> None:
        """Replace ``old`` (which must be there) with ``new`` in one source file."""
        path = self.srcdir / page
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {page}"
        path.write_text(text.replace(old, new), encoding="utf-8")


def copy_root(name: str, destination: Path) -> Path:
    """Copy the test root ``tests/roots/<name>`` (or any directory) to ``destination``."""
    source = Path(name) if Path(name).is_absolute() else ROOTS / name
    shutil.copytree(source, destination)
    return destination


def copy_site(destination: Path) -> Path:
    """Copy the real site (docs/, editions/, references.bib) into ``destination``; returns the
    source directory of the copy (``destination/docs``)."""
    for name in ("docs", "editions"):
        shutil.copytree(PROJECT / name, destination / name, symlinks=True,
                        ignore=shutil.ignore_patterns("_build", "__pycache__"))
    shutil.copy2(PROJECT / "references.bib", destination / "references.bib")
    return destination / "docs"
