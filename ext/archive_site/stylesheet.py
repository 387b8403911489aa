"""The theme's stylesheet without what the site's pages cannot use, plus the site's own rules:
``lean-theme.css``.

pydata-sphinx-theme's stylesheet carries Font Awesome: three ``@font-face`` rules naming 245 KB of
web fonts, its animations and thousands of ``.fa-*`` icon rules. The site draws its icons with CSS
masks on the theme's own ``<i class="fa-...">`` elements instead (``static/icons.css``), so it
links a stylesheet without them. The stylesheet also carries Bootstrap's components and the
theme's styles for features this site does not use (version switchers, announcement banners,
Jupyter cells, API signatures...): a rule whose every selector needs a class that no page of the
built site has, and that no script a page loads names, can never match, and is left out
(``usage.py`` gathers the names). Both are derived from the installed theme and the built pages at
every build: a theme upgrade brings its new rules by itself, and a page that starts using a class
gets its rules back.

The stylesheet is read with tinycss2 (a CSS parser that follows CSS Syntax Level 3, kept by the
CourtBouillon team for WeasyPrint), rule by rule, never with text patterns.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import tinycss2

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator

    from tinycss2.ast import Node

STATIC = Path(__file__).parent / "static"
#: the site's rules, after the theme's: the extension's colours, icon masks, the search page's
#: reserved space, print rules
SITE_STYLESHEETS = (STATIC / "colours.css", STATIC / "icons.css", STATIC / "search.css",
                    STATIC / "print.css")
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


def block_rules(rule: Node) -> list[Node]:
    """The rules in the block of a grouping at-rule (``@media``...): parsed from its tokens, or
    as an earlier pass left them (a pass that keeps some of them stores the rules it kept)."""
    content = rule.content or []
    if any(node.type in ("qualified-rule", "at-rule") for node in content):
        return list(content)
    return tinycss2.parse_rule_list(content, skip_whitespace=True)


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
                inner = without_icons(block_rules(rule))
                if not [node for node in inner if node.type != "comment"]:
                    continue
                rule.content = inner
            kept.append(rule)
        elif rule.type == "qualified-rule" and not all(
                styles_an_icon(selector) for selector in selectors(rule.prelude)):
            kept.append(rule)
        # parse errors (``rule.type == "error"``) are left out, as a browser leaves them out
    return kept


def required_classes(selector: list[Node]) -> set[str]:
    """The classes an element needs for ``selector`` to match it: those named outside any
    function (``:not(.x)`` matches without ``.x``, ``:is(.a, .b)`` with either)."""
    found = set()
    previous = None
    for token in selector:
        if (token.type == "ident" and previous is not None and previous.type == "literal"
                and previous.value == "."):
            found.add(token.value)
        previous = token
    return found


def without_unused(rules: Iterable[Node], names: Collection[str]) -> list[Node]:
    """``rules`` without the rules none of whose selectors can match on pages that use only the
    class names ``names`` (at-rules that group rules keep the rest, or go when left empty)."""
    kept: list[Node] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if any(required_classes(selector) <= names
                   for selector in selectors(rule.prelude)):
                kept.append(rule)
        elif (rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_AT_RULES
              and rule.content is not None):
            inner = without_unused(block_rules(rule), names)
            if [node for node in inner if node.type != "comment"]:
                rule.content = inner
                kept.append(rule)
        else:
            kept.append(rule)
    return kept


def selector_classes(rules: Iterable[Node]) -> set[str]:
    """Every class that a selector of ``rules`` requires: the only names on which
    :func:`without_unused` depends (so the lean stylesheet changes only when they change)."""
    found: set[str] = set()
    for rule in rules:
        if rule.type == "qualified-rule":
            for selector in selectors(rule.prelude):
                found |= required_classes(selector)
        elif (rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_AT_RULES
              and rule.content is not None):
            found |= selector_classes(block_rules(rule))
    return found


def theme_classes(theme_css: str) -> set[str]:
    """The classes the theme's stylesheet, icons left out, requires anywhere."""
    return selector_classes(without_icons(tinycss2.parse_stylesheet(theme_css,
                                                                    skip_whitespace=True)))


def lean_stylesheet(theme_css: str, names: Collection[str]) -> str:
    """The theme's stylesheet without Font Awesome and without the rules that cannot match on
    pages that use only the class names ``names``, followed by the site's own rules (whole)."""
    rules = tinycss2.parse_stylesheet(theme_css, skip_whitespace=True)
    lean = tinycss2.serialize(without_unused(without_icons(rules), names))
    site = "\n".join(path.read_text(encoding="utf-8") for path in SITE_STYLESHEETS)
    return f"{lean}\n{site}"
