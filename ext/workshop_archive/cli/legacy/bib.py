"""The cited works as BibTeX, matched against the project's ``references.bib``.

A cited work that ``references.bib`` already holds (the same DOI, arXiv id or URL) is cited by its
key; the others become new entries, written to a file of their own for the maintainer to check and
merge: the importer never writes ``references.bib``. The bib file is read with pybtex (installed
with sphinxcontrib-bibtex), not by hand.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from pybtex.database import parse_file
from pybtex.exceptions import PybtexError

from .page import PageError

if TYPE_CHECKING:
    from pathlib import Path

    from .facts import Reference

_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})", re.IGNORECASE)
_DOI = re.compile(r"(?:doi\.org/|/doi/(?:abs/|pdf/|full/)?)(10\.\d{4,9}/[^\s?#]+)", re.IGNORECASE)
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "for", "to", "in", "on", "with", "and", "via",
                          "by", "is", "at", "from"})


def identifiers(url: str, doi: str = "", eprint: str = "") -> set[str]:
    """What identifies a work: its arXiv id, its DOI and its URL without scheme or ``www.``."""
    found = set()
    arxiv = _ARXIV.search(url)
    if eprint or arxiv:
        found.add(f"arxiv:{(eprint or arxiv[1]).lower()}")
    doi_match = _DOI.search(unquote(url))
    if doi or doi_match:
        found.add(f"doi:{(doi or doi_match[1]).lower().rstrip('/')}")
    if url:
        parts = urlsplit(url.strip())
        host = parts.netloc.lower().removeprefix("www.")
        found.add(f"url:{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}")
    return found


def known_works(path: Path | None) -> dict[str, str]:
    """Each identifier of each entry of a bib file -> its key ({} without a file).

    :raise PageError: when the file is not BibTeX pybtex can read.
    """
    if path is None:
        return {}
    if not path.is_file():  # pybtex would look for it with kpsewhich, TeX's file finder
        raise PageError(f"{path}: cannot read the bibliography: No such file or directory")
    try:
        data = parse_file(str(path), bib_format="bibtex")
    except PybtexError as error:  # syntax errors, duplicate keys, unreadable files
        raise PageError(f"{path}: cannot read the bibliography: {error}") from error
    works: dict[str, str] = {}
    for key in sorted(data.entries):
        fields = data.entries[key].fields
        for identifier in identifiers(fields.get("url", ""), fields.get("doi", ""),
                                      fields.get("eprint", "")):
            works.setdefault(identifier, key)
    return works


def new_key(reference: Reference, taken: set[str]) -> str:
    """A key for a work not in the bib file: the first word of its title and the year of its
    arXiv id (``device2017placement``), else its address."""
    arxiv = _ARXIV.search(reference.url)
    year = f"20{arxiv[1][:2]}" if arxiv else ""
    words = [w for w in re.findall(r"[a-z0-9]+", reference.title.lower()) if w not in _SMALL_WORDS]
    if words:
        second = next((w for w in words[1:] if w != words[0]), "")
        base = f"{words[0]}{year}{second}"
    elif arxiv:
        base = f"arxiv{arxiv[1].replace('.', '_')}"
    else:
        parts = urlsplit(reference.url)
        base = "-".join(re.findall(r"[a-z0-9]+", (parts.netloc.removeprefix("www.").split(".")[0]
                                                 + " " + parts.path).lower()))[:40] or "work"
    key, suffix = base, ord("a")
    while key in taken:
        key, suffix = f"{base}{chr(suffix)}", suffix + 1
    taken.add(key)
    return key


def _braced(value: str) -> str:
    return " ".join(value.replace("{", "").replace("}", "").split())


def cite_keys(references: list[Reference], works: dict[str, str]) -> tuple[list[str], str]:
    """The key of each reference, in order, and the BibTeX of the works that are new."""
    keys: list[str] = []
    taken = set(works.values())
    entries: list[str] = []
    new_by_identifier: dict[str, str] = {}
    for reference in references:
        ids = identifiers(reference.url)
        key = next((works[i] for i in sorted(ids) if i in works), None)
        key = key or next((new_by_identifier[i] for i in sorted(ids) if i in new_by_identifier),
                          None)
        if key is None:
            key = new_key(reference, taken)
            for identifier in ids:
                new_by_identifier[identifier] = key
            entries.append(_entry(key, reference))
        keys.append(key)
    return keys, "".join(entries)


def _entry(key: str, reference: Reference) -> str:
    fields = []
    if reference.title:
        fields.append(("title", _braced(reference.title)))
    fields.append(("url", reference.url))
    arxiv = _ARXIV.search(reference.url)
    if arxiv:
        fields += [("eprint", arxiv[1]), ("archiveprefix", "arXiv")]
    doi = _DOI.search(unquote(reference.url))
    if doi:
        fields.append(("doi", doi[1]))
    fields.append(("note", f"TODO(import-legacy): cited as [{reference.number}] at "
                           f"{reference.source}; authors, year and title are to be completed "
                           "from the work itself"))
    body = "".join(f"  {name:<13} = {{{value}}},\n" for name, value in fields)
    return f"@misc{{{key},\n{body}}}\n\n"
