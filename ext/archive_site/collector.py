"""Python's garbage collector kept off the objects that live as long as the build.

When the build starts, about 150,000 objects exist that live until the process ends: the
modules of Sphinx, docutils, the theme and their extensions, and the environment read back from
the last build. Python's collector walks all of them again at each of its full collections
(a second of a full build of the archive) and at the exit of the process, where it frees them
one by one moments before the operating system takes back the whole process (about 0.3 s of
every build, a one-edition rebuild included). ``gc.freeze`` is CPython's documented way to set
such objects aside: they stay, and no collection walks them.

- at ``builder-inited`` (last), the objects that exist are set aside for the build;
- at ``build-finished``, they are given back to the collector, so a process that runs several
  builds (the tests) frees each build's objects as before;
- at the exit of the process, everything is set aside: the process ends without freeing what
  the operating system takes back at once. Finalisers of objects still alive at exit are not
  guaranteed by Python; files are closed by the code that writes them.

Worker processes of ``-j`` builds are forked after ``builder-inited``: they share the set-aside
objects' memory with the main process instead of copying it as the collector touches them.
docs/maintainer/performance.md gives the figures.
"""

from __future__ import annotations

import atexit
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def set_aside_long_lived_objects(app: Sphinx) -> None:
    """``builder-inited``, after every other handler: the objects made so far live as long as
    the build."""
    gc.freeze()


def give_back_to_the_collector(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the objects set aside at the start can be freed again."""
    gc.unfreeze()


def leave_without_freeing() -> None:
    """At exit (registered once per process): nothing left to free one by one."""
    gc.freeze()


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", set_aside_long_lived_objects, priority=1000)
    app.connect("build-finished", give_back_to_the_collector, priority=1000)
    # unregister first: a process that sets up several applications registers it once
    atexit.unregister(leave_without_freeing)
    atexit.register(leave_without_freeing)
