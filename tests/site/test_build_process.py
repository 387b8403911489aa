"""What the site layer does for the speed of every build (docs/maintainer/performance.md): the
templates compiled once and kept beside the doctrees (ext/archive_site/compiled_templates.py),
and the objects that outlive a build set aside from the garbage collector
(ext/archive_site/collector.py)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

import jinja2

from support.builds import PROJECT, Project, copy_root


def compiled_template_names(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from now on, in order."""
    names: list[str] = []
    compile_source = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return compile_source(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_second_build_compiles_no_template_of_the_theme(tmp_path, monkeypatch):
    project = Project(copy_root("test-site", tmp_path / "src"))
    compiled = compiled_template_names(monkeypatch)
    first = project.build()
    assert "layout.html" in compiled and first.warnings == []
    assert list((first.app.doctreedir / "compiled-templates").glob("*.cache"))
    compiled.clear()
    project.edit("index.md", "# ", "# Edited: ")
    second = project.build()
    assert second.written == {"index"} and second.warnings == []
    # what is left is compiled from strings, not from template files
    assert [name for name in compiled if name and name.endswith(".html")] == []
    assert "Edited:" in second.page("index").title.text


def test_a_changed_template_is_compiled_again(tmp_path, monkeypatch):
    project = Project(copy_root("test-site", tmp_path / "src"))
    templates = project.srcdir / "_templates"
    templates.mkdir()
    footer = templates / "footer-note.html"
    footer.write_text("<p class='footer-note'>first wording</p>\n")
    (project.srcdir / "conf.py").write_text(
        (project.srcdir / "conf.py").read_text()
        + 'templates_path = ["_templates"]\n'
        + 'html_theme_options["footer_start"] = ["footer-note"]\n')
    project.build()
    footer.write_text("<p class='footer-note'>second wording</p>\n")
    project.edit("index.md", "# ", "# Edited: ")
    compiled = compiled_template_names(monkeypatch)
    second = project.build()
    assert "footer-note.html" in compiled
    assert second.page("index").select_one(".footer-note").text == "second wording"


def test_builds_set_the_long_lived_objects_aside_and_give_them_back(tmp_path):
    project = Project(copy_root("test-site", tmp_path / "src"))
    set_aside_while_reading: list[int] = []
    app = project.make_app("html", srcdir=project.srcdir)
    app.connect("env-before-read-docs",
                lambda app, env, docnames: set_aside_while_reading.append(gc.get_freeze_count()))
    try:
        app.build()
    finally:
        app.cleanup()
    assert set_aside_while_reading[0] > 10_000
    # a process that builds again (the tests) frees each build's objects as before
    assert gc.get_freeze_count() == 0


def test_a_build_process_leaves_without_freeing(tmp_path):
    """At exit the objects are set aside, once however many builds the process ran, and the
    process still ends with the build's own exit status."""
    source = copy_root("test-site", tmp_path / "src")
    script = textwrap.dedent(f"""
        import atexit, gc, sys
        atexit.register(lambda: print("set aside at exit:", gc.get_freeze_count() > 0))
        from sphinx.cmd.build import build_main
        for run in range(2):
            status = build_main(["-q", "-b", "html", {str(source)!r}, {str(tmp_path / "out")!r}])
        sys.exit(status)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=PROJECT, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "set aside at exit: True"
