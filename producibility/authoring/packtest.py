"""Rule-pack test cases: the requests that must, and must not, make rules fire.

Cases live next to a pack, in ``tests/*.cases.yaml`` inside the pack
directory (or ``<pack>.cases.yaml`` beside a single-file pack)::

    equipment: ../../examples/equipment.yaml   # relative to this file
    bases:                                     # named starting requests
      bracket: {id: T1, purpose: prototype, ..., parts: [{id: P1, ...}]}
    cases:
      - name: aluminium 7075 is not stocked
        base: bracket
        set: {nda_required: true}              # request fields to change
        set_part: {material: aluminium_7075}   # fields to change on every part
        unset: [design_frozen]                 # request fields to remove
        unset_part: [tolerance_mm]             # part fields to remove
        fires: [MAT-003]
        not_fires: [MAT-004]
        verdict: fit_with_effort               # optional

The same runner serves ``producibility rules test`` (:func:`run_pack_tests`: the cases,
then which of the packs' own rules no case makes fire or keeps quiet) and the pytest
suite.
"""

import copy
from dataclasses import dataclass, field
from pathlib import Path

from producibility.inputs import yamlio
from producibility.errors import InputError
from producibility.model.equipment import load_equipment
from producibility.model.pack import load_packs, pack_files
CASE_KEYS = {"name", "base", "request", "set", "set_part", "unset", "unset_part", "fires",
             "not_fires", "verdict", "lang"}


@dataclass
class CaseResult:
    file: str
    line: int
    name: str
    passed: bool
    fired: list
    problems: list = field(default_factory=list)


def case_files(pack):
    """The case files that belong to a pack file or directory."""
    p = Path(pack)
    if p.is_dir():
        tests = p / "tests"
        return sorted(tests.glob("*.cases.yaml")) if tests.is_dir() else []
    sibling = p.with_name(p.stem + ".cases.yaml")
    return [sibling] if sibling.is_file() else []


def build_request(case, bases, path, line):
    if "request" in case:
        request = copy.deepcopy(case["request"])
    elif case.get("base") in bases:
        request = copy.deepcopy(bases[case["base"]])
    else:
        raise InputError(f"case '{case.get('name')}': needs request: or a known base: "
                         f"({', '.join(sorted(bases)) or 'no bases defined'})", path, line)
    request = yamlio.plain(request)
    for key, value in (case.get("set") or {}).items():
        request[key] = yamlio.plain(value)
    for key in case.get("unset") or []:
        request.pop(key, None)
    parts = request.get("parts", [])
    for part in parts if isinstance(parts, list) else []:
        if not isinstance(part, dict):
            continue
        for key, value in (case.get("set_part") or {}).items():
            part[key] = yamlio.plain(value)
        for key in case.get("unset_part") or []:
            part.pop(key, None)
    return request


_CASE_TYPES = {"name": (str, int, float), "base": str, "request": dict, "set": dict,
               "set_part": dict, "unset": list, "unset_part": list, "fires": list,
               "not_fires": list, "verdict": str, "lang": str}
_TYPE_WORDS = {str: "a text", dict: "a mapping", list: "a list"}


def _check_document(document, path):
    """A cases file's shape, so that a malformed one is a file:line error, not a crash."""
    if not isinstance(document, dict) or not isinstance(document.get("cases"), list):
        raise InputError("a cases file needs a 'cases:' list", path,
                         yamlio.line_of(document, ["cases"]) if isinstance(document, dict)
                         else 1)
    if not isinstance(document.get("equipment", ""), str):
        raise InputError("equipment: must be a file name", path,
                         yamlio.line_of(document, ["equipment"]))
    bases = document.get("bases") or {}
    if not isinstance(bases, dict) or not all(isinstance(b, dict) for b in bases.values()):
        raise InputError("bases: must map names to requests", path,
                         yamlio.line_of(document, ["bases"]))
    for i, case in enumerate(document["cases"]):
        line = yamlio.line_of(document, ["cases", i])
        if not isinstance(case, dict):
            raise InputError(f"case {i + 1} must be a mapping (name:, fires:, ...)", path, line)
        for key, kinds in _CASE_TYPES.items():
            value = case.get(key)
            if value is None:
                continue
            if not isinstance(value, kinds) or isinstance(value, bool):
                word = _TYPE_WORDS.get(kinds, "a text")
                raise InputError(f"case '{case.get('name', i + 1)}': {key} must be {word}",
                                 path, yamlio.line_of(document, ["cases", i, key]))
            if key == "lang" and value not in ("en", "nl"):
                raise InputError(f"case '{case.get('name', i + 1)}': lang must be en or nl",
                                 path, yamlio.line_of(document, ["cases", i, key]))
            if isinstance(value, list) and not all(isinstance(v, str) for v in value):
                raise InputError(f"case '{case.get('name', i + 1)}': {key} must list texts",
                                 path, yamlio.line_of(document, ["cases", i, key]))


def run_cases(files, pack, screener_for):
    """Run every case in the files; screener_for(equipment_path) gives a Screener."""
    results = []
    for file in files:
        path = str(file)
        document = yamlio.load(file) or {}
        _check_document(document, path)
        equipment_path = Path(file).parent / document.get("equipment", "equipment.yaml")
        screener = screener_for(equipment_path)
        bases = document.get("bases") or {}
        for i, case in enumerate(document["cases"]):
            line = yamlio.line_of(document, ["cases", i])
            unknown = set(case) - CASE_KEYS
            if unknown:
                raise InputError(f"case '{case.get('name', i + 1)}': unknown key "
                                 f"'{sorted(unknown)[0]}'", path, line)
            name = case.get("name", f"case {i + 1}")
            request = build_request(case, bases, path, line)
            try:
                report = screener.check(request, lang=case.get("lang", "en"))
            except InputError as exc:
                results.append(CaseResult(path, line, name, False, [],
                                          [f"the request is invalid: {exc.message}"]))
                continue
            fired = sorted({f["rule"] for f in report.findings})
            problems = []
            for rule_id in case.get("fires") or []:
                if pack.rule(rule_id) is None and not rule_id.startswith(("FIT-", "MRL-")):
                    problems.append(f"{rule_id} is not a rule of the loaded packs")
                elif rule_id not in fired:
                    problems.append(f"expected {rule_id} to fire; it did not")
            for rule_id in case.get("not_fires") or []:
                if rule_id in fired:
                    problems.append(f"expected {rule_id} not to fire; it did")
            if case.get("verdict") and case["verdict"] != report.verdict:
                problems.append(f"expected verdict {case['verdict']}, got {report.verdict}")
            results.append(CaseResult(path, line, name, not problems, fired, problems))
    return results


def coverage(pack, files):
    """Per rule id: (cases where it must fire, cases where it must not)."""
    fires, not_fires = {}, {}
    for file in files:
        document = yamlio.load(file) or {}
        for case in document.get("cases", []):
            for rule_id in case.get("fires") or []:
                fires[rule_id] = fires.get(rule_id, 0) + 1
            for rule_id in case.get("not_fires") or []:
                not_fires[rule_id] = not_fires.get(rule_id, 0) + 1
    return {r.id: (fires.get(r.id, 0), not_fires.get(r.id, 0)) for r in pack.rules}


@dataclass
class PackTestRun:
    """The outcome of ``rules test``: every case's result, and the gaps in coverage of
    the tested packs' own rules."""

    files: list
    results: list
    untested: list       # own rules no case makes fire
    no_negative: list    # own rules no case checks stay quiet

    @property
    def failed(self) -> list:
        return [r for r in self.results if not r.passed]

    def lines(self, verbose: bool = False) -> list[str]:
        """The report: failed cases (every case with ``verbose``) with their problems,
        the coverage gaps, and a summary line."""
        out = []
        for r in self.results:
            if verbose or not r.passed:
                out.append(f"{r.file}:{r.line}: {'PASSED' if r.passed else 'FAILED'} {r.name}")
                out += [f"    {problem}" for problem in r.problems]
                if not r.passed:
                    out.append(f"    fired: {', '.join(r.fired) or 'nothing'}")
        if self.untested:
            out.append(f"no case makes these rules fire: {', '.join(self.untested)}")
        if self.no_negative:
            out.append(f"no case checks these rules stay quiet: {', '.join(self.no_negative)}")
        passed = len(self.results) - len(self.failed)
        out.append(f"==== {passed} passed, {len(self.failed)} failed in {len(self.files)} "
                   "file(s) ====")
        return out


def run_pack_tests(packs: list) -> PackTestRun:
    """Run the cases beside ``packs`` (default: the shipped pack), on the shipped pack
    plus ``packs``, and measure how well they cover the packs' own rules."""
    from producibility.model.defaults import default_pack_dir
    from producibility.screen import Screener

    targets = [Path(p) for p in packs] or [default_pack_dir()]
    default = default_pack_dir().resolve()
    pack = load_packs([p for p in targets if p.resolve() != default], include_default=True)
    files = [f for t in targets for f in case_files(t)]
    if not files:
        raise InputError("no test cases found (tests/*.cases.yaml in the pack directory)",
                         str(targets[0]))
    screeners = {}

    def screener_for(path):
        key = str(Path(path).resolve())
        if key not in screeners:
            screeners[key] = Screener(load_equipment(path), pack)
        return screeners[key]

    results = run_cases(files, pack, screener_for)
    resolved = [t.resolve() for t in targets]
    own = {r.id for r in pack.rules
           if any(Path(r.path).resolve().is_relative_to(t) for t in resolved)}
    cover = coverage(pack, files)
    return PackTestRun(files, results,
                       sorted(rid for rid in own if cover.get(rid, (0, 0))[0] == 0),
                       sorted(rid for rid in own if cover.get(rid, (0, 0))[1] == 0))


__all__ = ["case_files", "run_cases", "coverage", "run_pack_tests", "PackTestRun",
           "pack_files"]
