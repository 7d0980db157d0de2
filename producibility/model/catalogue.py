"""The shop as data: processes, materials, certifications and treatments.

The catalogues are pack data (``rules/catalogue/*.yaml`` in the default pack,
top-level ``processes:``, ``materials:``, ... in any pack file).  A later pack
adds entries, or replaces one with ``override: true``, as it does rules.  The
merged catalogue is what the questionnaire's choices, the request schema, the
equipment check, the fit (fit.py), intake and lint read.
"""

import functools
import re
from pathlib import Path

from producibility.inputs import schema as schemas
from producibility.inputs import yamlio
from producibility.errors import InputError, InputErrors, Said, Wording

KINDS = ("processes", "materials", "certifications", "treatments")
# Part fields the engine derives (infer.DERIVED_FIELDS) that a check may read.
DERIVED_PART_FIELDS = ("pieces", "max_dimension_mm", "material_family")
#: Part fields read from the catalogue entry of the part's material: field -> (the
#: entry's key, the type it has).  The engine derives them for rules
#: (``engine.infer.derive``); a question's ``ask_if`` reads them from the answers so far
#: (``model.relevance``): the temper is asked of every aluminium, a shop's own 7020 too.
MATERIAL_FIELDS = {"material_family": ("family", str),
                   "material_heat_treatable": ("heat_treatable", bool),
                   "material_medical_grade": ("medical_grade", bool)}
#: The :data:`MATERIAL_FIELDS` a known material's entry may leave out and that then have
#: a value: a grade is a medical grade only where its entry says so (a steel's
#: heat_treatable, left out, stays unknown).
MATERIAL_DEFAULTS = {"material_medical_grade": False}
#: Part fields read from the catalogue entries of the part's treatments (its
#: ``surface_treatment``): field -> what it is.  The engine derives them for rules
#: (``engine.infer.derive``): PRC-011 (hardening distorts) holds for every treatment of
#: kind heat, a shop's own induction hardening too, and DFM-016 (a coating's build-up on
#: a tight size) for every coating whose ``build_up_um`` the catalogue gives.
TREATMENT_FIELDS = ("treatment_kinds", "coating_build_up_um")
CATALOGUE_DIR = "catalogue"

#: The symbols of a steel's delivery condition that a drawing writes after its name
#: with a plus (EN 10027-1:2016 table 17, and EN 10277 and EN 10088-3 for bright bar):
#: +A annealed, +AC spheroidised, +AR as rolled, +AT solution annealed, +C cold drawn,
#: +CR cold rolled, +N normalised, +QT quenched and tempered, +SH peeled, +SR stress
#: relieved, +U untreated.  "C45+C" and "1.4305+AT" name the grade (C45, 303) as bought
#: in that condition: the grade is what the screening reads.
DELIVERY_CONDITIONS = frozenset({"a", "ac", "ar", "at", "c", "cr", "n", "qt", "sh", "sr",
                                 "u"})
_CONDITION = re.compile(r"^\s*(?P<grade>.+?)\s*\+\s*(?P<condition>[A-Za-z]{1,2})\s*$")

_FOLD = re.compile(r"[\s_\-./]+")


def fold(name):
    """How an alias is matched: no case, spaces, dashes, dots, slashes or underscores."""
    return _FOLD.sub("", str(name).lower())


class Catalogue:
    """Merged catalogue entries by kind, in definition order, with their file:line."""

    def __init__(self, entries: dict | None = None, where: dict | None = None) -> None:
        self.entries = {k: {} for k in KINDS} if entries is None else entries
        self.where = {} if where is None else where  # (kind, id) -> (path, line)
        self._index, self._read_as = None, {}

    # ---- names
    def ids(self, kind):
        return list(self.entries[kind])

    def get(self, kind, entry_id):
        return self.entries[kind].get(entry_id)

    def name(self, kind, entry_id, lang="en"):
        entry = self.entries[kind].get(entry_id)
        if entry is None:
            return str(entry_id)
        return entry["name"].get(lang) or entry["name"].get("en") or entry_id

    def names(self, kind):
        """{id: {lang: name}}, the questionnaire's choice texts."""
        return {i: dict(e["name"]) for i, e in self.entries[kind].items()}

    @property
    def index(self):
        """kind -> {folded id, alias or read_as name: id}."""
        if self._index is None:
            self._index, self._read_as = {}, {}
            for kind in KINDS:
                table, near = {}, {}
                for entry_id, entry in self.entries[kind].items():
                    for name in [entry_id] + list(entry.get("aliases", ())):
                        table.setdefault(fold(name), entry_id)
                    for name in entry.get("read_as", ()):
                        table.setdefault(fold(name), entry_id)
                        near.setdefault(fold(name), entry_id)
                self._index[kind], self._read_as[kind] = table, near
        return self._index

    def read_as(self, kind, value):
        """The id a name of a neighbouring grade is read as (an entry's ``read_as``:
        '316' for 316L), or None for an id, an alias or an unknown name."""
        if value in self.entries[kind] or not isinstance(value, (str, int, float)) or \
                isinstance(value, bool):
            return None
        self.index  # noqa: B018 - builds the read_as index with the other
        return self._read_as[kind].get(fold(value))

    def resolve(self, kind, value):
        """The catalogue id a name stands for (an id or an alias), or None."""
        if value in self.entries[kind]:
            return value
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return None
        found = self.index[kind].get(fold(value))
        if found is None and kind == "materials" and isinstance(value, str):
            # the grade with its delivery condition: "11SMnPb30+C", "1.4305+AT"
            written = _CONDITION.match(value)
            if written and written.group("condition").lower() in DELIVERY_CONDITIONS:
                found = self.index[kind].get(fold(written.group("grade")))
        return found

    def material_facts(self, material) -> dict:
        """The :data:`MATERIAL_FIELDS` of a material (an id or an alias) from its entry:
        {"material_family": "aluminium", "material_heat_treatable": False} for 5754;
        {} for a material the catalogue does not know (or none), and a field the entry
        lacks (a steel's heat_treatable) is left out."""
        found = self.resolve("materials", material) if material is not None else None
        entry = self.entries["materials"].get(found) if found is not None else None
        if not entry:
            return {}
        out = {field: entry[key] for field, (key, kind) in MATERIAL_FIELDS.items()
               if isinstance(entry.get(key), kind)}
        for field, value in MATERIAL_DEFAULTS.items():
            out.setdefault(field, value)
        return out

    def treatment_facts(self, treatments) -> dict:
        """The :data:`TREATMENT_FIELDS` of a part's treatments (ids or aliases):
        ``treatment_kinds``, the catalogue kinds of those the catalogue knows (coating,
        heat, cleaning, marking), and ``coating_build_up_um``, the largest layer a coating
        applied after the measuring (stage ``last``) builds up on a face, the upper end of
        its ``build_up_um`` (0 where none states one): {"treatment_kinds": ["coating"],
        "coating_build_up_um": 25} for electroless nickel; {} for no list."""
        if not isinstance(treatments, (list, tuple)):
            return {}
        kinds, build_up = [], 0.0
        for name in treatments:
            found = self.resolve("treatments", name)
            entry = self.entries["treatments"].get(found) if found is not None else None
            if not entry:
                continue
            if entry.get("kind") and entry["kind"] not in kinds:
                kinds.append(entry["kind"])
            layer = entry.get("build_up_um")
            if layer and entry.get("stage", "last") == "last":
                build_up = max(build_up, float(layer[-1]))
        return {"treatment_kinds": sorted(kinds),
                "coating_build_up_um": int(build_up) if build_up.is_integer() else build_up}

    def suggest(self, kind, value, among=None):
        """A did-you-mean hint through ids and aliases ('' when nothing is close)."""
        import difflib

        table = dict(self.index[kind])
        # the entry's names in every language, and their words, are names a person
        # writes too ('constructiestaal' for constructiestaal S235): for a suggestion
        # only, as an alias is not (two grades share a name's words)
        words = {}
        for entry_id, entry in self.entries[kind].items():
            for name in (entry.get("name") or {}).values():
                table.setdefault(fold(name), entry_id)
                for word in re.split(r"[\s(),/]+", str(name)):
                    if len(fold(word)) >= 3:
                        words.setdefault(fold(word), set()).add(entry_id)
        if among is not None:
            table = {k: v for k, v in table.items() if v in among}
            words = {k: v & set(among) for k, v in words.items()}
        folded = fold(value)
        # a name cut short ('en1090' for en_1090_exc2, 'aluminium') is the start of the
        # entries' own names, or a word of them ('staal' ends 'constructiestaal'): those
        # entries, all of them, before the closest spelling (which for 'en1090' is
        # as9100's alias 'en9100')
        started = {v for k, v in table.items() if len(folded) >= 3 and k.startswith(folded)}
        if not started and len(folded) >= 4:
            started = {i for word, ids in words.items()
                       if word.startswith(folded) or word.endswith(folded) for i in ids}
        started = sorted(started)
        if len(started) == 1:
            return Said.of(Wording("validate", "dym", word=started[0]))
        if len(started) == 2:
            return Said.of(Wording("validate", "dym_two", word=started[0], other=started[1]))
        if started:
            return Said.of(Wording("validate", "dym_many", words=", ".join(
                f"'{i}'" for i in started[:8]) + (", ..." if len(started) > 8 else "")))
        close = difflib.get_close_matches(folded, list(table), n=1, cutoff=0.6)
        if not close:
            return ""
        return Said.of(Wording("validate", "dym", word=table[close[0]]))

    def wrong_treatment(self, treatment, material_id):
        """The treatment's material families when they leave out the material's family
        (anodising is for aluminium, not for stainless 304), else None: also when the
        treatment, the material or either's families are unknown (nothing to say)."""
        entry = self.get("treatments", treatment)
        material = self.get("materials", material_id) if material_id else None
        families = (entry or {}).get("families")
        if families and material and material.get("family") and \
                material["family"] not in families:
            return families
        return None

    def finishing(self, process):
        """Whether ``process`` is a finishing operation (kind ``finishing``, or
        ``finishes: true``: grinding, EDM), which a treatment of stage
        ``before_finishing`` comes before."""
        entry = self.get("processes", process) or {}
        return bool(entry.get("finishes") or entry.get("kind") == "finishing")

    def stage(self, treatment):
        """Where ``treatment`` comes in a part's routing (its catalogue entry's ``stage``):
        ``before_finishing`` (hardening: before the finishing operations and the
        measuring) or ``last`` (a coating: after the measuring; where the entry says
        none, or there is no entry)."""
        entry = self.get("treatments", treatment) or {}
        return entry.get("stage") or "last"

    def routing(self, processes, treatments):
        """The one order of a part's work that the lead time's chain, its machine booking
        and its measuring follow: ``processes`` (its operations, in routing order) with
        each of ``treatments`` of stage ``before_finishing`` before the first finishing
        operation (:meth:`finishing`), after the last operation where there is none:
        ``(before, after)``, ``before`` the processes and those treatments in order
        (("process" or "treatment", id) each), ``after`` the treatments of stage
        ``last``, which come after the measuring, in their order."""
        processes, before, after = list(processes), [], []
        for treatment in treatments:
            (before if self.stage(treatment) == "before_finishing" else after).append(
                treatment)
        at = next((i for i, p in enumerate(processes) if self.finishing(p)),
                  len(processes))
        ordered = [("process", p) for p in processes[:at]] + \
            [("treatment", t) for t in before] + [("process", p) for p in processes[at:]]
        return ordered, after

    def held_certifications(self):
        return [i for i, e in self.entries["certifications"].items() if e.get("held", True)]

    def asked_certifications(self):
        return [i for i, e in self.entries["certifications"].items() if e.get("asked", True)]

    # ---- machine fields the processes declare
    @functools.cached_property
    def machine_fields(self):
        """machine field -> (check kind, [processes that read it])."""
        out = {}
        for pid, process in self.entries["processes"].items():
            for check in process.get("checks", ()):
                kind, users = out.setdefault(check["machine"], (check["kind"], []))
                users.append(pid)
        return out

    def required_machine_fields(self, process_id):
        process = self.entries["processes"].get(process_id) or {}
        return [c["machine"] for c in process.get("checks", ())
                if not c.get("machine_optional")]

    @functools.cached_property
    def digest(self):
        from producibility.inputs.digests import digest
        return digest({k: self.entries[k] for k in KINDS})


def catalogue_files(source):
    """The catalogue files of a pack directory (its ``catalogue/`` folder)."""
    p = Path(source) / CATALOGUE_DIR
    if not p.is_dir():
        return []
    return sorted(x for x in p.iterdir()
                  if x.suffix in (".yaml", ".yml") and not x.name.startswith("."))


def _plain(value):
    """A plain copy of loaded YAML (no line-aware containers) for the fit's hot path."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _entry(raw):
    """A catalogue entry as it is kept: plain, names per language, aliases as texts."""
    entry = _plain(raw)
    entry.pop("override", None)
    entry["name"] = _names(entry["name"])
    entry["aliases"] = [str(a) for a in entry.get("aliases", ())]
    if "read_as" in entry:
        entry["read_as"] = [str(a) for a in entry["read_as"]]
    return entry


class CatalogueBuilder:
    """Merges catalogue entries file by file, collecting errors with file:line."""

    def __init__(self):
        self.catalogue = Catalogue()
        self.errors = []
        self.base = None  # a finished catalogue taken over whole (the default pack's)
        self.changed = False
        self.in_pack = {}  # (kind, id) -> (path, line) in the pack being read

    def start_pack(self):
        """The files added from now on are another pack's: within one pack an id names
        one entry (as it names one rule: ``pack_checks.id_problem``), with ``override:
        true`` or without, since which file won would depend on the files' names."""
        self.in_pack = {}

    def start_from(self, catalogue):
        """Begin with a finished catalogue: its entries, without reading its files again."""
        self.base = catalogue
        for kind in KINDS:
            self.catalogue.entries[kind].update(catalogue.entries[kind])
        self.catalogue.where.update(catalogue.where)

    @property
    def empty(self):
        return not any(self.catalogue.entries[k] for k in KINDS)

    def add(self, document, path):
        for kind in KINDS:
            local = {}
            for i, raw in enumerate(document.get(kind) or ()):
                line = yamlio.line_of(document, [kind, i])
                entry_id = raw["id"]
                known = self.catalogue.entries[kind]
                if entry_id in local:
                    self.errors.append(InputError.said(Wording(
                        "inputs", "entry_twice", what=Wording("inputs", f"kind_{kind}"),
                        id=entry_id, line=local[entry_id]), path, line))
                    continue
                local[entry_id] = line
                if (kind, entry_id) in self.in_pack:
                    first = self.in_pack[(kind, entry_id)]
                    self.errors.append(InputError.said(Wording(
                        "inputs", "entry_in_pack", what=Wording("inputs", f"kind_{kind}"),
                        id=entry_id, where=f"{first[0]}:{first[1]}"), path, line))
                    continue
                if entry_id in known and not raw.get("override"):
                    if _entry(raw) == known[entry_id]:
                        # the same definition again (a copied pack): no conflict
                        self.in_pack[(kind, entry_id)] = (path, line)
                        continue
                    first = self.catalogue.where[(kind, entry_id)]
                    self.errors.append(InputError.said(Wording(
                        "inputs", "entry_defined", what=Wording("inputs", f"kind_{kind}"),
                        id=entry_id, where=f"{first[0]}:{first[1]}"), path, line))
                    continue
                if raw.get("override") and entry_id not in known:
                    self.errors.append(InputError.said(Wording(
                        "inputs", "entry_override_nothing", what=Wording("inputs", f"kind_{kind}"),
                        id=entry_id, hint=self.catalogue.suggest(kind, entry_id)), path, line))
                    continue
                self.changed = True
                entry = _entry(raw)
                for names in ("aliases", "read_as"):
                    if raw.get("override") and names not in raw and \
                            known[entry_id].get(names):
                        # an override that changes a price keeps the names customers
                        # write ("6082-T6", "AW-6082", "316"): without them every such
                        # enquiry read CONDITIONAL, with a did-you-mean of another alloy
                        entry[names] = list(known[entry_id][names])
                if kind == "processes":
                    self._check_process(entry, raw, path, line)
                known[entry_id] = entry
                self.catalogue.where[(kind, entry_id)] = (path, line)
                self.in_pack[(kind, entry_id)] = (path, line)

    def _check_process(self, entry, raw, path, line):
        from producibility.conditions.expressions import ExpressionError, compile_condition
        from producibility.model.questionnaire import load_questionnaire_unbound

        part_fields = set(load_questionnaire_unbound().fields("part")) | set(DERIVED_PART_FIELDS)
        for field_name in entry.get("needs", ()):
            if field_name not in part_fields:
                self.errors.append(InputError.said(Wording(
                    "inputs", "process_needs", process=entry["id"], field=field_name,
                    hint=schemas.did_you_mean(field_name, sorted(part_fields))), path, line))
        for j, check in enumerate(entry.get("checks", ())):
            where = yamlio.line_of(raw, ["checks", j]) or line
            if "part" in check and check["part"] not in part_fields:
                self.errors.append(InputError.said(Wording(
                    "inputs", "process_check_field", process=entry["id"], field=check["part"],
                    hint=schemas.did_you_mean(check["part"], sorted(part_fields))), path, where))
            if "expr" in check:
                try:
                    compiled = compile_condition(check["expr"], ("part",))
                except ExpressionError as exc:
                    self.errors.append(InputError.said(Wording(
                        "inputs", "process_check_expr", process=entry["id"], problem=str(exc)),
                        path, where))
                else:
                    for _, name in compiled.fields:
                        if name not in part_fields:
                            self.errors.append(InputError.said(Wording(
                                "inputs", "process_expr_field", process=entry["id"], field=name,
                                hint=schemas.did_you_mean(name, sorted(part_fields))),
                                path, where))
            labels = check["label"]
            for lang, label in labels.items():
                if check["kind"] == "envelope" and not isinstance(label, list):
                    self.errors.append(InputError.said(Wording(
                        "inputs", "process_envelope_label", process=entry["id"], lang=lang),
                        path, where))
                if check["kind"] != "envelope" and isinstance(label, list):
                    self.errors.append(InputError.said(Wording(
                        "inputs", "process_label", process=entry["id"], lang=lang,
                        kind=check["kind"]), path, where))
            if check["kind"] in ("envelope", "per_material") and "expr" in check:
                self.errors.append(InputError.said(Wording(
                    "inputs", "process_check_kind", process=entry["id"], kind=check["kind"]),
                    path, where))

    def finish(self):
        if self.base is not None and not self.changed and not self.errors:
            return self.base  # the same object: what was bound to it stays bound
        # two catalogue entries must not share an alias: the name would be ambiguous
        for kind in KINDS:
            owner = {}
            for entry_id, entry in self.catalogue.entries[kind].items():
                for name in [entry_id] + entry["aliases"] + entry.get("read_as", []):
                    key = fold(name)
                    other = owner.setdefault(key, entry_id)
                    if other != entry_id:
                        path, line = self.catalogue.where[(kind, entry_id)]
                        self.errors.append(InputError.said(Wording(
                            "inputs", "entry_name_shared", what=Wording("inputs", f"kind_{kind}"),
                            id=entry_id, name=name, other=other), path, line))
        kinds = {}
        for entry_id, process in self.catalogue.entries["processes"].items():
            for check in process.get("checks", ()):
                first = kinds.setdefault(check["machine"], (check["kind"], entry_id))
                if _field_type(first[0]) != _field_type(check["kind"]):
                    path, line = self.catalogue.where[("processes", entry_id)]
                    self.errors.append(InputError.said(Wording(
                        "inputs", "process_field_types", process=entry_id,
                        field=check["machine"], other=first[1],
                        here=Wording("inputs", _field_key(check["kind"])),
                        there=Wording("inputs", _field_key(first[0]))), path, line))
        processes = self.catalogue.entries["processes"]
        for entry_id, process in processes.items():
            for finish in process.get("finished_by") or ():
                target = processes.get(finish)
                if target is None or not (target.get("finishes") or
                                          target.get("kind") == "finishing"):
                    path, line = self.catalogue.where[("processes", entry_id)]
                    why = (Wording("inputs", "no_process",
                                   hint=schemas.did_you_mean(finish, sorted(processes)))
                           if target is None else Wording("inputs", "not_finishing"))
                    self.errors.append(InputError.said(Wording(
                        "inputs", "process_finished_by", process=entry_id, finish=finish,
                        why=why), path, line))
        if self.errors:
            raise InputErrors(self.errors)
        return self.catalogue


def _names(value):
    if isinstance(value, str):
        return {"en": value, "nl": value}
    return dict(value)


def _field_type(kind):
    return {"envelope": "list of sides", "per_material": "map of material to limit"}.get(
        kind, "number")


def _field_key(kind):
    """The inputs locale's key of a machine field's type (see _field_type)."""
    return "field_" + _field_type(kind).replace(" ", "_")


COMPILED = "compiled.json"  # the default catalogue, generated by producibility.authoring.docs


@functools.lru_cache(maxsize=4)
def _default(path_str):
    files = catalogue_files(path_str)
    blobs = [f.read_bytes() for f in files]
    compiled = _compiled(path_str, files, blobs)
    if compiled is not None:
        return compiled, tuple(blobs)
    builder = CatalogueBuilder()
    for file in files:
        document, data = yamlio.load_with_bytes(file)
        if document is None:
            continue
        schemas.check_file(document, data, "rules", str(file))
        builder.add(document, str(file))
    return builder.finish(), tuple(blobs)


def _sources(files, blobs):
    import hashlib

    return {f.name: hashlib.sha256(b).hexdigest() for f, b in zip(files, blobs)}


def _compiled(path_str, files, blobs):
    """The shipped catalogue from its generated JSON, when that was generated from
    exactly these YAML files (a third of a screening's start-up goes to reading
    YAML); else None, and the YAML is read and checked as usual."""
    import json

    target = Path(path_str) / CATALOGUE_DIR / COMPILED
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("sources") != _sources(files, blobs):
        return None
    catalogue = Catalogue()
    folder = Path(path_str) / CATALOGUE_DIR
    for kind in KINDS:
        for entry_id, entry in data["entries"][kind].items():
            catalogue.entries[kind][entry_id] = entry
            name, line = data["where"][kind][entry_id]
            catalogue.where[(kind, entry_id)] = (str(folder / name), line)
    return catalogue


def compiled_json(path_str=None):
    """The text of the generated ``rules/catalogue/compiled.json`` (see producibility.authoring.docs)."""
    import json

    from producibility.model.defaults import default_pack_dir

    path_str = path_str or str(default_pack_dir())
    files = catalogue_files(path_str)
    blobs = [f.read_bytes() for f in files]
    builder = CatalogueBuilder()
    for file in files:
        document, data = yamlio.load_with_bytes(file)
        schemas.check_file(document, data, "rules", str(file))
        builder.add(document, str(file))
    catalogue = builder.finish()
    where = {kind: {i: [Path(catalogue.where[(kind, i)][0]).name, catalogue.where[(kind, i)][1]]
                    for i in catalogue.entries[kind]} for kind in KINDS}
    return json.dumps({"generated": "python -m producibility.authoring.docs: the catalogue YAML files of "
                                    "this folder, read and checked; do not edit",
                       "sources": _sources(files, blobs), "entries": catalogue.entries,
                       "where": where}, indent=1, ensure_ascii=False) + "\n"


def default_catalogue():
    """The shipped default pack's catalogue (what requests and equipment use without packs)."""
    from producibility.model.defaults import default_pack_dir

    return _default(str(default_pack_dir()))[0]


def default_catalogue_files():
    """(the default catalogue, the bytes of its files): load_packs reuses both."""
    from producibility.model.defaults import default_pack_dir

    return _default(str(default_pack_dir()))


# ----------------------------------------------------------------- equipment
def check_equipment(equipment, catalogue):
    """Check an equipment catalogue against the merged catalogue.

    Unknown processes, materials, certifications and machine fields are errors
    with a did-you-mean through the aliases; an alias is replaced by its id; a
    limit a machine's process needs is asked for by name.  Returns the
    normalised machines, provider and partners; raises InputErrors.
    """
    document = equipment.document if equipment.document is not None else {}
    path = equipment.path or "<equipment>"
    errors = []
    # what names a machine or partner in a message: its id (the file's or the dict's)
    named = {"machines": equipment.machines, "partners": equipment.partners}

    def line(trail):
        return yamlio.line_of(document, trail) if document else None

    def resolve_list(values, kind, trail, among=None, what=None):
        out = []
        for i, value in enumerate(values or ()):
            found = catalogue.resolve(kind, value)
            if found is not None and (among is None or found in among):
                if found not in out:
                    out.append(found)
                continue
            errors.append(_said(Wording(
                "inputs", "unknown_entry", where=_trail_text(trail, named), value=value,
                what=Wording("inputs", what or f"kind_{kind}"),
                hint=catalogue.suggest(kind, value, among)), path, line, trail + [i]))
        return out

    provider = dict(equipment.provider)
    provider["certifications"] = resolve_list(
        provider.get("certifications"), "certifications", ["provider", "certifications"],
        set(catalogue.held_certifications()), "kind_held_certification")
    # provider.execution_class, a derived fact rules may read: the highest EN 1090
    # execution class the shop's certificates state (a higher class covers the lower
    # ones), 'none' without one: a fact, never an open question for the customer (a
    # missing provider field was listed as one, and made the verdict conditional)
    classes = [(catalogue.get("certifications", c) or {}).get("execution_class")
               for c in provider["certifications"]]
    classes = sorted(c for c in classes if isinstance(c, str))
    provider["execution_class"] = classes[-1] if classes else "none"
    provider["stocked_materials"] = resolve_list(
        provider.get("stocked_materials"), "materials", ["provider", "stocked_materials"])
    if isinstance(provider.get("stock_kg"), dict):
        trail = ["provider", "stock_kg"]
        provider["stock_kg"] = _material_map(provider["stock_kg"], catalogue, trail, path,
                                             line, errors)
        for key, value in equipment.provider["stock_kg"].items():
            found = catalogue.resolve("materials", key)
            if found is not None and found not in provider["stocked_materials"]:
                errors.append(_said(Wording(
                    "inputs", "stock_not_stocked", where=_trail_text(trail, named), value=key),
                    path, line, trail + [key]))
    fields = catalogue.machine_fields
    machines = []
    for i, machine in enumerate(equipment.machines):
        trail = ["machines", i]
        machine = dict(machine)
        machine["processes"] = resolve_list(machine["processes"], "processes",
                                            trail + ["processes"])
        before = len(errors)
        machine["materials"] = resolve_list(machine["materials"], "materials",
                                            trail + ["materials"])
        # a material the machine's list names wrongly ('constructiestaal') is said there:
        # its thickness is not said again as one for a material the machine does not run
        materials_said = len(errors) > before
        errors += _limits(machine, machine["processes"], catalogue, fields, trail, path, line,
                          "machine")
        if "max_thickness_mm" in machine and isinstance(machine["max_thickness_mm"], dict):
            machine["max_thickness_mm"] = _material_map(
                machine["max_thickness_mm"], catalogue, trail + ["max_thickness_mm"], path,
                line, errors, named)
            # a thickness for a material the machine does not run is a slip (the machine's
            # materials decide what it takes), as a stock for a material not stocked is
            for key, value in equipment.machines[i]["max_thickness_mm"].items():
                found = catalogue.resolve("materials", key)
                if found is not None and found not in machine["materials"] and \
                        not materials_said:
                    errors.append(_said(Wording(
                        "inputs", "limit_not_run",
                        where=_trail_text(trail + ["max_thickness_mm"], named),
                        value=key, materials=_trail_text(trail + ["materials"], named)),
                        path, line, trail + ["max_thickness_mm", key]))
        machines.append(machine)
    partners = []
    for i, partner in enumerate(equipment.partners):
        trail = ["partners", i]
        partner = dict(partner)
        offered = []
        for j, value in enumerate(partner["processes"]):
            found = catalogue.resolve("processes", value) or catalogue.resolve("treatments", value)
            if found is None:
                hint = catalogue.suggest("processes", value) or \
                    catalogue.suggest("treatments", value)
                errors.append(_said(Wording(
                    "inputs", "unknown_partner_process", i=i, value=value, hint=hint),
                    path, line, trail + ["processes", j]))
            elif found not in offered:
                offered.append(found)
        partner["processes"] = offered
        if partner.get("materials") is not None:
            partner["materials"] = resolve_list(partner["materials"], "materials",
                                                trail + ["materials"])
        limits = dict(partner.get("limits") or {})
        for key in limits:
            if key not in fields:
                errors.append(_said(Wording(
                    "inputs", "unknown_limit", i=i, key=key,
                    hint=schemas.did_you_mean(key, sorted(fields))),
                    path, line, trail + ["limits", key]))
        partner["limits"] = limits
        partners.append(partner)
    if errors:
        raise InputErrors(errors)
    return provider, machines, partners


def _limits(machine, processes, catalogue, fields, trail, path, line, what):
    errors = []
    for key, value in machine.items():
        if key in MACHINE_BASE_FIELDS:
            continue
        if key not in fields:
            errors.append(_said(Wording(
                "inputs", "machine_unknown_field", what=Wording("inputs", f"kind_{what}"),
                id=machine["id"], key=key,
                hint=schemas.did_you_mean(key, sorted(set(fields) | set(MACHINE_BASE_FIELDS)))),
                path, line, trail + [key]))
            continue
        kind = fields[key][0]
        if not _value_fits(kind, value):
            errors.append(_said(Wording(
                "inputs", "machine_field_type", what=Wording("inputs", f"kind_{what}"),
                id=machine["id"], key=key, value=repr(value),
                type=Wording("inputs", _field_key(kind))),
                path, line, trail + [key]))
    for process in processes:
        missing = [k for k in catalogue.required_machine_fields(process) if k not in machine]
        if missing:
            errors.append(_said(Wording(
                "inputs", "machine_missing_fields", what=Wording("inputs", f"kind_{what}"),
                id=machine["id"], process=process,
                missing=_either(dict.fromkeys(missing)),
                needed=", ".join(dict.fromkeys(catalogue.required_machine_fields(process)))),
                path, line, trail))
    return errors


def _said(wording, path, line, trail):
    """A problem of an equipment file at ``trail``, which it keeps (``where``): the
    loader leaves out those about what the schema's problems are about."""
    error = InputError.said(wording, path, line(trail))
    error.where = tuple(trail)
    return error


def _either(names):
    """``a or b`` in every language (a Wording field by language)."""
    from producibility import i18n
    return {lang: i18n.texts("validate", lang)["or"].join(names) for lang in i18n.LANGS}


def _value_fits(kind, value):
    def number(v):
        return isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0

    if kind == "envelope":
        return isinstance(value, list) and 2 <= len(value) <= 3 and all(map(number, value))
    if kind == "per_material":
        return isinstance(value, dict) and all(map(number, value.values()))
    return number(value)


def _material_map(mapping, catalogue, trail, path, line, errors, items=None):
    out, named = {}, {}
    for key, value in mapping.items():
        found = catalogue.resolve("materials", key)
        if found is None:
            errors.append(_said(Wording(
                "inputs", "unknown_entry", where=_trail_text(trail, items), value=key,
                what=Wording("inputs", "kind_materials"),
                hint=catalogue.suggest("materials", key)), path, line, trail + [key]))
        elif found in out:  # an id and its alias: which figure holds?
            errors.append(_said(Wording(
                "inputs", "material_twice", where=_trail_text(trail, items), value=key,
                first=named[found], material=found), path, line, trail + [key]))
        else:
            out[found], named[found] = value, key
    return out


# Machine fields every machine has, whatever its processes (equipment.schema.json).
MACHINE_BASE_FIELDS = ("id", "name", "processes", "materials", "setup_h", "rate_eur_h",
                       "free_h_per_week", "source",
                       # what the run-time models read (no check of the fit's)
                       "spindle_kw", "laser_kw", "bar_index_s", "loading_min",
                       # whose hours the run takes: the operator's, or none
                       "unattended",
                       # what the rules and the turning run time read: a Swiss-type
                       # lathe's guide bush supports the bar at the tool
                       "guide_bush",
                       # what the turning rules and run time read: driven tools for cross
                       # holes and flats, a counter spindle for the cut-off side
                       "live_tooling", "sub_spindle",
                       # what the overtime surcharge reads (the labour in the rate)
                       "labour_share")


# ----------------------------------------------------------------- documentation
def _cell(value):
    return str(value).replace("|", "\\|").replace("\n", " ")


def _check_text(check, lang, words):
    part = check.get("part") or check.get("expr")
    if check.get("of"):
        part = f"{check['of']}({part})"
    text = f"`{part}` {words['signs'][check['kind']]} `{check['machine']}`"
    if check.get("hard") is False:
        text += f" ({words['soft']})"
    return text


def render_markdown(catalogue, lang="en"):
    """The catalogues as Markdown tables in one language (docs/catalogue*.md)."""
    from producibility import i18n
    w = i18n.texts("packdoc", lang)["catalogue"]
    out = [f"# {w['title']}", "", w["intro"], ""]

    def table(title, headers, rows):
        out.extend([f"## {title}", "", "| " + " | ".join(headers) + " |",
                    "|" + "---|" * len(headers)])
        out.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
        out.append("")

    def name(entry):
        return entry["name"].get(lang) or entry["name"]["en"]

    def aliases(entry):
        text = ", ".join(entry.get("aliases", ()))
        if entry.get("read_as"):  # a neighbouring grade, read as this one and said so
            text += ("; " if text else "") + w["read_as"].format(
                names=", ".join(entry["read_as"]))
        return text

    table(w["processes"], [w["id"], w["name"], w["kind"], w["needs"], w["checks"], w["run"],
                           w["aliases"]],
          [(f"`{i}`", name(e), e["kind"], ", ".join(e.get("needs", ())),
            "; ".join(_check_text(c, lang, w) for c in e.get("checks", ())),
            e.get("run_time", {}).get("model", ""), aliases(e))
           for i, e in catalogue.entries["processes"].items()])
    sources = []
    rows = []
    for i, e in catalogue.entries["materials"].items():
        price = e.get("price")
        if price:
            if price["source"] not in sources:
                sources.append(price["source"])
            shown = f"{price['eur_kg']:g} ({price['date']}) [{sources.index(price['source']) + 1}]"
        else:
            shown = ""
        speed = e.get("speed_factor")
        rows.append((f"`{i}`", name(e), e["family"], f"{e['density_kg_m3']:g}", shown,
                     "" if speed is None else f"{speed:g}", e.get("lead_time_days", ""),
                     aliases(e)))
    table(w["materials"], [w["id"], w["name"], w["family"], w["density"], w["price"],
                           w["speed"], w["lead"], w["aliases"]], rows)
    out.extend([f"{w['sources']}:", ""])
    out.extend(f"{n}. {s}" for n, s in enumerate(sources, 1))
    out.append("")
    yes_no = {True: w["yes"], False: w["no"]}
    table(w["certifications"], [w["id"], w["name"], w["asked"], w["held"], w["standard"],
                                w["aliases"]],
          [(f"`{i}`", name(e), yes_no[e.get("asked", True)], yes_no[e.get("held", True)],
            e.get("standard", ""), aliases(e))
           for i, e in catalogue.entries["certifications"].items()])
    table(w["treatments"], [w["id"], w["name"], w["kind"], w["families"], w["lead"],
                            w["stage"], w["standard"], w["aliases"]],
          [(f"`{i}`", name(e), e["kind"], ", ".join(e.get("families", ())),
            e.get("lead_time_days", ""), w["stages"][catalogue.stage(i)],
            e.get("standard", ""), aliases(e))
           for i, e in catalogue.entries["treatments"].items()])
    return "\n".join(out)


def _trail_text(trail, document=None):
    """Where in the file, as the schema's problems say it, in every language (a Wording
    field by language): ``machine 'haas-vf2' processes`` with the file's ``document``,
    else ``machines[0].processes``."""
    from producibility import i18n
    return {lang: schemas._field(trail, lang, document) for lang in i18n.LANGS}
