"""The exports follow an incremental build and write only what changed: after an edit to one
edition, its calendars, its .bib, its old addresses and archive.json say what a full build of the
edited sources says, and no other edition's file is written again. Serial and ``-j 2``, each in a
fresh copy of tests/roots/test-six-editions with a paper on two of its pages and old addresses to
lead on.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support.builds import Build, Project

PARALLEL = pytest.mark.parametrize("parallel", [0, 2], ids=["serial", "parallel"])
OLD_URLS = {"{edition}/schedule.html": ("{edition}", ("schedule",))}
PAPER = """
:::{{ws:paper}} {title}
:id: 1
:authors: Grace Hopper, Alan Turing
:::
"""
#: a file time no build writes: a file that still has it was not written again
UNTOUCHED = 1_000_000_000


def exports(outdir: Path) -> dict[str, bytes]:
    """The calendars, .bib files, old-address pages and archive data, by path below the output
    directory."""
    files = [*outdir.glob("calendar/**/*.ics"), *outdir.glob("_bibtex/*.bib"),
             *outdir.glob("test20*/schedule.html"), *outdir.glob("archive*.json")]
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(files)}


def age(outdir: Path) -> None:
    """Give every export the file time UNTOUCHED."""
    for name in exports(outdir):
        os.utime(outdir / name, ns=(UNTOUCHED, UNTOUCHED))


def rewritten(outdir: Path) -> set[str]:
    """The exports written since :func:`age`."""
    return {name for name in exports(outdir) if (outdir / name).stat().st_mtime_ns != UNTOUCHED}


def build(project: Project) -> Build:
    done = project.build()
    assert done.warnings == []
    return done


@pytest.fixture
def project(copy_root, monkeypatch, request) -> Project:
    """test-six-editions with a paper in 2031 and 2032, built as the test's ``parallel`` says."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    callspec = getattr(request.node, "callspec", None)  # only the parametrized tests have one
    parallel = callspec.params["parallel"] if callspec else 0
    project = copy_root("test-six-editions", parallel=parallel,
                        confoverrides={"ws_old_urls": OLD_URLS})
    for year in (2031, 2032):
        page = project.srcdir / f"edition-{year}.md"
        page.write_text(page.read_text(encoding="utf-8") + PAPER.format(title=f"Paper of {year}"),
                        encoding="utf-8")
    return project


@PARALLEL
def test_an_edit_writes_that_editions_exports_only_as_a_full_build_would(project, parallel,
                                                                           tmp_path):
    first = build(project)
    before = exports(first.outdir)
    assert {"calendar/test2032.ics", "calendar/test2032/edsger-dijkstra.ics",
            "_bibtex/test2032-papers.bib", "test2032/schedule.html"} <= set(before)
    age(first.outdir)

    project.edit("edition-2032.md", ":talk: Keynote of 2032", ":talk: A new keynote")
    project.edit("edition-2032.md", "Paper of 2032", "A new paper")
    project.edit("edition-2032.md", ":::{schedule}", "## Schedule\n\n:::{schedule}")
    second = build(project)
    assert second.read == ["edition-2032"]
    after = exports(second.outdir)
    assert set(after) == set(before)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"calendar/test2032.ics", "calendar/test2032/edsger-dijkstra.ics",
                       "_bibtex/test2032-papers.bib", "test2032/schedule.html", "archive.json"}
    assert rewritten(second.outdir) == changed
    assert b"A new keynote" in after["calendar/test2032/edsger-dijkstra.ics"]
    assert b"A new paper" in after["_bibtex/test2032-papers.bib"]
    # the old address now leads to the section the page has gained
    assert b'url=../edition-2032.html#schedule"' in after["test2032/schedule.html"]

    # a full build of the edited sources writes the same bytes
    shutil.copytree(project.srcdir, tmp_path / "full", ignore=shutil.ignore_patterns("_build"))
    full = build(Project(tmp_path / "full", project.make_app, **project.options))
    assert exports(full.outdir) == after

    # nothing changed: no export is written
    age(second.outdir)
    build(project)
    assert rewritten(second.outdir) == set()


def test_without_source_date_epoch_an_unchanged_calendar_keeps_its_bytes(project, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = exports(build(project).outdir)
    project.edit("edition-2032.md", ":talk: Keynote of 2032", ":talk: A new keynote")
    after = exports(build(project).outdir)
    assert {name for name in after if after[name] != before[name]} == {
        "calendar/test2032.ics", "calendar/test2032/edsger-dijkstra.ics", "archive.json"}


def test_a_deleted_export_is_written_again_and_a_removed_editions_stay(project):
    first = build(project)
    (first.outdir / "calendar" / "test2030.ics").unlink()
    (project.srcdir / "edition-2035.md").unlink()
    age(first.outdir)
    build(project)
    assert rewritten(first.outdir) == {"calendar/test2030.ics", "archive.json"}
    # as Sphinx leaves the removed page's HTML, which links them
    assert (first.outdir / "edition-2035.html").is_file()
    assert (first.outdir / "calendar" / "test2035.ics").is_file()
