"""Equipment fit: does one part operation fit one machine, and how closely?

What a process checks is data: each process in the catalogue (catalogue.py,
``rules/catalogue/processes.yaml``) declares its checks, a part field against a
machine field as a maximum, a minimum, a capability, a per-material map or an
envelope in any orientation, hard or soft (a ``bar`` check is not judged here: it
decides whether a lathe makes the part from bar or a sawn blank, ``model.stock``).
:class:`Fitter` compiles those declarations once per catalogue; ``Fitter.check`` is
called from the engine's fit rule (see infer.py).  Each check returns reasons to
reject, reasons the fit is only marginal, and the fields it could not check because
the request does not give them.
"""

from __future__ import annotations

from producibility import i18n

EPS = 1e-9  # figures are given to a few decimals; 1.5 x 0.2 must not exceed 0.3


class Reason(str):
    """A reason in English (the str value) that can also speak Dutch: ``text('nl')``.

    The words are the ``fit_reasons`` of the ``findings`` locale domain; a float is
    written as the language writes numbers, hours and weeks with one decimal."""

    DECIMALS = {"hours": 1, "free": 1, "taken": 1, "weeks": 1, "days": 1, "whole": 1}

    def __new__(cls, key: str, **params):
        self = super().__new__(cls, cls._render(key, params, "en"))
        self.key, self.params = key, params
        return self

    @classmethod
    def _render(cls, key: str, params: dict, lang: str) -> str:
        if lang not in i18n.LANGS:
            lang = i18n.DEFAULT_LANG
        shown = {}
        for name, value in params.items():
            if isinstance(value, float):
                value = _figure(value, lang, cls.DECIMALS.get(name))
            elif isinstance(value, dict):  # a name per language (the catalogue's)
                value = value.get(lang) or value["en"]
            shown[name] = value
        what = params.get("what", "")
        if isinstance(what, dict):  # a label per language, from the catalogue
            what = what.get(lang) or what["en"]
            shown["what"] = what.format(material=shown.get("material", ""))
        return i18n.texts("findings", lang)["fit_reasons"][key].format(**shown)

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang``."""
        return str(self) if lang == "en" else self._render(self.key, self.params, lang)


def _figure(value: float, lang: str, decimals: int | None) -> str:
    """A figure of a reason.  English, the engine's own text of every reason it makes
    (thousands a request), by Python's format, which gives what ``i18n.number`` gives
    for it at a hundredth of the cost; any other language by ``i18n.number``."""
    if lang == "en":
        return f"{value:.{decimals}f}" if decimals is not None else f"{value:g}"
    return i18n.number(value, lang, decimals, grouping=False)


def text(reason, lang):
    """A reason in the language, whether a Reason or a plain message."""
    return reason.text(lang) if isinstance(reason, Reason) else str(reason)


class FitResult:
    __slots__ = ("rejections", "marginal", "unchecked", "hours")

    def __init__(self):
        self.rejections = []   # Reasons: why the machine is out
        self.marginal = []     # Reasons: where the part is close to the machine's limit
        self.unchecked = []    # part fields that were missing
        self.hours = None      # machine hours for this operation, if known

    @property
    def fits(self):
        return not self.rejections


class _Check:
    """One compiled check declaration (see rules/catalogue/processes.yaml)."""

    __slots__ = ("kind", "part", "expr", "of", "machine", "unit", "label", "labels", "hard",
                 "margin", "ask", "optional", "stem", "skip_before")

    def __init__(self, raw, settings):
        from producibility.conditions.expressions import compile_condition

        self.kind = raw["kind"]
        self.part = raw.get("part")
        self.expr = compile_condition(raw["expr"], ("part",)) if raw.get("expr") else None
        self.of = {"max": max, "min": min}.get(raw.get("of"))
        self.machine = raw["machine"]
        self.unit = raw.get("unit", "")
        label = raw["label"]
        if self.kind == "envelope":
            # one label per side, largest first
            self.labels = [{lang: names[i] for lang, names in label.items()}
                           for i in range(len(label["en"]))]
            self.label = None
        else:
            self.label = dict(label)
            self.labels = None
        # per material: "{material} thickness" -> "thickness" for "no thickness limit known"
        self.stem = {lang: text.replace("{material}", "").strip()
                     for lang, text in label.items()} if self.kind == "per_material" else None
        self.hard = raw.get("hard", True)
        default = settings["capability_margin" if self.kind == "capability"
                           else "envelope_margin"]
        self.margin = raw.get("margin", default)
        self.ask = raw.get("if_missing", "unchecked") == "unchecked"
        self.optional = bool(raw.get("machine_optional"))
        self.skip_before = raw.get("skip_before")

    def value(self, part, result):
        """The part's value, or None (then noted as unchecked when it should be asked)."""
        if self.expr is not None:
            from producibility.conditions.expressions import UNKNOWN, ExpressionError, evaluate

            context = {"part": part}
            try:
                value = evaluate(self.expr, context)
            except ExpressionError:
                value = None
            if value is UNKNOWN or value is None:
                if self.ask:
                    result.unchecked.extend(f for _, f in self.expr.missing(context))
                return None
            return value
        value = part.get(self.part)
        if value is None:
            if self.ask:
                result.unchecked.append(self.part)
            return None
        if self.of is not None and isinstance(value, (list, tuple)):
            return self.of(value) if value else None
        return value

    def judge(self, result, part, machine, material, named=lambda material: material):
        limit = machine.get(self.machine)
        if limit is None and not self.optional:
            if self.value(part, result) is not None:
                result.rejections.append(Reason("no_limit", what=self.label or self.labels[0]))
            return
        if limit is None:
            return
        value = self.value(part, result)
        if value is None:
            return
        kind = self.kind
        if kind == "envelope":
            dims = sorted(value, reverse=True)
            sides = sorted(limit, reverse=True)
            # Sorted sides compare every axis-aligned orientation at once.
            for label, d, e in zip(self.labels, dims, sides):
                _limit(result, label, d, e, self.margin, self.unit, self.hard)
        elif kind == "max":
            _limit(result, self.label, value, limit, self.margin, self.unit, self.hard)
        elif kind == "capability":
            _capability(result, self.label, value, limit, self.margin, self.unit)
        elif kind == "min":
            _minimum(result, self.label, value, limit, self.margin, self.unit, self.hard)
        elif kind == "per_material":
            if material in limit:
                _limit(result, self.label, value, limit[material], self.margin, self.unit,
                       self.hard, material=named(material))
            elif material is not None and material in machine["materials"]:
                result.rejections.append(Reason("no_thickness", material=named(material),
                                                what=self.stem))


def _limit(result, what, value, limit, margin, unit="mm", hard=True, **extra):
    if value > limit + EPS:
        if hard:
            result.rejections.append(Reason("over", what=what, value=float(value),
                                            limit=float(limit), unit=unit, **extra))
        else:
            result.marginal.append(Reason("soft_over", what=what, value=float(value),
                                          limit=float(limit), unit=unit, **extra))
    elif value > margin * limit + EPS:
        result.marginal.append(Reason("near", what=what, value=float(value),
                                      limit=float(limit), unit=unit,
                                      share=f"{value / limit:.0%}", **extra))


def _minimum(result, what, value, limit, margin, unit, hard=True):
    if value < limit - EPS:
        key = "under" if hard else "soft_over"
        (result.rejections if hard else result.marginal).append(Reason(
            key, what=what, value=float(value), limit=float(limit), unit=unit))
    elif margin and value * margin < limit - EPS:
        result.marginal.append(Reason("near_min", what=what, value=float(value),
                                      limit=float(limit), unit=unit,
                                      share=f"{1 - margin:.0%}"))


def _capability(result, what, wanted, capable, margin, unit):
    """Tolerance and roughness: smaller is harder; the machine must reach it."""
    if wanted < capable - EPS:
        result.rejections.append(Reason("tighter", what=what, value=float(wanted),
                                        limit=float(capable), unit=unit))
    elif wanted < margin * capable - EPS:
        result.marginal.append(Reason("close", what=what, value=float(wanted),
                                      limit=float(capable), unit=unit, margin=float(margin)))


class Fitter:
    """The fit of every process of one catalogue, its checks compiled once."""

    def __init__(self, catalogue, settings):
        from producibility.conditions.expressions import parsed_trees, trees_key

        self.catalogue = catalogue
        self._names = {}  # material -> its name per language (named)
        processes = catalogue.entries["processes"]
        # the checks' expressions parsed as last time (the record is found by their texts)
        texts = sorted({c["expr"] for p in processes.values() for c in p.get("checks", ())
                        if isinstance(c.get("expr"), str)})
        with parsed_trees(trees_key("catalogue-checks-2", "\n".join(texts).encode())):
            self.plans = {pid: tuple(_Check(c, settings) for c in process.get("checks", ()))
                          for pid, process in processes.items()}
        self.kinds = {pid: {process.get("kind")} | ({"finishing"} if process.get("finishes")
                                                    else set())
                      for pid, process in processes.items()}
        # which checks may be left to a later operation: {process: {kind, ...}}
        self.deferrable = {pid: {c.skip_before for c in plan if c.skip_before}
                           for pid, plan in self.plans.items()}

    def check(self, part, process, machine, known_only=False, held=None):
        """Judge one part operation against one machine (or partner) of that process.

        ``known_only``: a limit the machine (a partner) does not state is not checked.
        ``held``: {field: process} the part's tolerance or roughness that another of its
        operations reaches (:meth:`held`): this machine missing it is marginal, not out.
        Checks what the part's known fields allow; a missing field is listed in
        ``unchecked`` (the fit is then provisional) but never assumed.  So a
        rejection is always definite: more answers can only add rejections.
        """
        result = FitResult()
        material = part.get("material")
        if material is None:
            result.unchecked.append("material")
        elif material not in machine["materials"]:
            result.rejections.append(Reason("material", material=self.named(material)))
        plan = self.plans.get(process)
        if not plan:
            return result
        later = ()
        if self.deferrable[process]:
            processes = part.get("processes")
            if processes and processes[-1] != process:
                later = self.later_kinds(processes, process)
        for check in plan:
            if later and check.skip_before is not None and check.skip_before in later:
                continue
            if check.kind == "bar":  # decides the stock (model.stock.bar_stock), not the fit
                continue
            limit = machine.get(check.machine)
            if limit is None:
                if known_only or check.optional:
                    continue
            elif check.expr is None:
                # the common case, inline: a plain part field against a stated limit
                value = part.get(check.part)
                if value is None:
                    if check.ask:
                        result.unchecked.append(check.part)
                    continue
                kind = check.kind
                if kind == "capability":
                    if held and check.part in held and value < limit - EPS:
                        result.marginal.append(Reason(
                            "held_elsewhere", what=check.label, value=float(value),
                            limit=float(limit), unit=check.unit,
                            by=self.process_name(held[check.part])))
                        continue
                    _capability(result, check.label, value, limit, check.margin, check.unit)
                    continue
                if kind == "envelope":
                    # Sorted sides compare every axis-aligned orientation at once.
                    for label, d, e in zip(check.labels, sorted(value, reverse=True),
                                           sorted(limit, reverse=True)):
                        _limit(result, label, d, e, check.margin, check.unit, check.hard)
                    continue
                if kind == "max" and check.of is None:
                    _limit(result, check.label, value, limit, check.margin, check.unit,
                           check.hard)
                    continue
            check.judge(result, part, machine, material, self.named)
        return result

    def held(self, part, process, machines_by_process):
        """{field: process}: the part's tolerance and roughness (capability checks) that
        this operation is judged on, and that another of the part's operations reaches
        on one of our own machines that takes the part (it fits there, every check
        passed; ``machines_by_process``: process -> machines).

        A part's tolerance and roughness are its tightest feature's.  Made in one
        operation, that operation must reach them; made in several, the feature is made
        by one of them: the laser cuts the holes to ±0.1 mm, the press brake and the
        welding table need not.  Where no operation reaches them on a machine that takes
        the part, every one is judged on them (the part cannot be made here as drawn).
        A measuring operation is judged on them always (it must measure the tightest
        feature) and makes no feature.  Used only where no machine of this operation
        reaches them (:meth:`judge_all`)."""
        processes = part.get("processes") or ()
        if len(processes) < 2 or "inspection" in self.kinds.get(process, ()):
            return None
        out = {}
        takes = {}  # other process -> whether one of our machines makes it (fits)
        for check in self.plans.get(process, ()):
            if check.kind != "capability" or check.expr is not None or check.part in out:
                continue
            value = part.get(check.part)
            if value is None:
                continue
            for other in processes:
                if other == process or "inspection" in self.kinds.get(other, ()) or not any(
                        c.kind == "capability" and c.part == check.part and c.expr is None
                        for c in self.plans.get(other, ())):
                    continue
                if other not in takes:
                    takes[other] = [m for m in machines_by_process.get(other, ())
                                    if self.check(part, other, m).fits]
                if takes[other]:
                    out[check.part] = other
                    break
        return out or None

    def judge_all(self, part, process, machines, machines_by_process):
        """[(machine, FitResult)] of one part operation on each of its machines: where
        none takes it and another operation of the part reaches the tolerance or
        roughness that keeps them out (:meth:`held`), judged again with that one
        marginal."""
        results = [(m, self.check(part, process, m)) for m in machines]
        if any(r.fits for _, r in results):
            return results
        held = self.held(part, process, machines_by_process)
        if not held:
            return results
        return [(m, self.check(part, process, m, held=held)) for m in machines]

    def process_name(self, process):
        """The process's catalogue name in every language."""
        names = self._names.get(("process", process))
        if names is None:
            names = self._names[("process", process)] = {
                lang: self.catalogue.name("processes", process, lang) for lang in i18n.LANGS}
        return names

    def named(self, material):
        """The material's catalogue name in every language, for a reason's words
        ("verwerkt geen gereedschapsstaal 1.2379", not its id); the id where the
        catalogue has no name."""
        names = self._names.get(material)
        if names is None:
            names = self._names[material] = {
                lang: self.catalogue.name("materials", material, lang) for lang in i18n.LANGS}
        return names

    def later_kinds(self, processes, process):
        """The kinds of the operations after this one in the part's processes."""
        if process not in processes:
            return ()
        kinds = self.kinds
        return set().union(*(kinds.get(p, ()) for p in processes[processes.index(process) + 1:]))

    def essential_fields(self, process):
        return essential_fields(process, self.catalogue)


def partner_as_machine(partner, part):
    """A partner judged like a machine: its stated limits; any material unless it lists them."""
    machine = dict(partner.get("limits") or {})
    machine["id"] = partner["id"]
    materials = partner.get("materials")
    machine["materials"] = materials if materials is not None else \
        ([part["material"]] if part.get("material") is not None else [])
    return machine


def essential_fields(process, catalogue=None):
    """Part fields without which the fit of this process cannot be judged."""
    from producibility.model.catalogue import default_catalogue

    entry = (catalogue or default_catalogue()).get("processes", process) or {}
    box = () if entry.get("kind") == "rotational" else ("size_mm",)
    return ("material",) + box + tuple(entry.get("needs", ()))


_fitters = {}


def _default_fitter(settings):
    from producibility.model.catalogue import default_catalogue

    key = tuple(sorted(settings.items()))
    fitter = _fitters.get(key)
    if fitter is None:
        fitter = _fitters[key] = Fitter(default_catalogue(), settings)
    return fitter


def check(part, process, machine, settings, machines_by_process=None):
    """One fit judged with the default catalogue (the API and benchmarks' way);
    ``machines_by_process`` (process -> the shop's machines): what the part's other
    operations reach is judged as in the engine (:meth:`Fitter.judge_all`)."""
    fitter = _default_fitter(settings)
    if not machines_by_process:
        return fitter.check(part, process, machine)
    results = fitter.judge_all(part, process, machines_by_process.get(process, ()),
                               machines_by_process)
    return next((r for m, r in results if m is machine), None) or \
        fitter.check(part, process, machine)
