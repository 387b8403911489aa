"""Configuration (``ws_*`` values) and the people file: ids, names and aliases of people.

Read phase: the people file is parsed once, at ``config-inited``, into ``ws_people``. Because it
is a config value that rebuilds the environment, editing the file re-reads every page, which is
right: an alias can change who a name on any page refers to.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .diagnostics import Problem, warn
from .text import slugify

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def setup_config(app: Sphinx) -> None:
    """Declare the ``ws_*`` values and load the people file when the config is ready."""
    app.add_config_value(
        "ws_people_file", "", "env", types=frozenset({str}),
        description="TOML file (relative to conf.py) declaring people's names and aliases",
    )
    app.add_config_value(
        "ws_people", {}, "env", types=frozenset({dict}),
        description="filled from ws_people_file: {id: {name, aliases, distinct}}",
    )
    app.connect("config-inited", load_people_file)


def load_people_file(app: Sphinx, config: Config) -> None:
    """Parse ``ws_people_file`` into ``ws_people``; a broken file warns and is ignored."""
    if not config.ws_people_file:
        return
    path = Path(app.confdir, config.ws_people_file)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        warn(f"cannot read the people file: {error}", Problem.config, str(path))
        return
    people: dict[str, dict[str, Any]] = {}
    for person_id, entry in data.items():
        if not isinstance(entry, dict) or slugify(person_id) != person_id:
            warn(
                f"people file entry {person_id!r} is not a table keyed by a slug "
                f"(write [{slugify(person_id) or 'jane-doe'}])",
                Problem.config,
                str(path),
            )
            continue
        people[person_id] = {
            "name": str(entry.get("name", "")),
            "aliases": [str(alias) for alias in entry.get("aliases", [])],
            "distinct": [str(other) for other in entry.get("distinct", [])],
        }
    config.ws_people = people


def alias_map(config: Config) -> dict[str, str]:
    """Map the slug of every alias (a misspelling seen in the wild) to the person's id."""
    return {
        slugify(alias): person_id
        for person_id, entry in config.ws_people.items()
        for alias in entry["aliases"]
    }


def person_id(name: str, config: Config) -> str:
    """The id of the person a name refers to: its slug, unless the slug is a declared alias."""
    slug = slugify(name)
    return alias_map(config).get(slug, slug)


def canonical_name(person: str, config: Config) -> str:
    """The name the people file declares for an id ('' when the file does not name it)."""
    entry = config.ws_people.get(person)
    return entry["name"] if entry else ""
