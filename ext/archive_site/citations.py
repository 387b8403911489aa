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

    Worker processes of ``-j`` builds are forked after this, so they inherit the registry.
    """
    if "sphinxcontrib.bibtex" not in app.extensions:
        return
    # imported here: a site that does not cite needs no pybtex
    from pybtex.plugin import enumerate_plugin_names, find_plugin, register_plugin

    for group in STYLE_GROUPS:
        for name in sorted(set(enumerate_plugin_names(group))):
            register_plugin(group, name, find_plugin(group, name), force=True)
