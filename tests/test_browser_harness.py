"""The browser harness itself: it must see a request leave, and must not skip silently in CI."""

from __future__ import annotations

import pytest
from browser.fixtures import require


@pytest.mark.browser
def test_a_request_off_the_machine_is_aborted_and_recorded(visitors):
    """A page that asks a CDN for a font is caught: the request never leaves and is counted."""
    with visitors["desktop", "light"].open("index.html") as (page, load):
        page.evaluate("""() => new Promise(resolve => {
          const image = new Image();
          image.onload = image.onerror = resolve;
          image.src = "https://cdn.example.org/font.woff2";
        })""")
    assert load.outside_requests == ["https://cdn.example.org/font.woff2"]


def test_a_missing_tool_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium at /usr/bin/chromium is missing"):
        require(False, "Chromium at /usr/bin/chromium")


def test_a_missing_tool_skips_on_a_developer_machine(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require(False, "vnu-jar")
