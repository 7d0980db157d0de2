"""The equipment fit's own findings: no machine, outside work, an added finishing step.

FIT-NO-MACHINE: a part operation no machine takes (a blocker).  FIT-OUTSIDE-WORK: an
operation no own machine does, or a surface treatment, that a partner does (effort,
with the partner's quote line).  FIT-ROUTED: a finishing operation the fit added
after an operation whose machines miss the finish (``finished_by``).  FIT-TREATMENT: a
surface treatment the catalogue does not give for the part's material family
(anodising a stainless part): a question for the customer.
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple

from producibility import i18n
from producibility.engine.infer import Inferred
from producibility.report.assignment import Placement
from producibility.report.partners import outside_work, shared_orders
from producibility.engine import fit
from producibility.engine.fit import EPS, Reason
from producibility.report.finding import Finding, Risk, words


class OutsideWork(NamedTuple):
    """One operation or treatment of a part that a partner does."""

    part: str
    process: str
    partner: dict        # the partner as partners.outside_work prices it
    treatment: bool      # a surface treatment rather than an operation of the routing
    overflow: bool = False  # own machines fit but have not the hours; the partner is sooner


def no_machine(inferred: Inferred, placement: Placement, choice_text: Mapping,
               lang: str, catalogue: Any = None) -> list[Finding]:
    """A blocker per part operation that no machine takes; where our machines would do
    it but for a finish whose finishing process (``finished_by``) no machine or partner
    of ours does, it says that the shop lacks that process ("every turning machine was
    rejected" read as if a lathe were missing, where a grinding partner was)."""
    text = words("no_machine", lang)
    finishing = words("route", lang)
    names = choice_text.get(("part", "processes"), {})
    machines = inferred.machines
    unfinished = getattr(inferred, "unfinished", None) or {}
    findings = []
    for pid, process in [*inferred.no_machine, *placement.ruled_out]:
        has_any = bool(machines and any(process in m["processes"] for m in machines.values()))
        name = names.get(process, {}).get(lang) or names.get(process, {}).get("en") or process
        title = text["title"].format(process=name, part=pid)
        why = text["why" if has_any else "none"].format(process=name)
        mitigation = text["mitigation"]
        finish = dict(unfinished.get(pid, ())).get(process) if has_any else None
        if finish is not None:
            part = inferred.parts[pid]
            what = ", ".join(
                finishing[key].format(value=i18n.number(part[field], lang, grouping=False))
                for key, field in (("tolerance", "tolerance_mm"),
                                   ("roughness", "roughness_ra_um"))
                if part.get(field) is not None)
            named = catalogue.name("processes", finish, lang) if catalogue else \
                (names.get(finish, {}).get(lang) or finish)
            why = text["unfinished"].format(process=name, what=what, finish=named)
            mitigation = text["mitigation_unfinished"].format(finish=named)
        elif has_any:
            other = _reaches_instead(inferred, pid, process, catalogue)
            if other is not None:  # as a planner answers a start-up's "FDM at ±0.1"
                tolerance, other_process, machine = other
                why += text["other_process"].format(
                    process=catalogue.name("processes", other_process, lang),
                    machine=machine["name"], tolerance=i18n.number(tolerance, lang,
                                                                   grouping=False))
        findings.append(Finding.check(
            "FIT-NO-MACHINE", "blocker", "process_capability", title, f"{title}: {why}",
            mitigation, text["source"],
            text["condition"].format(process=process, part=pid),
            {"rejected": [r["machine"] for r in placement.rejected.get((pid, process), [])]},
            part=pid))
    return findings


def _reaches_instead(inferred: Inferred, pid: str, process: str, catalogue: Any):
    """(tolerance, process, machine) of the closest machine of ours that reaches a part's
    tolerance in another process of the same kind (SLA where FDM is too coarse, the
    5-axis mill where the 3-axis is), where every machine of ``process`` was rejected
    for that tolerance; else None.  Its material and size are not judged here: the
    message asks whether the part can be made that way."""
    tolerance = inferred.parts[pid].get("tolerance_mm")
    entry = catalogue.get("processes", process) if catalogue else None
    if tolerance is None or not entry or not entry.get("kind"):
        return None
    rejected = [found for (p, proc, _), found in inferred.rejections.items()
                if p == pid and proc == process]
    if not rejected or not all(found and all(getattr(r, "key", None) == "tighter" and
                                             r.params.get("value") == float(tolerance)
                                             for r in found) for found in rejected):
        return None  # a machine was rejected for something else too (size, material)
    best = None
    for mid in sorted(inferred.machines):
        machine = inferred.machines[mid]
        reach = machine.get("tolerance_mm")
        if reach is None or reach > tolerance + 1e-9:
            continue
        for other in machine["processes"]:
            other_entry = catalogue.get("processes", other)
            if other != process and other_entry and other_entry.get("kind") == entry["kind"]:
                if best is None or reach > best[0]:  # the least precise that does: cheapest
                    best = (reach, other, machine)
    return (tolerance, best[1], best[2]) if best else None


def outside_work_of(inferred: Inferred, placement: Placement, partners: Mapping[str, dict],
                    catalogue: Any, lang: str, weigh: Any = None) -> list[OutsideWork]:
    """Outside work: the operations assigned to a partner, then each part's surface
    treatments that a partner does (the first that takes the part's material); none
    for a part that cannot be made here (``Placement.moot``): it is not priced, and a
    powder coater's € 4,830 for it was noise.  ``weigh``: a part's stock weight, for a
    price per kg where the part has no weight (``partners.stock_weigher``)."""
    work = [OutsideWork(a["part"], a["process"], a["partner"], False,
                        bool(a.get("overflow")))
            for a in placement.assignments if a.get("partner")
            and not placement.moot(a["part"])]
    if not partners:
        return work
    request = inferred.request
    treated = []  # (part, treatment, partner, not in the routing)
    for pid, part in inferred.parts.items():
        if placement.moot(pid):
            continue
        for treatment in part.get("surface_treatment") or ():
            if catalogue and catalogue.wrong_treatment(treatment, part.get("material")):
                continue  # anodising a steel part: FIT-TREATMENT asks, no partner does it
            for partner in partners.values():
                if treatment not in partner["processes"]:
                    continue
                taken = partner.get("materials")
                if taken is not None and part.get("material") not in taken:
                    continue
                if too_large(partner, part):
                    continue  # its bath or oven is too small: FIT-TREATMENT-SIZE says so
                treated.append((pid, treatment, partner,
                                treatment not in (part.get("processes") or ())))
                break
    # one order charge a partner and treatment (two brackets coated together)
    shared = shared_orders((pid, treatment, partner["id"])
                           for pid, treatment, partner, _ in treated)
    return work + [OutsideWork(pid, treatment, outside_work(
        partner, inferred.parts[pid], request, None, lang, shared.get((pid, treatment), ()),
        inferred.parts, weigh),
        routed_not) for pid, treatment, partner, routed_not in treated]


def too_large(partner: Mapping, part: Mapping) -> list:
    """Why a partner's stated envelope (``limits.envelope_mm``: a zinc bath, a coating
    oven) does not take the part, as fit reasons (sides sorted, any orientation); none
    where it does, or where the partner or the part states no size."""
    envelope = (partner.get("limits") or {}).get("envelope_mm")
    if not envelope:
        return []
    if part.get("size_mm"):
        dims = sorted((float(x) for x in part["size_mm"]), reverse=True)
    elif part.get("diameter_mm") and part.get("length_mm"):
        dims = sorted((float(part["length_mm"]), float(part["diameter_mm"]),
                       float(part["diameter_mm"])), reverse=True)
    else:
        return []
    sides = [{lang: words("treatment_size", lang)["sides"][i] for lang in i18n.LANGS}
             for i in range(3)]
    return [Reason("over", what=what, value=d, limit=float(e), unit="mm")
            for what, d, e in zip(sides, dims, sorted(envelope, reverse=True)) if d > e + EPS]


def treatment_size(inferred: Inferred, partners: Mapping[str, dict], catalogue: Any,
                   matrix: Any, lang: str, placement: Placement | None = None) -> list[Finding]:
    """A risk per surface treatment that partners of ours do for the part's material,
    but none of whom takes the part's size (an 8 m beam, a 7 m zinc bath): the
    treatment is not priced, and the shop must find one that does; not for a part that
    cannot be made here (``Placement.moot``)."""
    text = words("treatment_size", lang)
    findings = []
    for pid, part in inferred.parts.items():
        if placement is not None and placement.moot(pid):
            continue
        for treatment in part.get("surface_treatment") or ():
            if catalogue and catalogue.wrong_treatment(treatment, part.get("material")):
                continue
            offering = [p for p in partners.values() if treatment in p["processes"] and (
                p.get("materials") is None or part.get("material") in p["materials"])]
            refused = [(p, too_large(p, part)) for p in offering]
            if not refused or not all(reasons for _, reasons in refused):
                continue
            partner, reasons = refused[0]
            fields = dict(part=pid, partner=partner["name"],
                          treatment=catalogue.name("treatments", treatment, lang)
                          if catalogue else treatment,
                          reasons="; ".join(fit.text(r, lang) for r in reasons))
            findings.append(Finding.check(
                "FIT-TREATMENT-SIZE", "risk", "technology_industrial_base",
                text["title"].format(**fields), text["message"].format(**fields),
                text["mitigation"], text["source"],
                text["condition"].format(part=pid, partner=partner["id"]),
                {"part.size_mm": part.get("size_mm"), "part.surface_treatment": treatment,
                 "partner": partner["id"], "partner_name": partner["name"],
                 "envelope_mm": partner["limits"]["envelope_mm"]},
                part=pid, risk=Risk.rated(3, 3, matrix)))
    return findings


def outside(work: list[OutsideWork], catalogue: Any, lang: str) -> list[Finding]:
    """Outside work as effort findings, each with the partner's quote line."""
    text = words("outside", lang)
    findings = []
    for pid, process, partner, _, overflow in work:
        kind = "treatments" if catalogue and catalogue.get("treatments", process) else "processes"
        name = catalogue.name(kind, process, lang) if catalogue else process
        fields = dict(part=pid, process=name, partner=partner["name"],
                      days=i18n.number(partner["lead_time_days"], lang, grouping=False),
                      amount=i18n.money(partner["amount_eur"], lang, None))
        findings.append(Finding.check(
            "FIT-OUTSIDE-WORK", "effort", "technology_industrial_base",
            text["title"].format(**fields),
            text["overflow" if overflow else "message" if kind == "processes"
                 else "treatment"].format(**fields),
            text["mitigation"], text["source"],
            text["condition_overflow" if overflow else "condition_none" if kind == "processes"
                 else "condition_treatment"].format(process=process, part=pid),
            {"part": pid, "process": process, "partner": partner["id"]}, part=pid,
            effort={"lead_time_days": partner["lead_time_days"]},
            quote_line={"kind": "outside_work", "part": pid, "process": process,
                        "machine": None, "rule": "FIT-OUTSIDE-WORK",
                        "description": text["line"].format(**fields),
                        "setup_h": None, "run_h": None, "hours": None, "rate_eur_h": None,
                        "amount_eur": partner["amount_eur"],
                        # the equipment file's price list: given; a price per kg on the
                        # stock weight: estimated; what it leaves out, for quote.not_priced
                        "basis": partner.get("basis", "given"),
                        "not_priced": tuple(partner.get("not_priced") or ()),
                        "partner": partner["id"],
                        "source": words("quote_source", lang)["partner"].format(
                            partner=partner["id"], basis=partner["price_basis"])}))
    return findings


def routed(inferred: Inferred, catalogue: Any, lang: str) -> list[Finding]:
    """A finishing operation the fit added to a part's routing (``finished_by``)."""
    text = words("route", lang)
    findings = []
    for pid, added in sorted(inferred.routes.items()):
        part = inferred.parts[pid]
        what = ", ".join(text[key].format(value=i18n.number(part[field], lang, grouping=False))
                         for key, field in (("tolerance", "tolerance_mm"),
                                            ("roughness", "roughness_ra_um"))
                         if part.get(field) is not None)
        for process, finish in added:
            fields = dict(part=pid, what=what,
                          process=catalogue.name("processes", process, lang) if catalogue
                          else process,
                          finish=catalogue.name("processes", finish, lang) if catalogue
                          else finish)
            findings.append(Finding.check(
                "FIT-ROUTED", "effort", "process_capability", text["title"].format(**fields),
                text["message"].format(**fields), text["mitigation"], text["source"],
                text["condition"].format(process=process, part=pid, finish=finish),
                {"part.tolerance_mm": part.get("tolerance_mm"),
                 "part.roughness_ra_um": part.get("roughness_ra_um"), "added": finish},
                part=pid))
    return findings


def wrong_treatment(inferred: Inferred, catalogue: Any, lang: str) -> list[Finding]:
    """A question per surface treatment whose catalogue ``families`` leave out the part's
    material family: anodising is for aluminium, not for a stainless part.  Without a
    material, a catalogue entry or families nothing is said (the material's question
    is asked elsewhere)."""
    if not catalogue:
        return []
    text = words("treatment_material", lang)
    family_name = text["families"]
    findings = []
    for pid, part in inferred.parts.items():
        for treatment in part.get("surface_treatment") or ():
            families = catalogue.wrong_treatment(treatment, part.get("material"))
            if not families:
                continue
            material = catalogue.get("materials", part["material"])
            fields = dict(part=pid, treatment=catalogue.name("treatments", treatment, lang),
                          material=catalogue.name("materials", material["id"], lang),
                          families=_listed([family_name.get(f, f) for f in families],
                                           text["or"]))
            findings.append(Finding.check(
                "FIT-TREATMENT", "question", "materials", text["title"].format(**fields),
                text["message"].format(**fields), text["mitigation"], text["source"],
                text["condition"].format(family=material["family"], treatment=treatment,
                                         families=", ".join(families)),
                {"part.material": material["id"], "part.surface_treatment": treatment,
                 "family": material["family"], "families": list(families)},
                part=pid))
    return findings


def _listed(names, last):
    """'staal, gereedschapsstaal of RVS': names with commas, the last two joined."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last + names[-1]


#: The fit's reasons a customer can act on (split the plate, relax the tolerance, choose
#: another material), in the order of preference when a machine gives several.
_CUSTOMER_REASONS = ("over", "under", "tighter", "material")


def customer_reasons(inferred: Inferred, placement: Placement, choice_text: Mapping,
                     lang: str) -> None:
    """Each operation no machine and no partner of ours can do gets ``customer_reason``:
    one short reason in the customer's words, for the offer ("the blank length of 3600 mm
    is more than our largest machine takes (3000 mm)"; the offer read only "we cannot
    make this part as requested").  From the fit's rejections: the check that stops the
    machine closest to fitting (the fewest reasons), with the most generous limit any
    of our machines has for it; no machine ids, no rule ids.  None where the reasons
    are not the customer's to act on (a rule ruled the machines out), "we have no
    machine for ..." where no machine of ours does the process."""
    names = choice_text.get(("part", "processes"), {})
    machines = inferred.machines
    for entry in placement.assignments:
        if entry.get("machine") or entry.get("partner") or not entry.get("judged", True):
            continue
        pid, process = entry["part"], entry["process"]
        name = names.get(process) or process
        found = {mid: [r for r in reasons if isinstance(r, Reason)]
                 for (p, proc, mid), reasons in inferred.rejections.items()
                 if (p, proc) == (pid, process)}
        if not any(process in m["processes"] for m in (machines or {}).values()):
            entry["customer_reason"] = Reason("customer_none", process=name).text(lang)
            continue
        usable = {mid: [r for r in reasons if r.key in _CUSTOMER_REASONS]
                  for mid, reasons in found.items()}
        usable = {mid: reasons for mid, reasons in usable.items() if reasons}
        if not usable:
            continue
        closest = min(usable, key=lambda mid: (len(found[mid]), mid))
        reason = min(usable[closest], key=lambda r: _CUSTOMER_REASONS.index(r.key))
        if reason.key == "material":
            entry["customer_reason"] = Reason("customer_material", process=name,
                                              material=reason.params["material"]).text(lang)
            continue
        same = [r.params["limit"] for reasons in usable.values() for r in reasons
                if r.key == reason.key and r.params.get("what") == reason.params.get("what")]
        limit = max(same) if reason.key == "over" else min(same)
        part = inferred.parts[pid]
        if reason.key == "tighter" and part.get("iso_fit") and part.get("fit_size_mm") \
                and abs(reason.params["value"] - (part.get("tolerance_mm") or -1)) < 1e-12:
            # the fit the customer wrote, not the tolerance worked out of it ("a tolerance
            # ± 0.0105 mm" for his Ø20 h7)
            entry["customer_reason"] = Reason(
                "customer_fit", size=float(part["fit_size_mm"]), fit=part["iso_fit"],
                value=reason.params["value"], limit=limit).text(lang)
            continue
        params = dict(reason.params, limit=limit)
        if reason.key == "tighter":  # "we reach ± 0.2 mm", "Ra 0.8 µm": the label's sign
            what = reason.params.get("what") or ""
            params["mark"] = {k: (v.split() or [""])[-1] for k, v in what.items()} \
                if isinstance(what, dict) else (what.split() or [""])[-1]
        entry["customer_reason"] = Reason("customer_" + reason.key, **params).text(lang)
