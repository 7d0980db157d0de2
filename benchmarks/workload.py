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
    return {"provider": json.loads(json.dumps(v.provider)), "machines": machines}


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
    from producibility.questionnaire import load_questionnaire
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
        "batches": rnd.randint(1, 6),
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
        if q.scope == "request" and q.id not in req and q.id != "parts":
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
        req["parts"].append(part)
    return req


def example_request():
    from producibility.load import load_request
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
    """Write n generated rules as rule-pack YAML files into directory."""
    rnd = random.Random(seed * 31337 + n_rules)
    materials = vocab().all_materials
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rules = [gen_rule(i + 1, rnd, materials) for i in range(n_rules)]
    for k in range(0, n_rules, per_file):
        doc = {"rules": rules[k:k + per_file]}
        if k == 0:
            doc = {"pack": {"id": f"generated-{n_rules}", "version": "0.0.1"}, **doc}
        text = "# Generated by benchmarks/workload.py: synthetic rules for timing.\n" + \
            yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=200)
        (directory / f"gen-{k // per_file:03d}.yaml").write_text(text, encoding="utf-8")
    return directory
