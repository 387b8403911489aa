"""Transforms: gather speaker cards into grids (read), fill the index pages and adapt the
HTML-only parts for other formats (write).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from . import anchors, collect
from .directives.speaker import SPEAKER_CLASS, links, material_links, talk_by
from .i18n import _
from .nodes import archive_index, card_heading, design_card

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .domain import WorkshopDomain
    from .records import Edition

#: sphinx-design's documented grid classes: one column on a phone, two from a tablet up
GRID_CLASSES = ["sd-row", "sd-row-cols-1", "sd-row-cols-md-2", "sd-g-3"]


def grid_column(card: nodes.Element) -> nodes.container:
    """A column of a sphinx-design grid holding one card."""
    return nodes.container("", card, classes=["sd-col", "sd-d-flex-row"], is_div=True)


def grid(items: list[nodes.Element], row_classes: list[str]) -> nodes.container:
    """Wrap cards in sphinx-design grid containers.

    ``is_div`` makes sphinx-design's HTML visitor leave out the ``container`` class, as it does for
    its own grids: the theme's ``.docutils.container {width: unset}`` would otherwise let a column
    grow to the width of its longest line (seen at 375 px with pydata-sphinx-theme 0.16+).
    """
    outer = nodes.container(classes=["sd-container-fluid", "sd-sphinx-override", "sd-mb-4",
                                     "ws-grid"], is_div=True)
    row = nodes.container(classes=row_classes, is_div=True)
    for item in items:
        row += grid_column(item)
    outer += row
    return outer


class GroupSpeakerCards(SphinxTransform):
    """Put each run of consecutive speaker cards into one responsive grid."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        for parent in list(self.document.findall(nodes.Element)):
            runs: list[list[nodes.Element]] = []
            previous_was_card = False
            for child in parent.children:
                is_card = isinstance(child, nodes.container) and SPEAKER_CLASS in child["classes"]
                if is_card and previous_was_card:
                    runs[-1].append(child)
                elif is_card:
                    runs.append([child])
                previous_was_card = is_card
            for run in runs:
                wrapper = grid([], GRID_CLASSES)
                parent.replace(run[0], wrapper)
                for card in run[1:]:
                    parent.remove(card)
                wrapper[0].extend(grid_column(card) for card in run)


class FillIndexes:
    """``doctree-resolved``: replace each ``archive_index`` placeholder of a page about to be
    written with the index built from every page's facts.

    The index links are made here, as Sphinx's own ``todolist`` makes its links: to a page and
    an anchor the index already knows, relative to the page that shows them, by the builder
    that writes it (``app.builder``: a post-transform has no public way to it in Sphinx 9).
    Outside HTML the index's card headings become plain text as :class:`PlainOutsideHtml`
    makes them on the other parts of a page, which it has done by now.
    """

    def __init__(self, app: Sphinx, doctree: nodes.document, docname: str) -> None:
        self.builder = app.builder
        self.env = app.env
        self.config = app.config
        for placeholder in list(doctree.findall(archive_index)):
            build = getattr(self, f"build_{placeholder['kind']}")
            index = build(placeholder["docname"])
            if self.builder.format in PlainOutsideHtml.formats:
                for node in index:
                    plain(node)
            placeholder.replace_self(index)

    def link(self, fromdoc: str, todoc: str, anchor: str, content: nodes.Node) -> nodes.Node:
        """A link from an index page to an anchor of a page; the text alone where the builder
        has no address for the page (a LaTeX document that leaves the page out)."""
        try:
            return make_refnode(self.builder, fromdoc, todoc, anchor, content)
        except NoUri:
            return content

    @property
    def domain(self) -> WorkshopDomain:
        return self.env.get_domain("ws")  # type: ignore[return-value]

    def build_people(self, docname: str) -> list[nodes.Node]:
        editions = self.domain.editions_by_id
        people = self.domain.people.values()
        by_letter: dict[str, list[collect.Person]] = defaultdict(list)
        for person in people:
            by_letter[person.letter].append(person)
        letters = sorted(by_letter, key=lambda letter: (letter == "#", letter))  # "#" last
        # the label of the filter box that static/people-filter.js adds (hidden without it)
        label = _("Filter people by name")
        bar = nodes.paragraph(classes=["ws-letter-bar"])
        result_head: list[nodes.Node] = [
            nodes.paragraph(label, label, classes=["ws-people-filter-label"])]
        for letter in letters:
            bar += nodes.reference(letter, letter, refid=anchors.letter(letter))
            bar += nodes.Text(" ")
        result: list[nodes.Node] = [*result_head, bar]
        for letter in letters:
            section = nodes.section(ids=[anchors.letter(letter)], classes=["ws-letter"])
            section += nodes.title(letter, letter)
            for person in by_letter[letter]:
                section += self.person_entry(docname, person, editions)
            result.append(section)
        return result

    def person_entry(self, docname: str, person: collect.Person,
                     editions: dict[str, Edition]) -> nodes.Element:
        entry = nodes.container(ids=[anchors.person(person.id)], classes=["ws-person"])
        entry += card_heading(person.name, person.name)
        if person.aliases:
            also = _("Also written {names}").format(names=", ".join(person.aliases))
            entry += nodes.paragraph(also, also, classes=["ws-aliases"])
        appearances = nodes.bullet_list(classes=["ws-appearances"])
        for appearance in person.appearances:
            edition = editions.get(appearance.edition)
            where = edition.conference if edition and edition.conference else (
                collect.edition_title(self.env, edition) if edition else appearance.edition)
            paragraph = nodes.paragraph()
            if appearance.kind == "paper":
                # One short link to the paper's entry, where its title and authors are: the
                # titles repeated under each of ~900 authors were a third of the page.
                shown = _("{edition} paper").format(edition=where)
                link = self.link(docname, appearance.docname, appearance.anchor,
                                 nodes.inline(shown, shown))
                link["classes"].append("ws-paper-link")
                paragraph += link
                appearances += nodes.list_item("", paragraph)
                continue
            paragraph += self.link(docname, appearance.docname, "", nodes.inline(where, where))
            paragraph += nodes.Text(": ")
            # The link goes to the card or the committee list, through its most telling words.
            if appearance.kind == "talk":
                paper = self.domain.papers_by_key.get(appearance.paper)
                shown = appearance.title or (collect.paper_title(paper) if paper else
                                             collect.untitled(edition, self.config))
                if appearance.role:
                    paragraph += nodes.Text(f"{appearance.role}, ")
                paragraph += self.link(docname, appearance.docname, appearance.anchor,
                                       nodes.emphasis(shown, shown))
            else:
                paragraph += self.link(docname, appearance.docname, appearance.anchor,
                                       nodes.inline(appearance.role, appearance.role))
            if appearance.affiliation:
                paragraph += nodes.Text(f" ({appearance.affiliation})")
            paragraph += material(appearance.material, talk_by(person.name))
            appearances += nodes.list_item("", paragraph)
        entry += appearances
        return entry

    def build_talks(self, docname: str) -> list[nodes.Node]:
        order = collect.edition_order(self.domain.editions)
        editions = self.domain.editions_by_id
        by_edition: dict[str, list[Any]] = defaultdict(list)
        for talk in self.domain.talks:
            by_edition[talk.edition].append(talk)
        contributed = collect.contributed_papers(
            self.domain.papers, self.domain.facts("contributions"), self.domain.talks)
        for paper in contributed:
            by_edition.setdefault(paper.edition, [])
        result: list[nodes.Node] = []
        for edition_id in sorted(by_edition, key=lambda e: (order.get(e, len(order)), e)):
            edition = editions.get(edition_id)
            title = collect.edition_title(self.env, edition) if edition else edition_id
            section = nodes.section(ids=[anchors.talks_of(edition_id)])
            section += nodes.title(title, title)
            talks = nodes.bullet_list(classes=["ws-talks"])
            # one entry per card: a panel's people share its anchor
            items: dict[tuple[str, str], list[Any]] = defaultdict(list)
            for talk in sorted(by_edition[edition_id], key=lambda t: (t.docname, t.lineno)):
                items[talk.docname, talk.anchor].append(talk)
            for people in items.values():
                talks += nodes.list_item("", self.talk_entry(docname, people, edition))
            for paper in contributed:
                if paper.edition == edition_id:
                    talks += nodes.list_item("", self.paper_entry(docname, paper))
            section += talks
            result.append(section)
        return result

    def talk_entry(self, docname: str, people: list[Any], edition: Edition | None) -> nodes.Node:
        """``Title — Name (Label)``; for a panel ``Title — Moderator: X; A, B (Panel)``."""
        first = people[0]
        paragraph = nodes.paragraph()
        paper = self.domain.papers_by_key.get(first.paper)
        shown = first.title or (collect.paper_title(paper) if paper else
                                _("Talk {title}").format(
                                    title=collect.untitled(edition, self.config)))
        paragraph += self.link(docname, first.docname, first.anchor, nodes.emphasis(shown, shown))

        def name(talk: Any) -> str:
            return collect.display_name(talk.person, [talk.name], self.config)

        moderators = [name(t) for t in people if t.role == "moderator"]
        others = ", ".join(name(t) for t in people if t.role != "moderator")
        moderator = next((t.label for t in people if t.role == "moderator"), "")
        names = "; ".join([*(f"{moderator}: {m}" for m in moderators), *([others] if others
                                                                          else [])])
        paragraph += nodes.Text(f" — {names}")
        label = _("Panel") if len(people) > 1 and first.role in ("panel", "moderator") else (
            first.label)
        if label:
            paragraph += nodes.Text(f" ({label})")
        paragraph += material(collect.talk_material(first, self.domain.papers_by_key),
                              talk_by(names))
        return paragraph

    def paper_entry(self, docname: str, paper: Any) -> nodes.Node:
        """A contributed talk that is a paper: ``Title — Authors (Contributed Talk)``."""
        paragraph = nodes.paragraph()
        shown = collect.paper_title(paper)
        paragraph += self.link(docname, paper.docname, paper.anchor, nodes.emphasis(shown, shown))
        if paper.authors:
            paragraph += nodes.Text(f" — {', '.join(paper.authors)}")
        contributed = _(self.config.ws_roles.get("contributed", "Contributed Talk"))
        paragraph += nodes.Text(f" ({contributed})")
        paragraph += material(collect.paper_material(paper),
                              talk_by(", ".join(paper.authors)) if paper.authors else "")
        return paragraph

    def build_papers(self, docname: str) -> list[nodes.Node]:
        """Every paper, by edition (newest first), in the order of its list."""
        order = collect.edition_order(self.domain.editions)
        editions = self.domain.editions_by_id
        by_edition: dict[str, list[Any]] = defaultdict(list)
        for paper in self.domain.papers_by_key.values():
            by_edition[paper.edition].append(paper)
        result: list[nodes.Node] = []
        for edition_id in sorted(by_edition, key=lambda e: (order.get(e, len(order)), e)):
            edition = editions.get(edition_id)
            title = collect.edition_title(self.env, edition) if edition else edition_id
            section = nodes.section(ids=[f"papers-{edition_id}"])
            section += nodes.title(title, title)
            papers = nodes.bullet_list(classes=["ws-paper-index"])
            for paper in by_edition[edition_id]:
                paragraph = nodes.paragraph()
                shown = collect.paper_title(paper)
                paragraph += self.link(docname, paper.docname, paper.anchor,
                                       nodes.emphasis(shown, shown))
                if paper.authors:
                    paragraph += nodes.Text(f" — {', '.join(paper.authors)}")
                if paper.withdrawn:
                    paragraph += nodes.Text(f" ({_('Withdrawn')})")
                papers += nodes.list_item("", paragraph)
            section += papers
            result.append(section)
        return result

    def build_editions(self, docname: str) -> list[nodes.Node]:
        order = collect.edition_order(self.domain.editions)
        keynotes: dict[str, list[str]] = defaultdict(list)
        for talk in self.domain.talks:
            if talk.role == "keynote":
                keynotes[talk.edition].append(
                    collect.display_name(talk.person, [talk.name], self.config))
        cards = []
        for edition in sorted(self.domain.editions, key=lambda e: order[e.id]):
            title = collect.edition_title(self.env, edition)
            card, body = design_card("sd-w-100", "sd-shadow-sm", "ws-edition-card")
            body += card_heading("", "", self.link(docname, edition.docname, "",
                                                   nodes.inline(title, title)))
            if edition.year:
                year = nodes.inline(edition.year, edition.year,
                                    classes=["sd-badge", "ws-badge", "ws-edition-year"])
                body += nodes.paragraph("", "", year)
            when_where = " · ".join(
                p for p in (edition.conference, collect.edition_dates(edition, self.config),
                            edition.city, _("Virtual") if edition.virtual else "") if p)
            body += nodes.paragraph(when_where, when_where, classes=["ws-edition-when"])
            if keynotes[edition.id]:
                names = _("Keynote: {names}").format(names=", ".join(keynotes[edition.id]))
                body += nodes.paragraph(names, names, classes=["ws-edition-keynotes"])
            cards.append(card)
        return [grid(cards, ["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2", "sd-row-cols-lg-3",
                             "sd-g-3"])]


def material(found: tuple[tuple[str, str], ...], hidden: str) -> list[nodes.Node]:
    """A talk's slides and recording at the end of its line on an index page,
    `` · Slides · Video`` (nothing when it has none)."""
    shown = links(material_links(found), hidden)
    if not shown:
        return []
    return [nodes.Text(" · "), nodes.inline("", "", *shown, classes=["ws-talk-material"])]


class PlainOutsideHtml(SphinxPostTransform):
    """Outside HTML, card headings become bold paragraphs and initials avatars are dropped
    (they are drawings of the name, which the card already shows as text)."""

    # before the image post-transforms (100 and up) would extract the data: URIs to files
    default_priority = 90
    formats = ("latex", "text", "texinfo", "man", "xml", "pseudoxml")

    def run(self, **kwargs: Any) -> None:
        plain(self.document)


def plain(tree: nodes.Node) -> None:
    """Card headings in ``tree`` as bold paragraphs, initials avatars left out."""
    for heading in list(tree.findall(card_heading)):
        heading.replace_self(nodes.paragraph("", "", nodes.strong("", "", *heading.children)))
    for image in list(tree.findall(nodes.image)):
        if "ws-avatar" in image["classes"]:
            image.parent.remove(image)


def setup(app: Sphinx) -> None:
    """The transforms: speaker cards into grids, index pages filled, plain output elsewhere."""
    app.add_transform(GroupSpeakerCards)
    app.connect("doctree-resolved", FillIndexes)
    app.add_post_transform(PlainOutsideHtml)
