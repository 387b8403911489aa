"""``workshop-archive new-edition`` writes a page that builds without a warning, as it is, and
refuses what it cannot write."""

from __future__ import annotations

from conftest import warnings_of
from workshop_archive.cli import main

CONF = ('extensions = ["myst_parser", "workshop_archive"]\n'
        'myst_enable_extensions = ["colon_fence"]\n')
ARGS = ["new-edition", "neurips2030", "--title", "ML for Systems at NeurIPS 2030",
        "--conference", "NeurIPS 2030", "--date", "2030-12-14"]


def test_the_page_builds_without_a_warning(make_app, tmp_path, capsys):
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "index.md").write_text("# Archive\n\n```{toctree}\neditions/neurips2030\n```\n")
    assert main([*ARGS, "--out", str(tmp_path / "editions")]) == 0
    assert "wrote" in capsys.readouterr().out
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert warnings_of(app) == []
    domain = app.env.get_domain("ws")
    [edition] = domain.editions
    assert (edition.id, edition.conference, edition.date) == (
        "neurips2030", "NeurIPS 2030", "2030-12-14")
    assert app.env.titles["editions/neurips2030"].astext() == "ML for Systems at NeurIPS 2030"


def test_it_never_overwrites_a_page_and_checks_what_it_is_given(tmp_path, capsys):
    out = ["--out", str(tmp_path)]
    assert main([*ARGS, *out]) == 0
    page = tmp_path / "neurips2030.md"
    page.write_text("edited by hand")
    assert main([*ARGS, *out]) == 1
    assert "exists; edit it, or add --force" in capsys.readouterr().err
    assert page.read_text() == "edited by hand"
    assert main([*ARGS, *out, "--force"]) == 0
    assert page.read_text().startswith("# ML for Systems at NeurIPS 2030")
    bad = ["new-edition", "NeurIPS 2030", "--title", "T", "--conference", "C",
           "--date", "14.12.2030", *out]
    assert main(bad) == 1
    err = capsys.readouterr().err
    assert "is not a slug; write 'neurips-2030'" in err
    assert "is not a date; write it as YYYY-MM-DD" in err
