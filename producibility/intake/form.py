"""The form: the questionnaire to fill in on paper (Markdown) or on screen (one HTML page).

Owns the form's model (:func:`form_model`: numbered questions, units and limits as the
customer reads them, choices, help), an ``ask_if`` in words ("only if 'turning' is
chosen at 9.4", :func:`condition_text`) and as data the page's script evaluates
(:func:`show_if`), both read from the compiled condition
(:func:`producibility.model.relevance.simple_tests`), and rendering the form
(:func:`export_questionnaire`).  Words come from the ``intake`` locale domain.
"""

from __future__ import annotations

from producibility import i18n
from producibility.intake.answers import (choice_label, help_text, in_lang, show_number,
                                          texts, unit_label)
from producibility.conditions.analysis import AnswerTest
from producibility.model.relevance import simple_tests

#: Part columns on the paper form.
PART_COLUMNS = 3


def _form_texts(lang):
    """The paper form's words (the ``form`` table of the ``intake`` domain)."""
    return dict(texts(lang)["form"], yes=i18n.text("common", "yes", lang),
                no=i18n.text("common", "no", lang))


def condition_text(question, numbers: dict, questionnaire, lang: str) -> str:
    """An ``ask_if`` in words a customer reads ("only if 'turning' is chosen at 9.4",
    "only if 9.12 is less than 0.05"), or the expression itself when it is more than
    simple tests joined by and/or (:func:`producibility.model.relevance.simple_tests`)."""
    source = question.ask_if.source.strip()
    simple = simple_tests(question.ask_if, question.shop)
    if simple is None:
        return source
    words = _tests_in_words(simple, numbers, questionnaire, lang, outer=True)
    return source if words is None else words


def _tests_in_words(simple, numbers, questionnaire, lang, outer):
    """Tests joined by one and/or in words, a group of the other join in brackets where
    it reads as more than one phrase; None where a test reads no question."""
    f = _form_texts(lang)
    join, tests = simple
    atoms, member = [], []  # member: (op, question, label) of "'x' in part.f" tests
    for test in tests:
        if not isinstance(test, AnswerTest):  # a group of the other join
            inner = _tests_in_words(test, numbers, questionnaire, lang, outer=False)
            if inner is None:
                return None
            atoms.append(inner)
            continue
        target = questionnaire.question(test.scope, test.field)
        if target is None:
            return None
        num = numbers[target.key]
        if test.op in ("has", "lacks"):
            label = f"'{choice_label(target, test.values[0], lang)}'"
            member.append((test.op, target, label))
            atoms.append(f["chosen_at" if test.op == "has" else "not_chosen_at"].format(
                num=num, labels=label))
        elif test.op in ("true", "false"):
            atoms.append(f["is"].format(num=num, value=f["yes" if test.op == "true" else "no"]))
        elif test.op in ("lt", "lteq", "gt", "gteq"):  # "9.12 kleiner is dan 0,05"
            atoms.append(f[test.op].format(num=num, value=show_number(test.values[0], lang)))
        elif test.op in ("defined", "undefined"):  # answered, or open (or 'none')
            key = test.op + ("_none" if getattr(target, "none", None) else "")
            atoms.append(f[key].format(num=num))
        elif test.op in ("none", "some"):  # answered 'none' (no holes), or not
            atoms.append(f["is_none" if test.op == "none" else "not_none"].format(num=num))
        else:
            atoms.append(f["is" if test.op == "in" else "is_not"].format(
                num=num, value=f["or"].join(
                    show_number(v, lang) if target.type == "number" else
                    choice_label(target, v, lang) for v in test.values)))
    if len(member) == len(atoms) > 1 and len({(op, q.key) for op, q, _ in member}) == 1:
        op, target, _ = member[0]
        labels = [label for _, _, label in member]
        listed = ", ".join(labels[:-1]) + f["or"] + labels[-1]
        if op == "has" and join == "or":
            return f["chosen_at"].format(num=numbers[target.key], labels=listed)
        if op == "lacks" and join == "and":
            return f["none_chosen_at"].format(num=numbers[target.key], labels=listed)
    text = f[join].join(atoms)
    return text if outer or len(atoms) == 1 else f"({text})"


def show_if(question) -> dict | None:
    """An ``ask_if`` as data the on-screen form evaluates: {"join", "atoms"} (an atom a
    test, or a group {"join", "atoms"} of the other join), or None (always shown) when
    it is more than that.  As in ``ask``, an unanswered field counts as "show", except
    for ``is defined`` (false until answered)."""
    simple = simple_tests(question.ask_if, question.shop)
    return None if simple is None else _as_data(simple)


def _as_data(simple):
    join, tests = simple
    return {"join": join, "atoms": [test.as_data() if isinstance(test, AnswerTest)
                                    else _as_data(test) for test in tests]}


def _not_for(questionnaire, question) -> dict:
    """choice -> {"field": "material", "values": the materials it cannot be for}: the
    choices a part's material rules out (``intake.checks.impossible_choices``: no T
    temper for a 5754), which the on-screen form disables for such a part, as ``ask``
    does not offer them and ``validate`` refuses them.  {} for any other question."""
    from producibility.intake.checks import _shop, impossible_choices

    if question.scope != "part" or question.type != "choice":
        return {}
    out: dict = {}
    for material in _shop(questionnaire).ids("materials"):
        for choice in impossible_choices(questionnaire, question, {"material": material}):
            out.setdefault(choice, {"field": "material", "values": []})["values"].append(
                material)
    return out


def form_model(questionnaire, lang: str) -> dict:
    """The questionnaire as plain data for the form templates."""
    f = _form_texts(lang)
    f["parts_intro"] = f["parts_intro"].format(n=PART_COLUMNS)
    numbers = {}
    sections = []
    for n, section in enumerate(questionnaire.sections, 1):
        questions = [q for q in questionnaire.questions if q.section == section["id"]]
        for m, q in enumerate(questions, 1):
            numbers[q.key] = f"{n}.{m}"
        sections.append((n, section, questions))
    out = []
    for n, section, questions in sections:
        items = []
        for q in questions:
            limits = ""
            if q.min is not None and q.max is not None:
                limits = f["range"].format(low=show_number(q.min, lang),
                                           high=show_number(q.max, lang))
            unit = unit_label(q.unit, lang)
            not_for = _not_for(questionnaire, q)
            items.append({
                "number": numbers[q.key], "id": q.id, "type": q.type,
                "text": q.label(lang), "help": help_text(q, lang), "required": q.required,
                "unit": unit, "limits": limits, "integer": q.integer,
                "short": {"number": unit, "date": f["date"],
                          "dimensions": " x ".join(f["dims"]) + (f" {unit}" if unit else ""),
                          "yes_no": f"{f['yes']}/{f['no']}", "choice": f["write_numbers"],
                          "multi_choice": f["write_numbers"]}.get(q.type, ""),
                "choices": [{"value": c, "label": choice_label(q, c, lang), "n": i,
                             "not_for": not_for.get(c)}
                            for i, c in enumerate(q.choices, 1)],
                "condition": (condition_text(q, numbers, questionnaire, lang)
                              if q.ask_if is not None else ""),
                "show_if": show_if(q) if q.ask_if is not None else None,
                "min": q.min, "max": q.max, "min_choices": q.min_choices,
                # "geen schroefdraad": a box beside the number says "none"
                "none": in_lang(q.none, lang) if getattr(q, "none", None) else "",
                "scope": q.scope,
            })
        out.append({"number": n, "title": in_lang(section["title"], lang),
                    "repeat": section.get("repeat"), "questions": items})
    return {"title": in_lang(questionnaire.title, lang), "id": questionnaire.id,
            "version": questionnaire.version, "lang": lang, "sections": out, "L": f,
            "columns": list(range(1, PART_COLUMNS + 1))}


def export_questionnaire(questionnaire, lang: str = "nl", fmt: str = "md",
                         provider: dict | None = None) -> str:
    """The questionnaire as a Markdown form, or as a self-contained HTML page with real
    inputs that saves a request file (``provider``: the shop's name and address)."""
    import base64
    import hashlib
    import json

    import jinja2

    from producibility.report.render import TEMPLATE_DIR

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=fmt == "html",
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    model = form_model(questionnaire, lang)
    if fmt != "html":
        return env.get_template(f"questionnaire.{fmt}.j2").render(**model)
    provider = dict(provider or {})
    address = provider.get("address") or ([provider["location"]] if provider.get("location")
                                           else [])
    if isinstance(address, str):
        address = [line for line in address.splitlines() if line.strip()]
    words = texts(lang)["screen_form"]
    config = {"lang": lang, "questionnaire": [questionnaire.id, questionnaire.version],
              "shop": provider.get("name") or "",
              "words": {k: words[k] for k in ("form_saved", "form_missing", "part")}}
    # the script is inline (the page is one file that works offline); the page's
    # Content-Security-Policy allows exactly this script, by its digest
    script = env.get_template("questionnaire.form.js").render()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return env.get_template("questionnaire.html.j2").render(
        provider=provider, address=address, T=words, script=script,
        script_hash=f"sha256-{digest}",
        config_json=json.dumps(config, ensure_ascii=False, sort_keys=True), **model)
