"""A Sphinx extension for workshop archives: editions, speaker cards, schedules, committees,
papers, and the cross-edition People, Talks and Editions indexes.

``setup()`` reads one line per feature: each module registers its own settings, nodes,
directives, transforms and event handlers (docs/maintainer/architecture.md, "What goes where").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sphinx_design.extension

from . import domain, i18n, transforms
from .bibfiles import setup_bibfiles
from .config import setup_config
from .directives import (
    archive_schema,
    committee,
    edition,
    indexes,
    panel,
    papers,
    schedule,
    speaker,
)
from .exports import setup_exports
from .nodes import setup_nodes
from .photos import setup_photos
from .sources import setup_sources

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

STATIC = Path(__file__).parent / "static"


def add_static_path(app: Sphinx, config: Config) -> None:
    """Serve the extension's stylesheet with the project's own static files, and sphinx-design's.

    sphinx-design adds its own directory itself when the builder starts, after Sphinx has
    compared the settings with those pickled by the previous build, which hold it: listed here
    already, the two compare equal, and Sphinx no longer says "The configuration has changed"
    at every build (:func:`list_static_paths_once` removes sphinx-design's second entry).
    """
    # a new list: the default value of a setting is one list shared by every app of the process
    config.html_static_path = [*config.html_static_path, str(STATIC),
                               str(sphinx_design.extension.STATIC_DIR)]


def list_static_paths_once(app: Sphinx) -> None:
    """``builder-inited``, after sphinx-design's: each static directory once, in its first
    place."""
    app.config.html_static_path = list(dict.fromkeys(app.config.html_static_path))


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension's directives, domain, transforms and stylesheet."""
    app.setup_extension("sphinx_design")
    setup_config(app)
    i18n.setup(app)
    setup_nodes(app)
    setup_photos(app)
    setup_sources(app)
    setup_bibfiles(app)
    setup_exports(app)
    domain.setup(app)
    edition.setup(app)
    speaker.setup(app)
    schedule.setup(app)
    committee.setup(app)
    indexes.setup(app)
    papers.setup(app)
    archive_schema.setup(app)
    panel.setup(app)
    transforms.setup(app)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", list_static_paths_once, priority=900)
    app.add_css_file("workshop_archive.css")
    return {
        "version": __version__,
        "env_version": 8,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
