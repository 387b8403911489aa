"""The site layer of the ML for Systems archive: what its pages need from pydata-sphinx-theme and
nothing the workshop extension (workshop_archive) knows about.

- ``theme.py``: what the site relies on in the theme, checked when the build starts (a theme
  upgrade that changes it stops the build and says where), and ``lean-theme.css``, the theme's
  stylesheet without Font Awesome plus the site's icons and print rules (``stylesheet.py``,
  ``static/``), and the theme's static files no page loads left out of the output;
- ``templates/``: the few template blocks the site replaces (``layout.html``, ``search.html``);
- ``assets.py``: per page, no tab script or highlighting stylesheet where unused;
- ``citations.py``: pybtex's style lookups made cheap for sphinxcontrib-bibtex.

docs/maintainer/performance.md says what each trim saves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .assets import drop_unused_assets
from .citations import register_pybtex_styles
from .theme import check_installed_theme, leave_out_unused_theme_files, write_lean_stylesheet

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

TEMPLATES = Path(__file__).parent / "templates"


def add_templates(app: Sphinx, config: Config) -> None:
    """The site's templates come before the theme's (and after the project's own, if any).

    A new list: the default value of a setting is one list shared by every app of the process.
    """
    config.templates_path = [*config.templates_path, str(TEMPLATES)]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", add_templates)
    app.connect("builder-inited", check_installed_theme)
    app.connect("builder-inited", register_pybtex_styles)
    app.connect("html-page-context", drop_unused_assets)
    app.connect("build-finished", write_lean_stylesheet)
    app.connect("build-finished", leave_out_unused_theme_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
