"""BibTeX of the accepted papers, written with pybtex: one entry per paper (the "Cite" of its
entry) and one ``.bib`` file per edition with all its papers.

pybtex writes the fields (escaping ``&``, ``%``, ``_`` and braces for LaTeX) and splits each
author's name into its parts; nothing here formats BibTeX by hand. The entries are made from the
domain's facts only, in the order of the papers' lists, so every build writes the same bytes. An
edition's ``.bib`` is written again only when its entries changed (written.py).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from docutils import nodes
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.output.bibtex import Writer
from sphinx.builders.epub3 import Epub3Builder
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri
from sphinx_design.dropdown import dropdown_main, dropdown_title

from .. import anchors
from ..i18n import _
from .written import WrittenFiles

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

    from ..domain import WorkshopDomain
    from ..records import Edition, Paper

#: the class of a paper's "Cite" block (a paragraph and the BibTeX), made at read time
CITE_CLASS = "ws-cite"
#: the class of the placeholder of the link to an edition's .bib (attribute ``edition``)
BIB_LINK_CLASS = "ws-bib-link"

#: link fields, the first a paper has is the entry's ``url``
URL_FIELDS = ("pdf", "openreview", "video", "slides", "poster", "code")


def edition_bib_file(edition_id: str) -> PurePosixPath:
    """Where an edition's ``.bib`` is written, relative to the output directory."""
    return PurePosixPath(anchors.edition_bib(edition_id))


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
    """The entries as BibTeX text, in the given order.

    pybtex's own BibTeX writer, named directly: ``BibliographyData.to_string("bibtex")`` looks
    the writer up among the entry points of every installed distribution on each call (about
    6 ms, 41 times for an edition of 41 papers).
    """
    return Writer().to_string(BibliographyData(entries))


def citable(paper: Paper) -> bool:
    """A paper with a title and authors (a withdrawn placeholder may have neither)."""
    return bool(paper.title and paper.authors)


def edition_bib_files(papers: list[Paper]) -> dict[PurePosixPath, dict[str, Paper]]:
    """Each edition's ``.bib``, by path: its citable papers, by cite key (the first paper of
    each)."""
    by_edition: dict[str, dict[str, Paper]] = {}
    for paper in papers:
        if citable(paper):
            by_edition.setdefault(paper.edition, {}).setdefault(cite_key(paper), paper)
    return {edition_bib_file(edition_id): entries
            for edition_id, entries in sorted(by_edition.items())}


def write_bib_files(app: Sphinx, files: dict[PurePosixPath, dict[str, Paper]],
                    editions: dict[str, Edition]) -> None:
    """Write the .bib files whose papers changed since the last build (or are missing). A
    file is made of its papers, its edition and the book title (paper_entry reads nothing
    else), so unchanged editions need no BibTeX entry at all."""
    config = app.config
    written = WrittenFiles(app, "bibtex")
    for path, papers in files.items():
        edition = editions.get(next(iter(papers.values())).edition)

        def content(papers: dict[str, Paper] = papers, edition: Edition | None = edition) -> bytes:
            return bibtex({key: paper_entry(paper, edition, config)
                           for key, paper in papers.items()}).encode("utf-8")

        written.write(path, (list(papers.items()), edition, booktitle(edition, config)), content)
    written.save()


def website(builder: Builder) -> bool:
    """True for the builders whose output is a website (the .bib files are written for them)."""
    return builder.format == "html" and not isinstance(builder, Epub3Builder)


class CiteBlocks(SphinxPostTransform):
    """In HTML (and EPUB), each "Cite" block becomes a fold (``<details>``, sphinx-design's
    dropdown) that shows the BibTeX to copy; other formats leave it out, a printed archive has
    no use for it. Each .bib placeholder becomes a link to the edition's file in a website, and
    goes away where no file is written (EPUB, LaTeX, text)."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        builder = self.env._app.builder  # as Sphinx's own ReferencesResolver (9.0)
        html = builder.format == "html"
        for block in list(self.document.findall(nodes.container)):
            if CITE_CLASS not in block["classes"]:
                continue
            if not html:
                block.parent.remove(block)
                continue
            title, code = block.children
            fold = dropdown_main(classes=["sd-sphinx-override", "sd-dropdown", CITE_CLASS])
            fold += dropdown_title("", "", *title.children, classes=["ws-cite-title"])
            fold += code.deepcopy()
            block.replace_self(fold)
        files = {}
        if website(builder):
            domain: WorkshopDomain = self.env.get_domain("ws")  # type: ignore[assignment]
            files = {paper.edition for paper in domain.papers if citable(paper)}
        for placeholder in list(self.document.findall(nodes.inline)):
            if BIB_LINK_CLASS not in placeholder["classes"]:
                continue
            paragraph = placeholder.parent
            edition = placeholder["edition"]
            if edition not in files:
                paragraph.parent.remove(paragraph)
                continue
            base = builder.get_target_uri(self.env.docname)
            text = _("BibTeX of all papers")
            placeholder.replace_self(nodes.reference(
                text, text, refuri=relative_uri(base, str(edition_bib_file(edition)))))


def write_paper_bibs(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: each edition's .bib, in a website build."""
    if exception is not None or not website(app.builder):
        return
    domain: WorkshopDomain = app.env.get_domain("ws")  # type: ignore[assignment]
    papers = [domain.papers_by_key[key] for key in sorted(domain.papers_by_key)]
    write_bib_files(app, edition_bib_files(papers), domain.editions_by_id)


def setup(app: Sphinx) -> None:
    app.add_post_transform(CiteBlocks)
    app.connect("build-finished", write_paper_bibs)
