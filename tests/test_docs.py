"""Generated docs are generated: a stale file fails here. Fix: python -m producibility.authoring.docs"""

import pytest

from producibility.cli import cli
from producibility.authoring.docs import PREBUILT, _commands, generate, stale_records

from conftest import ROOT

GENERATED = generate()


def _made_with_other_libraries(relative):
    """The shipped cache records name the Jinja2 and Babel versions in their keys: with
    other versions installed, other records are generated (and these never read)."""
    from producibility.inputs import prebuilt
    if not relative.startswith(PREBUILT + "/"):
        return None
    recorded = ROOT / PREBUILT / prebuilt.VERSIONS
    made = recorded.read_text(encoding="utf-8") if recorded.exists() else None
    return None if made == prebuilt.versions() else (made or "?").replace("\n", " ").strip()


def _compiled_by_another_jinja2(relative):
    import jinja2
    if not relative.startswith("producibility/templates/compiled/"):
        return _made_with_other_libraries(relative)
    recorded = ROOT / "producibility/templates/compiled/JINJA2_VERSION"
    version = recorded.read_text(encoding="utf-8").strip() if recorded.exists() else None
    return None if version == jinja2.__version__ else version


@pytest.mark.parametrize("relative", sorted(GENERATED))
def test_generated_file_is_current(relative):
    other = _compiled_by_another_jinja2(relative)
    if other and relative.startswith(PREBUILT + "/"):
        pytest.skip(f"records made with {other}: other versions here, whose records "
                    "are worked out on the first run")
    if other:
        import jinja2
        pytest.skip(f"templates compiled by Jinja2 {other}, this is {jinja2.__version__}: "
                    "they are compiled from source at run time")
    path = ROOT / relative
    assert path.exists(), f"{relative} is missing: run python -m producibility.authoring.docs"
    assert path.read_text(encoding="utf-8") == GENERATED[relative], (
        f"{relative} is stale: run python -m producibility.authoring.docs")


def test_no_stale_cache_record_is_shipped():
    if _made_with_other_libraries(PREBUILT + "/x"):
        pytest.skip("records made with other Jinja2/Babel versions")
    assert stale_records(ROOT, GENERATED) == [], \
        "stale records in producibility/prebuilt: run python -m producibility.authoring.docs"


@pytest.mark.parametrize("path, command", list(_commands(cli)), ids=lambda x: str(x))
def test_every_command_has_help_with_an_example(path, command):
    assert command.help, f"producibility {path} has no help"
    if not hasattr(command, "commands"):
        assert "Example:" in command.help, f"producibility {path} help has no example"
    assert f"## producibility {path}\n" in GENERATED["docs/cli.md"]


def test_compiled_templates_are_used_and_render_as_the_source_does(screener, monkeypatch):
    """The shipped templates load from templates/compiled/ (same Jinja2 version), and a
    report renders byte for byte as it does from the templates' source."""
    import jinja2
    from conftest import REQUESTS
    from producibility.report.render import render, templates

    if _compiled_by_another_jinja2("producibility/templates/compiled/x"):
        pytest.skip("compiled by another Jinja2 version")
    loader = templates._shipped_loader()
    assert isinstance(loader, jinja2.ChoiceLoader)
    assert isinstance(loader.loaders[0], jinja2.ModuleLoader)
    report = screener.check(str(next(p for p in REQUESTS if p.stem == "bracket-series")))
    compiled = {(f, lang): render(report, f, lang) for f in ("text", "md", "html")
                for lang in ("en", "nl")}
    monkeypatch.setattr(templates, "_shipped_loader",
                        lambda: jinja2.FileSystemLoader(str(templates.TEMPLATE_DIR)))
    for (fmt, lang), text in compiled.items():
        assert render(report, fmt, lang) == text, (fmt, lang)
