"""Fuzz the command line with generated garbage (issue 16).

Every command that reads outside input (check, validate, batch, rules lint, rules test,
compare) gets broken requests, catalogues, packs, case files and JSON Lines, in a real
process with a memory limit. Whatever it gets: an exit code in {0, 1, 2, 4}, no
traceback, and no file changed except the output path.

The examples are derandomized, so CI sees the same ones for the same code; set
PRODUCIBILITY_FUZZ_EXAMPLES=200 to fuzz longer, with fresh random examples, at home.
"""

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import EQUIPMENT, ROOT

try:
    import resource
except ImportError:  # pragma: no cover - not on every platform
    resource = None

EXAMPLES = int(os.environ.get("PRODUCIBILITY_FUZZ_EXAMPLES", "0"))
REQUEST = (ROOT / "examples/requests/bracket-series.yaml").read_text(encoding="utf-8")
CATALOGUE = EQUIPMENT.read_text(encoding="utf-8")
PACK = """rules:
  - id: OWN-001
    thread: design
    title: {en: Big batch, nl: Grote serie}
    scope: part
    when: part.quantity * request.quantity > 1000 and part.material in ['pom', 'pa6']
    then: {risk: {likelihood: 2, consequence: 3}, mrl_cap: 8}
    message: "{{ part.id }}: {{ part.quantity * request.quantity }} pieces"
"""
CASES = f"""equipment: {EQUIPMENT}
bases:
  one:
    id: T1
    purpose: prototype
    quantity: 5
    parts: [{{id: P1, quantity: 1, processes: [milling_3axis], material: pom,
             size_mm: [10, 10, 10]}}]
cases:
  - name: fires
    base: one
    set: {{quantity: 2000}}
    fires: [OWN-001]
"""
JSONL = '{"id": "J1", "purpose": "prototype", "quantity": 3, "parts": [{"id": "P1", ' \
        '"processes": ["milling_3axis"], "material": "pom", "size_mm": [10, 20, 30]}]}\n'

ALPHABET = st.sampled_from(list(":{}[]-&*!|>'\"#,?%@`\n\t 0123456789.eE+-_xyzé\x00\x1b\u202e") +
                           ["<<: ", "*a", "&a ", "{{ ", " }}", "1" * 40, "- ", ": ", "null",
                            "true", "1e308", ".inf", "!!python/object:os.system", "\\u0000"])


def garbled(text):
    """The text with a few stretches replaced by YAML-ish garbage, or raw bytes."""
    edit = st.tuples(st.integers(0, len(text)), st.integers(0, 30),
                     st.lists(ALPHABET, max_size=12).map("".join))

    def apply(edits):
        out = text
        for at, cut, insert in edits:
            at = min(at, len(out))
            out = out[:at] + insert + out[at + cut:]
        return out.encode("utf-8", "surrogatepass")

    return st.one_of(st.lists(edit, min_size=1, max_size=4).map(apply),
                     st.binary(max_size=300))


def _limits():  # pragma: no cover - runs in the child
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def snapshot(directory):
    return {p.relative_to(directory): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(Path(directory).rglob("*")) if p.is_file()}


# command -> (files to write, the garbled one, arguments, output file or None, stdin file)
COMMANDS = {
    "check-request": ({"r.yaml": REQUEST, "e.yaml": CATALOGUE}, "r.yaml",
                      ["check", "r.yaml", "--equipment", "e.yaml", "--no-probe", "--format",
                       "json", "-o", "out.json"], "out.json", None),
    "check-equipment": ({"r.yaml": REQUEST, "e.yaml": CATALOGUE}, "e.yaml",
                        ["check", "r.yaml", "--equipment", "e.yaml", "--no-probe", "-o",
                         "out.txt"], "out.txt", None),
    "validate": ({"r.yaml": REQUEST}, "r.yaml", ["validate", "r.yaml"], None, None),
    "batch": ({"in.jsonl": JSONL * 2, "e.yaml": CATALOGUE}, "in.jsonl",
              ["batch", "--equipment", "e.yaml", "-o", "out.jsonl"], "out.jsonl", "in.jsonl"),
    "rules-lint": ({"pack.yaml": PACK}, "pack.yaml", ["rules", "lint", "pack.yaml"], None,
                   None),
    "rules-test": ({"pack/own.yaml": PACK, "pack/tests/own.cases.yaml": CASES},
                   "pack/tests/own.cases.yaml", ["rules", "test", "pack"], None, None),
    "compare": ({"a.yaml": REQUEST, "b.yaml": REQUEST, "e.yaml": CATALOGUE}, "b.yaml",
                ["compare", "a.yaml", "b.yaml", "--equipment", "e.yaml", "-o", "diff.txt"],
                "diff.txt", None),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_garbage_in_gives_a_clean_exit(command):
    files, target, args, output, stdin_name = COMMANDS[command]

    @settings(max_examples=EXAMPLES or 3, derandomize=not EXAMPLES, deadline=None,
              database=None, suppress_health_check=list(HealthCheck))
    @given(garbage=garbled(files[target]))
    def fuzz(garbage):
        with tempfile.TemporaryDirectory(prefix="producibility-fuzz-") as directory:
            home = Path(directory)
            for name, text in files.items():
                (home / name).parent.mkdir(parents=True, exist_ok=True)
                (home / name).write_text(text, encoding="utf-8")
            (home / target).write_bytes(garbage)
            before = snapshot(home)
            stdin = open(home / stdin_name, "rb") if stdin_name else subprocess.DEVNULL
            try:
                result = subprocess.run(
                    [sys.executable, "-m", "producibility", *args], cwd=home, stdin=stdin,
                    capture_output=True, timeout=120, preexec_fn=_limits,
                    env=dict(os.environ, PYTHONPATH=str(ROOT), PRODUCIBILITY_NO_CACHE="1"))
            finally:
                if stdin_name:
                    stdin.close()
            err = result.stderr.decode("utf-8", "replace")
            assert result.returncode in (0, 1, 2, 4), err
            assert "Traceback" not in err and "Internal error" not in err, err
            after = snapshot(home)
            changed = {p for p in set(before) | set(after) if before.get(p) != after.get(p)}
            assert changed <= ({Path(output)} if output else set()), changed

    fuzz()
