"""A broken references.bib never stops the build: each fault is one warning at the file and
line, the faulty entry is left out and every other entry is still cited
(ext/workshop_archive/bibfiles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.builds import Project

CONF = 'extensions = ["myst_parser", "sphinxcontrib.bibtex", "workshop_archive"]\n' \
       'bibtex_bibfiles = ["refs.bib"]\n'
PAGE = "# Works\n\nSee {cite:p}`first` and {cite:p}`last`.\n\n```{bibliography}\n```\n"
FIRST = b"@misc{first,\n  title = {The First Work},\n  author = {Lovelace},\n  year = {1843}\n}\n"
LAST = b"@misc{last,\n  title = {The Last Work},\n  author = {Babbage, C.},\n  year = {1864}\n}\n"


@pytest.fixture
def project(make_app, tmp_path):
    def with_bib(middle: bytes) -> tuple[Project, Path]:
        (tmp_path / "conf.py").write_text(CONF)
        (tmp_path / "index.md").write_text(PAGE)
        bib = tmp_path / "refs.bib"
        bib.write_bytes(FIRST + b"\n" + middle + b"\n" + LAST)
        return Project(tmp_path, make_app), bib

    return with_bib


def built_with(project: Project) -> tuple[list[str], str]:
    """The warnings of a build and the text of its page (case-folded: the style changes case)."""
    done = project.build()
    return done.warnings, done.page("index").get_text(" ", strip=True).casefold()


@pytest.mark.parametrize(("middle", "line", "warning"), [
    (b"@misc{second,\n  title = {Caf\xe9 Notes},\n  year = {1850}\n}\n", 8,
     "byte 0xe9 is not UTF-8 (read as '\ufffd'); write the character again and save the file as "
     "UTF-8 [workshop.bad_text]"),
    (b"@misc{second, title = {Notes}}}\n@@ broken\n", 8,
     "BibTeX syntax error: '(' or '{' expected; the entry is left out: write it as "
     "@type{key, field = {value}, ...} [workshop.bad_value]"),
    (b"@misc{first,\n  title = {The Same Key Again},\n  year = {1850}\n}\n", 7,
     "BibTeX key 'first' is already used on line 1; this entry is left out: give it its own key, "
     "or delete it if it is the same work [workshop.duplicate]"),
], ids=["not-utf8", "syntax-error", "duplicate-key"])
def test_a_fault_warns_at_its_line_and_every_other_entry_is_cited(project, middle, line, warning):
    site, bib = project(middle)
    warnings, text = built_with(site)
    assert warnings == [f"{bib}:{line}: WARNING: {warning}"]
    assert "the first work" in text and "the last work" in text
    assert "the same key again" not in text
    # nothing changed, and the fault is still there: the next build warns again
    assert built_with(site)[0] == warnings
