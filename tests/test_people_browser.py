"""The People page on a phone, as a reader uses it: with every author of every edition it is long,
so the letters off screen are not laid out until the reader comes near them
(workshop_archive.css), and the filter box (people-filter.js), the A-Z bar and the browser's
find-in-page still reach every name. Runs offline in Debian's Chromium (tests/browser/fixtures.py).
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: whether an element is rendered: false inside a letter whose content is skipped
#: (content-visibility: auto skips what a letter holds, not the letter's own box)
RENDERED = "element => element.checkVisibility({contentVisibilityAuto: true})"


def last_letter_and_name(page) -> tuple[str, str]:
    """The id of the page's last letter and the name of its first person."""
    last = page.locator("section.ws-letter").last
    return last.get_attribute("id"), last.locator(".ws-person h3").first.inner_text().strip()


def test_letters_off_screen_are_not_laid_out_until_reached(visitors):
    with visitors["phone", "light"].open("people.html") as (page, load):
        letter, _ = last_letter_and_name(page)
        first = page.locator("section.ws-letter .ws-person").first
        assert first.evaluate(RENDERED)
        assert not page.locator(f"#{letter} .ws-person").first.evaluate(RENDERED)
        # the A-Z bar's link to it brings it in view, laid out
        page.locator(f".ws-letter-bar a[href='#{letter}']").click()
        heading = page.locator(f"#{letter} h2")
        heading.wait_for(state="visible")
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
        assert page.locator(f"#{letter} .ws-person").first.evaluate(RENDERED)
        assert load.outside_requests == []


def test_the_filter_finds_a_name_in_the_last_letter(visitors):
    with visitors["phone", "dark"].open("people.html") as (page, _):
        letter, name = last_letter_and_name(page)
        page.locator(".ws-people-filter input").fill(name)
        person = page.locator(".ws-person:not([hidden])").filter(has_text=name).first
        person.wait_for(state="visible")
        assert person.evaluate(RENDERED)
        shown = page.locator("section.ws-letter:not([hidden])")
        assert letter in [shown.nth(i).get_attribute("id") for i in range(shown.count())]
        box = person.bounding_box()
        assert box is not None and box["height"] > 0 and box["y"] < page.viewport_size["height"]


def test_every_letter_prints_laid_out(visitors):
    with visitors["phone", "light"].open("people.html") as (page, _):
        page.emulate_media(media="print")
        people = page.locator(".ws-person")
        unrendered = people.evaluate_all(
            "people => people.filter(person => !person.checkVisibility("
            "{contentVisibilityAuto: true})).map(person => person.id)")
        assert people.count() > 100 and unrendered == []
