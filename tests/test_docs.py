"""Generated docs are generated: a stale file fails here. Fix: python -m producibility.authoring.docs"""

import pytest

from producibility.cli import cli
from producibility.authoring.docs import _commands, generate

from conftest import ROOT

GENERATED = generate()


@pytest.mark.parametrize("relative", sorted(GENERATED))
def test_generated_file_is_current(relative):
    path = ROOT / relative
    assert path.exists(), f"{relative} is missing: run python -m producibility.authoring.docs"
    assert path.read_text(encoding="utf-8") == GENERATED[relative], (
        f"{relative} is stale: run python -m producibility.authoring.docs")


@pytest.mark.parametrize("path, command", list(_commands(cli)), ids=lambda x: str(x))
def test_every_command_has_help_with_an_example(path, command):
    assert command.help, f"producibility {path} has no help"
    if not hasattr(command, "commands"):
        assert "Example:" in command.help, f"producibility {path} help has no example"
    assert f"## producibility {path}\n" in GENERATED["docs/cli.md"]
