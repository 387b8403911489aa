"""The ``ws`` domain: the build-wide store of editions, talks and committee places, per document.

Read phase: directives record facts with :meth:`WorkshopDomain.note`. Consistency phase:
:meth:`check_consistency` warns about what only shows across pages. Write phase: roles resolve
through :meth:`resolve_xref`, and the index pages read the aggregates in ``collect.py``.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.errors import NoUri
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from . import collect
from .config import person_id
from .diagnostics import Problem, warn
from .i18n import _
from .records import Reference
from .text import slugify

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Set

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .records import Edition, IndexHost, Membership, Paper, Slot, Talk

T = TypeVar("T")

#: The keys of the per-document fact tables in ``domain.data``.
FACT_TABLES = ("editions", "talks", "members", "papers", "contributions", "slots", "hosts",
               "references", "anchors")
#: ``ref_context`` key holding the edition of the page being read.
EDITION_CONTEXT = "ws:edition"


class WorkshopXRefRole(XRefRole):
    """A role whose bare target is read relative to the page's edition (``william-dally`` in a
    page of ``neurips2023`` means ``neurips2023/william-dally``, and so ``37`` in ``{ws:paper}``
    means ``neurips2023/37``). An explicit label (``{ws:talk}`Invited Speaker 1 <jeff-dean>```)
    is shown as text, not as code."""

    innernodeclass = nodes.inline

    def process_link(
        self, env: BuildEnvironment, refnode: Element, has_explicit_title: bool, title: str,
        target: str,
    ) -> tuple[str, str]:
        edition = env.ref_context.get(EDITION_CONTEXT)
        if self.reftype in ("talk", "paper") and "/" not in target and edition:
            target = f"{edition}/{target}"
        env.get_domain("ws").note("references", Reference(self.reftype, target.strip(),
                                                          env.docname, refnode.line or 0))
        return title, target.strip()


class WorkshopDomain(Domain):
    """Editions, people and talks of a workshop archive."""

    name = "ws"
    label = "Workshop archive"
    data_version = 8
    object_types: ClassVar[dict[str, ObjType]] = {
        "edition": ObjType("edition", "edition"),
        "person": ObjType("person", "person"),
        "talk": ObjType("talk", "talk"),
        "paper": ObjType("paper", "paper"),
    }
    # warn_dangling: an unresolved reference reaches warn_unknown_target (below) even when the
    # build is not nitpicky; nitpick_ignore still silences it, as for any Sphinx role.
    roles: ClassVar[dict[str, XRefRole]] = {
        "edition": WorkshopXRefRole(warn_dangling=True),
        "person": WorkshopXRefRole(warn_dangling=True),
        "talk": WorkshopXRefRole(warn_dangling=True),
        "paper": WorkshopXRefRole(warn_dangling=True),
    }
    initial_data: ClassVar[dict[str, Any]] = {
        **{table: {} for table in FACT_TABLES},
        "fingerprint": "",
        # the pages to read again at the next build (see note_pages_to_check_again)
        "check_again": [],
        # {edition id: still to come?} as of the last build (see pages_to_reread)
        "upcoming": {},
    }

    # -- facts, per document -------------------------------------------------------------------

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._lookups: dict[str, Any] = {}

    def _facts(self, table: str) -> dict[str, list[Any]]:
        return self.data[table]

    def note(self, table: str, record: Any) -> None:
        """Record a fact of the document being read."""
        self._facts(table).setdefault(record.docname, []).append(record)
        self._lookups.clear()

    def _lookup(self, name: str, compute: Callable[[], T]) -> T:
        """A table derived from the facts, kept until the facts change: the write phase
        resolves every reference of every page against the same few tables."""
        if name not in self._lookups:
            self._lookups[name] = compute()
        return self._lookups[name]

    @property
    def talks_by_key(self) -> dict[str, Talk]:
        return self._lookup("talks", lambda: collect.talks_by_key(self.talks))

    @property
    def items_by_key(self) -> dict[str, list[Talk]]:
        return self._lookup("items", lambda: collect.items_by_key(self.talks))

    @property
    def papers_by_key(self) -> dict[str, Paper]:
        return self._lookup("papers", lambda: collect.papers_by_key(self.papers))

    @property
    def editions_by_id(self) -> dict[str, Edition]:
        def first_of_each() -> dict[str, Edition]:
            owners = self.data.get("edition_owners", {})
            found: dict[str, Edition] = {}
            for edition in self.editions:  # the page that keeps an id declared twice, first
                if owners.get(edition.id, edition.docname) == edition.docname:
                    found.setdefault(edition.id, edition)
            for edition in self.editions:
                found.setdefault(edition.id, edition)
            return found

        return self._lookup("editions", first_of_each)

    @property
    def people(self) -> dict[str, collect.Person]:
        """Everyone who spoke or served, by id, in the People page's order: what the People
        page, the resolver, objects.inv and the search index show, computed once per build."""
        return self._lookup("people", lambda: {
            person.id: person for person in collect.people_index(
                self.talks, self.members, self.env.config, collect.edition_order(self.editions),
                self.papers)})

    @property
    def person_homes(self) -> dict[str, tuple[str, str]]:
        """Where each person lives, (docname, anchor): the one answer for the ``{ws:person}``
        role, objects.inv and the search index, and the entries of the People page."""
        return self._lookup("homes", lambda: {
            person.id: collect.person_home(person, self.hosts) for person in self.people.values()})

    def facts(self, table: str) -> Iterator[Any]:
        """Every fact of a table, in document order (sorted by docname, then line)."""
        for docname in sorted(self._facts(table)):
            yield from self._facts(table)[docname]

    @property
    def editions(self) -> list[Edition]:
        return list(self.facts("editions"))

    @property
    def talks(self) -> list[Talk]:
        return list(self.facts("talks"))

    @property
    def members(self) -> list[Membership]:
        return list(self.facts("members"))

    @property
    def papers(self) -> list[Paper]:
        return list(self.facts("papers"))

    @property
    def slots(self) -> list[Slot]:
        return list(self.facts("slots"))

    @property
    def hosts(self) -> list[IndexHost]:
        return list(self.facts("hosts"))

    @property
    def references(self) -> list[Reference]:
        return list(self.facts("references"))

    def clear_doc(self, docname: str) -> None:
        for table in FACT_TABLES:
            self._facts(table).pop(docname, None)
        self._lookups.clear()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for table in FACT_TABLES:
            for docname in docnames:
                if docname in otherdata[table]:
                    self._facts(table)[docname] = otherdata[table][docname]
        self._lookups.clear()

    # -- consistency ----------------------------------------------------------------------------

    def settle_edition_owners(self) -> None:
        """Decide, once the pages are read, which page keeps an edition id that several pages
        declare (the others are warned about in :meth:`consistency_problems`):

        1. the page named after the id (``editions/neurips2023.md`` for ``neurips2023``);
        2. else the page that kept it in the previous build, so that a page added later never
           takes the id from the page that had it;
        3. else the first page by name.

        Kept in ``data["edition_owners"]``, which outlives the pages' facts."""
        claims: dict[str, list[str]] = {}
        for edition in self.editions:
            claims.setdefault(edition.id, []).append(edition.docname)
        before = self.data.get("edition_owners", {})
        owners = {}
        for edition_id, docnames in claims.items():
            named = [d for d in docnames if d.rpartition("/")[2] == edition_id]
            previous = [d for d in docnames if d == before.get(edition_id)]
            owners[edition_id] = (named or previous or docnames)[0]
        self.data["edition_owners"] = owners
        self._lookups.clear()

    def check_consistency(self) -> None:
        for message, problem, location in self.consistency_problems():
            # (docname, line, data file): a name in a CSV file is warned at the file's line
            warn(message, problem, f"{location[2]}:{location[1]}" if len(location) > 2
                 else location)

    def consistency_problems(self) -> list[tuple[str, Problem, tuple[Any, ...]]]:
        """What only shows across pages: an edition id declared twice, similar names (computed
        once while the facts stay the same: the pages to read again and the consistency phase
        both ask)."""
        return self._lookup("problems", self._consistency_problems)

    def _consistency_problems(self) -> list[tuple[str, Problem, tuple[Any, ...]]]:
        owners = self.data.get("edition_owners", {})
        problems = []
        for edition in self.editions:
            owner = owners.get(edition.id, edition.docname)
            if owner != edition.docname:
                problems.append((
                    f"edition id {edition.id!r} is already used by {owner!r}; give this edition "
                    "its own id (the other page keeps it: it is named after the id, or had it "
                    "first)",
                    Problem.duplicate,
                    (edition.docname, edition.lineno),
                ))
        return problems + self._similar_names()

    def _similar_names(self) -> list[tuple[str, Problem, tuple[Any, ...]]]:
        """Two ids whose names look like one person (a typo in a name), reported at the newer
        spelling: the one of the newest edition, where a maintainer just typed it."""
        first_seen: dict[str, tuple[str, ...]] = {}
        appearances: dict[str, int] = {}
        newest: dict[str, tuple[str, str]] = {}
        editions = self.editions_by_id
        srcdir = self.env.srcdir
        named = [(fact.person, fact.name, fact.edition, (fact.docname, fact.lineno))
                 for fact in [*self.talks, *self.members]]
        named += [(person, name, paper.edition, (paper.docname, paper.lineno, *(
                      [os.path.normpath(srcdir / paper.file)] if paper.file else [])))
                  for paper in self.papers
                  for person, name in zip(paper.people, paper.authors, strict=True)]
        for person, name, edition_id, where in named:
            first_seen.setdefault(person, (name, *where))
            appearances[person] = appearances.get(person, 0) + 1
            edition = editions.get(edition_id)
            when = (edition.date, edition.id) if edition else ("", edition_id)
            newest[person] = max(newest.get(person, when), when)
        config = self.env.config
        distinct = {
            frozenset((person, other))
            for person, entry in config.ws_people.items()
            for other in entry["distinct"]
        }
        problems = []
        for pair in collect.similar_pairs({p: seen[0] for p, seen in first_seen.items()}):
            if frozenset(pair) in distinct:
                continue
            # The established spelling: declared in the people file, else seen more often,
            # else seen in an older edition, else on the page that sorts first.
            known, new = sorted(pair, key=lambda person: (
                person not in config.ws_people, -appearances[person], newest[person],
                first_seen[person][1:]))
            (known_name, known_doc, *_), (new_name, *where) = first_seen[known], first_seen[new]
            problems.append((
                f"{new_name!r} ({new}) looks like {known_name!r} ({known}, on {known_doc!r}): if "
                f"they are one person, add aliases = [{new_name!r}] under [{known}] in the people "
                f"file (ws_people_file); if not, add distinct = [{new!r}] under [{known}]",
                Problem.similar_names,
                tuple(where),
            ))
        return problems

    def pages_to_check_again(self, builder: Builder) -> set[str]:
        """Pages whose faults only show after reading, to read again so that a build after a
        failed one warns again: pages of :meth:`consistency_problems`, and pages with a
        reference that does not resolve."""
        pages = {location[0] for _, _, location in self.consistency_problems()}
        for reference in self.references:
            node = addnodes.pending_xref("", refdomain=self.name, reftype=reference.kind,
                                         reftarget=reference.target, refexplicit=False)
            try:
                found = self.resolve_xref(self.env, reference.docname, builder, reference.kind,
                                          reference.target, node, nodes.inline()) is not None
            except NoUri:  # the target exists; this builder (LaTeX) links it when it writes
                found = True
            if not found:
                pages.add(reference.docname)
        return pages

    # -- cross-references ----------------------------------------------------------------------

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
        node: pending_xref, contnode: Element,
    ) -> nodes.reference | None:
        """Resolve a reference; an unknown target returns None, and Sphinx then emits
        ``warn-missing-reference``, which :func:`warn_unknown_target` answers with one warning."""
        explicit = node.get("refexplicit", False)
        if typ == "talk":
            talk = self.talks_by_key.get(self._normal_talk_key(target))
            if talk is None and (people := self.items_by_key.get(target)):
                content = contnode if explicit else collect.item_reference_content(
                    people, env.config)
                return make_refnode(builder, fromdocname, people[0].docname, people[0].anchor,
                                    content, collect.item_display(people, env.config))
            if talk is None:
                return None
            talk = collect.with_paper_title(talk, self.papers_by_key)
            content = contnode if explicit else collect.talk_reference_content(talk, env.config)
            return make_refnode(builder, fromdocname, talk.docname, talk.anchor, content,
                                collect.talk_display(talk, env.config))
        if typ == "paper":
            paper = self.papers_by_key.get(target)
            if paper is None:
                return None
            content = contnode if explicit else collect.paper_reference_content(paper)
            return make_refnode(builder, fromdocname, paper.docname, paper.anchor, content,
                                collect.paper_display(paper))
        if typ == "person":
            person = person_id(target, env.config)
            home = self.person_homes.get(person)
            if home is None:
                return None
            docname, anchor = home
            name = self.people[person].name
            content = contnode if explicit else nodes.inline(name, name)
            return make_refnode(builder, fromdocname, docname, anchor, content, name)
        if typ == "edition":
            edition = self.editions_by_id.get(target)
            if edition is None:
                return None
            title = collect.edition_title(env, edition)
            content = contnode if explicit else nodes.inline(title, title)
            return make_refnode(builder, fromdocname, edition.docname, "", content, title)
        return None

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
        node: pending_xref, contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in ("edition", "talk", "paper", "person"):
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if ref is not None:
                results.append((f"ws:{typ}", ref))
        return results

    def _normal_talk_key(self, target: str) -> str:
        edition, _, name = target.partition("/")
        return f"{edition}/{person_id(name, self.env.config)}"

    def warn_unknown(self, node: pending_xref) -> None:
        """One located warning for a reference that did not resolve, saying what would."""
        typ, target = node["reftype"], node["reftarget"]
        if typ == "talk":
            edition = target.partition("/")[0]
            known = sorted({t.anchor for t in self.talks if t.edition == edition})
            hint = (
                f"write the id of a speaker card or panel of {edition}: {', '.join(known)}"
                if known else f"edition {edition!r} has no speaker cards"
            )
            message = f"unknown speaker {target!r}: {hint}"
        elif typ == "paper":
            edition = target.partition("/")[0]
            known = [p.id for p in self.papers if p.edition == edition]
            shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
            hint = (f"write the id of a paper of {edition}: {shown}" if known
                    else f"edition {edition!r} has no papers; add them with ws:papers")
            message = f"unknown paper {target!r}: {hint}"
        elif typ == "person":
            message = (f"unknown person {target!r}: write the name or id of someone who spoke "
                       "or served on a committee")
        else:
            known = sorted(self.editions_by_id)
            message = f"unknown edition {target!r}: write one of {', '.join(known) or '(none)'}"
        warn(message, Problem.unknown_target, node)

    # -- objects.inv and search ----------------------------------------------------------------

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """What a search result says an object is, in the project's language: Sphinx's
        searchtools.js shows it as "(paper, in ML for Systems at NeurIPS 2024)", the page's
        title after it, where Sphinx's default would say "Workshop archive paper"."""
        names = {"edition": _("edition"), "person": _("person"), "talk": _("talk"),
                 "paper": _("paper")}
        return names[type.lname]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Editions, talks, papers and people, by stable names: the edition id,
        ``<edition>/<person>``, ``<edition>/<paper id>`` and the person id. A person's aliases
        are listed too, shown as "<name>, also written <alias>": another project linking to a
        misspelt id still reaches the person, and searching the misspelling finds them."""
        for edition in self.editions:
            title = collect.edition_title(self.env, edition)
            yield edition.id, title, "edition", edition.docname, edition.anchor, 1
        for key, talk in sorted(self.talks_by_key.items()):
            shown = collect.talk_display(collect.with_paper_title(talk, self.papers_by_key),
                                         self.env.config)
            yield key, shown, "talk", talk.docname, talk.anchor, 1
        for key, paper in sorted(self.papers_by_key.items()):
            yield key, collect.paper_display(paper), "paper", paper.docname, paper.anchor, 1
        ids = set(self.people)
        for person in self.people.values():
            docname, anchor = self.person_homes[person.id]
            yield person.id, person.name, "person", docname, anchor, 1
            spellings = {slugify(spelling): spelling for spelling in sorted(person.aliases)}
            for alias in sorted(set(spellings) - ids):
                # searchable by the other spelling, and saying whom it finds
                shown = f"{person.name}, also written {spellings[alias]}"
                yield alias, shown, "person", docname, anchor, 1

    # -- freshness -----------------------------------------------------------------------------

    def pages_to_rewrite(self) -> list[str]:
        """The index pages, when the facts they show changed since the last build.

        The fingerprint is a sha256 of a canonical repr (``hash()`` is salted per process).
        """
        # Edition titles are shown on every index page but live in env.titles, not in our facts.
        titles = [collect.edition_title(self.env, edition) for edition in self.editions]
        self.data["upcoming"] = self.upcoming()
        facts = (self.editions, titles, self.talks, self.members, self.papers,
                 list(self.facts("contributions")),
                 sorted(self.env.config.ws_people), sorted(self.data["upcoming"].items()))
        fingerprint = hashlib.sha256(repr(facts).encode()).hexdigest()
        if fingerprint == self.data["fingerprint"]:
            return []
        self.data["fingerprint"] = fingerprint
        return sorted({host.docname for host in self.hosts})


    def upcoming(self) -> dict[str, bool]:
        """Whether each edition is still to come on the build's date."""
        return {edition.id: collect.is_upcoming(edition, self.env.config)
                for edition in self.editions}

    def pages_to_reread(self) -> list[str]:
        """The pages of editions that took place since the last build: a talk without a title
        said "to be announced" there, and now says "not published"."""
        before = self.data["upcoming"]
        return sorted({edition.docname for edition in self.editions
                       if edition.id in before
                       and before[edition.id] != collect.is_upcoming(edition, self.env.config)})


def warn_unknown_target(app: Any, domain: Domain, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: our own warning for our roles, instead of Sphinx's generic
    one (with ``-n`` both would be printed)."""
    if not isinstance(domain, WorkshopDomain):
        return None
    domain.warn_unknown(node)
    return True


def settle_edition_owners(app: Any, env: BuildEnvironment) -> None:
    """``env-updated``: which page keeps an edition id declared twice (before the environment
    is saved, so that the next build knows)."""
    domain = env.get_domain("ws")
    assert isinstance(domain, WorkshopDomain)
    domain.settle_edition_owners()


def note_pages_to_check_again(app: Any, env: BuildEnvironment) -> None:
    """``env-updated``, once the pages are read and the edition owners settled, before the
    environment is saved: which pages the next build reads again. Found now rather than when
    the next build starts, on the same facts, so that the People index and the consistency
    problems it needs are computed once per build: the write and consistency phases use them."""
    domain = env.get_domain("ws")
    assert isinstance(domain, WorkshopDomain)
    domain.data["check_again"] = sorted(domain.pages_to_check_again(app.builder))


def check_again(app: Any, env: BuildEnvironment, added: Set[str], changed: Set[str],
                removed: Set[str]) -> set[str]:
    """``env-get-outdated``: read again the pages with a fault that only shows across pages, so
    that a build after a failed one fails again until the fault is fixed."""
    domain = env.get_domain("ws")
    assert isinstance(domain, WorkshopDomain)
    return set(domain.data.get("check_again", ()))


def rewrite_index_pages(app: Any, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the index pages to write again because an edition changed."""
    domain = env.get_domain("ws")
    assert isinstance(domain, WorkshopDomain)
    return domain.pages_to_rewrite()


def reread_past_editions(app: Any, env: BuildEnvironment, added: Set[str], changed: Set[str],
                         removed: Set[str]) -> list[str]:
    """``env-get-outdated``: the pages of editions that took place since the last build."""
    domain = env.get_domain("ws")
    assert isinstance(domain, WorkshopDomain)
    return domain.pages_to_reread()


def setup(app: Sphinx) -> None:
    """The ``ws`` domain and the events that keep its facts and the index pages fresh."""
    app.add_domain(WorkshopDomain)
    app.connect("env-get-outdated", reread_past_editions)
    app.connect("env-get-updated", rewrite_index_pages)
    app.connect("env-updated", settle_edition_owners)
    app.connect("env-updated", note_pages_to_check_again)
    app.connect("env-get-outdated", check_again)
    app.connect("warn-missing-reference", warn_unknown_target)
