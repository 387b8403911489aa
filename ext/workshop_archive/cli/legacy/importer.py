"""Read a legacy edition directory into :class:`EditionFacts`: the pages in a fixed order, each
part by the module that knows its format, then the checks that need every part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import read_card
from .checks import check_anchors, check_facts, report_comments
from .facts import Edition, EditionFacts, Paper
from .home import read_committees, read_contact, read_references
from .material import check_material
from .page import PageError, read_page
from .papers import list_papers, loop_papers
from .speakers import read_speakers
from .timetable import read_schedule

if TYPE_CHECKING:
    from pathlib import Path

#: the pages of an edition, in the order their facts are taken (the home page first)
PAGES = ("index.md", "schedule.md", "accepted_papers.md", "call_for_papers.md")


def read_edition(directory: Path, edition_id: str, people: dict[str, dict]) -> EditionFacts:
    """Every fact of the legacy edition in ``directory``.

    :param people: the people file's entries (id -> name, aliases, distinct), to find names
        that look like a known person's misspelling.
    :raise PageError: when the directory or one of its pages cannot be read.
    """
    if not directory.is_dir():
        raise PageError(f"{directory}: not a directory of the old site (expected "
                        "<edition>/index.md, schedule.md, ...)")
    facts = EditionFacts(Edition(edition_id))
    pages = [read_page(directory / name, f"{directory.name}/{name}")
             for name in PAGES if (directory / name).is_file()]
    if not pages:
        raise PageError(f"{directory}: holds none of {', '.join(PAGES)}")
    facts.pages = [page.name for page in pages]
    read_card(pages, facts)
    for page in pages:
        report_comments(page, facts)
        if page.name.endswith("/accepted_papers.md") and not loop_papers(
                page, facts, directory, Paper):
            list_papers(page, facts, Paper)
    # the call for papers is prose (its address is in the notes); the papers come first, so
    # that schedule rows can name them, and the cards before the schedule that links to them
    others = [page for page in pages if page.name.endswith(("/index.md", "/schedule.md"))]
    for page in others:
        read_speakers(page, facts, people)
    for page in others:
        read_contact(page, facts)
        read_schedule(page, facts, people)
        read_committees(page, facts)
        read_references(page, facts)
    check_anchors(pages, facts)
    check_facts(facts, people)
    check_material(facts)
    return facts
