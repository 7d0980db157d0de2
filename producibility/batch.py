"""Batch screening: many requests, in input order, one bad request never stops the rest.

:func:`screen_to` screens the requests and writes each result as it comes, as JSON Lines
(one full report per request) or a CSV summary; the command line only says where to.
"""

import collections
import contextlib
import csv
import functools
import gc
import io
import json
import multiprocessing
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import orjson

from producibility.inputs import cache, yamlio
from producibility.errors import InputError, ProducibilityError, Wording

SUFFIXES = (".yaml", ".yml", ".json")
#: The output formats: JSON Lines (one full report per request) or a CSV summary.
FORMATS = ("jsonl", "csv")


def collect_inputs(paths, skipped=None):
    """(name, source) pairs: files as given, directories expanded in name order.

    A directory gives its request files: ``.yaml``, ``.yml`` and ``.json`` in any case
    (``C.JSON``), not hidden ones, not its subdirectories.  ``skipped``: a list to which
    (directory, why, name) is added for each entry left out, ``why`` one of
    ``subdirectory``, ``hidden``, ``other`` (another kind of file)."""
    items = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.iterdir()):
                why = "hidden" if f.name.startswith(".") else \
                    "subdirectory" if f.is_dir() else \
                    "other" if f.suffix.lower() not in SUFFIXES or not f.is_file() else None
                if why is None:
                    items.append((str(f), f))
                elif skipped is not None:
                    skipped.append((str(p), why, f.name))
        else:
            items.append((str(p), p))
    return items


SKIPPED_NAMED = 3  # the names a note on skipped entries gives, per kind


def skipped_notes(skipped, lang):
    """One line per directory that had entries left out: how many, and why."""
    from producibility import i18n

    notes = []
    for directory in dict.fromkeys(d for d, _, _ in skipped):
        whys = []
        for why in ("subdirectory", "other", "hidden"):
            names = [n for d, w, n in skipped if d == directory and w == why]
            if names:
                shown = ", ".join(names[:SKIPPED_NAMED]) + (", ..." if len(names) > SKIPPED_NAMED
                                                            else "")
                whys.append(i18n.text("cli", f"skipped_{why}", lang, n=len(names),
                                      names=shown))
        n = sum(1 for d, _, _ in skipped if d == directory)
        notes.append(i18n.text("cli", "skipped_entries", lang, n=n, directory=directory,
                               why="; ".join(whys)))
    return notes


def read_jsonl(stream, name="<stdin>"):
    """(name, request dict or InputError) per non-empty line of JSON Lines.

    A line is read with the limits of a YAML file (yamlio): its size, depth,
    duplicate keys, numbers; and it must be a JSON object, never a path to read.
    """
    source = getattr(stream, "buffer", stream)
    limit = yamlio.input_limit()
    number = 0
    while True:
        line = source.readline(limit + 1)
        if not line:
            return
        number += 1
        where = f"{name}:{number}"
        if isinstance(line, str):
            line = line.encode("utf-8", "surrogatepass")
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = source.readline(limit + 1)
                line = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
            yield where, InputError.said(Wording("inputs", "line_too_large", limit=limit),
                                         name, number)
            continue
        try:
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield where, InputError.said(Wording("inputs", "not_utf8", byte=exc.start + 1),
                                         name, number)
            continue
        if not text.strip():
            continue
        try:
            value = yamlio.loads_json(text, name, number)
        except InputError as exc:
            yield where, exc
            continue
        if not isinstance(value, dict):
            yield where, InputError.said(Wording("inputs", "line_not_object",
                                                 kind=type(value).__name__), name, number)
            continue
        yield where, value


def worker_settings(equipment, packs, use_default, lang, as_of=None, probe=False,
                    csv_style=None):
    """What every worker needs to screen, checked once here: a broken pack, catalogue
    or --as-of date fails the batch before the first request.  ``csv_style``: that of
    the CSV summary (``plain``, ``excel``; default excel for Dutch, as a report's CSV)."""
    from producibility.model.equipment import load_equipment
    from producibility.model.pack import load_packs
    from producibility.screen import parse_as_of

    as_of = parse_as_of(as_of)
    load_packs(packs, use_default)
    load_equipment(equipment, lang=lang)
    return {"equipment": str(equipment), "packs": [str(p) for p in packs],
            "use_default": use_default, "lang": lang, "as_of": as_of, "probe": probe,
            "csv_style": csv_style or ("excel" if lang == "nl" else "plain")}


# Each worker process builds its Screener once (the engine compile is the costly part).
_WORKER = {}


def _init_worker(settings):
    from producibility.model.equipment import load_equipment
    from producibility.model.pack import load_packs
    from producibility.screen import Screener

    _WORKER["screener"] = Screener(load_equipment(settings["equipment"], lang=settings["lang"]),
                                   load_packs(settings["packs"], settings["use_default"]))
    gc.freeze()  # the compiled pack lives as long as the worker: keep it out of GC scans
    _WORKER["lang"] = settings["lang"]
    _WORKER["as_of"] = settings.get("as_of")
    _WORKER["probe"] = settings.get("probe", False)
    _WORKER["csv_style"] = settings.get("csv_style") or "plain"


def _start_worker(settings):
    """In a worker: Ctrl-C and SIGTERM are the parent's to handle, quietly.

    A forked worker inherits the parent's Screener (settings None): a catalogue
    replaced on disk during the run changes nothing.  A spawned worker loads its
    own; if that fails, every request it gets says why."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked while the parent held them
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    if settings is not None:
        try:
            _init_worker(settings)
        except Exception as exc:  # noqa: BLE001 - reported per request, not a crash loop
            _WORKER["error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _screen_one(item):
    """One request's record.  The cache is read (the packs' records) but not written:
    a batch reads each request once (see ``cache.writes_paused``)."""
    with cache.writes_paused():
        return _screen_record(item)


def _screen_record(item):
    index, name, source = item
    record = {"index": index, "source": name}
    try:
        if isinstance(source, Exception):
            raise source
        if "error" in _WORKER:
            raise InputError.said(Wording("inputs", "worker_not_loaded",
                                          problem=_WORKER["error"]))
        report = _WORKER["screener"].check(
            source if isinstance(source, dict) else str(source), lang=_WORKER["lang"],
            as_of=_WORKER["as_of"], source_name=name, probe=_WORKER["probe"])
        record.update(ok=True, report=report.for_serialising())
    except ProducibilityError as exc:
        record.update(ok=False, error=exc.worded(_WORKER["lang"]).splitlines()[0])
    except Exception as exc:  # noqa: BLE001 - one broken request must not stop the batch
        record.update(ok=False, error=f"internal error: {type(exc).__name__}: {exc}")
    return record


def screen_many(items, settings, jobs=1, fmt=None):
    """Yield one record per (name, source) item, in input order; with ``fmt`` (one of
    FORMATS) instead (ok, the record's output line), written by the worker."""
    if fmt is None:
        yield from _screen_all(items, settings, jobs, _screen_one, lambda record: record)
    else:
        yield from _screen_all(items, settings, jobs, functools.partial(_screen_line, fmt=fmt),
                               lambda record: (record["ok"], _output_line(record, fmt),
                                               False))


def _screen_line(item, fmt):
    """(ok, the output line in ``fmt``, whether its dates count from a request's date
    more than a week ago) of one request: a worker writes the text itself, so the
    parent only passes a string on (a record as a dict is pickled, unpickled and encoded
    again, the parent's share alone ~0.6 ms a request)."""
    from producibility.report.leadtime import dated_long_ago

    record = _screen_one(item)
    return record["ok"], _output_line(record, fmt), record["ok"] and dated_long_ago(
        record["report"]["inputs"].get("dated_days_ago"))


def _output_line(record, fmt):
    if fmt == "csv":
        style = _WORKER.get("csv_style", "plain")
        return _csv_line(summary_row(record, style, _WORKER.get("lang", "en")), style)
    return json_line(record)


_ORJSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE


def json_line(record):
    """A record as one line of JSON Lines: keys sorted, UTF-8 text, no spaces, a newline.

    orjson writes a report (~36 KB) in ~0.1 ms where ``json`` takes ~0.5 ms, a tenth of
    what a batch request costs.  A value orjson does not take (an integer beyond 64 bits)
    is written by ``json`` in the same form."""
    try:
        return orjson.dumps(record, option=_ORJSON_OPTIONS).decode("utf-8")
    except TypeError:
        return json.dumps(record, sort_keys=True, ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")) + "\n"


def _screen_all(items, settings, jobs, work, lost):
    """Yield ``work(item)`` per (name, source) item, in input order; ``lost(record)``
    turns the error record of a request whose worker died into what ``work`` gives."""
    numbered = [(i, name, source) for i, (name, source) in enumerate(items)]
    if jobs <= 1 or len(numbered) <= 1:
        _init_worker(settings)
        for item in numbered:
            yield work(item)
        return
    yield from _screen_in_pool(numbered, settings, jobs, work, lost)


def _screen_in_pool(numbered, settings, jobs, work, lost):
    """Worker processes, results in input order, a bounded number of requests in flight.

    Requests go to the workers in chunks (up to CHUNK, fewer for a small batch, so
    every worker has some): one task per request cost the parent more time in the
    pool's bookkeeping than the writing of its output.

    A worker that dies (killed by the system when out of memory) breaks the pool:
    each request of the chunk at the head is then screened again alone, in a fresh
    worker, and gets an error record if that worker dies too; the other unfinished
    chunks go to a fresh pool.  So a crash costs one request, never the batch."""
    fork = os.name == "posix"
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        _init_worker(settings)  # inherited by every worker
    initargs = (None if fork else settings,)
    size = max(1, min(CHUNK, len(numbered) // (jobs * 4)))
    chunks = [numbered[i:i + size] for i in range(0, len(numbered), size)]
    each = functools.partial(_each, work)

    def new_pool(workers):
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                   initargs=initargs)

    def submit(chunk):
        if all(isinstance(item[2], Exception) for item in chunk):  # bad lines: no worker
            done = Future()
            done.set_result(each(chunk))
            return done
        with _signals_held():
            return pool.submit(each, chunk)

    pool = new_pool(jobs)
    pending = collections.deque()
    todo = iter(chunks)
    window = jobs * 4
    done_all = False
    try:
        while True:
            while len(pending) < window:
                chunk = next(todo, None)
                if chunk is None:
                    break
                pending.append((chunk, submit(chunk)))
            if not pending:
                done_all = True
                return
            chunk, future = pending.popleft()
            try:
                yield from future.result()
                continue
            except BrokenProcessPool:
                pass
            pool.shutdown(wait=False, cancel_futures=True)
            for item in chunk:
                yield _screen_alone(item, new_pool, work, lost)
            pool = new_pool(jobs)
            pending = collections.deque(
                (other, done if _finished(done) else submit(other))
                for other, done in pending)
    finally:
        # At the end the idle workers are waited for: a pool left shutting down races
        # with the interpreter's exit (CPython 3.11's concurrent.futures then writes to
        # a pipe its manager thread has just closed: "Exception ignored ... Bad file
        # descriptor" on stderr).  Stopped early (Ctrl-C, a closed pipe): no waiting.
        pool.shutdown(wait=done_all, cancel_futures=not done_all)


CHUNK = 16  # requests per task sent to a worker
_HELD = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held():
    """Ctrl-C and SIGTERM wait while workers may be forked (a pool forks them at its
    first task): arriving inside the fork, the parent's SIGTERM handler raised in
    logging's after-fork callback, and Python printed "Exception ignored in ...
    _releaseLock" with a traceback (1 run in 12 of the SIGTERM test).  Delivered
    when the fork is done, it stops the batch as anywhere else."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows spawns: nothing to hold
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _each(work, chunk):
    """``work`` on each request of a chunk, in a worker."""
    return [work(item) for item in chunk]


def _finished(future):
    return future.done() and not future.cancelled() and future.exception() is None


def _screen_alone(item, new_pool, work, lost):
    solo = new_pool(1)
    try:
        with _signals_held():
            future = solo.submit(work, item)
        return future.result()
    except BrokenProcessPool:
        return lost({"index": item[0], "source": item[1], "ok": False,
                     "error": "the worker screening this request stopped (killed by the "
                              "system, out of memory?)"})
    finally:
        solo.shutdown(wait=False, cancel_futures=True)


SUMMARY_FIELDS = ("index", "source", "request_id", "verdict", "effort_class", "total_h",
                  "cost_low_eur", "cost_high_eur", "lead_time_days", "earliest_date",
                  "meets_wanted_date", "mrl_overall", "mrl_target", "findings",
                  "open_questions", "error",
                  # appended (earlier columns keep their places): the lead time is only a
                  # lower bound (a run time unknown), the parts that cannot be made here
                  # (in neither cost nor date), how many items the cost leaves out, the
                  # deliveries (with more than one, the lead time is the first's), the MRL
                  # threads not assessed (mrl_overall is the lowest of the others: a
                  # one-line enquiry read "6" with six of nine threads unknown)
                  "lead_time_lower_bound", "parts_not_made", "not_priced", "deliveries",
                  "mrl_not_assessed",
                  # the days since the request's date where the dates count from it (no
                  # --as-of): an earliest date of 13-11 read "in time" on 23-11
                  "dated_days_ago")


def _csv_line(row, style="plain"):
    """One row of the summary in the style of the report's CSV (render/csv.py): plain
    (commas, a decimal point) or excel (what Dutch Excel opens: semicolons, CRLF)."""
    excel = style == "excel"
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=SUMMARY_FIELDS, lineterminator="\r\n" if excel else "\n",
                   delimiter=";" if excel else ",").writerow(row)
    return buffer.getvalue()


def csv_header(style="plain", lang="en"):
    """The summary's header: the column ids, or (excel) the report language's names
    after a UTF-8 byte-order mark, so that Excel reads the accents."""
    if style != "excel":
        return _csv_line(dict(zip(SUMMARY_FIELDS, SUMMARY_FIELDS)))
    from producibility.report.render.views import labels
    names = labels(lang)["batch_columns"]
    return "\ufeff" + _csv_line(dict(zip(SUMMARY_FIELDS, names)), style)


def screen_to(write, items, settings, jobs=1, fmt="jsonl", progress=iter):
    """Screen (name, source) items and write each record as it comes, in ``fmt`` (csv: the
    header first).  ``progress`` wraps the records (a progress bar).  Returns
    (requests done, requests failed, requests whose dates count from a request's date
    more than a week ago: :func:`~producibility.report.leadtime.dated_long_ago`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown batch format {fmt}")
    if fmt == "csv":
        write(csv_header(settings.get("csv_style") or "plain", settings.get("lang") or "en"))
    done = failed = dated = 0
    for ok, line, old in progress(screen_many(items, settings, jobs, fmt)):
        done += 1
        failed += not ok
        dated += bool(old)
        write(line)
    return done, failed, dated


def summary_row(record, style="plain", lang="en"):
    """One CSV row; text cells made inert for spreadsheets (no formulas).  Excel style:
    numbers with the decimal comma, the verdict and yes/no in the report's language."""
    from producibility.report.leadtime import nothing_made
    from producibility.report.render.csv import csv_cell as _csv_cell, number_cell
    from producibility.report.render.views import labels

    if not record["ok"]:
        return {"index": record["index"], "source": _csv_cell(record["source"]),
                "error": _csv_cell(record["error"])}
    r = record["report"]
    lead = r.get("lead_time") or {}
    meets = lead.get("meets_wanted_date")
    row = {"index": record["index"], "source": _csv_cell(record["source"]),
           "request_id": _csv_cell(r["request"]["id"]), "verdict": r["verdict"],
           "effort_class": r["effort"]["class"],
           "total_h": None if nothing_made(r) else r["effort"]["total_h"],
           # the quote's totals to the cent (the effort's cost_eur was whole euros, which
           # read 26315,00 where the report's lines add up to 26314,61)
           "cost_low_eur": None if nothing_made(r) else r["quote"]["totals"]["amount_eur"],
           "cost_high_eur": None if nothing_made(r) else
           r["quote"]["totals"]["amount_high_eur"],
           "lead_time_days": lead.get("days"), "earliest_date": lead.get("earliest_date"),
           "meets_wanted_date": meets,
           "mrl_overall": r["mrl"]["overall"], "mrl_target": r["mrl"]["target"],
           "findings": len(r["findings"]), "open_questions": len(r["open_questions"]),
           "error": "",
           "parts_not_made": _csv_cell(", ".join(lead.get("not_made") or ())),
           "not_priced": None if nothing_made(r) else len(r["quote"].get("not_priced") or ()),
           # the lead time and its date are the first delivery's where there are more
           "deliveries": lead.get("deliveries") or 1,
           "mrl_not_assessed": r["mrl"].get("not_assessed", 0),
           "dated_days_ago": r["inputs"].get("dated_days_ago")}
    # "at least N working days" (the text report's words): no date where there is none
    lower = None if lead.get("days") is None else bool(lead.get("without_run"))
    if style != "excel":
        row["meets_wanted_date"] = "" if meets is None else ("true" if meets else "false")
        row["lead_time_lower_bound"] = "" if lower is None else ("true" if lower else "false")
    else:
        words = labels(lang)
        row["verdict"] = words[r["verdict"]].capitalize()
        row["meets_wanted_date"] = "" if meets is None else words["yes" if meets else "no"]
        row["lead_time_lower_bound"] = "" if lower is None else words["yes" if lower else "no"]
        for key in ("total_h", "cost_low_eur", "cost_high_eur"):
            row[key] = number_cell(row[key], style)
    return row
