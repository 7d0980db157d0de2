"""Rule packs for people: a table per thread (``rules show``) and one rule in full
(``rules explain``)."""

from .conclude import FAAS_TOPICS, THREADS
from .render import environment


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
             "lead_time_days": "+{} d"}
    return ", ".join(names[k].format(f"{v:g}") for k, v in effort.items()) or "-"


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
