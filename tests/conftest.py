"""Shared fixtures: sphinx.testing's ``app``/``make_app`` with our test roots in tests/roots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
PROJECT = TESTS.parent
_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


def warnings_of(app) -> list[str]:
    """The warning lines of a build, without colour codes."""
    return [line for line in _ESCAPES.sub("", app.warning.getvalue()).splitlines() if line.strip()]
