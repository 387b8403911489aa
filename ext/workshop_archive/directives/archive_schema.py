"""``ws:archive-schema``: the JSON Schema of ``archive.json``, shown as a code block, so that a
site documents its data with the schema the build writes (read phase).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..exports.archive_json import SCHEMA
from .base import WorkshopDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class ArchiveSchemaDirective(WorkshopDirective):
    """``:::{ws:archive-schema}``, no argument or option."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(SCHEMA))
        text = SCHEMA.read_text(encoding="utf-8")
        block = nodes.literal_block(text, text, language="json")
        self.set_source_info(block)
        return [block]


def setup(app: Sphinx) -> None:
    app.add_directive_to_domain("ws", "archive-schema", ArchiveSchemaDirective)
