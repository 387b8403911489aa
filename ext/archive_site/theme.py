"""What the site layer relies on in pydata-sphinx-theme, checked at every build, and the lean
stylesheet it derives from the theme's.

The site replaces four template blocks (the theme's would load Font Awesome, Bootstrap's script
and the search index on every page), masks the icons the theme writes, hides the theme's parts
when printing and opens its dropdown menus with a small script. Each of those depends on a file,
a block or a piece of markup of the theme. :data:`RELIED_ON` and :data:`REPLACED_BLOCKS` list
them; :func:`check_theme` compares them with the installed theme when the HTML builder starts, and
the build stops with the list of what changed (``tests/site/test_theme_contract.py`` does the same
on a renamed copy of the theme). Nothing is left to fail quietly. :data:`UNSHIPPED` lists the
theme's static files that no page loads, which the site leaves out of the output; a theme that
renames one stops the build too.

An upgrade of the theme: run ``make html``; if it stops, compare each block or file it names with
the site's template (``templates/``) or stylesheet (``static/``), adapt them, then record the new
block digests it prints in :data:`REPLACED_BLOCKS`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import jinja2
import sphinx
from jinja2 import nodes as jinja_nodes
from sphinx.errors import ExtensionError

from .stylesheet import SITE_STYLESHEETS, lean_stylesheet, theme_classes
from .usage import names_in_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

THEME = "pydata_sphinx_theme"
#: the theme's stylesheet, from which lean-theme.css is derived (paths below are relative to the
#: theme's package, ``pydata_sphinx_theme/``)
THEME_STYLESHEET = Path("theme", THEME, "static", "styles", "pydata-sphinx-theme.css")
#: where the pages link the lean stylesheet, in the output
LEAN_STYLESHEET = Path("_static", "styles", "lean-theme.css")
#: the element classes the print rules hide or widen (static/print.css)
PRINTED = ("bd-header", "bd-header-article", "bd-sidebar-primary", "bd-sidebar-secondary",
           "bd-footer-article", "bd-container", "bd-container__inner", "bd-main", "bd-content",
           "bd-article-container", "bd-article", "skip-link", "pst-back-to-top")

#: file of the theme -> what the site expects to find in it
RELIED_ON: dict[Path, tuple[str, ...]] = {
    THEME_STYLESHEET: ("Font Awesome",),
    # templates/layout.html loads this script itself (its scripts_end block)
    Path("theme", THEME, "static", "scripts", "pydata-sphinx-theme.js"): (),
    # the icons static/icons.css masks
    Path("theme", THEME, "components", "breadcrumbs.html"): ("breadcrumb-home", "fa-house"),
    Path("theme", THEME, "components", "search-button.html"): (
        "search-button", "fa-magnifying-glass"),
    Path("theme", THEME, "components", "search-field.html"): ("bd-search", "fa-magnifying-glass"),
    # ... and the dropdown that templates/dropdowns.js opens
    Path("theme", THEME, "components", "theme-switcher.html"): (
        "theme-switch-container", "fa-sun", "fa-moon", "fa-circle-half-stroke",
        'data-bs-toggle="dropdown"', "dropdown-menu"),
    Path("theme", THEME, "sections", "header.html"): (
        "primary-toggle", "fa-bars", "secondary-toggle", "fa-outdent"),
    Path("theme", THEME, "layout.html"): ("fa-arrow-up", *PRINTED),
    Path("theme", THEME, "components", "prev-next.html"): ("prev-next-area",),
    # where Sphinx's search script writes the results (static/search.css keeps their space)
    Path("theme", THEME, "search.html"): ('id="search-results"',),
    Path("toctree.py"): ("toctree-toggle", "fa-chevron-down", 'data-bs-toggle="dropdown"'),
}


#: the static directories of the theme and of Sphinx's basic theme, which it extends: Sphinx
#: copies every file of both into the output's ``_static/``
THEME_STATIC = Path("theme", THEME, "static")
BASIC_STATIC = Path(sphinx.__file__).parent / "themes" / "basic" / "static"

#: files of those static directories that no page of the site loads, left out of the output
#: (:func:`leave_out_unused_theme_files`): path in ``_static/`` -> why no page loads it.
#: ``tests/site/test_deployable.py`` crawls the built site for files nothing references.
UNSHIPPED: dict[Path, str] = {
    Path("styles", "pydata-sphinx-theme.css"): "lean-theme.css is derived from it",
    Path("styles", "pydata-sphinx-theme.css.map"): "the source map of the theme's stylesheet",
    Path("styles", "theme.css"): "imports basic.css, which the pages link themselves",
    Path("scripts", "bootstrap.js"): "templates/dropdowns.js opens the theme's two dropdowns",
    Path("scripts", "bootstrap.js.map"): "the source map of bootstrap.js",
    Path("scripts", "bootstrap.js.LICENSE.txt"): "the licence of bootstrap.js",
    Path("scripts", "fontawesome.js"): "icons are CSS masks (static/icons.css)",
    Path("scripts", "fontawesome.js.map"): "the source map of fontawesome.js",
    Path("scripts", "fontawesome.js.LICENSE.txt"): "the licence of fontawesome.js",
    **{Path("vendor", "fontawesome", "webfonts", f"fa-{font}.woff2"):
       "Font Awesome's font: icons are CSS masks (static/icons.css)"
       for font in ("solid-900", "regular-400", "brands-400")},
    Path("webpack-macros.html"): "a Jinja macro file of the theme's layout.html, not a page",
    Path("file.png"): "an icon of Sphinx's basic theme that no stylesheet names",
}


class Replaced(NamedTuple):
    """A block of a theme template that a site template replaces without ``super()``."""

    template: str
    block: str
    #: :func:`block_digest` of the theme's block when the site's was last compared with it
    digest: str
    why: str


REPLACED_BLOCKS = (
    Replaced("layout.html", "css", "b4170aae34b3d4b8",
             "links the whole stylesheet with Font Awesome, fontawesome.js and preloads"),
    Replaced("layout.html", "extrahead", "a245ffc0599a4b39",
             "loads the search scripts and index on every page"),
    Replaced("layout.html", "scripts_end", "64571de759fd231a", "loads bootstrap.js (81 KB)"),
    Replaced("search.html", "scripts", "05f24e363238ab5d", "loads the search scripts blocking"),
)

#: Jinja, only to parse the theme's templates (the tags Sphinx's template environment knows)
_PARSER = jinja2.Environment(extensions=["jinja2.ext.i18n", "jinja2.ext.do",
                                         "jinja2.ext.loopcontrols"])


def block_digest(source: str, block: str) -> str | None:
    """A digest of a block of a template, or None when the template has no such block: of its
    parsed form, so a change of its line numbers alone changes nothing."""
    for found in _PARSER.parse(source).find_all(jinja_nodes.Block):
        if found.name == block:
            return hashlib.sha256(repr(found.body).encode()).hexdigest()[:16]
    return None


def check_theme(package: Path) -> list[str]:
    """What the site relies on and the installed theme (``package``: its Python package
    directory) no longer has or has changed; empty when all is in place."""
    problems = []
    for relative, expected in RELIED_ON.items():
        path = package / relative
        if not path.is_file():
            problems.append(f"{relative} is gone")
            continue
        text = path.read_text(encoding="utf-8")
        problems += [f"{relative} no longer contains {word!r}" for word in expected
                     if word not in text]
    for unused in UNSHIPPED:
        if not (package / THEME_STATIC / unused).is_file() and not (
                BASIC_STATIC / unused).is_file():
            problems.append(
                f"static file {unused} is gone: archive_site leaves it out of the output "
                "(UNSHIPPED); if the theme renamed it, list the new name there if no page loads it")
    for replaced in REPLACED_BLOCKS:
        relative = Path("theme", THEME, replaced.template)
        path = package / relative
        if not path.is_file():
            problems.append(f"{relative} is gone")
            continue
        digest = block_digest(path.read_text(encoding="utf-8"), replaced.block)
        if digest is None:
            problems.append(f"{relative} no longer has the block {replaced.block!r}")
        elif digest != replaced.digest:
            problems.append(
                f"the block {replaced.block!r} of {relative} changed (digest {digest}, "
                f"recorded {replaced.digest}): compare it with archive_site/templates/"
                f"{replaced.template}, which replaces it because the theme's {replaced.why}")
    return problems


def theme_package(app: Sphinx) -> Path | None:
    """The Python package directory of the HTML theme in use when it is pydata-sphinx-theme
    (its theme directory is ``<package>/theme/pydata_sphinx_theme``), else None."""
    theme = getattr(app.builder, "theme", None)
    if theme is None or theme.name != THEME:
        return None
    return Path(theme.get_theme_dirs()[0]).parents[1]


def site_theme_in_use(app: Sphinx) -> bool:
    """Whether the builder writes pages with pydata-sphinx-theme: the HTML builders do; the EPUB
    builder, an HTML builder too, writes its pages with its own theme (``epub_theme``), and so
    gets none of the site layer's changes; the others have no theme."""
    return theme_package(app) is not None


def check_installed_theme(app: Sphinx) -> None:
    """``builder-inited``: stop the build when the theme changed where the site relies on it."""
    if app.builder.format != "html":
        return
    if app.config.html_theme != THEME:
        raise ExtensionError(f"archive_site is the site layer for {THEME}; html_theme is "
                             f"{app.config.html_theme!r}", modname="archive_site")
    package = theme_package(app)
    if package is None:  # EPUB
        return
    if problems := check_theme(package):
        raise ExtensionError(
            f"{THEME} changed where the site relies on it (archive_site/theme.py says how to "
            "upgrade):\n- " + "\n- ".join(problems), modname="archive_site")


def write_lean_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write lean-theme.css, derived from the installed theme's stylesheet
    and from the class names of the built pages (``usage.py``), which are all written by now.

    Parsing the theme's 370 KB stylesheet takes about a second, so its result is kept in the
    doctree directory: the classes its selectors require, under a digest of the theme's
    stylesheet, and the lean stylesheet, under a digest of its sources and of those classes that
    the pages use. A build with the same theme, the same site rules and pages using the same of
    the theme's classes copies it.
    """
    package = theme_package(app)
    if exception is not None or package is None:  # not pydata-sphinx-theme's pages
        return
    theme_css = (package / THEME_STYLESHEET).read_text(encoding="utf-8")
    doctrees = Path(app.doctreedir)
    theme_digest = hashlib.sha256(theme_css.encode()).hexdigest()[:16]
    classes_file = doctrees / f"lean-theme-classes-{theme_digest}.json"
    if classes_file.is_file():
        required = set(json.loads(classes_file.read_text(encoding="utf-8")))
    else:
        for older in doctrees.glob("lean-theme-classes-*.json"):
            older.unlink()
        required = theme_classes(theme_css)
        classes_file.write_text(json.dumps(sorted(required)), encoding="utf-8")
    used = required & names_in_pages(Path(app.outdir), app.builder.out_suffix,
                                     cache=doctrees / "lean-theme-pages.json")
    sources = hashlib.sha256(theme_css.encode())
    for site_css in SITE_STYLESHEETS:
        sources.update(site_css.read_bytes())
    sources.update("\n".join(sorted(used)).encode())
    cached = doctrees / f"lean-theme-{sources.hexdigest()[:16]}.css"
    if not cached.is_file():
        for older in doctrees.glob("lean-theme-*.css"):
            older.unlink()
        cached.write_text(lean_stylesheet(theme_css, used), encoding="utf-8")
    target = Path(app.outdir, LEAN_STYLESHEET)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(cached.read_bytes())


def leave_out_unused_theme_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: remove from the output the theme files no page loads (:data:`UNSHIPPED`).

    Sphinx copies every file of the themes' static directories and has no setting to leave one
    out. :func:`check_installed_theme` made sure when the build started that each is still where
    the theme has it, so here a missing file is an error (``unlink`` raises), never skipped.
    """
    if exception is not None or not site_theme_in_use(app):
        return
    static = Path(app.outdir, "_static")
    for unused in UNSHIPPED:
        (static / unused).unlink()
        for folder in (static / unused).parents:
            if folder == static or any(folder.iterdir()):
                break
            folder.rmdir()
