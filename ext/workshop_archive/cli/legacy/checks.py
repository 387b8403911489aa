"""Faults that show across the facts of an edition: commented-out content, mojibake, duplicates,
and names that look like a known person's misspelling (the extension's similar-names rule)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...collect import similar_pairs
from ...text import slugify
from .page import anchor_target, parse_html

if TYPE_CHECKING:
    from .facts import EditionFacts
    from .page import LegacyPage

#: UTF-8 read as Windows-1252 or Latin-1: ``â€™`` for ``’``, ``Ã©`` for ``é``
MOJIBAKE = ("â€", "Ã", "Â ", "Â\u00a0", "ï»¿", "\ufffd")


def report_comments(page: LegacyPage, facts: EditionFacts) -> None:
    """Every ``<!-- -->`` block: not published, so not content, but worth a line in the notes."""
    for comment in page.tree.comments():
        # "<!--h2>Title</h2>...-->" comments out a start tag by eating its "<": give it back
        data = comment.data
        if data[:1].isalpha() and data.split(">", 1)[0].isalnum():
            data = "<" + data
        text = parse_html(data).text()
        if not text:
            continue
        lines = comment.data.count("\n") + 1
        shown = text if len(text) <= 60 else text[:57] + "..."
        facts.fault(page.where(comment.line), "commented-out",
                    f"{lines} line{'s' if lines > 1 else ''} inside <!-- --> not imported: "
                    f"{shown!r}")


def mojibake(text: str) -> str | None:
    """The first mojibake sequence in ``text``, or None."""
    return next((bad for bad in MOJIBAKE if bad in text), None)


def check_facts(facts: EditionFacts, people: dict[str, dict]) -> None:
    """The checks that need every fact of the edition."""
    named: list[tuple[str, str]] = [(s.name, s.source) for s in facts.speakers]
    named += [(m.name, m.source) for c in facts.committees for m in c.members]
    texts: list[tuple[str, str]] = [*named, *((s.talk, s.source) for s in facts.speakers)]
    texts += [(r.text, r.source) for r in facts.rows]
    texts += [(m.affiliation, m.source) for c in facts.committees for m in c.members]
    texts += [(p.title, p.source) for p in facts.papers]
    texts += [(p.authors, p.source) for p in facts.papers]
    texts += [(r.title, r.source) for r in facts.references]
    for text, where in texts:
        bad = mojibake(text)
        if bad:
            facts.fault(where, "mojibake", f"{text!r} holds {bad!r}, UTF-8 text decoded with "
                        "the wrong encoding; write the character it stands for")
    for speaker in facts.speakers:
        if not speaker.role and not speaker.label:
            facts.fault(speaker.source, "unmapped", f"{speaker.name} has no badge on the old "
                        "pages: choose a :role: by hand")
    _duplicates(facts)
    _similar_names(facts, named, people)


def _duplicates(facts: EditionFacts) -> None:
    for committee in facts.committees:
        seen: set[str] = set()
        members = []
        for member in committee.members:
            slug = slugify(member.name)
            if slug in seen:
                facts.fault(member.source, "duplicate",
                            f"{member.name!r} is listed twice in {committee.title!r}; imported "
                            "once")
                continue
            seen.add(slug)
            members.append(member)
        committee.members = members
    ids: dict[str, str] = {}
    titles: dict[str, str] = {}
    kept = []
    for paper in facts.papers:
        if not paper.id or not paper.title:
            facts.fault(paper.source, "unmapped", "a paper without an id or a title; not imported")
            continue
        if paper.id in ids:
            facts.fault(paper.source, "duplicate", f"paper id {paper.id!r} is also the id at "
                        f"{ids[paper.id]}; not imported twice")
            continue
        if not paper.authors:
            facts.fault(paper.source, "unmapped", f"paper {paper.id} ({paper.title!r}) has no "
                        "authors; write them by hand, or mark the paper withdrawn")
        title = " ".join(paper.title.casefold().split())
        if title in titles:
            facts.fault(paper.source, "duplicate", f"paper {paper.title!r} is also listed at "
                        f"{titles[title]}")
        ids[paper.id] = paper.source
        titles.setdefault(title, paper.source)
        kept.append(paper)
    facts.papers = kept


def _similar_names(facts: EditionFacts, named: list[tuple[str, str]],
                   people: dict[str, dict]) -> None:
    """A name whose id differs from a known person's (or another name's on these pages) but looks
    alike, unless the people file declares it an alias or declares them distinct."""
    aliases = {slugify(a): pid for pid, entry in people.items() for a in entry.get("aliases", [])}
    names: dict[str, str] = {pid: entry.get("name") or pid.replace("-", " ")
                             for pid, entry in people.items()}
    where: dict[str, str] = {}
    for name, source in named:
        pid = aliases.get(slugify(name), slugify(name))
        if pid not in names:
            names[pid] = name
            where[pid] = source
    for one, other in similar_pairs(names):
        if one not in where and other not in where:
            continue
        if other in people.get(one, {}).get("distinct", []) or one in people.get(other, {}).get(
                "distinct", []):
            continue
        new, known = (one, other) if one in where else (other, one)
        facts.fault(where[new], "similar-name",
                    f"{names[new]!r} looks like {names[known]!r} ({known}); if one person, add "
                    f"the spelling to aliases under [{known}] in the people file; if not, add "
                    f"distinct = ['{new}'] there")


def check_anchors(pages: list[LegacyPage], facts: EditionFacts) -> None:
    """A link to an anchor that no page of the edition has (``#ed_chi_talk``) is dangling."""
    names = {page.name for page in pages}
    ids: dict[str, int] = {}
    for page in pages:
        twice: list[tuple[int, str]] = []
        for element in page.tree.iter():
            if element.attrs.get("id"):
                anchor = f"{page.name}#{element.attrs['id']}"
                if anchor in ids:
                    twice.append((element.line, element.attrs["id"]))
                ids.setdefault(anchor, element.line)
        if 0 < len(twice) <= 3:
            for line, name in twice:
                facts.fault(page.where(line), "duplicate", f"id {name!r} is also the id of the "
                            f"element at {page.where(ids[page.name + '#' + name])}: links to it "
                            "reach the first")
        elif twice:
            facts.fault(page.where(twice[0][0]), "duplicate", f"{len(twice)} ids are used twice "
                        f"on this page, from {twice[0][1]!r} to {twice[-1][1]!r} (line "
                        f"{twice[-1][0]}): a copy of content shown earlier")
    for page in pages:
        for link in page.tree.find_all("a"):
            target = anchor_target(link.attrs.get("href", ""), page)
            if target and target.partition("#")[0] in names and target not in ids:
                facts.fault(page.where(link.line), "dangling-anchor",
                            f"link {link.attrs['href']!r} ({link.text()!r}) leads to no element "
                            f"of {target.partition('#')[0]}")
