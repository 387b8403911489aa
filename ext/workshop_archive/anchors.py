"""The public names of the archive's objects, in one place: the HTML anchors that search results,
``objects.inv`` and other projects' links lead to, the names objects have in roles and in
``objects.inv``, and the addresses of the files that are not pages (calendars, BibTeX). Every
module that writes or resolves one asks here; changing one breaks links from outside the archive
(``tests/test_archive.py`` and ``tests/test_site_indexes.py`` pin them).

No anchor is an object's name or ``<type>-<name>``: Sphinx 9's search index stores those two in a
short form that its ``searchtools.js`` expands with the *display* name (``#person-Jeff Dean``), so a
search result would land at the top of the page instead of on the entry.
"""

from __future__ import annotations

from .text import slugify

# -- names in roles and objects.inv ----------------------------------------------------------------


def talk_key(edition: str, person: str) -> str:
    """A talk: ``<edition>/<person>`` (``neurips2024/jeff-dean``)."""
    return f"{edition}/{person}"


def paper_key(edition: str, paper: str) -> str:
    """A paper: ``<edition>/<paper id>`` (``neurips2023/37``)."""
    return f"{edition}/{paper}"


# -- HTML anchors ----------------------------------------------------------------------------------


def edition(edition_id: str) -> str:
    """The edition's card on its page: ``about-neurips2024``."""
    return f"about-{edition_id}"


def speaker_card(person: str) -> str:
    """A speaker card on an edition page: the person's id (``jeff-dean``)."""
    return person


def panel_card(title: str) -> str:
    """A panel's card on an edition page, unless its ``:id:`` names it: ``panel-discussion``."""
    return slugify(title) or "panel"


def committee(edition_id: str, title: str) -> str:
    """A committee on an edition page: ``neurips2024-organizing-committee``."""
    return f"{edition_id}-{slugify(title)}".strip("-")


def committee_member(committee_anchor: str, person: str) -> str:
    """A member in a committee: ``neurips2024-organizing-committee-mimee-xu``."""
    return f"{committee_anchor}-{person}"


def paper(paper_id: str) -> str:
    """A paper's entry on its edition's page: ``paper-37``."""
    return f"paper-{paper_id}"


def person(person_id: str) -> str:
    """A person's entry on the People page: ``people-jeff-dean``."""
    return f"people-{person_id}"


def letter(initial: str) -> str:
    """A letter's section on the People page: ``letter-j`` (``letter-other`` for ``#``)."""
    return f"letter-{initial.lower()}" if initial != "#" else "letter-other"


def talks_of(edition_id: str) -> str:
    """An edition's section on the Talks page: ``talks-neurips2024``."""
    return f"talks-{edition_id}"


# -- addresses of files that are not pages, relative to the site's root ----------------------------


def edition_calendar(edition_id: str) -> str:
    """An edition's calendar: ``calendar/neurips2024.ics``."""
    return f"calendar/{edition_id}.ics"


def row_calendar(edition_id: str, row: str) -> str:
    """One schedule row's calendar: ``calendar/neurips2024/jeff-dean.ics``; ``row`` is the row's
    slug in its edition (the speaker's id, else the day, start and first words)."""
    return f"calendar/{edition_id}/{row}.ics"


def edition_bib(edition_id: str) -> str:
    """The BibTeX of an edition's papers: ``_bibtex/neurips2023-papers.bib``."""
    return f"_bibtex/{edition_id}-papers.bib"
