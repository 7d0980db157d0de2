"""The README's promises: the API example runs, the quick start commands are the ones CI runs."""

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def python_block(after_heading):
    section = README.split(after_heading, 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_api_example_runs(monkeypatch):
    monkeypatch.chdir(ROOT)
    namespace = {}
    exec(compile(python_block("## Python API"), "README.md", "exec"), namespace)  # noqa: S102
    assert namespace["report"].verdict in ("fit", "fit_with_effort", "conditional", "no_fit")
    assert namespace["data"]["schema_version"].startswith("7.")


def test_ci_runs_the_readme_test_command():
    quick = re.search(r"## Quick start.*?```sh\n(.*?)```", README, re.S).group(1).splitlines()
    assert len(quick) == 2
    test_command = quick[1].replace("python3 ", "python ")
    assert test_command in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_the_quick_starts_printed_report_is_what_the_command_prints():
    """The README showed 'extra effort: Tolerance finer than ISO 2768-f' and a lead-time
    step the tool no longer printed: every line of its example output (but '...') is a
    line the quick start's first command prints."""
    from conftest import run_cli
    shown = re.search(r"## Quick start.*?```text\n(.*?)```", README, re.S).group(1)
    command = re.search(r"## Quick start.*?```sh\n(.*?)```", README, re.S).group(1)
    args = command.splitlines()[0].split("producibility ", 1)[1].split()
    code, out, err = run_cli(*args)
    assert code == 0, err
    printed = out.replace("\u00a0", " ").splitlines()
    lines = [line for line in shown.replace("\u00a0", " ").splitlines()
             if line.strip() != "..."]
    assert len(lines) >= 6
    missing = [line for line in lines if line not in printed]
    assert not missing, missing
