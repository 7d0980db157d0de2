"""Synthetic workloads for the benchmarks: machines, requests and rule packs.

Everything is generated from a seed, so a run is repeatable, and everything is
valid input for producibility: machines pass the equipment schema, requests
pass the request schema generated from questionnaires/faas.yaml, rule packs
pass the rules schema and load through ``load_packs``.

The vocabulary (processes, which materials each process runs, typical machine
sizes and tolerances) comes from examples/equipment.yaml and the questionnaire,
so the generated requests hit the same fit logic as real ones.
"""

import datetime
import json
import math
import random
from pathlib import Path

import yaml

import producibility

ROOT = Path(__file__).resolve().parent.parent
# The examples and schemas of the producibility that is imported (a snapshot on
# PYTHONPATH brings its own), else of this repository.
PKG_ROOT = Path(producibility.__file__).resolve().parent.parent
SRC_ROOT = PKG_ROOT if (PKG_ROOT / "examples").is_dir() else ROOT
EXAMPLE_EQUIPMENT = SRC_ROOT / "examples" / "equipment.yaml"
EXAMPLE_REQUEST = SRC_ROOT / "examples" / "requests" / "bracket-series.yaml"
RULES_SCHEMA = Path(producibility.__file__).resolve().parent / "schemas" / "rules.schema.json"

ENVELOPE_PROCESSES = ("milling_3axis", "milling_5axis", "welding", "fdm", "sla",
                      "cmm_inspection")

# Process combinations a part asks for, with weights (a small job shop's mix).
COMBOS = [
    (("milling_3axis",), 20), (("milling_5axis",), 8),
    (("milling_3axis", "cmm_inspection"), 6), (("turning",), 15),
    (("laser_cutting",), 10), (("laser_cutting", "bending"), 10),
    (("welding",), 6), (("fdm",), 10), (("sla",), 5), (("bending",), 3),
]
# A part's tightest tolerance, as a multiple of a typical machine's for its process.
TOL_FACTORS = [0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0]
TOL_WEIGHTS = [0.05, 0.10, 0.15, 0.20, 0.20, 0.20, 0.10]
PURPOSES = ["prototype", "pilot", "small_series", "series"]
CERTIFICATES = ["material_3_1", "first_article_report", "en_1090", "iso_9001"]
START = datetime.date(2026, 11, 23)


# ------------------------------------------------------------------ vocabulary
class Vocabulary:
    """What the example catalogue says about each process."""

    def __init__(self, path=EXAMPLE_EQUIPMENT):
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        self.provider = doc["provider"]
        self.templates = {}   # process -> [example machine dicts]
        for m in doc["machines"]:
            for p in m["processes"]:
                self.templates.setdefault(p, []).append(m)
        self.processes = sorted(self.templates)
        self.materials = {p: sorted({x for m in ms for x in m["materials"]})
                          for p, ms in self.templates.items()}
        self.all_materials = sorted({x for v in self.materials.values() for x in v})

    def combo_materials(self, combo):
        pool = set(self.materials[combo[0]])
        for p in combo[1:]:
            pool &= set(self.materials[p])
        return sorted(pool) or self.materials[combo[0]]


VOCAB = None
CATALOGUE = None


def _temper_taken(part):
    """The part with a temper its alloy has: a T temper of an alloy the catalogue says
    is not heat-treatable (5754-T6, which validate refuses) becomes O/H111, which every
    alloy has."""
    temper = part.get("temper")
    if isinstance(temper, str) and temper.startswith("t") and (
            _catalogue().get("materials", part.get("material")) or {}).get(
                "heat_treatable") is False:
        part["temper"] = "o_h111"
    return part


def _catalogue():
    """The default pack's catalogue (materials, treatments), loaded once."""
    global CATALOGUE
    if CATALOGUE is None:
        from producibility import load_packs
        CATALOGUE = load_packs().catalogue
    return CATALOGUE


def vocab():
    global VOCAB
    if VOCAB is None:
        VOCAB = Vocabulary()
    return VOCAB


# ------------------------------------------------------------------ machines
def gen_equipment(n_machines, seed=1):
    """An equipment catalogue dict with n machines spread over every process."""
    v = vocab()
    rnd = random.Random(seed * 7907 + n_machines)
    machines = []
    for j in range(n_machines):
        process = v.processes[j % len(v.processes)]
        t = rnd.choice(v.templates[process])
        processes = [process]
        if process == "milling_5axis" and rnd.random() < 0.5:
            processes.append("milling_3axis")
        pool = v.materials[process] if len(processes) == 1 else \
            sorted(set(v.materials[process]) & set(v.materials["milling_3axis"]))
        k = max(1, int(len(pool) * rnd.uniform(0.5, 1.0)))
        materials = sorted(rnd.sample(pool, k))
        scale = rnd.uniform(0.5, 2.0)
        m = {
            "id": f"gen-{j:04d}-{process.replace('_', '-')}",
            "name": f"Generated {process} machine {j}",
            "processes": processes,
            "materials": materials,
            "tolerance_mm": round(t["tolerance_mm"] * rnd.choice([0.5, 1.0, 1.0, 2.0]), 4),
            "setup_h": round(t["setup_h"] * rnd.uniform(0.5, 2.0), 2),
            "rate_eur_h": round(t["rate_eur_h"] * rnd.uniform(0.7, 1.4), 1),
            "free_h_per_week": round(t["free_h_per_week"] * rnd.uniform(0.5, 2.0), 1),
        }
        if "envelope_mm" in t:
            m["envelope_mm"] = [round(x * scale * rnd.uniform(0.9, 1.1), 1)
                                for x in t["envelope_mm"]]
        if "max_diameter_mm" in t:
            m["max_diameter_mm"] = round(t["max_diameter_mm"] * scale, 1)
        if "max_length_mm" in t:
            m["max_length_mm"] = round(t["max_length_mm"] * scale, 1)
        if "sheet_mm" in t:
            m["sheet_mm"] = [round(x * scale, 1) for x in t["sheet_mm"]]
        if "max_thickness_mm" in t:
            base = t["max_thickness_mm"]
            m["max_thickness_mm"] = {
                x: round(base.get(x, 6) * rnd.uniform(0.6, 1.5), 1) for x in materials}
        if "roughness_ra_um" in t and rnd.random() < 0.8:
            m["roughness_ra_um"] = round(t["roughness_ra_um"] * rnd.choice([0.5, 1, 2]), 2)
        machines.append(m)
    return {"provider": json.loads(json.dumps(v.provider, default=str)),  # dates as text
            "machines": machines}


# ------------------------------------------------------------------ requests
# Part fields this generator sets itself (geometry depends on the process).
GEOMETRY = ("size_mm", "diameter_mm", "length_mm", "thickness_mm")
OPTIONAL_SOMETIMES = {}   # e.g. {("part", "cycle_time_min"): 0.6}: sometimes left out


def _answer(q, rnd):
    """A random valid answer to any questionnaire question, by its type."""
    if q.type == "yes_no":
        return rnd.random() < 0.5
    if q.type == "choice":
        return rnd.choice(q.choices)
    if q.type == "multi_choice":
        return sorted(c for c in q.choices if rnd.random() < 0.2)
    if q.type == "date":
        return (START + datetime.timedelta(days=rnd.randint(0, 150))).isoformat()
    if q.type == "text":
        return f"synthetic {q.id}"
    lo = q.min if q.min is not None else 0
    hi = q.max if q.max is not None else lo + 1000
    if q.type == "dimensions":
        return [round(rnd.uniform(max(lo, 1), min(hi, 1000)), 1) for _ in range(3)]
    if lo > 0 and hi / lo > 100:   # wide ranges: log-uniform, mostly small values
        value = math.exp(rnd.uniform(math.log(lo), math.log(hi) - 0.5 * math.log(hi / lo)))
    else:
        value = rnd.uniform(lo, hi)
    if q.integer:
        return max(int(lo), min(int(hi), int(round(value))))
    return max(lo, min(hi, round(value, 2 if value < 10 else 1)))


def gen_request(n_parts, seed=1, tag="GEN"):
    """A complete request dict, valid against the questionnaire's request schema.

    Every question of the questionnaire is answered (each rule's condition is
    then known, so the report has no open questions and Screener.check does
    not probe what-ifs), except geometry that does not apply to a part's
    process (no size_mm for a turned part, for example).
    """
    from producibility.model.questionnaire import load_questionnaire
    v = vocab()
    qn = load_questionnaire()
    rnd = random.Random(seed * 104729 + n_parts)
    combos, weights = zip(*COMBOS)
    quantity = int(math.exp(rnd.uniform(0, math.log(5000))))
    req = {
        "id": f"{tag}-{seed:05d}-{n_parts}",
        "customer": "Synthetic customer",
        "date": START.isoformat(),
        "purpose": rnd.choice(PURPOSES),
        "quantity": quantity,
        "batches": min(quantity, rnd.randint(1, 6)),  # a delivery holds a product
        "wanted_date": (START + datetime.timedelta(days=rnd.randint(10, 150))).isoformat(),
        "drawing_with_tolerances": rnd.random() < 0.85,
        "model_3d": rnd.random() < 0.8,
        "design_frozen": rnd.random() < 0.6,
        "prototype_built": rnd.random() < 0.5,
        "material_supplied_by_customer": rnd.random() < 0.15,
        "nda_required": rnd.random() < 0.3,
        "customer_operates_machine": rnd.random() < 0.1,
    }
    for q in qn.questions:
        # quantity_breaks asks for more quotes than the screening: left out, as most
        # enquiries do
        if q.scope == "request" and q.id not in req and q.id not in ("parts",
                                                                     "quantity_breaks"):
            req[q.id] = _answer(q, rnd)
    req = {k: val for k, val in req.items() if qn.question("request", k) is not None}
    req["parts"] = []
    for i in range(n_parts):
        combo = rnd.choices(combos, weights)[0]
        pool = v.combo_materials(combo)
        material = rnd.choice(pool) if rnd.random() < 0.9 else rnd.choice(v.all_materials)
        t = rnd.choice(v.templates[combo[0]])
        part = {"id": f"P{i:03d}", "name": f"part {i}", "quantity": rnd.randint(1, 4),
                "processes": list(combo), "material": material,
                "tolerance_mm": round(max(0.002, t["tolerance_mm"] * rnd.choices(
                    TOL_FACTORS, TOL_WEIGHTS)[0]), 4)}
        if combo[0] == "turning":
            part["diameter_mm"] = round(t["max_diameter_mm"] * rnd.uniform(0.05, 0.9), 1)
            part["length_mm"] = round(t["max_length_mm"] * rnd.uniform(0.05, 0.9), 1)
        elif combo[0] in ("laser_cutting", "bending"):
            length = t.get("sheet_mm", [t.get("max_length_mm", 1000)])[0]
            thickness = round(rnd.uniform(0.5, 16), 1)
            part["size_mm"] = [round(length * rnd.uniform(0.05, 0.9), 1),
                               round(length * rnd.uniform(0.02, 0.5), 1), thickness]
            part["thickness_mm"] = thickness
        else:
            part["size_mm"] = [round(max(0.5, x * rnd.uniform(0.05, 0.8)), 1)
                               for x in t["envelope_mm"]]
        if rnd.random() < OPTIONAL_SOMETIMES.get(("part", "roughness_ra_um"), 1):
            base = t.get("roughness_ra_um", 3.2)
            part["roughness_ra_um"] = min(50.0, round(base * rnd.choice([1, 2, 4, 8, 16]), 2))
        if rnd.random() < OPTIONAL_SOMETIMES.get(("part", "cycle_time_min"), 1):
            part["cycle_time_min"] = round(rnd.uniform(0.2, 8), 1)
        for q in qn.questions:
            if q.scope != "part" or q.id in part or q.id in GEOMETRY \
                    or q.key in OPTIONAL_SOMETIMES:
                continue
            part[q.id] = _answer(q, rnd)
        part = {k: val for k, val in part.items() if qn.question("part", k) is not None}
        req["parts"].append(_temper_taken(part))
    return req


def example_request():
    from producibility.model.request import load_request
    doc = load_request(str(EXAMPLE_REQUEST))
    return json.loads(json.dumps(doc))


# ------------------------------------------------------------------ rule packs
def _threads():
    schema = json.loads(RULES_SCHEMA.read_text(encoding="utf-8"))
    return schema["$defs"]["thread"]["enum"]


def gen_rule(i, rnd, materials):
    """One simple rule: comparisons on numeric fields, material membership."""
    kind = rnd.choices(["tol", "mat_dim", "mat_in_tol", "pieces", "qty", "purpose_qty",
                        "batches", "weeks"], [30, 20, 15, 20, 5, 4, 3, 3])[0]
    if kind == "tol":
        when = f"part.tolerance_mm < {rnd.choice([0.004, 0.006, 0.008, 0.011])}"
    elif kind == "mat_dim":
        when = (f"part.material == '{rnd.choice(materials)}' and "
                f"part.max_dimension_mm > {round(rnd.uniform(100, 1500), 1)}")
    elif kind == "mat_in_tol":
        a, b = rnd.sample(materials, 2)
        when = (f"part.material in ['{a}', '{b}'] and "
                f"part.tolerance_mm < {rnd.choice([0.01, 0.02, 0.05])}")
    elif kind == "pieces":
        when = f"part.pieces > {int(math.exp(rnd.uniform(math.log(2000), math.log(40000))))}"
    elif kind == "qty":
        when = f"request.quantity > {rnd.randint(2000, 50000)}"
    elif kind == "purpose_qty":
        when = (f"request.purpose == '{rnd.choice(PURPOSES)}' and "
                f"request.quantity > {rnd.randint(2000, 50000)}")
    elif kind == "batches":
        when = f"request.batches >= {rnd.randint(6, 12)}"
    else:
        when = f"request.weeks_available < {round(rnd.uniform(0.5, 2.0), 1)}"
    scope = "part" if when.startswith("part.") else "request"
    subject = "{{ part.id }}" if scope == "part" else "{{ request.id }}"
    return {
        "id": f"GEN-{i:04d}",
        "thread": rnd.choice(THREADS),
        "title": {"en": f"Generated rule {i}", "nl": f"Gegenereerde regel {i}"},
        "scope": scope,
        "when": when,
        "then": {"risk": {"likelihood": rnd.randint(1, 5), "consequence": rnd.randint(1, 5)}},
        "message": {"en": f"{subject}: generated rule {i} fired",
                    "nl": f"{subject}: gegenereerde regel {i} is geraakt"},
    }


THREADS = _threads()


def write_rule_pack(directory, n_rules, seed=1, per_file=500):
    """Write n generated flag-free rules as rule-pack YAML files into directory."""
    rnd = random.Random(seed * 31337 + n_rules)
    materials = vocab().all_materials
    rules = [gen_rule(i + 1, rnd, materials) for i in range(n_rules)]
    return _write_rules(directory, rules, f"generated-{n_rules}",
                        "synthetic rules for timing", per_file)


# ------------------------------------------------------------------ cloned packs
# The realistic rule workload: copies of the shipped default pack, so a large pack
# has the default's mix (a fifth of the rules read flags, in layers; an eighth of
# the conditions start with a test the alpha index cannot use; all four scopes).
import re  # noqa: E402

# a number compared with <, <=, > or >= (a threshold; not 60 minutes per hour)
_THRESHOLD = re.compile(r"(<=|>=|<|>)(\s*)(\d+\.\d+|\d+)(?![\w.])")


def default_rules():
    """The shipped default pack's rules as YAML mappings (file by file, in order)."""
    from producibility.model.defaults import default_pack_dir
    rules = []
    for path in sorted(default_pack_dir().glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rules += doc.get("rules") or []
    return rules


def _perturb(when, rnd):
    """Thresholds in a condition (numbers compared with < <= > >=, outside quotes)
    moved by up to +-20 %."""
    pieces = re.split(r"('[^']*'|\"[^\"]*\")", when)

    def move(m):
        text = m.group(3)
        factor = rnd.uniform(0.8, 1.2)
        if "." in text:
            value = float(text)
            digits = len(text.split(".")[1]) + 1
            new = repr(round(value * factor, digits)) if value else text
        else:
            value = int(text)
            new = str(max(1, round(value * factor))) if value > 1 else text
        return m.group(1) + m.group(2) + new
    for i in range(0, len(pieces), 2):
        pieces[i] = _THRESHOLD.sub(move, pieces[i])
    return "".join(pieces)


def clone_rule(rule, copy, rnd):
    """Copy `copy` of a default rule: its own id, its own flags, moved thresholds."""
    out = json.loads(json.dumps(rule))
    out["id"] = f"{rule['id']}-C{copy:03d}"
    out["when"] = _perturb(str(rule["when"]), rnd)
    for key in ("requires", "unless"):
        if out.get(key):
            out[key] = [f"{f}_c{copy}" for f in out[key]]
    if out["then"].get("flag"):
        out["then"]["flag"] = f"{out['then']['flag']}_c{copy}"
    return out


def _closure(rule, by_flag):
    """A rule and, recursively, every default rule that sets a flag it reads."""
    seen, todo = {}, [rule]
    while todo:
        r = todo.pop()
        if r["id"] in seen:
            continue
        seen[r["id"]] = r
        for f in (r.get("requires") or []) + (r.get("unless") or []):
            todo += by_flag.get(f, [])
    return list(seen.values())


def cloned_rules(n_rules, seed=1):
    """n rules cloned from the default pack: whole copies, then a partial copy that
    keeps, for each rule it takes, the rules that set the flags it reads."""
    base = default_rules()
    rnd = random.Random(seed * 7919 + n_rules)
    by_flag = {}
    for r in base:
        if r["then"].get("flag"):
            by_flag.setdefault(r["then"]["flag"], []).append(r)
    out, copy = [], 0
    while len(out) + len(base) <= n_rules:
        copy += 1
        out += [clone_rule(r, copy, rnd) for r in base]
    need = n_rules - len(out)
    if need:
        copy += 1
        order = list(base)
        rnd.shuffle(order)
        taken = {}
        for r in order:
            group = [x for x in _closure(r, by_flag) if x["id"] not in taken]
            if len(taken) + len(group) <= need:
                taken.update((x["id"], x) for x in group)
            if len(taken) == need:
                break
        out += [clone_rule(r, copy, rnd) for r in base if r["id"] in taken]
    return out


def write_cloned_pack(directory, n_rules, seed=1, per_file=500):
    """Write n rules cloned from the default pack as rule-pack YAML files."""
    return _write_rules(directory, cloned_rules(n_rules, seed), f"cloned-{n_rules}",
                        "rules cloned from the default pack (new ids, own flags per "
                        "copy, thresholds moved)", per_file)


def _write_rules(directory, rules, pack_id, what, per_file=500):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for k in range(0, len(rules), per_file):
        doc = {"rules": rules[k:k + per_file]}
        if k == 0:
            doc = {"pack": {"id": pack_id, "version": "0.0.1"}, **doc}
        text = f"# Generated by benchmarks/workload.py: {what}.\n" + \
            yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=200)
        (directory / f"gen-{k // per_file:03d}.yaml").write_text(text, encoding="utf-8")
    return directory


# ------------------------------------------------------------------ random rules with flags
SHARED_FLAGS = [f"shared_flag_{k}" for k in range(9)]


def flag_rules(n_rules, seed=1, share=0.2, setters=0.1):
    """The random rules of write_rule_pack, with requires/unless on `share` of them
    over nine shared flags; `setters` of them set one of the flags.  A rule that
    sets flag k reads only flags below k: layered, never a cycle."""
    rnd = random.Random(seed * 65537 + n_rules)
    materials = vocab().all_materials
    rules = []
    for i in range(n_rules):
        rule = gen_rule(i + 1, rnd, materials)
        sets = rnd.randrange(len(SHARED_FLAGS)) if rnd.random() < setters else None
        if rnd.random() < share:
            pool = SHARED_FLAGS[:sets] if sets is not None else SHARED_FLAGS
            if pool:
                reads = rnd.sample(pool, min(len(pool), rnd.choice([1, 1, 2])))
                key = "unless" if rnd.random() < 0.3 else "requires"
                rule[key] = reads
        if sets is not None:
            rule["then"]["flag"] = SHARED_FLAGS[sets]
        rules.append(rule)
    return rules


def write_flag_pack(directory, n_rules, seed=1, per_file=500):
    return _write_rules(directory, flag_rules(n_rules, seed), f"flagged-{n_rules}",
                        "random rules, a fifth with requires/unless over nine shared "
                        "flags", per_file)


# ------------------------------------------------------------------ realistic requests
# Requests as real enquiries to a shop that advertises its machines: parts that
# mostly suit the shop's processes, answers drawn from what the example requests
# answer, and questions left open as often as in the example requests.
EXAMPLE_REQUESTS = SRC_ROOT / "examples" / "requests"
# Asked of every request/part and always given in the examples (or needed to read
# the file at all): never left open.
ALWAYS = {("request", "id"), ("request", "date"), ("request", "parts"), ("part", "id"),
          ("part", "processes"), ("part", "size_mm"), ("part", "diameter_mm"),
          ("part", "length_mm"), ("part", "thickness_mm")}
ORDINARY_SHARE = 0.6
# Minutes per piece by process, the examples' range.
CYCLE_MIN = {"milling_3axis": (3, 12), "milling_5axis": (8, 40), "turning": (3, 35),
             "laser_cutting": (1, 8), "bending": (1, 4), "welding": (20, 240),
             "fdm": (30, 180), "sla": (40, 150), "cmm_inspection": (5, 20)}
# Tolerance as a multiple of the process's typical machine; a shop that advertises
# its machines mostly gets work they can hold.
REAL_TOL_FACTORS = [0.6, 1.0, 1.6, 2.5, 5.0, 10.0, 25.0]
REAL_TOL_WEIGHTS = [0.01, 0.02, 0.07, 0.20, 0.30, 0.28, 0.12]


def unanswered(request, questionnaire=None):
    """(open, asked) per scope {"request": (n, m), "part": (n, m)}: questions the
    questionnaire would ask (ask_if true or unknown) that the request leaves open."""
    from producibility.model.relevance import asked
    from producibility.model.questionnaire import load_questionnaire
    qn = questionnaire or load_questionnaire()
    out = {"request": [0, 0], "part": [0, 0]}
    for q in qn.questions:
        if q.scope != "request" or q.id == "parts" or not asked(q, request):
            continue
        out["request"][1] += 1
        out["request"][0] += request.get(q.id) is None
    for part in request.get("parts") or ():
        for q in qn.questions:
            if q.scope != "part" or not asked(q, request, part):
                continue
            out["part"][1] += 1
            out["part"][0] += part.get(q.id) is None
    return out


class ExampleAnswers:
    """What the example requests answer, question by question, and how many
    questions each leaves open (required and optional ones apart)."""

    def __init__(self):
        from producibility.model.relevance import asked as is_asked
        from producibility.model.request import load_request
        from producibility.model.questionnaire import load_questionnaire
        qn = self.qn = load_questionnaire()
        from producibility import Screener, load_equipment, load_packs
        screener = Screener(load_equipment(str(EXAMPLE_EQUIPMENT)), load_packs())
        self.values = {}      # (scope, id) -> [answers given]
        self.ordinary = {}    # the same, from the examples that fit (with effort)
        self.profiles = []    # per example: the share of its asked questions left open
        self.requests = []
        self.ordinary_profiles = []
        self.bases = []       # per example: (its answers, whether it fits, its profile)
        asked, left = {}, {}  # per question: how often asked, how often left open
        for path in sorted(EXAMPLE_REQUESTS.glob("*.yaml")):
            req = json.loads(json.dumps(load_request(str(path), qn)))
            self.requests.append(req)
            fits = screener.check(req).verdict in ("fit", "fit_with_effort")
            counts = [0, 0]
            for q in qn.questions:
                if q.key in ALWAYS:
                    continue
                subjects = [(req, None)] if q.scope == "request" else \
                    [(req, p) for p in req["parts"]]
                for r, p in subjects:
                    if not is_asked(q, r, p):
                        continue
                    value = (p or r).get(q.id)
                    counts[1] += 1
                    asked[q.key] = asked.get(q.key, 0) + 1
                    if value is not None:
                        self.values.setdefault(q.key, []).append(value)
                        if fits:
                            self.ordinary.setdefault(q.key, []).append(value)
                    else:
                        counts[0] += 1
                        left[q.key] = left.get(q.key, 0) + 1
            self.profiles.append(counts[0] / counts[1])
            self.bases.append((req, fits, counts[0] / counts[1]))
            if fits:
                self.ordinary_profiles.append(counts[0] / counts[1])
        # how often each question is left open, when asked
        self.open_rate = {k: left.get(k, 0) / n for k, n in asked.items()}
        self.mean_share = sum(self.profiles) / len(self.profiles)

    def share_open(self):
        """The examples' share of asked questions left open, per scope and overall."""
        total = {"request": [0, 0], "part": [0, 0]}
        for req in self.requests:
            for scope, (n, m) in unanswered(req, self.qn).items():
                total[scope][0] += n
                total[scope][1] += m
        return total


_EXAMPLES = None


def example_answers():
    global _EXAMPLES
    if _EXAMPLES is None:
        _EXAMPLES = ExampleAnswers()
    return _EXAMPLES


def gen_real_request(n_parts, seed=1, tag="REAL", equipment=None):
    """A request as a real enquiry: answers drawn from the example requests'
    answers to the same question (else a random valid one), parts that suit the
    shop's processes and machines.  Questions are left open as in the examples:
    one example request, picked at random, sets how complete this request is
    (most examples are nearly complete, a few are sparse enquiries) and each
    question is left open in proportion to how often the examples leave it open
    (the target price often, the material rarely; one that every example leaves open,
    an ISO fit, always)."""
    from producibility.model.relevance import asked
    v = vocab()
    ex = example_answers()
    qn = ex.qn
    rnd = random.Random(seed * 15485863 + n_parts)
    # Most enquiries are ordinary: their answers, and how complete they are, come
    # from the examples that fit (with effort); the rest from all examples (a
    # cleanroom, ISO 13485, the customer's own staff, a sparse first enquiry).
    ordinary = rnd.random() < ORDINARY_SHARE
    answers = ex.ordinary if ordinary else ex.values
    # One example is this enquiry's model: its answers to the request's questions, taken
    # together with the ones it leaves open (a construction product comes with its EN 1090
    # certificate, a medical part with ISO 13485), and how complete its parts are. Drawn
    # one by one from all examples, 28 % of the batch was a construction product without
    # EN 1090 (SEC-004), as two examples name a sector and eleven leave it open.
    base, _, profile = rnd.choice([b for b in ex.bases if b[1] or not ordinary])
    scale = profile / ex.mean_share
    combos, weights = zip(*COMBOS)

    def pick(q):
        given = answers.get(q.key) or ex.values.get(q.key)
        if given:
            return json.loads(json.dumps(rnd.choice(given)))
        return _answer(q, rnd)

    def keep(q, req, part=None):
        if q.key in ALWAYS:
            return True
        if not asked(q, req, part):
            return False
        rate = ex.open_rate.get(q.key, 0.0)
        if rate >= 1.0:
            # every example leaves it open: an answer would be made up, not drawn from
            # a real enquiry (a random ISO fit on a random 0.1-5 mm size made two
            # thirds of the generated requests NO FIT)
            return False
        return rnd.random() >= min(1.0, rate * scale)

    quantity = max(1, int(round(rnd.choice(ex.values[("request", "quantity")])
                                * rnd.uniform(0.5, 2.0))))
    req = {"id": f"{tag}-{seed:05d}-{n_parts}", "date": START.isoformat()}
    fixed = {
        "quantity": quantity,
        "wanted_date": (START + datetime.timedelta(weeks=rnd.uniform(3, 18))).isoformat(),
    }
    for q in qn.questions:
        if q.scope != "request" or q.id in ("parts", "id", "date", "quantity_breaks"):
            continue  # quantity_breaks: no example gives them; most enquiries don't
        # the model example's answer, or open where it leaves the question open
        value = fixed[q.id] if q.id in fixed else json.loads(json.dumps(base.get(q.id)))
        req[q.id] = value
    if isinstance(req.get("batches"), int) and req["batches"] > quantity:
        req["batches"] = quantity  # a delivery holds at least one product
    for q in qn.questions:  # what the new quantity or date no longer asks for
        if q.scope == "request" and q.id in req and q.key not in ALWAYS and \
                not asked(q, req, None):
            req[q.id] = None
    req = {k: val for k, val in req.items() if val is not None}
    price = req.pop("target_unit_price_eur", None)
    req["parts"] = []
    for i in range(n_parts):
        combo = rnd.choices(combos, weights)[0]
        pool = v.combo_materials(combo)
        material = rnd.choice(pool) if rnd.random() < 0.97 else rnd.choice(v.all_materials)
        t = rnd.choice(v.templates[combo[0]])
        others = [rnd.choice(v.templates[p]) for p in combo[1:]]
        coarsest = max([t["tolerance_mm"]] + [o["tolerance_mm"] for o in others])
        part = {"id": f"P{i:03d}", "name": f"part {i}",
                "quantity": rnd.choice([1, 1, 1, 1, 2, 2, 4]),
                "processes": list(combo), "material": material,
                "tolerance_mm": round(min(10.0, max(0.002, coarsest * rnd.choices(
                    REAL_TOL_FACTORS, REAL_TOL_WEIGHTS)[0])), 4)}
        if combo[0] == "turning":
            part["diameter_mm"] = round(t["max_diameter_mm"] * rnd.uniform(0.05, 0.7), 1)
            part["length_mm"] = round(t["max_length_mm"] * rnd.uniform(0.05, 0.7), 1)
        elif combo[0] in ("laser_cutting", "bending"):
            length = min([t.get("sheet_mm", [t.get("max_length_mm", 1000)])[0]] +
                         [o["max_length_mm"] for o in others if "max_length_mm" in o])
            thick = min((m.get("max_thickness_mm") or {}).get(material, 6)
                        for m in [t] + others)
            thickness = round(rnd.uniform(0.5, max(0.6, 0.7 * thick)), 1)
            part["size_mm"] = [round(length * rnd.uniform(0.05, 0.7), 1),
                               round(length * rnd.uniform(0.02, 0.4), 1), thickness]
            part["thickness_mm"] = thickness
        else:
            part["size_mm"] = [round(max(0.5, x * rnd.uniform(0.05, 0.7)), 1)
                               for x in t["envelope_mm"]]
        base = t.get("roughness_ra_um", 3.2)
        part["roughness_ra_um"] = min(50.0, round(base * rnd.choice([1.6, 2, 4, 8]), 2))
        lo, hi = CYCLE_MIN.get(combo[0], (2, 20))
        # a series part is a short cycle: run hours per operation mostly 1-40 h
        budget_h = math.exp(rnd.uniform(0, math.log(40)))
        cycle = min(rnd.uniform(lo, hi), budget_h * 60 / (quantity * part["quantity"]))
        part["cycle_time_min"] = max(0.05, round(cycle, 2))
        for q in qn.questions:
            if q.scope == "part" and q.id not in part and q.key not in ALWAYS:
                part[q.id] = pick(q)
        for q in qn.questions:
            if q.scope == "part" and q.id in part and not keep(q, req, part):
                part[q.id] = None
        part = {k: val for k, val in part.items()
                if val is not None and qn.question("part", k) is not None}
        if part.get("surface_treatment"):
            # a treatment for the part's material: one drawn from any example part
            # (passivation for S235, anodising for steel) made 69 % of the batch ask
            # FIT-TREATMENT's question, which a real enquiry seldom does
            part["surface_treatment"] = [
                treatment for treatment in part["surface_treatment"]
                if not _catalogue().wrong_treatment(treatment, part.get("material"))]
        req["parts"].append(_temper_taken(part))
    if price is not None:
        # a customer's target price: what the product roughly costs, give or take
        cost = sum(p.get("cycle_time_min", 5) * p.get("quantity", 1) / 60 * 80
                   for p in req["parts"])
        req["target_unit_price_eur"] = round(max(0.5, cost * rnd.uniform(1.0, 4.0)), 2)
    return req
