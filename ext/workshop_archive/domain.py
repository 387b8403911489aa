"""The ``ws`` domain: the build-wide store of editions, talks and committee places, per document.

Read phase: directives record facts with :meth:`WorkshopDomain.note`. Consistency phase:
:meth:`check_consistency` warns about what only shows across pages. Write phase: roles resolve
through :meth:`resolve_xref`, and the index pages read the aggregates in ``collect.py``.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from . import collect
from .config import person_id
from .diagnostics import Problem, warn
from .text import slugify

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Set

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .records import Edition, IndexHost, Membership, Paper, Talk

T = TypeVar("T")

#: The keys of the per-document fact tables in ``domain.data``.
FACT_TABLES = ("editions", "talks", "members", "papers", "hosts")
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
        return title, target.strip()


class WorkshopDomain(Domain):
    """Editions, people and talks of a workshop archive."""

    name = "ws"
    label = "Workshop archive"
    data_version = 2
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
    def papers_by_key(self) -> dict[str, Paper]:
        def first_of_each() -> dict[str, Paper]:
            found: dict[str, Paper] = {}
            for paper in self.papers:
                found.setdefault(paper.key, paper)  # a duplicate id is warned about at read
            return found

        return self._lookup("papers", first_of_each)

    @property
    def editions_by_id(self) -> dict[str, Edition]:
        def first_of_each() -> dict[str, Edition]:
            found: dict[str, Edition] = {}
            for edition in self.editions:
                found.setdefault(edition.id, edition)  # a duplicate id is warned about
            return found

        return self._lookup("editions", first_of_each)

    @property
    def places_by_person(self) -> dict[str, list[tuple[str, str, str]]]:
        return self._lookup("places",
                            lambda: collect.places_by_person(self.talks, self.members))

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
    def hosts(self) -> list[IndexHost]:
        return list(self.facts("hosts"))

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

    def check_consistency(self) -> None:
        seen: dict[str, Edition] = {}
        for edition in self.editions:
            first = seen.setdefault(edition.id, edition)
            if first is not edition:
                warn(
                    f"edition id {edition.id!r} is already used by {first.docname!r}; "
                    "give each edition its own id",
                    Problem.duplicate,
                    (edition.docname, edition.lineno),
                )
        self._check_similar_names()

    def _check_similar_names(self) -> None:
        """Warn when two ids have names that look like one person (a typo in a name)."""
        first_seen: dict[str, tuple[str, str, int]] = {}
        for fact in [*self.talks, *self.members]:
            first_seen.setdefault(fact.person, (fact.name, fact.docname, fact.lineno))
        config = self.env.config
        distinct = {
            frozenset((person, other))
            for person, entry in config.ws_people.items()
            for other in entry["distinct"]
        }
        for one, other in collect.similar_pairs({p: n for p, (n, _, _) in first_seen.items()}):
            if frozenset((one, other)) in distinct:
                continue
            # Report at the later of the two, where the new spelling came in.
            (name_a, *loc_a), (name_b, *loc_b) = first_seen[one], first_seen[other]
            if tuple(loc_a) > tuple(loc_b):
                one, other, name_a, name_b, loc_b = other, one, name_b, name_a, loc_a
            warn(
                f"{name_b!r} ({other}) looks like {name_a!r} ({one}): if they are one person, add "
                f"aliases = [{name_b!r}] under [{one}] in the people file (ws_people_file); if "
                f"not, add distinct = [{other!r}] there",
                Problem.similar_names,
                tuple(loc_b),
            )

    # -- cross-references ----------------------------------------------------------------------

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
        node: pending_xref, contnode: Element,
    ) -> nodes.reference | None:
        """Resolve a reference; an unknown target returns None, and Sphinx then emits
        ``warn-missing-reference``, which :func:`warn_unknown_target` answers with one warning."""
        explicit = node.get("refexplicit", False)
        if typ == "place":  # made by the index pages (transforms.place_reference)
            docname, _, anchor = target.partition("#")
            return make_refnode(builder, fromdocname, docname, anchor, contnode)
        if typ == "talk":
            talk = self.talks_by_key.get(self._normal_talk_key(target))
            if talk is None:
                return None
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
            place = collect.person_target(person, self.places_by_person, self.hosts, env.config)
            if place is None:
                return None
            docname, anchor, name = place
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
            known = sorted(t.person for t in self.talks if t.edition == edition)
            hint = (
                f"write the id of a speaker card of {edition}: {', '.join(known)}"
                if known else f"edition {edition!r} has no speaker cards"
            )
            message = f"unknown speaker {target!r}: {hint}"
        elif typ == "paper":
            edition = target.partition("/")[0]
            known = [p.id for p in self.papers if p.edition == edition]
            shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
            hint = (f"write the id of a paper of {edition}: {shown}" if known
                    else f"edition {edition!r} has no papers; list them with ws:papers")
            message = f"unknown paper {target!r}: {hint}"
        elif typ == "person":
            message = (f"unknown person {target!r}: write the name or id of someone who spoke "
                       "or served on a committee")
        else:
            known = sorted(self.editions_by_id)
            message = f"unknown edition {target!r}: write one of {', '.join(known) or '(none)'}"
        warn(message, Problem.unknown_target, node)

    # -- objects.inv and search ----------------------------------------------------------------

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Editions, talks, papers and people, by stable names: the edition id,
        ``<edition>/<person>``, ``<edition>/<paper id>`` and the person id. A person's aliases
        are listed too, hidden from search (priority -1), so that another project linking to a
        misspelt id still reaches the person."""
        for edition in self.editions:
            title = collect.edition_title(self.env, edition)
            yield edition.id, title, "edition", edition.docname, edition.anchor, 1
        for key, talk in sorted(self.talks_by_key.items()):
            yield key, collect.talk_display(talk, self.env.config), "talk", talk.docname, \
                talk.anchor, 1
        for key, paper in sorted(self.papers_by_key.items()):
            yield key, collect.paper_display(paper), "paper", paper.docname, paper.anchor, 1
        people = collect.people_index(self.talks, self.members, self.env.config)
        ids = {person.id for person in people}
        for person in people:
            docname, anchor = collect.person_place(person, self.hosts)
            yield person.id, person.name, "person", docname, anchor, 1
            for alias in sorted({slugify(alias) for alias in person.aliases} - ids):
                yield alias, person.name, "person", docname, anchor, -1

    # -- freshness -----------------------------------------------------------------------------

    def pages_to_rewrite(self) -> list[str]:
        """The index pages, when the facts they show changed since the last build.

        The fingerprint is a sha256 of a canonical repr (``hash()`` is salted per process).
        """
        # Edition titles are shown on every index page but live in env.titles, not in our facts.
        titles = [collect.edition_title(self.env, edition) for edition in self.editions]
        facts = (self.editions, titles, self.talks, self.members, self.papers,
                 sorted(self.env.config.ws_people))
        fingerprint = hashlib.sha256(repr(facts).encode()).hexdigest()
        if fingerprint == self.data["fingerprint"]:
            return []
        self.data["fingerprint"] = fingerprint
        return sorted({host.docname for host in self.hosts})


def warn_unknown_target(app: Any, domain: Domain, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: our own warning for our roles, instead of Sphinx's generic
    one (with ``-n`` both would be printed)."""
    if not isinstance(domain, WorkshopDomain):
        return None
    domain.warn_unknown(node)
    return True


def rewrite_index_pages(app: Any, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the index pages to write again because an edition changed."""
    domain = env.get_domain("ws")
    assert isinstance(domain, WorkshopDomain)
    return domain.pages_to_rewrite()

