"""A synthetic archive of N editions, for the scale test (tests/test_scale.py) and the build
benchmark (benchmarks/build_scale.py, which imports it from here).

:func:`write_archive` writes a complete Sphinx project into a directory: the site's own conf.py
(docs/conf.py, with the citation and people files pointed at the generated ones), a home page with
the editions grid, the People, Talks and Editions pages, one page per edition using every directive
of the extension and ``{footcite:p}`` citations, a ``.bib`` and a people file with aliases.

The archive is deterministic (no randomness, no clock) and builds without a warning:

- people serve on several editions (organizers for three editions in a row, a steering committee
  that changes slowly, a keynote speaker who comes back three editions later), each time with the
  affiliation of that time;
- some organizers are written with a misspelt name on one page, declared as an alias in the
  people file, so the People page must join them;
- no two people's names look alike (the extension warns about those), which the generator checks
  with the extension's own rule (``collect.similar_pairs``).

Run it to write an archive (from the project's root):
``PYTHONPATH=tests python -m support.synthetic_archive 30 /tmp/archive``.
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from workshop_archive.collect import similar_pairs
from workshop_archive.text import slugify

PROJECT = Path(__file__).resolve().parents[2]
DOCS = PROJECT / "docs"
#: what the site's Sphinx project holds besides its pages: local extensions, templates, assets
SITE_SUPPORT = ("_ext", "_templates", "_static")

GIVEN = (
    "Adaeze", "Aiko", "Alejandro", "Amara", "Anders", "Anika", "Arjun", "Astrid", "Bao", "Beatriz",
    "Bogdan", "Camille", "Chidi", "Dagny", "Dmitri", "Elif", "Emeka", "Esperanza", "Farid",
    "Fiona", "Gustavo", "Hana", "Henrik", "Ines", "Ismail", "Jamal", "Jia", "Kalani", "Kenji",
    "Keziah", "Lars", "Leilani", "Lucia", "Magnus", "Mei", "Mirela", "Nadia", "Nikolai", "Noor",
    "Oluwaseun", "Oren", "Paloma", "Priya", "Quentin", "Radek", "Rania", "Rohan", "Saoirse",
    "Sebastian", "Sora", "Tamar", "Tariq", "Tomasz", "Uma", "Valentina", "Viktor", "Wanjiru",
    "Xiadani", "Yara", "Yusuf", "Zainab", "Zoltan", "Ilse", "Matteo",
)
FAMILY = (
    "Abernathy", "Achebe", "Bergstrom", "Bianchi", "Castellanos", "Chaudhry", "Dimitriou",
    "Drummond", "Eriksen", "Esposito", "Fairweather", "Fujimoto", "Gallagher", "Grünewald",
    "Haddad", "Holmqvist", "Iwasaki", "Jankowski", "Jovanovic", "Kaminski", "Kowalczyk",
    "Lindqvist", "Lombardi", "Mahlangu", "Marchetti", "Nakamura", "Nwachukwu", "Oyelaran",
    "Papadopoulos", "Quispe", "Rasmussen", "Richter", "Sandoval", "Schuster", "Takahashi",
    "Thorvaldsen", "Umarov", "Valdivia", "Vasquez", "Wojcik", "Xiong", "Yamaguchi", "Zielinski",
    "Zhou", "Okonkwo", "Brennan", "Ferreira", "Hoffmann", "Ivanova", "Kuznetsov", "Laurent",
    "Moreau", "Nguyen", "Ortega", "Petrov", "Rahman", "Santos", "Tanaka", "Ueda", "Villanueva",
    "Whitfield", "Yilmaz", "Zapata", "Adeyemi", "Bauer", "Coelho", "Delacroix", "Eklund",
    "Fontaine", "Gutierrez", "Horvath", "Ishikawa",
)
ORGANISATIONS = (
    "Northwind Labs", "University of Eastvale", "Contoso Research", "Fabrikam AI",
    "Institute of Adaptive Systems", "Westbrook University", "Tailspin Computing",
    "Lakeside Technical University", "Proseware", "Adatum Research", "Blue Yonder Institute",
    "Southridge College", "Litware Systems", "Fourth Coffee Research", "Wingtip Silicon",
    "Margie's Compilers", "Humongous Data", "Graphic Design Institute", "Alpine University",
    "Trey Research",
)
METHODS = (
    "Learned", "Reinforcement-Learned", "Graph-Based", "Differentiable", "Bayesian", "Neural",
    "Self-Tuning", "Transformer-Guided", "Evolutionary", "Offline-RL",
)
PROBLEMS = (
    "Index Structures", "Cache Replacement", "Compiler Autotuning", "Chip Floorplanning",
    "Cluster Scheduling", "Query Optimization", "Memory Allocation", "Network Congestion Control",
    "Kernel Fusion", "Storage Tiering", "Power Management", "Program Synthesis",
)
CITIES = (
    ("Vancouver", "America/Vancouver"), ("New Orleans", "America/Chicago"),
    ("Montreal", "America/Toronto"), ("Lisbon", "Europe/Lisbon"), ("Sydney", "Australia/Sydney"),
    ("Singapore", "Asia/Singapore"), ("Barcelona", "Europe/Madrid"),
)
#: the five talk slots of an edition: role option, extra options
SLOTS = (
    ("keynote", ""),
    ("invited", ""),
    ("invited", ":label: Industry Talk\n"),
    ("special-topic", ":topic: {topic}\n"),
    ("contributed", ""),
)
BIB_ENTRIES = 60
STEERING_POOL = 12


@dataclass(frozen=True)
class Person:
    """A generated person: the id the extension derives from the name, and the name."""

    id: str
    name: str
    #: a misspelling used on one page and declared in the people file ('' for none)
    alias: str = ""


@dataclass
class Archive:
    """What :func:`write_archive` wrote, for tests and benchmarks to check the built site."""

    srcdir: Path
    editions: list[str]
    #: every person who appears on some page, by id
    people: dict[str, Person] = field(default_factory=dict)
    #: the ids of people whose misspelt name (their alias) is written on some page
    misspelt: set[str] = field(default_factory=set)

    @property
    def pages(self) -> list[str]:
        """Every document of the project (home, Editions, People, Talks, one per edition)."""
        return ["editions", "index", "people", "talks", *(f"editions/{e}" for e in self.editions)]

    def edition_page(self, index: int) -> Path:
        return self.srcdir / "editions" / f"{self.editions[index]}.md"


def alike(one: str, other: str) -> bool:
    """Whether the extension would warn that two names look like one person (both ways round:
    difflib's ratio can differ slightly with the order in which the check meets the names)."""
    return any(similar_pairs({"a": first, "b": second}) for first, second in ((one, other),
                                                                              (other, one)))


def misspell(name: str) -> str:
    """A plausible typo: the family name's second letter doubled (``Haddad`` -> ``Haaddad``)."""
    given, _, family = name.rpartition(" ")
    return f"{given} {family[:2]}{family[1:]}"


def people_pool(count: int) -> list[Person]:
    """``count`` people whose names (and aliases) no two look alike, in a fixed order."""
    accepted: list[Person] = []
    # spellings by first and by last word: only names sharing one are compared, as the
    # extension does, which keeps this fast for thousands of people
    blocks: dict[str, list[str]] = {}

    def unlike_everyone(name: str) -> bool:
        words = name.casefold().split()
        return not any(alike(name, seen) for word in (f"<{words[0]}", f">{words[-1]}")
                       for seen in blocks.get(word, ()))

    def keep(name: str) -> None:
        words = name.casefold().split()
        for word in (f"<{words[0]}", f">{words[-1]}"):
            blocks.setdefault(word, []).append(name)

    # Walk given x family diagonally, so consecutive people share neither name.
    pairs = sorted(itertools.product(range(len(GIVEN)), range(len(FAMILY))),
                   key=lambda gf: ((gf[1] - gf[0]) % len(FAMILY), gf[0]))
    for given, family in pairs:
        name = f"{GIVEN[given]} {FAMILY[family]}"
        if not unlike_everyone(name):
            continue
        # every fifth person has a misspelling in the wild, when it is unlike everyone else
        alias = misspell(name) if len(accepted) % 5 == 4 else ""
        if alias and not unlike_everyone(alias):
            alias = ""
        accepted.append(Person(slugify(name), name, alias))
        keep(name)
        if alias:
            keep(alias)
        if len(accepted) == count:
            return accepted
    raise ValueError(f"cannot name {count} people unlike each other; add names to the lists")


class Generator:
    """Writes the pages of one synthetic archive."""

    def __init__(self, srcdir: Path, editions: int) -> None:
        self.srcdir = srcdir
        self.count = editions
        organizers = 2 * editions + 3
        self.pool = people_pool(STEERING_POOL + organizers + 5 * editions)
        self.steering = self.pool[:STEERING_POOL]
        self.organizers = self.pool[STEERING_POOL:STEERING_POOL + organizers]
        self.speakers = self.pool[STEERING_POOL + organizers:]
        self.rank = {person.id: rank for rank, person in enumerate(self.pool)}
        self.archive = Archive(srcdir, [self.edition_id(i) for i in range(editions)])

    @staticmethod
    def edition_id(index: int) -> str:
        return f"synth{2000 + index}"

    def affiliation(self, person: Person, index: int) -> str:
        """Where a person works at edition ``index``: people move every four editions."""
        return ORGANISATIONS[(self.rank[person.id] + index // 4) % len(ORGANISATIONS)]

    def note(self, person: Person) -> Person:
        self.archive.people[person.id] = person
        return person

    def write(self) -> Archive:
        (self.srcdir / "editions").mkdir(parents=True, exist_ok=True)
        self.write_conf()
        self.write_bib()
        for index in range(self.count):
            self.archive.edition_page(index).write_text(self.edition_page(index),
                                                        encoding="utf-8")
        self.write_people_file()
        self.write_index_pages()
        return self.archive

    def write_conf(self) -> None:
        """The site's conf.py with this project's .bib and people file, and what it needs."""
        conf = (DOCS / "conf.py").read_text(encoding="utf-8")
        for setting, value in (("bibtex_bibfiles", '["references.bib"]'),
                               ("ws_people_file", '"people.toml"')):
            conf, found = re.subn(rf"^{setting} = .*$", f"{setting} = {value}", conf,
                                  flags=re.MULTILINE)
            if found != 1:
                raise ValueError(f"docs/conf.py no longer sets {setting} on one line")
        (self.srcdir / "conf.py").write_text(conf, encoding="utf-8")
        for name in SITE_SUPPORT:
            if (DOCS / name).is_dir():
                shutil.copytree(DOCS / name, self.srcdir / name, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__"))

    def write_bib(self) -> None:
        entries = []
        for number in range(BIB_ENTRIES):
            authors = " and ".join(
                f"{p.name.rpartition(' ')[2]}, {p.name.rpartition(' ')[0]}"
                for p in self.pool[number % len(self.pool):][:2]
            )
            title = f"{METHODS[number % len(METHODS)]} {PROBLEMS[number % len(PROBLEMS)]}"
            entries.append(
                f"@article{{synth{number:03d},\n"
                f"  title = {{{title}, Part {number + 1}}},\n"
                f"  author = {{{authors}}},\n"
                f"  journal = {{Journal of Synthetic Systems}},\n"
                f"  volume = {{{number // 12 + 1}}},\n"
                f"  pages = {{{number * 10 + 1}--{number * 10 + 9}}},\n"
                f"  year = {{{2000 + number % 25}}}\n}}\n"
            )
        (self.srcdir / "references.bib").write_text("\n".join(entries), encoding="utf-8")

    def edition_speakers(self, index: int) -> list[Person]:
        five = self.speakers[5 * index:5 * index + 5]
        if index >= 3 and index % 4 == 3:
            # the keynote speaker of three editions ago comes back for the contributed slot
            five[4] = self.speakers[5 * (index - 3)]
        return five

    def edition_page(self, index: int) -> str:
        edition = self.edition_id(index)
        year = 2000 + index
        city, timezone = CITIES[index % len(CITIES)]
        speakers = [self.note(p) for p in self.edition_speakers(index)]
        organizers = [self.note(p) for p in self.organizers[2 * index:2 * index + 5]]
        steering = [self.note(self.steering[(index // 5 + k) % STEERING_POOL]) for k in range(4)]
        cite = [f"synth{(index * 7 + k * 11) % BIB_ENTRIES:03d}" for k in range(6)]
        topic = PROBLEMS[index % len(PROBLEMS)]
        lines = [
            f"# Synthetic Workshop {year}",
            "",
            f":::{{edition}} {edition}",
            f":conference: SynthConf {year}",
            f":date: {year}-12-{10 + index % 7:02d}",
            ":hours: 9:00 AM - 5:00 PM",
            f":venue: {city} Convention Centre",
            f":room: Hall {index % 9 + 1}",
            f":city: {city}",
            f":timezone: {timezone}",
            ":contact: organizers@example.org",
            f":website: https://example.org/{edition}/",
            ":::",
            "",
            "## Overview",
            "",
            f"Machine learning keeps replacing the heuristics of computer systems, from "
            f"{PROBLEMS[index % 12].lower()} {{footcite:p}}`{cite[0]}` to "
            f"{PROBLEMS[(index + 5) % 12].lower()} {{footcite:p}}`{cite[1]},{cite[2]}`. "
            f"This edition gathered work on {topic.lower()} {{footcite:p}}`{cite[3]}` and on "
            f"benchmarks {{footcite:p}}`{cite[4]},{cite[5]}`.",
            "",
        ]
        if index:
            lines += [f"It followed {{ws:edition}}`{self.edition_id(index - 1)}`; its steering "
                      f"committee was chaired by {{ws:person}}`{steering[0].name}`.", ""]
        lines += ["## Speakers", ""]
        for slot, (person, (role, extra)) in enumerate(zip(speakers, SLOTS, strict=True)):
            title = f"{METHODS[(index + slot) % len(METHODS)]} " \
                    f"{PROBLEMS[(index * 3 + slot) % len(PROBLEMS)]}"
            lines += [
                f"::::{{speaker}} {person.name}",
                f":affiliation: {self.affiliation(person, index)}",
                f":role: {role}",
                *extra.format(topic=topic).splitlines(),
                f":talk: {title} at Scale, Year {year}",
                f":homepage: https://example.org/people/{person.id}",
                "",
                f"{person.name} works on {title.lower()} and has published widely on "
                f"{PROBLEMS[(index + slot) % 12].lower()}.",
                "",
            ]
            if slot == 0:
                lines += [":::{abstract}",
                          f"Why {title.lower()} works, and where it does not yet.",
                          ":::", ""]
            lines += ["::::", ""]
        lines += [
            "## Schedule",
            "",
            ":::{schedule}",
            ":end: 5:00 PM",
            "",
            "- 9:00 AM [remarks] Opening remarks",
            f"- 9:10 AM {{ws:talk}}`{speakers[0].id}`",
            "- 10:00 AM [break] Coffee break",
            f"- 10:30 AM {{ws:talk}}`{speakers[1].id}`",
            f"- 11:00 AM {{ws:talk}}`{speakers[2].id}`",
            "- 11:30 AM [posters] Poster session",
            "- 12:30 PM [break] Lunch",
            f"- 1:30 PM {{ws:talk}}`{speakers[3].id}`",
            f"- 2:15 PM [contributed] {{ws:talk}}`{speakers[4].id}`",
            "- 3:00 PM [break] Tea break",
            "- 3:30 PM [panel] Panel discussion",
            "- 4:45 PM [remarks] Closing remarks",
            ":::",
            "",
            "## Committees",
            "",
            ":::{committee} Organizing Committee",
        ]
        for slot, person in enumerate(organizers):
            # an alias-bearing organizer is misspelt on the first page that lists them
            misspelt = bool(person.alias) and slot == 0
            shown = person.alias if misspelt else person.name
            if misspelt:
                self.archive.misspelt.add(person.id)
            lines.append(f"- {shown}, {self.affiliation(person, index)}, "
                         f"[Homepage](https://example.org/people/{person.id})")
        lines += [":::", "", ":::{committee} Steering Committee"]
        lines += [f"- {p.name}, {self.affiliation(p, index)}" for p in steering]
        lines += [":::", "", "## References", "", "```{footbibliography}", "```", ""]
        return "\n".join(lines)

    def write_people_file(self) -> None:
        entries = [
            f'[{person.id}]\nname = "{person.name}"\naliases = ["{person.alias}"]\n'
            for person in sorted(self.archive.people.values(), key=lambda p: p.id)
            if person.alias
        ]
        (self.srcdir / "people.toml").write_text(
            "# Names and the misspellings seen on the synthetic pages.\n\n" + "\n".join(entries),
            encoding="utf-8",
        )

    def write_index_pages(self) -> None:
        pages = {
            "index.md": "# Synthetic Archive\n\nEvery edition of a synthetic workshop.\n\n"
                        "## Editions\n\n:::{edition-index}\n:::\n\n```{toctree}\n:hidden:\n\n"
                        "editions\npeople\ntalks\n```\n",
            "editions.md": "# Editions\n\n## All editions\n\n:::{edition-index}\n:::\n\n"
                           "```{toctree}\n:glob:\n:reversed:\n:maxdepth: 1\n:caption: Editions"
                           "\n\neditions/*\n```\n",
            "people.md": "# People\n\n:::{people-index}\n:::\n",
            "talks.md": "# Talks\n\n:::{talk-index}\n:::\n",
        }
        for name, text in pages.items():
            (self.srcdir / name).write_text(text, encoding="utf-8")


def write_archive(srcdir: Path, editions: int) -> Archive:
    """Write a Sphinx project of ``editions`` synthetic editions into ``srcdir``.

    :param srcdir: the directory to write into (created if missing)
    :param editions: how many editions to generate
    :return: what was written: the edition ids, the pages and the people who appear
    """
    return Generator(Path(srcdir), editions).write()


def edit_one_edition(archive: Archive, index: int = 0) -> None:
    """An edit a maintainer makes: one organizer's affiliation on one edition page changes."""
    page = archive.edition_page(index)
    text = page.read_text(encoding="utf-8")
    edited = re.sub(r"^(- [^,\n]+, )([^,\n]+)", r"\1\2 (visiting)", text, count=1,
                    flags=re.MULTILINE)
    if edited == text:
        raise ValueError(f"{page} has no committee line to edit")
    page.write_text(edited, encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("editions", type=int, help="how many editions")
    parser.add_argument("srcdir", type=Path, help="the directory to write the project into")
    arguments = parser.parse_args()
    written = write_archive(arguments.srcdir, arguments.editions)
    print(f"{len(written.pages)} pages, {len(written.people)} people in {written.srcdir}")  # noqa: T201
