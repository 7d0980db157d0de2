"""Load: requests, equipment catalogues and rule packs, validated with their schemas.

Everything that comes from a file is checked here, once, with errors that
name ``file:line``; the engine can then trust its facts.
"""

import contextlib
import datetime
import gc
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from producibility.inputs import schema as schemas
from producibility.inputs import cache, yamlio
from producibility.conditions import expressions
from producibility.errors import InputError, InputErrors
from producibility.conditions.expressions import Template
from producibility.model.catalogue import (CatalogueBuilder, catalogue_files, check_equipment,
                        default_catalogue_files)
from producibility.model.defaults import default_pack_dir
from producibility.model.pack_checks import (RuleSource, candidate_flag_problem, compile_when,
                                             disable_problems, document_problem, id_problem,
                                             item_position, unset_flag_problems)
from producibility.model.questionnaire import load_questionnaire
from producibility.i18n import LANGS

# Which fact scopes a rule's condition and message may read, by rule scope.
SCOPE_NAMES = {
    "request": ("request", "provider"),
    "provider": ("request", "provider"),
    "part": ("request", "part", "provider"),
    "candidate": ("request", "part", "provider", "machine", "candidate"),
}

DEFAULT_SETTINGS = {
    "fit": {"envelope_margin": 0.9, "capability_margin": 1.5},
    "target_mrl": {"prototype": 6, "pilot": 7, "small_series": 8, "series": 9},
    "risk_matrix": [["low"] * 5] * 5,
    "effort_classes": [{"class": "S", "max_h": 8}, {"class": "M", "max_h": 40},
                       {"class": "L", "max_h": 160}, {"class": "XL", "max_h": None}],
    "cost_contingency": {"base": 0.15, "per_open_question": 0.05, "max": 0.6},
    "costing": {
        "engineering_rate_eur_h": 85, "inspection_rate_eur_h": 85,
        "estimate_contingency": 0.25, "first_off_inspection_h": 0.25,
        "solid_share": 0.5, "saw_cut_mm": 5, "sheet_margin_mm": 10, "offcut_share": 0.15,
        "print_waste": 0.1, "cut_length_factor": 1.5, "pierces_per_part": 4,
        "platform_share": 0.5,
        "unattended_processes": ["fdm", "sla", "sls", "mjf", "metal_lpbf", "wire_edm",
                                 "sinker_edm"],
        "cam_h": {"default": 0.5},
        "packaging_eur_per_piece": None, "transport_eur_per_delivery": None,
    },
    "lead_time": {"transport_days": 1, "expedite": None},
}


def digest(data):
    """A short stable digest of loaded data (for the report's inputs)."""
    text = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _bytes_digest(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


# ----------------------------------------------------------------- requests
def _plain(value):
    """Dates to ISO text; the loader's line-aware containers stay as they are."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        for key in list(value):
            value[key] = _plain(value[key])
        return value
    if isinstance(value, list):
        for i, item in enumerate(value):
            value[i] = _plain(item)
        return value
    return value


def _json_safe_check(value, path, where="request"):
    """Reject NaN, inf and huge numbers that came in as Python data (YAML's and JSON's
    are refused by their readers); iterative, so deep nesting is no RecursionError."""
    stack = [(value, where, 1)]
    while stack:
        node, at, depth = stack.pop()
        if depth > yamlio.MAX_DEPTH:
            raise InputError(f"nested deeper than {yamlio.MAX_DEPTH} levels", path)
        problem = yamlio.number_problem(node)
        if problem:
            raise InputError(f"{at or 'a value'} {problem}", path)
        if isinstance(node, dict):
            stack.extend((v, f"{at}.{k}" if at else str(k), depth + 1) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{at}[{i}]", depth + 1) for i, v in enumerate(node))


def load_request(source, questionnaire=None, path=None, lang="en"):
    """A request from a YAML/JSON file path or from a dict (the API's way).

    Returns a plain dict, validated against the request schema that the
    questionnaire generates, with dates as ISO text.
    """
    questionnaire = questionnaire or load_questionnaire()
    if isinstance(source, (str, Path)):
        path = str(source)
        document = yamlio.load(source)
    elif isinstance(source, dict):
        document = source
        path = path or "<request>"
        _json_safe_check(document, path, "")
    else:
        raise InputError("a request must be a mapping of answers", path or "<request>")
    if not isinstance(document, dict):
        raise InputError("a request must be a mapping of answers, with a list of parts",
                         path, getattr(document, "line", 1))
    _plain(document)
    _check_answers(document, questionnaire, path, lang)
    ids = {}
    for i, part in enumerate(document["parts"]):
        pid = str(part["id"])
        if pid in ids:
            line = yamlio.line_of(document, ["parts", i])
            raise InputError(f"part id '{pid}' is used twice (also part {ids[pid] + 1})",
                             path, line)
        ids[pid] = i
    _catalogue_answers(document, questionnaire)
    for q in questionnaire.questions:
        if q.type != "date":
            continue
        places = [([q.id], document)] if q.scope == "request" else \
            [(["parts", i, q.id], part) for i, part in enumerate(document["parts"])]
        for where, holder in places:
            if q.id in holder:
                try:
                    datetime.date.fromisoformat(holder[q.id])
                except ValueError:
                    raise InputError(f"{q.id} '{holder[q.id]}' is not a real date",
                                     path, yamlio.line_of(document, where)) from None
    return document


UNLISTED = "_unlisted"  # request key: answers outside the catalogue, kept for the engineer


def _catalogue_answers(document, questionnaire):
    """Catalogue answers to their ids: an alias (1.4404, 316L) becomes the id
    (stainless_316); an answer outside the catalogue is taken out of the request
    (so what depends on it is unknown, never wrong) and kept under ``_unlisted``
    for the report's open questions."""
    shop = questionnaire.shop
    if shop is None:
        return
    unlisted = []
    for q in questionnaire.questions:
        if not q.catalogue:
            continue
        allowed = q.choices
        holders = [(None, document)] if q.scope == "request" else \
            [(str(p["id"]), p) for p in document["parts"]]
        for part_id, holder in holders:
            if q.id not in holder:
                continue
            value = holder[q.id]
            values = value if isinstance(value, list) else [value]
            known, other = [], []
            for item in values:
                found = item if item in allowed else shop.resolve(q.catalogue, item)
                if found is not None and found in allowed:
                    if found not in known:
                        known.append(found)
                else:
                    other.append(str(item))
            if not other:
                if known != values:
                    holder[q.id] = known if isinstance(value, list) else known[0]
                continue
            trail = [q.id] if part_id is None else \
                ["parts", document["parts"].index(holder), q.id]
            line = yamlio.line_of(document, trail) if hasattr(document, "key_lines") else None
            unlisted.append({"scope": q.scope, "part": part_id, "field": q.id,
                             "given": other, "line": line})
            if isinstance(value, list) and known:
                holder[q.id] = known
            else:
                del holder[q.id]
    if unlisted:
        document[UNLISTED] = unlisted


def _check_answers(document, questionnaire, path, lang):
    """The answers read by the one answer parser (``intake.answers``, with each
    question's ``format``), then the schema, then the combinations no single answer
    shows (a wanted date before the request date...).

    Every problem is reported together; ``check`` refuses what ``validate`` refuses.
    """
    from producibility.intake import combination_problems, normalize_answers

    parsed = normalize_answers(document, questionnaire, lang)
    errors = [InputError(message, path, yamlio.line_of(document, where))
              for where, message in parsed]
    # a process that needs a field not given (a turned part without diameter) leaves
    # a question open, as any unanswered field does; conflicts are errors
    combos = [p for p in combination_problems(questionnaire, document, lang) if not p.missing]
    # a duplicate item: our message names the item's own line, the schema's the list's
    duplicated = {tuple(p.where[:-1]) for p in combos if isinstance(p.where[-1], int)}
    try:
        schemas.check(document, questionnaire.request_schema, path, lang,
                      skip=[tuple(where) for where, _ in parsed] + sorted(duplicated, key=str))
    except InputErrors as exc:
        errors.extend(exc.errors)
    errors.extend(InputError(p.message, path, yamlio.line_of(document, p.where))
                  for p in combos)
    if errors:
        errors.sort(key=lambda e: (e.line or 0, e.message))
        raise InputErrors(errors)


# ----------------------------------------------------------------- equipment
@dataclass
class Equipment:
    """A provider's machines, partners and what it offers besides them.

    Loaded and schema-checked by :func:`load_equipment`; checked against a
    catalogue (names, aliases, the limits each process needs) by
    :meth:`checked`, which the Screener does with the merged catalogue of its packs.
    """

    provider: dict
    machines: list
    path: str = None
    digest: str = ""
    partners: list = field(default_factory=list)
    document: object = None  # the loaded file, for file:line in catalogue errors
    catalogue: object = None  # the catalogue the names were checked against

    def by_process(self):
        index = {}
        for machine in self.machines:
            for process in machine["processes"]:
                index.setdefault(process, []).append(machine)
        return index

    def partners_by_process(self):
        index = {}
        for partner in self.partners:
            for process in partner["processes"]:
                index.setdefault(process, []).append(partner)
        return index

    def checked(self, catalogue):
        """This equipment with its names checked against (and resolved in) a catalogue."""
        if self.catalogue is catalogue:
            return self
        provider, machines, partners = check_equipment(self, catalogue)
        return Equipment(provider=provider, machines=machines, path=self.path,
                         digest=self.digest, partners=partners, document=self.document,
                         catalogue=catalogue)


def load_equipment(source, catalogue=None):
    """An equipment catalogue from a file path or a dict.

    With ``catalogue`` the names are checked at once (see :meth:`Equipment.checked`);
    without, the Screener checks them against the merged catalogue of its packs.
    """
    if isinstance(source, dict):
        document, path = source, "<equipment>"
        _json_safe_check(document, path, "")
    else:
        path = str(source)
        document, data = yamlio.load_with_bytes(source)
    if not isinstance(document, dict):
        raise InputError("an equipment catalogue must be a mapping with provider and machines",
                         path, getattr(document, "line", 1))
    if isinstance(source, dict):
        schemas.check(document, schemas.shipped("equipment"), path)
    else:
        schemas.check_file(document, data, schemas.shipped("equipment"), path)
    for key in ("machines", "partners"):
        seen = {}
        for i, machine in enumerate(document.get(key) or ()):
            line = yamlio.line_of(document, [key, i]) if not isinstance(source, dict) else None
            if machine["id"] in seen:
                raise InputError(f"{key[:-1]} id '{machine['id']}' is used twice "
                                 f"(first on line {seen[machine['id']]})", path, line)
            seen[machine["id"]] = line
    provider = dict(document["provider"])
    for key in ("certifications", "stocked_materials", "skills"):
        provider.setdefault(key, [])
    equipment = Equipment(provider=provider, machines=[dict(m) for m in document["machines"]],
                          partners=[dict(p) for p in document.get("partners") or ()],
                          path=path, digest=digest(document) if isinstance(source, dict)
                          else _bytes_digest(data),
                          document=None if isinstance(source, dict) else document)
    return equipment.checked(catalogue) if catalogue is not None else equipment


# ----------------------------------------------------------------- rule packs
@dataclass
class Rule:
    id: str
    thread: str
    title: dict
    scope: str
    when: object  # expressions.Compiled
    then: dict
    message: dict  # lang -> Template
    mitigation: dict
    requires: tuple = ()
    unless: tuple = ()
    priority: int = 0
    source: str = ""
    path: str = None
    line: int = None
    customer: object = None  # False: internal; True: the message; {lang: Template}: own words

    @property
    def risk(self):
        return self.then.get("risk")

    def text(self, what, lang):
        values = getattr(self, what)
        return values.get(lang) or values.get("en") or next(iter(values.values()), "")


@dataclass
class RulePack:
    """The merged rules of one or more pack files, plus their settings."""

    rules: list
    settings: dict
    packs: list  # [{id, version, path, digest}]
    catalogue: object = None  # catalogue.Catalogue: processes, materials, ... merged

    def rule(self, rule_id):
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None

    @property
    def digest(self):
        return digest([p["digest"] for p in self.packs])


def _texts(value):
    if value is None:
        return {}
    if isinstance(value, str):
        return {lang: value for lang in LANGS}
    return dict(value)


def compile_rule(raw, path, line, col=1):
    """A rule from its loaded mapping; raises the first problem of the pack checks
    (``pack_checks``: a flag set per candidate, a condition that does not compile)."""
    rule = RuleSource(raw, path, line, col)
    scopes = SCOPE_NAMES[raw["scope"]]
    problem = candidate_flag_problem(rule)
    if problem is None:
        when, problem = compile_when(rule, scopes)
    if problem is not None:
        raise problem.error()
    # messages are parsed on first use (lazy): ``rules lint`` checks them all (E133)
    messages = {lang: Template(text, scopes, lazy=True)
                for lang, text in _texts(raw["message"]).items()}
    then = {k: (dict(v) if isinstance(v, dict) else v) for k, v in raw["then"].items()}
    customer = raw.get("customer")
    if customer is not None and not isinstance(customer, bool):
        customer = {lang: Template(text, scopes, lazy=True)
                    for lang, text in _texts(customer).items()}
    return Rule(
        id=raw["id"], thread=raw["thread"], title=_texts(raw["title"]), scope=raw["scope"],
        when=when, then=then, message=messages, mitigation=_texts(raw.get("mitigation")),
        requires=tuple(raw.get("requires", ())), unless=tuple(raw.get("unless", ())),
        priority=int(raw.get("priority", 0)), source=raw.get("source", ""),
        path=path, line=line, customer=customer,
    )


def pack_files(source):
    """The YAML files of a pack: a file, or a directory's *.yaml in name order."""
    p = Path(source)
    if p.is_dir():
        files = sorted(x for x in p.iterdir()
                       if x.suffix in (".yaml", ".yml") and not x.name.startswith("."))
        if not files:
            raise InputError("no *.yaml rule files in this directory", str(p))
        return files
    return [p]


def _merge_settings(base, extra):
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            merged = dict(out[key])
            merged.update(value)
            out[key] = merged
        else:
            out[key] = value
    return out


def load_packs(sources=None, include_default=True):
    """Load and merge rule packs in order; later packs override earlier ones.

    A later pack may redefine a rule by id (override) or list ids under
    ``disable:``.  The shipped default pack comes first unless told otherwise.
    """
    sources = list(sources or [])
    if include_default:
        sources.insert(0, default_pack_dir())
    unique, seen = [], set()
    for source in sources:  # the same pack named twice (e.g. --rules rules/) loads once
        key = Path(source).resolve()
        if key not in seen:
            seen.add(key)
            unique.append(source)
    sources = unique
    rules, where, settings, packs = {}, {}, dict(DEFAULT_SETTINGS), []
    errors = []
    # The parsed conditions of these packs, remembered from the last run (matched by
    # their exact text, so an edited rule is simply parsed again).
    trees_key = cache.data_key("conditions", "\n".join(
        str(Path(s).resolve()) for s in sources).encode("utf-8"))
    with gc_paused(), expressions.parsed_trees(trees_key):
        return _load_packs(sources, rules, where, settings, packs, errors, include_default)


@contextlib.contextmanager
def gc_paused():
    """Building a pack or an engine makes many small objects that all live on: the
    cyclic garbage collector would only rescan them (about 40% of loading a
    1,000-rule pack, and three quarters of building its engine)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load_packs(sources, rules, where, settings, packs, errors, include_default=True):
    defined_flags = set()
    written = {}  # rule id -> RuleSource: each loaded rule as written, for the flag check
    catalogue = CatalogueBuilder()
    if not include_default:
        # without the default rules the shop's vocabulary stays: packs extend it
        catalogue.start_from(default_catalogue_files()[0])
    for source in sources:
        meta = {"id": Path(source).stem, "version": "0.0.0", "path": str(source)}
        digests = []
        extra = catalogue_files(source)
        if extra and Path(source).resolve() == Path(default_pack_dir()).resolve():
            # the shipped catalogue is read once per process (the questionnaire needs it too)
            base, blobs = default_catalogue_files()
            if catalogue.base is None and catalogue.empty:
                catalogue.start_from(base)
            if catalogue.base is base:
                digests += [_bytes_digest(b) for b in blobs]
                extra = []
        for file in extra + pack_files(source):
            path = str(file)
            document, data = yamlio.load_with_bytes(file)
            if document is None:
                continue
            problem = document_problem(document, path)
            if problem is not None:
                raise problem.error()
            schemas.check_file(document, data, schemas.shipped("rules"), path)
            digests.append(_bytes_digest(data))
            if "pack" in document:
                meta.update(id=document["pack"]["id"], version=document["pack"]["version"])
            if "settings" in document:
                settings = _merge_settings(settings, document["settings"])
            catalogue.add(document, path)
            errors += [p.error() for p in disable_problems(document, path, rules)]
            for rule_id in document.get("disable", []):
                rules.pop(rule_id, None)
                written.pop(rule_id, None)
            local = {}
            items = document.get("rules", [])
            for i, raw in enumerate(items):
                line, col = item_position(items, i)
                rule = RuleSource(raw, path, line, col)
                problem = id_problem(rule, local, where)
                local.setdefault(raw["id"], line)
                if problem is not None:
                    errors.append(problem.error())
                    continue
                if isinstance(raw["then"].get("flag"), str):
                    defined_flags.add(raw["then"]["flag"])
                try:
                    rules[raw["id"]] = compile_rule(raw, path, line, col)
                    written[raw["id"]] = rule
                except InputError as exc:
                    errors.append(exc)
                where[raw["id"]] = (path, line)
        meta["digest"] = digest(digests)
        packs.append(meta)
    # Flags some rule of the loaded packs sets, counting rules a later pack disabled
    # (disabling a setter deliberately silences the rules that need its flag).
    setters = {r.then["flag"] for r in rules.values() if r.then.get("flag")} | defined_flags
    in_order = sorted(written.values(), key=lambda r: (r.path, r.line))
    errors += [p.error() for p in unset_flag_problems(in_order, setters)]
    try:
        merged = catalogue.finish()
    except InputErrors as exc:
        errors = exc.errors + errors
    if errors:
        raise InputErrors(errors)
    ordered = sorted(rules.values(), key=lambda r: r.id)
    return RulePack(rules=ordered, settings=settings, packs=packs, catalogue=merged)
