"""Write the facts as an edition page in our directives (MyST), and the papers as CSV.

The page carries no prose from the old site: where an overview, a biography or the notes would
be, it leaves a ``% TODO(import-legacy)`` comment for the maintainer. MyST comments are never
shown, so a forgotten TODO never reaches readers.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from .page import SITE

if TYPE_CHECKING:
    from .facts import EditionFacts, Row, Speaker

TODO = "% TODO(import-legacy):"


def old_url(page: str) -> str:
    """``neurips2023/index.md`` -> ``https://mlforsystems.org/neurips2023/``."""
    directory, _, name = page.rpartition("/")
    stem = name.removesuffix(".md")
    return f"{SITE}{directory}/" if stem == "index" else f"{SITE}{directory}/{stem}.html"


def option(key: str, value: str) -> str:
    return f":{key}: {' '.join(value.split())}\n" if value else ""


def edition_page(facts: EditionFacts, keys: list[str]) -> str:
    """The MyST page of an edition. ``keys`` are the BibTeX keys of ``facts.references``."""
    edition = facts.edition
    out = io.StringIO()
    title = edition.conference or edition.id
    out.write(f"# ML for Systems at {title}\n\n")
    out.write(f":::{{edition}} {edition.id}\n")
    for key in ("conference", "date", "hours", "venue", "room", "city", "timezone", "contact"):
        out.write(option(key, getattr(edition, key)))
    if edition.virtual:
        out.write(":virtual:\n")
    out.write(":::\n\n")
    if not edition.timezone:
        out.write(f"{TODO} the old pages name no timezone; add :timezone: (IANA name) to the "
                  "edition card.\n\n")
    out.write("## Overview\n\n")
    out.write(f"{TODO} write a short overview in our own words (never the old text).\n")
    if keys:
        cited = ", ".join(f"[{reference.number}] {key}"
                          for reference, key in zip(facts.references, keys, strict=True))
        out.write(f"{TODO} the old overview cited, numbered: {cited}; cite them with "
                  "{footcite:p}`key` and keep the References section below.\n")
    out.write("\n")
    _speakers(facts, out)
    _schedule(facts, out)
    _committees(facts, out)
    _papers(facts, out)
    if keys:
        out.write("## References\n\n```{footbibliography}\n```\n\n")
    out.write("## Notes on this edition\n\n")
    out.write(f"{TODO} name the source pages and every correction; the importer's report lists "
              "the faults it found.\n\n")
    for page in facts.pages:
        out.write(f"- [{page}]({old_url(page)})\n")
    return out.getvalue()


def _speakers(facts: EditionFacts, out: io.StringIO) -> None:
    if not facts.speakers:
        return
    out.write("## Speakers\n\n")
    for speaker in facts.speakers:
        out.write(f":::{{speaker}} {speaker.name}\n")
        out.write(option("id", speaker.id))
        for key in ("affiliation", "role", "topic", "label", "talk", "paper", "slides",
                    "video"):
            out.write(option(key, getattr(speaker, key)))
        out.write(f"\n{TODO} a short biography in our own words; the old one is at "
                  f"{speaker.source}.\n:::\n\n")


def _schedule(facts: EditionFacts, out: io.StringIO) -> None:
    if not facts.rows:
        return
    out.write("## Schedule\n\n:::{schedule}\n")
    speakers = {speaker.id: speaker for speaker in facts.speakers}
    for row in facts.rows:
        time = f"{row.start} - {row.end}" if row.end else row.start
        marks = ", ".join(m for m in (row.kind, "parallel" if row.parallel else "") if m)
        kind = f"[{marks}] " if marks else ""
        out.write(f"- {time} {kind}{_what(row)}{_presenter(speakers.get(row.presenter))}\n")
        for nested in row.nested:
            out.write(f"  - {_what(nested)}\n")
    out.write(":::\n\n")


def _what(row: Row) -> str:
    if row.talk:
        return f"{{ws:talk}}`{_role_text(row.text)} <{row.talk}>`"
    if row.paper:
        return f"{{ws:paper}}`{row.paper}`"
    return _markdown_text(row.text)


def _presenter(speaker: Speaker | None) -> str:
    """``; Speaker: {ws:person}`Name <id>`, Affiliation`` after the paper of a contributed talk
    (the label as published, if any): the person who gave it, linked to People (their card
    makes them a person)."""
    if speaker is None:
        return ""
    who = f"{{ws:person}}`{_role_text(speaker.name)} <{speaker.id}>`"
    where = f", {_markdown_text(speaker.affiliation)}" if speaker.affiliation else ""
    label = f"{_markdown_text(speaker.label)}: " if speaker.label else ""
    return f"; {label}{who}{where}"


def _role_text(text: str) -> str:
    """Text inside a role: a backtick or ``<`` would end it or make it a target."""
    return text.replace("`", "'").replace("<", "‹").replace(">", "›")


def _markdown_text(text: str) -> str:
    """Plain text as Markdown: characters that would start markup are escaped."""
    return "".join(f"\\{c}" if c in "\\`*_[]<>{}" else c for c in text)


def _committees(facts: EditionFacts, out: io.StringIO) -> None:
    if not facts.committees:
        return
    out.write("## Organizers\n\n")
    for committee in facts.committees:
        out.write(f":::{{committee}} {committee.title}\n")
        for member in committee.members:
            line = member.name
            if member.affiliation:
                line += f", {member.affiliation}"
            if member.link:
                line += f", [{member.label or member.link}]({member.link})"
            out.write(f"- {line}\n")
        out.write(":::\n\n")


def _papers(facts: EditionFacts, out: io.StringIO) -> None:
    if not facts.papers:
        return
    out.write(f"## Accepted papers\n\n:::{{ws:papers}}\n:file: {facts.edition.id}/papers.csv\n"
              ":::\n\n")


def papers_csv(facts: EditionFacts) -> str:
    """The papers as CSV (id, title, authors, pdf, then slides, video and award when a paper has
    one): facts only, never an abstract."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    extra = [column for column in ("slides", "video", "award")
             if any(getattr(paper, column) for paper in facts.papers)]
    writer.writerow(["id", "title", "authors", "pdf", *extra])
    for paper in facts.papers:
        writer.writerow([paper.id, paper.title, paper.authors, paper.pdf,
                         *(getattr(paper, column) for column in extra)])
    return out.getvalue()
