"""What-if: how two screenings differ (a changed drawing, a new machine, another pack)."""


def _findings(report):
    return {(f["rule"], f["part"] or "", f["machine"] or "", f["thread"]): f
            for f in report["findings"]}


def compare(a, b):
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
    for key in ("engineering_h", "inspection_h", "setup_h", "run_h", "total_h",
                "lead_time_days", "class"):
        if a["effort"][key] != b["effort"][key]:
            effort[key] = {"a": a["effort"][key], "b": b["effort"][key]}
    for key in ("low", "high"):
        if a["effort"]["cost_eur"][key] != b["effort"]["cost_eur"][key]:
            effort[f"cost_{key}_eur"] = {"a": a["effort"]["cost_eur"][key],
                                         "b": b["effort"]["cost_eur"][key]}
    return {
        "verdict": {"a": a["verdict"], "b": b["verdict"], "changed": a["verdict"] != b["verdict"]},
        "effort": effort,
        "mrl": {"overall": {"a": a["mrl"]["overall"], "b": b["mrl"]["overall"]},
                "target": {"a": a["mrl"]["target"], "b": b["mrl"]["target"]},
                "threads": threads},
        "machines": machines,
        "findings_only_in_a": [_brief(fa[k]) for k in sorted(set(fa) - set(fb))],
        "findings_only_in_b": [_brief(fb[k]) for k in sorted(set(fb) - set(fa))],
        "open_questions": {"a": len(a["open_questions"]), "b": len(b["open_questions"])},
    }


def _brief(f):
    return {"rule": f["rule"], "part": f["part"], "machine": f["machine"], "kind": f["kind"],
            "message": f["message"]}


def as_text(diff, label_a="A", label_b="B"):
    lines = [f"A: {label_a}", f"B: {label_b}"]
    v = diff["verdict"]
    lines.append(f"verdict: {v['a']} -> {v['b']}" if v["changed"] else f"verdict: {v['a']} (same)")
    for key, change in diff["effort"].items():
        lines.append(f"effort {key}: {change['a']} -> {change['b']}")
    m = diff["mrl"]
    if m["overall"]["a"] != m["overall"]["b"]:
        lines.append(f"MRL overall: {m['overall']['a']} -> {m['overall']['b']}")
    for thread, change in m["threads"].items():
        lines.append(f"MRL {thread}: {change['a']} -> {change['b']}")
    for op, change in diff["machines"].items():
        lines.append(f"machine for {op}: {change['a'] or 'none'} -> {change['b'] or 'none'}")
    for f in diff["findings_only_in_a"]:
        lines.append(f"- {f['rule']} {f['message']}")
    for f in diff["findings_only_in_b"]:
        lines.append(f"+ {f['rule']} {f['message']}")
    q = diff["open_questions"]
    if q["a"] != q["b"]:
        lines.append(f"open questions: {q['a']} -> {q['b']}")
    if len(lines) == 3 and not v["changed"]:
        lines.append("no differences")
    return "\n".join(lines) + "\n"
