"""The merged pack's record (producibility.model.pack_record): a pack read back from it is
the pack the files make, field by field, and screens to the same bytes; a changed file,
a damaged record or a value JSON would change means the files are loaded again."""

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from producibility.inputs import cache
from producibility.model import pack_record
from producibility.model.defaults import default_pack_dir, default_questionnaire_path
from producibility.model.pack import load_packs
from producibility.screen import Screener

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "requests" / "bracket-series.yaml"

SHOP_RULES = textwrap.dedent("""\
    pack:
      id: eigen-werkplaats
      version: 1.2.0
      title: {en: Our own rules, nl: Onze eigen regels}
    settings:
      costing: {engineering_rate_eur_h: 92}
      mrl:
        evidence:
          process_capability:
            - {level: 4, needs: [part.tolerance_mm], when: "part.tolerance_mm >= 0.01"}
    disable: [CST-001]
    rules:
      - id: MAT-003
        override: true
        thread: materials
        title: {en: Material ordered in, nl: Materiaal wordt besteld}
        scope: part
        when: "part.material not in provider.stocked_materials"
        unless: [customer_supplies_material]
        then:
          risk: {likelihood: 3, consequence: 2}
          effort: {engineering_h: 0.5, lead_time_days: 12, waits_for: material}
          flag: material_to_order
        message:
          en: "{{ part.id }}: {{ part.material }} is ordered in (12 days at our supplier)."
          nl: "{{ part.id }}: {{ part.material }} bestellen wij (12 dagen bij onze leverancier)."
        source: "Our supplier's lead time for aluminium bar (shop figure)."
      - id: OWN-001
        thread: quality
        title: Tight tolerance on a series
        scope: part
        when: "part.tolerance_mm < 0.02 and part.pieces >= 50"
        requires: [material_to_order]
        then:
          risk: {likelihood: 2, consequence: 3}
          effort: {engineering_h: 1.5}
        message: "{{ part.id }}: a tolerance of {{ part.tolerance_mm }} mm on {{ part.pieces }} pieces."
    """)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PRODUCIBILITY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PRODUCIBILITY_NO_CACHE", raising=False)
    return tmp_path / "cache"


@pytest.fixture
def shop(tmp_path):
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "rules.yaml").write_text(SHOP_RULES, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "precision-shop" / "rules" / "catalogue.yaml",
                folder / "catalogue.yaml")
    return folder


def key_of(sources, include_default=True):
    if include_default:
        sources = [default_pack_dir()] + list(sources)
    return pack_record.key(sources, include_default, default_pack_dir(),
                           default_questionnaire_path())


def loaded_without_record(monkeypatch, sources, include_default=True):
    with monkeypatch.context() as patched:
        patched.setattr(pack_record, "read", lambda key, sources: None)
        patched.setattr(pack_record, "write", lambda key, pack, sources: None)
        return load_packs(sources, include_default)


def report_bytes(pack, equipment):
    return json.dumps(Screener(equipment, pack).check(str(EXAMPLE)).to_dict(), sort_keys=True)


def test_a_shop_pack_read_back_is_the_pack_its_files_make(cache_dir, shop, monkeypatch,
                                                          equipment):
    """Overrides, a disable, flags, settings, an evidence row and catalogue entries (one
    new, one overriding the shipped one) all come back; the entries the shop left alone
    are the shipped catalogue's own objects (the report tells the shop's figures from
    the default's by that)."""
    assert pack_record.read(key_of([shop]), [default_pack_dir(), shop]) is None
    first = load_packs([shop])                       # loads the files, writes the record
    recorded = pack_record.read(key_of([shop]), [default_pack_dir(), shop])
    assert recorded is not None
    plain = loaded_without_record(monkeypatch, [shop])
    assert pack_record.same_pack(plain, recorded)
    assert pack_record.same_pack(first, recorded)
    again = load_packs([shop])
    assert pack_record.same_pack(plain, again)
    assert again.rule("MAT-003").then["effort"]["lead_time_days"] == 12
    assert again.rule("CST-001") is None and again.disabled_by("CST-001").startswith(
        "eigen-werkplaats (")
    assert again.rule("OWN-001").requires == ("material_to_order",)
    assert again.rule("OWN-001").path == str(shop / "rules.yaml")
    assert again.settings["costing"]["engineering_rate_eur_h"] == 92
    base = again.shipped_catalogue
    assert again.catalogue.get("materials", "tool_steel_1_2379")["price"]["eur_kg"] == 8.2
    assert base.get("materials", "tool_steel_1_2379") is not \
        again.catalogue.get("materials", "tool_steel_1_2379")
    assert base.get("materials", "aluminium_6082") is \
        again.catalogue.get("materials", "aluminium_6082")
    assert again.catalogue.where[("materials", "tungsten_carbide")][0] == \
        str(shop / "catalogue.yaml")
    assert report_bytes(plain, equipment) == report_bytes(again, equipment)


def test_the_default_pack_comes_from_the_shipped_record_on_a_first_run(cache_dir, monkeypatch,
                                                                       equipment):
    """An empty cache: the shipped record (producibility/prebuilt) gives the default pack,
    with this installation's paths, and it screens to the bytes the files give."""
    key = key_of([])
    assert key in cache._shipped()[0]
    recorded = pack_record.read(key, [default_pack_dir()])
    plain = loaded_without_record(monkeypatch, [])
    assert pack_record.same_pack(plain, recorded)
    assert recorded.catalogue is recorded.shipped_catalogue
    assert {r.path for r in recorded.rules} == {r.path for r in plain.rules}
    assert report_bytes(plain, equipment) == report_bytes(recorded, equipment)
    assert report_bytes(plain, equipment) == report_bytes(load_packs(), equipment)


def test_a_rule_from_the_record_decodes_its_texts_when_first_read(cache_dir, monkeypatch,
                                                                  equipment):
    """The texts of a rule (title, message, mitigation, source, customer: two thirds of
    the record) wait on a line of their own: a check decodes those of the rules it
    reports (15 of the default pack's 168 for the bracket), and a text read is the
    text the files give, in every language."""
    from producibility.model.pack import RULE_TEXTS

    recorded = pack_record.read(key_of([]), [default_pack_dir()])
    assert all("_texts" in vars(rule) for rule in recorded.rules)
    Screener(equipment, recorded).check(str(EXAMPLE))
    read = [rule.id for rule in recorded.rules if "_texts" not in vars(rule)]
    assert 0 < len(read) < len(recorded.rules) / 4, read
    plain = loaded_without_record(monkeypatch, [])
    for rule in recorded.rules:
        given = plain.rule(rule.id)
        for name in RULE_TEXTS:
            ours, theirs = getattr(rule, name), getattr(given, name)
            if isinstance(theirs, dict):
                assert {k: getattr(v, "source", v) for k, v in ours.items()} == \
                    {k: getattr(v, "source", v) for k, v in theirs.items()}, (rule.id, name)
            else:
                assert ours == theirs, (rule.id, name)
    with pytest.raises(AttributeError):
        recorded.rules[0].no_such_field


def test_a_changed_file_is_loaded_again(cache_dir, shop):
    load_packs([shop])
    rules = shop / "rules.yaml"
    rules.write_text(SHOP_RULES.replace("lead_time_days: 12", "lead_time_days: 14"),
                     encoding="utf-8")
    assert load_packs([shop]).rule("MAT-003").then["effort"]["lead_time_days"] == 14


def test_a_record_that_is_not_one_is_ignored(cache_dir, shop):
    """Sealed by us but not a pack's record (a record of another layout, say): the files
    are loaded."""
    key = key_of([shop])
    for text in ("not json", '{"rules": 1}', "[]", '{"rules": []}\n', "null"):
        cache.write_data(key, text)
        assert pack_record.read(key, [default_pack_dir(), shop]) is None
        assert load_packs([shop]).rule("OWN-001") is not None


def test_a_value_json_would_change_is_never_recorded(cache_dir, shop, monkeypatch):
    """The schemas let no date or number key into a pack, but should one get in (a later
    field), the record would read back a text: it is not written, and every load is the
    files' own."""
    import datetime

    sources = [default_pack_dir(), shop]
    for odd in (datetime.date(2026, 1, 5), (1, 2), {3: "three"}):
        pack = loaded_without_record(monkeypatch, [shop])
        pack.settings["lead_time"]["odd"] = odd
        pack_record.write(key_of([shop]), pack, sources)
        assert pack_record.read(key_of([shop]), sources) is None
    pack = loaded_without_record(monkeypatch, [shop])
    pack_record.write(key_of([shop]), pack, sources)   # the same, plain: recorded
    assert pack_record.read(key_of([shop]), sources) is not None


def test_a_pack_with_problems_leaves_no_record(cache_dir, shop):
    from producibility.errors import InputError

    (shop / "rules.yaml").write_text(SHOP_RULES.replace("part.pieces >= 50",
                                                        "part.pieces >= = 50"),
                                     encoding="utf-8")
    with pytest.raises(InputError):
        load_packs([shop])
    assert pack_record.read(key_of([shop]), [default_pack_dir(), shop]) is None


def test_the_record_is_the_same_text_whatever_the_hash_seed(tmp_path, shop):
    """Written twice under two hash seeds (fresh processes, fresh caches): the same text."""
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom producibility.model.pack import load_packs\n"
            "from producibility.model import pack_record\n"
            "from producibility.model.defaults import default_pack_dir, "
            "default_questionnaire_path\nfrom producibility.inputs import cache\n"
            "shop = sys.argv[1]\nload_packs([shop])\n"
            "sources = [default_pack_dir(), shop]\n"
            "key = pack_record.key(sources, True, default_pack_dir(), "
            "default_questionnaire_path())\nsys.stdout.write(cache.read_data(key))\n")
    texts = set()
    for seed in ("1", "7"):
        env = dict(os.environ, PYTHONHASHSEED=seed,
                   PRODUCIBILITY_CACHE_DIR=str(tmp_path / f"cache-{seed}"))
        out = subprocess.run([sys.executable, "-c", code, str(shop)], capture_output=True,
                             text=True, env=env, check=True)
        texts.add(out.stdout)
    assert len(texts) == 1 and len(next(iter(texts))) > 1000


# ------------------------------------------------------------------ the questionnaire's record

def test_the_questionnaire_read_back_is_the_one_its_file_makes(cache_dir, tmp_path):
    """Its conditions (ask_if, assume.unless), tuples, aliases and "none" words come back;
    the shipped questionnaire's record ships with the package."""
    from producibility.conditions.expressions import trees_key
    from producibility.model import questionnaire as qm

    shipped = Path(default_questionnaire_path())
    key = trees_key(qm.RECORD_FORM, shipped.read_bytes())
    assert key in cache._shipped()[0]
    recorded = qm._recorded(key, str(shipped))
    parsed, _ = qm._load_file(str(shipped))
    assert recorded is not None and qm._same(parsed, recorded)
    with_conditions = [q for q in recorded.questions if q.ask_if is not None]
    assert with_conditions and all(q.ask_if.fields for q in with_conditions)
    assert any((q.assume or {}).get("unless") is not None for q in recorded.questions)
    assert any(q.none for q in recorded.questions)
    assert any(q.choice_aliases for q in recorded.questions)
    assert all(type(q.choices) is tuple and type(q.threads) is tuple
               for q in recorded.questions)

    own = tmp_path / "questionnaire.yaml"
    own.write_bytes(shipped.read_bytes())
    own_key = trees_key(qm.RECORD_FORM, own.read_bytes())
    qm._load_cached(str(own))                         # parses, checks and records it
    again = qm._recorded(own_key, str(own))
    assert again is not None and again.path == str(own)
    assert qm._same(qm._load_file(str(own))[0], again)


def test_a_changed_questionnaire_is_loaded_again(cache_dir, tmp_path):
    from producibility.model import questionnaire as qm

    own = tmp_path / "questionnaire.yaml"
    text = Path(default_questionnaire_path()).read_text(encoding="utf-8")
    own.write_text(text, encoding="utf-8")
    first = qm._load_cached(str(own))
    qm._load_cached.cache_clear()
    own.write_text(re.sub(r"(?m)^  version: .*$", "  version: 9.9.9", text, count=1),
                   encoding="utf-8")
    changed = qm._load_cached(str(own))
    qm._load_cached.cache_clear()
    assert (first.version, changed.version) != ("9.9.9", "9.9.9")
    assert changed.version == "9.9.9"
    assert [q.key for q in changed.questions] == [q.key for q in first.questions]


def test_the_probes_thresholds_from_the_record_are_the_trees_own(cache_dir, monkeypatch):
    """What the probes try either side of, read from the record (no tree thawed), is what
    the conditions' trees compare each field with (analysis.comparisons, written out)."""
    from producibility.conditions.analysis import comparisons
    from producibility.report import probing

    plain = loaded_without_record(monkeypatch, [])
    expected = {}
    for rule in plain.rules:
        for comparison in comparisons(rule.when.tree):
            values = [c for c in comparison.constants
                      if isinstance(c, (int, float, str)) and not isinstance(c, bool)]
            for key in comparison.fields:
                expected.setdefault(key, set()).update(values)
    expected = {k: sorted(v, key=lambda c: (isinstance(c, str), c))
                for k, v in expected.items()}
    recorded = load_packs()
    assert probing.thresholds(recorded) == expected
    assert all(rule.when._tree is None for rule in recorded.rules)   # none thawed for it
    assert len(expected) > 20


def test_a_pack_file_over_the_input_limit_is_never_read_whole_for_the_key(cache_dir, shop,
                                                                         monkeypatch):
    """The key reads a file only up to the input limit (a 3 GB file in a pack folder
    was read into memory whole to be hashed); the loader then says it is too large."""
    from producibility.errors import InputError
    from producibility.inputs import yamlio

    big = shop / "zz-big.yaml"
    big.write_text("rules: []\n" + "# padding\n" * 60_000, encoding="utf-8")
    monkeypatch.setattr(yamlio, "MAX_BYTES", 500_000)   # more than any shipped file
    reads = []
    real = yamlio._read_bounded
    monkeypatch.setattr(yamlio, "_read_bounded",
                        lambda handle, limit: reads.append(limit) or real(handle, limit))
    assert key_of([shop]) is None
    assert reads and set(reads) == {500_000}
    with pytest.raises(InputError) as caught:
        load_packs([shop])
    assert "zz-big.yaml" in str(caught.value)


def test_a_warm_check_loads_nothing_it_has_a_record_of(tmp_path):
    """A warm `producibility check` of every example, in a process of its own, imports no
    YAML parser of ours, no schema validator and none of Babel's date modules (which come
    with the locale's whole data, unpickled): weights in grams once made Babel load it on
    every check, half the instructions of the first screening, and no test noticed.  Nor
    the ``locale`` module, which click's ``version_option`` brought in through gettext
    when the CLI loaded, nor the pack checks, which a pack from its record does not need
    (their field check has a fast path)."""
    import os
    import subprocess
    import sys

    from conftest import REQUESTS

    env = dict(os.environ, PRODUCIBILITY_CACHE_DIR=str(tmp_path / "cache"))
    code = ("import sys, os\nfrom producibility.cli import main\n"
            "heavy = ('producibility.inputs.yamlparse', 'jsonschema', 'babel.dates', 'locale',\n"
            "         'producibility.model.pack_checks')\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write('LOADED ' + ' '.join(m for m in heavy if m in sys.modules))\n")
    shops = sorted((ROOT / "examples").glob("*/requests/*.yaml"))
    for request in list(REQUESTS) + shops:
        shop = request.parent.parent
        equipment = shop / "equipment.yaml" if (shop / "equipment.yaml").exists() \
            else ROOT / "examples" / "equipment.yaml"
        args = ["check", str(request), "--equipment", str(equipment), "--format", "json"]
        if (shop / "producibility.yaml").exists():
            args += ["--config", str(shop / "producibility.yaml")]
        for run in ("first", "warm"):
            out = subprocess.run([sys.executable, "-c", code] + args, capture_output=True,
                                 text=True, env=env, cwd=ROOT)
            assert out.returncode in (0, 1), out.stderr[-500:]
        loaded = out.stderr.rsplit("LOADED ", 1)[1].split()
        assert loaded == [], (request.name, loaded)


def test_the_key_holds_the_shipped_catalogue_a_shop_pack_starts_from(cache_dir, shop,
                                                                   monkeypatch):
    """A shop's pack loaded without the default rules still starts from the shipped
    catalogue (its own entries beside it): the key holds that catalogue's bytes, so a
    changed shipped catalogue (a new release, an edit in a checkout) is never read from
    an older record."""
    from producibility.model import catalogue

    sources = [shop]
    before = pack_record.key(sources, False, default_pack_dir(), default_questionnaire_path())
    real = catalogue.default_catalogue_files()
    monkeypatch.setattr(catalogue, "default_catalogue_files",
                        lambda: (real[0], real[1][:-1] + (real[1][-1] + b"\n# edited\n",)))
    after = pack_record.key(sources, False, default_pack_dir(), default_questionnaire_path())
    assert before is not None and after is not None and before != after
