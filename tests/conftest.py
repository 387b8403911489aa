"""Shared fixtures: sphinx.testing's ``app``/``make_app`` with our test roots in tests/roots,
``copy_root`` and ``copy_site`` (a copy of a root or of the real site to build, edit and build
again, reporting what each build read and wrote: tests/support/builds.py), and the real site
built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support import builds
from support.builds import Project
from support.builds import warnings_of as warnings_of  # the tests import it from here

# browser.fixtures: the served site, Chromium, axe-core and vnu of the browser and site tests.
pytest_plugins = ("sphinx.testing.fixtures", "browser.fixtures")

TESTS = Path(__file__).parent
PROJECT = TESTS.parent


def edition_ids() -> list[str]:
    """The editions the archive holds: one page editions/<id>.md each. Tests of the site's
    structure read them here, so that adding an edition never breaks a test."""
    return sorted(path.stem for path in (PROJECT / "editions").glob("*.md"))


def editions_newest_first(html: Path) -> list[str]:
    """The edition pages of a built site as its home page's grid lists them, newest first."""
    home = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [card.a["href"] for card in home.select(".ws-edition-card")]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


@pytest.fixture
def copy_root(make_app, tmp_path):
    """``copy_root(name, to="src", **options)``: a :class:`~support.builds.Project` of a fresh
    copy of tests/roots/<name> under the test's tmp_path; ``options`` go to every build."""
    def copy(name: str, to: str = "src", **options) -> Project:
        return Project(builds.copy_root(name, tmp_path / to), make_app, **options)

    return copy


@pytest.fixture
def copy_site(make_app, tmp_path) -> Project:
    """A :class:`~support.builds.Project` of a fresh copy of the real site, nitpicky as
    `make html` builds it."""
    return Project(builds.copy_site(tmp_path), make_app, confoverrides={"nitpicky": True})


def run_sphinx(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run sphinx-build of this venv, as Read the Docs and `make html` do, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *args], cwd=cwd, capture_output=True, text=True,
        check=False, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )


def readthedocs_command(outdir: Path) -> tuple[list[str], Path]:
    """The sphinx-build command Read the Docs runs for .readthedocs.yaml, and its working dir.

    Read the Docs runs ``python -m sphinx -T -W --keep-going -b html -d _build/doctrees
    -D language=en . $READTHEDOCS_OUTPUT/html`` in the directory of the configured conf.py
    (``-W --keep-going`` because of ``fail_on_warning: true``).
    """
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text())
    source = (PROJECT / config["sphinx"]["configuration"]).parent
    args = ["-T", "-b", "html", "-d", str(outdir / "doctrees"), "-D", "language=en"]
    if config["sphinx"].get("fail_on_warning"):
        args[1:1] = ["-W", "--keep-going"]
    return [*args, ".", str(outdir / "html")], source


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> SiteBuild:
    """The real site, built once per session exactly as Read the Docs builds it."""
    outdir = tmp_path_factory.mktemp("site")
    args, source = readthedocs_command(outdir)
    result = run_sphinx(*args, cwd=source)
    return SiteBuild(outdir / "html", result)


class SiteBuild:
    """The output directory of a site build and the finished sphinx-build process."""

    def __init__(self, html: Path, process: subprocess.CompletedProcess[str]) -> None:
        self.html = html
        self.process = process

    def page(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.html / relative).read_text(encoding="utf-8"), "html.parser")
