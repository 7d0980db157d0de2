"""Rule packs: the YAML files of MRL-style risk rules, loaded and merged in order (later
packs override or disable earlier rules), checked once (``pack_checks``) with ``file:line``
errors, and compiled: every condition and message parsed into its closure.
"""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path
from typing import Iterable

from producibility.conditions import expressions
from producibility.conditions.expressions import ExpressionError, Template
from producibility.errors import InputError, InputErrors, Wording
from producibility.inputs import yamlio
from producibility.inputs import schema as schemas
from producibility.inputs.digests import bytes_digest, digest
from producibility.i18n import LANGS
from producibility.model.catalogue import (CatalogueBuilder, catalogue_files,
                                           default_catalogue_files)
from producibility.model.defaults import default_pack_dir, default_questionnaire_path
from producibility.model import pack_record
from producibility.model.questionnaire import load_questionnaire_unbound

# Which fact scopes a rule's condition and message may read, by rule scope.
SCOPE_NAMES = {
    "request": ("request", "provider"),
    "provider": ("request", "provider"),
    "part": ("request", "part", "provider"),
    "candidate": ("request", "part", "provider", "machine", "candidate"),
}
# The scopes that stay the same while the engine judges a rule of this scope over
# many subjects of one part: a candidate rule runs once per machine that fits the
# part, so what its condition reads only of these is worked out once per part
# (expressions: ``_Compiler.hoisted``; the engine gives the memo, infer.py).
INVARIANT = {"candidate": ("request", "provider", "part")}
# What an MRL evidence row's ``when`` may read: the answers (report/mrl.py evaluates it).
EVIDENCE_SCOPES = ("request", "part")
# The form of a pack's record of parsed conditions, their leading simple tests (the
# alpha index's) and messages in the cache (a new form is a new key: records of an
# earlier form are not read).
TREES_FORM = "pack-trees-4"

DEFAULT_SETTINGS = {
    "fit": {"envelope_margin": 0.9, "capability_margin": 1.5},
    # a series at the quote can show readiness for low-rate production (8), not that it
    # was demonstrated (9): see rules/pack.yaml
    "target_mrl": {"prototype": 6, "pilot": 7, "small_series": 8, "series": 8},
    "risk_matrix": [["low"] * 5] * 5,
    "effort_classes": [{"class": "S", "max_h": 8}, {"class": "M", "max_h": 40},
                       {"class": "L", "max_h": 160}, {"class": "XL", "max_h": None}],
    "cost_contingency": {"base": 0.15, "per_open_question": 0.0, "max": 0.6},
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
        "partner_shipment_eur": None, "swarf_credit": None,
    },
    "lead_time": {"transport_days": 1, "expedite": None, "slack": None},
}



#: A rule's texts: what its findings say, not what decides whether it fires.
RULE_TEXTS = ("title", "message", "mitigation", "source", "customer")


class Rule:
    """One compiled rule: its condition (``when``) and messages as closures, what it
    sets or raises (``then``), and where it was written (``path``, ``line``).

    ``texts``: a function that gives the rule's texts (``RULE_TEXTS``, as the other
    arguments would), called when one is first read (a rule from a pack's record: a
    check reads the texts of the few rules that fire, and decoding them all was a
    tenth of loading the default pack); the text arguments are then not given."""

    def __init__(self, id: str, thread: str, title: dict, scope: str, when: object,
                 then: dict, message: dict, mitigation: dict, requires: tuple = (),
                 unless: tuple = (), priority: int = 0, source: dict = None, path: str = None,
                 line: int = None, customer: object = None, texts=None) -> None:
        self.id = id
        self.thread = thread
        self.scope = scope
        self.when = when  # expressions.Compiled
        self.then = then
        self.requires = requires
        self.unless = unless
        self.priority = priority
        self.path = path
        self.line = line
        if texts is not None:
            self._texts = texts
            return
        self.title = title
        self.message = message  # lang -> Template
        self.mitigation = mitigation
        self.source = {} if source is None else source  # lang -> text
        # False: internal; True: the message; {lang: Template}: own words
        self.customer = customer

    def __getattr__(self, name):
        # only for an attribute not set: a text of a rule whose texts wait (``texts``);
        # set before the function is let go, so that another thread reading a text
        # meanwhile finds either the texts or the function
        texts = self.__dict__.get("_texts") if name in RULE_TEXTS else None
        if texts is None:
            if name in RULE_TEXTS and name in self.__dict__:  # set meanwhile
                return self.__dict__[name]
            raise AttributeError(f"'Rule' object has no attribute {name!r}")
        given = texts()
        self.title, self.message, self.mitigation = (given["title"], given["message"],
                                                     given["mitigation"])
        self.source = {} if given["source"] is None else given["source"]
        self.customer = given["customer"]
        self.__dict__.pop("_texts", None)
        return getattr(self, name)

    @property
    def risk(self):
        return self.then.get("risk")

    def text(self, what, lang):
        values = getattr(self, what)
        return values.get(lang) or values.get("en") or next(iter(values.values()), "")


class RulePack:
    """The merged rules of one or more pack files, plus their settings."""

    def __init__(self, rules: list, settings: dict, packs: list,
                 catalogue: object = None, disabled: dict | None = None,
                 shipped: frozenset = frozenset(),
                 given_settings: frozenset = frozenset(),
                 shipped_catalogue: object = None,
                 evidence_at: dict | None = None,
                 evidence_conditions: dict | None = None,
                 basis: dict | None = None) -> None:
        self.rules = rules
        # pack id -> {lang: text}: where each pack says its numbers come from (pack.basis)
        self.basis = basis or {}
        # an MRL evidence row's when -> its condition compiled when the pack loaded
        self.evidence_conditions = evidence_conditions or {}
        # MRL thread -> [(path, line, row)]: where each evidence row in force is written
        self.evidence_at = evidence_at or {}
        # the ids of the rules as the shipped default pack writes them (not overridden):
        # their hours are the default pack's judgement, not the shop's own figures
        self.shipped = shipped
        # the settings a pack other than the shipped default sets ("lead_time.
        # transport_days", "costing.cam_h"): the shop's own figures, not the default's
        self.given_settings = given_settings
        # the shipped catalogue the merged one started from (None: not known): an entry
        # taken from it is the default's figure, one a shop's pack wrote is the shop's
        self.shipped_catalogue = shipped_catalogue
        # id -> (pack id, path, line) of the disable: that switched off a rule now gone
        self.disabled = disabled or {}
        self.settings = settings
        self.packs = packs  # [{id, version, path, digest}]
        self.catalogue = catalogue  # catalogue.Catalogue: processes, materials, ... merged

    def disabled_by(self, rule_id) -> str | None:
        """``own-shop (rules/own.yaml:6)`` for a rule a pack disabled, else None."""
        found = self.disabled.get(rule_id)
        return None if found is None else f"{found[0]} ({found[1]}:{found[2]})"

    def rule(self, rule_id):
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        return None

    @property
    def digest(self):
        return digest([p["digest"] for p in self.packs])

    def evidence_reads(self):
        """(thread, path, line, row, [(scope, field)]) of each MRL evidence row in force:
        the fields its ``needs`` names and its ``when`` reads, in that order, each once."""
        for thread, rows in sorted(self.evidence_at.items()):
            for path, line, row in rows:
                named = [tuple(need.split(".", 1)) if "." in need else (need, "")
                         for need in row.get("needs") or ()]
                compiled = self.evidence_conditions.get(row.get("when"))
                if compiled is not None:  # compiled when the pack loaded (E130 if not)
                    named += sorted(compiled.fields)
                yield thread, path, line, row, list(dict.fromkeys(named))


def _texts(value):
    if value is None:
        return {}
    if isinstance(value, str):
        return {lang: value for lang in LANGS}
    return dict(value)


def compile_rule(raw, path, line, col=1):
    """A rule from its loaded mapping; raises the first problem of the pack checks
    (``pack_checks``: a flag set per candidate, a condition that does not compile)."""
    from producibility.model.pack_checks import RuleSource, candidate_flag_problem, compile_when
    rule = RuleSource(raw, path, line, col)
    scopes = SCOPE_NAMES[raw["scope"]]
    problem = candidate_flag_problem(rule)
    if problem is None:
        when, problem = compile_when(rule, scopes, invariant=INVARIANT.get(raw["scope"]))
    if problem is not None:
        raise problem.error()
    # messages are compiled on first use (lazy), but checked now (E133): a pack whose
    # message does not compile is refused, never shown to a customer with its error
    messages = _templates(rule, "message", scopes)
    then = {k: (dict(v) if isinstance(v, dict) else v) for k, v in raw["then"].items()}
    customer = raw.get("customer")
    if customer is not None and not isinstance(customer, bool):
        customer = _templates(rule, "customer", scopes)
    return Rule(
        id=raw["id"], thread=raw["thread"], title=_texts(raw["title"]), scope=raw["scope"],
        when=when, then=then, message=messages, mitigation=_texts(raw.get("mitigation")),
        requires=tuple(raw.get("requires", ())), unless=tuple(raw.get("unless", ())),
        priority=int(raw.get("priority", 0)), source=_texts(raw.get("source")),
        path=path, line=line, customer=customer,
    )


def _templates(rule, entry, scopes):
    """lang -> the lazy :class:`Template` of a rule's message or customer wording, each
    text checked (``Template.check``); raises the first that does not compile as lint's
    E133 (one text given for every language is checked, and named, once as ``en``)."""
    value = rule.raw[entry]
    written = value if isinstance(value, dict) else {"en": value}
    templates = {}
    for lang, text in written.items():
        template = Template(text, scopes, lazy=True)
        try:
            template.check()
        except ExpressionError as exc:
            raise rule.problem("E133", rule.at(entry), "template", entry=entry, language=lang,
                               problem=exc).error() from None
        templates[lang] = template
    if not isinstance(value, dict):
        return {lang: templates["en"] for lang in LANGS}
    return templates


def pack_files(source):
    """The YAML files of a pack: a file, or a directory's *.yaml in name order."""
    p = Path(source)
    if p.is_dir():
        files = sorted(x for x in p.iterdir()
                       if x.suffix in (".yaml", ".yml") and not x.name.startswith("."))
        if not files and not catalogue_files(p):
            # a pack of catalogue entries alone (its catalogue/ folder) is a pack
            raise InputError.said(Wording("inputs", "no_rule_files"), str(p))
        return files
    return [p]


def _merge_settings(base, extra):
    """``base`` with a later pack's ``settings:`` over it, mapping by mapping: a shop
    that sets one process's CAM hours (``costing: {cam_h: {milling_3axis: 2}}``) keeps the
    shipped hours of the others (the whole table was replaced: laser CAM went from 0.25 h
    to the table's fallback); a list or a number replaces what it sets."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge_settings(out[key], value)
        else:
            out[key] = value
    return out


def load_packs(sources: Iterable[str | Path] | None = None,
               include_default: bool = True) -> RulePack:
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
    # The merged pack as the last load without problems of these exact files left it
    # (pack_record: one JSON record, ~45 % of a warm check's work beyond the imports)
    record_key = pack_record.key(sources, include_default, default_pack_dir(),
                                 default_questionnaire_path())
    with gc_paused():
        pack = pack_record.read(record_key, sources)
        if pack is not None:
            return pack
        rules, where, settings, packs = {}, {}, dict(DEFAULT_SETTINGS), []
        errors = []
        # A pack's own processes are checked against the questionnaire's part questions.
        load_questionnaire_unbound()
        pack = _load_packs(sources, rules, where, settings, packs, errors, include_default)
        pack_record.write(record_key, pack, sources)
        return pack


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
    # the pack checks load with the files they check: a pack from its record needs none
    from producibility.model.pack_checks import (document_problem, removed_setter_problems,
                                                 unset_flag_problems)
    defined_flags = set()
    written = {}  # rule id -> RuleSource: each loaded rule as written, for the flag check
    removals = []  # disables and overrides that took a flag's setter away (E137)
    disabled = {}  # id -> (pack id, path, line) of the disable that removed it
    catalogue = CatalogueBuilder()
    if not include_default:
        # without the default rules the shop's vocabulary stays: packs extend it
        catalogue.start_from(default_catalogue_files()[0])
    shipped, given_settings = set(), set()
    evidence_at = {}  # MRL thread -> [(path, line, row)] of the evidence table in force
    evidence_conditions = {}  # an evidence row's when -> Compiled (report/mrl.py reads it)
    basis = {}  # pack id -> {lang: text} of its pack.basis
    for source in sources:
        meta = {"id": Path(source).stem, "version": "0.0.0", "path": str(source)}
        # the shipped pack, however it came in (a caller that loads without the default
        # may name its directory, as `rules show` does): its settings and rules are the
        # default's, not the shop's own figures
        default = Path(source).resolve() == Path(default_pack_dir()).resolve()
        digests = []
        extra = catalogue_files(source)
        if extra and default:
            # the shipped catalogue is read once per process (the questionnaire needs it too)
            base, blobs = default_catalogue_files()
            if catalogue.base is None and catalogue.empty:
                catalogue.start_from(base)
            if catalogue.base is base:
                digests += [bytes_digest(b) for b in blobs]
                extra = []
        loaded = []
        in_pack = {}  # id -> (path, line) of this pack's rules: one id, one rule in a pack
        catalogue.start_pack()  # and one entry (the catalogue's own in_pack)
        catalogues = len(extra)
        for n, file in enumerate(extra + pack_files(source)):
            path = str(file)
            document, data = yamlio.load_with_bytes(file)
            if document is None and n < catalogues:
                continue
            problem = document_problem(document, path)
            if problem is not None:
                raise problem.error()
            schemas.check_file(document, data, "rules", path)
            digests.append(bytes_digest(data))
            loaded.append((path, document))
        # The parsed conditions and messages of this pack, remembered from the last run
        # under the digest of its files' bytes (so the same pack anywhere, or shipped
        # prebuilt, is the same record); a condition is found by its exact text.
        with expressions.parsed_trees(expressions.trees_key(TREES_FORM,
                                                            "\n".join(digests).encode())):
            for path, document in loaded:
                if not default:
                    given_settings |= setting_keys(document.get("settings"))
                before = dict(rules)
                errors += _evidence_rows(document, path, evidence_at, evidence_conditions)
                settings = _add_document(document, path, meta, settings, catalogue, rules,
                                         where, written, defined_flags, errors, removals,
                                         disabled, in_pack)
                for rid, rule in rules.items():
                    if before.get(rid) is not rule:  # written (or overridden) here
                        (shipped.add if default else shipped.discard)(rid)
        meta["digest"] = digest(digests)
        packs += _named_packs(meta, loaded, digests)
        for path, document in loaded:
            header = document.get("pack") or {}
            if header.get("basis"):
                basis[header["id"]] = _texts(header["basis"])
    # E132: flags no rule of the loaded packs sets, counting rules a later pack disabled
    # or overrode (a typo); E137: flags whose setters a disable or override took away,
    # while a remaining rule still reads them (it could never fire, or never be held back).
    setters = {r.then["flag"] for r in rules.values() if r.then.get("flag")} | defined_flags
    in_order = sorted(written.values(), key=lambda r: (r.path, r.line))
    errors += [p.error() for p in unset_flag_problems(in_order, setters)]
    errors += [p.error() for p in removed_setter_problems(in_order, removals)]
    try:
        merged = catalogue.finish()
    except InputErrors as exc:
        errors = exc.errors + errors
    if errors:
        # in file, line order, as `rules lint` lists them: the checks find them kind by
        # kind (a rule that does not compile before a flag no rule sets), not in order
        raise InputErrors(sorted(errors, key=lambda e: (str(e.path or ""), e.line or 0)))
    ordered = sorted(rules.values(), key=lambda r: r.id)
    disabled = {rid: found for rid, found in disabled.items() if rid not in rules}
    return RulePack(rules=ordered, settings=settings, packs=packs, catalogue=merged,
                    disabled=disabled, shipped=frozenset(shipped & set(rules)),
                    given_settings=frozenset(given_settings), shipped_catalogue=catalogue.base,
                    evidence_at=evidence_at, evidence_conditions=evidence_conditions,
                    basis=basis)


def _evidence_rows(document, path, evidence_at, conditions):
    """The MRL evidence rows a pack file writes (``settings.mrl.evidence``), each with its
    line (a later pack's table for a thread replaces the earlier one, as the settings
    merge does), and E130 for a row's ``when`` that does not compile."""
    from producibility.model.pack_checks import item_position, message, position
    tables = ((document.get("settings") or {}).get("mrl") or {}).get("evidence") or {}
    problems = []
    for thread, rows in tables.items():
        evidence_at[thread] = placed = []
        for i, row in enumerate(rows):
            line = item_position(rows, i)[0]
            placed.append((path, line, row))
            when = row.get("when")
            if when is None:
                continue
            try:
                conditions[when] = expressions.compile_condition(when, EVIDENCE_SCOPES)
            except ExpressionError as exc:
                at = position(row, "when")[0] if "when" in getattr(row, "positions", {}) \
                    else line
                problems.append(InputError(message(
                    "evidence_when", thread=thread, level=row.get("level"), problem=exc),
                    path, at))
    return problems


def setting_keys(settings, prefix: str = "") -> set:
    """The settings a pack's ``settings:`` sets, each by its dotted path to a value
    ("lead_time.transport_days", "costing.cam_h.milling_3axis")."""
    if not isinstance(settings, dict):
        return {prefix} if prefix else set()
    keys = set()
    for key, value in settings.items():
        keys |= setting_keys(value, f"{prefix}.{key}" if prefix else str(key))
    return keys


def _named_packs(meta, loaded, digests):
    """The packs one source holds, as the inputs name them: one {id, version, path,
    digest} (its files' digests together), or, for a directory whose files name several
    packs (``pack:``), one per pack id in file order with the digest of its own files (a
    file naming none counts with the first; so do the shipped catalogue's blobs)."""
    headers = {}
    for path, document in loaded:
        header = document.get("pack")
        if header:
            headers.setdefault(header["id"], header["version"])
    if len(headers) < 2:
        return [meta]
    own = {pack_id: [] for pack_id in headers}
    first = next(iter(headers))
    extra = len(digests) - len(loaded)  # digests not of a loaded file come first
    own[first] += digests[:extra]
    for (path, document), file_digest in zip(loaded, digests[extra:]):
        header = document.get("pack")
        own[header["id"] if header else first].append(file_digest)
    return [{"id": pack_id, "version": version, "path": meta["path"],
             "digest": digest(own[pack_id])} for pack_id, version in headers.items()]


def _add_document(document, path, meta, settings, catalogue, rules, where, written,
                  defined_flags, errors, removals, disabled=None, in_pack=None):
    """One checked pack file merged in: its settings (returned), vocabulary, disables and
    rules (compiled; problems appended to ``errors``)."""
    from producibility.model.pack_checks import (RuleSource, disable_problems, id_problem,
                                                 item_position, removal)
    if "pack" in document:
        meta.update(id=document["pack"]["id"], version=document["pack"]["version"])
    if "settings" in document:
        settings = _merge_settings(settings, document["settings"])
    catalogue.add(document, path)
    errors += [p.error() for p in disable_problems(document, path, rules)]
    disabled_ids = document.get("disable", [])
    for i, rule_id in enumerate(disabled_ids):
        if rules.pop(rule_id, None) is not None and disabled is not None:
            disabled[rule_id] = (meta["id"], path, item_position(disabled_ids, i)[0])
        gone = removal("disable", written.pop(rule_id, None), None, path,
                       item_position(disabled_ids, i))
        if gone is not None:
            removals.append(gone)
    local = {}
    items = document.get("rules", [])
    for i, raw in enumerate(items):
        line, col = item_position(items, i)
        rule = RuleSource(raw, path, line, col)
        problem = id_problem(rule, local, where, in_pack=in_pack)
        local.setdefault(raw["id"], line)
        if problem is not None:
            errors.append(problem.error())
            continue
        if isinstance(raw["then"].get("flag"), str):
            defined_flags.add(raw["then"]["flag"])
        try:
            rules[raw["id"]] = compile_rule(raw, path, line, col)
            earlier = written.get(raw["id"])
            gone = earlier and removal("override", earlier, rule, path,
                                       rule.at("override", value=False))
            if gone:
                removals.append(gone)
            written[raw["id"]] = rule
        except InputError as exc:
            errors.append(exc)
        where[raw["id"]] = (path, line)
        if in_pack is not None:
            in_pack[raw["id"]] = (path, line)
    return settings
