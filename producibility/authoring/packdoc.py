"""Rule packs for people: a table per thread (``rules show``) and one rule in full
(``rules explain``)."""

from producibility import i18n
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
             if k in ("engineering_h", "inspection_h", "setup_h", "cam_h", "lead_time_days")]
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
            "mrl_cap": r.then.get("mrl_cap"), "source": r.source,
            "file": r.path, "line": r.line} for r in members]})
    return groups


def show(pack, fmt="text", lang="en", only=None):
    template = environment().get_template(f"rules.{'md' if fmt == 'text' else fmt}.j2")
    groups = rows(pack, lang, only)
    count = sum(len(g["rules"]) for g in groups)
    t = i18n.texts("packdoc", lang)
    return template.render(groups=groups, count=count, packs=pack.packs, lang=lang,
                           title=i18n.counted(t["title"], count, lang, packs=" + ".join(
                               p["id"] for p in pack.packs)),
                           columns=t["columns"])


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
             f"  scope:      {rule.scope} {t['once_per'].format(scope=rule.scope)}",
             f"  when:       {rule.when.source}"]
    for key in ("requires", "unless"):
        for flag in getattr(rule, key):
            by = ", ".join(setters.get(flag, [])) or t["no_setter"]
            lines.append(f"  {key + ':':12}{t['set_by'].format(flag=flag, rules=by)}")
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
    lines.append(f"  source:     {rule.source or '-'}")
    lines.append(f"  {t['defined_at'] + ':':12}{rule.path}:{rule.line}")
    lines.append("  " + t["depends_on"])
    fields = sorted(set(rule.when.fields))
    if not fields:
        lines.append("    " + t["none"])
    for scope, name in fields:
        q = questionnaire.question(scope, name)
        if q is not None:
            lines.append(f"    {scope}.{name}: {q.label(lang)}")
        else:
            lines.append(f"    {scope}.{name}: " + t["not_asked"].format(
                origin=t[_origin(scope)]))
    return "\n".join(lines) + "\n"


def _origin(scope):
    return {"provider": "origin_equipment", "machine": "origin_equipment",
            "candidate": "origin_fit"}.get(scope, "origin_derived")


def mrl_table(pack, questionnaire, lang="en"):
    """The questions each MRL level needs, thread by thread (``settings.mrl.evidence``),
    as Markdown: what a thread must have answered before it may claim a level."""
    en = lang != "nl"
    names = i18n.texts("findings", "en" if en else "nl")["threads"]
    mrl = pack.settings.get("mrl") or {}
    evidence = mrl.get("evidence") or {}
    lines = ["# MRL: the questions each level needs" if en
             else "# MRL: de vragen die elk niveau nodig heeft", "",
             ("Generated by `python -m producibility.authoring.docs` from `settings.mrl` of the default "
              "pack (`rules/pack.yaml`); do not edit." if en else
              "Gegenereerd door `python -m producibility.authoring.docs` uit `settings.mrl` van het "
              "standaardpakket (`rules/pack.yaml`); niet met de hand bewerken."), "",
             ("A thread may claim a level only when the questions of that level and of every "
              "level below it are answered (or assumed: the report lists each assumption to "
              "confirm). It earns the level just below its first unanswered row, at most the "
              "highest level listed: answers alone never prove full-rate production. A "
              "thread whose first row is open is *not assessed*; the overall MRL is the "
              "lowest assessed thread, with the number not assessed beside it. Findings then "
              "cap the earned level (`mrl_cap`); a blocker caps its thread at "
              f"{mrl.get('blocker_cap', 3)} unless its rule names a cap. A question the "
              "questionnaire does not ask for the request (`ask_if`) is not needed." if en else
              "Een thread mag een niveau pas claimen als de vragen van dat niveau en van alle "
              "niveaus eronder beantwoord zijn (of aangenomen: het rapport noemt elke aanname "
              "ter bevestiging). Hij krijgt het niveau net onder zijn eerste onbeantwoorde "
              "rij, hooguit het hoogste genoemde niveau: antwoorden alleen bewijzen nooit "
              "volledige productie. Een thread waarvan de eerste rij open is, is *niet "
              "beoordeeld*; het totale MRL is de laagste beoordeelde thread, met het aantal "
              "niet beoordeelde ernaast. Bevindingen begrenzen daarna het verdiende niveau "
              f"(`mrl_cap`); een blokkade begrenst zijn thread op {mrl.get('blocker_cap', 3)}, "
              "tenzij de regel zelf een grens noemt. Een vraag die de vragenlijst voor deze "
              "aanvraag niet stelt (`ask_if`), is niet nodig."), ""]
    for thread in THREADS:
        entries = evidence.get(thread)
        lines += [f"## {names.get(thread, thread)}", ""]
        if not entries:
            lines += ["No questions listed: the thread is 10 unless a finding caps it." if en
                      else "Geen vragen genoemd: de thread is 10 tenzij een bevinding hem "
                           "begrenst.", ""]
            continue
        lines += ["| MRL | " + ("questions" if en else "vragen") + " | "
                  + ("Deskbook criterion" if en else "Deskbook-criterium") + " |",
                  "|--:|---|---|"]
        for entry in sorted(entries, key=lambda e: e["level"]):
            questions = []
            for need in entry["needs"]:
                scope, field = need.split(".", 1)
                q = questionnaire.question(scope, field)
                label = q.label(lang) if q else field
                questions.append(f"{label} (`{need}`)")
            criterion = entry.get("criterion") or {}
            if isinstance(criterion, str):
                criterion = {"en": criterion}
            text = criterion.get(lang) or criterion.get("en") or ""
            lines.append(f"| {entry['level']} | {'<br>'.join(questions)} | "
                         f"{text.replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)
