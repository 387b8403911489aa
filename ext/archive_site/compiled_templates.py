"""The theme's templates compiled once, not at every build.

Jinja compiles each template the first time a process renders it: about 30 templates of
pydata-sphinx-theme and Sphinx, 0.1 s of every build, a one-edition rebuild included, though
they change only when the theme or the site's own templates do. Jinja's
``FileSystemBytecodeCache`` keeps the compiled code beside the doctrees; a template whose source
changed (its checksum is part of the cached entry) or a new Jinja is compiled again. Each entry
is written to a temporary file and renamed into place, so worker processes of ``-j`` builds can
write at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def keep_compiled_templates(app: Sphinx) -> None:
    """``builder-inited``: the template environment of builders that render templates (HTML,
    dirhtml, singlehtml, epub) keeps its compiled templates under the doctree directory."""
    # text, LaTeX and other builders that render no page template have no template loader
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None:
        return
    cache = Path(app.doctreedir) / "compiled-templates"
    cache.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(cache))
