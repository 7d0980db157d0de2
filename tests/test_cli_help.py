"""--help and click's own words in the user's language, from the ``help`` locale domain:
every command and option has its text in both languages, and click still says what the
locale translates (its gettext message ids)."""

import ast
from pathlib import Path

import click
import pytest

from producibility import i18n
from producibility.cli import cli
from producibility.cli.common import help_path, use_help_lang_of

from conftest import run_cli


def _commands(group=cli):
    ctx = click.Context(group)
    yield group
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from _commands(command)
        else:
            yield command


def test_every_command_and_option_has_its_help_in_both_languages():
    for lang in i18n.LANGS:
        words = i18n.texts("help", lang)
        for command in _commands():
            entry = words["commands"].get(help_path(command))
            assert entry and entry.get("help"), (lang, help_path(command))
            for param in command.params:
                if isinstance(param, click.Option) and not param.hidden:
                    assert (entry.get("options") or {}).get(param.name) or \
                        words["shared"].get(param.name), (lang, help_path(command), param.name)


def test_the_locale_words_no_command_or_option_that_is_gone():
    commands = {help_path(c): c for c in _commands()}
    options = {name for c in commands.values() for p in c.params for name in [p.name]}
    words = i18n.texts("help", "en")
    for path, entry in words["commands"].items():
        assert path in commands, path
        own = {p.name for p in commands[path].params}
        assert set(entry.get("options") or {}) <= own, (path, set(entry["options"]) - own)
    assert set(words["shared"]) <= options


def test_the_click_words_are_still_clicks():
    """A click upgrade that rewords a message would leave our translation unused."""
    source = Path(click.__file__).parent
    ids = set()
    for path in source.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id in ("_", "ngettext"):
                ids |= {a.value for a in node.args[:2]
                        if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    assert set(i18n.texts("help", "nl")["click"]) <= ids
    # English is click's own words
    assert all(k == v for k, v in i18n.texts("help", "en")["click"].items())


def test_help_speaks_the_language_asked_for(tmp_path):
    code, out, _ = run_cli("check", "--help", "--lang", "nl")
    assert code == 0
    assert out.startswith("Gebruik: producibility check [OPTIES] AANVRAAG")
    assert "--as-of JJJJ-MM-DD" in out and "--equipment PAD" in out
    assert "Toets één aanvraag: oordeel, inspanning" in out
    assert "Opties:" in out and "Toon deze hulp en stop." in out
    assert "[standaard: text]" in out
    code, out, _ = run_cli("check", "--help")
    assert out.startswith("Usage: producibility check [OPTIONS] REQUEST")
    assert "--as-of YYYY-MM-DD" in out and "--equipment PATH" in out
    assert "Screen one request: verdict, effort" in out and "[default: text]" in out
    assert "Show this message and exit." in out


def test_a_mistyped_option_is_told_in_the_users_language():
    code, _, err = run_cli("check", "x.yaml", "--lang", "nl", "--formaat", "pdf")
    assert code == 2
    assert "Fout: Onbekende optie '--formaat'." in err
    assert "Probeer 'producibility check --help' voor hulp." in err
    code, _, err = run_cli("check", "x.yaml", "--lang", "nl", "--format", "pdfx")
    assert "Ongeldige waarde voor '--format': 'pdfx' is geen van" in err
    code, _, err = run_cli("check", "--lang", "nl")
    assert "Fout: Ontbrekend argument 'AANVRAAG'." in err
    code, _, err = run_cli("check", "x.yaml", "--formaat", "pdf")  # and English again
    assert "Error: No such option '--formaat'." in err
    code, _, err = run_cli("check")
    assert "Error: Missing argument 'REQUEST'." in err


def test_every_placeholder_is_in_the_help_language(monkeypatch, tmp_path):
    """Every argument's and option value's placeholder the help shows (REQUEST, PATH,
    INTEGER RANGE) has its name in both languages: a new one is not left English."""
    import re
    monkeypatch.chdir(tmp_path)  # no project config: a group takes the environment's
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    names = {}
    for lang in i18n.LANGS:
        metavars = i18n.texts("help", lang)["metavars"]
        names[lang] = set(metavars["names"].values()) | set(re.findall(
            r"[A-Z]+", metavars["options"] + metavars["subcommand"]))
    for command in _commands():
        for lang in i18n.LANGS:
            path = [] if help_path(command) == "producibility" else help_path(command).split()
            if not any(p.name == "lang" for p in command.params):  # the environment's
                monkeypatch.setenv("LANG", {"en": "C", "nl": "nl_NL.UTF-8"}[lang])
                code, out, _ = run_cli(*path, "--help")
            else:
                code, out, _ = run_cli(*path, "--help", "--lang", lang)
            assert code == 0, (path, lang)
            usage = out.split("\n\n")[0]
            shown = re.findall(r"--[a-z-]+ ([A-Z][A-Z_-]*[A-Z](?: [A-Z][A-Z_-]*[A-Z])*)\b", out) + \
                re.findall(r"\] \[?([A-Z][A-Z_]*[A-Z])", usage)
            for words in shown:
                assert words in names[lang], (help_path(command), lang, words)


@pytest.mark.parametrize("how", ["config", "environment"])
def test_a_group_without_lang_takes_the_config_or_the_environment(tmp_path, monkeypatch, how):
    monkeypatch.chdir(tmp_path)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    if how == "config":
        (tmp_path / "producibility.yaml").write_text("lang: nl\n", encoding="utf-8")
    else:
        monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    code, out, _ = run_cli("rules", "--help")
    assert code == 0
    assert out.startswith("Gebruik: producibility rules [OPTIES] OPDRACHT [ARGUMENTEN]...")
    assert "Werk aan regelpakketten" in out and "Leg één regel volledig uit" in out
    # --lang on the command wins over both
    code, out, _ = run_cli("rules", "lint", "--help", "--lang", "en")
    assert out.startswith("Usage: producibility rules lint [OPTIONS]")


def test_the_command_reference_is_generated_in_both_languages():
    from producibility.authoring.docs import cli_reference

    root = Path(__file__).resolve().parent.parent
    for lang, name in (("en", "cli.md"), ("nl", "cli.nl.md")):
        assert (root / "docs" / name).read_text(encoding="utf-8") == cli_reference(lang)
    use_help_lang_of([])


def test_the_version_is_said_in_the_help_language(tmp_path, monkeypatch):
    """``--version`` words its line as --help does: "versie" where the environment or
    the config is Dutch (click's own option said "version" whatever the language)."""
    from producibility.version import __version__

    monkeypatch.chdir(tmp_path)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert run_cli("--version") == (0, f"producibility, version {__version__}\n", "")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert run_cli("--version") == (0, f"producibility, versie {__version__}\n", "")
    code, out, _ = run_cli("--help")
    assert "--version   Toon de versie en stop." in out
