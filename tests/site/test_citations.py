"""Citations stay cheap: once the build starts, sphinxcontrib-bibtex's style lookups no longer
scan every installed distribution (see ext/archive_site/citations.py)."""

from __future__ import annotations

import importlib.metadata

import pybtex.plugin
from bs4 import BeautifulSoup

from conftest import warnings_of

CONF = (
    'extensions = ["myst_parser", "sphinxcontrib.bibtex", "archive_site"]\n'
    'html_theme = "pydata_sphinx_theme"\n'
    'bibtex_bibfiles = ["refs.bib"]\n'
    'bibtex_default_style = "unsrt"\n'
    'bibtex_foot_reference_style = "foot"\n'
)
BIB = (
    "@article{lovelace1843,\n  title = {Notes on the Analytical Engine},\n"
    "  author = {Lovelace, Ada},\n  journal = {Scientific Memoirs},\n  year = {1843}\n}\n"
)


def test_citing_pages_look_up_no_entry_points(make_app, tmp_path, monkeypatch):
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "refs.bib").write_text(BIB)
    toctree = "\n".join(f"page{n}" for n in range(3))
    (tmp_path / "index.md").write_text(f"# Home\n\n```{{toctree}}\n{toctree}\n```\n")
    for n in range(3):
        (tmp_path / f"page{n}.md").write_text(
            f"# Page {n}\n\nAs shown {{footcite:p}}`lovelace1843`.\n\n"
            "```{footbibliography}\n```\n")
    scans = []

    def counting_entry_points(**selection):
        scans.append(selection.get("group"))
        return importlib.metadata.entry_points(**selection)

    monkeypatch.setattr(pybtex.plugin, "entry_points", counting_entry_points)
    # start from no run-time plugins, whatever earlier builds of this process registered
    monkeypatch.setattr(pybtex.plugin, "_RUNTIME_PLUGINS", {})
    app = make_app("html", srcdir=tmp_path)
    app.connect("env-before-read-docs", lambda app, env, docnames: scans.clear())
    app.build()
    assert warnings_of(app) == []
    assert scans == []
    page = BeautifulSoup((app.outdir / "page2.html").read_text(), "html.parser")
    assert "Ada Lovelace. Notes on the analytical engine. Scientific Memoirs, 1843." in (
        page.select_one("aside.footnote-list").get_text())
