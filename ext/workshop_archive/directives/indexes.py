"""``people-index``, ``talk-index`` and ``edition-index``: cross-edition pages.

Read phase: each leaves an :class:`~workshop_archive.nodes.archive_index` placeholder and notes the
page as a host, so it is written again whenever the facts it shows change (see domain.py). The
post-transform in transforms.py fills the placeholder once every page has been read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..nodes import archive_index
from ..records import IndexHost
from .base import WorkshopDirective, add_directive

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class IndexDirective(WorkshopDirective):
    """A placeholder for one kind of cross-edition index."""

    kind = ""

    def run(self) -> list[nodes.Node]:
        self.domain.note("hosts", IndexHost(self.kind, self.env.docname, self.lineno))
        placeholder = archive_index(kind=self.kind, docname=self.env.docname)
        self.set_source_info(placeholder)
        return [placeholder]


class PeopleIndexDirective(IndexDirective):
    """Everyone who spoke or served, A to Z, with each appearance."""

    kind = "people"


class TalkIndexDirective(IndexDirective):
    """Every talk, grouped by edition, newest first."""

    kind = "talks"


class EditionIndexDirective(IndexDirective):
    """A grid of cards, one per edition, newest first."""

    kind = "editions"


class PaperIndexDirective(IndexDirective):
    """Every accepted paper, by edition, newest first."""

    kind = "papers"


#: the script of the People page's filter box (static/)
PEOPLE_FILTER = "people-filter.js"


def add_people_filter(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                      doctree: nodes.document | None) -> None:
    """``html-page-context``: the filter script, deferred, on the pages that show People."""
    domain = app.env.get_domain("ws")
    if any(host.kind == "people" and host.docname == pagename
           for host in domain.hosts):  # type: ignore[attr-defined]
        app.add_js_file(PEOPLE_FILTER, loading_method="defer")


def setup(app: Sphinx) -> None:
    """Register ``ws:people-index``, ``ws:talk-index`` and ``ws:edition-index`` (and the bare
    names), and ``ws:paper-index``."""
    add_directive(app, "people-index", PeopleIndexDirective)
    add_directive(app, "talk-index", TalkIndexDirective)
    add_directive(app, "edition-index", EditionIndexDirective)
    app.add_directive_to_domain("ws", "paper-index", PaperIndexDirective)
    app.connect("html-page-context", add_people_filter)
