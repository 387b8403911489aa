"""Old addresses that keep working (write phase, ``html`` and ``dirhtml`` builders): for each
entry of ``ws_old_urls``, a small page at the old address that sends the reader on to the page and
section that now hold its content (a meta refresh, which needs no script, and a link).

``ws_old_urls`` maps an old address, relative to the site's root, to ``(edition, anchors)``:
``{edition}`` in either stands for every edition of the archive, so the map follows the editions
that exist; an entry whose edition does not exist writes nothing. The first anchor found on the
edition's page is used (the page's top when none is). An old address that is a page of this site
is left alone. The ids of each edition's page are recorded in the domain when the page is read
(``doctree-read``), so writing the pages loads no doctree.
"""

from __future__ import annotations

import html
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util.osutil import relative_uri

from ..collect import edition_title
from ..records import PageAnchors
from .written import WrittenFiles

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..domain import WorkshopDomain

EDITION = "{edition}"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta name="robots" content="noindex" />
<meta http-equiv="refresh" content="0; url={target}" />
<link rel="canonical" href="{canonical}" />
<title>{title}</title>
</head>
<body>
<main>
<p>This page has moved to <a href="{target}">{title}</a>.</p>
</main>
</body>
</html>
"""


def note_page_anchors(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the ids of an edition's page (of any page that declares an edition),
    whatever ``ws_old_urls`` says: changing the setting reads no page again."""
    domain: WorkshopDomain = app.env.get_domain("ws")  # type: ignore[assignment]
    docname = app.env.docname
    if not domain.data["editions"].get(docname):
        return
    ids = {id_ for node in doctree.findall(nodes.Element) for id_ in node["ids"]}
    domain.note("anchors", PageAnchors(docname, tuple(sorted(ids))))


def old_urls(app: Sphinx, domain: WorkshopDomain) -> dict[str, tuple[str, str]]:
    """Each old address -> (docname, anchor) of where its content is now, for the editions
    that exist, in the order of the addresses."""
    editions = domain.editions_by_id
    page_ids = {record.docname: set(record.ids) for record in domain.facts("anchors")}
    found: dict[str, tuple[str, str]] = {}
    for old, (edition_id, anchors) in app.config.ws_old_urls.items():
        ids = sorted(editions) if EDITION in old or edition_id == EDITION else [edition_id]
        for each in ids:
            edition = editions.get(each)
            if edition is None:
                continue
            ids_on_page = page_ids.get(edition.docname, set())
            anchor = next((a.replace(EDITION, each) for a in anchors
                           if a.replace(EDITION, each) in ids_on_page), "")
            found[old.replace(EDITION, each)] = (edition.docname, anchor)
    return dict(sorted(found.items()))


def write_redirects(app: Sphinx, outdir: Path, domain: WorkshopDomain) -> None:
    """Write a page at each old address that leads on to its new place (only the pages whose
    text changed since the last build, written.py)."""
    builder = app.builder
    if not app.config.ws_old_urls or isinstance(builder, SingleFileHTMLBuilder):
        return
    pages = {Path(builder.get_outfilename(docname)) for docname in app.env.found_docs}
    base = app.config.html_baseurl.rstrip("/")
    written = WrittenFiles(app, "redirects")
    for old, (docname, anchor) in old_urls(app, domain).items():
        if outdir / old in pages:
            continue
        target = relative_uri(old, builder.get_target_uri(docname)) + (
            f"#{anchor}" if anchor else "")
        new = builder.get_target_uri(docname)
        edition = next(e for e in domain.editions_by_id.values() if e.docname == docname)
        text = PAGE.format(
            target=html.escape(target, quote=True),
            canonical=html.escape(f"{base}/{new}" if base else new, quote=True),
            title=html.escape(edition_title(app.env, edition)))
        written.write(PurePosixPath(old), text, lambda text=text: text.encode("utf-8"))
    written.save()
