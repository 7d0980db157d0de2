"""The stock a part is made from: how many kilograms of bar, block, sheet or powder its
pieces take, and whether the shop's own stock holds that (the derived part facts
``material_kg``, ``material_kg_in_request``, ``stock_held_kg`` and ``in_stock``).

One owner for both readers: the quote's material line prices the kilograms, and the
rules (MAT-003, MAT-016) and the lead-time chain read ``in_stock`` to order the
material.

A printed part's stock is what the printer lays down (:func:`printed_volume_cm3`): the
material line and the printing run-time models read that one volume, so a print is
never billed for more plastic than its run time deposits."""

from __future__ import annotations

import bisect
import functools
import math

from producibility import i18n

SHEET = ("laser_cutting", "waterjet_cutting", "punching", "bending")
PRINTED = ("fdm", "sla", "sls", "mjf", "metal_lpbf")
MACHINED = ("milling_3axis", "milling_5axis", "turning")


def _words(section, lang):
    return i18n.texts("findings", lang if lang in i18n.LANGS else i18n.DEFAULT_LANG)[section]


def _said(lang):
    """The words of a quote line's source in ``lang`` (its arithmetic written out)."""
    return _words("quote_source", lang)


def _dims(part):
    size = part.get("size_mm")
    if size and len(size) >= 2:
        dims = sorted((float(x) for x in size), reverse=True)
        return dims + [dims[-1]] * (3 - len(dims)) if len(dims) < 3 else dims[:3]
    return None


def envelope_surface_cm2(part):
    """The surface of the part's envelope, cm2: a turned part's cylinder (diameter and
    length), else its bounding box; None when the part gives neither."""
    if part.get("diameter_mm") and part.get("length_mm"):
        d, length = float(part["diameter_mm"]), float(part["length_mm"])
        return (math.pi * d * length + math.pi * d * d / 2) / 100
    dims = _dims(part)
    if not dims:
        return None
    a, b, c = dims
    return 2 * (a * b + a * c + b * c) / 100


def envelope_cm3(part):
    """The volume of a part's envelope (a turned part's cylinder), or None without size."""
    dims = _dims(part)
    if part.get("diameter_mm") and part.get("length_mm"):
        return math.pi / 4 * part["diameter_mm"] ** 2 * part["length_mm"] / 1000
    if dims:
        return dims[0] * dims[1] * dims[2] / 1000
    return None


def _params(process, catalogue):
    entry = catalogue.get("processes", process) if catalogue else None
    return ((entry or {}).get("run_time") or {}).get("params") or {}


def printed(process, catalogue=None) -> bool:
    """Whether ``process`` prints (a shipped printing process, or one of kind additive in
    a provider's catalogue)."""
    if process in PRINTED:
        return True
    entry = catalogue.get("processes", process) if catalogue else None
    return bool(entry) and entry.get("kind") == "additive"


def printed_volume_cm3(part, process, material, costing, catalogue, lang="en"):
    """(cm3, how in ``lang``) a printer lays down for one piece of ``part`` by
    ``process``, the one volume its material and its run time read; (None, None) where
    the part gives no weight and no size.  ``lang`` None: no how.

    * a weight given: weight / density (what was printed, infill and all);
    * else a ``min_wall_mm`` given: a shell, the wall times the envelope's surface (at
      most the envelope): how a print bureau sizes a housing without its model;
    * else the envelope times the process's ``printed_share`` (its run-time model's
      parameter, the catalogue's figure per printing family; the pack's
      ``costing.solid_share`` for a process without one), times its ``infill`` where
      the model names one (a provider's FDM with a solid share and an infill)."""
    if part.get("weight_kg") is not None and material and material.get("density_kg_m3"):
        return part_volume_cm3(part, material, costing, lang)  # by the weight
    envelope = envelope_cm3(part)
    if envelope is None:
        return None, None
    wall = part.get("min_wall_mm")
    area = envelope_surface_cm2(part)
    if isinstance(wall, (int, float)) and wall > 0 and area is not None:
        shell = area * wall / 10
        if shell < envelope:
            return shell, lang and _said(lang)["by_wall"].format(
                wall=i18n.figure(wall, lang), area=i18n.figure(area, lang, 1))
        return envelope, lang and _said(lang)["by_wall_solid"].format(
            wall=i18n.figure(wall, lang))
    params = _params(process, catalogue)
    share = float(params.get("printed_share", costing["solid_share"]))
    infill = float(params.get("infill", 1.0))
    how = lang and _said(lang)["by_share" if "printed_share" in params else
                               "by_envelope"].format(share=i18n.figure(share, lang))
    if infill != 1.0 and lang:
        how += _said(lang)["by_infill"].format(infill=i18n.figure(infill, lang))
    return envelope * share * infill, how


def part_volume_cm3(part, material, costing, lang="en"):
    """(cm3, how in ``lang``): the part's own volume, from its weight, else a share of
    its envelope; ``lang`` None: no how (only the volume is read)."""
    if part.get("weight_kg") is not None and material and material.get("density_kg_m3"):
        return (part["weight_kg"] / material["density_kg_m3"] * 1e6,
                lang and _said(lang)["by_weight"])
    envelope = envelope_cm3(part)
    if envelope is None:
        return None, None
    share = costing["solid_share"]
    return envelope * share, lang and _said(lang)["by_envelope"].format(
        share=i18n.figure(share, lang))


def _bar_check(process, catalogue):
    """(the process's catalogue entry, its ``bar`` check) or (entry, None)."""
    entry = catalogue.get("processes", process) if catalogue else None
    for check in (entry or {}).get("checks", ()):
        if check["kind"] == "bar":
            return entry, check
    return entry, None


def feeds_bar(process, catalogue) -> bool:
    """Whether ``process`` may make a part from bar (its catalogue entry has a ``bar``
    check: turning)."""
    return _bar_check(process, catalogue)[1] is not None


def bar_capacity(process, machine, catalogue):
    """The bar capacity ``machine`` states for ``process`` (the machine field of the
    process's ``bar`` check: ``bar_capacity_mm`` for turning), or None: a machine that
    states none, or a process without a bar check, makes every part from a sawn blank."""
    _, check = _bar_check(process, catalogue)
    if check is None or not machine:
        return None
    capacity = machine.get(check["machine"])
    return capacity if isinstance(capacity, (int, float)) and capacity > 0 else None


def bar_stock(part, process, machine, catalogue):
    """The diameter (mm) of the drawn bar a piece of ``part`` is made from by ``process``
    on ``machine``, or None: made from a sawn blank (a chucked part).

    A process says it feeds bar with a ``bar`` check (turning: the part's
    ``diameter_mm`` against the machine's ``bar_capacity_mm``).  The bar is the smallest
    of the model's ``bar_diameters_mm`` at or above the part's diameter (drawn bar's
    tolerance is all below its size, h9-h11), the next one up where the outside is
    turned, not left as drawn: the part's tightest feature is its outside diameter, or a
    finishing operation (grinding) follows, which needs stock to grind; the part is made
    from bar where that bar is within the machine's capacity.  ``machine`` None: no
    machine known, no bar."""
    if machine is None:
        return None
    entry, check = _bar_check(process, catalogue)
    if check is None:
        return None
    capacity = machine.get(check["machine"])
    value = part.get(check["part"])
    if not isinstance(capacity, (int, float)) or not isinstance(value, (int, float)) or \
            isinstance(value, bool) or value <= 0 or not part.get("length_mm"):
        return None
    params = ((entry.get("run_time") or {}).get("params")) or {}
    turned = part.get("tightest_feature") == "outside_diameter" or _finished_later(
        part, process, catalogue)
    sizes = _sorted_sizes(tuple(params.get("bar_diameters_mm") or ()))
    if sizes:
        # the smallest size above (turned) or at the part's diameter
        at = bisect.bisect_right(sizes, value + 1e-9) if turned else \
            bisect.bisect_left(sizes, value - 1e-9)
        size = sizes[at] if at < len(sizes) else None
    else:  # a model without a size list: the part's own diameter
        size = float(value)
    return size if size is not None and size <= capacity + 1e-9 else None


@functools.lru_cache(maxsize=64)
def _sorted_sizes(sizes):
    """A model's ``bar_diameters_mm``, sorted, as floats: sorted once, for every
    candidate's rules (``candidate.bar_fed``) and quote line read them."""
    return tuple(sorted(float(x) for x in sizes))


def _finished_later(part, process, catalogue):
    """Whether a finishing operation (kind finishing, or ``finishes``: grinding) comes
    after ``process`` in the part's processes."""
    processes = list(part.get("processes") or ())
    if process not in processes:
        return False
    for later in processes[processes.index(process) + 1:]:
        entry = catalogue.get("processes", later) if catalogue else None
        if entry and (entry.get("finishes") or entry.get("kind") == "finishing"):
            return True
    return False


def shop_bar(part, machines, catalogue):
    """The drawn bar a piece of ``part`` is made from on the shop's machines, before the
    machine is chosen (the stock facts the rules read): the smallest bar of a process of
    the part on one of ``machines`` (all of the shop's) that runs its material, or None.
    The choice then weighs bar-fed against chucked by what each costs (the bar-fed
    machine's handling is seconds, a chucked blank's half a minute)."""
    best = None
    material = part.get("material")
    for process in part.get("processes") or ():
        if _bar_check(process, catalogue)[1] is None:
            continue
        for machine in machines or ():
            if process not in machine.get("processes", ()) or \
                    material not in machine.get("materials", ()):
                continue
            bar = bar_stock(part, process, machine, catalogue)
            if bar is not None and (best is None or bar < best):
                best = bar
    return best


def part_off_mm(params, bar):
    """The part-off width for a bar of ``bar`` mm: the model's
    ``part_off_mm_by_diameter`` read "up to" each key (the widest beyond the last)."""
    table = sorted((float(k), float(v))
                   for k, v in (params.get("part_off_mm_by_diameter") or {}).items())
    return next((width for up_to, width in table if bar <= up_to + 1e-9),
                table[-1][1] if table else 0.0)


def stock(part, processes, material, costing, catalogue, lang=None, bar=None,
          remnant=True):
    """(kg per piece, description in ``lang``, formula in ``lang``) of the stock a piece
    is made from; without ``lang`` no description or formula (the run-time model needs
    only the weight).

    ``bar``: the diameter of the drawn bar the piece is made from (:func:`bar_stock` on
    the chosen machine, :func:`shop_bar` before one is chosen); then a piece takes its
    length plus the part-off width and the facing allowance, and (``remnant``, the
    material line's; not the run time's, which does not cut it) its share of the bar
    end; else a turned part is a sawn blank (allowance on the diameter and the length,
    and a saw cut)."""
    def describe(key, **figures):  # each figure as (value, decimals)
        if lang is None:
            return None
        return _words("costing", lang)[key].format(**{
            name: i18n.number(value, lang, decimals, grouping=False)
            for name, (value, decimals) in figures.items()})

    def formula(key, **figures):  # each figure a number (:g) or a text
        if lang is None:
            return None
        return _said(lang)[key].format(**{
            name: value if isinstance(value, str) else i18n.figure(value, lang)
            for name, value in figures.items()})

    allowance = 0.0
    for process in processes:
        entry = catalogue.get("processes", process) if catalogue else None
        params = ((entry or {}).get("run_time") or {}).get("params") or {}
        allowance = max(allowance, float(params.get("stock_allowance_mm", 0)))
    density = material["density_kg_m3"]
    dims = _dims(part)
    fed = next((p for p in processes if _bar_check(p, catalogue)[1] is not None), None) \
        if bar is not None else None
    if fed is not None and part.get("length_mm"):
        entry = catalogue.get("processes", fed)
        params = ((entry.get("run_time") or {}).get("params")) or {}
        cut, facing = part_off_mm(params, bar), float(params.get("facing_mm", 0.0))
        diameter = part[_bar_check(fed, catalogue)[1]["part"]]
        share = float(params.get("bar_remnant_share", 0.0)) if remnant else 0.0
        length = part["length_mm"] + cut + facing
        volume = math.pi / 4 * bar * bar * length / 1e9
        return (volume * density * (1 + share),
                describe("bar_drawn", diameter=(bar, None), length=(length, None),
                         remnant=(share * 100, 0)),
                formula("bar_drawn", bar=bar, diameter=diameter, length=part["length_mm"],
                        part_off=cut, facing=facing, density=density, remnant=share))
    if "turning" in processes and part.get("diameter_mm") and part.get("length_mm"):
        d = part["diameter_mm"] + 2 * allowance
        length = part["length_mm"] + 2 * allowance + costing["saw_cut_mm"]
        volume = math.pi / 4 * d * d * length / 1e9
        return (volume * density, describe("bar", diameter=(d, None), length=(length, None)),
                formula("bar", diameter=part["diameter_mm"], allowance=allowance,
                        length=part["length_mm"], saw=costing["saw_cut_mm"], density=density))
    if any(p in MACHINED for p in processes) and dims:
        sides = [x + 2 * allowance for x in dims]
        volume = sides[0] * sides[1] * sides[2] / 1e9
        return (volume * density, describe("block", length=(sides[0], None), width=(sides[1], None),
                                           height=(sides[2], None)),
                formula("block", allowance=allowance, density=density, sides=" x ".join(
                    i18n.figure(s, lang) for s in sides) if lang else ""))
    if any(p in SHEET for p in processes):
        if not dims:
            return None, "size", None
        if part.get("thickness_mm") is None:
            return None, "thickness", None
        margin = costing["sheet_margin_mm"]
        sides = [dims[0] + 2 * margin, dims[1] + 2 * margin]
        volume = sides[0] * sides[1] * part["thickness_mm"] / 1e9
        # the blank of a bent or welded part unfolds beyond its bounding box: a blank
        # lighter than the finished part is impossible, and then its weight is the stock
        if part.get("weight_kg") is None or volume * density >= part["weight_kg"]:
            return (volume * density, describe("sheet", length=(sides[0], None),
                                               width=(sides[1], None),
                                               thickness=(part["thickness_mm"], None)),
                    formula("sheet", margin=margin, thickness=part["thickness_mm"],
                            density=density))
    prints = [p for p in processes if printed(p, catalogue)]
    waste = costing["print_waste"] if prints else costing["offcut_share"]
    volume, how = printed_volume_cm3(part, prints[0], material, costing, catalogue, lang) \
        if prints else part_volume_cm3(part, material, costing, lang)
    if volume is None:
        return None, "weight", None
    kg = volume / 1e6 * density * (1 + waste)
    written = formula("volume", how=how, volume=i18n.figure(volume, lang, 1) if lang else "",
                      density=density, waste=waste)
    if prints:
        return kg, describe("printed", cm3=(volume, 1), waste=(waste * 100, 0)), written
    # the allowance is named by how the stock is cut: a sheet part's scrap is no saw cut
    # (a laser-cut bracket read "15% zaagverlies"), a bar or block is sawn, anything else
    # (a weldment, a casting) leaves off-cuts
    key = "weight_sheet" if any(p in SHEET for p in processes) else \
        "weight_sawn" if any(p in MACHINED for p in processes) else "weight"
    return kg, describe(key, waste=(waste * 100, 0)), written


def stock_facts(request, provider, catalogue, costing, unmade=frozenset(),
                machines=(), bars=None) -> None:
    """Add the stock facts to the request's parts (in place; the engine works them out
    again after the route adds finishing operations, whose allowances the stock counts):

    * ``material_kg``: the kilograms of stock all its pieces take (the quote's material
      line), where size, pieces and the material's density give it;
    * ``material_kg_in_request``: the same for every part of the request in its
      material together (a shop orders per grade): where one of them does not give
      its kilograms, those of the others (a lower bound); not those of a part that
      cannot be made here (``unmade``: an operation no own machine fits and no partner
      does, known from the fit before any rule runs, or whose every fitting machine a
      candidate blocker rules out, known after a run: ``infer.ruled_out``; a 3 m part
      no mill takes put the
      plates beside it "to order", 246 t against the 400 kg in the rack), which is
      neither priced nor planned; such a part's own figure is the others' and its own
      (what the request would take were it made);
    * ``stock_held_kg``: what the shop keeps of its material (``provider.stock_kg``);
    * ``in_stock``: false where the material is not in ``provider.stocked_materials``
      or the request takes more of it than the shop keeps (in whole kilograms, as the
      report writes them; the known ones where some are not known), else true; none
      where the material is not given.  A stocked material whose kilograms cannot be
      worked out, and whose known ones are within the stock, counts as in stock (the
      size it needs is asked for the fit and the price).

    A part one of the shop's ``machines`` makes from bar (:func:`shop_bar`) counts the
    bar it takes, as the quote prices it on a bar-fed machine.  ``bars``: part id -> the
    bar (or None: a sawn blank) of the machine chosen for it, where the choice is known
    (:func:`chosen_bars`; the screener runs the engine again with them where the chosen
    machine's stock is not the one assumed): the kilograms the rules read are then the
    quote's."""
    stocked = set(provider.get("stocked_materials") or ())
    held = provider.get("stock_kg") or {}
    totals = {}  # material -> kg of its parts made here that give them
    own = {}  # id of a part that cannot be made here -> its kg
    for part in request["parts"]:
        material_id = part.get("material")
        if not isinstance(material_id, str):
            continue
        material = catalogue.get("materials", material_id) if catalogue else None
        kg = 0.0
        if material and material.get("density_kg_m3") and part.get("pieces") is not None \
                and part.get("processes"):
            pid = str(part.get("id"))
            per_piece, _, _ = stock(part, part["processes"], material, costing, catalogue,
                                    bar=bars[pid] if bars and pid in bars else
                                    shop_bar(part, machines, catalogue))
            if per_piece is not None:
                kg = per_piece * part["pieces"]
                part["material_kg"] = round(kg, 1)
        if str(part.get("id")) in unmade:
            own[str(part.get("id"))] = kg
            kg = 0.0
        totals[material_id] = totals.get(material_id, 0.0) + kg
    for part in request["parts"]:
        material_id = part.get("material")
        if not isinstance(material_id, str):
            continue
        total = totals[material_id] + own.get(str(part.get("id")), 0.0)
        if total:
            part["material_kg_in_request"] = round(total, 1)
        else:  # again without a part that cannot be made here: none known
            part.pop("material_kg_in_request", None)
        limit = held.get(material_id)
        if limit is not None:
            part["stock_held_kg"] = limit
        part["in_stock"] = material_id in stocked and (
            limit is None or round(total) <= limit)


def chosen_bars(assignments, parts, machines, catalogue) -> dict:
    """part id -> the bar its chosen machine makes it from (None: a sawn blank), for the
    parts whose stock facts assumed another (:func:`shop_bar`, the smallest bar any
    machine of the shop feeds): a part the choice gave a chucked lathe was weighed as
    bar by the rules (MAT-016's kilograms) and as a sawn blank by the quote.  Empty where
    each part's chosen stock is the one assumed (``assignments``: a report's, with the
    chosen machine's ``bar_mm`` for a process that may feed bar; ``parts``: the engine's
    part facts; ``machines``: the shop's)."""
    out = {}
    for a in assignments:
        if "bar_mm" not in a or not a.get("machine") or a["part"] in out:
            continue
        part = parts.get(a["part"])
        if part is None:
            continue
        if a["bar_mm"] != shop_bar(part, machines, catalogue):
            out[a["part"]] = a["bar_mm"]
    return out
