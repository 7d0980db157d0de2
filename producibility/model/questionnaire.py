"""The FaaS questionnaire: loading it, and the request schema generated from it.

The questionnaire is the single source of truth for what a request may say:
the request JSON Schema (used by the loader, ``producibility schema request``
and editors) is derived from it, field by field.
"""

import functools
from pathlib import Path
from typing import Any

from producibility import i18n
from producibility.inputs import schema as schemas
from producibility.inputs import cache, yamlio
from producibility.conditions.expressions import (ExpressionError, compile_condition,
                                                  parsed_trees, trees_key)
from producibility.model.defaults import default_questionnaire_path
from producibility.errors import InputError, Wording

#: The ``format:`` a text question may declare; the intake's answer parser reads it
#: (``producibility.intake.answers.FORMATS``).
FORMATS = ("quantities",)


#: The values of a ``dimensions`` answer: a bounding box's length, width and height.
DIMENSIONS = 3


class Question:
    """One question as the questionnaire file words it: its type, choices, limits,
    ``ask_if`` condition and the answer assumed when it is left open."""

    FIELDS = ("id", "section", "type", "text", "help", "required", "threads", "choices",
              "choice_text", "unit", "min", "max", "integer", "min_choices", "ask_if",
              "repeat", "line", "assume", "catalogue", "format", "series", "shop",
              "choice_aliases", "written_after", "none")

    def __init__(self, id: str, section: str, type: str, text: dict, help: dict,
                 required: bool = False, threads: tuple = (), choices: tuple = (),
                 choice_text: dict | None = None, unit: str = None, min: float = None,
                 max: float = None, integer: bool = False, min_choices: int = 0,
                 ask_if: object = None, repeat: str = None, line: int = None,
                 assume: dict = None, catalogue: str = None, format: str = None,
                 series: tuple = (), shop: object = None,
                 choice_aliases: dict | None = None, written_after: str | None = None,
                 none: dict | None = None) -> None:
        self.id = id
        self.section = section
        self.type = type
        self.text = text
        self.help = help
        self.required = required
        self.threads = threads
        self.choices = choices
        self.choice_text = {} if choice_text is None else choice_text
        self.unit = unit
        self.min = min
        self.max = max
        self.integer = integer
        # multi_choice: how many at least; 0 lets "none" ([]) answer it
        self.min_choices = min_choices
        self.ask_if = ask_if
        self.repeat = repeat  # "parts" for questions about each part
        self.line = line
        self.assume = assume  # {"value": answer, "en": wording, "nl": wording}, or None
        self.catalogue = catalogue  # choices_from: the catalogue kind the choices come from
        self.format = format  # text: how the answer is read (FORMATS), e.g. "quantities"
        # number: the standard sizes an answer takes in practice, ascending (the probes'
        # values: report/probing.py)
        self.series = series
        # the catalogue an ``ask_if`` reads the part's material in (material_family,
        # material_heat_treatable: model.relevance), set where it is bound to one
        self.shop = shop
        # {choice in lower case: choice}: the answer parser matches a choice whatever its
        # case, unless case tells two choices apart (ISO fits: h6 is a shaft, H6 a hole;
        # there an answer is matched as written, and H5, no choice, is no h5 either)
        folded = {}
        for choice in choices:
            folded.setdefault(str(choice).lower(), []).append(choice)
        self.case_sensitive = any(len(alike) > 1 for alike in folded.values())
        self.choices_by_case = {} if self.case_sensitive else \
            {low: alike[0] for low, alike in folded.items()}
        # {choice: [other names]}: what a drawing writes for a choice (EN 515's H111 and
        # O for the temper o_h111), read as the choice itself, matched as a choice is
        self.choice_aliases = {} if choice_aliases is None else choice_aliases
        self.aliases_by_case = {
            (name if self.case_sensitive else name.lower()): choice
            for choice, names in self.choice_aliases.items() if choice in choices
            for name in names}
        # the catalogue question (of the same scope) after whose answer a drawing writes
        # this one's: "EN AW-6082 T6" is the material EN AW-6082 in the temper T6
        # (model.request reads the two apart)
        self.written_after = written_after
        # {lang: words}: "none" is an answer (no thread, no holes: the feature is not
        # there), stored as ``none`` and read by rules as absent (expressions.ABSENT);
        # None where an empty answer is only an open question
        self.none = none

    def replace(self, **changes) -> "Question":
        """This question with some fields changed."""
        fields = {name: getattr(self, name) for name in self.FIELDS}
        fields.update(changes)
        return Question(**fields)

    @property
    def scope(self):
        return "part" if self.repeat == "parts" else "request"

    @property
    def length(self):
        """How many values an answer always has (a ``dimensions`` answer: length, width
        and height), or None where it varies or is no list."""
        return DIMENSIONS if self.type == "dimensions" else None

    @property
    def key(self):
        """The (scope, field) pair rules use to read this answer."""
        return (self.scope, self.id)

    def label(self, lang):
        return self.text.get(lang) or self.text.get("en") or self.id

    def assumption(self, lang):
        """The assumed answer's wording in the given language (None: no assumption)."""
        if self.assume is None:
            return None
        return self.assume.get(lang) or self.assume["en"]


class Questionnaire:
    """The questions in order, by (scope, field), with the request schema they make;
    ``shop``: the catalogue its ``choices_from`` questions take their choices from."""

    FIELDS = ("id", "version", "title", "sections", "questions", "path", "shop")

    def __init__(self, id: str, version: str, title: dict, sections: list, questions: list,
                 path: str = None, shop: object = None) -> None:
        self.id = id
        self.version = version
        self.title = title
        self.sections = sections
        self.questions = questions
        self.path = path
        self.shop = shop  # the catalogue.Catalogue the choices come from
        self._index = {q.key: q for q in self.questions}
        # every request is read scope by scope: grouped once, not per call
        self._by_scope, self._by_type = {}, {}
        # (scope, question id) -> the questions written after its answer (written_after)
        self.written_after = {}
        for q in self.questions:
            self._by_scope.setdefault(q.scope, []).append(q)
            self._by_type.setdefault(q.type, []).append(q)
            if q.written_after is not None:
                self.written_after.setdefault((q.scope, q.written_after), []).append(q)

    def replace(self, **changes) -> "Questionnaire":
        """This questionnaire with some fields changed."""
        fields = {name: getattr(self, name) for name in self.FIELDS}
        fields.update(changes)
        return Questionnaire(**fields)

    def question(self, scope, field_name):
        return self._index.get((scope, field_name))

    def with_catalogue(self, catalogue):
        """This questionnaire with the choices of ``choices_from`` questions taken from
        a (merged) catalogue; the same object when it already is."""
        if catalogue is None or catalogue is self.shop:
            return self
        return _bind(self, catalogue)

    @property
    def question_keys(self):
        """The (scope, field) pairs of every question."""
        return self._index.keys()

    @functools.cached_property
    def choice_text(self):
        """(scope, field) -> {choice: {lang: text}} for messages and reports."""
        return {q.key: {c: dict(t) if isinstance(t, dict) else {lang: t for lang in i18n.LANGS}
                        for c, t in q.choice_text.items()}
                for q in self.questions if q.choice_text}

    def fields(self, scope):
        return [q.id for q in self.questions_in(scope)]

    def of_type(self, kind):
        """The questions of one type ("date", "multi_choice", ...), in questionnaire order."""
        return self._by_type.get(kind, ())

    def questions_in(self, scope):
        """The questions of one scope ("request" or "part"), in questionnaire order."""
        return list(self._by_scope.get(scope, ()))

    @functools.cached_property
    def request_schema(self):
        return request_schema(self)


#: What a request file says for a question answered "none" (``Question.none``).
NONE_ANSWER = "none"


def _json_type(q):
    out = _answer_type(q)
    if q.none is not None:  # "none" is an answer: the feature is not there
        return {"anyOf": [out, {"enum": [NONE_ANSWER]}]}
    return out


def _answer_type(q):
    if q.type == "text":
        return {"type": "string", "minLength": 1}
    if q.type == "number":
        out = {"type": "integer" if q.integer else "number"}
        if q.min is not None:
            out["minimum"] = q.min
        if q.max is not None:
            out["maximum"] = q.max
        return out
    if q.type == "yes_no":
        return {"type": "boolean"}
    if q.type == "date":
        # YAML reads 2026-12-14 as a date; the loader turns it into ISO text first.
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if q.type == "choice":
        return _choice_schema(q)
    if q.type == "multi_choice":
        out = {"type": "array", "items": _choice_schema(q), "uniqueItems": True}
        if q.min_choices:
            out["minItems"] = q.min_choices
        return out
    if q.type == "dimensions":
        item = {"type": "number"}
        if q.min is not None:
            item["minimum"] = q.min
        if q.max is not None:
            item["maximum"] = q.max
        return {"type": "array", "items": item, "minItems": DIMENSIONS, "maxItems": DIMENSIONS}
    raise InputError.said(Wording("inputs", "question_type", question=q.id, type=q.type))


def _choice_schema(q):
    if q.catalogue is None:
        return {"enum": list(q.choices)}
    # A catalogue name (id or alias) or any other text: an answer outside the catalogue
    # is kept and becomes an open question for the engineer (see load.load_request).
    return {"anyOf": [{"enum": list(q.choices)}, {"type": "string", "minLength": 1}]}


#: The most parts one request may have.  A judgement, measured: a shop's large request
#: (an assembly's bill of made parts) has some hundreds; 500 identical milled parts
#: take ~10 s to check and make a report of ~9 MB, 1,000 take ~20 s and 22 MB, and
#: both grow faster than the count (texts that name the other parts), so 10,000 (a
#: 1.1 MB request) did not finish in minutes.  More parts: split the request.
MAX_PARTS = 500


def request_schema(questionnaire):
    """The JSON Schema of a request file, generated from the questionnaire."""
    top, part = {}, {}
    top_required, part_required = [], ["id"]
    for q in questionnaire.questions:
        prop = _json_type(q)
        prop["description"] = q.text.get("en", q.id)
        if q.unit:
            prop["description"] += f" [{q.unit}]"
        (part if q.scope == "part" else top)[q.id] = prop
    top_required.append("parts")
    top["parts"] = {
        "type": "array", "minItems": 1, "maxItems": MAX_PARTS,
        "description": ("The parts of the product (a small bill of materials): at most "
                        f"{MAX_PARTS}."),
        "items": {"type": "object", "additionalProperties": False,
                  "required": part_required, "properties": part},
    }
    top["schema"] = {"type": "string", "description": "Optional editor schema hint."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://producibility.example/schemas/request.schema.json",
        "title": "producibility request",
        "description": (f"Answers to the questionnaire '{questionnaire.id}' "
                        f"{questionnaire.version}. Generated: do not edit."),
        "type": "object",
        "additionalProperties": False,
        "required": top_required,
        "properties": top,
    }


def _text(value, where, path, line):
    if isinstance(value, str):
        return {lang: value for lang in i18n.LANGS}
    if isinstance(value, dict) and value:
        return dict(value)
    raise InputError.said(Wording("inputs", "question_text", where=where), path, line)




@functools.lru_cache(maxsize=8)
def _load_cached(path_str):
    """The questionnaire of a file: from its record when these bytes were loaded before
    (:func:`_recorded`), else parsed and checked (and recorded)."""
    data = yamlio.bytes_within_limit(path_str)  # None: load_with_bytes says what is wrong
    key = trees_key(RECORD_FORM, data) if data is not None else None
    if key is not None:
        recorded = _recorded(key, path_str)
        if recorded is not None:
            return recorded
    questionnaire, loaded = _load_file(path_str)
    if key is not None and loaded == data:
        _record(key, questionnaire)
    return questionnaire


#: The form of a questionnaire's record in the cache (a new layout is a new form)
RECORD_FORM = "questionnaire-record-2"


def _record(key, questionnaire):
    """Keep the questionnaire just loaded without problems, when it reads back as the
    same (field by field, types too): the next run builds it from one JSON record
    instead of thawing, parsing and checking the file (~4 ms of a warm check)."""
    import json

    from producibility.model.records import condition_out

    if not cache.writing():
        return
    trees = []

    def condition(compiled):
        return None if compiled is None else condition_out(compiled, trees)

    try:
        questions = []
        for q in questionnaire.questions:
            fields = {name: getattr(q, name) for name in Question.FIELDS if name != "shop"}
            if q.shop is not None:
                return  # a bound questionnaire is not recorded (the catalogue is not in it)
            fields["ask_if"] = condition(q.ask_if)
            if q.assume is not None:
                fields["assume"] = dict(q.assume, unless=condition(q.assume.get("unless")))
            questions.append(fields)
        header = json.dumps({"id": questionnaire.id, "version": questionnaire.version,
                             "title": questionnaire.title, "sections": questionnaire.sections,
                             "questions": questions},
                            separators=(",", ":"))
        text = "\n".join([header] + trees)
        again = _from_record(text, questionnaire.path)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError):
        return
    if _same(questionnaire, again):
        cache.write_data(key, text)


def _recorded(key, path_str):
    """The questionnaire recorded under the key, or None (none, or not one we wrote)."""
    text = cache.read_data(key)
    if text is None:
        return None
    try:
        return _from_record(text, path_str)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError):
        return None


_TUPLES = ("threads", "choices", "series")


def _from_record(text, path_str):
    import json

    from producibility.model.records import condition_in

    lines = text.split("\n")
    data = json.loads(lines[0])
    scopes = ("request", "part")
    questions = []
    for fields in data["questions"]:
        fields = dict(fields)
        for name in _TUPLES:
            fields[name] = tuple(fields[name])
        if fields["ask_if"] is not None:
            fields["ask_if"] = condition_in(fields["ask_if"], lines, scopes)
        if fields["assume"] is not None and fields["assume"]["unless"] is not None:
            fields["assume"] = dict(fields["assume"], unless=condition_in(
                fields["assume"]["unless"], lines, scopes))
        questions.append(Question(**fields))
    return Questionnaire(id=data["id"], version=data["version"], title=data["title"],
                         sections=data["sections"], questions=questions, path=path_str)


def _same(a, b):
    """Whether two questionnaires are the same, field by field (records.fingerprint)."""
    from producibility.model.records import fingerprint

    def fields(q):
        return [getattr(q, name) for name in ("id", "version", "title", "sections", "path")] \
            + [vars(question) for question in q.questions]
    return fingerprint(fields(a)) == fingerprint(fields(b))


def _load_file(path_str):
    """The questionnaire parsed and checked from its file, and the bytes it was read from."""
    document, data = yamlio.load_with_bytes(path_str)
    if not isinstance(document, dict):
        raise InputError.said(Wording("inputs", "questionnaire_shape"), path_str, 1)
    schemas.check_file(document, data, "questionnaire", path_str)
    # Whether each assume: is a valid answer is a question of the file's bytes too:
    # asked once (it needs the schema validator), remembered with the validation records.
    key = cache.validation_key(data, _ASSUMPTIONS_CHECKED)
    known = cache.seen_valid(key)
    # The ask_if conditions' syntax trees, remembered with these bytes as a pack's are.
    with parsed_trees(trees_key("questionnaire-trees-2", data)):
        questionnaire = _parse(document, path_str, check_assumptions=not known)
    if not known:
        cache.remember_valid(key)
    return questionnaire, data


_ASSUMPTIONS_CHECKED = {"checked": "every assume: is a valid answer to its question"}


def load_questionnaire(path: str | Path | None = None, catalogue: Any = None) -> "Questionnaire":
    """Load a questionnaire file (the shipped FaaS one by default), its catalogue
    choices taken from ``catalogue`` (the default pack's catalogue by default)."""
    from producibility.model.catalogue import default_catalogue

    return _bound(load_questionnaire_unbound(path), catalogue or default_catalogue())


def load_questionnaire_unbound(path=None):
    """The questionnaire as written: ``choices_from`` questions without their choices."""
    if path is None:
        path = default_questionnaire_path()
    return _load_cached(str(path))


def _assumption(q, raw, path, line, check=True):
    """An ``assume:`` checked against the question: a valid answer (unless ``check`` is
    False: these bytes passed before), never on a required one."""
    if q.required:
        raise InputError.said(Wording("inputs", "question_required_assumed", question=q.id),
                              path, line)
    value = yamlio.plain(raw["value"])
    if check and not _valid_answer(value, _json_type(q)):
        raise InputError.said(Wording("inputs", "question_assumed_invalid", question=q.id,
                                      value=repr(value)), path, line)
    unless = None
    if raw.get("unless"):
        try:
            unless = compile_condition(raw["unless"], ("request", "part"))
        except ExpressionError as exc:
            raise InputError.said(Wording("inputs", "question_assume_unless", question=q.id,
                                          problem=str(exc)), path, line) from None
    return {"value": value, "en": raw["en"], "nl": raw["nl"], "unless": unless,
            # about the parts we make: not assumed in an offer of machine time
            "made_by_us": raw.get("made_by_us") is True}


def _check_condition_fields(questions, path):
    """Every answer an ``ask_if`` or an ``assume.unless`` reads is a question of the
    questionnaire: a misspelt field (``request.aplication_sector``) is never answered, so
    the condition stays unknown and its guard is off for ever (an implant would be
    assumed "not safety-critical" again, with no word)."""
    from producibility.inputs.schema import did_you_mean

    from producibility.model.catalogue import MATERIAL_FIELDS

    # the answers, and what the catalogue says of the part's material (its family)
    known = {(q.scope, q.id) for q in questions} | {("part", f) for f in MATERIAL_FIELDS}
    for q in questions:
        for what, condition in (("ask_if", q.ask_if),
                                ("assume.unless", (q.assume or {}).get("unless"))):
            for scope, field in getattr(condition, "fields", ()) or ():
                if (scope, field) not in known:
                    raise InputError.said(Wording(
                        "inputs", "question_condition_field", question=q.id, what=what,
                        field=f"{scope}.{field}", hint=did_you_mean(
                            f"{scope}.{field}", sorted(f"{s}.{i}" for s, i in known))),
                        path, q.line)


def _valid_answer(value, schema):
    from producibility.inputs import quickcheck
    if quickcheck.surely_valid(value, schema):
        return True
    import jsonschema  # only to be sure: the quick check said no, or could not say
    return jsonschema.Draft202012Validator(schema).is_valid(value)


_BOUND = {}


def _bound(questionnaire, catalogue):
    key = (id(questionnaire), id(catalogue))
    hit = _BOUND.get(key)
    if hit is None or hit[0] is not questionnaire or hit[1] is not catalogue:
        if len(_BOUND) > 16:
            _BOUND.clear()
        hit = _BOUND[key] = (questionnaire, catalogue, _bind(questionnaire, catalogue))
    return hit[2]


def _bind(questionnaire, catalogue):
    questions = []
    for q in questionnaire.questions:
        if q.catalogue:
            if q.catalogue == "certifications":
                ids = catalogue.asked_certifications()
            else:
                ids = catalogue.ids(q.catalogue)
            names = catalogue.names(q.catalogue)
            q = q.replace(choices=tuple(ids), choice_text={i: names[i] for i in ids})
        if _reads_material(q):
            q = q.replace(shop=catalogue)
        questions.append(q)
    return Questionnaire(id=questionnaire.id, version=questionnaire.version,
                         title=questionnaire.title, sections=questionnaire.sections,
                         questions=questions, path=questionnaire.path, shop=catalogue)


def _check_written_after(questions, path):
    """A ``written_after`` names a question of the same scope whose choices come from
    the catalogue (the material), and is itself a choice: else one line at its place."""
    by_key = {q.key: q for q in questions}
    for q in questions:
        if q.written_after is None:
            continue
        after = by_key.get((q.scope, q.written_after))
        if q.type != "choice" or after is None or not after.catalogue:
            raise InputError.said(Wording("inputs", "question_written_after", question=q.id,
                                          after=q.written_after), path, q.line)


def _choice_aliases(q, raw, path):
    """A question's ``choice_aliases`` checked: a name for a choice of its own, taken by
    no other choice (as a choice or a name): 'H32' cannot stand for two tempers."""
    taken = {(c if q.case_sensitive else c.lower()): c for c in q.choices}
    out = {}
    for choice, names in raw.items():
        line = (getattr(raw, "key_lines", None) or {}).get(choice) or q.line
        if choice not in q.choices:
            raise InputError.said(Wording("inputs", "question_alias_choice", question=q.id,
                                          choice=choice), path, line)
        for name in names:
            key = str(name) if q.case_sensitive else str(name).lower()
            if taken.setdefault(key, choice) != choice:
                raise InputError.said(Wording("inputs", "question_alias_twice", question=q.id,
                                              name=name, choice=taken[key]), path, line)
        out[choice] = [str(name) for name in names]
    return out


def _reads_material(question):
    """Whether the question's ``ask_if`` or ``assume.unless`` reads what the catalogue
    says of the part's material (``part.material_family == 'aluminium'``)."""
    from producibility.model.catalogue import MATERIAL_FIELDS

    return any(scope == "part" and field in MATERIAL_FIELDS
               for condition in (question.ask_if, (question.assume or {}).get("unless"))
               for scope, field in getattr(condition, "fields", ()) or ())


def _parse(doc, path, check_assumptions=True):
    meta = doc["questionnaire"]
    questions, sections = [], []
    seen = {}
    for section in doc["sections"]:
        sid = section["id"]
        sections.append({"id": sid, "title": _text(section["title"], "title", path, section.line),
                         "repeat": section.get("repeat")})
        for raw in section["questions"]:
            line = raw.line
            q = Question(
                id=raw["id"], section=sid, type=raw["type"],
                text=_text(raw["text"], "text", path, line),
                help=_text(raw.get("help", ""), "help", path, line) if raw.get("help") else {},
                required=bool(raw.get("required", False)),
                threads=tuple(raw.get("threads", ())),
                choices=tuple(raw.get("choices", ())),
                choice_text=dict(raw.get("choice_text", {})),
                unit=raw.get("unit"), min=raw.get("min"), max=raw.get("max"),
                integer=bool(raw.get("integer", False)),
                min_choices=int(raw.get("min_choices", 0)),
                repeat=section.get("repeat"), line=line, catalogue=raw.get("choices_from"),
                format=raw.get("format"),
                series=tuple(sorted((raw.get("series") or {}).get("values", ()))),
            )
            if q.series and q.type != "number":
                raise InputError.said(Wording("inputs", "question_series", question=q.id,
                                              type=q.type), path, line)
            if q.format is not None and q.type != "text":
                raise InputError.said(Wording("inputs", "question_format", question=q.id,
                                              format=q.format, type=q.type), path, line)
            if raw.get("ask_if"):
                try:
                    q.ask_if = compile_condition(raw["ask_if"], ("request", "part"))
                except ExpressionError as exc:
                    raise InputError.said(Wording("inputs", "question_ask_if", question=q.id,
                                                  problem=str(exc)), path, line) from None
            if raw.get("assume") is not None:
                q.assume = _assumption(q, raw["assume"], path, line, check_assumptions)
            if raw.get("choice_aliases"):
                q = q.replace(choice_aliases=_choice_aliases(q, raw["choice_aliases"], path))
            if raw.get("written_after") is not None:
                q = q.replace(written_after=str(raw["written_after"]))
            if raw.get("none") is not None:
                if q.type not in ("number", "choice"):
                    raise InputError.said(Wording("inputs", "question_none", question=q.id,
                                                  type=q.type), path, line)
                q = q.replace(none=_text(raw["none"], "none", path, line))
            if q.key in seen:
                raise InputError.said(Wording("inputs", "question_twice", question=q.id,
                                              line=seen[q.key]), path, line)
            seen[q.key] = line
            if q.type in ("choice", "multi_choice") and not q.choices and not q.catalogue:
                raise InputError.said(Wording("inputs", "question_no_choices", question=q.id),
                                      path, line)
            questions.append(q)
    _check_written_after(questions, path)
    if check_assumptions:  # these bytes are new: once, not on every warm run
        _check_condition_fields(questions, path)
    return Questionnaire(id=meta["id"], version=str(meta["version"]),
                         title=_text(meta.get("title", meta["id"]), "title", path, meta.line),
                         sections=sections, questions=questions, path=path)
