"""Finding: one thing the screening found, whoever found it.

A rule that fired, a rule that failed, and the checks of the tool itself (no machine
fits, a thread below its MRL target, outside work, an added finishing operation, a
missed lead time, an ISO fit converted) all make the same :class:`Finding`.  Its
:meth:`Finding.to_dict` is the report's ``findings[]`` entry (``report.schema.json``,
``$defs/finding``) and the only place that shape is written.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from producibility.errors import Said
from producibility import i18n

#: The kinds of finding, in the order the report lists them.
KINDS = ("blocker", "engine_error", "question", "risk", "effort", "info")
_KIND_ORDER = {kind: n for n, kind in enumerate(KINDS)}

def words(section: str, lang: str) -> dict[str, Any]:
    """One section of the ``findings`` locale domain (English for an unknown language)."""
    return i18n.texts("findings", lang if lang in i18n.LANGS else i18n.DEFAULT_LANG)[section]


def engine_error_text(rule: str, error: Any, lang: str) -> str:
    """"Rule X could not be evaluated: ..." in ``lang`` (the error's own words too, where
    it keeps its wording)."""
    return words("verdict", lang)["engine_error"].format(
        rule=rule, error=error.wording(lang) if isinstance(error, Said) else error)


#: How many parts a text names; the rest are counted ("P0, P1, P10, P100, P101 and 295
#: more"): a 300-part request's reasons named every other part, in each of them.
PARTS_NAMED = 5


#: How many machines a line of the report names where a part fits many (its
#: alternatives, the machines a split goes over); the rest are counted ("and 24 more").
#: Judgement: four machine names with their amount or share are about two lines of a
#: terminal; a 308-machine shop's alternatives line was 1,062 characters.  The JSON
#: keeps every machine.
MACHINES_NAMED = 4

#: Judgement: a part's rejected machines a report lists, the nearest misses first (the
#: rest counted): a 308-machine shop's HTML report listed 56 rejected machines for one
#: operation, where the text report stopped at five.  The JSON keeps every one.
REJECTED_NAMED = 5


def named_parts(parts: Sequence[str], lang: str) -> str:
    """The parts a text names: all of them up to PARTS_NAMED, else the first
    PARTS_NAMED and how many more."""
    if len(parts) <= PARTS_NAMED:
        return ", ".join(parts)
    return words("lead_time", lang)["more_parts"].format(
        parts=", ".join(parts[:PARTS_NAMED]), n=len(parts) - PARTS_NAMED)


class Risk:
    """A risk rated on the pack's matrix: likelihood x consequence, and its level."""

    __slots__ = ("likelihood", "consequence", "score", "level")

    def __init__(self, likelihood: int, consequence: int, score: int, level: str) -> None:
        self.likelihood = likelihood
        self.consequence = consequence
        self.score = score
        self.level = level

    def __eq__(self, other: object) -> bool:
        return _same(self, other)

    def __hash__(self) -> int:
        return hash((self.likelihood, self.consequence, self.score, self.level))

    @classmethod
    def rated(cls, likelihood: int, consequence: int, matrix: Sequence[Sequence[str]]) -> Risk:
        """The risk of a likelihood and a consequence (1-5 each) on the risk matrix."""
        return cls(likelihood, consequence, likelihood * consequence,
                   matrix[likelihood - 1][consequence - 1])

    @classmethod
    def of_rule(cls, rule: Any, matrix: Sequence[Sequence[str]]) -> Risk | None:
        """The risk a rule's ``then.risk`` declares, or None."""
        risk = rule.then.get("risk")
        return cls.rated(risk["likelihood"], risk["consequence"], matrix) if risk else None

    def to_dict(self) -> dict[str, Any]:
        return {"likelihood": self.likelihood, "consequence": self.consequence,
                "score": self.score, "level": self.level}


class Trace:
    """Where a finding comes from: the rule file and line (None for the tool's own
    checks), the condition as written, the values it read, and the flags its
    ``requires`` and ``unless`` read, each with the rules that set it and the facts they
    matched (a flag rule's own condition is often ``true``: the facts are the setter's)."""

    __slots__ = ("file", "line", "condition", "values", "flags")

    def __init__(self, file: str | None, line: int | None, condition: str,
                 values: Mapping[str, Any], flags: Sequence[Mapping] = ()) -> None:
        self.file = file
        self.line = line
        self.condition = condition
        self.values = values
        self.flags = flags

    def __eq__(self, other: object) -> bool:
        return _same(self, other)

    __hash__ = None  # the values are a mapping


class Finding:
    """One finding of the report; ``to_dict()`` is its JSON form.

    A plain class (a dataclass took about 1 ms to build at import, a tenth of a warm
    check's own imports): the fields are set once here and only read after."""

    __slots__ = ("rule", "kind", "thread", "title", "message", "mitigation", "source",
                 "trace", "part", "machine", "risk", "effort", "mrl_cap", "flag",
                 "quote_line")

    def __init__(self, rule: str, kind: str, thread: str, title: str, message: str,
                 mitigation: str, source: str, trace: Trace, part: str | None = None,
                 machine: str | None = None, risk: Risk | None = None,
                 effort: Mapping[str, Any] | None = None, mrl_cap: int | None = None,
                 flag: str | None = None,
                 quote_line: Mapping[str, Any] | None = None) -> None:
        self.rule = rule                # the rule id, or the tool's check (FIT-NO-MACHINE, ...)
        self.kind = kind                # one of KINDS
        self.thread = thread            # the MRL thread or FaaS topic it counts for
        self.title = title
        self.message = message
        self.mitigation = mitigation
        self.source = source            # where the knowledge comes from
        self.trace = trace
        self.part = part
        self.machine = machine
        self.risk = risk
        self.effort = {} if effort is None else effort
        self.mrl_cap = mrl_cap
        self.flag = flag
        # A quote line this finding prices (outside work); costing takes it, JSON omits it.
        self.quote_line = quote_line

    def __eq__(self, other: object) -> bool:
        return _same(self, other, ignore="quote_line")

    __hash__ = None  # the effort is a mapping

    @classmethod
    def from_hit(cls, hit: Any, lang: str, matrix: Sequence[Sequence[str]],
                 choice_text: Mapping, brief: bool = False) -> Finding:
        """The finding of a rule that fired (``hit``: an infer.Hit), its message in
        ``lang`` with the questionnaire's choice texts.  ``brief`` (a what-if probe,
        which reads what a finding decides, never its words): no title, message,
        mitigation, source or trace."""
        rule = hit.rule
        then = rule.then
        if brief:
            return cls(
                rule=rule.id, kind=_kind(then), thread=rule.thread, title="",
                part=_part(hit), machine=hit.machine, message="", mitigation="",
                risk=Risk.of_rule(rule, matrix), effort=then.get("effort", {}),
                mrl_cap=then.get("mrl_cap"), flag=then.get("flag"), source="",
                trace=_NO_TRACE)
        kind, title, mitigation, template, file, source = _rule_words(rule, lang)
        return cls(
            rule=rule.id, kind=kind, thread=rule.thread, title=title, part=_part(hit),
            machine=hit.machine, message=template.render(hit.context, lang, choice_text),
            mitigation=mitigation, risk=Risk.of_rule(rule, matrix),
            effort=dict(then.get("effort", {})), mrl_cap=then.get("mrl_cap"),
            flag=then.get("flag"), source=source,
            trace=Trace(file, rule.line, rule.when.source, _json_value(hit.values)))

    @classmethod
    def engine_error(cls, hit: Any, lang: str) -> Finding:
        """The finding of a rule the engine could not evaluate (a question to the engineer).
        Its message is a :class:`Said`: worded in ``lang``, it keeps its wording for a
        reader that speaks another (``rules test`` screens a case in the case's language
        and reports in the user's)."""
        rule = hit.rule
        return cls(
            rule=rule.id, kind="engine_error", thread=rule.thread,
            title=rule.text("title", lang), part=_part(hit), machine=hit.machine,
            message=Said.of(functools.partial(engine_error_text, rule.id, hit.error), lang),
            mitigation="", source=rule.text("source", lang), trace=_rule_trace(hit))

    @classmethod
    def check(cls, rule: str, kind: str, thread: str, title: str, message: str,
              mitigation: str, source: str, condition: str, values: Mapping[str, Any],
              **more: Any) -> Finding:
        """A finding of the tool's own checks (no rule file): ``more`` sets part,
        machine, risk, effort or quote_line."""
        return cls(rule=rule, kind=kind, thread=thread, title=title, message=message,
                   mitigation=mitigation, source=source,
                   trace=Trace(None, None, condition, values), **more)

    def sort_key(self) -> tuple:
        """The report's order: by kind, the highest risk first, then rule, part, thread."""
        return (_KIND_ORDER[self.kind], -(self.risk.score if self.risk else 0), self.rule,
                self.part or "", self.thread)

    def to_dict(self) -> dict[str, Any]:
        """The report's ``findings[]`` entry (report.schema.json, ``$defs/finding``)."""
        trace = self.trace
        return {
            "rule": self.rule, "kind": self.kind, "thread": self.thread, "title": self.title,
            "part": self.part, "machine": self.machine, "message": self.message,
            "mitigation": self.mitigation,
            "risk": self.risk.to_dict() if self.risk else None, "effort": dict(self.effort),
            "mrl_cap": self.mrl_cap, "flag": self.flag, "source": self.source,
            "trace": {"rule": self.rule, "file": trace.file, "line": trace.line,
                      "condition": trace.condition, "values": trace.values,
                      "flags": [dict(f) for f in trace.flags]}}


def _same(one: Any, other: Any, ignore: str = "") -> Any:
    """Field by field equality of two objects of one class with ``__slots__`` (but for
    the field ``ignore``)."""
    if type(other) is not type(one):
        return NotImplemented
    return all(getattr(one, name) == getattr(other, name)
               for name in one.__slots__ if name != ignore)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """The findings in the report's order (:meth:`Finding.sort_key`)."""
    return sorted(findings, key=Finding.sort_key)


def rule_decides(rule: Any, matrix: Sequence[Sequence[str]]) -> bool:
    """Whether an answer to what a rule reads can change the verdict: the rule blocks,
    asks or rates a high risk."""
    then = rule.then
    return bool(then.get("blocker") or then.get("question") or (
        then.get("risk") and Risk.of_rule(rule, matrix).level == "high"))


def _kind(then: Mapping[str, Any]) -> str:
    for kind in ("blocker", "question", "risk", "effort"):
        if then.get(kind):
            return kind
    return "info"


def _part(hit: Any) -> str | None:
    return hit.subject if hit.rule.scope in ("part", "candidate") else None


_NO_TRACE = Trace(None, None, "", {})


def flag_trace(hit: Any, setters: Mapping[str, Sequence[Any]]) -> list[dict]:
    """The trace's ``flags`` of a rule that fired: per flag its ``requires`` or
    ``unless`` reads, whether it holds for the rule's subject, and the rules that set it
    there (``setters``: flag -> the hits of the rules that set it, in the engine's
    order) with the facts they matched.  A part's rule sees what is set for the request
    and for its own part; the request's rules see what is set for any part."""
    rule = hit.rule
    part = hit.subject if rule.scope in ("part", "candidate") else None
    out = []
    for reads, names in (("requires", rule.requires), ("unless", rule.unless)):
        for name in names:
            set_by = []
            for setter in setters.get(name, ()):
                where = _part(setter)
                if part is not None and where is not None and where != part:
                    continue
                set_by.append({"rule": setter.rule.id, "part": where,
                               "condition": setter.rule.when.source,
                               "values": _json_value(setter.values)})
            out.append({"flag": name, "reads": reads, "holds": bool(set_by),
                        "set_by": set_by})
    return out


def _rule_trace(hit: Any) -> Trace:
    rule = hit.rule
    return Trace(_short(rule.path), rule.line, rule.when.source, _json_value(hit.values))


@functools.lru_cache(maxsize=2048)  # a pack's rules in each language; rules do not change
def _rule_words(rule: Any, lang: str) -> tuple:
    """(kind, title, mitigation, message template, trace file, source) of a rule's
    findings in ``lang``: the same for each of its hits."""
    return (_kind(rule.then), rule.text("title", lang), rule.text("mitigation", lang),
            rule.message.get(lang) or rule.message.get("en"), _short(rule.path),
            rule.text("source", lang))


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _json_value(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): v if type(v) in _SCALARS else _json_value(v)
                for k, v in sorted(value.items())}
    return value


@functools.lru_cache(maxsize=256)  # a few rule files; Path takes ~10 us a finding
def _short(path: str | None) -> str | None:
    """Rule file names without the machine-specific directories in front."""
    if not path:
        return None
    p = Path(path)
    return f"{p.parent.name}/{p.name}" if p.parent.name else p.name


__all__ = ["Finding", "Risk", "Trace", "KINDS", "ordered", "rule_decides", "words"]
