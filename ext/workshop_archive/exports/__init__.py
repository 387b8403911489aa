"""Outputs that are not pages, written from the domain's facts (write phase): the calendars,
``archive.json`` with its schema, structured data in each page's head, the sitemap and robots.txt,
and pages at the addresses of an older site that lead on to their new place.

HTML builders only (html, dirhtml, singlehtml; not epub, whose book holds pages only): the files are
written once per build, at ``build-finished``, and each "Add to calendar" placeholder becomes a
link to its file. In every other format the placeholders are removed.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from ..collect import edition_title
from ..i18n import _
from ..nodes import CALENDAR_CLASS, calendar_link, local_time
from .archive_json import write_archive_json
from .events import Event, events, summary
from .head import page_head, write_search_engine_files, writes_exports
from .ics import calendar_files, edition_file, event_file, write_calendars
from .redirects import note_page_anchors, write_redirects

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..domain import WorkshopDomain

Target = tuple[PurePosixPath, str, Event | None]


def calendar_targets(domain: WorkshopDomain) -> dict[tuple[str, str], Target]:
    """(kind, key) of each calendar link -> (its file, what the link adds to the calendar, the
    row's event for a row's link)."""
    env = domain.env
    targets: dict[tuple[str, str], Target] = {}
    by_edition = events(domain)
    for edition in domain.editions_by_id.values():
        rows = by_edition.get(edition.id, [])
        if rows or edition.date:
            # keyed by page too: a second page that declares the id (warned) links nothing
            targets["edition", f"{edition.docname}:{edition.id}"] = (
                edition_file(edition.id), edition_title(env, edition), None)
        for event in rows:
            path, what = event_file(event), summary(event, env.config)
            targets["slot", f"{event.slot.docname}:{event.slot.lineno}"] = (path, what, event)
            if event.talk is not None:
                targets.setdefault(("talk", event.talk.key), (path, what, None))
    return targets


class CalendarLinks(SphinxPostTransform):
    """Each "Add to calendar" placeholder becomes a link to its file, or goes away (outside
    HTML, or when there is nothing to add: a talk the schedule does not time)."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(calendar_link))
        if not placeholders:
            return
        domain: WorkshopDomain = self.env.get_domain("ws")  # type: ignore[assignment]
        builder = self.env._app.builder  # as Sphinx's own ReferencesResolver (9.0)
        targets = (domain._lookup("calendar", lambda: calendar_targets(domain))
                   if writes_exports(builder) else {})
        for placeholder in placeholders:
            found = targets.get((placeholder["kind"], placeholder["key"]))
            if found is None:
                parent = placeholder.parent
                parent.remove(placeholder)
                if CALENDAR_CLASS in parent.get("classes", ()) and not parent.children:
                    parent.parent.remove(parent)
                continue
            path, what, event = found
            if event is not None and event.edition.timezone:
                self.add_local_time(placeholder, event)
            base = builder.get_target_uri(placeholder["docname"])
            link = nodes.reference(
                "", "", nodes.Text(_("Add to calendar")),
                nodes.inline("", f": {what}", classes=["visually-hidden"]),
                refuri=relative_uri(base, str(path)), classes=["ws-calendar-link"],
            )
            placeholder.replace_self(link)

    @staticmethod
    def add_local_time(placeholder: calendar_link, event: Event) -> None:
        """Beside the row's time, the place where the reader's own time is written."""
        node = placeholder.parent
        while node is not None and not isinstance(node, nodes.row):
            node = node.parent
        if node is None:
            return
        time_cell = node[0][0]  # the row's first entry, its paragraph
        time_cell += local_time(start=event.start.isoformat(),
                                end=event.end.isoformat() if event.end is not None else "",
                                zone=event.edition.timezone, label=_("your time"))


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the calendars and the archive data of a website build."""
    if exception is not None or not writes_exports(app.builder):
        return
    domain: WorkshopDomain = app.env.get_domain("ws")  # type: ignore[assignment]
    titles = {edition.id: edition_title(app.env, edition)
              for edition in domain.editions_by_id.values()}
    write_calendars(app, calendar_files(domain, app.builder, titles))
    write_archive_json(app, domain)
    write_search_engine_files(app, Path(app.outdir))
    write_redirects(app, Path(app.outdir), domain)


def setup_exports(app: Sphinx) -> None:
    app.add_config_value(
        "ws_old_urls", {}, "", types=frozenset({dict}),
        description="old address -> (edition id, anchors to try): pages that lead on from the "
                    "addresses of an older site; {edition} stands for every edition",
    )
    app.add_post_transform(CalendarLinks)
    # after every other handler: the ids as the page's doctree is saved
    app.connect("doctree-read", note_page_anchors, priority=900)
    app.connect("build-finished", write_exports)
    app.connect("html-page-context", page_head)
