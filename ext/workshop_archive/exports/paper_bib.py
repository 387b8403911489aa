"""BibTeX of the accepted papers, written with pybtex: one entry per paper (the "Cite" of its
entry) and one ``.bib`` file per edition with all its papers.

pybtex writes the fields (escaping ``&``, ``%``, ``_`` and braces for LaTeX) and splits each
author's name into its parts; nothing here formats BibTeX by hand. The entries are made from the
domain's facts only, in the order of the papers' lists, so every build writes the same bytes.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pybtex.database import BibliographyData, Entry, Person

if TYPE_CHECKING:
    from sphinx.config import Config

    from ..records import Edition, Paper

#: link fields, the first a paper has is the entry's ``url``
URL_FIELDS = ("pdf", "openreview", "video", "slides", "poster", "code")


def edition_bib_file(edition_id: str) -> PurePosixPath:
    """Where an edition's ``.bib`` is written, relative to the output directory."""
    return PurePosixPath("_bibtex") / f"{edition_id}-papers.bib"


def cite_key(paper: Paper) -> str:
    """``neurips2023-37``: the edition and the paper's id."""
    return f"{paper.edition}-{paper.id}"


def booktitle(edition: Edition | None, config: Config) -> str:
    """``Workshop on ML for Systems at NeurIPS 2023`` (``ws_workshop_title`` at the edition's
    host conference)."""
    workshop = config.ws_workshop_title or config.project
    if edition is None or not edition.conference:
        return workshop
    return f"{workshop} at {edition.conference}"


def paper_entry(paper: Paper, edition: Edition | None, config: Config) -> Entry:
    """The paper as an ``@inproceedings`` entry."""
    fields = {"title": paper.title, "booktitle": booktitle(edition, config)}
    if edition is not None and edition.year:
        fields["year"] = edition.year
    links = dict(paper.links)
    if url := next((links[kind] for kind in URL_FIELDS if kind in links), ""):
        fields["url"] = url
    if paper.withdrawn:
        fields["note"] = "Withdrawn"
    return Entry("inproceedings", fields=fields,
                 persons={"author": [Person(name) for name in paper.authors]})


def bibtex(entries: dict[str, Entry]) -> str:
    """The entries as BibTeX text, in the given order."""
    return BibliographyData(entries).to_string("bibtex")


def citable(paper: Paper) -> bool:
    """A paper with a title and authors (a withdrawn placeholder may have neither)."""
    return bool(paper.title and paper.authors)


def edition_bib_files(papers: list[Paper], editions: dict[str, Edition],
                      config: Config) -> dict[PurePosixPath, bytes]:
    """Each edition's ``.bib`` of its citable papers, by path."""
    by_edition: dict[str, dict[str, Entry]] = {}
    for paper in papers:
        if citable(paper):
            by_edition.setdefault(paper.edition, {}).setdefault(
                cite_key(paper), paper_entry(paper, editions.get(paper.edition), config))
    return {edition_bib_file(edition_id): bibtex(entries).encode("utf-8")
            for edition_id, entries in sorted(by_edition.items())}


def write_bib_files(outdir: Path, files: dict[PurePosixPath, bytes]) -> None:
    for path, content in files.items():
        target = outdir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
