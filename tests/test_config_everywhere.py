"""The project config (producibility.yaml) counts in every command (issue 17, item 6)."""

import click
import pytest

from conftest import run_cli


@pytest.fixture()
def provider_folder(tmp_path, monkeypatch):
    code, _, _ = run_cli("init", tmp_path / "shop")
    assert code == 0
    monkeypatch.chdir(tmp_path / "shop")
    return tmp_path / "shop"


def test_rules_explain_finds_the_configs_own_rule_in_its_language(provider_folder):
    code, out, err = run_cli("rules", "explain", "OWN-001")
    assert (code, err) == (0, "")
    assert out.startswith("OWN-001: Passiveren wordt uitbesteed")  # lang: nl in the config


def test_rules_show_and_test_and_lint_use_the_configs_packs(provider_folder):
    code, out, _ = run_cli("rules", "show")
    assert code == 0 and "OWN-001" in out and "MAT-003" not in out
    code, out, _ = run_cli("rules", "test")
    assert code == 0 and "geslaagd" in out and "in 1 bestand" in out  # lang: nl
    code, out, err = run_cli("rules", "lint")
    assert code == 0 and "0 fouten, 0 waarschuwingen" in err  # lang: nl in the config


def test_an_explicit_option_still_wins(provider_folder):
    code, out, _ = run_cli("rules", "explain", "OWN-001", "--lang", "en")
    assert code == 0 and "Passiveren" not in out.splitlines()[0]
    code, out, _ = run_cli("rules", "explain", "MAT-003", "--config", "nowhere.yaml")
    assert code == 1


def commands(group, prefix=()):
    """(path, command) of every command under a group, subgroups walked."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if hasattr(command, "commands"):
            yield from commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


def test_every_command_takes_the_config(provider_folder):
    from producibility.cli import cli

    takes_config = {path for path, command in commands(cli)
                    if any("--config" in p.opts for p in command.params)}
    # commands that read no packs, equipment or language have nothing to take from it
    without = {("init",), ("schema",), ("validate",), ("ask",)}
    assert {path for path, _ in commands(cli)} - without <= takes_config


def test_lang_and_format_choices_come_from_the_registries():
    from producibility import i18n
    from producibility.batch import FORMATS as BATCH_FORMATS
    from producibility.cli import cli
    from producibility.cli.common import REPORT_FORMATS

    for path, command in commands(cli):
        options = {p.name: p for p in command.params}
        if "lang" in options:
            assert tuple(options["lang"].type.choices) == i18n.LANGS, path
        if "fmt" in options:
            allowed = BATCH_FORMATS if path == ("batch",) else REPORT_FORMATS
            assert set(options["fmt"].type.choices) <= set(allowed), path
    check = dict(commands(cli))[("check",)]
    assert tuple(next(p for p in check.params if p.name == "fmt").type.choices) == REPORT_FORMATS


@pytest.mark.parametrize("via_option", [False, True])
def test_an_error_in_a_dutch_config_is_said_in_dutch(tmp_path, monkeypatch, via_option):
    """A typo in a producibility.yaml with lang: nl read "Error: ...: unknown field
    'equipmnet'" in English: the command did not know its language yet."""
    from conftest import REQUESTS
    config = tmp_path / "producibility.yaml"
    config.write_text("equipmnet: equipment.yaml\nlang: nl\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ("--config", config) if via_option else ()
    code, out, err = run_cli("check", REQUESTS[0], *args)
    assert code != 0
    assert "Fout:" in err and "onbekend veld 'equipmnet'" in err
    code, out, err = run_cli("check", REQUESTS[0], "--lang", "en", *args)
    assert "Error:" in err and "unknown field 'equipmnet'" in err
