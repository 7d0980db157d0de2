"""The console command leaves without the interpreter's teardown (cli._leave): what it
writes, and its exit code, must be exactly what the ordinary exit gives."""

import os
import re
import subprocess
import sys

import pytest

from conftest import EQUIPMENT, EXAMPLES, ROOT

ORDINARY = ("import sys\nfrom producibility.cli import main\n"
            "main(sys.argv[1:])\n")   # with argv: SystemExit, the interpreter's own exit
CONSOLE = ("import sys\nfrom producibility.console import main\n"
           "sys.argv[0] = 'producibility'\nmain()\n")   # the console script's way


def both(args, tmp_path):
    env = dict(os.environ, PRODUCIBILITY_CACHE_DIR=str(tmp_path / "cache"))
    out = []
    for code in (ORDINARY, CONSOLE):
        done = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT,
                              capture_output=True, env=env, timeout=120)
        # a batch's summary line says how long it took: that may differ
        stderr = re.sub(rb"in [0-9.]+ s: [0-9]+ requests/s", b"in T", done.stderr)
        out.append((done.returncode, done.stdout, stderr))
    return out


@pytest.mark.parametrize("args", [
    ["check", EXAMPLES / "requests" / "bracket-series.yaml", "--equipment", EQUIPMENT,
     "--as-of", "2026-11-30"],
    ["check", EXAMPLES / "requests" / "bracket-series.yaml", "--equipment", EQUIPMENT,
     "--as-of", "2026-11-30", "--format", "json", "--lang", "nl"],
    ["check", "no-such-request.yaml", "--equipment", EQUIPMENT],
    ["batch", EXAMPLES / "requests", "--equipment", EQUIPMENT, "--as-of", "2026-11-30",
     "--jobs", "2", "--format", "jsonl"],
])
def test_quick_exit_writes_what_the_ordinary_exit_writes(args, tmp_path):
    ordinary, console = both(args, tmp_path)
    assert console == ordinary
    assert console[1] or console[2]  # it did say something


def test_quick_exit_leaves_a_complete_output_file(tmp_path):
    target = tmp_path / "report.json"
    ordinary, console = both(["check", EXAMPLES / "requests" / "bracket-series.yaml",
                              "--equipment", EQUIPMENT, "--as-of", "2026-11-30",
                              "--format", "json", "-o", target], tmp_path)
    assert console[0] == 0
    assert target.read_text(encoding="utf-8").rstrip().endswith("}")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("code", [ORDINARY, CONSOLE], ids=["ordinary", "console"])
def test_a_reader_that_stops_early_ends_a_batch_quietly(tmp_path, code, jobs):
    """`producibility batch ... | head`: the rest of the output is not wanted; exit 0 and
    nothing on stderr (click turns a closed pipe into exit 1 on its own)."""
    env = dict(os.environ, PRODUCIBILITY_CACHE_DIR=str(tmp_path / "cache"))
    args = ["batch", str(EXAMPLES / "requests"), "--equipment", str(EQUIPMENT),
            "--jobs", jobs, "--format", "jsonl"]
    process = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0
    assert stderr == b""


def test_the_package_alone_imports_nothing_else_and_its_api_on_first_use():
    """The console script's entry (producibility.console) pauses the garbage collector
    while the modules load: that only covers them if importing the package loads none."""
    code = ("import sys, producibility\n"
            "print(sorted(m for m in sys.modules if m.startswith('producibility')))\n"
            "from producibility import Screener, load_packs, InputError\n"
            "print(Screener.__module__, load_packs.__module__, InputError.__module__)\n"
            "print(set(producibility.__all__) <= set(dir(producibility)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["['producibility', 'producibility.version']",
                   "producibility.screen producibility.model.pack producibility.errors", "True"]


def test_the_console_script_runs_its_command_with_the_collector_on():
    code = ("import gc\nimport producibility.cli as cli\n"
            "cli.main = lambda: print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
            "from producibility.console import main\nmain()\nprint(gc.isenabled())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "True", "True"]
