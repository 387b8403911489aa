"""``committee``: a titled list of people, each with the affiliation they had at the time.

Read phase: records one :class:`~workshop_archive.records.Membership` per line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

from .. import anchors
from ..config import person_id
from ..diagnostics import Problem
from ..i18n import _
from ..nodes import card_heading
from ..records import Membership
from ..text import link_problem
from .base import WorkshopDirective, add_directive

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: a trailing Markdown link: ``[label](url)``
_LINK = re.compile(r"\s*,?\s*\[(?P<label>[^\]]+)\]\((?P<url>\S+?)\)\s*$")
#: a name written as a link: ``[Mimee Xu](https://...)``
_NAME_LINK = re.compile(r"^\[(?P<label>[^\]]+)\]\((?P<url>\S+?)\)$")
#: the first line of a directive (or code block) written inside a committee
_FENCE = re.compile(r"^(?P<fence>:{3,}|`{3,}|~{3,})")
#: ``temp_data`` key: the committee anchors of the page being read, with their lines
COMMITTEE_ANCHORS = "ws:committee-anchors"


def split_member(text: str) -> tuple[str, str, list[tuple[str, str]]]:
    """``Mimee Xu, NYU, [@MimeeXu](https://...)`` -> name, affiliation, [(label, url)]."""
    links = []
    # a link that starts the line is the name's own link, not a trailing one
    while (match := _LINK.search(text)) and match.start() > 0:
        links.insert(0, (match["label"].strip(), match["url"]))
        text = text[: match.start()]
    name, _, affiliation = text.partition(",")
    return name.strip(), affiliation.strip().rstrip(".,"), links


class CommitteeDirective(WorkshopDirective):
    """``:::{committee} <title>`` with one ``- Name, Affiliation, [label](url)`` line each."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        title = " ".join(self.arguments[0].split()) if self.arguments else ""
        if not title:
            self.warn("committee has no title; write it after the directive name, e.g. "
                      "':::{committee} Organizing Committee'", Problem.missing_field)
            title = _("Committee")
        self.check_text("title", title)
        edition = self.current_edition()
        if edition is None:
            self.warn("committee before any edition directive; put ':::{edition} <id>' at the "
                      "top of the page", Problem.misplaced)
        anchor = self.unique_anchor(title)
        box = nodes.container(classes=["ws-committee"], ids=[anchor])
        box += card_heading(title, title)
        members = nodes.bullet_list(classes=["ws-members"])
        seen: dict[str, int] = {}
        for lineno, text in self.member_lines():
            item = self.member(title, anchor, text, lineno, edition.id if edition else "", seen)
            if item is not None:
                members += item
        if not members.children:
            self.warn("committee has no members; write one '- Name, Affiliation' line each",
                      Problem.missing_field)
        box += members
        for node in box.findall(nodes.Element):
            if node.line is None:
                self.set_source_info(node)
        return [box]

    def member_lines(self) -> list[tuple[int, str]]:
        """The ``- `` lines, each with its source line; an indented line continues the line above.
        Any other line is warned about and left out: prose, or a directive nested in the
        committee (one warning at its first line)."""
        lines: list[tuple[int, str]] = []
        fence = ""
        for offset, line in enumerate(self.content):
            lineno = self.content_line(offset)
            stripped = line.strip()
            if fence:
                if stripped == fence:
                    fence = ""
                continue
            if not stripped:
                continue
            if stripped.startswith(("- ", "* ")) or stripped in {"-", "*"}:
                lines.append((lineno, stripped[2:].strip()))
            elif lines and line.startswith((" ", "\t")):
                lines[-1] = (lines[-1][0], f"{lines[-1][1]} {stripped}")
            elif opening := _FENCE.match(stripped):
                fence = opening["fence"]
                self.warn(f"{stripped!r} opens a directive inside the committee, which holds only "
                          "member lines; it is not shown: move it out of the committee",
                          Problem.misplaced, lineno)
            else:
                self.warn(f"line {stripped!r} is not a member; start each member line with '- ', "
                          "e.g. '- Ada Lovelace, Analytical Engines', or move the text out of the "
                          "committee", Problem.bad_value, lineno)
        return lines

    def anchor(self, title: str) -> str:
        edition = self.current_edition()
        return anchors.committee(edition.id if edition else "", title)

    def unique_anchor(self, title: str) -> str:
        """The committee's id; a second committee of the same title on the page is warned about
        and numbered, so that no two elements of the page share an id."""
        anchor = self.anchor(title)
        taken: dict[str, int] = self.env.temp_data.setdefault(COMMITTEE_ANCHORS, {})
        if anchor in taken:
            self.warn(f"committee {title!r} is already on line {taken[anchor]}; give each "
                      "committee its own title, or merge the two", Problem.duplicate)
            anchor = f"{anchor}-{self.lineno}"
        taken.setdefault(anchor, self.lineno)
        return anchor

    def member(self, committee: str, box_anchor: str, text: str, lineno: int, edition: str,
               seen: dict[str, int]) -> nodes.list_item | None:
        name, affiliation, links = split_member(text)
        name_url = ""
        if named := _NAME_LINK.match(name):
            name, name_url = named["label"].strip(), named["url"]
        if not name:
            self.warn(f"committee member {text!r} has no name; write 'Name, Affiliation'",
                      Problem.missing_field, lineno)
            return None
        self.check_text("name", name, lineno)
        self.check_text("affiliation", affiliation, lineno)
        for label, _url in links:
            self.check_text("link label", label, lineno)
        person = person_id(name, self.config)
        recorded = bool(person)
        if not person:
            # a name with no letters or digits makes no id: shown, but nobody's People entry
            self.warn(f"the name {name!r} gives no id; write the name in letters, e.g. "
                      "'- Ada Lovelace, Analytical Engines'", Problem.missing_field, lineno)
            person = f"member-{self.env.new_serialno('ws-member-id')}"
        elif person in seen:
            self.warn(f"{name} is listed twice in {committee} (first on line {seen[person]}); "
                      "keep one line", Problem.duplicate, lineno)
            return None
        seen[person] = lineno
        anchor = anchors.committee_member(box_anchor, person)
        if recorded and edition and not self.in_example():
            self.domain.note("members", Membership(edition, committee, person, name, affiliation,
                                                   self.env.docname, lineno, anchor))
        paragraph = nodes.paragraph()
        if name_url and (problem := link_problem(name_url)):
            self.warn(f"link {name_url!r} of {name} is not used: {problem}", Problem.bad_link,
                      lineno)
            name_url = ""
        shown = nodes.reference(name, name, refuri=name_url) if name_url else nodes.Text(name)
        paragraph += nodes.strong("", "", shown)
        if affiliation:
            paragraph += nodes.Text(f", {affiliation}")
        for label, url in links:
            if problem := link_problem(url):
                self.warn(f"link {url!r} of {name} is not used: {problem}", Problem.bad_link,
                          lineno)
                continue
            paragraph += nodes.Text(", ")
            paragraph += nodes.reference(
                "", "", nodes.Text(label), nodes.inline("", f" ({name})",
                                                        classes=["visually-hidden"]),
                refuri=url,
            )
        item = nodes.list_item("", paragraph, ids=[anchor])
        item.line = lineno
        return item


def setup(app: Sphinx) -> None:
    """Register ``ws:committee`` (and the bare ``committee``)."""
    add_directive(app, "committee", CommitteeDirective)
