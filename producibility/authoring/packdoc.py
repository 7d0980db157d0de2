"""Rule packs for people: a table per thread (``rules show``) and one rule in full
(``rules explain``)."""

from producibility import i18n
from producibility.report.mrl import FAAS_TOPICS, THREADS
from producibility.report.render import environment


def _consequence(rule):
    then = rule.then
    parts = []
    if then.get("blocker"):
        parts.append("blocker")
    if then.get("question"):
        parts.append("question")
    if then.get("risk"):
        risk = then["risk"]
        parts.append(f"risk {risk['likelihood']}x{risk['consequence']}")
    if then.get("flag"):
        parts.append(f"flag {then['flag']}")
    return ", ".join(parts) or "-"


def _effort(rule):
    effort = rule.then.get("effort") or {}
    names = {"engineering_h": "eng {} h", "inspection_h": "insp {} h",
             "setup_h": "set-up {} h", "cam_h": "CAM {} h", "lead_time_days": "+{} d"}
    parts = [names[k].format(f"{v:g}") for k, v in effort.items() if k in names]
    parts += [f"EUR {a['amount_eur']:g} {a['kind']}" for a in effort.get("amounts") or ()]
    return ", ".join(parts) or "-"


def rows(pack, lang="en", only=None):
    """Rules grouped per thread, in thread order, as plain dicts for templates."""
    groups = []
    for thread in THREADS + FAAS_TOPICS:
        members = [r for r in pack.rules if r.thread == thread and (only is None or r.id in only)]
        if not members:
            continue
        groups.append({"thread": thread, "rules": [{
            "id": r.id, "title": r.text("title", lang), "scope": r.scope,
            "when": r.when.source, "requires": list(r.requires), "unless": list(r.unless),
            "consequence": _consequence(r), "effort": _effort(r),
            "mrl_cap": r.then.get("mrl_cap"), "source": r.source,
            "file": r.path, "line": r.line} for r in members]})
    return groups


def show(pack, fmt="text", lang="en", only=None):
    template = environment().get_template(f"rules.{'md' if fmt == 'text' else fmt}.j2")
    groups = rows(pack, lang, only)
    return template.render(groups=groups, count=sum(len(g["rules"]) for g in groups),
                           packs=pack.packs, lang=lang)


def explain(pack, rule_id, questionnaire, lang="en"):
    rule = pack.rule(rule_id)
    if rule is None:
        return None
    setters = {}
    for other in pack.rules:
        if other.then.get("flag"):
            setters.setdefault(other.then["flag"], []).append(other.id)
    lines = [f"{rule.id}: {rule.text('title', lang)}",
             f"  thread:     {rule.thread}",
             f"  scope:      {rule.scope} (evaluated once per {rule.scope})",
             f"  when:       {rule.when.source}"]
    for key in ("requires", "unless"):
        for flag in getattr(rule, key):
            by = ", ".join(setters.get(flag, [])) or "NO RULE (it can never hold)"
            verb = "requires" if key == "requires" else "unless  "
            lines.append(f"  {verb}:   flag {flag}, set by {by}")
    lines.append(f"  then:       {_consequence(rule)}; effort {_effort(rule)}; "
                 f"MRL cap {rule.then.get('mrl_cap') or '-'}")
    lines.append(f"  message:    {rule.message.get(lang, rule.message.get('en')).source}")
    if rule.mitigation:
        lines.append(f"  mitigation: {rule.text('mitigation', lang)}")
    customer = getattr(rule, "customer", None)
    if isinstance(customer, dict):
        wording = customer.get(lang) or customer.get("en") or next(iter(customer.values()))
        lines.append(f"  customer:   {wording.source}")
    else:  # what --audience customer shows of it
        lines.append("  customer:   " + {True: "the message", False: "never (internal)",
                                         None: "- (internal)"}[customer])
    lines.append(f"  source:     {rule.source or '-'}")
    lines.append(f"  defined at: {rule.path}:{rule.line}")
    lines.append("  questions it depends on (unanswered -> the rule is unknown, the question "
                 "is asked):")
    fields = sorted(set(rule.when.fields))
    if not fields:
        lines.append("    none")
    for scope, name in fields:
        q = questionnaire.question(scope, name)
        if q is not None:
            lines.append(f"    {scope}.{name}: {q.label(lang)}")
        else:
            lines.append(f"    {scope}.{name}: (from the {_origin(scope)}, not asked)")
    return "\n".join(lines) + "\n"


def _origin(scope):
    return {"provider": "equipment catalogue", "machine": "equipment catalogue",
            "candidate": "equipment fit"}.get(scope, "derived facts")


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
