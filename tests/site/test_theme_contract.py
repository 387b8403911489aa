"""A theme upgrade cannot change what the site relies on quietly (ext/archive_site/theme.py): on a
copy of the installed pydata-sphinx-theme with one file renamed, one icon class changed or one
replaced block edited, the check names the change, and a build with that theme stops."""

from __future__ import annotations

import shutil
from pathlib import Path

import pydata_sphinx_theme
import pytest
from sphinx.errors import ExtensionError

from archive_site.theme import (
    RELIED_ON,
    REPLACED_BLOCKS,
    THEME,
    THEME_STATIC,
    UNSHIPPED,
    block_digest,
    check_theme,
)

INSTALLED = Path(pydata_sphinx_theme.__file__).parent
TEMPLATES = Path("theme", THEME)


@pytest.fixture
def theme_copy(tmp_path) -> Path:
    """A copy of the installed theme's package, to break."""
    copy = tmp_path / "pydata_sphinx_theme"
    shutil.copytree(INSTALLED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_installed_theme_has_everything_the_site_relies_on():
    assert check_theme(INSTALLED) == []


@pytest.mark.parametrize("relative", sorted(map(str, RELIED_ON)))
def test_a_renamed_theme_file_is_named(theme_copy, relative):
    path = theme_copy / relative
    path.rename(path.with_name(f"renamed-{path.name}"))
    assert f"{relative} is gone" in check_theme(theme_copy)


@pytest.mark.parametrize("relative", sorted(
    str(unused) for unused in UNSHIPPED if (INSTALLED / THEME_STATIC / unused).is_file()))
def test_a_renamed_file_the_site_leaves_out_is_named(theme_copy, relative):
    path = theme_copy / THEME_STATIC / relative
    path.rename(path.with_name(f"renamed-{path.name}"))
    assert f"static file {relative} is gone: archive_site leaves it out of the output " \
        "(UNSHIPPED); if the theme renamed it, list the new name there if no page loads it" in (
            check_theme(theme_copy))


def test_a_renamed_icon_class_is_named(theme_copy):
    edit(theme_copy / TEMPLATES / "sections" / "header.html", "fa-bars", "fa-burger")
    assert check_theme(theme_copy) == [
        f"{TEMPLATES / 'sections' / 'header.html'} no longer contains 'fa-bars'"]


@pytest.mark.parametrize("replaced", REPLACED_BLOCKS, ids=lambda r: f"{r.template}:{r.block}")
def test_a_changed_replaced_block_is_named(theme_copy, replaced):
    template = theme_copy / TEMPLATES / replaced.template
    source = template.read_text(encoding="utf-8")
    assert block_digest(source, replaced.block) == replaced.digest
    # a new line at the start of the block, as an upgrade would add one
    opening = source.index("%}", source.index(f"block {replaced.block}")) + 2
    template.write_text(f"{source[:opening]}<!-- new -->{source[opening:]}", encoding="utf-8")
    [problem] = check_theme(theme_copy)
    assert f"the block {replaced.block!r} of {TEMPLATES / replaced.template} changed" in problem
    assert f"compare it with archive_site/templates/{replaced.template}" in problem


def test_moving_a_block_within_its_template_changes_nothing(theme_copy):
    layout = theme_copy / TEMPLATES / "layout.html"
    layout.write_text("\n\n\n" + layout.read_text(encoding="utf-8"), encoding="utf-8")
    assert check_theme(theme_copy) == []


def test_a_build_with_a_changed_theme_stops_and_says_what_changed(copy_root, theme_copy):
    switcher = theme_copy / TEMPLATES / "components" / "theme-switcher.html"
    switcher.rename(switcher.with_name("theme-switch.html"))
    project = copy_root("test-site")
    with pytest.raises(ExtensionError, match=r"theme-switcher\.html is gone"):
        project.build(confoverrides={"html_theme_path": [str(theme_copy / "theme")]})


def test_the_site_layer_refuses_another_theme(copy_root):
    with pytest.raises(ExtensionError, match="site layer for pydata_sphinx_theme"):
        copy_root("test-site").build(confoverrides={"html_theme": "alabaster"})
