"""The site layer of the ML for Systems archive: what its pages need from pydata-sphinx-theme and
nothing the workshop extension (workshop_archive) knows about.

- ``theme.py``: what the site relies on in the theme, checked when the build starts (a theme
  upgrade that changes it stops the build and says where), and ``lean-theme.css``, the theme's
  stylesheet without Font Awesome and without the rules no built page can use (``usage.py``
  reads the pages' classes), plus the site's icons and print rules (``stylesheet.py``,
  ``static/``), and the theme's static files no page loads left out of the output;
- ``templates/``: the few template blocks the site replaces (``layout.html``, ``search.html``);
- ``assets.py``: per page, no tab script or highlighting stylesheet where unused;
- ``citations.py``: pybtex's style lookups made cheap for sphinxcontrib-bibtex;
- ``compiled_templates.py``: the templates' compiled code kept from one build to the next;
- ``collector.py``: Python's garbage collector kept off the objects that outlive the build.

docs/maintainer/performance.md says what each trim saves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pydata_sphinx_theme

from . import collector
from .assets import drop_unused_assets
from .citations import register_pybtex_styles
from .compiled_templates import keep_compiled_templates
from .theme import (
    THEME,
    check_installed_theme,
    leave_out_unused_theme_files,
    site_theme_in_use,
    write_lean_stylesheet,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

TEMPLATES = Path(__file__).parent / "templates"


def add_templates(app: Sphinx, config: Config) -> None:
    """The site's templates come before the theme's (and after the project's own, if any), then
    the theme's components.

    pydata-sphinx-theme adds its components itself when the HTML builder loads it, after Sphinx
    has compared the settings with those pickled by the previous build, which hold them: listed
    here already, the two compare equal, and Sphinx no longer says "The configuration has
    changed" at every build (:func:`list_templates_once` removes the theme's second entry).
    A new list: the default value of a setting is one list shared by every app of the process.
    """
    paths = [*config.templates_path, str(TEMPLATES)]
    if config.html_theme == THEME:
        paths.append(str(Path(pydata_sphinx_theme.__file__).parent / "theme" / THEME /
                         "components"))
    config.templates_path = paths


def list_templates_once(app: Sphinx) -> None:
    """``builder-inited``: each template directory once, in its first place (the template loader
    is made, and the theme has added its components again, before this)."""
    app.config.templates_path = list(dict.fromkeys(app.config.templates_path))


def tell_templates_the_theme(app: Sphinx, pagename: str, templatename: str,
                             context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context``: ``archive_site_theme`` says whether the page is written with
    pydata-sphinx-theme. The site's templates replace the theme's blocks only then: the EPUB
    builder writes its pages with its own theme, through the same templates."""
    context["archive_site_theme"] = site_theme_in_use(app)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", list_templates_once)
    app.connect("builder-inited", check_installed_theme)
    app.connect("builder-inited", register_pybtex_styles)
    app.connect("builder-inited", keep_compiled_templates)
    app.connect("html-page-context", tell_templates_the_theme)
    app.connect("html-page-context", drop_unused_assets)
    app.connect("build-finished", write_lean_stylesheet)
    app.connect("build-finished", leave_out_unused_theme_files)
    collector.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
