"""Batch screening: many requests, in input order, one bad request never stops the rest."""

import gc
import json
import multiprocessing
import os
from pathlib import Path

from .errors import InputError, ProducibilityError

SUFFIXES = (".yaml", ".yml", ".json")


def collect_inputs(paths):
    """(name, source) pairs: files as given, directories expanded in name order."""
    items = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            items += [(str(f), f) for f in sorted(p.iterdir())
                      if f.suffix in SUFFIXES and f.is_file() and not f.name.startswith(".")]
        else:
            items.append((str(p), p))
    return items


def read_jsonl(stream, name="<stdin>"):
    """(name, request dict or InputError) per non-empty line of JSON Lines."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"{name}:{number}", InputError(f"invalid JSON: {exc.msg}", name, number)
            continue
        yield f"{name}:{number}", value


# Each worker process builds its Screener once (the engine compile is the costly part).
_WORKER = {}


def _init_worker(settings):
    from .load import load_equipment, load_packs
    from .screen import Screener

    _WORKER["screener"] = Screener(load_equipment(settings["equipment"]),
                                   load_packs(settings["packs"], settings["use_default"]))
    gc.freeze()  # the compiled pack lives as long as the worker: keep it out of GC scans
    _WORKER["lang"] = settings["lang"]
    _WORKER["as_of"] = settings.get("as_of")
    _WORKER["probe"] = settings.get("probe", False)


def _screen_one(item):
    index, name, source = item
    record = {"index": index, "source": name}
    try:
        if isinstance(source, Exception):
            raise source
        report = _WORKER["screener"].check(
            source if isinstance(source, dict) else str(source), lang=_WORKER["lang"],
            as_of=_WORKER["as_of"], source_name=name, probe=_WORKER["probe"])
        record.update(ok=True, report=report.to_dict())
    except ProducibilityError as exc:
        record.update(ok=False, error=str(exc).splitlines()[0])
    except Exception as exc:  # noqa: BLE001 - one broken request must not stop the batch
        record.update(ok=False, error=f"internal error: {type(exc).__name__}: {exc}")
    return record


def screen_many(items, settings, jobs=1):
    """Yield one record per (name, source) item, in input order."""
    numbered = ((i, name, source) for i, (name, source) in enumerate(items))
    if jobs <= 1:
        _init_worker(settings)
        for item in numbered:
            yield _screen_one(item)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.imap(_screen_one, numbered, chunksize=16)


SUMMARY_FIELDS = ("index", "source", "request_id", "verdict", "effort_class", "total_h",
                  "cost_low_eur", "cost_high_eur", "mrl_overall", "mrl_target", "findings",
                  "open_questions", "error")


def summary_row(record):
    if not record["ok"]:
        return {"index": record["index"], "source": record["source"], "error": record["error"]}
    r = record["report"]
    return {"index": record["index"], "source": record["source"],
            "request_id": r["request"]["id"], "verdict": r["verdict"],
            "effort_class": r["effort"]["class"], "total_h": r["effort"]["total_h"],
            "cost_low_eur": r["effort"]["cost_eur"]["low"],
            "cost_high_eur": r["effort"]["cost_eur"]["high"],
            "mrl_overall": r["mrl"]["overall"], "mrl_target": r["mrl"]["target"],
            "findings": len(r["findings"]), "open_questions": len(r["open_questions"]),
            "error": ""}
