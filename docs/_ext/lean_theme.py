"""Lighter pages from pydata-sphinx-theme, with every feature kept (docs/maintainer/performance.md).

Write phase only:

- ``html-page-context``: a page loads sphinx-design's tab script only when it has tabs, and the
  code-highlighting stylesheet only when it shows code.
- ``build-finished``: writes ``_static/styles/lean-theme.css``, the theme's stylesheet without
  Font Awesome (its ``@font-face`` rules, which point at 245 KB of web fonts, and its thousands of
  ``.fa-*`` icon rules). The pages draw their icons as inline SVG instead (docs/_templates/), and
  docs/_templates/layout.html links this file in place of the theme's. Then it removes the theme
  files no page loads any more, so they are not deployed either.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

THEME_STYLESHEET = Path("_static", "styles", "pydata-sphinx-theme.css")
#: theme files that no page loads once the lean stylesheet, the inline icons and the small
#: dropdown script (docs/_templates/dropdowns.js) are in place
UNUSED_THEME_FILES = (
    THEME_STYLESHEET,
    THEME_STYLESHEET.with_suffix(".css.map"),
    Path("_static", "styles", "theme.css"),
    Path("_static", "scripts", "fontawesome.js"),
    Path("_static", "scripts", "fontawesome.js.map"),
    Path("_static", "scripts", "fontawesome.js.LICENSE.txt"),
    Path("_static", "scripts", "bootstrap.js"),
    Path("_static", "scripts", "bootstrap.js.map"),
    Path("_static", "scripts", "bootstrap.js.LICENSE.txt"),
    Path("_static", "vendor", "fontawesome", "webfonts", "fa-brands-400.woff2"),
    Path("_static", "vendor", "fontawesome", "webfonts", "fa-regular-400.woff2"),
    Path("_static", "vendor", "fontawesome", "webfonts", "fa-solid-900.woff2"),
    # the theme's Jinja macros, copied as if they were a page; they link fontawesome.js
    Path("_static", "webpack-macros.html"),
)
#: what takes the place of the icons the theme draws with Font Awesome in CSS
ICON_STYLESHEET = Path(__file__).parent.parent / "_static" / "lean-theme-icons.css"
LEAN_STYLESHEET = Path("_static", "styles", "lean-theme.css")

#: a selector that styles a Font Awesome icon: .fa, .fa-sun, .fa-solid, .fas, .far, .fab ...
ICON_SELECTOR = re.compile(r"\.fa(?:[bsrl]|-[\w-]+)?(?![\w-])")
STRING = r"\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'"
#: a comment; a string or a licence comment (``/*! ... */``) is group 1, which is kept
COMMENT_OR_STRING = re.compile(rf"({STRING}|/\*!.*?\*/)|/\*.*?\*/", re.DOTALL)
#: braces, semicolons and licence comments outside strings
SYNTAX = re.compile(rf"{STRING}|/\*!.*?\*/|[{{}};]", re.DOTALL)
#: at-rules whose block holds rules (and so may hold icon rules)
GROUPING_AT_RULES = ("@media", "@supports", "@layer", "@container")


def split_css(css: str) -> list[tuple[str, str | None]]:
    """Split a stylesheet into ``(prelude, block)`` statements at the top level; ``block`` is the
    text between the braces, None for a statement without one (``@charset "UTF-8"``) and for a
    licence comment, which stands alone. Strings are read whole: ``content: "{"`` holds no brace."""
    css = COMMENT_OR_STRING.sub(lambda match: match[1] or "", css)
    statements: list[tuple[str, str | None]] = []
    depth = start = block_start = 0
    prelude = ""
    for match in SYNTAX.finditer(css):
        token = match[0]
        if token.startswith("/*") and depth == 0:
            statements.append((token, None))
            start = match.end()
        elif token == "{":
            if depth == 0:
                prelude, block_start = css[start:match.start()].strip(), match.end()
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                statements.append((prelude, css[block_start:match.start()]))
                start = match.end()
        elif token == ";" and depth == 0:
            statements.append((css[start:match.start()].strip(), None))
            start = match.end()
    return statements


def without_icons(css: str) -> str:
    """``css`` without Font Awesome's font faces and the rules that only style its icons."""
    kept = []
    for prelude, block in split_css(css):
        if block is None:
            kept.append(prelude if prelude.startswith("/*") else f"{prelude};")
        elif prelude.startswith("@keyframes fa-"):
            continue
        elif prelude.startswith("@font-face"):
            if "Font Awesome" not in block:
                kept.append(f"{prelude}{{{block}}}")
        elif prelude.startswith(GROUPING_AT_RULES):
            if inner := without_icons(block):
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@") or not all(
                ICON_SELECTOR.search(selector) for selector in prelude.split(",")):
            kept.append(f"{prelude}{{{block}}}")
    return "".join(kept)


def write_lean_stylesheet(app: Sphinx, exception: Exception | None) -> None:
    """Derive the lean stylesheet from the theme's copy in the output (the installed theme's)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    if not (outdir / THEME_STYLESHEET).is_file():
        return  # a build that copied no static files keeps the stylesheet it has
    lean = without_icons((outdir / THEME_STYLESHEET).read_text(encoding="utf-8"))
    lean += "\n" + ICON_STYLESHEET.read_text(encoding="utf-8")
    (outdir / LEAN_STYLESHEET).write_text(lean, encoding="utf-8")
    for unused in UNUSED_THEME_FILES:
        (outdir / unused).unlink(missing_ok=True)
    webfonts = Path("_static", "vendor", "fontawesome", "webfonts")
    for folder in (webfonts, webfonts.parent, webfonts.parent.parent):
        with contextlib.suppress(OSError):  # not empty: something else lives there
            (outdir / folder).rmdir()


def page_has(doctree: nodes.document | None, condition) -> bool:
    return doctree is not None and next(doctree.findall(condition), None) is not None


def drop_unused_assets(app: Sphinx, pagename: str, templatename: str, context: dict,
                       doctree: nodes.document | None) -> None:
    """Leave out the tab script and the highlighting stylesheet where a page has no use for them,
    as on the pages Sphinx generates without a doctree (search, genindex)."""

    def has_tabs(node: nodes.Node) -> bool:
        return isinstance(node, nodes.Element) and "sd-tab-set" in node.get("classes", ())

    unused = set()
    if not page_has(doctree, has_tabs):
        unused.add("_static/design-tabs.js")
    if not page_has(doctree, nodes.literal_block):
        unused.add("_static/pygments.css")
    context["script_files"] = [js for js in context["script_files"] if js.filename not in unused]
    context["css_files"] = [css for css in context["css_files"] if css.filename not in unused]


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("html-page-context", drop_unused_assets)
    app.connect("build-finished", write_lean_stylesheet)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
