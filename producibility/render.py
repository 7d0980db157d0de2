"""Render: one place per output format (text, json; templates live in templates/)."""

import json
from pathlib import Path

import jinja2

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
FORMATS = ("text", "json")

LABELS = {
    "en": {
        "verdict": "Verdict", "effort": "Effort", "cost": "Cost", "mrl": "MRL",
        "machines": "Machines", "risks": "Risks", "findings": "Other findings",
        "questions": "Open questions", "none": "none", "class": "class",
        "engineering": "engineering", "inspection": "inspection", "setup": "set-up",
        "run": "run", "lead_time": "extra lead time", "days": "days",
        "run_partial": "(run hours only where a cycle time is given)",
        "contingency": "contingency", "overall": "overall", "target": "target",
        "no_target": "no target (purpose unknown)", "rejected": "rejected",
        "no_machine": "NO MACHINE", "not_judged": "not judged yet (see open questions)", "marginal": "marginal", "decisive": "can change the verdict",
        "rules": "rules", "pcs": "pcs", "wanted": "wanted",
        "fit": "FIT", "fit_with_effort": "FIT WITH EFFORT", "conditional": "CONDITIONAL",
        "no_fit": "NO FIT",
        "threads": {
            "technology_industrial_base": "technology & industrial base", "design": "design",
            "cost_funding": "cost & funding", "materials": "materials",
            "process_capability": "process capability & control", "quality": "quality management",
            "workforce": "manufacturing workforce", "facilities": "facilities",
            "manufacturing_management": "manufacturing management",
            "ip_confidentiality": "IP & confidentiality", "contract_liability": "contract & liability",
            "volume_mix": "volume & mix", "changeover": "changeover between customers",
            "trust_delivery": "trust & delivery", "shared_operation": "shared operation"},
        "levels": {"low": "low", "moderate": "moderate", "high": "high"},
    },
    "nl": {
        "verdict": "Oordeel", "effort": "Inspanning", "cost": "Kosten", "mrl": "MRL",
        "machines": "Machines", "risks": "Risico's", "findings": "Overige bevindingen",
        "questions": "Open vragen", "none": "geen", "class": "klasse",
        "engineering": "engineering", "inspection": "inspectie", "setup": "instellen",
        "run": "bewerken", "lead_time": "extra levertijd", "days": "dagen",
        "run_partial": "(bewerkingsuren alleen waar een bewerkingstijd is opgegeven)",
        "contingency": "onvoorzien", "overall": "totaal", "target": "doel",
        "no_target": "geen doel (doel van de aanvraag onbekend)", "rejected": "afgewezen",
        "no_machine": "GEEN MACHINE", "not_judged": "nog niet te beoordelen (zie open vragen)", "marginal": "krap", "decisive": "kan het oordeel veranderen",
        "rules": "regels", "pcs": "st.", "wanted": "gewenst",
        "fit": "PAST", "fit_with_effort": "PAST MET INSPANNING", "conditional": "VOORWAARDELIJK",
        "no_fit": "PAST NIET",
        "threads": {
            "technology_industrial_base": "technologie & industriële basis", "design": "ontwerp",
            "cost_funding": "kosten & financiering", "materials": "materialen",
            "process_capability": "procesbeheersing", "quality": "kwaliteitsmanagement",
            "workforce": "personeel", "facilities": "faciliteiten",
            "manufacturing_management": "productiemanagement",
            "ip_confidentiality": "IE & geheimhouding", "contract_liability": "contract & aansprakelijkheid",
            "volume_mix": "volume & mix", "changeover": "omschakelen tussen klanten",
            "trust_delivery": "vertrouwen & levering", "shared_operation": "gedeeld gebruik"},
        "levels": {"low": "laag", "moderate": "middel", "high": "hoog"},
    },
}


def _money(value):
    return f"{value:,.0f}".replace(",", ".")


def _hours(value):
    return f"{value:g}"


def environment(template_dir=None):
    """Templates from the provider's own directory first, then the shipped ones."""
    loaders = []
    if template_dir:
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATE_DIR)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders), autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    env.filters["money"] = _money
    env.filters["hours"] = _hours
    return env


def render(report, fmt="text", lang="en", template_dir=None):
    """The report as text in the given format."""
    data = report if isinstance(report, dict) else report.to_dict()
    if fmt == "json":
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    names = {"text": "report.txt.j2", "md": "report.md.j2", "html": "report.html.j2"}
    if fmt not in names:
        raise ValueError(f"unknown format {fmt}")
    template = environment(template_dir).get_template(names[fmt])
    labels = LABELS.get(lang, LABELS["en"])
    risks = [f for f in data["findings"] if f["risk"]]
    risks.sort(key=lambda f: (-f["risk"]["score"], f["rule"], f["part"] or ""))
    others = [f for f in data["findings"] if not f["risk"]]
    return template.render(r=data, L=labels, risks=risks, others=others)
