"""The merged pack's record: what :func:`producibility.model.pack.load_packs` built from
these exact files, kept as JSON so that the next run builds it again without reading
the documents, merging them or checking them.

A warm ``producibility check`` spent about 45 % of its time beyond the import floor on
loading the packs: thawing some 1,800 parsed YAML nodes, merging the files, compiling
160 rules and checking them (flags, ids, messages).  Everything that comes out of that
is plain data (rules' texts, conditions as text with their recorded trees, settings,
the merged catalogue), so it is recorded once, after a load without problems, and
read back as one JSON line; each condition's parsed tree and each rule's texts (title,
message, mitigation, source, customer words: two thirds of the record) are lines of
their own, decoded when first needed (a check reports a few rules of the pack).

The record is found by a key over everything the merge depends on: the form of the
record, producibility's and Jinja2's versions (through :func:`cache.data_key`), the
settings written in code, whether the default pack comes first, each source (the
shipped pack by a marker, so that its record can ship prebuilt; another by the text
it was named by, which the report's inputs show) and each of its files by name and
by the digest of its exact bytes, and the questionnaire's bytes (a pack's processes are
checked against it).  Paths are kept relative to their source, so the same files
anywhere read the same record with their own paths.

Like every cache record it is JSON read by the standard ``json`` module, never
executed, and sealed with an HMAC (:mod:`producibility.inputs.cache`).  A record is
written only when the pack it gives back is the pack just loaded (compared field by
field, types too): a value JSON would change (a date in a setting, a number as a
key) means no record, never a different pack.  A record that does not read back as
one (damaged, another form) is ignored and the files are loaded as before.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from producibility.errors import ProducibilityError
from producibility.inputs import cache
from producibility.inputs.digests import bytes_digest
from producibility.model.records import condition_in, condition_out, fingerprint, line

FORM = "pack-merged-4"  # a new layout is a new form: records of another are not read


def key(sources, include_default, default_dir, questionnaire_path):
    """The record's key for these sources, or None when a source cannot be listed (the
    loader then says what is wrong with it)."""
    from producibility.conditions.expressions import JINJA2_VERSION
    from producibility.model.catalogue import catalogue_files, default_catalogue_files
    from producibility.model.pack import DEFAULT_SETTINGS, INVARIANT, SCOPE_NAMES, pack_files

    default = Path(default_dir).resolve()
    parts = [FORM, f"jinja2 {JINJA2_VERSION}", f"default first: {include_default}",
             json.dumps([DEFAULT_SETTINGS, SCOPE_NAMES, INVARIANT], sort_keys=True)]
    try:
        parts.append("questionnaire " + _digest_of(questionnaire_path))
        # the shipped catalogue every merge starts from, with the default pack or without
        # it (a shop's entries are kept beside it): its bytes as read once a process
        parts += ["shipped catalogue " + bytes_digest(blob)
                  for blob in default_catalogue_files()[1]]
        for source in sources:
            base = Path(source)
            shipped = base.resolve() == default
            parts.append("source " + ("<default>" if shipped else str(source)))
            files = list(pack_files(source)) if shipped else \
                list(catalogue_files(source)) + list(pack_files(source))
            for file in files:
                parts.append(f"{_relative(str(file), str(base))} {_digest_of(file)}")
    except (OSError, ValueError, TypeError, ProducibilityError):
        return None  # an unreadable file, an empty folder: the loader says what is wrong
    return cache.data_key(FORM, "\n".join(parts).encode("utf-8"))


def _digest_of(path):
    """The digest of a file's bytes; ValueError for a file that cannot be read or is over
    the input limit (no record: the loader says what is wrong)."""
    from producibility.inputs.yamlio import bytes_within_limit

    data = bytes_within_limit(path)
    if data is None:
        raise ValueError(f"{path}: not read")
    return bytes_digest(data)


def _relative(path, base):
    if path == base:
        return ""
    prefix = base.rstrip(os.sep) + os.sep
    if not path.startswith(prefix):
        raise ValueError(f"{path} is not in {base}")
    return path[len(prefix):]


class _Places:
    """Paths as (source index, path within it) and back."""

    def __init__(self, sources):
        self.bases = [str(Path(s)) for s in sources]

    def out(self, path):
        if path is None:
            return None
        for i, base in enumerate(self.bases):
            try:
                return [i, _relative(path, base)]
            except ValueError:
                continue
        raise ValueError(f"{path} is in none of the sources")

    def back(self, place):
        if place is None:
            return None
        i, rest = place
        base = self.bases[i]
        return base if rest == "" else base.rstrip(os.sep) + os.sep + rest


# ------------------------------------------------------------------- writing

def write(record_key, pack, sources):
    """Record ``pack`` (just loaded from ``sources`` without problems) under the key,
    when it reads back as the same pack."""
    if record_key is None or not cache.writing():
        return
    try:
        trees = []
        header = json.dumps(_frozen(pack, _Places(sources), trees),
                            separators=(",", ":"))
        text = "\n".join([header] + trees)
        again = _read_text(text, _Places(sources))
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError):
        return  # a value JSON cannot hold, or a path outside its source: no record
    if same_pack(pack, again):
        cache.write_data(record_key, text)


def _frozen(pack, places, trees):
    """The record's first line; ``trees`` gets the parsed trees, a line each, which the
    first line names by their number (a tree is JSON text the condition or message thaws
    when first used: as lines of their own they are not escaped inside the first line's
    JSON, whose decoding then took twice as long)."""
    messages = {}

    def condition(compiled):
        return condition_out(compiled, trees)

    def texts(templates):
        if templates is None or isinstance(templates, bool):
            return templates
        values = list(templates.values())
        for template in values:
            if template._parts is None or "{" in template.source:
                tree = template_tree(template)
                if tree is not None and template.source not in messages:
                    trees.append(tree)
                    messages[template.source] = len(trees)
        if len(values) > 1 and all(v is values[0] for v in values):
            return values[0].source  # one text for every language (one object)
        return {lang: t.source for lang, t in templates.items()}

    def rule_texts(r):
        # a line of its own, decoded when the rule's texts are first read (Rule, texts)
        trees.append(json.dumps({"title": r.title, "message": texts(r.message),
                                 "mitigation": r.mitigation, "source": r.source,
                                 "customer": texts(r.customer)}, separators=(",", ":")))
        return len(trees)

    rules = [{"id": r.id, "thread": r.thread, "scope": r.scope,
              "when": condition(r.when), "then": r.then, "texts": rule_texts(r),
              "requires": list(r.requires), "unless": list(r.unless),
              "priority": r.priority, "path": places.out(r.path), "line": r.line}
             for r in pack.rules]
    catalogue = None
    if pack.catalogue is not pack.shipped_catalogue or pack.shipped_catalogue is None:
        base = pack.shipped_catalogue
        entries = {}
        for kind, table in pack.catalogue.entries.items():
            entries[kind] = [[entry_id, None if base is not None and
                              base.get(kind, entry_id) is entry else entry]
                             for entry_id, entry in table.items()]
        base_where = base.where if base is not None else {}
        catalogue = {"entries": entries,
                     "where": [[kind, entry_id, places.out(path), line] for
                               (kind, entry_id), (path, line) in pack.catalogue.where.items()
                               if base_where.get((kind, entry_id)) != (path, line)]}
    return {
        "rules": rules, "messages": messages, "settings": pack.settings,
        "packs": [dict(p, path=places.out(p["path"])) for p in pack.packs],
        "catalogue": catalogue, "with_base": pack.shipped_catalogue is not None,
        "disabled": {rid: [pid, places.out(path), line]
                     for rid, (pid, path, line) in pack.disabled.items()},
        "shipped": sorted(pack.shipped), "given_settings": sorted(pack.given_settings),
        "evidence_at": {thread: [[places.out(path), line, row] for path, line, row in rows]
                        for thread, rows in pack.evidence_at.items()},
        "evidence": {source: condition(c) for source, c in pack.evidence_conditions.items()},
        "basis": pack.basis,
    }


def template_tree(template):
    """A message's parsed tree as the trees record keeps it (JSON text), or None."""
    from producibility.conditions.expressions import (_MESSAGE, ExpressionError,
                                                      _freeze_node, _parse_message)
    known = template._known or {}
    frozen = known.get(_MESSAGE + template.source)
    if isinstance(frozen, str):
        return frozen
    try:
        return json.dumps(_freeze_node(_parse_message(template.source)), separators=(",", ":"))
    except (ExpressionError, RecursionError, TypeError, ValueError):
        return None


# ------------------------------------------------------------------- reading

def read(record_key, sources):
    """The pack recorded under the key, or None (no record, or not one we wrote)."""
    if record_key is None:
        return None
    text = cache.read_data(record_key)
    if text is None:
        return None
    try:
        return _read_text(text, _Places(sources))
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError):
        return None


def _read_text(text, places):
    """The pack of a record's text: its first line's JSON, the trees it names by line."""
    lines = text.split("\n")
    return _thawed(json.loads(lines[0]), lines, places)


def _thawed(data, lines, places):
    from producibility.conditions.expressions import _MESSAGE, Template
    from producibility.i18n import LANGS
    from producibility.model.catalogue import Catalogue, default_catalogue_files
    from producibility.model.pack import INVARIANT, SCOPE_NAMES, EVIDENCE_SCOPES, Rule, RulePack

    known = {_MESSAGE + source: line(lines, n) for source, n in data["messages"].items()}

    def condition(entry, scopes, invariant):
        return condition_in(entry, lines, scopes, invariant)

    def template(text, scopes):
        made = Template(text, scopes, lazy=True)
        if made._parts is None:
            made._known = known
        return made

    def texts(value, scopes):
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            one = template(value, scopes)
            return {lang: one for lang in LANGS}
        return {lang: template(text, scopes) for lang, text in value.items()}

    def rule_texts(n, scopes):
        text = line(lines, n)  # (a line that is not there: no record)

        def given():
            found = json.loads(text)
            return dict(found, message=texts(found["message"], scopes),
                        customer=texts(found["customer"], scopes))
        return given

    rules = []
    for r in data["rules"]:
        scopes = SCOPE_NAMES[r["scope"]]
        invariant = INVARIANT.get(r["scope"])
        rules.append(Rule(
            id=r["id"], thread=r["thread"], title=None, scope=r["scope"],
            when=condition(r["when"], scopes, invariant), then=r["then"], message=None,
            mitigation=None, requires=tuple(r["requires"]), unless=tuple(r["unless"]),
            priority=r["priority"], path=places.back(r["path"]), line=r["line"],
            texts=rule_texts(r["texts"], scopes)))
    base = default_catalogue_files()[0] if data["with_base"] else None
    if data["catalogue"] is None:
        catalogue = base
    else:
        catalogue = Catalogue()
        for kind, table in data["catalogue"]["entries"].items():
            catalogue.entries[kind] = {entry_id: base.get(kind, entry_id) if entry is None
                                       else entry for entry_id, entry in table}
        catalogue.where = dict(base.where) if base is not None else {}
        catalogue.where.update({(kind, entry_id): (places.back(path), line)
                                for kind, entry_id, path, line in data["catalogue"]["where"]})
    return RulePack(
        rules=rules, settings=data["settings"],
        packs=[dict(p, path=places.back(p["path"])) for p in data["packs"]],
        catalogue=catalogue,
        disabled={rid: (pid, places.back(path), line)
                  for rid, (pid, path, line) in data["disabled"].items()},
        shipped=frozenset(data["shipped"]), given_settings=frozenset(data["given_settings"]),
        shipped_catalogue=base,
        evidence_at={thread: [(places.back(path), line, row) for path, line, row in rows]
                     for thread, rows in data["evidence_at"].items()},
        evidence_conditions={source: condition(entry, EVIDENCE_SCOPES, None)
                             for source, entry in data["evidence"].items()},
        basis=data["basis"])


# ------------------------------------------------------------------- the same pack

def same_pack(a, b) -> bool:
    """Whether two loaded packs are the same pack: every field, with its type (a list
    for a tuple, a text for a date or a number key is not the same), the catalogue's
    entries taken from the shipped catalogue the same objects, the conditions the same
    text reading the same fields with the same leading tests, the messages the same
    texts."""
    if a.catalogue is a.shipped_catalogue and b.catalogue is not b.shipped_catalogue:
        return False
    if a.shipped_catalogue is not None:
        for kind, table in a.catalogue.entries.items():
            for entry_id, entry in table.items():
                from_base = a.shipped_catalogue.get(kind, entry_id) is entry
                if from_base != (b.shipped_catalogue.get(kind, entry_id)
                                 is b.catalogue.entries[kind].get(entry_id)):
                    return False
    return fingerprint(_fields(a)) == fingerprint(_fields(b))


def _fields(pack):
    return {"rules": [_rule_fields(r) for r in pack.rules], "settings": pack.settings,
            "packs": pack.packs, "catalogue": (pack.catalogue.entries, pack.catalogue.where),
            "disabled": pack.disabled, "shipped": pack.shipped,
            "given_settings": pack.given_settings, "evidence_at": pack.evidence_at,
            "evidence": pack.evidence_conditions, "basis": pack.basis,
            "with_base": pack.shipped_catalogue is not None}


def _rule_fields(rule):
    """A rule's fields, its texts too (decoded here if they wait: ``Rule``'s texts)."""
    from producibility.model.pack import RULE_TEXTS
    fields = {name: getattr(rule, name) for name in RULE_TEXTS}
    fields.update(vars(rule))
    return fields
