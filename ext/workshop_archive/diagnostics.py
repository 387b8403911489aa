"""Warnings of the extension: one type, one subtype per kind of problem.

Every problem in the content is reported as ``file:line: WARNING: ... [workshop.<subtype>]``, so a
maintainer can silence one kind with ``suppress_warnings = ["workshop.<subtype>"]``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes

WARNING_TYPE = "workshop"

logger = logging.getLogger(__name__)


class Problem(StrEnum):
    """The warning subtypes (``workshop.<value>``); docs/maintainer/warnings.md lists them."""

    #: a required field (a name, an id, a time) is missing
    missing_field = "missing_field"
    #: a field has a value the extension cannot use (a date, a role, a slug)
    bad_value = "bad_value"
    #: two things that must be unique share an id, a time or an edition
    duplicate = "duplicate"
    #: a schedule time that does not parse, or times that go backwards
    bad_time = "bad_time"
    #: an unknown IANA timezone
    bad_timezone = "bad_timezone"
    #: a link whose scheme is not http, https or mailto
    bad_link = "bad_link"
    #: HTML markup or a script in a field or body; it is shown as text
    markup = "markup"
    #: a photo file that does not exist
    missing_photo = "missing_photo"
    #: a photo that is not an image, is too large, or lies outside the project
    bad_photo = "bad_photo"
    #: bytes that are not UTF-8, or control characters such as NUL, in a page or data file
    bad_text = "bad_text"
    #: a reference to a speaker, person, talk or edition that does not exist
    unknown_target = "unknown_target"
    #: a directive used where it has no meaning (a speaker before any edition, an empty schedule)
    misplaced = "misplaced"
    #: two different ids whose names look like the same person
    similar_names = "similar_names"
    #: a configuration value or data file that cannot be used
    config = "config"


def warn(
    message: str,
    problem: Problem,
    location: nodes.Node | tuple[str, int | None] | str | None,
    **kwargs: Any,
) -> None:
    """Log one located, typed warning (Sphinx appends ``[workshop.<subtype>]`` itself)."""
    logger.warning(message, type=WARNING_TYPE, subtype=problem.value, location=location, **kwargs)
