"""What-if: how two screenings differ (a changed drawing, a new machine, another pack).

:func:`compare` gives the differences as plain data (the JSON contract, ids only);
:func:`as_text` words them in a language: verdicts, threads and effort as the report
names them (the ``report`` domain), the lines themselves from the ``compare`` domain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from producibility import i18n
from producibility.report.leadtime import nothing_made
from producibility.report.render.templates import day, euros, hours
from producibility.report.render.views import choice, labels

#: The effort figures compare reports: each one's label in the report domain and its unit.
#: (Not effort.longest_wait_days, the longest single wait: the lead time below adds them up.)
EFFORT = {"engineering_h": ("engineering", "h"), "cam_h": ("cam", "h"),
          "inspection_h": ("inspection", "h"), "setup_h": ("setup", "h"), "run_h": ("run", "h"),
          "total_h": (None, "h"), "class": ("class", None)}

#: The lead-time figures compare reports (``lead_time`` of the report), and what they
#: are (``deliveries``: with more than one, the first delivery's; ``lower_bound``: a run
#: time unknown, at least), from :func:`caveats`.
LEAD_TIME = ("days", "earliest_date", "meets_wanted_date", "deliveries", "lower_bound")


def caveats(report: Mapping[str, Any]) -> dict[str, Any]:
    """What a side's figures leave out or are, as ``check`` and the batch CSV carry it:
    ``deliveries`` (with more than one, the lead time and date are the first
    delivery's), ``lead_time_lower_bound`` (a run time unknown: at least; null where
    nothing can be made here), ``parts_not_made`` (in neither cost nor lead time) and
    ``not_priced`` (``quote.not_priced``: what the cost leaves out; empty where nothing
    can be made here, for there is no cost)."""
    lead = report.get("lead_time") or {}
    made = not nothing_made(report)
    return {"deliveries": lead.get("deliveries") or 1,
            "lead_time_lower_bound": bool(lead.get("without_run"))
            if lead.get("days") is not None else None,
            "parts_not_made": list(lead.get("not_made") or ()),
            "not_priced": [dict(entry) for entry in report["quote"].get("not_priced") or ()]
            if made else []}


def _left_out(side: Mapping[str, Any]) -> set:
    """What a side's cost leaves out, to tell whether two costs leave out the same."""
    return {("not_made", part, None) for part in side["parts_not_made"]} | {
        (entry.get("what"), entry.get("part"), entry.get("item"))
        for entry in side["not_priced"]}


def _findings(report):
    """The findings by what they are about and what they are: a finding that turns from
    a risk into a question is one gone and one new (COST-TARGET turned the verdict
    conditional, and compare showed the verdict change with no finding behind it)."""
    return {(f["rule"], f["part"] or "", f["machine"] or "", f["thread"], f["kind"]): f
            for f in report["findings"]}


def compare(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The differences between report dicts a and b, as a plain dict."""
    fa, fb = _findings(a), _findings(b)
    threads = {}
    for thread, ta in a["mrl"]["threads"].items():
        tb = b["mrl"]["threads"].get(thread, {"level": None})
        if ta["level"] != tb["level"]:
            threads[thread] = {"a": ta["level"], "b": tb["level"]}
    machines = {}
    keyed = lambda r: {(x["part"], x["process"]): x["machine"] for x in r["assignments"]}  # noqa
    ma, mb = keyed(a), keyed(b)
    for key in sorted(set(ma) | set(mb)):
        if ma.get(key) != mb.get(key):
            machines[f"{key[0]} {key[1]}"] = {"a": ma.get(key), "b": mb.get(key)}
    effort = {}
    for key in EFFORT:
        if a["effort"][key] != b["effort"][key]:
            effort[key] = {"a": a["effort"][key], "b": b["effort"][key]}
    for key in ("low", "high"):  # none where nothing of a side can be made (not EUR 0)
        ca, cb = _cost(a, key), _cost(b, key)
        if ca != cb:
            effort[f"cost_{key}_eur"] = {"a": ca, "b": cb}
    sides = {"a": caveats(a), "b": caveats(b)}
    la = dict(a.get("lead_time") or {}, lower_bound=sides["a"]["lead_time_lower_bound"],
              deliveries=sides["a"]["deliveries"])
    lb = dict(b.get("lead_time") or {}, lower_bound=sides["b"]["lead_time_lower_bound"],
              deliveries=sides["b"]["deliveries"])
    # all the figures where any differs: "20 working days (2026-12-21, in time)", and
    # what they are: 100 pieces in 4 deliveries read faster than 50 in one, the first
    # delivery's 5 days beside the 6 of all 50
    lead = {key: {"a": la.get(key), "b": lb.get(key)} for key in LEAD_TIME} \
        if any(la.get(key) != lb.get(key) for key in LEAD_TIME) else {}
    return {
        "verdict": {"a": a["verdict"], "b": b["verdict"], "changed": a["verdict"] != b["verdict"]},
        "effort": effort,
        # whether the two costs leave out the same (a part not made, a material not
        # priced): where not, their difference is not the change alone (a "cost
        # increase" of EUR 109 that was only A's missing material)
        "cost_alike": _left_out(sides["a"]) == _left_out(sides["b"]),
        "sides": sides,
        "lead_time": lead,
        "mrl": {"overall": {"a": a["mrl"]["overall"], "b": b["mrl"]["overall"]},
                "target": {"a": a["mrl"]["target"], "b": b["mrl"]["target"]},
                "threads": threads},
        "machines": machines,
        "findings_only_in_a": [_brief(fa[k]) for k in sorted(set(fa) - set(fb))],
        "findings_only_in_b": [_brief(fb[k]) for k in sorted(set(fb) - set(fa))],
        "open_questions": {"a": len(a["open_questions"]), "b": len(b["open_questions"])},
    }


def _cost(report, key):
    return None if nothing_made(report) else report["effort"]["cost_eur"][key]


def _brief(f):
    return {"rule": f["rule"], "part": f["part"], "machine": f["machine"], "kind": f["kind"],
            "message": f["message"]}


def side_label(request: str, equipment: str | None = None, packs: Iterable[str] = (),
               lang: str = i18n.DEFAULT_LANG) -> str:
    """How the text names one side: the request, and the catalogue and packs screened
    against where they differ from the other side's."""
    words = i18n.texts("compare", lang)
    side = words["side_on"].format(request=request, equipment=equipment) if equipment \
        else str(request)
    packs = list(packs)
    return words["side_with"].format(side=side, packs=", ".join(packs)) if packs else side


def as_text(diff: dict[str, Any], label_a: str = "A", label_b: str = "B",
            lang: str = i18n.DEFAULT_LANG, names: Mapping[str, Any] | None = None) -> str:
    """The differences as lines of text in ``lang``; ``names``: the questionnaire's
    choice names (views.choice_names), so that a process reads as the user says it."""
    words, report = i18n.texts("compare", lang), labels(lang)

    def mrl_level(value):
        return report["not_assessed"] if value is None else value

    def operation(key):
        part, _, process = key.rpartition(" ")
        return f"{part} {choice(names or {}, 'processes', process, lang)}" if part else key

    def verdict(value):
        return report.get(value, value)

    def effort(key, value):
        if value is None:
            return "–"
        label, unit = EFFORT[key]
        if unit is None:
            return str(value)
        return f"{hours(value, lang)} {report[unit]}"

    lines = [f"A: {label_a}", f"B: {label_b}"]
    v = diff["verdict"]
    lines.append(words["verdict_changed"].format(a=verdict(v["a"]), b=verdict(v["b"]))
                 if v["changed"] else words["verdict_same"].format(a=verdict(v["a"])))
    for key, change in diff["effort"].items():
        if key.startswith("cost_"):
            level = key.split("_")[1]
            lines.append(words["cost"].format(
                what=words[level], a=euros(change["a"], lang, cents=False) or "–",
                b=euros(change["b"], lang, cents=False) or "–"))
            continue
        label = EFFORT[key][0]
        lines.append(words["effort"].format(
            what=report[label] if label else words[key],
            a=effort(key, change["a"]), b=effort(key, change["b"])))
    sides = diff.get("sides") or {}
    if diff["effort"].get("cost_low_eur") or diff["effort"].get("cost_high_eur"):
        if diff.get("cost_alike") is False:
            lines.append(words["cost_unlike"])
    lead = diff.get("lead_time") or {}
    if lead:
        def side(which):
            days = lead["days"][which]
            if days is None:
                return words["none"]
            text = i18n.counted(report["working_days_count"], days, lang)
            if (lead.get("lower_bound") or {}).get(which):
                text = f"{report['at_least']} {text}"
            deliveries = (lead.get("deliveries") or {}).get(which) or 1
            if deliveries > 1:
                text += " " + report["first_of_deliveries"].format(n=deliveries)
            meets = {True: words["in_time"], False: words["late"]}.get(
                lead["meets_wanted_date"][which])
            earliest = lead["earliest_date"][which]
            extra = [d for d in (earliest and day(earliest, lang), meets) if d]
            return f"{text} ({', '.join(extra)})" if extra else text
        lines.append(words["lead_time"].format(a=side("a"), b=side("b")))
    m = diff["mrl"]
    target = m.get("target") or {}
    if target.get("a") != target.get("b"):  # another purpose: another level to reach
        lines.append(words["mrl_target"].format(a=target.get("a") or "–",
                                                b=target.get("b") or "–"))
    if m["overall"]["a"] != m["overall"]["b"]:
        lines.append(words["mrl_overall"].format(a=mrl_level(m["overall"]["a"]),
                                                 b=mrl_level(m["overall"]["b"])))
    for thread, change in m["threads"].items():
        lines.append(words["mrl_thread"].format(thread=report["threads"].get(thread, thread),
                                                a=mrl_level(change["a"]),
                                                b=mrl_level(change["b"])))
    for key, change in diff["machines"].items():
        lines.append(words["machine"].format(operation=operation(key),
                                             a=change["a"] or words["none"],
                                             b=change["b"] or words["none"]))
    for f in diff["findings_only_in_a"]:
        lines.append(f"- {f['rule']} {f['message']}")
    for f in diff["findings_only_in_b"]:
        lines.append(f"+ {f['rule']} {f['message']}")
    q = diff["open_questions"]
    if q["a"] != q["b"]:
        lines.append(words["open_questions"].format(a=q["a"], b=q["b"]))
    if len(lines) == 3 and not v["changed"]:
        lines.append(words["no_differences"])
    for which in ("a", "b"):  # what each side's figures leave out, as check says it
        caveat = sides.get(which) or {}
        if caveat.get("parts_not_made"):
            lines.append(words["side_not_made"].format(
                side=which.upper(), parts=", ".join(caveat["parts_not_made"])))
        if caveat.get("not_priced"):
            lines.append(words["side_not_priced"].format(
                side=which.upper(), items="; ".join(
                    _unpriced(entry, words, names, lang) for entry in caveat["not_priced"])))
    return "\n".join(lines) + "\n"


def _unpriced(entry: Mapping[str, Any], words: Mapping[str, Any],
              names: Mapping[str, Any] | None, lang: str) -> str:
    """One item a price leaves out (``quote.not_priced``), in words: "P1: the material"."""
    kind = {"material": "material", "run": "processes", "outside_work": "processes",
            "treatment": "surface_treatment"}.get(entry.get("what"))
    item = choice(names or {}, kind, entry.get("item"), lang) if kind else entry.get("item")
    # a treatment by its name; an operation at a partner as work at a subcontractor (it
    # read by its id, "SH-16: cylindrical_grinding")
    key = f"left_out_{entry.get('what')}" if entry.get("what") in (
        "material", "run", "outside_work") else "left_out_item"
    return words[key].format(part=entry.get("part"), item=item or words["unknown"])
