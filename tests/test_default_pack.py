"""The default pack's own test cases run through pytest, one test per case."""

import pytest

from producibility import Screener, load_equipment
from producibility.model.defaults import default_pack_dir
from producibility.model.pack import load_packs
from producibility.authoring.packtest import case_files, run_cases

FILES = case_files(default_pack_dir())


@pytest.fixture(scope="module")
def results():
    pack = load_packs()
    screeners = {}

    def screener_for(path):
        key = str(path)
        if key not in screeners:
            screeners[key] = Screener(load_equipment(path), pack)
        return screeners[key]

    return {(r.file, r.line): r for r in run_cases(FILES, pack, screener_for)}, pack


def test_the_default_pack_ships_cases():
    assert FILES


def test_every_case_passes(results):
    by_case, _ = results
    failed = [f"{r.file}:{r.line}: {r.name}: {'; '.join(p if isinstance(p, str) else p('en') for p in r.problems)}"
              for r in by_case.values() if not r.passed]
    assert not failed, "\n".join(failed)

