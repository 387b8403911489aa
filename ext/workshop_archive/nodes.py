"""Nodes of the extension.

All are replaced by standard nodes in transforms before a writer sees them, except
``card_heading`` in HTML: ``archive_index`` is the placeholder of a cross-edition index,
``papers_list`` holds a directive's papers until they are grouped, and
``card_heading`` is the name on a card, an HTML heading (screen readers navigate by headings) and
bold text in every other format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


#: the class of a paragraph that holds nothing but a calendar link (removed with it)
CALENDAR_CLASS = "ws-calendar"


class archive_index(nodes.General, nodes.Element):
    """Placeholder for a cross-edition index; attributes ``kind`` and ``docname``."""


class papers_list(nodes.General, nodes.Element):
    """The papers of one ``ws:papers`` or ``ws:paper`` directive, until the read transform
    ``GroupPapers`` groups a page's run of them; its children are the papers' list items, each
    with a ``presentation`` attribute."""


class card_heading(nodes.Part, nodes.TextElement):
    """The title of a card (a speaker's name): ``<h3>`` in HTML, bold text elsewhere."""


class calendar_link(nodes.Inline, nodes.Element):
    """Placeholder of an "Add to calendar" link; attributes ``kind`` (``edition``, ``talk`` or
    ``slot``), ``key`` (``<docname>:<edition id>``, the talk key, or ``<docname>:<line>`` of
    the row) and ``docname``.
    Replaced by a link to the calendar file in HTML, removed in other formats
    (exports.CalendarLinks)."""


class local_time(nodes.Inline, nodes.Element):
    """The empty place, beside a schedule row's time, where ``static/local-time.js`` writes the
    reader's own time; attributes ``start``, ``end`` (ISO 8601 with offset, ``end`` may be ''),
    ``zone`` (the edition's IANA timezone) and ``label`` (what follows the time: "your time").
    HTML only; nothing in other formats."""


def visit_local_time_html(self: HTML5Translator, node: local_time) -> None:
    data = {"data-start": node["start"], "data-zone": node["zone"],
            "data-label": node["label"]}
    if node["end"]:
        data["data-end"] = node["end"]
    self.body.append(self.starttag(node, "span", "", CLASS="ws-local", **data))


def depart_local_time_html(self: HTML5Translator, node: local_time) -> None:
    self.body.append("</span>")


def visit_card_heading_html(self: HTML5Translator, node: card_heading) -> None:
    self.body.append(self.starttag(node, "h3", CLASS="ws-card-title"))


def depart_card_heading_html(self: HTML5Translator, node: card_heading) -> None:
    self.body.append("</h3>\n")


def design_card(*classes: str, ids: list[str] | None = None) -> tuple[nodes.container,
                                                                      nodes.container]:
    """A sphinx-design card (``sd-card`` with an ``sd-card-body``), returned as (card, body).

    ``is_div`` makes sphinx-design's HTML visitor leave out the ``docutils container`` classes,
    as it does for its own cards: the theme's ``.docutils.container`` rule would otherwise unset
    the body's padding (pydata-sphinx-theme 0.24).
    """
    card = nodes.container(classes=["sd-card", "sd-sphinx-override", *classes], ids=ids or [],
                           is_div=True)
    body = nodes.container(classes=["sd-card-body"], is_div=True)
    card += body
    return card, body


def skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes with a visitor for every builder."""
    app.add_node(card_heading, html=(visit_card_heading_html, depart_card_heading_html))
    # Replaced before writing; skipping is the safe answer should one ever reach a writer.
    skipped = (skip, None)
    app.add_node(local_time, html=(visit_local_time_html, depart_local_time_html),
                 latex=skipped, text=skipped, man=skipped, texinfo=skipped)
    for node in (archive_index, papers_list, calendar_link):
        app.add_node(node, html=skipped, latex=skipped, text=skipped, man=skipped,
                     texinfo=skipped)
