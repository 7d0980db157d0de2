import io
import os
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from producibility import Screener, load_equipment, load_packs
from producibility.cli import main

# Tests never read or write the user's validation cache (set before collection).
os.environ["PRODUCIBILITY_CACHE_DIR"] = tempfile.mkdtemp(prefix="producibility-test-cache-")
# Today is the examples' date, so that a test comes out the same next year (a request
# without a date, an offer's date, "vandaag"); a test of today itself sets its own.
os.environ["PRODUCIBILITY_TODAY"] = "2026-11-23"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EQUIPMENT = EXAMPLES / "equipment.yaml"
REQUESTS = sorted((EXAMPLES / "requests").glob("*.yaml"))


def expected_verdict(path):
    """The verdict an example's header comment promises: '# ... Expected: fit with effort.'"""
    text = Path(path).read_text(encoding="utf-8")
    match = re.search(r"Expected:\s*([a-z ]+?)\s*[.,(\n]", text)
    assert match, f"{path} has no 'Expected: <verdict>' comment"
    return match.group(1).strip().replace(" ", "_")


@pytest.fixture(scope="session")
def equipment():
    return load_equipment(EQUIPMENT)


@pytest.fixture(scope="session")
def pack():
    return load_packs()


@pytest.fixture(scope="session")
def screener(equipment, pack):
    return Screener(equipment, pack)


def run_cli(*args, cwd=None, monkeypatch=None):
    """Run the console entry point in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def edited_copy(source, tmp_path, old, new, name):
    """A copy of a YAML file with one line written otherwise (``old`` -> ``new``, found
    exactly once), as a provider or a customer edits it."""
    text = Path(source).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def flat(text):
    """A report's or an offer's text on one line, HTML's apostrophes as written."""
    return re.sub(r"\s+", " ", text.replace("&#39;", "'"))


def base_request(**changes):
    """A complete, clean request for one stocked aluminium bracket."""
    request = {
        "id": "T-1", "date": "2026-11-23", "purpose": "prototype", "quantity": 10,
        "batches": 1, "wanted_date": "2027-01-15", "drawing_with_tolerances": True,
        "model_3d": True, "design_frozen": True, "prototype_built": True,
        "material_supplied_by_customer": False, "certificates_required": [],
        "nda_required": False, "customer_operates_machine": False,
        "parts": [{"id": "P1", "quantity": 1, "processes": ["milling_3axis"],
                   "material": "aluminium_6082", "size_mm": [120, 60, 20],
                   "tolerance_mm": 0.1, "cycle_time_min": 5}],
    }
    part_changes = changes.pop("part", {})
    request.update(changes)
    request["parts"][0].update(part_changes)
    for key, value in part_changes.items():
        if value is None:
            del request["parts"][0][key]
    for key in [k for k, v in changes.items() if v is None]:
        del request[key]
    return request


