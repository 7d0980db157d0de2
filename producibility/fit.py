"""Equipment fit: does one part operation fit one machine, and how closely?

Pure functions, called from the engine's fit rule (see infer.py).  Each check
returns reasons to reject, reasons the fit is only marginal, and the fields
it could not check because the request does not give them.
"""

SHEET_PROCESSES = ("laser_cutting", "bending")
EPS = 1e-9  # figures are given to a few decimals; 1.5 x 0.2 must not exceed 0.3


class Reason(str):
    """A reason in English (the str value) that can also speak Dutch: ``text('nl')``."""

    TEXTS = {
        "en": {
            "material": "does not run {material}",
            "no_thickness": "no thickness limit known for {material}",
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
            "no_thickness": "geen maximale dikte bekend voor {material}",
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
    WHAT = {
        "nl": {"diameter": "diameter", "length": "lengte", "blank length": "lengte plaatdeel",
               "blank width": "breedte plaatdeel", "bend length": "kantlengte",
               "part length": "lengte onderdeel", "part width": "breedte onderdeel",
               "part height": "hoogte onderdeel", "tolerance ±": "tolerantie ±",
               "roughness Ra": "ruwheid Ra", "thickness": "dikte"},
    }

    def __new__(cls, key, **params):
        self = super().__new__(cls, cls._render(key, params, "en"))
        self.key, self.params = key, params
        return self

    @classmethod
    def _render(cls, key, params, lang):
        words = cls.WHAT.get(lang, {})
        shown = {}
        for name, value in params.items():
            if isinstance(value, float):
                value = f"{value:g}"
                if lang == "nl":
                    value = value.replace(".", ",")
            shown[name] = value
        what = params.get("what", "")
        if what.endswith(" thickness"):  # "<material> thickness"
            shown["what"] = f"{what[:-10]} {words.get('thickness', 'thickness')}"
        else:
            shown["what"] = words.get(what, what)
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


def _limit(result, what, value, limit, margin, unit="mm"):
    if value > limit + EPS:
        result.rejections.append(Reason("over", what=what, value=float(value),
                                        limit=float(limit), unit=unit))
    elif value > margin * limit + EPS:
        result.marginal.append(Reason("near", what=what, value=float(value),
                                      limit=float(limit), unit=unit,
                                      share=f"{value / limit:.0%}"))


def _capability(result, what, wanted, capable, margin, unit):
    """Tolerance and roughness: smaller is harder; the machine must reach it."""
    if wanted < capable - EPS:
        result.rejections.append(Reason("tighter", what=what, value=float(wanted),
                                        limit=float(capable), unit=unit))
    elif wanted < margin * capable - EPS:
        result.marginal.append(Reason("close", what=what, value=float(wanted),
                                      limit=float(capable), unit=unit, margin=float(margin)))


def essential_fields(process):
    """Part fields without which the fit of this process cannot be judged."""
    if process == "turning":
        return ("material", "diameter_mm", "length_mm")
    if process == "laser_cutting":
        return ("material", "size_mm", "thickness_mm")
    if process == "bending":
        return ("material", "size_mm", "thickness_mm")
    return ("material", "size_mm")


def check(part, process, machine, settings):
    """Judge one part operation against one machine of that process.

    Checks what the part's known fields allow; a missing field is listed in
    ``unchecked`` (the fit is then provisional) but never assumed.  So a
    rejection is always definite: more answers can only add rejections.
    """
    result = FitResult()
    margin = settings["envelope_margin"]
    cap_margin = settings["capability_margin"]
    material = part.get("material")
    if material is None:
        result.unchecked.append("material")
    elif material not in machine["materials"]:
        result.rejections.append(Reason("material", material=material))
    size = part.get("size_mm")
    if process == "turning":
        for field, limit_key, what in (("diameter_mm", "max_diameter_mm", "diameter"),
                                       ("length_mm", "max_length_mm", "length")):
            if part.get(field) is None:
                result.unchecked.append(field)
            else:
                _limit(result, what, part[field], machine.get(limit_key, 0), margin)
    elif process in SHEET_PROCESSES:
        thickness_by_material = machine.get("max_thickness_mm", {})
        if part.get("thickness_mm") is None:
            result.unchecked.append("thickness_mm")
        elif material in thickness_by_material:
            _limit(result, f"{material} thickness", part["thickness_mm"],
                   thickness_by_material[material], margin)
        elif material is not None and material in machine["materials"]:
            result.rejections.append(Reason("no_thickness", material=material))
        if size is None:
            result.unchecked.append("size_mm")
        else:
            dims = sorted(size, reverse=True)
            if process == "laser_cutting":
                sheet = sorted(machine.get("sheet_mm", (0, 0)), reverse=True)
                _limit(result, "blank length", dims[0], sheet[0], margin)
                _limit(result, "blank width", dims[1], sheet[1], margin)
            else:
                _limit(result, "bend length", dims[0], machine.get("max_length_mm", 0), margin)
    elif size is None:
        result.unchecked.append("size_mm")
    else:
        envelope = sorted(machine.get("envelope_mm", (0, 0, 0)), reverse=True)
        dims = sorted(size, reverse=True)
        # Sorted sides compare every axis-aligned orientation at once.
        for name, d, e in zip(("length", "width", "height"), dims, envelope):
            _limit(result, f"part {name}", d, e, margin)
    tolerance = part.get("tolerance_mm")
    if tolerance is None:
        result.unchecked.append("tolerance_mm")
    else:
        _capability(result, "tolerance ±", tolerance, machine["tolerance_mm"], cap_margin, "mm")
    roughness = part.get("roughness_ra_um")
    if roughness is not None and "roughness_ra_um" in machine:
        _capability(result, "roughness Ra", roughness, machine["roughness_ra_um"],
                    cap_margin, "µm")
    return result
