"""An edition page written with every directive builds cleanly and renders cards and a table."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import warnings_of


@pytest.mark.sphinx("html", testroot="edition")
def test_edition_page_renders(app):
    app.build()
    assert warnings_of(app) == []
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    card = soup.select_one("#ada-lovelace")
    assert card is not None and "sd-card" in card["class"]
    assert card.select_one("h3").get_text(strip=True) == "Ada Lovelace"
    assert "Keynote Speaker" in card.get_text()
    grace = soup.select_one("#grace-hopper")
    assert "Special Topic: Compilers" in grace.get_text()
    assert "Talk title to be announced" in grace.get_text()
    assert grace.select_one("img.ws-avatar")["alt"] == "Grace Hopper (initials)"
    table = soup.select_one("table.ws-schedule")
    assert "December 14, 2030" in table.caption.get_text()
    rows = table.select("tbody tr")
    assert [r.select_one(".ws-start").get_text() for r in rows] == [
        "9:00 AM", "9:05 AM", "10:00 AM", "10:30 AM", "12:30 PM"]
    assert rows[-1].select_one(".ws-end").get_text(strip=True) == "– 5:00 PM"
    assert "ws-kind-break" in rows[2]["class"]
    assert "ws-kind-contributed" in rows[3]["class"]
    assert rows[1].select_one("a")["href"] == "#ada-lovelace"
    members = soup.select(".ws-committee li")
    assert [m.strong.get_text() for m in members] == ["Ada Lovelace", "Charles Babbage"]
