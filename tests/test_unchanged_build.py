"""A build after an unchanged one reads and writes nothing and does not say "The configuration has
changed", although sphinx-design and pydata-sphinx-theme add to the settings when the builder
starts, after Sphinx has compared them with the previous build's (the extension and the site layer
list those additions beforehand: ext/workshop_archive/__init__.py, ext/archive_site/__init__.py;
the real site's own settings are checked in tests/test_site_indexes.py)."""

from __future__ import annotations

from copy import deepcopy

#: what the theme fills in when the builder starts unless conf.py says it (as docs/conf.py does)
THEME_DEFAULTS = {
    "html_permalinks_icon": "#",
    "html_theme_options": {"navbar_end": ["theme-switcher"],
                           "navbar_persistent": ["search-button"], "icon_links": [], "logo": {}},
}


def test_a_build_after_an_unchanged_one_finds_the_configuration_unchanged(copy_root):
    project = copy_root("test-site")
    # each build its own settings, as each reads conf.py anew (the theme changes the logo's
    # dict while it writes)
    first = project.build(confoverrides=deepcopy(THEME_DEFAULTS))
    assert first.warnings == []
    second = project.build(confoverrides=deepcopy(THEME_DEFAULTS))
    assert second.warnings == []
    assert "configuration has changed" not in second.app.status.getvalue()
    assert (second.read, second.written) == ([], set())
    config = second.app.config
    for paths in (config.templates_path, config.html_static_path):
        assert len(paths) == len(set(paths)), paths
    assert any(path.endswith("components") for path in config.templates_path)
    assert any("sphinx_design" in path for path in config.html_static_path)
