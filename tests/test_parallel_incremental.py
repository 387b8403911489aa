"""Parallel and incremental builds of edition pages (tests/roots/test-six-editions).

``-j 2`` must give what ``-j 1`` gives, and editing one edition must re-read that page only.
Each build gets a srcdir of its own: sphinx.testing shares copies of a test root between tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import warnings_of

ROOT = "test-six-editions"


@pytest.fixture
def copy_root(rootdir, tmp_path):
    def copy(name: str) -> Path:
        srcdir = tmp_path / name
        shutil.copytree(rootdir / ROOT, srcdir)
        return srcdir

    return copy


def html_pages(outdir: Path) -> dict[str, bytes]:
    """Every written page, by its path below the output directory."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*.html"))}


def pseudoxml_pages(outdir: Path) -> dict[str, str]:
    """Every doctree, as written by the pseudoxml builder, with the source directory taken out."""
    srcdir = str(outdir.parent.parent)
    return {p.name: p.read_text(encoding="utf-8").replace(srcdir, "<srcdir>")
            for p in sorted(outdir.glob("*.pseudoxml"))}


def build(make_app, builder: str, srcdir: Path, parallel: int = 1):
    """Build, noting the documents read (``env-before-read-docs``) and those read by worker
    processes (``env-merge-info``, emitted only when a worker's results are merged back), and
    reset docutils' global registries so that the next app of the same test starts clean.

    :return: the app and the names of the documents it read
    """
    app = make_app(builder, srcdir=srcdir, parallel=parallel)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    app.merged_in_parallel = []
    app.connect("env-merge-info", lambda app, env, docnames, other: app.merged_in_parallel.extend(
        docnames))
    try:
        app.build()
    finally:
        app.cleanup()
    return app, read


@pytest.mark.parametrize("builder", ["html", "pseudoxml"])
def test_two_processes_give_the_output_of_one(make_app, copy_root, builder):
    serial, _ = build(make_app, builder, copy_root("serial"), parallel=1)
    parallel, _ = build(make_app, builder, copy_root("parallel"), parallel=2)
    assert warnings_of(serial) == warnings_of(parallel) == []
    # make sure Sphinx did read in worker processes
    assert sorted(parallel.merged_in_parallel) == sorted(parallel.env.all_docs)
    assert serial.merged_in_parallel == []
    pages = html_pages if builder == "html" else pseudoxml_pages
    assert pages(serial.outdir) == pages(parallel.outdir)
    assert len([name for name in pages(serial.outdir) if name.startswith("edition-")]) == 6
    assert serial.env.get_domain("ws").data == parallel.env.get_domain("ws").data


def test_editing_one_edition_rereads_only_that_page(make_app, copy_root):
    srcdir = copy_root("incremental")
    first, read = build(make_app, "html", srcdir)
    assert len(read) == 7
    assert warnings_of(first) == []
    before = html_pages(first.outdir)

    page = srcdir / "edition-2032.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        ":talk: Keynote of 2032", ":talk: A new title for 2032"), encoding="utf-8")
    second, read = build(make_app, "html", srcdir)
    assert warnings_of(second) == []
    assert read == ["edition-2032"]
    after = html_pages(second.outdir)
    changed = {name for name in after if after[name] != before[name]}
    assert "edition-2032.html" in changed
    assert b"A new title for 2032" in after["edition-2032.html"]
    assert all(after[name] == before[name] for name in after if name.startswith("edition-")
               and name != "edition-2032.html")
    talks = [t.title for t in second.env.get_domain("ws").talks if t.edition == "test2032"]
    assert talks == ["A new title for 2032", "Special topic of 2032"]

    unchanged, read = build(make_app, "html", srcdir)
    assert read == []
    assert html_pages(unchanged.outdir) == after


def test_removing_an_edition_forgets_its_facts(make_app, copy_root):
    srcdir = copy_root("removal")
    build(make_app, "html", srcdir)
    (srcdir / "edition-2035.md").unlink()
    second, _ = build(make_app, "html", srcdir)
    editions = [e.id for e in second.env.get_domain("ws").editions]
    assert editions == ["test2030", "test2031", "test2032", "test2033", "test2034"]
    assert not [t for t in second.env.get_domain("ws").talks if t.edition == "test2035"]
