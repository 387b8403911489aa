"""The head of each page and the files search engines read (write phase, website builders).

- ``html-page-context``: link previews (OpenGraph and Twitter card tags, and the meta
  description) with a description drawn from the page's first paragraph of prose, the page's
  JSON-LD (jsonld.py), and one viewport meta tag: docutils' HTML writer puts one in the page's
  meta tags and Sphinx's basic layout writes its own, so every page had two (Sphinx 9.0,
  docutils 0.22). Sphinx itself writes the canonical link from ``html_baseurl``.
- ``build-finished``: ``sitemap.xml`` of every page and ``robots.txt`` pointing at it, from
  ``html_baseurl`` (a sitemap holds absolute addresses: without the setting, neither is written).
  Pages are listed in the order of their names, so two builds write the same bytes.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from docutils import nodes
from sphinx.builders.epub3 import Epub3Builder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder

from ..nodes import local_time
from .jsonld import script_text, structured_data

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from ..domain import WorkshopDomain

#: the tag docutils' HTML5 writer adds to every page's meta tags (docutils 0.18 to 0.22)
DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


def writes_exports(builder: Builder) -> bool:
    """True for the builders whose output is a website (html, dirhtml, singlehtml)."""
    return builder.format == "html" and not isinstance(builder, Epub3Builder)


#: how long a link preview's description may be (what previews show before cutting it)
DESCRIPTION_LENGTH = 200


def description(doctree: nodes.document | None) -> str:
    """The page's first paragraph of prose (a paragraph of a section, not of a card, table or
    list), cut after a word to at most DESCRIPTION_LENGTH characters; '' when it has none."""
    if doctree is None:
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, (nodes.section, nodes.document)):
            text = " ".join(paragraph.astext().split())
            if len(text) <= DESCRIPTION_LENGTH:
                return text
            return text[:DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return ""


def preview_tags(app: Sphinx, pagename: str, context: dict[str, Any],
                 doctree: nodes.document | None) -> str:
    """OpenGraph and Twitter card tags, and the meta description."""
    config = app.config
    title = html.unescape(context.get("title", "")).strip()
    site = config.html_title or config.project
    about = description(doctree) or (f"{title} — {site}" if title else site)
    tags = [("property", "og:title", title or site), ("property", "og:type", "website"),
            ("property", "og:site_name", site), ("property", "og:description", about),
            ("name", "description", about), ("name", "twitter:card", "summary"),
            ("name", "twitter:title", title or site), ("name", "twitter:description", about)]
    if config.html_baseurl:
        url = f"{config.html_baseurl.rstrip('/')}/{app.builder.get_target_uri(pagename)}"
        tags.insert(2, ("property", "og:url", url))
    return "".join(f'<meta {kind}="{name}" content="{html.escape(value, quote=True)}" />\n'
                   for kind, name, value in tags)


def page_head(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
              doctree: nodes.document | None) -> None:
    """One viewport tag, link previews and the page's structured data."""
    if not writes_exports(app.builder):
        return
    context["metatags"] = context.get("metatags", "").replace(DOCUTILS_VIEWPORT, "")
    context["metatags"] += preview_tags(app, pagename, context, doctree)
    if doctree is not None and next(doctree.findall(local_time), None) is not None:
        # this page only: it has a schedule whose times the script can show in the reader's zone
        app.add_js_file("local-time.js", loading_method="defer")
    domain: WorkshopDomain = app.env.get_domain("ws")  # type: ignore[assignment]
    for data in structured_data(domain, app.builder, pagename):
        context["metatags"] += (f'<script type="application/ld+json">{script_text(data)}'
                                "</script>\n")


def sitemap(builder: Builder, docnames: list[str]) -> str:
    base = builder.config.html_baseurl.rstrip("/")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<url><loc>{escape(f'{base}/{builder.get_target_uri(docname)}')}</loc></url>"
              for docname in docnames]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_search_engine_files(app: Sphinx, outdir: Path) -> None:
    """``sitemap.xml`` and ``robots.txt`` (only when ``html_baseurl`` says where the site is)."""
    base = app.config.html_baseurl
    if not base or isinstance(app.builder, SingleFileHTMLBuilder):
        return  # one page: nothing to map
    docnames = sorted(app.env.found_docs)
    (outdir / "sitemap.xml").write_text(sitemap(app.builder, docnames), encoding="utf-8")
    (outdir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {base.rstrip('/')}/sitemap.xml\n", encoding="utf-8")
