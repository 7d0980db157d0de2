"""Costing: the quote lines a quote engineer recognises.

Material, set-up, run, CAM and work preparation, inspection, outside work and the
lines rules add, each with its basis (given, estimated, default), its source and
the rule that asked for it.  Run time comes from the request's cycle time where it
is given, else from the process's run-time model in the catalogue (an estimate,
with a wider contingency).  Every figure is arithmetic a person can redo; the
formulas are written out in each line's ``source``.
"""

from __future__ import annotations

import decimal
import functools
import math
from typing import NamedTuple

from producibility import i18n
from producibility.model.stock import (
    MACHINED, _dims, _said, bar_capacity, bar_stock, envelope_surface_cm2, part_volume_cm3,
    printed_volume_cm3, stock)
from producibility.report.finding import Finding, Risk, named_parts, words as _words
from producibility.report.provenance import weakest



def _r(value, digits=2):
    return round(float(value), digits)


def _slender(params, part, machine):
    """The part's length over its diameter where a run-time model slows its finishing
    beyond ``slender_above_ld`` (turning: a steady rest, PRC-017) and the machine has no
    guide bush (a Swiss-type lathe supports the bar at the tool); else None."""
    limit, times = params.get("slender_above_ld"), params.get("slender_finish_factor")
    if not limit or not times or (machine or {}).get("guide_bush"):
        return None
    length, diameter = part.get("length_mm"), part.get("diameter_mm")
    if not isinstance(length, (int, float)) or not isinstance(diameter, (int, float)) \
            or diameter <= 0:
        return None
    ratio = length / diameter
    return ratio if ratio > limit else None


def _surface_cm2(part):
    """The surface to finish: the envelope's (:func:`stock.envelope_surface_cm2`)."""
    return envelope_surface_cm2(part)


class Unpriced(str):
    """A quote note that says what the price leaves out, and keeps it as data:
    ``entry`` = {part, what: material | run | treatment | outside_work (an operation at a
    partner), item: the material, process or treatment, why: what is missing (a
    ``costing_why`` key: material, size, price ...; for a treatment: partner, none of
    ours does it, or family, it is not for the part's material; at a partner whose price
    list prices per piece or per kg: quantity or weight)} (the report's
    ``quote.not_priced``, which the offer names)."""

    entry: dict

    @classmethod
    def of(cls, text, part, what, item, why):
        note = cls(text)
        note.entry = {"part": part, "what": what, "item": item, "why": why}
        return note


def _speed(table, thickness):
    """(cutting speed, the listed thicknesses it is read from): linear between the two
    listed thicknesses around the part's (1.5 mm between the 1 and 3 mm columns, not at
    3 mm's), the listed one where the thickness is listed; beyond the table's ends the
    next listed thickness up (the conservative reading), or the thickest listed."""
    pairs = sorted((float(k), float(v)) for k, v in table.items())
    below = None
    for t, speed in pairs:
        if abs(thickness - t) <= 1e-9:
            return speed, (t,)
        if thickness < t:
            if below is None:
                return speed, (t,)
            t0, v0 = below
            # to the 0.01 m/min the quote line shows, so that its sum can be redone by hand
            return round(v0 + (speed - v0) * (thickness - t0) / (t - t0), 2), (t0, t)
        below = (t, speed)
    return pairs[-1][1], (pairs[-1][0],)


def _spindle_rate(params, material, machine):
    """(cm3/min, kW, load, W s/mm3, family) the machine's spindle can remove of the
    material: its power (``spindle_kw`` in the equipment file, else the model's own
    ``spindle_kw``, the spindle its removal rate is for) x the model's ``spindle_load``
    over the material family's specific cutting energy (``specific_energy_ws_mm3``, its
    ``default`` for a family it does not list); None where the model names no energies
    or no power is known."""
    energies = params.get("specific_energy_ws_mm3")
    kw = (machine or {}).get("spindle_kw", params.get("spindle_kw"))
    if not energies or not kw:
        return None
    family = (material or {}).get("family")
    energy = energies.get(family, energies.get("default"))
    if not energy:
        return None
    load = float(params.get("spindle_load", 1.0))
    # kW x 1000 = W = J/s; / (J/mm3) = mm3/s; x 60 / 1000 = cm3/min
    return float(kw) * load * 60 / float(energy), kw, load, energy, \
        family if family in energies else "default"


def _cut_speed(speed, params, material, machine, said, g):
    """(m/min, how in words) of a cut from the table's speed: times the material
    family's factor (``speed_factor_by_family``, its ``default``, else 1: the table's
    material) and, for a laser (``laser_kw``, the power the table is for), the machine's
    ``laser_kw`` over it (at most 1: a stronger source does not make thin sheet faster;
    a machine that states none: the model's ``assumed_laser_kw_by_family`` for the
    material's family, else the table's)."""
    family = (material or {}).get("family")
    factors = params.get("speed_factor_by_family") or {}
    factor = float(factors.get(family, factors.get("default", 1.0)))
    reference = params.get("laser_kw")
    scale, power = 1.0, ""
    if reference:
        kw = (machine or {}).get("laser_kw")
        assumed = kw is None and family in (params.get("assumed_laser_kw_by_family") or {})
        if assumed:
            kw = params["assumed_laser_kw_by_family"][family]
        if kw is not None:
            scale = min(float(kw) / float(reference), 1.0)
        if scale != 1.0:
            power = said["cut_power_assumed" if assumed else "cut_power"].format(
                kw=g(kw), reference=g(reference), family=family)
    if factor == 1.0 and scale == 1.0:
        return speed, ""
    # to the 0.01 m/min the quote line shows (0.001 below 0.1), to redo by hand
    raw = speed * factor * scale
    result = round(raw, 2 if raw >= 0.1 else 3)
    written = said["cut_table"].format(table=g(speed)) + (
        said["cut_family"].format(factor=g(factor), family=family) if factor != 1.0 else "")
    return result, written + power


def run_minutes(process, part, material, machine, costing, catalogue, lang="en"):
    """(minutes per piece, formula in ``lang``) from the process's run-time model, or
    (None, why).

    A provider's own catalogue may give a model other parameters than the shipped one:
    a model that cannot be computed is named, not guessed."""
    try:
        return _run_minutes(process, part, material, machine, costing, catalogue, lang)
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None, "model"


def _run_minutes(process, part, material, machine, costing, catalogue, lang):
    said = _said(lang)

    def g(value, decimals=None):
        return i18n.figure(value, lang, decimals)

    entry = catalogue.get("processes", process) if catalogue else None
    model = (entry or {}).get("run_time") or {}
    params = model.get("params") or {}
    kind = model.get("model")
    dims = _dims(part)
    if kind == "material_removal":
        if material is None:
            return None, "material"
        factor = material.get("speed_factor") if params.get("speed_factor") == "material" \
            else params.get("speed_factor", 1.0)
        if not factor:
            return None, "material"
        # the stock it cuts: the drawn bar on a machine that feeds the part from bar (no
        # bar end: it is not cut), else the sawn blank
        bar = bar_stock(part, process, machine, catalogue)
        kg, _, _ = stock(part, [process], material, costing, catalogue, bar=bar,
                         remnant=False)
        if kg is None:
            return None, "size"
        stock_cm3 = kg / material["density_kg_m3"] * 1e6
        part_cm3, how = part_volume_cm3(part, material, costing, lang)
        if part_cm3 is None:
            return None, "size"
        removal = max(stock_cm3 - part_cm3, 0.0)
        rate = params["removal_cm3_min"] * factor
        power = _spindle_rate(params, material, machine)
        if power is not None and power[0] < rate:
            # the spindle cannot drive the tool's rate: its power over the material's
            # specific cutting energy (a 1.1 kW Tormach read a 15-20 kW spindle's 75 cm3/min)
            limit, kw, load, energy, family = power
            minutes = removal / limit
            written = said["material_removal_power"].format(
                stock=g(stock_cm3, 1), part=g(part_cm3, 1), how=how, removal=g(removal, 1),
                rate=g(limit, 1), kw=g(kw), load=g(load), energy=g(energy), family=family,
                base=g(params["removal_cm3_min"]), factor=g(factor))
        else:
            minutes = removal / rate
            written = said["material_removal"].format(
                stock=g(stock_cm3, 1), part=g(part_cm3, 1), how=how, removal=g(removal, 1),
                rate=g(params["removal_cm3_min"]), factor=g(factor))
        # the roughing alone read 0.88 min for a PEEK part: the finishing passes over its
        # surface and the clamping and tool changes of each piece come on top (a model
        # that names them; a provider's model without them is read as before)
        area = _surface_cm2(part)
        if params.get("finish_cm2_min") and area is not None:
            finish = area / (params["finish_cm2_min"] * factor)
            written += said["finish"].format(area=g(area, 1), rate=g(params["finish_cm2_min"]),
                                             factor=g(factor))
            ratio = _slender(params, part, machine)
            if ratio is not None:
                # the steady rest's reduced cutting data (PRC-017): the finishing of a
                # part beyond the model's L/D on a lathe without a guide bush
                finish *= params["slender_finish_factor"]
                written += said["finish_slender"].format(
                    times=g(params["slender_finish_factor"]), ratio=g(ratio, 1),
                    limit=g(params["slender_above_ld"]))
            minutes += finish
        # the handling of each piece: a bar-fed piece's bar advance and tool changes
        # (seconds: the 0.5 min of a chucked blank was most of a Swiss-type pin's time),
        # else loading and unloading it by hand; the machine's own figure where it gives
        # one (bar_index_s, loading_min), else the model's
        machine = machine or {}
        given = None
        if bar is not None:
            seconds = machine.get("bar_index_s")
            given = "bar_index_s" if seconds is not None else None
            seconds = params.get("bar_index_s") if seconds is None else seconds
            if seconds:
                minutes += seconds / 60
                written += said["bar_index"].format(seconds=g(seconds), bar=g(bar))
        else:
            load = machine.get("loading_min")
            given = "loading_min" if load is not None else None
            load = params.get("handling_min") if load is None else load
            capacity = bar_capacity(process, machine, catalogue)
            if load:
                minutes += load
                written += said["handling"].format(minutes=g(load)) \
                    if capacity is None or part.get("diameter_mm") is None \
                    else said["handling_over_bar"].format(
                        minutes=g(load), diameter=g(part.get("diameter_mm")),
                        capacity=g(capacity))
        if given:
            written += said["machine_figure"].format(field=given)
        # a feature the lathe does not make in the same clamping (cross holes without
        # driven tools, the cut-off side without a counter spindle): each piece is
        # clamped again (PRC-019, PRC-020 add the set-up)
        for step in params.get("reclamp") or ():
            if part.get(step["part"]) is True and not machine.get(step["machine"]):
                minutes += step["minutes"]
                written += said["reclamp"].format(
                    minutes=g(step["minutes"]),
                    why=said.get("reclamp_" + step["part"]) or said["reclamp_other"].format(
                        part=step["part"], machine=step["machine"]))
        return minutes, written
    if kind == "cut_length":
        if not dims:
            return None, "size"
        if part.get("thickness_mm") is None:
            return None, "thickness"
        speed, at = _speed(params["speed_m_min_by_thickness_mm"], part["thickness_mm"])
        column = said["column"].format(column=g(at[0])) if len(at) == 1 else \
            said["between"].format(low=g(at[0]), high=g(at[1]))
        speed, scaled = _cut_speed(speed, params, material, machine, said, g)
        column += scaled
        length = 2 * (dims[0] + dims[1]) * costing["cut_length_factor"]
        pierces = costing["pierces_per_part"]
        minutes = length / 1000 / speed + pierces * params.get("pierce_s", 0) / 60
        return minutes, said["cut_length"].format(
            length=g(dims[0]), width=g(dims[1]), factor=g(costing["cut_length_factor"]),
            cut=g(length), speed=g(speed), column=column, pierces=pierces,
            pierce=g(params.get("pierce_s", 0)))
    if kind == "per_bend":
        return params["bends_per_part"] * params["s_per_bend"] / 60, said["per_bend"].format(
            bends=params["bends_per_part"], seconds=g(params["s_per_bend"]))
    if kind == "weld_length":
        if not dims:
            return None, "size"
        length = 2 * (dims[0] + dims[1])
        return length / params["mm_min"] / params["arc_time_share"], said["weld_length"].format(
            length=g(dims[0]), width=g(dims[1]), weld=g(length), speed=g(params["mm_min"]),
            share=g(params["arc_time_share"]))
    if kind == "deposition":
        # the volume the material line bills (one owner: the stock); infill is in it
        volume, how = printed_volume_cm3(part, process, material, costing, catalogue, lang)
        if volume is None:
            return None, "weight"
        return volume / params["cm3_h"] * 60, said["deposition"].format(
            volume=g(volume, 1), how=how, rate=g(params["cm3_h"]))
    if kind == "build_height":
        if not dims:
            return None, "size"
        envelope = list(machine.get("envelope_mm") or [])  # x, y (platform), z
        if len(envelope) < 3:
            return None, "size"
        if params.get("packing_density"):  # powder bed: parts nest in the whole volume
            volume, how = printed_volume_cm3(part, process, material, costing, catalogue,
                                             lang)
            if volume is None:
                return None, "weight"
            packing = params["packing_density"]
            bed_cm3_h = envelope[0] * envelope[1] * params["mm_h"] / 1000
            return volume / packing / bed_cm3_h * 60, said["powder_bed"].format(
                volume=g(volume, 1), how=how, packing=g(packing), x=g(envelope[0]),
                y=g(envelope[1]), rate=g(params["mm_h"]))
        footprint = dims[0] * dims[1]
        share = costing["platform_share"]
        per_build = max(1, math.floor(envelope[0] * envelope[1] * share / footprint))
        hours = dims[2] / params["mm_h"]
        extra = params.get("support_removal_h", 0)
        return (hours / per_build + extra) * 60, said["build_height"].format(
            height=g(dims[2]), rate=g(params["mm_h"]), per_build=per_build, share=g(share),
            x=g(envelope[0]), y=g(envelope[1])) + (
            said["support_removal"].format(hours=g(extra)) if extra else "")
    if kind == "per_feature":
        return params["features_per_part"] * params["min_per_feature"], said[
            "per_feature"].format(features=params["features_per_part"],
                                  minutes=g(params["min_per_feature"]))
    if kind == "per_hit":
        return params["hits_per_part"] / params["hits_min"], said["per_hit"].format(
            hits=params["hits_per_part"], rate=g(params["hits_min"]))
    if kind == "cycle":
        return params["cycle_s"] / params.get("cavities", 1) / 60, said["cycle"].format(
            seconds=g(params["cycle_s"]), cavities=params.get("cavities", 1))
    return None, "model"


def runs_unattended(process, part, machine, costing, catalogue) -> bool:
    """Whether the run of ``process`` for ``part`` on ``machine`` runs unattended: the
    machine's ``unattended`` where it says (a bar-fed lathe: true; a hand-loaded one:
    false), else the pack's ``costing.unattended_processes``.  A part over a machine's
    bar capacity (``model.stock.bar_capacity``) is a sawn blank someone loads: attended
    whatever the machine says (a bar-fed lathe's chucked flange)."""
    machine = machine or {}
    flag = machine.get("unattended")
    if flag is None:
        flag = process in costing["unattended_processes"]
    if flag and bar_capacity(process, machine, catalogue) is not None and \
            bar_stock(part, process, machine, catalogue) is None:
        return False
    return bool(flag)


def rate(provider, costing, key, name, words, notes, lang, provenance=None):
    """A provider's rate, or the pack's: the shop's own where its own pack sets it
    (``provenance``), else the default pack's, named in the notes: never a silent 0."""
    value = provider.get(key)
    if value is not None:
        return value, "given", _said(lang)["rate_given"].format(key=key)
    value = costing[key]
    basis = provenance.setting(f"costing.{key}") if provenance is not None else "default"
    if basis == "default":
        notes.append(words["default_rate"].format(
            name=name, rate=i18n.money(value, lang, None)))
    return value, basis, _said(lang)["rate_default"].format(key=key)


#: A quote line's fields, with what a line leaves out.  A line priced as an amount (the
#: material, outside work, tooling, a certificate, packaging, transport) has no hours, no
#: hourly rate and no attendance: null, not 0 (its amount is not hours x rate); a line of
#: hours is attended unless it says otherwise.
_BLANK_LINE = {"kind": None, "part": None, "process": None, "machine": None, "rule": None,
               "description": "", "setup_h": None, "run_h": None, "hours": None,
               "rate_eur_h": None, "amount_eur": 0.0, "basis": "given", "source": "",
               "attended": None, "one_off": None}

#: What a one-off cost is for (a quote line's ``one_off``): work done once for a drawing,
#: not again for a repeat order of it, which a buyer compares and reorders without
#: (the offer's "Eenmalige kosten").  Programming is the CAM line of each operation and
#: a rule's ``cam_h``; engineering a rule's ``engineering_h`` and ``design_h`` (not its
#: procurement: hours that order something, which recur with every order); a rule's
#: ``inspection_h`` and ``setup_h`` recur unless its ``effort.one_off`` names what they
#: are for (``first_article``, ``capability``, ``fixtures``), and ``one_off: false``
#: keeps every hour of a rule in the piece price (a certificate per heat, cleaning
#: shared tools each batch).
ONE_OFF = ("programming", "fixtures", "first_article", "capability", "engineering",
           "instruction")
#: price_split's one-off group of the allowance for open answers to one-off rules (an
#: engineering rule that an answer may still make fire): a buyer sees it as what it is,
#: apart from the one-off costs it would otherwise swell, and it is gone once the
#: questions are answered
OPEN_ANSWERS = "open_answers"
_ONE_OFF_BY_KEY = {"cam_h": "programming", "engineering_h": "engineering",
                   "design_h": "engineering", "tooling": "fixtures"}


def one_off(effort, key):
    """What a rule's ``key`` hours (``engineering_h``, ``cam_h``, ...; for an amount, its
    kind) are for where they are a one-off cost (:data:`ONE_OFF`), else None: the rule's
    ``effort.one_off`` (a category, or false: none of it), else by key.  The one owner of
    which quote lines are one-off: the offer, the quote's totals and the quantity breaks
    read the lines' ``one_off``, never the rules."""
    declared = (effort or {}).get("one_off")
    if declared is False:
        return None
    if isinstance(declared, str):
        return declared
    return _ONE_OFF_BY_KEY.get(key)


def cam_h(process, costing) -> float:
    """CAM programming and work preparation hours for one operation (the pack's
    ``costing.cam_h``, else its ``default``): the quote's ``cam`` line."""
    return costing["cam_h"].get(process, costing["cam_h"]["default"])


def cam_hours(assignments, costing, findings=(), unmade=None) -> dict:
    """part id -> its CAM and work preparation hours, as the quote's ``cam`` lines add
    them up (the lead time's preparation): :func:`cam_h` per operation on an own
    machine, and the rules' ``effort.cam_h`` (a fixture to design, CAM bought in), a
    request rule's with the first part made here."""
    hours: dict = {}
    for a in assignments:
        if a["machine"]:
            hours[a["part"]] = hours.get(a["part"], 0.0) + cam_h(a["process"], costing)
    return _rules_hours(hours, "cam_h", assignments, findings, unmade)


def _rules_hours(hours, key, assignments, findings, unmade=None, request_key=False) -> dict:
    """``hours`` (part id -> hours) plus the rules' ``effort[key]``: a part rule's on its
    part, a request rule's with the first part made here (``request_key``: under None,
    for the caller to place); none for a part that cannot be made here (``unmade``), nor
    a request rule's when nothing can be."""
    unmade = unmade or {}
    first = next((a["part"] for a in assignments if a["part"] not in unmade), None)
    for f in findings:
        extra = (f.effort or {}).get(key)
        if f.part is None and request_key:  # the caller places it (nothing made: none)
            if extra and first is not None:
                hours[None] = hours.get(None, 0.0) + float(extra)
            continue
        part = f.part if f.part is not None else first
        if extra and part is not None and part not in unmade:
            hours[part] = hours.get(part, 0.0) + float(extra)
    return hours


def further_machines(assignments) -> int:
    """The machines beyond the first of a part's split operations (``assignment.assign``:
    their ``split``): each makes and measures a first piece of its own."""
    return sum(len(a["split"]) - 1 for a in assignments if a.get("split"))


def inspection_hours(assignments, costing, batches, findings=(), unmade=None,
                     made_by_customer=False) -> dict:
    """part id -> its measuring hours, as the quote's ``inspection`` lines add them up
    (the lead time's measuring step): the first-off inspection per batch of a part with
    an operation on an own machine (and per further machine of a split: each machine's
    first piece is measured), and the rules' ``effort.inspection_h`` (the CMM, a
    first article report, a capability study); a request rule's under None: the lead
    time measures it with the part that would end last (a first article report is done
    when every part is: with the first part made here, or the part measured last, a part
    added moved it off the slowest part and the lead time shortened).
    ``made_by_customer``: machine time (the customer's staff make and measure the parts
    on our machines): no first-off inspection of ours."""
    hours: dict = {}
    for a in assignments:
        if a["machine"] and not made_by_customer and a["part"] not in (unmade or {}) and a["part"] not in hours:
            hours[a["part"]] = costing["first_off_inspection_h"] * batches * (
                1 + further_machines(x for x in assignments if x["part"] == a["part"]))
    return _rules_hours(hours, "inspection_h", assignments, findings, unmade,
                        request_key=True)


def design_hours(findings, unmade=None) -> dict:
    """The rules' ``effort.design_h`` (a 3D model to make, the design to adapt): design
    work done before the parts can be prepared, as {None: the request's hours, part id:
    that part's} (the lead time's design step; the quote's engineering lines)."""
    hours: dict = {}
    unmade = unmade or {}
    for f in findings:
        extra = (f.effort or {}).get("design_h")
        if extra and f.part not in unmade:
            hours[f.part] = hours.get(f.part, 0.0) + float(extra)
    return hours


def _ordered(finding, part):
    """What a rule's ordering hours order, as the key of one order (the rule, what it
    waits for, and the grade of a material or the part's treatments), or None where the
    finding orders nothing (no engineering hours with a wait, or a material not known)."""
    effort = finding.effort or {}
    waits_for = effort.get("waits_for")
    if not (effort.get("engineering_h") and effort.get("lead_time_days") and waits_for):
        return None
    if waits_for == "material":
        return None if part.get("material") is None else \
            (finding.rule, waits_for, part["material"])
    if waits_for == "treatment":
        return (finding.rule, waits_for, tuple(sorted(part.get("surface_treatment") or ())))
    return (finding.rule, waits_for)  # a process bought in: one order with its shop


def swarf_credit(part, processes, material, kg, costing):
    """(kg of chips a piece leaves, the share of the material's price they fetch) where
    the pack credits the swarf of the material's family (``costing.swarf_credit``:
    family -> share; brass turnings are sold back by the kilo), for a machined part
    (milling, turning) whose stock (``kg`` a piece, the bar end with it) weighs more than
    the part: the part's weight given, else its estimated volume; else None."""
    shares = costing.get("swarf_credit") or {}
    share = shares.get(material.get("family"))
    if not share or not any(p in MACHINED for p in processes):
        return None
    if part.get("weight_kg") is not None:
        part_kg = float(part["weight_kg"])
    else:
        volume, _ = part_volume_cm3(part, material, costing, None)
        if volume is None:
            return None
        part_kg = volume * material["density_kg_m3"] / 1e6
    chips = kg - part_kg
    return (chips, float(share)) if chips > 1e-9 else None


def quote_lines(request, parts, machines, assignments, findings, catalogue, provider, costing,
                lang, brief=False, unmade=None, provenance=None, partners=None,
                rules_only=False, levelled=None):
    """(lines, notes): the quote lines of one request, in a stable order.

    ``provenance`` (:class:`~producibility.report.provenance.Provenance`): whose figures
    the lines are.  A rule as the shipped default pack writes it (``RulePack.shipped``)
    gives the default pack's judgement, basis ``default`` whatever the rate's; a shop's
    own rule's hours are its own figures; a setting the shop's own pack sets (CAM hours,
    the first-off inspection, a rate, packaging, transport) is ``given``, the shipped
    pack's ``default``.  None: every setting the default's, every rule the shop's.

    ``brief``: only the set-up and run lines the lead time needs (a what-if probe reads
    the verdict and the findings, never the price).  ``unmade``: the parts that cannot be
    made here (``Placement.not_made``): not priced, with a note saying why.  An operation
    made later than wanted (its assignment's ``late``) is priced like any other, with a
    note."""
    words = _words("costing", lang)
    why_words = _words("costing_why", lang)
    said = _said(lang)

    def g(value, decimals=None):
        return i18n.figure(value, lang, decimals)

    notes = []
    lines = []
    batches = request.get("batches") or 1
    quantity = request.get("quantity")
    # machine time: the customer's own staff make (and so measure) the parts on our
    # machines (``customer_operates_machine``): no first-off inspection of ours; the
    # quality rules on the parts we make say ``unless: [customer_on_machine]``
    made_by_customer = request.get("customer_operates_machine") is True
    eng_rate, eng_basis, eng_source = rate(provider, costing, "engineering_rate_eur_h",
                                           "engineering_rate_eur_h", words, notes, lang,
                                           provenance)
    if provider.get("inspection_rate_eur_h") is not None:
        insp_rate, insp_basis, insp_source = (provider["inspection_rate_eur_h"], "given",
                                              said["rate_given"].format(
                                                  key="inspection_rate_eur_h"))
    elif provider.get("engineering_rate_eur_h") is not None:
        insp_rate, insp_basis, insp_source = (eng_rate, "given", said["rate_given"].format(
            key="engineering_rate_eur_h"))
    else:
        insp_rate, insp_basis, insp_source = rate(provider, costing, "inspection_rate_eur_h",
                                                  "inspection_rate_eur_h", words, notes, lang,
                                                  provenance)

    def setting(key):  # whose figure a pack setting is
        return provenance.setting(key) if provenance is not None else "default"
    supplied = request.get("material_supplied_by_customer") is True
    unmade = unmade or {}

    def name(kind, entry_id):
        return catalogue.name(kind, entry_id, lang) if catalogue else str(entry_id)

    def line(kind, **values):
        out = dict(_BLANK_LINE, kind=kind, **values)
        if out["hours"] is not None:
            out["hours"] = _r(out["hours"])
            if out["attended"] is None:
                out["attended"] = True
            if out["rate_eur_h"] is not None:
                # the hours as printed times the rate: a line an ERP imports multiplies
                # out (8.33 h x 78 read 650.00, not 649.74: the amount was of the
                # unrounded hours)
                out["amount_eur"] = out["hours"] * out["rate_eur_h"]
        out["amount_eur"] = _r(out["amount_eur"])
        lines.append(out)

    by_part = {}
    for a in assignments:
        by_part.setdefault(a["part"], []).append(a)
    for pid, part in () if rules_only else parts.items():
        if pid in unmade:
            if not brief:
                notes.append(words["not_made"].format(part=pid, processes=", ".join(
                    name("processes", process) for process in unmade[pid])))
            continue
        if not part.get("processes"):  # no process given (or none we know): how it is
            # made is open, so neither its material nor its work can be priced (a part
            # with no process read EUR 85 of engineering as its whole price)
            if not brief:
                notes.append(Unpriced.of(words["no_routing"].format(part=pid), pid, "run",
                                         None, "processes"))
            continue
        pieces = part.get("pieces")
        ops = by_part.get(pid, [])
        own = [a for a in ops if a["machine"]]
        for a in own:
            if not brief and a.get("late"):  # of a split: on its machines at once
                notes.append(words["late_split"].format(
                    part=pid, machines=i18n.number(len(a["split"]), lang, 0),
                    process=name("processes", a["process"])) if a.get("split") else
                    words["late"].format(part=pid, machine=a["machine_name"],
                                         process=name("processes", a["process"])))
            elif not brief and (pid, a["process"]) in (levelled or {}):
                # a split levelled so that its machines end together: the days it gains
                # and what it costs against filling the cheapest machine first
                days, extra = levelled[pid, a["process"]]
                notes.append(words["levelled"].format(
                    part=pid, process=name("processes", a["process"]),
                    machines=i18n.number(len(a["split"]), lang, 0),
                    days=i18n.number(days, lang, 1),
                    amount=i18n.money(abs(extra), lang),
                    more=words["levelled_more" if extra >= 0 else "levelled_less"]))
        processes = [a["process"] for a in ops]
        material = catalogue.get("materials", part.get("material")) \
            if catalogue and part.get("material") else None
        # ---- material
        if not supplied and processes and not brief:
            why = None
            if material is None:
                why = "material"
            elif not material.get("density_kg_m3"):
                why = "density"
            elif not (material.get("price") or {}).get("eur_kg"):
                why = "price"
            if why is None:
                # drawn bar where the part's machine feeds it from bar, else a sawn blank
                bar = next((b for b in (bar_stock(part, a["process"], machines.get(a["machine"]),
                                                  catalogue) for a in own) if b is not None),
                           None)
                kg, what, formula = stock(part, processes, material, costing, catalogue, lang,
                                          bar=bar)
                if kg is None:
                    why = what
            if why is None and pieces is None:
                why = "quantity"  # kilograms a piece, but no pieces to multiply by
            if why is None:
                price = material["price"]
                swarf = swarf_credit(part, processes, material, kg, costing)
                description = words["material"].format(
                    part=pid, material=name("materials", material["id"]), stock=what,
                    weight=i18n.weight(kg, lang), pieces=pieces)
                source = said["material"].format(
                    formula=formula, eur_kg=g(price["eur_kg"]), pieces=pieces,
                    date=price.get("date", said["undated"]))
                amount = kg * price["eur_kg"] * pieces
                if swarf is not None:  # the chips sold back: less the credit
                    chips, share = swarf
                    amount -= chips * price["eur_kg"] * share * pieces
                    description += words["swarf"].format(weight=i18n.weight(chips, lang))
                    source += said["swarf"].format(
                        chips=g(chips * 1000, 1), eur_kg=g(price["eur_kg"]),
                        share=g(share), pieces=pieces,
                        family=material.get("family"))
                line("material", part=pid, description=description, amount_eur=amount,
                     basis="estimated", source=source)
            else:
                notes.append(Unpriced.of(words["no_material"].format(part=pid, why=why_words[why]),
                                         pid, "material", part.get("material"), why))
        # ---- set-up, run, CAM per own operation
        cycle = part.get("cycle_time_min")
        split = _cycle_split(cycle, ops, part, material, machines, costing, catalogue, lang,
                             name) if cycle is not None and pieces is not None else {}
        for a, made, first in by_machine(own, pieces):  # a split operation's shares
            process_name = name("processes", a["process"])
            line("setup", part=pid, process=a["process"], machine=a["machine"],
                 description=i18n.counted(words["setup"], batches, lang, part=pid,
                                          process=process_name, machine=a["machine_name"],
                                          batches=batches),
                 setup_h=a["setup_h"], hours=a["setup_h"], rate_eur_h=a["rate_eur_h"],
                 amount_eur=a["setup_h"] * a["rate_eur_h"],
                 source=said["setup"].format(hours=g(a["setup_h"] / batches), batches=batches))
            if pieces is None and not brief:  # a run with nothing to multiply it by
                notes.append(Unpriced.of(words["no_run"].format(
                    part=pid, process=process_name, why=why_words["quantity"]),
                    pid, "run", a["process"], "quantity"))
            if pieces is not None:
                if cycle is not None:
                    minutes, basis, said_of = split[a["process"]]
                    source = said_of(pieces=made)
                else:
                    minutes, formula = run_minutes(a["process"], part, material,
                                                   machines[a["machine"]],
                                                   costing, catalogue, lang)
                    if minutes is None:
                        notes.append(Unpriced.of(words["no_run"].format(
                            part=pid, process=process_name, why=why_words[formula]),
                            pid, "run", a["process"], formula))
                    basis, source = "estimated", (
                        said["run_estimated"].format(formula=formula, minutes=g(minutes, 2),
                                                     pieces=made)
                        if minutes is not None else "")
                if minutes is not None:
                    hours = minutes * made / 60
                    line("run", part=pid, process=a["process"], machine=a["machine"],
                         description=words["run"].format(
                             part=pid, process=process_name, machine=a["machine_name"],
                             pieces=made),
                         run_h=_r(hours), hours=hours, rate_eur_h=a["rate_eur_h"],
                         amount_eur=hours * a["rate_eur_h"], basis=basis, source=source,
                         attended=not runs_unattended(a["process"], part,
                                                      machines[a["machine"]], costing,
                                                      catalogue))
            if brief or not first:  # one CAM line an operation
                continue
            cam = cam_h(a["process"], costing)
            kind = ((catalogue.get("processes", a["process"]) if catalogue else None)
                    or {}).get("kind")
            said_cam = words.get(f"cam_{a['process']}") or words.get(f"cam_{kind}") or words["cam"]
            line("cam", part=pid, process=a["process"], description=said_cam.format(
                part=pid, process=process_name), hours=cam, rate_eur_h=eng_rate,
                one_off="programming",
                amount_eur=cam * eng_rate, basis=weakest((
                    provenance.cam(a["process"]) if provenance is not None else "default",
                    eng_basis)),
                source=said["cam"].format(process=a["process"] if a["process"] in
                                          costing["cam_h"] else "default", rate=eng_source))
        if own and made_by_customer and not brief:
            notes.append(words["made_by_customer"].format(part=pid))
        elif own and not brief:
            def first_off(count, description, source):
                """The first-off inspection of ``count`` first pieces."""
                first = costing["first_off_inspection_h"] * count
                line("inspection", part=pid, description=description, hours=first,
                     rate_eur_h=insp_rate, amount_eur=first * insp_rate,
                     basis=weakest((setting("costing.first_off_inspection_h"),
                                    insp_basis)), source=source)
            first_off(batches, i18n.counted(words["inspection_first"], batches, lang,
                                            part=pid, batches=batches),
                      said["inspection"].format(hours=g(costing["first_off_inspection_h"]),
                                                batches=batches, rate=insp_source))
            more = further_machines(own)
            if more:  # each machine of a split makes its own first piece
                first_off(batches * more, i18n.counted(words["inspection_split"], more, lang,
                                                       part=pid, machines=more),
                          said["inspection_split"].format(
                              hours=g(costing["first_off_inspection_h"]), batches=batches,
                              machines=more, rate=insp_source))
    # ---- a rule's set-up hours, on the finding's machine at its rate: the lead time
    # needs them too (``brief``), for they occupy that machine
    everything_unmade = bool(parts) and all(pid in unmade for pid in parts)
    for f in findings:
        hours = f.effort.get("setup_h") if f.effort else None
        if not hours or f.part in unmade or (everything_unmade and f.part is None):
            continue
        machine = f.machine if f.machine not in (None, "-") else None
        rate_h = next((a["rate_eur_h"] for a in assignments
                       for a in a.get("split") or (a,)  # a split's machines too
                       if machine and a.get("machine") == machine), None)
        basis = "given" if rate_h is not None else eng_basis
        rate_h = eng_rate if rate_h is None else rate_h
        judged = provenance is not None and provenance.rule(f.rule) == "default"
        line("setup", part=f.part, machine=machine, rule=f.rule,
             description=f.title, setup_h=hours, hours=hours, rate_eur_h=rate_h,
             amount_eur=hours * rate_h, basis="default" if judged else basis,
             source=said["rule"].format(rule=f.rule, hours=g(hours)),
             one_off=one_off(f.effort, "setup_h"))
    if brief:
        return lines, notes
    # ---- outside work and what the rules add
    priced = set()
    shipped = []  # (part, process, partner id) of the outside work: its transport
    for f in findings:
        if f.quote_line and f.quote_line["part"] not in unmade:
            outside = f.quote_line
            priced.add((outside["part"], outside["process"]))
            # the partner's price list in the equipment file: given (it read estimated
            # and carried the estimate's extra contingency); a price per kg on the
            # stock weight for want of the part's: estimated
            lines.append(dict(
                {k: v for k, v in outside.items() if k not in ("not_priced", "partner")},
                basis=outside.get("basis", "given"), attended=None, one_off=None))
            if outside.get("partner"):
                shipped.append((outside["part"], outside["process"], outside["partner"]))
            treatment = bool(catalogue and catalogue.get("treatments", outside["process"]))
            for why in outside.get("not_priced") or ():
                # a price of the partner's model that could not be worked out: said,
                # and named to the customer (a price per kg without a weight was
                # dropped, and the offer showed the treatment as included)
                notes.append(Unpriced.of(words["partner_unpriced"].format(
                    part=outside["part"], process=name(
                        "treatments" if treatment else "processes", outside["process"]),
                    why=why_words[why]), outside["part"],
                    "treatment" if treatment else "outside_work", outside["process"], why))
    _partner_transport(shipped, partners, costing, batches, line, notes, words, said, g,
                       setting, lang)
    for pid, part in () if rules_only else parts.items():
        for treatment in part.get("surface_treatment") or ():
            if (pid, treatment) not in priced and pid not in unmade:
                if catalogue and catalogue.wrong_treatment(treatment, part.get("material")):
                    # not for this material (FIT-TREATMENT asks): no subcontractor to ask
                    notes.append(Unpriced.of(words["wrong_treatment"].format(
                        part=pid, treatment=name("treatments", treatment),
                        material=name("materials", part["material"])),
                        pid, "treatment", treatment, "family"))
                    continue
                small = next((f for f in findings if f.rule == "FIT-TREATMENT-SIZE" and
                              f.part == pid and
                              f.trace.values["part.surface_treatment"] == treatment), None)
                # a partner that does the treatment, but not in this material: named, or
                # the engineer goes looking for a partner entry that is there
                other = None if small else next(
                    (p for _, p in sorted((partners or {}).items())
                     if treatment in p.get("processes", ()) and part.get("material") and
                     part["material"] not in (p.get("materials") or ())), None)
                key = "too_large" if small else "partner_material" if other else "no_partner"
                notes.append(Unpriced.of(words[key].format(
                    part=pid, treatment=name("treatments", treatment),
                    partner=small.trace.values["partner_name"] if small else
                    (other.get("name") or other["id"]) if other else None,
                    material=name("materials", part.get("material"))),
                    pid, "treatment", treatment, "partner"))
    # nothing of the request made here: its own hours (a first article report, an NDA)
    # and its delivery are not priced either, as none of its parts is
    nothing = bool(parts) and all(pid in unmade for pid in parts)
    if nothing:
        dropped = sorted({f.rule for f in findings if f.part is None and f.effort and any(
            f.effort.get(key) for key in ("engineering_h", "design_h", "inspection_h",
                                          "cam_h", "setup_h", "amounts"))})
        if dropped:
            notes.append(words["nothing_made"].format(rules=", ".join(dropped)))
    # a rule's wait for what it orders is one order: its procurement hours are quoted
    # once, shared by the parts of the order (MAT-016 ordered 1,942 kg of S235 for ten
    # parts and quoted ten orders; TEC-005 two orders for two brackets coated together)
    ordered = {id(f): _ordered(f, parts[f.part]) for f in findings
               if f.part in parts and f.part not in unmade}
    orders: dict = {}
    for f in findings:
        if ordered.get(id(f)):
            orders.setdefault(ordered[id(f)], set()).add(f.part)
    for f in findings:
        effort = f.effort
        if not effort or f.part in unmade or (nothing and f.part is None):
            continue
        order = orders.get(ordered.get(id(f)), ())
        # the default pack's hours: its judgement
        judged = provenance is not None and provenance.rule(f.rule) == "default"
        # a rule's hours at a rate: given where the equipment file gives the rate, else
        # the pack's default rate (basis default: the amount is only as good as it)
        for key, kind, rate_h, src, basis in (
                ("engineering_h", "engineering", eng_rate, eng_source, eng_basis),
                ("design_h", "engineering", eng_rate, eng_source, eng_basis),
                ("inspection_h", "inspection", insp_rate, insp_source, insp_basis),
                ("cam_h", "cam", eng_rate, eng_source, eng_basis)):
            hours = effort.get(key, 0)
            if not hours:
                continue
            source = said["rule_rate"].format(rule=f.rule, hours=g(hours), rate=src)
            once = one_off(effort, key)
            if key == "engineering_h" and effort.get("lead_time_days"):
                kind, once = "procurement", None  # an order: again with every order
                if len(order) > 1:  # one order, its hours shared by its parts
                    hours /= len(order)
                    source += said["one_order"].format(n=len(order),
                                                       parts=", ".join(sorted(order)))
            line(kind, part=f.part, machine=f.machine if f.machine != "-" else None,
                 rule=f.rule, description=f.title, hours=hours, rate_eur_h=rate_h,
                 amount_eur=hours * rate_h, basis="default" if judged else basis,
                 source=source, one_off=once)
        for extra in effort.get("amounts") or ():
            text = extra["description"]
            line(extra["kind"], part=f.part, rule=f.rule,
                 description=text.get(lang) or text.get("en"), amount_eur=extra["amount_eur"],
                 basis="default" if judged else "given",
                 source=said["rule_amount"].format(rule=f.rule),
                 one_off=one_off(effort, extra["kind"]))
    # ---- packaging and transport, where the pack's settings price them
    if nothing or rules_only:
        return lines, notes
    if costing.get("packaging_eur_per_piece") and quantity is not None:
        pieces = sum(p.get("pieces") or 0 for pid, p in parts.items() if pid not in unmade)
        line("packaging", description=words["packaging"].format(pieces=pieces),
             amount_eur=costing["packaging_eur_per_piece"] * pieces,
             basis=setting("costing.packaging_eur_per_piece"),
             source=said["packaging"].format(amount=g(costing["packaging_eur_per_piece"]),
                                             pieces=pieces))
    if costing.get("transport_eur_per_delivery"):
        line("transport", description=i18n.counted(words["transport"], batches, lang,
                                                   batches=batches),
             amount_eur=costing["transport_eur_per_delivery"] * batches,
             basis=setting("costing.transport_eur_per_delivery"),
             source=said["transport"].format(amount=g(costing["transport_eur_per_delivery"]),
                                             batches=batches))
    return lines, notes


def by_machine(own, pieces):
    """(assignment, its pieces, whether first) per machine an own operation is made on:
    an operation split over machines (``assignment.assign``: its ``split``) once per
    share, as that machine's assignment with the share's pieces (at another quantity, a
    quantity break's, the same shares of it); else the assignment with all ``pieces``."""
    for a in own:
        shares = a.get("split")
        if not shares or pieces is None:
            yield a, pieces, True
            continue
        whole, rest = sum(share["pieces"] for share in shares), pieces
        for n, share in enumerate(shares):
            made = rest if n == len(shares) - 1 else \
                min(rest, round(share["pieces"] * pieces / whole))
            rest -= made
            yield dict(a, machine=share["machine"], machine_name=share["name"],
                       setup_h=share["setup_h"], rate_eur_h=share["rate_eur_h"]), made, n == 0


def _cycle_split(cycle, ops, part, material, machines, costing, catalogue, lang, name):
    """process -> (minutes a piece, basis, its source for a number of pieces) of the
    request's cycle time over the part's operations (a partner's too: its share is the
    partner's, priced by its own list).  One operation: the customer's figure, given.
    Several: in the proportions of the catalogue's run-time models where every
    operation has one, else equally; either way the hours a machine gets are no longer
    the customer's figure but our division of it (the part's total stays the
    customer's): estimated, with the estimate's contingency (a laser at EUR 130/h and a
    press brake at EUR 75/h read 'given' on a 50/50 split worth EUR 88 either way)."""
    said = _said(lang)

    def g(value, decimals=None):
        return i18n.figure(value, lang, decimals)

    processes = [a["process"] for a in ops]
    if len(processes) == 1:
        return {processes[0]: (cycle, "given", lambda pieces: said["run_given"].format(
            cycle=g(cycle), operations=1, minutes=g(cycle), pieces=pieces))}
    modelled, missing = [], None
    for a in ops:
        machine = machines.get(a["machine"]) if a.get("machine") else None
        minutes, why = run_minutes(a["process"], part, material, machine or {}, costing,
                                   catalogue, lang)
        if minutes is None or minutes <= 0:
            missing = missing or (a["process"], why)
        modelled.append(minutes)
    out = {}
    if missing is None and sum(modelled) > 0:
        whole = sum(modelled)
        shares = ", ".join(f"{name('processes', p)} {g(m, 2)} min"
                           for p, m in zip(processes, modelled))
        for process, m in zip(processes, modelled):
            minutes = cycle * m / whole
            out[process] = (minutes, "estimated", functools.partial(
                said["run_given_models"].format, cycle=g(cycle), operations=len(processes),
                shares=shares, percent=g(round(m / whole * 100, 1)), minutes=g(minutes, 2)))
        return out
    why = _words("costing_why", lang).get(missing[1], missing[1])
    for process in processes:
        minutes = cycle / len(processes)
        out[process] = (minutes, "estimated", functools.partial(
            said["run_given_equal"].format, cycle=g(cycle), operations=len(processes),
            minutes=g(minutes, 2), process=name("processes", missing[0]), why=why))
    return out


def _partner_transport(shipped, partners, costing, batches, line, notes, words, said, g,
                       setting, lang):
    """The transport to and from partners, as the lead time plans it: each part's
    operations at a partner go there and back (``lead_time.transport_days`` each way),
    and the parts a partner takes in one order travel together: one shipment there
    and one back a batch, or more where a part goes to it more than once.  Priced at
    the partner's ``shipment_eur`` (the equipment file: given) or the pack's
    ``costing.partner_shipment_eur`` a shipment, shared by the parts that travel
    together; a pack that sets none says so in a note (it cost nothing while the lead
    time counted its days)."""
    by_partner: dict = {}
    for pid, process, partner_id in sorted(shipped):
        by_partner.setdefault(partner_id, []).append(pid)
    for partner_id, visits in sorted(by_partner.items()):
        partner = (partners or {}).get(partner_id) or {"id": partner_id, "name": partner_id}
        together = sorted(set(visits))
        trips = max(visits.count(pid) for pid in together)
        shipments = 2 * trips * batches
        if partner.get("shipment_eur") is not None:
            price, basis = partner["shipment_eur"], "given"
            source = said["partner_shipment_given"].format(partner=partner_id)
        elif costing.get("partner_shipment_eur") is not None:
            price, basis = costing["partner_shipment_eur"], \
                setting("costing.partner_shipment_eur")
            source = said["partner_shipment_setting"]
        else:
            notes.append(words["partner_transport_unpriced"].format(
                partner=partner.get("name") or partner_id, shipments=shipments,
                parts=", ".join(together)))
            continue
        for pid in together:
            shared = "" if len(together) == 1 else said["shared"].format(
                n=len(together), parts=named_parts(together, lang))
            line("transport", part=pid, rule="FIT-OUTSIDE-WORK",
                 description=i18n.counted(words["partner_transport"], shipments, lang,
                                          part=pid, partner=partner.get("name") or partner_id,
                                          shipments=shipments),
                 amount_eur=price * shipments / len(together), basis=basis,
                 source=said["partner_shipments"].format(
                     partner=partner_id, shipments=shipments, trips=2 * trips,
                     batches=batches, amount=g(price)) + shared + "; " + source)


def quote(request, parts, machines, assignments, findings, catalogue, provider, costing,
          share, lang, unmade=None, partners=None, provenance=None, pending=(),
          pending_share=None, alternatives=None, levelled=None):
    """(lines, the report's ``quote``): the quote lines, notes and totals with the
    contingency ``share`` and what open answers can add (``pending``: the findings the
    rules whose questions are open would make, :func:`open_answers`; at most
    ``pending_share`` of the amount: :func:`totals`; ``alternatives``: which of them
    can fire together, :func:`open_answers`).  ``unmade``: see
    quote_lines.  ``breaks`` is left empty: the Screener fills it (:func:`at_quantity`,
    :func:`quantity_break`), for a break is the request screened again at its quantity.
    ``levelled``: ``Placement.levelled``, a note for each split levelled (its days and
    its cost against filling the cheapest machine first)."""
    lines, notes = quote_lines(request, parts, machines, assignments, findings, catalogue,
                               provider, costing, lang, unmade=unmade, provenance=provenance,
                               partners=partners, levelled=levelled)
    extra = open_answers(pending, request, parts, machines, assignments, catalogue, provider,
                         costing, lang, unmade, partners, provenance, alternatives)
    out = {
        "currency": "EUR", "lines": lines, "notes": [str(note) for note in notes],
        "not_priced": [note.entry for note in notes if isinstance(note, Unpriced)],
        "totals": totals(lines, share, costing["estimate_contingency"], extra, pending_share),
        "open_answers": open_answer_entries(extra),
        "breaks": []}
    # the one-off costs at the high estimate, as the offer names them apart from the
    # piece price (:func:`price_split`)
    out["totals"]["one_off_high_eur"] = _r(sum(price_split(out)[1].values()))
    return lines, out


def open_answer_entries(extra):
    """The report's ``quote.open_answers``: the lines of :func:`open_answers`, as data
    (what :func:`part_prices` shares out part by part)."""
    return [{key: line[key] for key in (
        "rule", "part", "machine", "kind", "description", "hours", "amount_eur", "source",
        "counted", "assumes", "one_off")} for line in extra]


def open_answers(pending, request, parts, machines, assignments, catalogue, provider,
                 costing, lang, unmade=None, partners=None, provenance=None,
                 alternatives=None):
    """The quote lines the rules whose questions are open would add, were they to fire
    (``pending``: their findings, ``conclude``'s): priced as the quote prices a rule's
    hours and amounts.  They are the high estimate's allowance for open answers: what
    an answer can cost, not a share of the whole order per open question (one
    unanswered "is this your first order?" added 5 % of a EUR 150,000 order, EUR 7,600,
    for TRD-001's one hour).

    ``alternatives`` (``open_questions.alternatives``): of the rules that wait for one
    question (closed, or a number), the allowance counts those that can fire on the answer that adds
    most (``assumes``: that question and answer), not those that cannot fire on it
    (``counted`` false): the material from our rack and the material to order are
    not both bought."""
    if not pending:
        return []
    lines, _ = quote_lines(request, parts, machines, assignments, pending, catalogue,
                           provider, costing, lang, unmade=unmade, provenance=provenance,
                           partners=partners, rules_only=True)
    ids = {f.rule for f in pending}
    lines = [line for line in lines if line["rule"] in ids]
    fires, answers = alternatives or ({}, {})
    grouped = {}  # question key -> [(line, the answers its rule may fire on)]
    for line in lines:
        line["counted"], line["assumes"] = True, None
        found = fires.get((line["rule"], line["part"], line.get("machine")))
        if found is not None:
            grouped.setdefault(found[0], []).append((line, found[1]))
    for key, members in grouped.items():
        # the answer that adds most (the first of them in the question's order)
        worst = max(answers[key], key=lambda value: (
            _r(sum(line["amount_eur"] for line, may in members if value in may)),
            -answers[key].index(value)))
        for line, may in members:
            line["counted"] = worst in may
            line["assumes"] = {"scope": key[0], "field": key[1], "part": key[2],
                               "answer": worst}
    return lines


def totals(lines, share, estimate_share, pending=(), pending_share=None):
    """Amount, the contingency on all lines plus the extra on estimated ones and what
    open answers can add (``pending``: :func:`open_answers`; its lines not ``counted``
    left out: the rules of one question that cannot fire on the answer that adds
    most), at most ``pending_share`` of the amount (None: all of it).  The rules of open
    answers are often alternatives also where :func:`open_answers` cannot tell (rules
    of several questions, of a field derived from a number, or of a flag an answer
    decides), so that their
    sum can still overstate what the answers add: an incomplete enquiry of EUR 653
    summed EUR 3,031 of them."""
    low = sum(line["amount_eur"] for line in lines)
    estimated = sum(line["amount_eur"] for line in lines if line["basis"] == "estimated")
    counted = [line for line in pending if line.get("counted", True)]
    waiting = sum(line["amount_eur"] for line in counted)
    if pending_share is not None:
        waiting = min(waiting, max(pending_share, 0.0) * low)
    # the contingency to the cent first, and high = low + it: the figures an ERP gets
    # add up (high = low x (1 + share) + estimated x the estimate's share + the open
    # answers' lines)
    contingency = _r(low * share + estimated * estimate_share + waiting)
    return {"hours": _r(sum(line["hours"] for line in lines if line["hours"] is not None)),
            "attended_h": _r(sum(line["hours"] for line in lines if line["attended"])),
            "unattended_h": _r(sum(line["hours"] for line in lines
                                   if line["attended"] is False)),
            "amount_eur": _r(low), "estimated_eur": _r(estimated),
            "contingency_share": _r(share), "estimate_contingency_share": _r(estimate_share),
            "open_answers_eur": _r(waiting),
            "open_answers_capped": bool(counted) and pending_share is not None and
            waiting < sum(line["amount_eur"] for line in counted) - 0.005,
            "contingency_eur": contingency, "amount_high_eur": _r(_r(low) + contingency),
            # the one-off lines (:func:`one_off`) before contingency; with it, :func:`quote`
            "one_off_eur": _r(sum(line["amount_eur"] for line in lines if line.get("one_off")))}


def price_split(quote):
    """(part id -> its piece price's share of the high estimate of ``quote``, (one-off
    category, part id or None) -> that one-off cost at the high estimate): the one owner
    of the split a buyer compares prices by.  A quote line that is one-off
    (:func:`one_off`: the CAM, a fixture, a first article inspection, the shop's own
    engineering and estimating) is priced apart, by what it is for and for which part
    (None: the whole request), and not spread over the pieces: the offer named
    EUR 2,100 of them inside a piece price of EUR 7,500, and a buyer comparing piece
    prices, or reordering without them, could not.

    Each group carries its own contingency as the quote computes it (:func:`totals`: the
    share on every line, the estimate share on its estimated ones, what open answers to
    its rules can add: ``quote.open_answers``, a one-off rule's in a one-off group of
    its own, :data:`OPEN_ANSWERS`, for the request: the makerspace's offer read
    "Engineering and order preparation: EUR 712.67" with the allowance for open
    questions inside it); the request's own recurring lines (a rule for the whole request, packaging,
    transport) are shared out over the parts in proportion to their own recurring
    amounts before contingency.  Everything adds up to the report's high estimate (to
    the cent of each group; the cents of rounding go to the dearest part).  One share
    for all parts made a part with a given cycle time pay for another's estimated run
    time (P1 EUR 234 too high, P2 EUR 233 too low)."""
    figures = quote["totals"]
    share = figures.get("contingency_share") or 0.0
    extra = figures.get("estimate_contingency_share") or 0.0
    own, shared, once = {}, [], {}
    for line in quote["lines"]:
        if line.get("one_off"):
            once.setdefault((line["one_off"], line.get("part")), []).append(line)
        elif line.get("part"):
            own.setdefault(line["part"], []).append(line)
        else:
            shared.append(line)

    def high(lines):
        return totals(lines, share, extra)["amount_high_eur"]
    amounts = {pid: sum(line["amount_eur"] or 0 for line in lines)
               for pid, lines in own.items()}
    prices = {pid: high(lines) for pid, lines in own.items()}
    one_offs = {key: high(lines) for key, lines in once.items()}
    # what open answers can add: a part's rule with its part, a one-off rule's apart,
    # the request's shared (in the proportion the quote allows for them:
    # capped, less than their sum)
    common = high(shared) if shared else 0.0
    # (a rule that cannot fire on the answer the allowance assumes is not counted)
    entries = [entry for entry in quote.get("open_answers") or ()
               if entry.get("counted", True)]
    summed = sum(entry["amount_eur"] for entry in entries)
    allowed = (figures.get("open_answers_eur") or 0.0) / summed if summed else 0.0
    for entry in entries:
        if entry.get("one_off"):  # apart, as what it is (:data:`OPEN_ANSWERS`)
            key = (OPEN_ANSWERS, None)
            one_offs[key] = one_offs.get(key, 0.0) + entry["amount_eur"] * allowed
        elif entry.get("part") in prices:
            prices[entry["part"]] += entry["amount_eur"] * allowed
        else:
            common += entry["amount_eur"] * allowed
    if common and prices:
        total = sum(amounts.values())
        for pid in prices:
            prices[pid] += common * (amounts[pid] / total if total else 1 / len(prices))
    # to the cent, adding up to the report's high estimate to the cent: the parts'
    # contingencies, each rounded to the cent, read 3,092.36 for a high of 3,092.38, and
    # its price per piece 773.09 beside the report's 773.10; the cents of rounding go to
    # the dearest part
    prices = {pid: round(price, 2) for pid, price in prices.items()}
    one_offs = {key: round(amount, 2) for key, amount in one_offs.items() if amount}
    high_eur = figures.get("amount_high_eur")
    if prices and high_eur is not None:
        rest = round(high_eur - sum(prices.values()) - sum(one_offs.values()), 2)
        if rest and abs(rest) <= 0.01 * (len(prices) + len(shared) + len(once) + 2):
            dearest = max(sorted(prices), key=prices.get)
            prices[dearest] = round(prices[dearest] + rest, 2)
    return prices, one_offs


def part_prices(quote):
    """part id -> its piece price's share of the high estimate of ``quote`` (a report's,
    or a quantity break's: :func:`offered`), without its one-off costs
    (:func:`price_split`)."""
    return price_split(quote)[0]


def times(price, count):
    """A price to the cent times a count, to the cent as an invoice rounds it (half up,
    on the decimal figures: EUR 147.10 x 12.25 h is EUR 1,801.98, where the binary
    product rounded to 1,801.97)."""
    product = decimal.Decimal(str(price)) * decimal.Decimal(str(count))
    return float(product.quantize(decimal.Decimal("0.01"), decimal.ROUND_HALF_UP))


class Offered(NamedTuple):
    """The prices an offer names (:func:`offered`)."""
    per_piece: dict  # part id -> its price per piece, to the cent, without one-off costs
    per_product: float  # each part's price per piece times its pieces in one product
    total: float  # the product's price times the quantity, plus the one-off costs
    one_off: dict  # (one-off category, part id or None) -> its amount, to the cent
    one_off_eur: float  # those added up


def offered(quote, quantity, per_product):
    """The prices an offer names for ``quantity`` products of the quote (:class:`Offered`),
    or None where the quote has no high estimate.  A part's price per piece is its piece
    price's share of the high estimate (:func:`price_split`) over its pieces, rounded to
    the cent; a product's price is those prices times each part's pieces in one product
    (``per_product``: part id -> pieces), added up; the total that times the quantity,
    plus the one-off costs, each to the cent: what an invoice adds up.  The offer's own
    prices and each quantity break's are made by this one function (a break rounded the
    set's price instead: EUR 69.40 a set of three parts at 300 sets, where the offer for
    300 sets read EUR 69.41)."""
    if quantity is None or quote["totals"].get("amount_high_eur") is None:
        return None
    prices, one_offs = price_split(quote)
    per_piece = {pid: round(prices.get(pid, 0.0) / (count * quantity), 2)
                 if count * quantity else None for pid, count in per_product.items()}
    if any(value is None for value in per_piece.values()):
        return None
    product = round(sum(per_piece[pid] * count for pid, count in per_product.items()), 2)
    once = round(sum(one_offs.values()), 2)
    return Offered(per_piece, product, round(times(product, quantity) + once, 2), one_offs,
                   once)


def at_quantity(request, quantity):
    """The request as a quantity break asks it: ``quantity`` products, in the request's
    deliveries, or one delivery a piece at most below them (1 piece of an order in 3
    deliveries was priced with 3 set-ups and 3 first-off inspections)."""
    batches = request.get("batches") or 1
    asked = dict(request, quantity=quantity)
    if quantity < batches:
        asked["batches"] = quantity
    return asked


def quantity_break(quantity, screened, per_product=None):
    """A quantity break's row from the request screened at that quantity
    (:func:`at_quantity`; ``screened``: the report, or a priced what-if screen of it,
    ``conclude(..., brief=True, priced=True)``): its price is the request's at that
    quantity, every line judged again (a rule that fires only from some quantity on,
    FAC-007's series fixture, stayed in the 1-piece break, and MAT-016's material order
    was missing from 5,000 pieces), with the contingency of its own open questions, and
    its lead time (None where nothing of it can be made here).  ``setup_cam_per_piece_eur``:
    the machines' set-up, the CAM and the first-off inspection, spread over the pieces;
    ``material_eur`` and ``run_h``: the material and run lines.  ``per_product`` (part
    id -> its pieces in one product): ``per_product_offered_eur`` and
    ``amount_offered_eur``, the price per product and the total as the offer for that
    quantity names them (:func:`offered`).  ``blockers``: the rules that make its
    verdict NO FIT (``["LEAD-TIME"]``: refused for the date alone)."""
    quote, lead = screened["quote"], screened["lead_time"]
    lines, total = quote["lines"], quote["totals"]
    priced = total["amount_eur"] is not None
    named = offered(quote, quantity, per_product) if priced and per_product else None

    def per_piece(amount):
        return _r(amount / quantity) if priced else None
    return {
        "quantity": quantity, "verdict": screened["verdict"],
        "amount_eur": total["amount_eur"], "amount_high_eur": total["amount_high_eur"],
        "contingency_share": total["contingency_share"],
        "per_piece_eur": per_piece(total["amount_eur"]),
        "per_piece_high_eur": per_piece(total["amount_high_eur"]),
        "setup_cam_per_piece_eur": per_piece(sum(
            line["amount_eur"] for line in lines
            if line["kind"] in ("setup", "cam", "inspection") and line["rule"] is None)),
        "material_eur": _r(sum(line["amount_eur"] for line in lines
                               if line["kind"] == "material")) if priced else None,
        "run_h": _r(sum(line["hours"] for line in lines if line["kind"] == "run"))
        if priced else None,
        "per_product_offered_eur": named[1] if named else None,
        "amount_offered_eur": named[2] if named else None,
        # the one-off costs in it (not in the price per product)
        "one_off_offered_eur": named.one_off_eur if named else None,
        "rules": sorted({line["rule"] for line in lines if line["rule"]}),
        "blockers": screened["blockers"] if "blockers" in screened else sorted(
            {f["rule"] for f in screened.get("findings") or () if f["kind"] == "blocker"}),
        "not_priced": list(quote["not_priced"]),
        "lead_time": {"days": lead["days"], "earliest_date": lead["earliest_date"],
                      "meets_wanted_date": lead["meets_wanted_date"],
                      "lower_bound": bool(lead["without_run"]) if lead["days"] is not None
                      else None,
                      "deliveries": lead.get("deliveries") or 1,
                      "not_made": list(lead["not_made"])}}


def left_out(not_made, not_priced, catalogue, lang):
    """What a price does not hold, as words: the parts that cannot be made here, then
    what is not priced (``quote.not_priced``: a treatment, a material, a run)."""
    said = _words("cost_target", lang)
    kinds = {"treatment": "treatments", "material": "materials", "run": "processes",
             "outside_work": "processes"}
    out = [said["not_made"].format(part=part) for part in sorted(not_made or ())]
    for entry in not_priced or ():
        kind = kinds.get(entry.get("what"))
        item = catalogue.name(kind, entry["item"], lang) if kind and catalogue and \
            entry.get("item") else entry.get("item")
        out.append(said["not_priced"].format(item=item, part=entry.get("part")))
    return out


def target_price(request) -> float | None:
    """The customer's target price per product (``request.target_unit_price_eur``), or
    None: not answered, or answered "none" (no target price: the questionnaire's
    ``none``, the text "none" in a report's request)."""
    target = request.get("target_unit_price_eur")
    return target if isinstance(target, (int, float)) and not isinstance(target, bool) \
        else None


def over_target(totals, request, matrix, lang, left_out=(), cap=None, partial=False,
                brief=False):
    """The COST-TARGET finding when the quote per product is above the customer's target
    price (``request.target_unit_price_eur``), or None.  CST-003 compares a part's
    machine time alone, with a cycle time given; this compares the whole price (material,
    set-up, run, CAM, inspection, outside work, the contingency) as the offer will name it:
    a question to the customer when even the low estimate is above the target (we cannot
    win it at that price unless something changes, as CST-003), a moderate risk when only
    the high estimate is.  ``left_out``: what the price does not hold yet (a part that
    cannot be made here, a treatment not priced), named in the message: the price is a
    lower bound then, so above the target stays above it.  ``cap``: the level the
    finding caps cost & funding at when even the low estimate is above the target (the
    pack's ``mrl.check_caps``; None: no cap).  ``partial``: the price leaves out a
    part that cannot be made here, so it is not the product's: a question however low it
    is, for we cannot say the target is met (a product half of which had no price read
    EUR 31 against a target of 40, no finding, and cost & funding at 8), capped as one
    above the target.  ``brief`` (a what-if probe, which reads the verdict and which
    rules fired): the same finding without its words (formatting its amounts was a
    tenth of a probe's conclusions)."""
    target, quantity = target_price(request), request["quantity"]
    low, high = totals["amount_eur"] / quantity, totals["amount_high_eur"] / quantity
    if high <= target and not partial:
        return None
    above = low > target
    if brief:
        question = above or partial
        return Finding.check("COST-TARGET", "question" if question else "risk",
                             "cost_funding", "", "", "", "", "", {},
                             risk=Risk.rated(4, 3, matrix) if question else
                             Risk.rated(3, 3, matrix),
                             mrl_cap=cap if question else None)
    text = _words("cost_target", lang)
    if partial and not above:  # below the target, or only the high estimate above it
        return Finding.check(
            "COST-TARGET", "question", "cost_funding", text["title_partial"],
            text["partial"].format(low=i18n.money(low, lang, 2), high=i18n.money(high, lang, 2),
                                   target=i18n.money(target, lang, 2),
                                   items=", ".join(left_out)) if left_out else
            text["partial_plain"].format(target=i18n.money(target, lang, 2)),
            text["mitigation_partial"], text["source"],
            text["condition_partial"].format(low=i18n.figure(round(low, 2), lang),
                                             high=i18n.figure(round(high, 2), lang),
                                             target=i18n.figure(target, lang)),
            {"per_product_low_eur": round(low, 2), "per_product_high_eur": round(high, 2),
             "target_unit_price_eur": target, "partial": True},
            risk=Risk.rated(4, 3, matrix), mrl_cap=cap)
    money = functools.partial(i18n.money, lang=lang, decimals=2)
    message = text["message"].format(low=money(low), high=money(high), target=money(target))
    if above:  # by how much, in euros and per cent ("1 times the target" read for 24.14
        # against 24)
        message += text["above"].format(
            over=money(low - target),
            percent=i18n.number(round((low - target) / target * 100), lang, grouping=False)
            if target > 0 else "-")
    if left_out:
        message += text["left_out"].format(items=", ".join(left_out))
    return Finding.check(
        "COST-TARGET", "question" if above else "risk", "cost_funding", text["title"],
        message, text["mitigation"], text["source"],
        text["condition"].format(low=i18n.figure(round(low, 2), lang),
                                 high=i18n.figure(round(high, 2), lang),
                                 target=i18n.figure(target, lang)),
        {"per_product_low_eur": round(low, 2), "per_product_high_eur": round(high, 2),
         "target_unit_price_eur": target},
        risk=Risk.rated(4, 3, matrix) if above else Risk.rated(3, 3, matrix),
        mrl_cap=cap if above else None)
