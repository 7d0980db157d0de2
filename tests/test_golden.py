"""Every shipped example's report, byte for byte, against a stored copy.

The JSON report is the contract quote workflows consume: a refactoring must leave it
byte-identical. The text reports (English and Dutch) are stored too, so a change in wording
shows up as a reviewed diff rather than by accident.

After an intended change, regenerate and read the diff before committing:

    python tests/test_golden.py --update
"""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import EXAMPLES, REQUESTS, run_cli  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
AS_OF = "2026-11-23"  # the example requests' date: --as-of wins over it
SHOP = EXAMPLES / "precision-shop"


def cases():
    """(name, request, cwd, extra arguments) for every example request."""
    for path in REQUESTS:
        yield path.stem, path, None, ["--equipment", str(EXAMPLES / "equipment.yaml")]
    for path in sorted((SHOP / "requests").glob("*.yaml")):
        yield "precision-shop-" + path.stem, path, SHOP, []


FORMATS = [("json", "en", "json"), ("text", "en", "en.txt"), ("text", "nl", "nl.txt")]


def produce(request, cwd, extra, fmt, lang, target):
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        code, out, err = run_cli("check", request, *extra, "--as-of", AS_OF,
                                 "--format", fmt, "--lang", lang, "-o", target)
    finally:
        os.chdir(old)
    assert (code, out, err) == (0, "", ""), (request, err)
    return Path(target).read_bytes()


CASES = list(cases())


@pytest.mark.parametrize("fmt,lang,suffix", FORMATS, ids=[f[2] for f in FORMATS])
@pytest.mark.parametrize("name,request_path,cwd,extra", CASES, ids=[c[0] for c in CASES])
def test_report_is_byte_identical_to_the_stored_copy(name, request_path, cwd, extra, fmt,
                                                     lang, suffix, tmp_path):
    stored = GOLDEN / f"{name}.{suffix}"
    assert stored.exists(), f"no stored copy: run python tests/test_golden.py --update"
    made = produce(request_path, cwd, extra, fmt, lang, tmp_path / f"out.{suffix}")
    assert made == stored.read_bytes(), (
        f"{name} {fmt}/{lang} differs from {stored.name}; if intended, run "
        f"python tests/test_golden.py --update and review the diff")


def test_a_report_names_questions_in_words_not_field_ids():
    """The verdict's reasons and the MRL lines name an open question as the questionnaire
    words it (``Material of part BR-100``, ``Materiaal``), never by its field id
    (``BR-100.material``, ``part.material``), in either language: checked on every stored
    text report, so an example that gains an open question is checked too."""
    import re

    field_id = re.compile(r"\b(part|request)\.[a-z_]+|\b[A-Z][A-Z0-9]*-[A-Z0-9-]+\.[a-z_]+")
    checked = 0
    for path in sorted(GOLDEN.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        verdict = next(i for i, l in enumerate(lines) if l.startswith(("Verdict:", "Oordeel:")))
        shown = [l for l in lines[verdict:verdict + 8] if l.startswith("  - ")]
        mrl = next(i for i, l in enumerate(lines) if l.startswith("MRL"))
        shown += [l for l in lines[mrl + 1:mrl + 12] if l.startswith("  ")]
        for line in shown:
            assert not field_id.search(line), (path.name, line)
            checked += "answer" in line or "beantwoord" in line or "open " in line
    assert checked >= 10  # the examples do have open questions in these places


def test_no_stored_copy_is_left_over():
    expected = {f"{name}.{suffix}" for name, *_ in CASES for *_, suffix in FORMATS}
    assert {p.name for p in GOLDEN.iterdir()} == expected


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    import tempfile
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN.iterdir():
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        for name, request_path, cwd, extra in CASES:
            for fmt, lang, suffix in FORMATS:
                data = produce(request_path, cwd, extra, fmt, lang, Path(tmp) / f"x.{suffix}")
                (GOLDEN / f"{name}.{suffix}").write_bytes(data)
    print(f"wrote {len(CASES) * len(FORMATS)} stored reports to {GOLDEN}")
