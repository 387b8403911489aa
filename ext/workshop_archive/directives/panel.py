"""``ws:panel``: a panel (a moderator and panelists) or a talk given by several people, as one card.

Read phase: records one :class:`~workshop_archive.records.Talk` per person, all with the card's
anchor, so that each person's People entry lists the panel and the Talks page shows it once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from .. import anchors
from ..collect import untitled
from ..config import person_id
from ..diagnostics import Problem
from ..i18n import _
from ..nodes import card_heading, design_card
from ..records import Talk
from ..text import link_problem, slugify
from .base import WorkshopDirective
from .committee import split_member
from .speaker import SPEAKER_CLASS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: what starts the line of the panel's moderator
MODERATOR = "moderator:"


def badge(roles: dict[str, str], role: str) -> str:
    """The role's badge in the project's language (``Moderator``, ``Panelist``), without a
    ``{topic}`` part."""
    return _(roles.get(role) or role.capitalize()).split("{topic}")[0].rstrip(" :-–")


class PanelDirective(WorkshopDirective):
    """``:::{ws:panel} <title>`` with one ``- [Moderator:] Name, Affiliation`` line per person."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, object]] = dict.fromkeys(
        ("id", "role", "label"), directives.unchanged)

    def run(self) -> list[nodes.Node]:
        title = " ".join(self.arguments[0].split()) if self.arguments else ""
        self.check_text("title", title)
        roles = self.config.ws_roles
        role = self.field("role").lower() or "panel"
        if role not in roles:
            self.warn(f":role: {role!r} is not a role; write one of {', '.join(roles)}",
                      Problem.bad_value, self.option_line("role"))
            role = "panel"
        label = self.field("label") or (_("Panel") if role == "panel" else badge(roles, role))
        anchor = self.read_anchor(title)
        edition = self.current_edition()
        if edition is None:
            self.warn("panel before any edition directive; put ':::{edition} <id>' at the top of "
                      "the page so the panel belongs to an edition", Problem.misplaced)
        talks = self.read_people(edition.id if edition else "", role, label, title, anchor)
        if len(talks) < 2:
            self.warn("a panel or joint talk names at least two people; write one '- Name, "
                      "Affiliation' line each (the moderator's as '- Moderator: Name')",
                      Problem.missing_field)
        if edition is not None and not self.in_example():
            for talk in talks:
                self.domain.note("talks", talk)
        return [self.render(title, label, role, anchor, talks)]

    def read_anchor(self, title: str) -> str:
        given = self.field("id")
        anchor = slugify(given) if given else anchors.panel_card(title)
        if given and anchor != given:
            self.warn(f":id: {given!r} is not a slug; write {anchor!r}", Problem.bad_value,
                      self.option_line("id"))
        taken = [t for t in self.domain.data["talks"].get(self.env.docname, [])
                 if t.anchor == anchor]
        if taken:
            self.warn(f"id {anchor!r} is already used on line {taken[0].lineno}; give this panel "
                      "its own :id:", Problem.duplicate)
            anchor = f"{anchor}-{self.env.new_serialno('ws-duplicate')}"
        return anchor

    def read_people(self, edition: str, role: str, label: str, title: str,
                    anchor: str) -> list[Talk]:
        talks: list[Talk] = []
        #: the usable links of each person's line, by line
        self.links: dict[int, list[tuple[str, str]]] = {}
        seen: dict[str, int] = {}
        for offset, line in enumerate(self.content):
            lineno = self.content_line(offset)
            text = line.strip()
            if not text:
                continue
            if not text.startswith(("- ", "* ")):
                self.warn(f"line {text!r} is not a person of the panel; start it with '- ', "
                          "e.g. '- Ada Lovelace, Analytical Engines'", Problem.bad_value, lineno)
                continue
            text = text[2:].strip()
            moderator = text.lower().startswith(MODERATOR)
            if moderator:
                text = text[len(MODERATOR):].strip()
            name, affiliation, written_links = split_member(text)
            if not name:
                self.warn(f"the line {line.strip()!r} has no name; write '- Name, Affiliation'",
                          Problem.missing_field, lineno)
                continue
            self.check_text("name", name, lineno)
            self.check_text("affiliation", affiliation, lineno)
            links = []
            for link_label, url in written_links:
                if problem := link_problem(url):
                    self.warn(f"link {url!r} of {name} is not used: {problem}", Problem.bad_link,
                              lineno)
                else:
                    links.append((link_label, url))
            self.links[lineno] = links
            person = person_id(name, self.config)
            if person in seen:
                self.warn(f"{name} is listed twice (first on line {seen[person]}); keep one line",
                          Problem.duplicate, lineno)
                continue
            seen[person] = lineno
            person_role = "moderator" if moderator else role
            roles = self.config.ws_roles
            person_label = badge(roles, "moderator") if moderator else (
                badge(roles, "panel") if role == "panel" else label)
            talks.append(Talk(edition, person, name, person_role, person_label, affiliation,
                              title, self.env.docname, lineno, anchor))
        return talks

    def render(self, title: str, label: str, role: str, anchor: str,
               talks: list[Talk]) -> nodes.Element:
        card, body = design_card("sd-w-100", "sd-shadow-sm", SPEAKER_CLASS, "ws-panel",
                                 f"ws-role-{role}", ids=[anchor])
        shown = title or untitled(self.current_edition(), self.config).capitalize()
        body += card_heading(shown, shown)
        body += nodes.paragraph("", "", nodes.inline(label, label,
                                                      classes=["sd-badge", "ws-badge"]))
        people = nodes.bullet_list(classes=["ws-panel-people"])
        for talk in talks:
            paragraph = nodes.paragraph()
            if talk.role == "moderator":
                paragraph += nodes.Text(f"{talk.label}: ")
            name = nodes.strong(talk.name, talk.name)
            if self.in_example():  # an example's people are not in the archive: no link
                paragraph += name
            else:
                paragraph += addnodes.pending_xref(
                    "", name, refdomain="ws", reftype="person", reftarget=talk.person,
                    refexplicit=True, refdoc=self.env.docname)
            if talk.affiliation:
                paragraph += nodes.Text(f", {talk.affiliation}")
            for link_label, url in self.links[talk.lineno]:
                paragraph += nodes.Text(", ")
                paragraph += nodes.reference("", "", nodes.Text(link_label), nodes.inline(
                    "", f" ({talk.name})", classes=["visually-hidden"]), refuri=url)
            item = nodes.list_item("", paragraph)
            item.line = talk.lineno
            people += item
        body += people
        for node in card.findall(nodes.Element):
            if node.line is None:
                self.set_source_info(node)
        return card


def setup(app: Sphinx) -> None:
    """Register ``ws:panel``."""
    app.add_directive_to_domain("ws", "panel", PanelDirective)
