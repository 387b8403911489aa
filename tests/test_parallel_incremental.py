"""Parallel and incremental builds of edition pages (tests/roots/test-six-editions).

``-j 2`` must give what ``-j 1`` gives, and editing one edition must re-read that page only.
Each build gets a srcdir of its own (the ``copy_root`` fixture): sphinx.testing shares copies of
a test root between tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = "test-six-editions"


def html_pages(outdir: Path) -> dict[str, bytes]:
    """Every written page, by its path below the output directory."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*.html"))}


def pseudoxml_pages(outdir: Path) -> dict[str, str]:
    """Every doctree, as written by the pseudoxml builder, with the source directory taken out."""
    srcdir = str(outdir.parent.parent)
    return {p.name: p.read_text(encoding="utf-8").replace(srcdir, "<srcdir>")
            for p in sorted(outdir.glob("*.pseudoxml"))}


@pytest.mark.parametrize("builder", ["html", "pseudoxml"])
def test_two_processes_give_the_output_of_one(copy_root, builder):
    serial = copy_root(ROOT, to="serial").build(builder, parallel=1)
    parallel = copy_root(ROOT, to="parallel").build(builder, parallel=2)
    assert serial.warnings == parallel.warnings == []
    # make sure Sphinx did read in worker processes
    assert sorted(parallel.merged) == sorted(parallel.app.env.all_docs)
    assert serial.merged == []
    pages = html_pages if builder == "html" else pseudoxml_pages
    assert pages(serial.outdir) == pages(parallel.outdir)
    assert len([name for name in pages(serial.outdir) if name.startswith("edition-")]) == 6
    assert serial.app.env.get_domain("ws").data == parallel.app.env.get_domain("ws").data


def test_editing_one_edition_rereads_only_that_page(copy_root):
    project = copy_root(ROOT)
    first = project.build()
    assert len(first.read) == 7
    assert first.warnings == []
    before = html_pages(first.outdir)

    project.edit("edition-2032.md", ":talk: Keynote of 2032", ":talk: A new title for 2032")
    second = project.build()
    assert second.warnings == []
    assert second.read == ["edition-2032"]
    after = html_pages(second.outdir)
    changed = {name for name in after if after[name] != before[name]}
    assert "edition-2032.html" in changed
    assert b"A new title for 2032" in after["edition-2032.html"]
    assert all(after[name] == before[name] for name in after if name.startswith("edition-")
               and name != "edition-2032.html")
    domain = second.app.env.get_domain("ws")
    talks = [t.title for t in domain.talks if t.edition == "test2032"]
    assert talks == ["A new title for 2032", "Special topic of 2032"]

    unchanged = project.build()
    assert (unchanged.read, unchanged.written) == ([], set())
    assert html_pages(unchanged.outdir) == after


def test_removing_an_edition_forgets_its_facts(copy_root):
    project = copy_root(ROOT)
    project.build()
    (project.srcdir / "edition-2035.md").unlink()
    domain = project.build().app.env.get_domain("ws")
    editions = [e.id for e in domain.editions]
    assert editions == ["test2030", "test2031", "test2032", "test2033", "test2034"]
    assert not [t for t in domain.talks if t.edition == "test2035"]
