"""Head metadata: schema.org JSON-LD that a JSON-LD processor (pyld) expands with the properties
each type needs, link previews with a description from the page's prose, one viewport tag, a
canonical link, and the sitemap and robots.txt of the site."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from pyld import jsonld

from workshop_archive.exports.head import description

S = "https://schema.org/"
#: schema.org's context, as far as these documents use it: no request leaves the machine
CONTEXT = {"@context": {"@vocab": S}}


def load_document(url: str, options: dict | None = None) -> dict:
    assert url.rstrip("/") == "https://schema.org", url
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expanded(page) -> list[dict]:
    """Each JSON-LD document of a page, expanded."""
    found = []
    for script in page.select('script[type="application/ld+json"]'):
        document = json.loads(script.string)
        found.extend(jsonld.expand(document, {"documentLoader": load_document}))
    return found


def value(node: dict, name: str) -> object:
    (item,) = node[S + name]
    return item.get("@value", item)


def of_type(nodes: list[dict], kind: str) -> list[dict]:
    return [node for node in nodes if S + kind in node.get("@type", [])]


def assert_event(event: dict) -> None:
    """What search engines need of an Event: name, start, a place, the attendance mode."""
    assert value(event, "name")
    start = value(event, "startDate")
    assert start[:4].isdigit()
    location = value(event, "location")
    assert of_type([location], "Place") or of_type([location], "VirtualLocation")
    assert str(value(event, "eventAttendanceMode")).endswith("AttendanceMode")


def test_every_edition_page_is_an_event_with_its_talks_papers_and_people(built_site):
    pages = sorted((built_site.html / "editions").glob("*.html"))
    assert pages
    for path in pages:
        page = built_site.page(f"editions/{path.name}")
        (event,) = of_type(expanded(page), "Event")
        assert_event(event)
        assert event["@id"].endswith(f"/editions/{path.name}#about-{path.stem}")
        assert event[S + "organizer"]
        cards = page.select(".ws-speaker")
        if cards:
            # a speaker card names its speaker; a panel card lists its people
            assert {value(p, "name") for p in event[S + "performer"]} == {
                " ".join(card.select_one(".ws-card-title").get_text().split())
                for card in cards if "ws-panel" not in card["class"]} | {
                " ".join(name.get_text().split())
                for name in page.select(".ws-panel .ws-panel-people strong")}
        rows = page.select("table.ws-schedule tbody tr .ws-start")
        if rows:
            for sub in event[S + "subEvent"]:
                assert_event(sub)
                assert value(sub, "startDate")[19] in "+-"  # with the UTC offset
        papers = page.select("li.ws-paper:not(.ws-withdrawn)")
        if papers:
            articles = of_type(event[S + "workFeatured"], "ScholarlyArticle")
            assert len(articles) == len(papers)
            for article in articles:
                assert value(article, "name") and article[S + "author"]
        # every recording the page links is a VideoObject the edition was recorded in
        shown = {a["href"] for a in page.select(".ws-talk-material a")} | {
            a["href"] for a in page.select(".ws-paper-meta a") if a.get_text() == "Video"}
        videos = {value(v, "url") for v in of_type(event.get(S + "recordedIn", []),
                                                   "VideoObject")}
        assert videos <= shown
        assert {a["href"] for a in page.select(".ws-talk-material a")
                if a.get_text().startswith("Video")} <= videos


def test_a_virtual_edition_is_online_and_one_day_has_its_hours(copy_root):
    build = copy_root("test-program").build()
    assert build.warnings == []
    (multi,) = of_type(expanded(build.page("multiday")), "Event")
    assert value(multi, "eventAttendanceMode") == S + "OnlineEventAttendanceMode"
    assert of_type([value(multi, "location")], "VirtualLocation")
    assert (value(multi, "startDate"), value(multi, "endDate")) == ("2031-12-14", "2031-12-15")
    (one_day,) = of_type(expanded(build.page("index")), "Event")
    assert (value(one_day, "startDate"), value(one_day, "endDate")) == (
        "2030-12-14T08:30:00-05:00", "2030-12-14T17:00:00-05:00")
    keynote = next(s for s in one_day[S + "subEvent"]
                   if value(s, "name") == "Keynote Speaker: Jane Doe — Systems That Learn")
    assert value(value(keynote, "performer"), "name") == "Jane Doe"


def test_a_talks_recording_and_slides_are_works_of_its_event(copy_root):
    """A recording is a VideoObject the edition and the talk's row were recordedIn, slides a
    PresentationDigitalDocument they featured: the card's, or the paper's."""
    build = copy_root("test-program").build()
    (edition,) = of_type(expanded(build.page("index")), "Event")
    videos = {value(v, "name"): value(v, "url")
              for v in of_type(edition[S + "recordedIn"], "VideoObject")}
    assert videos == {
        "Jane Doe: Systems That Learn": "https://video.example.org/jane-doe",
        "Ann Example: Learned Caches": "https://video.example.org/p/2",
        "Learning to Schedule": "https://video.example.org/p/1"}
    slides = {value(d, "url") for d in of_type(edition[S + "workFeatured"],
                                                "PresentationDigitalDocument")}
    assert slides == {"https://example.org/talks/jane-doe.pdf",
                      "https://example.org/p/1-slides.pdf"}
    rows = {value(s, "name"): s for s in edition[S + "subEvent"]}
    keynote = rows["Keynote Speaker: Jane Doe — Systems That Learn"]
    assert value(value(keynote, "recordedIn"), "url") == "https://video.example.org/jane-doe"
    assert of_type([value(keynote, "workFeatured")], "PresentationDigitalDocument")
    best = [s for s in edition[S + "subEvent"] if value(s, "name") == "Learning to Schedule"]
    assert {value(value(s, "recordedIn"), "url") for s in best} == {
        "https://video.example.org/p/1"}
    assert S + "recordedIn" not in rows["Opening Remarks"]


def test_the_people_page_lists_each_person_with_the_spellings_of_their_name(built_site):
    people = of_type(expanded(built_site.page("people.html")), "Person")
    entries = built_site.page("people.html").select(".ws-person")
    assert len(people) == len(entries)
    jaques = next(p for p in people if p["@id"].endswith("#people-natasha-jaques"))
    assert "Natasha Jacques" in [a["@value"] for a in jaques[S + "alternateName"]]


def test_every_page_has_one_viewport_a_canonical_link_and_a_preview(built_site):
    for path in sorted(built_site.html.rglob("*.html")):
        relative = path.relative_to(built_site.html).as_posix()
        if relative.startswith("_static/"):
            continue
        page = built_site.page(relative)
        assert len(page.select('meta[name="viewport"]')) == 1, relative
        if page.select_one('meta[http-equiv="refresh"]'):
            continue  # an old address leading to its page
        if relative not in ("search.html", "genindex.html"):
            assert page.select_one('link[rel="canonical"]')["href"] == \
                f"https://mlforsystems.org/{relative}"
        for name in ("og:title", "og:description", "og:site_name"):
            assert page.select_one(f'meta[property="{name}"]')["content"], (relative, name)
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary"
        assert len(page.select('meta[name="description"]')) == 1, relative


def test_an_edition_preview_is_its_overview_not_its_card(built_site):
    page = built_site.page("editions/neurips2023.html")
    preview = page.select_one('meta[property="og:description"]')["content"]
    assert preview.startswith("The ML for Systems workshop presents")
    assert len(preview) <= 200


@pytest.mark.parametrize(("text", "shown"), [
    ("Short.", "Short."),
    ("word " * 60, ("word " * 39).strip() + "…"),
])
def test_a_long_description_is_cut_after_a_word(text, shown):
    document = new_document("test", get_default_settings(Parser))
    section = nodes.section()
    section += nodes.paragraph(text, text)
    document += section
    assert description(document) == shown


def test_the_sitemap_lists_every_page_and_robots_txt_points_at_it(built_site):
    robots = (built_site.html / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://mlforsystems.org/sitemap.xml" in robots.splitlines()
    tree = ElementTree.parse(built_site.html / "sitemap.xml")
    spaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text for loc in tree.getroot().findall("s:url/s:loc", spaces)]
    assert len(listed) == len(set(listed))
    assert "https://mlforsystems.org/index.html" in listed
    for url in listed:
        assert (built_site.html / url.removeprefix("https://mlforsystems.org/")).is_file(), url
