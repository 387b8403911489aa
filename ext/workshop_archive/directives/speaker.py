"""``speaker`` and ``abstract``: a speaker card, recorded as a talk of the page's edition.

Read phase: renders a sphinx-design card (classes ``sd-card``/``sd-card-body``) and records a
:class:`~workshop_archive.records.Talk`. Consecutive cards are gathered into a responsive grid by
:class:`~workshop_archive.transforms.GroupSpeakerCards`.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from .. import anchors
from ..collect import talk_material, untitled
from ..config import person_id
from ..diagnostics import Problem
from ..i18n import _
from ..nodes import CALENDAR_CLASS, calendar_link, card_heading, design_card
from ..photos import photo_node, photo_problem
from ..records import Talk
from ..text import initials, slugify
from .base import WorkshopDirective, add_directive

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from sphinx.application import Sphinx

SPEAKER_CLASS = "ws-speaker"
#: the talk's material: option -> the link's visible text, in the order they are shown
MATERIAL = {"slides": "Slides", "video": "Video"}


def initials_avatar(name: str) -> str:
    """A data: URI of an SVG disc with the name's initials; its colour is derived from the name,
    so every build draws the same picture and no request leaves the page."""
    hue = int(hashlib.sha256(name.encode()).hexdigest()[:4], 16) % 360
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96">'
        f'<rect width="96" height="96" rx="48" fill="hsl({hue},45%,32%)"/>'
        '<text x="48" y="50" dominant-baseline="middle" text-anchor="middle" '
        'font-family="sans-serif" font-size="38" font-weight="600" fill="#fff">'
        f"{initials(name)}</text></svg>"
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


class AbstractDirective(WorkshopDirective):
    """``:::{abstract}`` inside a speaker card: the talk's abstract, shown after the bio."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        box = nodes.container(classes=["ws-abstract"])
        box += nodes.rubric(_("Abstract"), _("Abstract"))
        box += self.make_safe(self.parse_content_to_nodes())
        self.set_source_info(box)
        return [box]


class SpeakerDirective(WorkshopDirective):
    """``:::{speaker} <name>`` with the talk as options and the bio as body."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, object]] = dict.fromkeys(
        ("id", "affiliation", "role", "topic", "label", "talk", "paper", "photo", *MATERIAL),
        directives.unchanged,
    )

    def configured_options(self) -> Collection[str]:
        """The link options, ``ws_links``: ``:homepage:``, ``:orcid:``..."""
        return self.config.ws_links

    def run(self) -> list[nodes.Node]:
        name = " ".join(self.arguments[0].split()) if self.arguments else ""
        if not name:
            self.warn("speaker has no name; write it after the directive name, e.g. "
                      "':::{speaker} Ada Lovelace'", Problem.missing_field)
            name = _("Unnamed speaker")
        else:
            self.check_text("name", name)
        role, label = self.read_role()
        person = self.read_id(name)
        anchor = self.unique_anchor(person)
        edition = self.current_edition()
        talk = Talk(
            edition=edition.id if edition else "",
            person=person,
            name=name,
            role=role,
            label=label,
            affiliation=self.field("affiliation"),
            title=self.field("talk"),
            docname=self.env.docname,
            lineno=self.lineno,
            anchor=anchor,
            paper=self.paper_key(edition.id if edition else ""),
            slides=self.link_field("slides", web=True),
            video=self.link_field("video", web=True),
        )
        if edition is None:
            self.warn("speaker card before any edition directive; put ':::{edition} <id>' at the "
                      "top of the page so the talk belongs to an edition", Problem.misplaced)
        elif anchor == person and not self.in_example():
            self.domain.note("talks", talk)
        return [self.render(talk)]

    def paper_key(self, edition: str) -> str:
        """``:paper: 37`` -> ``<edition>/37``, the paper the talk presented."""
        paper = self.field("paper")
        return paper if not paper or "/" in paper else f"{edition}/{paper}"

    def read_role(self) -> tuple[str, str]:
        """The role (one of ``ws_roles``, '' when unknown) and the badge: ``:label:`` as
        published, else the role's badge with ``:topic:`` in place of ``{topic}`` (without a
        topic, the words before it: 'Special Topic')."""
        roles = self.config.ws_roles
        role = self.field("role").lower()
        label = self.field("label")
        topic = self.field("topic")
        if role and role not in roles:
            self.warn(f":role: {role!r} is not a role; write one of {', '.join(roles)} "
                      "(and :label: for the badge text as published)", Problem.bad_value,
                      self.option_line("role"))
            role = ""
        badge = roles.get(role, "")
        if "{topic}" in badge and not topic and not label:
            self.warn(f":role: {role} needs :topic:; add one, e.g. ':topic: MARL'",
                      Problem.missing_field, self.option_line("role"))
        if not label and badge:
            badge = _(badge)
            label = (badge.replace("{topic}", topic) if topic
                     else badge.split("{topic}")[0].rstrip(" :-–"))
        return role, label

    def read_id(self, name: str) -> str:
        given = self.field("id")
        from_name = person_id(name, self.config)
        if given and slugify(given) != given:
            written = slugify(given) or from_name or "jane-doe"
            self.warn(f":id: {given!r} is not a slug; write {written!r}",
                      Problem.bad_value, self.option_line("id"))
            given = slugify(given)
        if given or from_name:
            return given or from_name
        # a name with no letters or digits ("😀") makes no id, and an HTML id may not be empty
        if "id" not in self.options:
            self.warn(f"the name {name!r} gives no id; write one, e.g. ':id: jane-doe'",
                      Problem.missing_field)
        return f"speaker-{self.env.new_serialno('ws-speaker-id')}"

    def unique_anchor(self, person: str) -> str:
        """The card's id: the person's id, or a numbered one after a duplicate (warned)."""
        taken = [t for t in self.domain.data["talks"].get(self.env.docname, [])
                 if t.person == person]
        if not taken:
            return anchors.speaker_card(person)
        self.warn(f"speaker id {person!r} is already used on line {taken[0].lineno}; give this "
                  "card its own :id:", Problem.duplicate)
        return f"{person}-{self.env.new_serialno('ws-duplicate')}"

    def render(self, talk: Talk) -> nodes.Element:
        card, body = design_card("sd-w-100", "sd-shadow-sm", SPEAKER_CLASS,
                                 f"ws-role-{talk.role or 'other'}", ids=[talk.anchor])
        head = nodes.container(classes=["ws-speaker-head"])
        head += self.picture(talk.name)
        who = nodes.container(classes=["ws-speaker-who"])
        who += card_heading(talk.name, talk.name)
        if talk.label:
            who += nodes.paragraph("", "", nodes.inline(
                talk.label, talk.label, classes=["sd-badge", "ws-badge"]))
        if talk.affiliation:
            who += nodes.paragraph(talk.affiliation, talk.affiliation,
                                   classes=["ws-affiliation"])
        head += who
        body += head
        if talk.title:
            body += nodes.paragraph("", "", nodes.emphasis(talk.title, talk.title),
                                    classes=["ws-talk-title"])
        elif not talk.paper:  # a contributed talk without a title of its own is its paper
            shown = _("Talk {title}").format(title=untitled(self.current_edition(), self.config))
            body += nodes.paragraph(shown, shown, classes=["ws-talk-title", "ws-tba"])
        if material := link_list(material_links(talk_material(talk)), talk_by(talk.name),
                                 "ws-talk-material"):
            body += material
        body += nodes.paragraph("", "", calendar_link(kind="talk", key=talk.key,
                                                      docname=self.env.docname),
                                classes=[CALENDAR_CLASS])
        content = self.make_safe(self.parse_content_to_nodes())
        abstracts = [n for n in content
                     if isinstance(n, nodes.Element) and "ws-abstract" in n["classes"]]
        body += [n for n in content if n not in abstracts]
        body += abstracts
        if talk.paper:
            paragraph = nodes.paragraph(classes=["ws-talk-paper"])
            paragraph += nodes.Text(_("Paper") + ": ")
            if self.in_example():  # an example's papers are not in the archive: no link
                paragraph += nodes.Text(talk.paper)
            else:
                paragraph += addnodes.pending_xref(
                    "", nodes.inline(talk.paper, talk.paper), refdomain="ws", reftype="paper",
                    reftarget=talk.paper, refexplicit=False, refwarn=True,
                    refdoc=self.env.docname)
                paragraph[-1].source = self.get_source_info()[0]
                paragraph[-1].line = self.option_line("paper")
            body += paragraph
        if links := self.links(talk.name):
            body += links
        for node in card.findall(nodes.Element):
            if node.line is None:
                self.set_source_info(node)
        return card

    def picture(self, name: str) -> nodes.Element:
        if photo := self.field("photo"):
            source, path = self.env.relfn2path(photo, self.env.docname)
            if found := self.photo_problem(photo, Path(path)):
                message, problem = found
                self.warn(f":photo: {message}", problem, self.option_line("photo"))
            else:
                node = photo_node(source, alt=name)
                node.source, node.line = self.get_source_info()[0], self.option_line("photo")
                return node
        # no-scaled-link: Sphinx would wrap a sized image in a link to itself, a data: URI here
        return nodes.image(uri=initials_avatar(name), alt=f"{name} (initials)",
                           classes=["ws-avatar", "no-scaled-link"], width="64", height="64")

    def photo_problem(self, photo: str, path: Path) -> tuple[str, Problem] | None:
        """Why the ``:photo:`` file cannot be shown, and the kind of problem; None when it can."""
        srcdir = os.path.normpath(self.env.srcdir)
        if os.path.commonpath([srcdir, os.path.normpath(path)]) != srcdir:
            return (f"file {photo!r} is outside the project ({os.path.normpath(path)}); put the "
                    "photo beside the page, e.g. in photos/", Problem.bad_photo)
        # a dependency even while missing: Sphinx reads the page again until the file exists
        self.env.note_dependency(path)
        if not path.is_file():
            return (f"file {photo!r} does not exist (looked for {path}); add the file or remove "
                    "the option to show initials", Problem.missing_photo)
        if problem := photo_problem(path):
            return f"file {photo!r} is not used: {problem}", Problem.bad_photo
        return None

    def links(self, name: str) -> nodes.paragraph | None:
        """The speaker's pages (``ws_links``); screen readers hear "Homepage of *name*"."""
        found = [(_(text), url) for option, text in self.config.ws_links.items()
                 if (url := self.link_field(option))]
        return link_list(found, " " + _("of {name}").format(name=name), "ws-links")


def material_links(material: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(visible text, url) of a talk's material, (kind, url) pairs as
    :func:`~workshop_archive.collect.talk_material` gives them, in :data:`MATERIAL`'s order."""
    urls = dict(material)
    return [(_(text), urls[kind]) for kind, text in MATERIAL.items() if urls.get(kind)]


def talk_by(name: str) -> str:
    """What screen readers hear after "Slides": " of the talk by *name*"."""
    return " " + _("of the talk by {name}").format(name=name)


def links(found: list[tuple[str, str]], hidden: str) -> list[nodes.Node]:
    """Links ``text · text``, each followed by ``hidden`` for screen readers only."""
    result: list[nodes.Node] = []
    for index, (text, url) in enumerate(found):
        if index:
            result.append(nodes.Text(" · "))
        result.append(nodes.reference("", "", nodes.Text(text), nodes.inline(
            "", hidden, classes=["visually-hidden"]), refuri=url))
    return result


def link_list(found: list[tuple[str, str]], hidden: str, kind: str) -> nodes.paragraph | None:
    """A paragraph of :func:`links` (None when there are none)."""
    if not found:
        return None
    return nodes.paragraph("", "", *links(found, hidden), classes=[kind])


def setup(app: Sphinx) -> None:
    """Register ``ws:speaker`` and ``ws:abstract`` (and the bare names)."""
    add_directive(app, "speaker", SpeakerDirective)
    add_directive(app, "abstract", AbstractDirective)
