"""Rule packs for people: a table per thread (``rules show``) and one rule in full
(``rules explain``)."""

from producibility import i18n
from producibility.engine.infer import DERIVED_FROM, SCHEDULE_FIELDS, stages
from producibility.report.mrl import FAAS_TOPICS, THREADS
from producibility.report.render import environment


def _consequence(rule, t):
    then = rule.then
    parts = []
    if then.get("blocker"):
        parts.append(t["blocker"])
    if then.get("question"):
        parts.append(t["question"])
    if then.get("risk"):
        parts.append(t["risk"].format(**then["risk"]))
    if then.get("flag"):
        parts.append(t["flag"].format(flag=then["flag"]))
    return ", ".join(parts) or "-"


def _effort(rule, t, lang):
    effort = rule.then.get("effort") or {}
    parts = [t[k].format(value=i18n.number(v, lang, grouping=False))
             for k, v in effort.items()
             if k in ("engineering_h", "design_h", "inspection_h", "setup_h", "cam_h",
                       "lead_time_days")]
    if effort.get("waits_for"):
        parts.append(t["waits_for"].format(what=effort["waits_for"]))
    parts += [t["amount"].format(amount=i18n.money(a["amount_eur"], lang, None), kind=a["kind"])
              for a in effort.get("amounts") or ()]
    return ", ".join(parts) or "-"


def rows(pack, lang="en", only=None):
    """Rules grouped per thread, in thread order, as plain dicts for templates."""
    t = i18n.texts("packdoc", lang)
    names = i18n.texts("findings", lang)["threads"]
    groups = []
    for thread in THREADS + FAAS_TOPICS:
        members = [r for r in pack.rules if r.thread == thread and (only is None or r.id in only)]
        if not members:
            continue
        groups.append({"thread": thread, "name": names.get(thread, thread), "rules": [{
            "id": r.id, "title": r.text("title", lang), "scope": r.scope,
            "when": r.when.source, "requires": list(r.requires), "unless": list(r.unless),
            "consequence": _consequence(r, t), "effort": _effort(r, t, lang),
            "mrl_cap": r.then.get("mrl_cap"), "source": r.text("source", lang),
            "file": r.path, "line": r.line} for r in members]})
    return groups


def show(pack, fmt="text", lang="en", only=None, files=None):
    """The rules of a pack per thread; with ``files`` (the shop's own pack files, not the
    merged packs) also what those files change against the packs before them, for a
    review: which rules replace a shipped one, the rules they switch off, the settings
    and the catalogue entries they set (a review of "what did we change against the
    default pack" saw none of these)."""
    template = environment().get_template(f"rules.{'md' if fmt == 'text' else fmt}.j2")
    groups = rows(pack, lang, only)
    count = sum(len(g["rules"]) for g in groups)
    t = i18n.texts("packdoc", lang)
    changes = _changes(pack, files, lang) if files is not None else None
    if changes is not None:
        replaced = set(changes["replaced"])
        for group in groups:
            for rule in group["rules"]:
                rule["replaces"] = rule["id"] in replaced
    shown = [p for p in pack.packs if files is None or any(
        _within(p.get("path"), f) for f in files)] or pack.packs
    # each shown pack's basis for its numbers (pack.basis), in the language asked
    basis = [text.get(lang) or text.get("en") or next(iter(text.values()), "")
             for text in (pack.basis.get(pack_id) for pack_id in
                          dict.fromkeys(p["id"] for p in shown)) if text]
    return template.render(groups=groups, count=count, packs=pack.packs, lang=lang,
                           basis=basis,
                           title=i18n.counted(t["title"], count, lang, packs=" + ".join(
                               dict.fromkeys(p["id"] for p in shown))),
                           columns=t["columns"], changes=changes, t=t)


def _within(path, file):
    from pathlib import Path
    if not path:
        return False
    path, file = Path(path).resolve(), Path(file).resolve()
    return path == file or path in file.parents


def _changes(pack, files, lang):
    """What a shop's own files change: rules that replace a shipped rule (its id in the
    shipped default pack), disabled rules, the settings they set, catalogue entries."""
    from pathlib import Path
    from producibility.model.pack import load_packs

    own = {str(Path(f).resolve()) for f in files}
    shipped_ids = {r.id for r in load_packs().rules}
    replaced = sorted(r.id for r in pack.rules
                      if str(Path(r.path).resolve()) in own and r.id in shipped_ids)
    disabled = [{"id": rid, "where": f"{path}:{line}"}
                for rid, (_, path, line) in sorted(pack.disabled.items())]
    settings = []
    for key in sorted(pack.given_settings):  # the settings packs other than the shipped set
        value = pack.settings
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        settings.append({"key": key, "value": value})
    entries = []
    catalogue = pack.catalogue
    for (kind, entry_id), (path, line) in sorted((catalogue.where or {}).items()) \
            if catalogue is not None else ():
        if str(Path(path).resolve()) in own:
            entries.append({"kind": kind, "id": entry_id,
                            "name": catalogue.name(kind, entry_id, lang),
                            "where": f"{path}:{line}"})
    return {"replaced": replaced, "disabled": disabled, "settings": settings,
            "entries": entries}


def explain(pack, rule_id, questionnaire, lang="en"):
    rule = pack.rule(rule_id)
    if rule is None:
        return None
    t = i18n.texts("packdoc", lang)
    setters = {}
    for other in pack.rules:
        if other.then.get("flag"):
            setters.setdefault(other.then["flag"], []).append(other.id)
    lines = [f"{rule.id}: {rule.text('title', lang)}",
             f"  thread:     {rule.thread}",
             f"  scope:      {rule.scope} {t['once_per'][rule.scope]}",
             f"  when:       {rule.when.source}"]
    for key in ("requires", "unless"):
        for flag in getattr(rule, key):
            by = ", ".join(setters.get(flag, [])) or t["no_setter"]
            lines.append(f"  {key + ':':12}{t['set_by'].format(flag=flag, rules=by)}")
    reasons = {}
    stages(pack.rules, reasons=reasons)
    if rule.id in reasons:
        lines.append(f"  {t['stage'] + ':':12}" + t["stage_schedule"].format(
            reads=reasons[rule.id]))
    lines.append("  then:       " + t["then"].format(
        consequence=_consequence(rule, t), effort=_effort(rule, t, lang),
        cap=rule.then.get("mrl_cap") or "-"))
    lines.append(f"  message:    {rule.message.get(lang, rule.message.get('en')).source}")
    if rule.mitigation:
        lines.append(f"  mitigation: {rule.text('mitigation', lang)}")
    customer = getattr(rule, "customer", None)
    if isinstance(customer, dict):
        wording = customer.get(lang) or customer.get("en") or next(iter(customer.values()))
        lines.append(f"  customer:   {wording.source}")
    else:  # what --audience customer shows of it
        lines.append("  customer:   " + t[{True: "customer_message", False: "customer_never",
                                           None: "customer_internal"}[customer]])
    lines.append(f"  source:     {rule.text('source', lang) or '-'}")
    lines.append(f"  {t['defined_at'] + ':':12}{rule.path}:{rule.line}")
    lines.append("  " + t["depends_on"])
    fields = {field: "" for field in sorted(set(rule.when.fields))}
    for field, chain in _through_flags(rule, pack).items():
        fields.setdefault(field, " " + t["via"].format(chain=", ".join(chain)))
    if not fields:
        lines.append("    " + t["none"])
    for (scope, name), via in fields.items():
        q = questionnaire.question(scope, name)
        if q is not None:
            lines.append(f"    {scope}.{name}: {q.label(lang)}{via}")
        elif DERIVED_FROM.get((scope, name)):
            # "not asked" was not so: an unknown material_family asks the material
            asked = [questionnaire.question(*key) for key in DERIVED_FROM[(scope, name)]]
            lines.append(f"    {scope}.{name}: " + t["derived_from"].format(questions=", ".join(
                f"{a.scope}.{a.id} ({a.label(lang)})" for a in asked if a is not None)) + via)
        else:
            lines.append(f"    {scope}.{name}: " + t["not_asked"].format(
                origin=t[_origin(scope, name)]) + via)
    return "\n".join(lines) + "\n"


def _through_flags(rule, pack):
    """(scope, field) -> the chain of flags and their setters (``long_cycle <- OWN-P03``)
    through which the rule depends on the field: the conditions of the rules that set the
    flags it requires or is unless, and of the setters of theirs, nearest first.  An
    unanswered one leaves the flag, and so the rule, unknown (README, "Three values")."""
    setters = {}
    for other in pack.rules:
        if other.then.get("flag"):
            setters.setdefault(other.then["flag"], []).append(other)
    out, seen = {}, set()
    queue = [(flag, []) for flag in (*rule.requires, *rule.unless)]
    while queue:
        flag, chain = queue.pop(0)
        if flag in seen:
            continue
        seen.add(flag)
        for setter in setters.get(flag, ()):
            via = chain + [f"{flag} <- {setter.id}"]
            for field in sorted(set(setter.when.fields)):
                out.setdefault(field, via)
            queue += [(f, via) for f in (*setter.requires, *setter.unless)]
    return dict(sorted(out.items()))


def _origin(scope, name=None):
    if (scope, name) in SCHEDULE_FIELDS:
        return "origin_schedule"
    return {"provider": "origin_equipment", "machine": "origin_equipment",
            "candidate": "origin_fit"}.get(scope, "origin_derived")


def mrl_table(pack, questionnaire, lang="en"):
    """The questions each MRL level needs, thread by thread (``settings.mrl.evidence``),
    as Markdown: what a thread must have answered before it may claim a level."""
    t = i18n.texts("packdoc", lang)
    names = i18n.texts("findings", lang)["threads"]
    mrl = pack.settings.get("mrl") or {}
    evidence = mrl.get("evidence") or {}
    lines = [f"# {t['mrl_title']}", "", t["mrl_generated"], "",
             t["mrl_intro"].format(cap=mrl.get("blocker_cap", 3)), ""]
    for thread in THREADS:
        entries = evidence.get(thread)
        lines += [f"## {names.get(thread, thread)}", ""]
        if not entries:
            lines += [t["mrl_no_questions"].format(cap=mrl.get("blocker_cap", 3)), ""]
            continue
        lines += ["| " + " | ".join(t["mrl_columns"]) + " |", "|--:|---|---|"]
        for entry in sorted(entries, key=lambda e: e["level"]):
            questions = []
            for need in entry["needs"]:
                scope, field = need.split(".", 1)
                q = questionnaire.question(scope, field)
                label = q.label(lang) if q else field
                questions.append(f"{label} (`{need}`)")
            if entry.get("when"):
                questions.append(f"{t['mrl_when']}: `{entry['when']}`")
            criterion = entry.get("criterion") or {}
            if isinstance(criterion, str):
                criterion = {"en": criterion}
            text = criterion.get(lang) or criterion.get("en") or ""
            lines.append(f"| {entry['level']} | {'<br>'.join(questions)} | "
                         f"{text.replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)
