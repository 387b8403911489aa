"""The real site builds from a fresh checkout as Read the Docs builds it, with zero warnings."""

from __future__ import annotations

import subprocess
import tomllib

import pytest

import workshop_archive
from conftest import PROJECT


def test_site_builds_like_read_the_docs_with_zero_warnings(built_site):
    assert built_site.process.returncode == 0, built_site.process.stderr
    assert built_site.process.stderr.strip() == ""
    assert (built_site.html / "index.html").is_file()


def test_home_page_leads_to_every_edition(built_site):
    home = built_site.page("index.html")
    links = {a["href"] for a in home.select("article a[href]")}
    editions = sorted(path.stem for path in (PROJECT / "editions").glob("*.md"))
    assert editions, "no edition pages"
    for edition in editions:
        assert f"editions/{edition}.html" in links
        assert (built_site.html / "editions" / f"{edition}.html").is_file()


def test_navbar_has_the_archive_sections(built_site):
    navbar = built_site.page("index.html").select_one(".navbar-header-items")
    labels = [a.get_text(strip=True) for a in navbar.select("a.nav-link")]
    for section in ("Editions", "People", "Talks", "Maintainer guide"):
        assert section in labels


@pytest.mark.sphinx("html", testroot="directives")
def test_extension_metadata(app):
    extension = app.extensions["workshop_archive"]
    assert extension.version == workshop_archive.__version__
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True
    assert "ws" in app.env.domains


def test_project_metadata():
    pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text())
    assert pyproject["project"]["requires-python"] == ">=3.11"
    project = pyproject["project"]
    # the extension's own dependencies, and nothing of the site's
    for package in ("sphinx", "myst-parser", "sphinx-design"):
        assert any(dep.startswith(f"{package}>=") for dep in project["dependencies"])
    site = project["optional-dependencies"]["site"]
    for package in ("pydata-sphinx-theme", "sphinxcontrib-bibtex", "tinycss2"):
        assert any(dep.startswith(f"{package}>=") for dep in site)
        assert not any(dep.startswith(package) for dep in project["dependencies"])
    # the site relies on the theme's markup (ext/archive_site/theme.py): one minor version
    assert "pydata-sphinx-theme>=0.24,<0.25" in site


def test_nothing_built_or_installed_is_tracked():
    tracked = subprocess.run(["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True,
                             check=True).stdout.splitlines()
    assert not [p for p in tracked if p.startswith(("_build/", ".venv/", "node_modules/"))
                or "__pycache__" in p]
