"""Every directive also has a name under the ``ws`` domain (``ws:edition``, ``ws:speaker``...)
that no other extension can take; pages written with the bare names build exactly as before, and
a page written with the ``ws:`` names builds to the same output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import warnings_of

DIRECTIVES = ("edition", "speaker", "abstract", "schedule", "committee", "people-index",
              "talk-index", "edition-index")
#: a directive's opening fence, ``:::{speaker}``, with any number of colons
FENCE = re.compile(r"^(:{3,})\{(" + "|".join(DIRECTIVES) + r")\}", re.MULTILINE)


def under_the_domain(srcdir: Path) -> set[str]:
    """Write every directive of the project's pages as ``ws:<name>``; returns the names met."""
    met = set()
    for page in srcdir.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        met |= {match[2] for match in FENCE.finditer(text)}
        page.write_text(FENCE.sub(r"\1{ws:\2}", text), encoding="utf-8")
    return met


def pages(outdir: Path) -> dict[str, str]:
    return {str(p.relative_to(outdir)): p.read_text(encoding="utf-8")
            for p in sorted(outdir.rglob("*.html"))}


@pytest.mark.parametrize("root", ["test-archive", "test-directives"])
def test_the_ws_names_build_what_the_bare_names_build(copy_root, root):
    bare = copy_root(root, to="bare").build()
    prefixed = copy_root(root, to="prefixed")
    met = under_the_domain(prefixed.srcdir)
    under = prefixed.build()
    assert bare.warnings == under.warnings == []
    assert pages(bare.outdir) == pages(under.outdir)
    assert bare.app.env.get_domain("ws").data == under.app.env.get_domain("ws").data
    # between them the two roots use every directive; each root uses several
    assert len(met) >= 4


def test_the_two_roots_use_every_directive(rootdir):
    text = "".join(page.read_text(encoding="utf-8") for root in ("test-archive", "test-directives")
                   for page in (rootdir / root).rglob("*.md"))
    assert {match[2] for match in FENCE.finditer(text)} == set(DIRECTIVES)


def test_a_warning_names_the_directive_as_written(copy_root):
    project = copy_root("test-directives")
    project.edit("index.md", ":::{edition} test2030\n", ":::{ws:edition} test2030\n:colour: red\n")
    [warning] = warnings_of(project.build().app)
    assert ":colour: is not an option of ws:edition" in warning
