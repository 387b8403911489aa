"""Per page, leave out the assets it does not use: sphinx-design's tab script where there are no
tabs, the code-highlighting stylesheet where there is no code (as on the pages Sphinx generates
without a doctree: search, genindex)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

TAB_SCRIPT = "design-tabs.js"
HIGHLIGHT_STYLESHEET = "pygments.css"


def page_has(doctree: nodes.document | None, condition: Any) -> bool:
    return doctree is not None and next(doctree.findall(condition), None) is not None


def has_code(node: nodes.Node) -> bool:
    """A block that Pygments colours: not a plain one (``language="none"``, such as a paper's
    BibTeX), which has no tokens to colour."""
    return isinstance(node, nodes.literal_block) and node.get("language") != "none"


def has_tabs(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and "sd-tab-set" in node.get("classes", ())


def drop_unused_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                       doctree: nodes.document | None) -> None:
    """``html-page-context``: the page's ``script_files`` and ``css_files`` without what it does
    not use. An asset is known by its ``filename``, as Sphinx's own basic/layout.html reads it."""
    unused = set()
    if not page_has(doctree, has_tabs):
        unused.add(TAB_SCRIPT)
    if not page_has(doctree, has_code):
        unused.add(HIGHLIGHT_STYLESHEET)
    for key in ("script_files", "css_files"):
        context[key] = [asset for asset in context[key]
                        if str(asset.filename).removeprefix("_static/") not in unused]
