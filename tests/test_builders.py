"""A full edition page (tests/roots/test-directives) builds with every builder, without a warning,
and each output carries the page's facts, cards, schedule and committee."""

from __future__ import annotations

import zipfile

import pytest
from bs4 import BeautifulSoup

from conftest import warnings_of

#: the words every output must show: a card, a badge, a schedule row, the caption, a member
FACTS = ("Ada Lovelace", "Special Topic: MARL", "Compilers for Everyone", "2:30 PM",
         "Saturday, December 14, 2030", "Charles Babbage")


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "latex", "text", "epub"])
def test_every_builder_builds_the_edition_page_without_warnings(copy_root, builder):
    app = copy_root("test-directives").build(builder).app
    assert warnings_of(app) == []
    assert "Traceback" not in app.status.getvalue()
    text = output_text(app, builder)
    for fact in FACTS:
        assert fact in text, (builder, fact)


def output_text(app, builder: str) -> str:
    """The reader-visible text of the built edition page."""
    outdir = app.outdir
    if builder == "latex":
        return next(outdir.glob("*.tex")).read_text(encoding="utf-8")
    if builder == "text":
        return (outdir / "index.txt").read_text(encoding="utf-8")
    if builder == "epub":
        epub = next(outdir.glob("*.epub"))
        with zipfile.ZipFile(epub) as archive:
            html = archive.read("index.xhtml").decode()
        return BeautifulSoup(html, "html.parser").get_text(" ")
    page = outdir / "index.html"
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ")
