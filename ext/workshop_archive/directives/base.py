"""What every directive of the extension shares: located warnings, checked fields, safe bodies.

Read phase. Fields are plain text (docutils escapes them on output); markup in them is shown as
text and warned about. Bodies are MyST, but raw HTML in them is turned into visible text and links
must be http, https or mailto.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..diagnostics import Problem, warn
from ..domain import EDITION_CONTEXT
from ..text import has_markup, link_problem

if TYPE_CHECKING:
    from ..domain import WorkshopDomain
    from ..records import Edition


class WorkshopDirective(SphinxDirective):
    """A directive that reports problems as ``workshop.*`` warnings at the right line."""

    def warn(self, message: str, problem: Problem, lineno: int | None = None) -> None:
        warn(message, problem, (self.env.docname, lineno or self.lineno))

    @property
    def domain(self) -> WorkshopDomain:
        return self.env.get_domain("ws")  # type: ignore[return-value]

    def option_line(self, name: str) -> int:
        """The source line of option ``:name:`` (the directive's line when not found)."""
        for offset, line in enumerate(self.block_text.splitlines()):
            if line.lstrip().startswith(f":{name}:"):
                return self.lineno + offset
        return self.lineno

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

    def link_field(self, name: str) -> str:
        """An option holding a URL; an unsafe or relative URL is warned about and dropped."""
        url = self.field(name)
        if url and (problem := link_problem(url)):
            self.warn(f":{name}: link {url!r} is not used: {problem}", Problem.bad_link,
                      self.option_line(name))
            return ""
        return url

    def current_edition(self) -> Edition | None:
        """The edition declared earlier on this page, if any."""
        edition_id = self.env.ref_context.get(EDITION_CONTEXT)
        for edition in self.domain.data["editions"].get(self.env.docname, []):
            if edition.id == edition_id:
                return edition
        return None

    def make_safe(self, body: list[nodes.Node]) -> list[nodes.Node]:
        """Show raw HTML as text and unlink unsafe URLs, each with a warning."""
        safe: list[nodes.Node] = []
        for tree in body:
            if isinstance(tree, nodes.raw):
                safe.append(nodes.paragraph("", "", self._raw_as_text(tree)))
                continue
            for raw in list(tree.findall(nodes.raw)):
                raw.replace_self(self._raw_as_text(raw))
            for reference in list(tree.findall(nodes.reference)):
                url = reference.get("refuri", "")
                if ":" in url.split("/")[0] and (problem := link_problem(url)):
                    self.warn(f"link {url!r} is not used: {problem}", Problem.bad_link,
                              reference.line or self.lineno)
                    reference.replace_self(nodes.inline("", "", *reference.children))
            safe.append(tree)
        return safe

    def _raw_as_text(self, raw: nodes.raw) -> nodes.literal:
        text = raw.astext()
        self.warn(
            f"HTML in the body is shown as text, not run ({text.strip()[:40]!r}); "
            "write Markdown instead",
            Problem.markup,
            raw.line or self.lineno,
        )
        return nodes.literal(text, text)
