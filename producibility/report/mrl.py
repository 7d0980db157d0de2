"""Manufacturing readiness (MRL) per thread: earned by answers, capped by findings.

A thread earns a level when the questions its evidence table (the pack's
``mrl.evidence``) needs for that level and every level below it are answered and the
answers meet those levels' criteria (a row's ``when``: "a pilot run was done", not only
"the pilot-run question is answered"); a finding with an ``mrl_cap`` (a blocker: the pack's
``mrl.blocker_cap``) holds it down.  A thread capped below the purpose's target level
is an MRL-TARGET risk finding.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Sequence

from producibility.conditions.expressions import (UNKNOWN, ExpressionError,
                                                  compile_condition, evaluate)
from producibility.model.pack import EVIDENCE_SCOPES
from producibility.report.finding import Finding, words

#: The nine threads of the MRL Deskbook, in its order.
THREADS = (
    "technology_industrial_base", "design", "cost_funding", "materials",
    "process_capability", "quality", "workforce", "facilities", "manufacturing_management",
)
#: The risks and barriers of FaaS (seeds/001, chapter 1) the packs also score.
FAAS_TOPICS = ("ip_confidentiality", "contract_liability", "volume_mix", "changeover",
               "trust_delivery", "shared_operation")


def capped_threads(findings: Iterable[Finding]) -> set[str]:
    """The threads a finding caps (an ``mrl_cap``, or a blocker): the only ones that
    can be below their target."""
    return {f.thread for f in findings if f.mrl_cap is not None or f.kind == "blocker"}


def thread_levels(findings: Iterable[Finding], threads: Sequence[str],
                  mrl_settings: Mapping[str, Any],
                  answered: Callable[[str], bool],
                  holds: Callable[[str], Any] | None = None,
                  lang: str = "en") -> dict[str, dict]:
    """The report's ``mrl.threads``: per thread its level, what it earned, the rules
    that cap it, the questions that would earn the next level and the next level's
    criterion when the answers do not meet it.  ``answered``: whether a question
    ``scope.field`` is answered wherever it is asked; ``holds``: a row's ``when`` ->
    True, False or UNKNOWN (:func:`holds`)."""
    blocker_cap = mrl_settings.get("blocker_cap", 3)
    caps: dict = {}
    for f in findings:
        cap = f.mrl_cap
        if cap is None and f.kind == "blocker":
            cap = blocker_cap
        if cap is not None:
            caps.setdefault(f.thread, []).append((cap, f.rule))
    known: dict = {}  # need -> answered: threads share questions

    def answered_once(need):
        if need not in known:
            known[need] = answered(need)
        return known[need]

    evidence = mrl_settings.get("evidence", {})
    levels = {}
    for thread in threads:
        earned, unanswered, failed = earned_level(evidence.get(thread), answered_once, holds)
        entries = caps.get(thread, [])
        cap = min((c for c, _ in entries), default=None)
        if earned is None:
            # nothing earned: not assessed, unless the packs have no evidence for the
            # thread at all and a finding holds it down (a blocker: at most 3)
            level = cap if not evidence.get(thread) else None
            earned = level
        else:
            level = earned if cap is None else min(earned, cap)
        levels[thread] = {
            "level": level, "assessed": level is not None, "earned": earned,
            "capped_by": sorted({r for c, r in entries if c == level}) if level is not None
            and cap is not None and cap <= earned else [],
            "unanswered": unanswered,
            "assumed": [],  # filled by rests_on: the assumed answers the level rests on
            "not_met": None if failed is None else {
                "level": failed["level"], "criterion": _criterion(failed, lang)}}
    return levels


def earned_level(evidence: Sequence[Mapping] | None,
                 answered: Callable[[str], bool],
                 holds: Callable[[str], Any] | None = None,
                 ) -> tuple[int | None, list[str], Mapping | None]:
    """(level a thread may claim, the questions for the next level, the next row when the
    answers do not meet it).

    A thread earns the level just below its first row that is not met, at most the
    highest level listed: a row is met when its questions (and those its ``when`` reads)
    are answered and its ``when``, if any, holds.  A ``when`` that is false, or unknown
    on a question the questionnaire does not ask for this request (no pilot run is
    asked of a prototype), stops the thread below that row: "no" had earned the level as
    "yes" did.

    ``None`` as level: not assessed (the first row's questions are open, or the packs
    give the thread no evidence table: a pack without one read MRL 10, "full-rate
    production demonstrated", on every thread of a one-line enquiry).
    """
    if not evidence:
        return None, [], None
    earned = None
    for entry in sorted(evidence, key=lambda e: e["level"]):
        condition = entry.get("when")
        missing = [n for n in entry["needs"] if not answered(n)]
        if condition is not None:
            missing += [n for n in _condition(condition).reads
                        if n not in entry["needs"] and n not in missing and not answered(n)]
        if missing:
            return (entry["level"] - 1 if earned is not None else None), missing, None
        if condition is not None and holds is not None and holds(condition) is not True:
            return entry["level"] - 1, [], entry
        earned = entry["level"]
    return earned, [], None


def rests_on(levels: Mapping[str, dict], mrl_settings: Mapping[str, Any],
             assumed: Iterable[str]) -> None:
    """Each thread's ``assumed``: the answers its level rests on that the customer did
    not give but the questionnaire assumed (``scope.field``, in table order): the
    questions of its evidence rows up to its level, and those their ``when`` reads.  A
    level earned on "no clean room" and "we buy the material" read as evidenced as any
    other; a quality system records it as provisional."""
    assumed = set(assumed)
    if not assumed:
        return
    evidence = mrl_settings.get("evidence", {})
    for thread, entry in levels.items():
        if entry["level"] is None:
            continue
        found = []
        for row in sorted(evidence.get(thread) or (), key=lambda e: e["level"]):
            if row["level"] > entry["level"]:
                break
            named = list(row["needs"])
            if row.get("when"):
                named += _condition(row["when"]).reads
            found += [n for n in named if n in assumed and n not in found]
        entry["assumed"] = found


_CONDITIONS: dict = {}


class _Row:
    """An evidence row's ``when``, compiled once per process, and the questions it reads
    (``scope.field``)."""

    __slots__ = ("compiled", "reads", "reads_part")

    def __init__(self, source: str, compiled: Any = None):
        self.compiled = compiled or compile_condition(source, EVIDENCE_SCOPES)
        self.reads = sorted(f"{scope}.{name}" for scope, name in self.compiled.fields)
        self.reads_part = any(scope == "part" for scope, _ in self.compiled.fields)


def remember(compiled: Mapping[str, Any]) -> None:
    """The rows' conditions as the pack compiled them when it loaded (``RulePack.
    evidence_conditions``: source -> Compiled), so that a warm run parses none."""
    for source, condition in compiled.items():
        if source not in _CONDITIONS:
            _CONDITIONS[source] = _Row(source, condition)


def _condition(source: str) -> _Row:
    row = _CONDITIONS.get(source)
    if row is None:
        row = _CONDITIONS[source] = _Row(source)
    return row


def holds(source: str, request: Mapping, parts: Mapping[str, Mapping]) -> Any:
    """An evidence row's ``when`` on the request's facts: True, False or UNKNOWN.  A
    condition that reads a part holds when it holds for every part (false when one
    part makes it false)."""
    row = _condition(source)
    if row.reads_part:
        contexts = [{"request": request, "part": part} for part in parts.values()]
    else:
        contexts = [{"request": request}]
    result: Any = True if contexts else UNKNOWN
    for context in contexts:
        try:
            value = evaluate(row.compiled, context)
        except ExpressionError:
            value = UNKNOWN  # checked when the pack loads: facts of the wrong type
        if value is False:
            return False
        if value is UNKNOWN:
            result = UNKNOWN
    return result


def _criterion(entry: Mapping, lang: str) -> str:
    text = entry.get("criterion") or ""
    if isinstance(text, Mapping):
        text = text.get(lang) or text.get("en") or ""
    return text


def overall(levels: Mapping[str, dict]) -> int | None:
    """The lowest level of the assessed threads, or None."""
    return min((t["level"] for t in levels.values() if t["assessed"]), default=None)


def not_assessed(levels: Mapping[str, dict]) -> int:
    """How many threads are not assessed."""
    return sum(1 for t in levels.values() if not t["assessed"])


def capped_overall(levels: Mapping[str, dict]) -> int | None:
    """The lowest level a finding holds a thread to, or None."""
    return min((t["level"] for t in levels.values() if t["assessed"] and t["capped_by"]),
               default=None)


def below_target(levels: Mapping[str, dict], target: int | None, purpose: str | None,
                 lang: str) -> list[Finding]:
    """An MRL-TARGET finding per thread that a finding caps below the target level.

    Only a cap is a finding: a level held down by unanswered questions is listed with
    the questions that would earn more.  It is the gap, stated once, not a risk of its
    own: being below the target is a fact, not an uncertain event (an *issue* in the DoD
    Risk, Issue and Opportunity Management Guide, 2017), and the findings that cap the
    thread carry their own risk.  Scored, it was a second register entry for the same
    cause, and a blocker's gap (which carries no risk itself) topped the register as
    "high 15"."""
    if target is None:
        return []
    text = words("mrl", lang)
    names = words("threads", lang)
    findings = []
    for thread, entry in levels.items():
        level = entry["level"]
        if level is None or level >= target or not entry["capped_by"]:
            continue
        message = text["below_target"].format(thread=names[thread], level=level,
                                              target=target)
        findings.append(Finding.check(
            "MRL-TARGET", "info", thread, message, message, text["mitigation"],
            text["source"],
            text["condition"].format(level=level, target=target, purpose=purpose),
            {"capped_by": entry["capped_by"]}))
    return findings
