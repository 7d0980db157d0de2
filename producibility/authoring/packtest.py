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
        undecided: [MAT-005]                   # waits for an answer: neither fires
                                               # nor stays quiet (an open question names it)
        verdict: fit_with_effort               # optional

The same runner serves ``producibility rules test`` (:func:`run_pack_tests`: the cases,
then which of the packs' own rules no case makes fire or keeps quiet) and the pytest
suite.
"""

import copy
from dataclasses import dataclass, field
from pathlib import Path

from producibility import i18n
from producibility.inputs import yamlio
from producibility.errors import InputError, Wording
from producibility.inputs.schema import comma_split_wording, comma_splits, did_you_mean
from producibility.model.equipment import load_equipment
from producibility.model.pack import load_packs, pack_files
from producibility.report.conclude import VERDICTS
CASE_KEYS = {"name", "base", "request", "set", "set_part", "unset", "unset_part", "fires",
             "not_fires", "undecided", "verdict", "lang", "assume"}


@dataclass
class CaseResult:
    file: str
    line: int
    name: str
    passed: bool
    fired: list
    problems: list = field(default_factory=list)  # Wordings: worded when shown


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
        raise InputError.said(_said("needs_base", case=case.get("name"),
                                    bases=", ".join(sorted(bases)) or _said("no_bases")),
                              path, line)
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
               "not_fires": list, "undecided": list, "verdict": str, "lang": str,
               "assume": bool}
_TYPE_WORDS = {str: "a_text", dict: "a_mapping", list: "a_list", bool: "true_or_false"}


def _said(key, /, **fields):
    """A message of ``rules test`` (locale domain ``packtest``), worded when shown."""
    return Wording("packtest", key, **fields)


def _in_every_language(text):
    """{lang: text} of a text that keeps its wording (a :class:`Said`), for a Wording's
    field; a text without one as it is."""
    wording = getattr(text, "wording", None)
    if wording is None:
        return text
    return {lang: wording(lang) for lang in i18n.LANGS}


def _check_document(document, path):
    """A cases file's shape, so that a malformed one is a file:line error, not a crash."""
    if not isinstance(document, dict) or not isinstance(document.get("cases"), list):
        raise InputError.said(_said("needs_cases"), path,
                              yamlio.line_of(document, ["cases"]) if isinstance(document, dict)
                              else 1)
    if not isinstance(document.get("equipment", ""), str):
        raise InputError.said(_said("equipment_name"), path,
                              yamlio.line_of(document, ["equipment"]))
    bases = document.get("bases") or {}
    if not isinstance(bases, dict) or not all(isinstance(b, dict) for b in bases.values()):
        raise InputError.said(_said("bases"), path, yamlio.line_of(document, ["bases"]))
    for i, case in enumerate(document["cases"]):
        line = yamlio.line_of(document, ["cases", i])
        if not isinstance(case, dict):
            raise InputError.said(_said("case_mapping", n=i + 1), path, line)
        for key, kinds in _CASE_TYPES.items():
            value = case.get(key)
            if value is None:
                continue
            where = yamlio.line_of(document, ["cases", i, key])
            if not isinstance(value, kinds) or (isinstance(value, bool) and kinds is not bool):
                kind = _said(_TYPE_WORDS.get(kinds, "a_text"))
                raise InputError.said(_said("case_type", case=case.get("name", i + 1), key=key,
                                            kind=kind), path, where)
            if key == "lang" and value not in i18n.LANGS:
                raise InputError.said(_said("case_lang", case=case.get("name", i + 1)),
                                      path, where)
            if key == "verdict" and value not in VERDICTS:
                # "verdict: FIT" (the text report's word) failed every case: "expected
                # verdict FIT, got fit"
                raise InputError.said(_said("case_verdict", case=case.get("name", i + 1),
                                            verdicts=", ".join(VERDICTS),
                                            hint=did_you_mean(str(value).lower().replace(
                                                " ", "_"), VERDICTS)), path, where)
            if key == "base" and "request" not in case and value not in bases:
                # said where it is written, with the name it was probably meant to be
                raise InputError.said(_said("unknown_base", case=case.get("name", i + 1),
                                            base=value, bases=", ".join(sorted(bases))
                                            or _said("no_bases"),
                                            hint=did_you_mean(value, sorted(bases))),
                                      path, where)
            if isinstance(value, list) and not all(isinstance(v, str) for v in value):
                raise InputError.said(_said("case_texts", case=case.get("name", i + 1),
                                            key=key), path, where)


def _comma_split(node, path):
    """A decimal comma that split an entry of the cases file (``set_part: {tolerance_mm:
    0,02}``): a file:line error at the entry, before the case's request is made of it
    (after the merge the request said "unknown field '02'" and "tolerance_mm must be
    >= 0.001, got 0", at no line of this file)."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for split in comma_splits(node):
                raise InputError.said(comma_split_wording(split), path,
                                      yamlio.line_of(node, [split[0]]))
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))


def run_cases(files, pack, screener_for):
    """Run every case in the files; screener_for(equipment_path) gives a Screener."""
    results = []
    for file in files:
        path = str(file)
        # numbers as a person writes them, as in a request file (yamlparse.AS_WRITTEN)
        document = yamlio.load(file, as_written=True) or {}
        _check_document(document, path)
        _comma_split(document, path)
        equipment_path = Path(file).parent / document.get("equipment", "equipment.yaml")
        if not equipment_path.is_file():
            # said at the cases file, not as "tests/equipment.yaml: no such file"
            if "equipment" not in document:
                raise InputError.said(_said("no_equipment"), path, 1)
            raise InputError.said(_said("equipment_missing", file=document["equipment"]),
                                  path, yamlio.line_of(document, ["equipment"]))
        screener = screener_for(equipment_path)
        bases = document.get("bases") or {}
        for i, case in enumerate(document["cases"]):
            line = yamlio.line_of(document, ["cases", i])
            unknown = set(case) - CASE_KEYS
            if unknown:
                raise InputError.said(_said("unknown_key", case=case.get("name", i + 1),
                                            key=sorted(unknown)[0]), path, line)
            name = case.get("name", f"case {i + 1}")
            request = build_request(case, bases, path, line)
            try:
                # assume: false screens strictly, as check --no-assumptions
                report = screener.check(request, lang=case.get("lang", "en"),
                                        assume=case.get("assume", True))
            except InputError as exc:
                # worded where it can be; an answer the request's reader refuses is in
                # the case's language (the one it reads the answers in)
                problem = {lang: "; ".join(e.wording(lang) if e.wording is not None
                                           else e.message
                                           for e in getattr(exc, "errors", None) or [exc])
                           for lang in i18n.LANGS}
                results.append(CaseResult(path, line, name, False, [],
                                          [_said("invalid_request", problem=problem)]))
                continue
            # a rule the engine could not evaluate did not fire: it is broken, and so is
            # the case ("fires: [PO-003]" passed for "cannot compare 0.015 <= '0.02'")
            findings = report.for_serialising()["findings"]  # read, not changed
            fired = sorted({f["rule"] for f in findings if f["kind"] != "engine_error"})
            # in the user's language, not the case's (the one it was screened in): the
            # message keeps its wording (a Said)
            problems = [_said("engine_error", rule=f["rule"], error=_in_every_language(
                f["message"])) for f in findings if f["kind"] == "engine_error"]
            for key in ("fires", "not_fires", "undecided"):
                # a typo would fail "fires" unexplained and pass "not_fires" for ever
                # a disabled rule cannot fire: asserting so is fine, expecting it is not
                problems += [_said("disabled_rule", rule=rule_id, by=pack.disabled_by(rule_id))
                             if pack.disabled_by(rule_id) else
                             _said("not_a_rule", rule=rule_id,
                                   hint=did_you_mean(rule_id, [r.id for r in pack.rules]))
                             for rule_id in case.get(key) or []
                             if pack.rule(rule_id) is None
                             and not (key == "not_fires" and pack.disabled_by(rule_id))
                             and not rule_id.startswith(("FIT-", "MRL-", "LEAD-"))]
            known = [rule_id for rule_id in case.get("fires") or [] if pack.rule(rule_id)
                     is not None or rule_id.startswith(("FIT-", "MRL-", "LEAD-"))]
            for rule_id in known:
                if rule_id not in fired:
                    problems.append(_said("expected_to_fire", rule=rule_id))
            for rule_id in case.get("not_fires") or []:
                if rule_id in fired:
                    problems.append(_said("expected_quiet", rule=rule_id))
            # undecided: the rule waits for an answer, so an open question names it (a
            # rule that could not decide fires nothing and is not quiet either)
            data = report.to_dict()
            waiting = {rule_id for question in data["open_questions"]
                       for rule_id in question.get("rules") or ()}
            for rule_id in case.get("undecided") or []:
                if pack.rule(rule_id) is None:
                    continue  # said above
                if rule_id in fired:
                    problems.append(_said("expected_undecided_fired", rule=rule_id))
                elif rule_id not in waiting:
                    # a part that cannot be made here asks nothing: a rule waiting on it
                    # is named by no open question either ("it decided" was not so)
                    not_made = data["lead_time"]["not_made"] \
                        if pack.rule(rule_id).scope in ("part", "candidate") else []
                    problems.append(_said("expected_undecided_not_made", rule=rule_id,
                                          parts=", ".join(not_made)) if not_made else
                                    _said("expected_undecided", rule=rule_id))
            if case.get("verdict") and case["verdict"] != report.verdict:
                problems.append(_said("expected_verdict", expected=case["verdict"],
                                      verdict=report.verdict))
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

    def lines(self, verbose: bool = False, lang: str = i18n.DEFAULT_LANG) -> list[str]:
        """The report in ``lang``: failed cases (every case with ``verbose``) with their
        problems, the coverage gaps, and a summary line."""
        t = i18n.texts("packtest", lang)
        out = []
        for r in self.results:
            if verbose or not r.passed:
                out.append(f"{r.file}:{r.line}: {t['passed' if r.passed else 'failed']} "
                           f"{r.name}")
                out += [f"    {problem(lang)}" for problem in r.problems]
                if not r.passed:
                    out.append("    " + t["fired"].format(
                        rules=", ".join(r.fired) or t["nothing"]))
        if self.untested:
            out.append(t["untested"].format(rules=", ".join(self.untested)))
        if self.no_negative:
            out.append(t["no_negative"].format(rules=", ".join(self.no_negative)))
        passed = len(self.results) - len(self.failed)
        out.append(i18n.counted(t["summary"], len(self.files), lang, passed=passed,
                                failed=len(self.failed)))
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
        empty = next(t for t in targets if not case_files(t))
        # a one-file pack's cases are beside it, not in tests/ (which a directory has)
        raise InputError.said(_said("no_cases") if empty.is_dir() else
                              _said("no_cases_file", cases=empty.stem + ".cases.yaml"),
                              str(empty))
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
