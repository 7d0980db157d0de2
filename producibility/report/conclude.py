"""Conclude: from what the engine inferred to verdict, effort, MRL and risks.

Everything here is arithmetic over the engine's hits; every number in the
report can be traced to the findings and assignments it is built from.
"""

from producibility.report import costing

from producibility.report import leadtime
from producibility.conditions.expressions import Template
from producibility.engine.fit import Reason, text as fit_text
from producibility.engine.infer import DERIVED_FROM

SCHEMA_VERSION = "3.0.0"  # 3: quote lines by kind (material, setup, run, cam, ...) with basis
VERDICTS = ("fit", "fit_with_effort", "conditional", "no_fit")
THREADS = (
    "technology_industrial_base", "design", "cost_funding", "materials",
    "process_capability", "quality", "workforce", "facilities", "manufacturing_management",
)
FAAS_TOPICS = ("ip_confidentiality", "contract_liability", "volume_mix", "changeover",
               "trust_delivery", "shared_operation")

THREAD_NAMES = {
    "en": {
        "technology_industrial_base": "technology & industrial base", "design": "design",
        "cost_funding": "cost & funding", "materials": "materials",
        "process_capability": "process capability & control", "quality": "quality management",
        "workforce": "manufacturing workforce", "facilities": "facilities",
        "manufacturing_management": "manufacturing management",
        "ip_confidentiality": "IP & confidentiality", "contract_liability": "contract & liability",
        "volume_mix": "volume & mix", "changeover": "changeover between customers",
        "trust_delivery": "trust & delivery", "shared_operation": "shared operation"},
    "nl": {
        "technology_industrial_base": "technologie & industriële basis", "design": "ontwerp",
        "cost_funding": "kosten & financiering", "materials": "materialen",
        "process_capability": "procesbeheersing", "quality": "kwaliteitsmanagement",
        "workforce": "personeel", "facilities": "faciliteiten",
        "manufacturing_management": "productiemanagement",
        "ip_confidentiality": "IE & geheimhouding", "contract_liability": "contract & aansprakelijkheid",
        "volume_mix": "volume & mix", "changeover": "omschakelen tussen klanten",
        "trust_delivery": "vertrouwen & levering", "shared_operation": "gedeeld gebruik"},
}

WORDS = {
    "en": {
        "no_machine": "Part {part}: no machine for {process}",
        "no_machine_why": "every {process} machine was rejected (see the reasons)",
        "no_machine_none": "the catalogue has no machine for {process}",
        "no_machine_mitigation": "Subcontract this operation or decline the part.",
        "below_target": "{thread}: MRL {level} is below the target {target}",
        "below_target_mitigation": "Resolve the findings that cap this thread before production.",
        "unchecked": "Part {part}: {field} not given; the machines' limits were not checked for it",
        "capacity_unknown": "Free capacity was not checked: no wanted delivery date",
        "engine_error": "Rule {rule} could not be evaluated: {error}",
        "reason_blocker": "blocker: {title}",
        "reason_question": "needs an answer: {title}",
        "reason_open": "open question that can change the outcome: {field}",
        "reason_effort": "extra effort: {title}",
        "reason_marginal": "part {part} fits {machine} only marginally ({why})",
        "reason_mrl": "MRL {level} below target {target}",
        "reason_fit": "every part fits a machine; no risks above low",
    },
    "nl": {
        "no_machine": "Onderdeel {part}: geen machine geschikt voor {process}",
        "no_machine_why": "elke machine is afgewezen (zie de redenen)",
        "no_machine_none": "de machinelijst heeft geen machine voor {process}",
        "no_machine_mitigation": "Besteed deze bewerking uit of wijs het onderdeel af.",
        "below_target": "{thread}: MRL {level} ligt onder het doel {target}",
        "below_target_mitigation": "Los de bevindingen op die deze thread begrenzen, vóór productie.",
        "unchecked": "Onderdeel {part}: {field} ontbreekt; de machinegrenzen zijn daarop niet getoetst",
        "capacity_unknown": "Vrije capaciteit niet getoetst: geen gewenste leverdatum",
        "engine_error": "Regel {rule} kon niet worden geëvalueerd: {error}",
        "reason_blocker": "blokkade: {title}",
        "reason_question": "antwoord nodig: {title}",
        "reason_open": "open vraag die de uitkomst kan veranderen: {field}",
        "reason_effort": "meerwerk: {title}",
        "reason_marginal": "onderdeel {part} past maar net op {machine} ({why})",
        "reason_mrl": "MRL {level} onder doel {target}",
        "reason_fit": "elk onderdeel past op een machine; geen risico's boven laag",
    },
}


def assign(options, machines, weeks):
    """The machine for each part operation, with the machines' free hours shared.

    ``options`` maps (part, process) to the fitting machines in order of
    preference.  Greedy, in a documented order: the operations with the fewest
    fitting machines first, then the longest, then by part and process; each goes
    to its most preferred machine that still has the hours free before the wanted
    date.  Returns ({operation: option}, {operation: [(machine, reason)]}) where the
    second lists, for an operation no machine has the hours left for, why each
    fitting machine is out (and which parts took its hours).  Without a wanted
    date (``weeks`` None) capacity is not checked (an open question elsewhere).
    """
    picked, over = {}, {}
    if weeks is None:
        return {op: found[0] for op, found in options.items() if found}, over
    free = {mid: m["free_h_per_week"] * weeks for mid, m in machines.items()}
    left, users = dict(free), {}
    order = sorted((op for op, found in options.items() if found),
                   key=lambda op: (len(options[op]), -options[op][0][5]["total"], op))
    for op in order:
        for option in options[op]:
            mid, hours = option[3], option[5]["total"]
            if hours <= left[mid] + 1e-9:
                left[mid] -= hours
                users.setdefault(mid, []).append((op[0], hours))
                picked[op] = option
                break
        else:
            over[op] = [(o[3], Reason(
                "capacity_shared", hours=f"{o[5]['total']:.1f}", free=f"{free[o[3]]:.1f}",
                taken=f"{free[o[3]] - left[o[3]]:.1f}",
                parts=", ".join(sorted({p for p, _ in users.get(o[3], ())}))))
                for o in options[op]]
    return picked, over


def _r(value, digits=2):
    return round(float(value), digits)


def _risk(rule, matrix):
    risk = rule.then.get("risk")
    if not risk:
        return None
    likelihood, consequence = risk["likelihood"], risk["consequence"]
    return {"likelihood": likelihood, "consequence": consequence,
            "score": likelihood * consequence,
            "level": matrix[likelihood - 1][consequence - 1]}


def _kind(rule):
    then = rule.then
    if then.get("blocker"):
        return "blocker"
    if then.get("question"):
        return "question"
    if then.get("risk"):
        return "risk"
    if then.get("effort"):
        return "effort"
    return "info"


def _json_value(value):
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in sorted(value.items())}
    return value


def conclude(engine, pack, equipment, questionnaire, lang="en", inputs=None, quantities=None,
             brief=False):
    """The report from what the engine inferred.  ``brief``: for a what-if probe, which
    reads only the verdict and the findings: the quote holds only set-up and run lines."""
    words = WORDS.get(lang, WORDS["en"])
    settings = pack.settings
    matrix = settings["risk_matrix"]
    request = engine.request
    machines = engine.machines
    provider = equipment.provider

    partners = {p["id"]: p for p in equipment.partners}

    # ---- assignments: the best candidate per part operation
    candidates = {}
    for (pid, process, mid), result in engine.fits.items():
        candidates.setdefault((pid, process), []).append((mid, result))
    rejected = {}
    for (pid, process, mid), reasons in engine.rejections.items():
        rejected.setdefault((pid, process), []).append(
            {"machine": mid, "name": machines[mid]["name"],
             "reasons": [fit_text(r, lang) for r in reasons]})

    from producibility.engine.infer import operation_hours

    # A candidate-scope rule with a blocker rules that machine out for the part: it
    # becomes a rejection reason, never a blocker for the whole request.
    blocked = {}
    for hit in engine.hits:
        if hit.rule.scope == "candidate" and hit.outcome == "fired" and \
                hit.rule.then.get("blocker"):
            template = hit.rule.message.get(lang) or hit.rule.message.get("en")
            blocked.setdefault((hit.subject, hit.process, hit.machine), []).append(
                f"{hit.rule.id}: {template.render(hit.context, lang, questionnaire.choice_text)}")
    for key, reasons in blocked.items():
        pid, process, mid = key
        rejected.setdefault((pid, process), []).append(
            {"machine": mid, "name": machines[mid]["name"], "reasons": reasons})
    ruled_out = []

    options = {}
    for pid, part in engine.parts.items():
        for process in part.get("processes") or ():
            found = []
            for mid, result in candidates.get((pid, process), []):
                if (pid, process, mid) in blocked:
                    continue
                machine = machines[mid]
                hours = operation_hours(request, part, machine)
                found.append((bool(result.unchecked), bool(result.marginal),
                              hours["total"] * machine["rate_eur_h"], mid, result, hours))
            found.sort(key=lambda o: o[:4])
            options[pid, process] = found
    picked, over = assign(options, machines, engine.window)
    for (pid, process), reasons in over.items():
        rejected.setdefault((pid, process), []).extend(
            {"machine": mid, "name": machines[mid]["name"], "reasons": [fit_text(r, lang)]}
            for mid, r in reasons)

    assignments, chosen = [], set()
    for pid, part in engine.parts.items():
        for process in part.get("processes") or ():
            entry = {"part": pid, "process": process, "machine": None, "judged": True,
                     "rejected": sorted(rejected.get((pid, process), []),
                                        key=lambda r: r["machine"])}
            choice = picked.get((pid, process))
            if choice is not None:
                _, marginal, cost, mid, result, hours = choice
                machine = machines[mid]
                entry.update(
                    machine=mid, machine_name=machine["name"],
                    marginal=[fit_text(r, lang) for r in result.marginal],
                    judged=not result.unchecked, unchecked=sorted(result.unchecked),
                    setup_h=_r(hours["setup"]),
                    run_h=None if hours["run"] is None else _r(hours["run"]),
                    rate_eur_h=machine["rate_eur_h"], amount_eur=_r(cost),
                    alternatives=[o[3] for o in options[pid, process] if o[3] != mid])
                chosen.add((pid, process, mid))
            elif candidates.get((pid, process)):
                ruled_out.append((pid, process))
            elif (pid, process) in engine.subcontracts:
                partner_id, result = engine.subcontracts[(pid, process)]
                entry.update(partner=outside_work(partners[partner_id], part, request, result,
                                                  lang), unchecked=sorted(result.unchecked),
                             judged=not result.unchecked)
            assignments.append(entry)

    # ---- findings from rules
    findings, open_fields = [], {}
    rule_by_id = {r.id: r for r in pack.rules}

    def add_open(scope, part, field, rule, decisive):
        sources = DERIVED_FROM.get((scope, field))
        if sources:  # ask the question the derived fact comes from
            for source_scope, source_field in sources:
                add_open(source_scope, part, source_field, rule, decisive)
            return
        key = (scope, part if scope == "part" else None, field)
        entry = open_fields.setdefault(key, {"rules": set(), "decisive": False})
        if rule:
            entry["rules"].add(rule)
        entry["decisive"] = entry["decisive"] or decisive

    for hit in engine.hits:
        rule = hit.rule
        part_id = hit.subject if rule.scope in ("part", "candidate") else None
        if rule.scope == "candidate" and (hit.subject, hit.process, hit.machine) not in chosen:
            continue  # a candidate's findings count only for the machine chosen (see above)
        if hit.outcome == "unknown":
            decisive = bool(rule.then.get("blocker") or rule.then.get("question") or (
                rule.risk and _risk(rule, matrix)["level"] == "high"))
            for scope, field, part in hit.missing:
                add_open(scope, part, field, rule.id, decisive)
            continue
        if hit.outcome == "error":
            findings.append({
                "rule": rule.id, "kind": "engine_error", "thread": rule.thread,
                "title": rule.text("title", lang), "part": part_id, "machine": hit.machine,
                "message": words["engine_error"].format(rule=rule.id, error=hit.error),
                "mitigation": "", "risk": None, "effort": {}, "mrl_cap": None, "flag": None,
                "source": rule.source,
                "trace": {"rule": rule.id, "file": _short(rule.path), "line": rule.line,
                          "condition": rule.when.source, "values": _json_value(hit.values)}})
            continue
        template = rule.message.get(lang) or rule.message.get("en")
        findings.append({
            "rule": rule.id, "kind": _kind(rule), "thread": rule.thread,
            "title": rule.text("title", lang), "part": part_id, "machine": hit.machine,
            "message": template.render(hit.context, lang, questionnaire.choice_text),
            "mitigation": rule.text("mitigation", lang),
            "risk": _risk(rule, matrix),
            "effort": dict(rule.then.get("effort", {})),
            "mrl_cap": rule.then.get("mrl_cap"), "flag": rule.then.get("flag"),
            "source": rule.source,
            "trace": {"rule": rule.id, "file": _short(rule.path), "line": rule.line,
                      "condition": rule.when.source, "values": _json_value(hit.values)}})

    # ---- fit findings: no machine, parts without processes, fields the fit could not check
    process_words = questionnaire.choice_text.get(("part", "processes"), {})

    def process_name(process):
        texts = process_words.get(process, {})
        return texts.get(lang) or texts.get("en") or process

    for pid, process in [*engine.no_machine, *ruled_out]:
        has_any = bool(engine.machines and any(
            process in m["processes"] for m in machines.values()))
        name = process_name(process)
        why = words["no_machine_why" if has_any else "no_machine_none"].format(process=name)
        findings.append({
            "rule": "FIT-NO-MACHINE", "kind": "blocker", "thread": "process_capability",
            "title": words["no_machine"].format(process=name, part=pid),
            "part": pid, "machine": None,
            "message": f"{words['no_machine'].format(process=name, part=pid)}: {why}",
            "mitigation": words["no_machine_mitigation"], "risk": None, "effort": {},
            "mrl_cap": None, "flag": None, "source": "equipment fit",
            "trace": {"rule": "FIT-NO-MACHINE", "file": None, "line": None,
                      "condition": f"no {process} machine fits part {pid}",
                      "values": {"rejected": [r["machine"] for r in
                                              rejected.get((pid, process), [])]}}})
    for pid, process, missing in engine.undecidable:
        for field in missing:
            add_open("part", pid, field, "FIT", True)
    findings += _outside_findings(assignments, engine, partners, pack, request, lang)
    findings += _route_findings(engine, pack, lang)
    given = {}  # answers outside the catalogue: open questions for the engineer
    for entry in request.get("_unlisted", ()):
        add_open(entry["scope"], entry["part"], entry["field"], "CATALOGUE", True)
        given[(entry["scope"], entry["part"], entry["field"])] = entry["given"]
    for pid, field in sorted(engine.unchecked, key=lambda x: (x[0] or "", x[1])):
        if pid is None:
            add_open("request", None, field, "FIT-CAPACITY", True)
        else:
            add_open("part", pid, field, "FIT", True)

    # ---- MRL per thread: earned by answers, capped by findings (blockers included)
    mrl_settings = settings.get("mrl") or {}
    blocker_cap = mrl_settings.get("blocker_cap", 3)
    caps = {}
    for f in findings:
        cap = f["mrl_cap"]
        if cap is None and f["kind"] == "blocker":
            cap = blocker_cap
        if cap is not None:
            caps.setdefault(f["thread"], []).append((cap, f["rule"]))
    threads = {}
    for thread in THREADS:
        earned, unanswered = _earned(mrl_settings.get("evidence", {}).get(thread),
                                     request, engine.parts, questionnaire)
        entries = caps.get(thread, [])
        cap = min((c for c, _ in entries), default=None)
        if earned is None:
            level = None
        else:
            level = earned if cap is None else min(earned, cap)
        threads[thread] = {
            "level": level, "assessed": level is not None, "earned": earned,
            "capped_by": sorted({r for c, r in entries if c == level}) if level is not None
            and cap is not None and cap <= earned else [],
            "unanswered": unanswered}
    assessed = [t["level"] for t in threads.values() if t["assessed"]]
    overall = min(assessed) if assessed else None
    not_assessed = sum(1 for t in threads.values() if not t["assessed"])
    purpose = request.get("purpose")
    target = settings["target_mrl"].get(purpose) if purpose else None
    if purpose is None:
        add_open("request", None, "purpose", "MRL-TARGET", False)
    below_target = False
    if target is not None:
        for thread in THREADS:
            level = threads[thread]["level"]
            # Only a cap is a finding: a level held down by unanswered questions is
            # listed with the questions that would earn more.
            if level is None or level >= target or not threads[thread]["capped_by"]:
                continue
            below_target = True
            findings.append({
                "rule": "MRL-TARGET", "kind": "risk", "thread": thread,
                "title": words["below_target"].format(
                    thread=THREAD_NAMES[lang if lang in THREAD_NAMES else "en"][thread],
                    level=level, target=target),
                "part": None, "machine": None,
                "message": words["below_target"].format(
                    thread=THREAD_NAMES[lang if lang in THREAD_NAMES else "en"][thread],
                    level=level, target=target),
                "mitigation": words["below_target_mitigation"],
                "risk": {"likelihood": 3, "consequence": min(5, 1 + target - level),
                         "score": 3 * min(5, 1 + target - level),
                         "level": matrix[2][min(5, 1 + target - level) - 1]},
                "effort": {}, "mrl_cap": None, "flag": None,
                "source": "MRL Deskbook (2020): thread below the target level",
                "trace": {"rule": "MRL-TARGET", "file": None, "line": None,
                          "condition": f"thread level {level} < target {target} "
                                       f"for purpose {purpose}",
                          "values": {"capped_by": threads[thread]["capped_by"]}}})
    capped_overall = min((t["level"] for t in threads.values()
                          if t["assessed"] and t["capped_by"]), default=None)

    findings.sort(key=lambda f: (
        {"blocker": 0, "engine_error": 1, "question": 2, "risk": 3, "effort": 4,
         "info": 5}[f["kind"]],
        -(f["risk"]["score"] if f["risk"] else 0), f["rule"], f["part"] or "",
        f["thread"]))

    # ---- open questions, ranked by what depends on them
    open_questions = []
    for (scope, part, field), entry in open_fields.items():
        question = questionnaire.question(scope, field)
        if question is not None and question.ask_if is not None and not _asked(
                question, request, engine.parts.get(part) if part else None):
            continue  # the questionnaire would not ask it: not an open question
        if question is not None and question.required:
            entry["decisive"] = True  # the questionnaire says a decision needs it
        rules = sorted(entry["rules"])
        open_questions.append({
            "field": field, "scope": scope, "part": part,
            "question": question.label(lang) if question else field,
            "impact": (10 if entry["decisive"] else 0) + len(rules),
            "decisive": entry["decisive"], "rules": rules})
        if (scope, part, field) in given:
            open_questions[-1]["given"] = given[(scope, part, field)]
    open_questions.sort(key=lambda q: (-q["impact"], q["scope"], q["part"] or "", q["field"]))

    # ---- effort and cost, as quote lines a quote workflow can take over (costing.py)
    costing_settings = settings["costing"]
    lines, quote_notes = costing.quote_lines(
        request, engine.parts, machines, assignments, findings, pack.catalogue, provider,
        costing_settings, lang, brief)
    engineering = sum(f["effort"].get("engineering_h", 0) for f in findings)
    inspection = sum(line["hours"] for line in lines if line["kind"] == "inspection")
    cam = sum(line["hours"] for line in lines if line["kind"] == "cam")
    lead_time = max((f["effort"].get("lead_time_days", 0) for f in findings), default=0)
    setup = sum(line["hours"] for line in lines if line["kind"] == "setup")
    run = sum(line["hours"] for line in lines if line["kind"] == "run")
    own_ops = sum(1 for a in assignments if a["machine"])
    run_ops = sum(1 for line in lines if line["kind"] == "run" and line["rule"] is None)
    contingency = settings["cost_contingency"]
    share = min(contingency["max"],
                contingency["base"] + contingency["per_open_question"] * len(open_questions))
    totals = costing.totals(lines, share, costing_settings["estimate_contingency"])
    attended = totals["attended_h"]
    total_h = engineering + inspection + cam + setup + run
    effort_class = None
    for cls in settings["effort_classes"]:
        if cls["max_h"] is None or attended <= cls["max_h"]:
            effort_class = cls["class"]
            break
    effort = {
        "engineering_h": _r(engineering), "inspection_h": _r(inspection), "cam_h": _r(cam),
        "setup_h": _r(setup), "run_h": _r(run),
        "run_h_complete": own_ops > 0 and run_ops == own_ops,
        "total_h": _r(total_h), "attended_h": attended,
        "unattended_h": totals["unattended_h"], "lead_time_days": _r(lead_time, 1),
        "cost_eur": {"low": _r(totals["amount_eur"], 0),
                     "high": _r(totals["amount_high_eur"], 0),
                     "contingency": _r(share)},
        "class": effort_class,
    }
    quote = {"currency": "EUR", "lines": lines, "notes": quote_notes, "totals": totals,
             "breaks": costing.quantity_breaks(
                 sorted(set(() if brief else quantities or ())), request,
                 engine.parts, machines, assignments, lines, pack.catalogue, provider,
                 costing_settings, lang, share)}

    # ---- lead time as a chain per part, against the wanted date (leadtime.py)
    treatments = {}
    for f in findings:
        values = f["trace"]["values"]
        if f["rule"] == "FIT-OUTSIDE-WORK" and values["process"] not in (
                engine.parts[values["part"]].get("processes") or ()):
            treatments.setdefault(values["part"], []).append(
                (values["process"], partners[values["partner"]]))
    start = request.get("date") or getattr(engine, "as_of", None)
    lead = leadtime.lead_time(request, start, engine.parts, machines, assignments, lines,
                              treatments, pack.catalogue, provider, settings["lead_time"], lang,
                              brief)
    late = leadtime.finding(lead, request, lang)
    if late is not None:
        risk = dict(late["risk"], score=16, level=matrix[3][3])
        findings.append({
            "rule": "LEAD-TIME", "kind": late["kind"], "thread": "manufacturing_management",
            "title": late["title"], "part": lead["slowest_part"], "machine": None,
            "message": late["message"], "mitigation": late["mitigation"],
            "risk": risk if late["kind"] == "risk" else None, "effort": {},
            "mrl_cap": None, "flag": None,
            "source": "lead-time chain: material, operations, partners, transport",
            "trace": {"rule": "LEAD-TIME", "file": None, "line": None,
                      "condition": f"earliest {lead['earliest_date']} > wanted "
                                   f"{lead['wanted_date']}",
                      "values": {"days": lead["days"], "slowest_part": lead["slowest_part"],
                                 "penalty_clause": request.get("penalty_clause"),
                                 "date_flexible": request.get("date_flexible")}}})
        findings.sort(key=lambda f: (
            {"blocker": 0, "engine_error": 1, "question": 2, "risk": 3, "effort": 4,
             "info": 5}[f["kind"]],
            -(f["risk"]["score"] if f["risk"] else 0), f["rule"], f["part"] or "",
            f["thread"]))

    # ---- verdict, with its reasons
    reasons = []
    blockers = [f for f in findings if f["kind"] == "blocker"]
    questions = [f for f in findings if f["kind"] in ("question", "engine_error")]
    decisive = [q for q in open_questions if q["decisive"]]
    marginal = [a for a in assignments if a["machine"] and a["marginal"]]
    efforts = [f for f in findings if f["kind"] in ("risk", "effort") and (
        f["effort"] or (f["risk"] and f["risk"]["level"] != "low"))]
    if blockers:
        verdict = "no_fit"
        reasons += [words["reason_blocker"].format(title=f["message"]) for f in blockers]
    elif questions or decisive:
        verdict = "conditional"
        reasons += [words["reason_question"].format(title=f["message"]) for f in questions]
        reasons += [words["reason_open"].format(
            field=(f"{q['part']}." if q["part"] else "") + q["field"]) for q in decisive]
    elif efforts or marginal or below_target:
        verdict = "fit_with_effort"
        reasons += [words["reason_effort"].format(title=f["title"]) for f in efforts]
        reasons += [words["reason_marginal"].format(part=a["part"], machine=a["machine"],
                                                     why="; ".join(a["marginal"]))
                    for a in marginal]
        if below_target:
            reasons.append(words["reason_mrl"].format(level=capped_overall, target=target))
    else:
        verdict = "fit"
        reasons.append(words["reason_fit"])

    return {
        "schema_version": SCHEMA_VERSION,
        "request": {"id": request.get("id"), "customer": request.get("customer"),
                    "purpose": purpose, "quantity": request.get("quantity"),
                    "wanted_date": request.get("wanted_date"),
                    "parts": len(engine.parts)},
        "verdict": verdict,
        "verdict_reasons": reasons,
        "effort": effort,
        "mrl": {"target": target, "overall": overall, "not_assessed": not_assessed,
                "threads": threads},
        "findings": findings,
        "assignments": assignments,
        "quote": quote,
        "lead_time": lead,
        "open_questions": open_questions,
        "risk_matrix": matrix,
        "inputs": inputs or {},
    }


def _answered(need, request, parts, questionnaire):
    """Whether a question ``scope.field`` is answered wherever the questionnaire asks it."""
    scope, field = need.split(".", 1)
    question = questionnaire.question(scope, field)
    if scope == "request":
        if field in request and request[field] is not None:
            return True
        return question is not None and question.ask_if is not None and \
            not _asked(question, request, None)
    for part in parts.values():
        if part.get(field) is not None:
            continue
        if question is not None and question.ask_if is not None and \
                not _asked(question, request, part):
            continue
        return False
    return True


def _earned(evidence, request, parts, questionnaire):
    """(level a thread may claim from the answers, the questions for the next level).

    ``None`` as level: not assessed (the first level's questions are open).  A thread
    without an evidence table keeps the old meaning: nothing to earn, 10 unless capped.
    """
    if not evidence:
        return 10, []
    earned = None
    for entry in sorted(evidence, key=lambda e: e["level"]):
        missing = [n for n in entry["needs"]
                   if not _answered(n, request, parts, questionnaire)]
        if missing:
            return (entry["level"] - 1 if earned is not None else None), missing
        earned = entry["level"]
    return earned, []


ROUTE_WORDS = {
    "en": {"title": "Part {part}: {finish} after {process}",
           "message": "Part {part}: the finish ({what}) is beyond {process} on our machines; "
                      "{finish} is added to the routing.",
           "mitigation": "Quote the finishing operation and leave a grinding allowance on the "
                         "turned diameter.",
           "tolerance": "tolerance ± {value} mm", "roughness": "Ra {value} µm"},
    "nl": {"title": "Onderdeel {part}: {finish} na {process}",
           "message": "Onderdeel {part}: de afwerking ({what}) haalt {process} op onze machines "
                      "niet; {finish} is aan de bewerkingsvolgorde toegevoegd.",
           "mitigation": "Neem de nabewerking op in de offerte en laat slijptoegift op de "
                         "gedraaide diameter.",
           "tolerance": "tolerantie ± {value} mm", "roughness": "Ra {value} µm"},
}


def _route_findings(engine, pack, lang):
    """A finishing operation the fit added to a part's routing (``finished_by``)."""
    words = ROUTE_WORDS.get(lang, ROUTE_WORDS["en"])
    catalogue = pack.catalogue
    findings = []
    for pid, added in sorted(engine.routes.items()):
        part = engine.parts[pid]
        what = ", ".join(words[key].format(value=_number_text(part[field], lang))
                         for key, field in (("tolerance", "tolerance_mm"),
                                            ("roughness", "roughness_ra_um"))
                         if part.get(field) is not None)
        for process, finish in added:
            text = dict(part=pid, what=what,
                        process=catalogue.name("processes", process, lang) if catalogue
                        else process,
                        finish=catalogue.name("processes", finish, lang) if catalogue
                        else finish)
            findings.append({
                "rule": "FIT-ROUTED", "kind": "effort", "thread": "process_capability",
                "title": words["title"].format(**text), "part": pid, "machine": None,
                "message": words["message"].format(**text),
                "mitigation": words["mitigation"], "risk": None, "effort": {},
                "mrl_cap": None, "flag": None,
                "source": "equipment fit: finished_by in the process catalogue",
                "trace": {"rule": "FIT-ROUTED", "file": None, "line": None,
                          "condition": f"no own {process} machine reaches the finish of part "
                                       f"{pid}; one reaches the rest; {finish} is offered",
                          "values": {"part.tolerance_mm": part.get("tolerance_mm"),
                                     "part.roughness_ra_um": part.get("roughness_ra_um"),
                                     "added": finish}}})
    return findings


def _number_text(value, lang):
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


OUTSIDE_WORDS = {
    "en": {"title": "Part {part}: {process} by {partner}",
           "message": "Part {part}: no own machine does {process}; {partner} does it "
                      "(lead time {days:g} working days, {basis}).",
           "treatment": "Part {part}: {process} is outside work: {partner} does it "
                        "(lead time {days:g} working days, {basis}).",
           "mitigation": "Ask the partner for a quote with the drawing and plan the transport.",
           "why": "outside work",
           "line": "{part}: {process} by {partner}"},
    "nl": {"title": "Onderdeel {part}: {process} door {partner}",
           "message": "Onderdeel {part}: geen eigen machine voor {process}; {partner} doet het "
                      "(levertijd {days:g} werkdagen, {basis}).",
           "treatment": "Onderdeel {part}: {process} wordt uitbesteed: {partner} doet het "
                        "(levertijd {days:g} werkdagen, {basis}).",
           "mitigation": "Vraag de partner een offerte met de tekening en plan het transport.",
           "why": "uitbesteed werk",
           "line": "{part}: {process} door {partner}"},
}


def outside_work(partner, part, request, result, lang):
    """A partner's operation: its lead time and the amount by its price model."""
    price = partner["price"]
    pieces = part.get("pieces")
    batches = request.get("batches") or 1
    amount, basis = price.get("per_order_eur", 0) * batches, []
    if price.get("per_order_eur"):
        basis.append(f"{price['per_order_eur']:g} EUR x {batches} batch(es)")
    if price.get("per_piece_eur"):
        if pieces is None:
            basis.append("per piece: quantity unknown")
        else:
            amount += price["per_piece_eur"] * pieces
            basis.append(f"{price['per_piece_eur']:g} EUR x {pieces} pcs")
    if price.get("per_kg_eur"):
        if pieces is None or part.get("weight_kg") is None:
            basis.append("per kg: weight or quantity unknown")
        else:
            amount += price["per_kg_eur"] * part["weight_kg"] * pieces
            basis.append(f"{price['per_kg_eur']:g} EUR/kg x {part['weight_kg']:g} kg x {pieces} pcs")
    out = {"id": partner["id"], "name": partner["name"],
           "lead_time_days": partner["lead_time_days"], "amount_eur": _r(amount),
           "price_basis": "; ".join(basis) or price["source"]}
    if result is not None and result.marginal:
        out["marginal"] = [fit_text(r, lang) for r in result.marginal]
    return out


def _outside_findings(assignments, engine, partners, pack, request, lang):
    """Outside work as effort findings with a quote line: operations no own machine
    fits but a partner does, and the part's treatments a partner does."""
    words = OUTSIDE_WORDS.get(lang, OUTSIDE_WORDS["en"])
    catalogue = pack.catalogue
    work = [(a["part"], a["process"], a["partner"]) for a in assignments if a.get("partner")]
    if partners:
        for pid, part in engine.parts.items():
            for treatment in part.get("surface_treatment") or ():
                entry = catalogue.get("treatments", treatment) if catalogue else None
                material = catalogue.get("materials", part.get("material")) \
                    if catalogue and part.get("material") else None
                if entry and material and entry.get("families") and \
                        material["family"] not in entry["families"]:
                    continue  # anodising a steel part: the rules' business, no partner's
                for partner in partners.values():
                    if treatment not in partner["processes"]:
                        continue
                    taken = partner.get("materials")
                    if taken is not None and part.get("material") not in taken:
                        continue
                    work.append((pid, treatment, outside_work(partner, part, request, None,
                                                              lang)))
                    break
    findings = []
    for pid, process, partner in work:
        kind = "treatments" if catalogue and catalogue.get("treatments", process) else "processes"
        name = catalogue.name(kind, process, lang) if catalogue else process
        values = {"part": pid, "process": process, "partner": partner["id"]}
        text = dict(part=pid, process=name, partner=partner["name"],
                    days=partner["lead_time_days"], basis=partner["price_basis"])
        findings.append({
            "rule": "FIT-OUTSIDE-WORK", "kind": "effort", "thread": "technology_industrial_base",
            "title": words["title"].format(**text), "part": pid, "machine": None,
            "message": words["message" if kind == "processes" else "treatment"].format(**text),
            "mitigation": words["mitigation"],
            "risk": None, "effort": {"lead_time_days": partner["lead_time_days"]},
            "mrl_cap": None, "flag": None, "source": "equipment fit: partners",
            "trace": {"rule": "FIT-OUTSIDE-WORK", "file": None, "line": None,
                      "condition": f"{process} for part {pid}: no own machine"
                                   if kind == "processes" else f"{process} is outside work",
                      "values": values},
            "outside": {"kind": "outside_work", "part": pid, "process": process,
                        "machine": None, "rule": "FIT-OUTSIDE-WORK",
                        "description": words["line"].format(**text),
                        "setup_h": None, "run_h": None, "hours": 0.0, "rate_eur_h": 0,
                        "amount_eur": partner["amount_eur"],
                        "source": f"partner {partner['id']}: {partner['price_basis']}"}})
    return findings


def _asked(question, request, part):
    """Whether the questionnaire asks this question, given the answers so far."""
    from producibility.model.relevance import asked

    return asked(question, request, part)


def _short(path):
    """Rule file names without the machine-specific directories in front."""
    if not path:
        return None
    from pathlib import Path
    p = Path(path)
    return f"{p.parent.name}/{p.name}" if p.parent.name else p.name


__all__ = ["conclude", "SCHEMA_VERSION", "VERDICTS", "THREADS", "Template"]
