"""The class names the built pages can use (ext/archive_site/usage.py)."""

from __future__ import annotations

import json

from archive_site.usage import names_in_pages


def test_names_are_the_pages_classes_and_the_words_of_the_scripts_they_load(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "menu.js").write_text('b.classList.add("is-open");')
    (tmp_path / "_static" / "unloaded.js").write_text('b.classList.add("never");')
    (tmp_path / "_static" / "theme.html").write_text('<p class="in-static"></p>')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(
        '<body class="page  wide"><p class="note">text with class="not-a-class"</p>'
        '<script src="../_static/menu.js?v=1"></script>'
        '<script src="https://example.org/far.js"></script>'
        '<script>el.className = "filter-box";</script></body>')
    (tmp_path / "page.xhtml").write_text('<p class="other-suffix"></p>')
    names = names_in_pages(tmp_path)
    assert {"page", "wide", "note", "is-open", "classList", "filter-box"} <= names
    assert not {"not-a-class", "never", "in-static", "other-suffix"} & names
    assert "other-suffix" in names_in_pages(tmp_path, ".xhtml")


def test_a_page_is_read_again_only_when_it_changed(tmp_path):
    site, cache = tmp_path / "html", tmp_path / "pages.json"
    site.mkdir()
    page = site / "page.html"
    page.write_text('<p class="first"></p>')
    assert names_in_pages(site, cache=cache) == {"first"}
    page.write_text('<p class="second and-more"></p>')
    assert names_in_pages(site, cache=cache) == {"second", "and-more"}
    # a page that is gone is forgotten; the cache holds what each page used, under its stamp
    (site / "other.html").write_text('<p class="other"></p>')
    page.unlink()
    assert names_in_pages(site, cache=cache) == {"other"}
    assert list(json.loads(cache.read_text())) == ["other.html"]
