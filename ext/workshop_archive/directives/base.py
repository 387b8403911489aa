"""What every directive of the extension shares: located warnings, checked fields, safe bodies.

Read phase. Fields are plain text (docutils escapes them on output); markup in them is shown as
text and warned about. Bodies are MyST, but raw HTML in them is turned into visible text and links
must be http, https or mailto.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import TYPE_CHECKING, Any

from docutils import nodes
from myst_parser.mocking import MockState
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import Problem, warn
from ..domain import EDITION_CONTEXT
from ..text import has_markup, link_problem, refused_links, web_link_problem

if TYPE_CHECKING:
    from collections.abc import Collection

    from sphinx.application import Sphinx

    from ..domain import WorkshopDomain
    from ..records import Edition


#: ``temp_data`` key of the page's edition when it is an example (``:no-index:``): its speakers
#: and committees are rendered but not recorded in the domain
UNINDEXED_EDITION = "ws:unindexed-edition"


def add_directive(app: Sphinx, name: str, directive: type[WorkshopDirective]) -> None:
    """Register ``ws:<name>``, the directive's name under the domain that no other extension can
    take, and the bare ``<name>`` that edition pages have always used (the two are one
    directive). Directives added later are ``ws:`` only: register those with
    ``app.add_directive_to_domain("ws", ...)``."""
    app.add_directive_to_domain("ws", name, directive)
    app.add_directive(name, directive)


class UnknownOption(str):
    """The value of an option the directive does not have (see :class:`OptionSpec`)."""

    __slots__ = ()


class OptionSpec(dict[str, Any]):
    """An ``option_spec`` that lets unknown options through, marked, so that the directive warns
    about them as ``workshop.bad_value`` (with a suggestion) instead of MyST's or docutils' own
    warning, which would also drop the whole directive in docutils. Both look options up with
    ``option_spec[name]``."""

    def __missing__(self, name: str) -> type[UnknownOption]:
        return UnknownOption


class WorkshopDirective(SphinxDirective):
    """A directive that reports problems as ``workshop.*`` warnings at the right line."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.option_spec:
            cls.option_spec = OptionSpec(cls.option_spec)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        configured = self.configured_options()
        for name, value in list(self.options.items()):
            if isinstance(value, UnknownOption):
                if name in configured:
                    self.options[name] = str(value)
                    continue
                del self.options[name]
                self.warn_unknown_option(name)

    def configured_options(self) -> Collection[str]:
        """Options that a setting adds to the directive's own (a speaker's link kinds)."""
        return ()

    def warn_unknown_option(self, name: str) -> None:
        known = sorted({*(self.option_spec or {}), *self.configured_options()})
        close = get_close_matches(name, known, n=1)
        hint = f"did you mean :{close[0]}:?" if close else f"write one of :{': :'.join(known)}:"
        self.warn(f":{name}: is not an option of {self.name}; {hint}", Problem.bad_value,
                  self.option_line(name))

    def warn(self, message: str, problem: Problem, lineno: int | None = None) -> None:
        """Warn at a line of the page; the next build reads the page again, so that it warns
        again until the page is fixed (a build that failed on it must not pass unchanged)."""
        warn(message, problem, (self.env.docname, lineno or self.lineno))
        self.env.note_reread()

    @property
    def domain(self) -> WorkshopDomain:
        return self.env.get_domain("ws")  # type: ignore[return-value]

    def option_line(self, name: str) -> int:
        """The source line of option ``:name:`` (the directive's line when not found)."""
        for offset, line in enumerate(self.block_text.splitlines()):
            if line.lstrip().startswith(f":{name}:"):
                return self.lineno + offset
        return self.lineno

    def content_line(self, index: int) -> int:
        """The source line of line ``index`` of the body.

        docutils gives ``content_offset`` from the top of the file; MyST gives it from the
        directive's first line (``myst_parser.mocking.MockState.nested_parse`` adds ``lineno``).
        """
        start = self.lineno + self.content_offset if isinstance(self.state, MockState) else (
            self.content_offset)
        return start + index + 1

    def parse_inline_at(self, text: str, lineno: int) -> list[nodes.Node]:
        """Parse one line of inline markup written on source line ``lineno``.

        MyST's inliner counts ``lineno`` from 0 (it is the line *before* the text), docutils'
        from 1 (``myst_parser.mocking.MockInliner.parse``).
        """
        start = lineno - 1 if isinstance(self.state, MockState) else lineno
        parsed, messages = self.parse_inline(text, lineno=start)
        return [*parsed, *messages]

    def field(self, name: str) -> str:
        """An option as plain text; markup in it is warned about (and later shown as text)."""
        value = " ".join((self.options.get(name) or "").split())
        if has_markup(value):
            self.warn(
                f":{name}: contains HTML markup ({value!r}); it is shown as plain text, "
                "write the text without tags",
                Problem.markup,
                self.option_line(name),
            )
        return value

    def check_text(self, what: str, value: str, lineno: int | None = None) -> None:
        """Warn about markup in text that is not an option (an argument, a list line), as
        :meth:`field` does for options."""
        if has_markup(value):
            self.warn(f"the {what} {value!r} contains HTML markup; it is shown as plain text, "
                      "write the text without tags", Problem.markup, lineno)

    def link_field(self, name: str, web: bool = False) -> str:
        """An option holding a URL; an unsafe or relative URL is warned about and dropped.

        :param web: only http and https are allowed (the link leads to a page or a file, never
            to an e-mail address).
        """
        url = self.field(name)
        if url and (problem := (web_link_problem if web else link_problem)(url)):
            self.warn(f":{name}: link {url!r} is not used: {problem}", Problem.bad_link,
                      self.option_line(name))
            return ""
        return url

    def current_edition(self) -> Edition | None:
        """The edition declared earlier on this page, if any."""
        edition_id = self.env.ref_context.get(EDITION_CONTEXT)
        example = self.env.temp_data.get(UNINDEXED_EDITION)
        if example is not None and example.id == edition_id:
            return example
        for edition in self.domain.data["editions"].get(self.env.docname, []):
            if edition.id == edition_id:
                return edition
        return None

    def in_example(self) -> bool:
        """True on a page whose edition is an example (``:no-index:``): record nothing."""
        return UNINDEXED_EDITION in self.env.temp_data

    def make_safe(self, body: list[nodes.Node], lineno: int | None = None) -> list[nodes.Node]:
        """Show raw HTML as text and unlink unsafe URLs: one warning per line at fault.

        :param lineno: the line to report where a node has none (a schedule row's line).
        """
        lineno = lineno or self.lineno
        safe: list[nodes.Node] = []
        for node in body:
            # a block of raw HTML becomes a paragraph of literal text
            tree = nodes.paragraph("", "", node) if isinstance(node, nodes.raw) else node
            self._raws_as_text(tree, lineno)
            for reference in list(tree.findall(nodes.reference)):
                url = reference.get("refuri", "")
                if ":" in url.split("/")[0] and (problem := link_problem(url)):
                    self.warn(f"link {url!r} is not used: {problem}", Problem.bad_link,
                              reference.line or lineno)
                    reference.replace_self(nodes.inline("", "", *reference.children))
            # markdown-it leaves a link it refuses (javascript:, data:...) as plain text
            for text in tree.findall(nodes.Text):
                for url in refused_links(text.astext()):
                    self.warn(f"link {url!r} is not used: {link_problem(url)}", Problem.bad_link,
                              text.parent.line or lineno)
            safe.append(tree)
        return safe

    def _raws_as_text(self, tree: nodes.Element, lineno: int) -> None:
        """Replace raw HTML with literal text; ``<b>x</b>`` on one line is one warning."""
        by_line: dict[int, list[nodes.raw]] = {}
        for raw in tree.findall(nodes.raw):
            by_line.setdefault(raw.line or lineno, []).append(raw)
        for line, raws in by_line.items():
            shown = " ".join(raw.astext().strip() for raw in raws)
            self.warn(f"HTML in the body is shown as text, not run ({shown[:40]!r}); "
                      "write Markdown instead", Problem.markup, line)
            for raw in raws:
                raw.replace_self(nodes.literal(raw.astext(), raw.astext()))
