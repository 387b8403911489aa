"""Configuration (``ws_*`` values) and the people file: ids, names and aliases of people.

Read phase: the people file is parsed once, at ``config-inited``, into ``ws_people``. Because it
is a config value that rebuilds the environment, editing the file re-reads every page, which is
right: an alias can change who a name on any page refers to.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .diagnostics import Problem, warn
from .sources import CONTROL, bad_byte, line_of
from .text import slugify

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


#: The defaults of the vocabulary settings: this archive's speaker roles with the badge each
#: shows (``{topic}`` stands for the card's ``:topic:``), the link options of a speaker card with
#: the text of each link, in the order they are shown, and the kinds of schedule row with the
#: words that make a row that kind when no ``[kind]`` is written. Another workshop sets its own
#: in conf.py. The texts are the English messages of the extension's catalog (locale/), shown
#: translated into the project's ``language`` where the catalog has them.
DEFAULT_ROLES = {
    "keynote": "Keynote Speaker",
    "special": "Special Speaker",
    "invited": "Invited Speaker",
    "special-topic": "Special Topic: {topic}",
    "contributed": "Contributed Talk",
    "panel": "Panelist",
    "moderator": "Moderator",
    "competition": "Competition",
}
DEFAULT_LINKS = {
    "homepage": "Homepage",
    "orcid": "ORCID",
    "twitter": "X (Twitter)",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "linkedin": "LinkedIn",
    "scholar": "Google Scholar",
    "github": "GitHub",
}
DEFAULT_SCHEDULE_KINDS = {
    "break": ["break", "lunch", "coffee", "tea", "dinner", "reception"],
    "posters": ["poster"],
    "remarks": ["remarks", "opening", "closing", "welcome"],
    "competition": ["competition"],
    "panel": ["panel"],
    "keynote": ["keynote"],
    "invited": ["invited"],
    "contributed": ["contributed", "oral", "spotlight"],
    "talk": [],
    "other": [],
}
#: the clocks the archive shows times in: ``9:05 AM`` or ``09:05``
CLOCKS = (12, 24)


def setup_config(app: Sphinx) -> None:
    """Declare the ``ws_*`` values and load the people file when the config is ready."""
    app.add_config_value(
        "ws_roles", DEFAULT_ROLES, "env", types=frozenset({dict}),
        description="speaker roles: {role: badge text}, '{topic}' standing for :topic:",
    )
    app.add_config_value(
        "ws_links", DEFAULT_LINKS, "env", types=frozenset({dict}),
        description="link options of a speaker card: {option: link text}, in display order",
    )
    app.add_config_value(
        "ws_schedule_kinds", DEFAULT_SCHEDULE_KINDS, "env", types=frozenset({dict}),
        description="kinds of schedule row: {kind: [words that make a row that kind]}",
    )
    app.add_config_value(
        "ws_clock", 12, "env", types=frozenset({int}),
        description="12 (9:05 AM) or 24 (09:05): the clock the archive shows times in",
    )
    app.connect("config-inited", check_vocabulary)
    app.add_config_value(
        "ws_people_file", "", "env", types=frozenset({str}),
        description="TOML file (relative to conf.py) declaring people's names and aliases",
    )
    app.add_config_value(
        "ws_people", {}, "env", types=frozenset({dict}),
        description="filled from ws_people_file: {id: {name, aliases, distinct}}",
    )
    app.add_config_value(
        "ws_person_aliases", {}, "env", types=frozenset({dict}),
        description="filled from ws_people: {slug of an alias: person id}",
    )
    app.add_config_value(
        "ws_workshop_title", "", "env", types=frozenset({str}),
        description="the workshop's name in a paper's BibTeX booktitle, '<name> at <host "
                    "conference>' (default: the project's name)",
    )
    app.add_config_value(
        "ws_today", "", "env", types=frozenset({str}),
        description="the build's date, YYYY-MM-DD: editions before it are past (default: the "
                    "date of SOURCE_DATE_EPOCH, else today in UTC)",
    )
    app.connect("config-inited", check_today)
    app.connect("config-inited", load_people_file)
    # after the file is loaded, so that it also serves a ws_people written in conf.py
    app.connect("config-inited", index_aliases, priority=600)


#: the keys of a person's table in the people file
PERSON_KEYS = ("name", "aliases", "distinct", "sort")


class PeopleFileLines:
    """Where things are in the people file, for warnings (tomllib gives no positions).

    Locations are ``"path:line"`` strings, which Sphinx prints as they are; a bare path would be
    taken for a document name, and there are no documents yet when the file is read.
    """

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def of(self, table: str, key: str = "") -> str:
        """The line of ``[table]``, or of ``key = ...`` inside it."""
        header = re.compile(rf'^\s*\[\s*"?{re.escape(table)}"?\s*\]')
        start = next((n for n, line in enumerate(self.lines, 1) if header.match(line)), 1)
        found = start
        if key:
            assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
            for number, line in enumerate(self.lines[start:], start + 1):
                if line.lstrip().startswith("["):
                    break
                if assignment.match(line):
                    found = number
                    break
        return f"{self.path}:{found}"


def load_people_file(app: Sphinx, config: Config) -> None:
    """Parse ``ws_people_file`` into ``ws_people``; a broken file warns and is ignored."""
    if not config.ws_people_file:
        return
    path = Path(os.path.normpath(Path(app.confdir, config.ws_people_file)))
    try:
        data = path.read_bytes()
    except OSError as error:
        warn(f"cannot read the people file (ws_people_file): {error}", Problem.config, None)
        return
    if found := bad_byte(data):
        line, byte = found
        warn(f"{byte} in the people file is not UTF-8 (read as '\ufffd'); write the character "
             "again and save the file as UTF-8", Problem.bad_text, f"{path}:{line}")
    text = data.decode("utf-8", errors="replace")
    # TOML allows no control character: one would make the whole file unreadable
    for match in CONTROL.finditer(text):
        warn(f"control character U+{ord(match[0]):04X} in the people file is left out; delete "
             "it (keep the text around it)", Problem.bad_text,
             f"{path}:{line_of(text, match.start())}")
    text = CONTROL.sub("", text)
    lines = PeopleFileLines(path, text)
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at_line = re.search(r"at line (\d+)", str(error))
        warn(f"the people file is not valid TOML: {error}", Problem.config,
             f"{path}:{at_line[1] if at_line else 1}")
        return
    people: dict[str, dict[str, Any]] = {}
    for person_id, entry in table.items():
        if not isinstance(entry, dict) or slugify(person_id) != person_id:
            warn(
                f"people file entry {person_id!r} is not a table keyed by a slug "
                f"(write [{slugify(person_id) or 'jane-doe'}])",
                Problem.config,
                lines.of(person_id),
            )
            continue
        people[person_id] = read_person(person_id, entry, lines)
    drop_claimed_aliases(people, lines)
    config.ws_people = people


def read_person(person_id: str, entry: dict[str, Any], lines: PeopleFileLines) -> dict[str, Any]:
    """One person's table; a misspelt key or a value of the wrong kind warns and is ignored
    (a typo such as ``alias =`` would otherwise silently join nobody)."""
    for key in sorted(set(entry) - set(PERSON_KEYS)):
        warn(f"people file entry [{person_id}] has an unknown key {key!r}; the keys are "
             f"{', '.join(PERSON_KEYS)}", Problem.config, lines.of(person_id, key))
    name = entry.get("name", "")
    if not isinstance(name, str):
        warn(f'people file entry [{person_id}]: name must be a string, e.g. name = "Ada '
             'Lovelace"', Problem.config, lines.of(person_id, "name"))
        name = ""
    elif "name" in entry and not name.strip():
        warn(f"people file entry [{person_id}]: name is empty; write the name as the person "
             'writes it, e.g. name = "Ada Lovelace", or remove the line', Problem.config,
             lines.of(person_id, "name"))
    name = " ".join(name.split())
    sort = entry.get("sort", "")
    if not isinstance(sort, str):
        warn(f"people file entry [{person_id}]: sort must be a string, the words the person "
             'is filed under, e.g. sort = "Berg, Anna van der"', Problem.config,
             lines.of(person_id, "sort"))
        sort = ""
    lists: dict[str, list[str]] = {}
    for key in ("aliases", "distinct"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            warn(f"people file entry [{person_id}]: {key} must be a list of strings, e.g. "
                 f'{key} = ["..."]', Problem.config, lines.of(person_id, key))
            value = []
        lists[key] = value
    return {"name": name, "sort": " ".join(sort.split()), **lists}


def drop_claimed_aliases(people: dict[str, dict[str, Any]], lines: PeopleFileLines) -> None:
    """Warn about, and drop, an alias that is another person's id or another person's alias:
    a name cannot mean two people."""
    owner: dict[str, str] = {}
    for person_id in sorted(people):
        kept = []
        for alias in people[person_id]["aliases"]:
            slug = slugify(alias)
            if not slug:
                warn(f"people file: alias {alias!r} of [{person_id}] has no letters or digits, "
                     "so it matches no name; write the spelling as it appears on a page",
                     Problem.config, lines.of(person_id, "aliases"))
                continue
            other = slug if slug in people and slug != person_id else owner.get(slug)
            if other is not None:
                warn(f"people file: alias {alias!r} of [{person_id}] already means [{other}]; "
                     "keep it under one person", Problem.config, lines.of(person_id, "aliases"))
                continue
            owner[slug] = person_id
            kept.append(alias)
        people[person_id]["aliases"] = kept


def index_aliases(app: Sphinx, config: Config) -> None:
    """Map the slug of every alias (a misspelling seen in the wild) to the person's id, once:
    every name on every page is looked up in it."""
    config.ws_person_aliases = {
        slug: person_id
        for person_id, entry in config.ws_people.items()
        for alias in entry.get("aliases", [])
        if (slug := slugify(alias))
    }


def person_id(name: str, config: Config) -> str:
    """The id of the person a name refers to: its slug, unless the slug is a declared alias
    (``''`` for a name without letters or digits, which no alias matches)."""
    slug = slugify(name)
    return config.ws_person_aliases.get(slug, slug) if slug else ""


def canonical_name(person: str, config: Config) -> str:
    """The name the people file declares for an id ('' when the file does not name it)."""
    entry = config.ws_people.get(person)
    return entry["name"] if entry else ""


def check_vocabulary(app: Sphinx, config: Config) -> None:
    """A vocabulary setting of the wrong shape warns and falls back to its default."""
    shapes = (("ws_roles", DEFAULT_ROLES, str, "{'keynote': 'Keynote Speaker'}"),
              ("ws_links", DEFAULT_LINKS, str, "{'homepage': 'Homepage'}"),
              ("ws_schedule_kinds", DEFAULT_SCHEDULE_KINDS, list, "{'break': ['lunch']}"))
    for setting, default, kind, example in shapes:
        value = getattr(config, setting)
        if not all(isinstance(key, str) and slugify(key) == key and isinstance(item, kind)
                   for key, item in value.items()):
            warn(f"{setting} maps slugs to {kind.__name__} values, e.g. {example}; the default "
                 "is used", Problem.config, None)
            setattr(config, setting, default)
    if config.ws_clock not in CLOCKS:
        warn(f"ws_clock {config.ws_clock!r} is not a clock; write 12 (9:05 AM) or 24 (09:05)",
             Problem.config, None)
        config.ws_clock = 12


def check_today(app: Sphinx, config: Config) -> None:
    """A ``ws_today`` that is not a date warns and is not used."""
    try:
        if config.ws_today:
            dt.date.fromisoformat(config.ws_today)
    except ValueError:
        warn(f"ws_today {config.ws_today!r} is not a date; write it as YYYY-MM-DD, or remove it "
             "to use the build's date", Problem.config, None)
        config.ws_today = ""


def build_date(config: Config) -> dt.date:
    """The date a build takes as today: ``ws_today``, else the day of ``SOURCE_DATE_EPOCH`` (so
    that a reproducible build gives the same pages on any day), else today in UTC."""
    if config.ws_today:
        return dt.date.fromisoformat(config.ws_today)
    if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.datetime.now(dt.UTC).date()
