"""Equipment fit: does one part operation fit one machine, and how closely?

What a process checks is data: each process in the catalogue (catalogue.py,
``rules/catalogue/processes.yaml``) declares its checks, a part field against a
machine field as a maximum, a minimum, a capability, a per-material map or an
envelope in any orientation, hard or soft.  :class:`Fitter` compiles those
declarations once per catalogue; ``Fitter.check`` is called from the engine's
fit rule (see infer.py).  Each check returns reasons to reject, reasons the fit
is only marginal, and the fields it could not check because the request does
not give them.
"""

EPS = 1e-9  # figures are given to a few decimals; 1.5 x 0.2 must not exceed 0.3


class Reason(str):
    """A reason in English (the str value) that can also speak Dutch: ``text('nl')``."""

    TEXTS = {
        "en": {
            "material": "does not run {material}",
            "no_thickness": "no {what} limit known for {material}",
            "no_limit": "the machine states no {what}",
            "soft_over": "{what} {value} {unit} > {limit} {unit}: possible with extra effort",
            "under": "{what} {value} {unit} < {limit} {unit}",
            "near_min": "{what} {value} {unit} is within {share} of the minimum {limit} {unit}",
            "over": "{what} {value} {unit} > {limit} {unit}",
            "near": "{what} {value} {unit} is {share} of {limit} {unit}",
            "tighter": "{what} {value} {unit} is tighter than the machine's {limit} {unit}",
            "close": "{what} {value} {unit} is within {margin}x of the machine's {limit} {unit}",
            "capacity": "needs {hours} h, {free} h free in the {weeks} weeks before the "
                        "wanted date",
            "capacity_shared": "needs {hours} h, but {taken} h of its {free} h free before "
                               "the wanted date already go to {parts}",
        },
        "nl": {
            "material": "verwerkt geen {material}",
            "no_thickness": "geen maximale {what} bekend voor {material}",
            "no_limit": "de machine noemt geen {what}",
            "soft_over": "{what} {value} {unit} > {limit} {unit}: kan met extra inspanning",
            "under": "{what} {value} {unit} < {limit} {unit}",
            "near_min": "{what} {value} {unit} zit binnen {share} van het minimum {limit} {unit}",
            "over": "{what} {value} {unit} > {limit} {unit}",
            "near": "{what} {value} {unit} is {share} van {limit} {unit}",
            "tighter": "{what} {value} {unit} is nauwer dan de {limit} {unit} van de machine",
            "close": "{what} {value} {unit} zit binnen {margin}x de {limit} {unit} van de machine",
            "capacity": "vraagt {hours} u, {free} u vrij in de {weeks} weken vóór de "
                        "gewenste datum",
            "capacity_shared": "vraagt {hours} u, maar van de {free} u vrij vóór de gewenste "
                               "datum gaan er al {taken} u naar {parts}",
        },
    }

    def __new__(cls, key, **params):
        self = super().__new__(cls, cls._render(key, params, "en"))
        self.key, self.params = key, params
        return self

    @classmethod
    def _render(cls, key, params, lang):
        shown = {}
        for name, value in params.items():
            if isinstance(value, float):
                value = f"{value:g}"
                if lang == "nl":
                    value = value.replace(".", ",")
            shown[name] = value
        what = params.get("what", "")
        if isinstance(what, dict):  # a label per language, from the catalogue
            what = what.get(lang) or what["en"]
            shown["what"] = what.format(material=params.get("material", ""))
        return cls.TEXTS.get(lang, cls.TEXTS["en"])[key].format(**shown)

    def text(self, lang="en"):
        return self._render(self.key, self.params, lang)


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

    def judge(self, result, part, machine, material):
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
                       self.hard, material=material)
            elif material is not None and material in machine["materials"]:
                result.rejections.append(Reason("no_thickness", material=material,
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
        self.catalogue = catalogue
        self.plans = {pid: tuple(_Check(c, settings) for c in process.get("checks", ()))
                      for pid, process in catalogue.entries["processes"].items()}
        self.kinds = {pid: {process.get("kind")} | ({"finishing"} if process.get("finishes")
                                                    else set())
                      for pid, process in catalogue.entries["processes"].items()}
        # which checks may be left to a later operation: {process: {kind, ...}}
        self.deferrable = {pid: {c.skip_before for c in plan if c.skip_before}
                           for pid, plan in self.plans.items()}

    def check(self, part, process, machine, known_only=False):
        """Judge one part operation against one machine (or partner) of that process.

        ``known_only``: a limit the machine (a partner) does not state is not checked.
        Checks what the part's known fields allow; a missing field is listed in
        ``unchecked`` (the fit is then provisional) but never assumed.  So a
        rejection is always definite: more answers can only add rejections.
        """
        result = FitResult()
        material = part.get("material")
        if material is None:
            result.unchecked.append("material")
        elif material not in machine["materials"]:
            result.rejections.append(Reason("material", material=material))
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
            check.judge(result, part, machine, material)
        return result

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


def check(part, process, machine, settings):
    """One fit judged with the default catalogue (the API and benchmarks' way)."""
    from producibility.model.catalogue import default_catalogue

    key = tuple(sorted(settings.items()))
    fitter = _fitters.get(key)
    if fitter is None:
        fitter = _fitters[key] = Fitter(default_catalogue(), settings)
    return fitter.check(part, process, machine)
