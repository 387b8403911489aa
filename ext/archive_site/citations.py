"""Citations: pybtex's style lookups made cheap, for sites that cite with sphinxcontrib-bibtex.

sphinxcontrib-bibtex formats every page's references with pybtex styles and looks each style up
with ``pybtex.plugin.find_plugin``: four lookups per citing page. pybtex 0.26 answers each one
by scanning the entry points of every installed distribution (``importlib.metadata``, about
12 ms here), which cost a third of the full build of a 50-edition archive
(benchmarks/build_scale.py). pybtex checks the plugins registered at run time first, so
registering the installed styles once, through its public ``register_plugin``, turns every later
lookup into a dictionary read: the same classes, so the same output.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: the pybtex plugin groups sphinxcontrib-bibtex looks up for every bibliography
STYLE_GROUPS = (
    "pybtex.style.formatting",
    "pybtex.style.labels",
    "pybtex.style.names",
    "pybtex.style.sorting",
)


def register_pybtex_styles(app: Sphinx) -> None:
    """``builder-inited``: register every installed pybtex style as a run-time plugin.

    The installed styles are read from one scan of the entry points (pybtex's own
    ``enumerate_plugin_names`` and ``find_plugin`` scan once per group and per name: 30 scans,
    0.15 s at every build); ``register_plugin`` still scans once per style. Of two entry points
    with one name, the first is kept, as pybtex's own lookup does; it replaces a style of that
    name that ``conf.py`` registered at run time. Worker processes of ``-j``
    builds are forked after this, so they inherit the registry.
    """
    if "sphinxcontrib.bibtex" not in app.extensions:
        return
    # imported here: a site that does not cite needs no pybtex
    from pybtex.plugin import register_plugin

    installed = entry_points()
    for group in STYLE_GROUPS:
        styles: dict[str, EntryPoint] = {}
        for entry in installed.select(group=group):
            styles.setdefault(entry.name, entry)
        for name, entry in sorted(styles.items()):
            register_plugin(group, name, entry.load(), force=True)
