"""The site layer (ext/archive_site) on a small pydata-sphinx-theme project (tests/roots/test-site):
the lean stylesheet in place of the theme's, the theme's own icon elements drawn by the site's
masks, per-page assets, and no copy of a theme template."""

from __future__ import annotations

from pathlib import Path

import pytest

import archive_site
from archive_site.stylesheet import SITE_STYLESHEETS
from archive_site.theme import LEAN_STYLESHEET, THEME, theme_package
from conftest import warnings_of


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from support.builds import Project, copy_root

    done = Project(copy_root("test-site", tmp_path_factory.mktemp("site") / "src")).build()
    assert warnings_of(done.app) == []
    return done


def linked(soup, tag: str, attribute: str) -> list[str]:
    return [element[attribute].split("?")[0] for element in soup.find_all(tag)
            if element.get(attribute)]


def test_pages_link_the_lean_stylesheet_and_no_font_awesome(site):
    page = site.page("index")
    stylesheets = linked(page, "link", "href")
    assert "_static/styles/lean-theme.css" in stylesheets
    assert "_static/basic.css" in stylesheets
    assert not [href for href in stylesheets if "pydata-sphinx-theme.css" in href
                or (href.endswith("theme.css") and "lean" not in href)]
    scripts = linked(page, "script", "src")
    assert "_static/scripts/pydata-sphinx-theme.js" in scripts
    assert not [src for src in scripts if "fontawesome" in src or "bootstrap" in src
                or "searchindex" in src]
    lean = (site.outdir / "_static" / "styles" / "lean-theme.css").read_text(encoding="utf-8")
    assert "webfonts" not in lean  # no @font-face of Font Awesome
    assert ".fa-sun:before" not in lean
    assert ".bd-header" in lean  # the theme's own rules are kept
    for site_css in SITE_STYLESHEETS:  # followed by the site's icons and print rules
        assert site_css.read_text(encoding="utf-8") in lean


def test_the_icons_are_the_themes_own_elements(site):
    page = site.page("tabs")
    # the theme's markup, as its templates write it: no copy of a template draws them
    assert page.select_one(".theme-switch-container i.fa-sun")
    assert page.select_one(".search-button i.fa-magnifying-glass")
    assert page.select_one(".breadcrumb-home i.fa-house")
    assert page.select_one(".primary-toggle .fa-bars")
    assert not page.select("svg.ws-icon")


def test_a_page_loads_the_tab_script_and_highlighting_only_where_used(site):
    plain, tabs = site.page("index"), site.page("tabs")
    assert "_static/design-tabs.js" not in linked(plain, "script", "src")
    assert "_static/pygments.css" not in linked(plain, "link", "href")
    assert "_static/design-tabs.js" in linked(tabs, "script", "src")
    assert "_static/pygments.css" in linked(tabs, "link", "href")


def test_no_file_of_the_site_is_a_copy_of_a_theme_file(site):
    package = theme_package(site.app)
    theme_files = {path.relative_to(package / "theme" / THEME).as_posix(): path.read_bytes()
                   for path in (package / "theme" / THEME).rglob("*") if path.is_file()}
    site_files = [path for path in Path(archive_site.__file__).parent.rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts]
    for path in site_files:
        assert path.read_bytes() not in theme_files.values(), path
    templates = Path(archive_site.__file__).parent / "templates"
    # only whole templates the theme has are overridden, and each extends the theme's own
    for template in templates.glob("*.html"):
        assert template.name in theme_files
        assert f'{{%- extends "!{template.name}" %}}' in template.read_text(encoding="utf-8")


def test_the_lean_stylesheet_keeps_the_rules_the_pages_can_use(tmp_path):
    """Rules of the theme's components that no page uses are left out, and come back in the
    next build, incremental too, once a page uses the component."""
    from support.builds import Project, copy_root

    project = Project(copy_root("test-site", tmp_path / "src"))

    def build() -> str:
        done = project.build()
        assert warnings_of(done.app) == []
        return (done.outdir / "_static" / "styles" / "lean-theme.css").read_text(encoding="utf-8")

    first = build()
    assert ".bd-header" in first and ".theme-switch-button" in first  # used by every page
    assert ".dropdown-menu.show" in first  # a class the dropdown script adds
    assert ".carousel" not in first  # Bootstrap's, which no page has
    assert ".sig-name" not in first  # API signatures
    project.edit("tabs.md", "# Tabs\n", "# Tabs\n\n```{py:function} spam()\n```\n")
    assert ".sig-name" in build()


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "epub", "latex", "text"])
def test_every_builder_builds_with_the_site_layer(copy_root, builder):
    """The site layer changes pydata-sphinx-theme's pages; other builders build as without it.
    EPUB writes its pages with its own theme (epub_theme), through the same templates: they keep
    that theme's blocks and stylesheet, and the theme files the site leaves out are not looked
    for."""
    overrides = {"epub_copyright": "the authors", "version": "1"} if builder == "epub" else {}
    build = copy_root("test-site").build(builder, confoverrides=overrides)
    assert build.warnings == []
    assert "Traceback" not in build.app.status.getvalue()
    if builder == "epub":
        page = (build.outdir / "index.xhtml").read_text(encoding="utf-8")
        assert "_static/epub.css" in page and "lean-theme.css" not in page
        assert not (build.outdir / LEAN_STYLESHEET).exists()
    if builder in ("dirhtml", "singlehtml"):
        assert (build.outdir / LEAN_STYLESHEET).is_file()
