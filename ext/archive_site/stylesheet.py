"""The theme's stylesheet without Font Awesome, plus the site's own rules: ``lean-theme.css``.

pydata-sphinx-theme's stylesheet carries Font Awesome: three ``@font-face`` rules naming 245 KB of
web fonts, its animations and thousands of ``.fa-*`` icon rules. The site draws its icons with CSS
masks on the theme's own ``<i class="fa-...">`` elements instead (``static/icons.css``), so it
links a stylesheet without them, derived from the installed theme's at every build: a theme
upgrade brings its new rules by itself.

The stylesheet is read with tinycss2 (a CSS parser that follows CSS Syntax Level 3, kept by the
CourtBouillon team for WeasyPrint), rule by rule, never with text patterns.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import tinycss2

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from tinycss2.ast import Node

STATIC = Path(__file__).parent / "static"
#: the site's rules, after the theme's: the extension's colours, icon masks, print rules
SITE_STYLESHEETS = (STATIC / "colours.css", STATIC / "icons.css", STATIC / "print.css")
#: at-rules whose block holds rules (and so may hold icon rules)
GROUPING_AT_RULES = {"media", "supports", "layer", "container"}
#: Font Awesome's style classes besides ``fa`` and ``fa-*``: .fab (brands), .fas, .far, .fal
ICON_STYLE_CLASSES = {"fa", "fab", "fas", "far", "fal"}


def is_icon_class(name: str) -> bool:
    return name in ICON_STYLE_CLASSES or name.startswith("fa-")


def selectors(prelude: list[Node]) -> Iterator[list[Node]]:
    """The selectors of a rule's prelude, split at its top-level commas."""
    selector: list[Node] = []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            yield selector
            selector = []
        else:
            selector.append(token)
    yield selector


def styles_an_icon(selector: list[Node]) -> bool:
    """Whether a selector names a Font Awesome class (``.fa-sun``, ``.fa-solid``, ``.fas``...),
    anywhere in it, also inside ``:is()`` or ``:not()``."""
    previous = None
    for token in selector:
        if (token.type == "ident" and previous is not None and previous.type == "literal"
                and previous.value == "." and is_icon_class(token.value)):
            return True
        if token.type == "function" and styles_an_icon(token.arguments):
            return True
        previous = token
    return False


def is_licence(node: Node) -> bool:
    """A ``/*! ... */`` comment: a licence notice, which minifiers keep and so do we."""
    return node.type == "comment" and node.value.startswith("!")


def declares_font_awesome(content: list[Node] | None) -> bool:
    return any(
        declaration.type == "declaration" and declaration.lower_name == "font-family"
        and "Font Awesome" in tinycss2.serialize(declaration.value)
        for declaration in tinycss2.parse_blocks_contents(content or [], skip_whitespace=True)
    )


def without_icons(rules: Iterable[Node]) -> list[Node]:
    """``rules`` without Font Awesome's font faces, animations and the rules that only style its
    icons (a rule with other selectors too is kept whole)."""
    kept: list[Node] = []
    for rule in rules:
        if rule.type == "comment":
            if is_licence(rule):
                kept.append(rule)
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            if keyword == "font-face" and declares_font_awesome(rule.content):
                continue
            if keyword == "keyframes" and tinycss2.serialize(rule.prelude).strip().startswith(
                    "fa-"):
                continue
            if keyword in GROUPING_AT_RULES and rule.content is not None:
                inner = without_icons(tinycss2.parse_rule_list(rule.content,
                                                               skip_whitespace=True))
                if not [node for node in inner if node.type != "comment"]:
                    continue
                rule.content = inner
            kept.append(rule)
        elif rule.type == "qualified-rule" and not all(
                styles_an_icon(selector) for selector in selectors(rule.prelude)):
            kept.append(rule)
        # parse errors (``rule.type == "error"``) are left out, as a browser leaves them out
    return kept


def lean_stylesheet(theme_css: str) -> str:
    """The theme's stylesheet without Font Awesome, followed by the site's own rules."""
    rules = tinycss2.parse_stylesheet(theme_css, skip_whitespace=True)
    lean = tinycss2.serialize(without_icons(rules))
    site = "\n".join(path.read_text(encoding="utf-8") for path in SITE_STYLESHEETS)
    return f"{lean}\n{site}"
