"""The people file (``ws_people_file``): aliases are data; a mistake in the file is a located
warning, never a silent no-op or a crash."""

from __future__ import annotations

import pytest

from conftest import warnings_of

CONF = (
    'extensions = ["myst_parser", "workshop_archive"]\n'
    'myst_enable_extensions = ["colon_fence"]\n'
    'ws_people_file = "people.toml"\n'
)
PAGE = """# Edition

:::{edition} test2030
:::

:::{committee} Organizing Committee
- Ada Lovlace, Analytical Engines
- Grace Hopper, US Navy
:::
"""


@pytest.fixture
def build(make_app, tmp_path):
    def build_with(people: str):
        (tmp_path / "conf.py").write_text(CONF)
        (tmp_path / "index.md").write_text(PAGE)
        (tmp_path / "people.toml").write_text(people)
        app = make_app("html", srcdir=tmp_path)
        app.build()
        return app

    return build_with


def test_an_alias_joins_a_misspelt_name_to_the_person(build):
    app = build('[ada-lovelace]\nname = "Ada Lovelace"\naliases = ["Ada Lovlace"]\n')
    assert warnings_of(app) == []
    domain = app.env.get_domain("ws")
    assert [(m.person, m.name) for m in domain.members] == [
        ("ada-lovelace", "Ada Lovlace"), ("grace-hopper", "Grace Hopper")]


def test_mistakes_in_the_people_file_warn_at_their_line(build, tmp_path):
    app = build(
        '[ada-lovelace]\nalias = ["Ada Lovlace"]\n\n'
        '[grace-hopper]\nname = ["Grace"]\naliases = "Amazing Grace"\n\n'
        '[charles-babbage]\naliases = ["Grace Hopper", "Ada Lovlace"]\n\n'
        '["Mary Somerville"]\nname = "Mary Somerville"\n'
    )
    people = tmp_path / "people.toml"
    assert warnings_of(app) == [
        f"{people}:2: WARNING: people file entry [ada-lovelace] has an unknown key 'alias'; "
        "the keys are name, aliases, distinct, sort [workshop.config]",
        f"{people}:5: WARNING: people file entry [grace-hopper]: name must be a string, e.g. "
        'name = "Ada Lovelace" [workshop.config]',
        f"{people}:6: WARNING: people file entry [grace-hopper]: aliases must be a list of "
        'strings, e.g. aliases = ["..."] [workshop.config]',
        f"{people}:11: WARNING: people file entry 'Mary Somerville' is not a table keyed by a "
        "slug (write [mary-somerville]) [workshop.config]",
        f"{people}:9: WARNING: people file: alias 'Grace Hopper' of [charles-babbage] already "
        "means [grace-hopper]; keep it under one person [workshop.config]",
    ]
    # "Ada Lovlace" stays an alias of Charles Babbage, the only person who claims it
    assert app.config.ws_people["charles-babbage"]["aliases"] == ["Ada Lovlace"]


def test_a_people_file_that_is_not_toml_warns_and_is_ignored(build, tmp_path):
    app = build('[ada-lovelace]\nname = "Ada Lovelace"\n[grace-hopper\n')
    [warning] = warnings_of(app)
    # tomllib's own words vary between Python versions; the location and the subtype do not
    assert warning.startswith(f"{tmp_path / 'people.toml'}:3: WARNING: the people file is not "
                              "valid TOML: ")
    assert warning.endswith(" [workshop.config]")
    assert app.config.ws_people == {}


def test_a_missing_people_file_warns(make_app, tmp_path):
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "index.md").write_text("# Empty\n")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert warnings_of(app) == [
        "WARNING: cannot read the people file (ws_people_file): [Errno 2] No such file or "
        f"directory: '{tmp_path / 'people.toml'}' [workshop.config]",
    ]


def test_a_byte_that_is_not_utf8_warns_at_its_line_and_the_file_is_still_read(make_app,
                                                                             tmp_path):
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "index.md").write_text(PAGE)
    people = tmp_path / "people.toml"
    people.write_bytes(b'[ada-lovelace]\nname = "Ada Lovelace"\naliases = ["Ada Lovlace"]\n\n'
                       b'[grace-hopper]\nname = "Grace Hopper \xe9"\n')
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert warnings_of(app) == [
        f"{people}:6: WARNING: byte 0xe9 in the people file is not UTF-8 (read as '\ufffd'); "
        "write the character again and save the file as UTF-8 [workshop.bad_text]"]
    assert app.config.ws_people["ada-lovelace"]["aliases"] == ["Ada Lovlace"]
    assert app.config.ws_people["grace-hopper"]["name"] == "Grace Hopper \ufffd"


def test_an_empty_name_and_an_alias_without_letters_warn(build, tmp_path):
    app = build('[ada-lovelace]\nname = " "\n\n[grace-hopper]\naliases = ["😀", "Amazing Grace"]\n')
    people = tmp_path / "people.toml"
    assert warnings_of(app) == [
        f"{people}:2: WARNING: people file entry [ada-lovelace]: name is empty; write the name as "
        'the person writes it, e.g. name = "Ada Lovelace", or remove the line [workshop.config]',
        f"{people}:5: WARNING: people file: alias '😀' of [grace-hopper] has no letters or "
        "digits, so it matches no name; write the spelling as it appears on a page "
        "[workshop.config]",
    ]
    assert app.config.ws_person_aliases == {"amazing-grace": "grace-hopper"}


def test_an_alias_in_another_script_matches_its_own_spelling_only(make_app, tmp_path):
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "people.toml").write_text('[wei-zhang]\nname = "Wei Zhang"\naliases = ["张伟"]\n',
                                          encoding="utf-8")
    (tmp_path / "index.md").write_text(
        "# Edition\n\n:::{edition} test2030\n:::\n\n:::{committee} Organizing Committee\n"
        "- 张伟, Tsinghua\n- 章伟, Peking University\n- محمد علي, Cairo University\n:::\n",
        encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert warnings_of(app) == []
    members = app.env.get_domain("ws").members
    assert [(m.person, m.name) for m in members] == [
        ("wei-zhang", "张伟"), ("zhang-wei-8b5f1c", "章伟"), ("mhmd-ly-e6aa0d", "محمد علي")]


def test_a_control_character_warns_at_its_line_and_the_file_is_still_read(build, tmp_path):
    app = build('[ada-lovelace]\nname = "Ada Lovelace"\naliases = ["Ada Lovlace"]\n\n'
                '[grace-hopper]\nname = "Grace\x00 Hopper"\n')
    assert warnings_of(app) == [
        f"{tmp_path / 'people.toml'}:6: WARNING: control character U+0000 in the people file is "
        "left out; delete it (keep the text around it) [workshop.bad_text]"]
    assert app.config.ws_people["ada-lovelace"]["aliases"] == ["Ada Lovlace"]
    assert app.config.ws_people["grace-hopper"]["name"] == "Grace Hopper"
