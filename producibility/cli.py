"""The command line: a thin layer over the library.

Exit codes (a documented contract, tested in tests/test_cli.py):

* 0: the request was screened (whatever the verdict), or the command succeeded
  (``ask`` also exits 0 at end of input, after saving the answers given)
* 1: bad input: a request, catalogue, pack or option value is wrong (one line per problem)
* 2: usage error (unknown option, missing argument), from click
* 3: internal error: a bug in producibility; please report it
* 4: batch: every request was handled, but some had bad input (see their error records)
* 130: interrupted (Ctrl-C or SIGTERM); nothing half-written is left behind
"""

import json
import os
import signal
import sys
from pathlib import Path

import click

from producibility import __version__
from producibility.errors import InputError, ProducibilityError
from producibility.project import AtomicFile, atomic_write, terminal_safe, write_stdout  # noqa: F401

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
CONFIG_NAME = "producibility.yaml"


def load_config(path=None):
    """The project config: ``producibility.yaml`` here, or the --config file."""
    from producibility.inputs import yamlio
    from producibility.inputs import schema as schemas

    if path is None:
        candidate = Path.cwd() / CONFIG_NAME
        if not candidate.is_file():
            return {}, None
        path = candidate
    document = yamlio.load(path)
    if document is None:
        return {}, Path(path)
    schemas.check(document, schemas.shipped("config"), str(path))
    return document, Path(path)


def _config_path(base, value):
    p = Path(value)
    return p if p.is_absolute() or base is None else base.parent / p


def _resolve(config_option, equipment, rules, lang, no_default_rules):
    config, where = load_config(config_option)
    if equipment is None and "equipment" in config:
        equipment = _config_path(where, config["equipment"])
    if equipment is None:
        raise InputError("no equipment catalogue: pass --equipment FILE or name it under "
                         f"'equipment:' in {CONFIG_NAME}")
    packs = list(rules)
    if not packs and "rules" in config:
        packs = [_config_path(where, p) for p in config["rules"]]
    lang = lang or config.get("lang") or "en"
    use_default = not no_default_rules and config.get("default_rules", True)
    return equipment, packs, lang, use_default


def _config_packs(config_option, packs, lang):
    """For commands that work on packs: the given packs, else the config's (as ``check``
    uses them), and the language: the option's, else the config's, else English."""
    config, where = load_config(config_option)
    if not packs and "rules" in config:
        packs = [_config_path(where, p) for p in config["rules"]]
    return list(packs), lang or config.get("lang") or "en", config.get("default_rules", True)


LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
              ".jpeg": "image/jpeg"}
MAX_LOGO_BYTES = 300_000


def provider_settings(config_option=None, equipment_provider=None):
    """The shop as the customer sees it: the config's ``provider:`` over the catalogue's.

    The logo file becomes a ``data:`` URI, so that the offer stays one file that
    makes no network request.
    """
    import base64

    config, where = load_config(config_option)
    out = {k: v for k, v in (equipment_provider or {}).items() if k in ("name", "location")}
    out.update(config.get("provider") or {})
    address = out.get("address")
    if isinstance(address, str):
        out["address"] = [line.strip() for line in address.splitlines() if line.strip()]
    elif address is None and out.get("location"):
        out["address"] = [out["location"]]
    logo = out.pop("logo", None)
    if logo:
        path = _config_path(where, logo)
        kind = LOGO_TYPES.get(path.suffix.lower())
        if kind is None:
            raise InputError("the logo must be an .svg, .png or .jpg file", str(path))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the logo: {exc.strerror}", str(path)) from None
        if len(data) > MAX_LOGO_BYTES:
            raise InputError(f"the logo is larger than {MAX_LOGO_BYTES:,} bytes", str(path))
        out["logo_uri"] = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return out


def config_option(fn):
    return click.option("--config", "config_file", type=click.Path(exists=False), default=None,
                        help=f"Project config file (default: ./{CONFIG_NAME} if present); "
                             "its packs and language are used when none are given.")(fn)


def report_options(fn):
    """The shared output options of every command that writes a report."""
    fn = click.option("-o", "--output", type=click.Path(dir_okay=False),
                      help="Write to this file (atomically) instead of standard output.")(fn)
    fn = click.option("--lang", type=click.Choice(["en", "nl"]), default=None,
                      help="Language of the report (default: config, else en).")(fn)
    fn = click.option("--template", "template_dir", type=click.Path(file_okay=False),
                      default=None, help="Directory with your own report templates "
                      "(report.md.j2, report.html.j2, ...); missing ones fall back to ours.")(fn)
    fn = click.option("--format", "fmt",
                      type=click.Choice(["text", "json", "md", "html", "pdf", "csv"]),
                      default="text", show_default=True,
                      help="Output format: text summary, json report, md, html or pdf (A4) "
                           "report, csv quote lines.")(fn)
    fn = click.option("--audience", type=click.Choice(["internal", "customer"]),
                      default="internal", show_default=True,
                      help="internal: the screening report for the shop; customer: an offer "
                           "to send (no rule ids, contingency or digests).")(fn)
    fn = click.option("--csv-style", type=click.Choice(["plain", "excel"]), default=None,
                      help="csv: plain (commas, decimal point) or excel (semicolons, decimal "
                           "commas, a byte-order mark: what Dutch Excel opens). Default: "
                           "excel with --lang nl, else plain.")(fn)
    return fn


def input_options(fn):
    """Where the equipment, packs and project config come from."""
    fn = click.option("--no-default-rules", is_flag=True,
                      help="Do not load the shipped default pack first.")(fn)
    fn = click.option("--rules", "rules", multiple=True, type=click.Path(exists=False),
                      help="A rule pack file or directory; repeat for more (applied in order, "
                           "after the shipped default pack).")(fn)
    fn = click.option("--equipment", type=click.Path(exists=False), default=None,
                      help="The equipment catalogue (default: from producibility.yaml).")(fn)
    fn = click.option("--config", "config_file", type=click.Path(exists=False), default=None,
                      help=f"Project config file (default: ./{CONFIG_NAME} if present).")(fn)
    return fn


def emit(text, output, inputs=()):
    """The one way a command writes its result: to -o FILE (atomically) or stdout."""
    if output:
        atomic_write(output, text, inputs)
    elif isinstance(text, bytes):
        if sys.stdout.isatty():
            raise InputError("a PDF is not for the terminal: write it to a file with -o FILE")
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
    else:
        write_stdout(text)


def _inputs(*paths):
    """The files a command reads (directories expanded), which its output must not replace."""
    files = []
    for path in paths:
        if path is None:
            continue
        p = Path(path)
        try:
            files += sorted(p.iterdir()) if p.is_dir() else [p]
        except OSError:
            files.append(p)
    if Path(CONFIG_NAME).is_file():
        files.append(Path(CONFIG_NAME))
    return files


def _quantities(ctx, param, value):
    """'10,50,200' as (10, 50, 200): whole numbers of 1 to 1,000,000."""
    if value is None:
        return None
    from producibility.report.costing import parse_quantities

    try:
        return parse_quantities(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="producibility")
def cli():
    """Screen Factory-as-a-Service requests against your own equipment.

    Example: producibility check examples/requests/bracket-series.yaml --equipment examples/equipment.yaml
    """


@cli.command()
@click.argument("request", type=click.Path(exists=False))
@input_options
@report_options
@click.option("--as-of", default=None, metavar="YYYY-MM-DD",
              help="Count free capacity from this date (default: the request's date, "
                   "else today).")
@click.option("--probe/--no-probe", default=True, show_default=True,
              help="Rank open questions by screening their answers (what-if).")
@click.option("--assumptions/--no-assumptions", default=True, show_default=True,
              help="Fill questions left open with the questionnaire's ordinary answers "
                   "(assume:) and list them to confirm; --no-assumptions screens strictly.")
@click.option("--quantities", default=None, metavar="N,N,...", callback=_quantities,
              help="Quantity breaks: price per piece and total for each quantity "
                   "(for example 10,50,200).")
def check(request, config_file, equipment, rules, no_default_rules, fmt, lang, output, as_of,
          template_dir, probe, assumptions, audience, csv_style, quantities):
    """Screen one request: verdict, effort, MRL, risks, machines, open questions.

    Example: producibility check examples/requests/bracket-series.yaml --equipment examples/equipment.yaml --lang nl
    """
    from producibility.report.render import render
    from producibility.screen import Screener

    equipment, packs, lang, use_default = _resolve(config_file, equipment, rules, lang,
                                                   no_default_rules)
    from producibility.model.load import load_equipment, load_packs

    screener = Screener(load_equipment(equipment), load_packs(packs, use_default))
    report = screener.check(request, lang=lang, as_of=as_of, probe=probe,
                            assume=assumptions, quantities=quantities)
    offer = None
    if audience == "customer":
        from producibility.model.load import load_request
        offer = {"provider": provider_settings(config_file, screener.equipment.provider),
                 "request": load_request(request, screener.questionnaire, lang=lang),
                 "pack": screener.pack, "questionnaire": screener.questionnaire}
    emit(render(report, fmt, lang, template_dir, csv_style=csv_style, audience=audience,
                offer=offer), output, _inputs(request, config_file, equipment, *packs))


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@input_options
@click.option("--lang", type=click.Choice(["en", "nl"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl",
              show_default=True, help="JSON Lines (one full report per request) or a CSV summary.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here (atomically: the file appears when the batch is complete).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes.")
@click.option("--as-of", default=None, metavar="YYYY-MM-DD")
@click.option("--probe/--no-probe", default=False, show_default=True,
              help="Rank open questions by screening their answers (what-if); costs about "
                   "10x the time of a request with open questions.")
def batch(inputs, config_file, equipment, rules, no_default_rules, lang, fmt, output, jobs,
          as_of, probe):
    """Screen many requests: files, directories, or JSON Lines on standard input.

    Results come in input order, one per request; a bad request gives an error record
    and the rest still complete (exit 4 if any failed). Throughput goes to stderr.
    Example: producibility batch examples/requests/ --jobs 2 --format csv -o summary.csv
    """
    import csv
    import io
    import time

    from producibility.batch import SUMMARY_FIELDS, collect_inputs, read_jsonl, screen_many, summary_row

    equipment, packs, lang, use_default = _resolve(config_file, equipment, rules, lang,
                                                   no_default_rules)
    from producibility.model.load import load_equipment, load_packs

    from producibility.screen import parse_as_of

    as_of = parse_as_of(as_of)
    load_packs(packs, use_default)  # fail early, once, on a broken pack or catalogue
    load_equipment(equipment)
    if not inputs or inputs == ("-",):
        items = list(read_jsonl(sys.stdin))
    else:
        items = collect_inputs(inputs)
    settings = {"equipment": str(equipment), "packs": [str(p) for p in packs],
                "use_default": use_default, "lang": lang, "as_of": as_of, "probe": probe}
    sources = [source for _, source in items if isinstance(source, Path)]
    sink = AtomicFile(output, _inputs(config_file, equipment, *packs, *sources)) \
        if output else None
    write = sink.write if sink else write_stdout
    writer = None
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=SUMMARY_FIELDS, lineterminator="\n")
        writer.writeheader()
        write(buffer.getvalue())
    started, failed, done = time.perf_counter(), 0, 0
    complete = False
    try:
        records = screen_many(items, settings, jobs)
        show_bar = sys.stderr.isatty() and len(items) > 1
        with click.progressbar(records, length=len(items), label="screening", file=sys.stderr,
                               hidden=not show_bar) as bar:
            for record in bar:
                done += 1
                failed += not record["ok"]
                if writer:
                    buffer = io.StringIO()
                    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_FIELDS,
                                            lineterminator="\n")
                    writer.writerow(summary_row(record))
                    write(buffer.getvalue())
                else:
                    write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
        complete = True
    finally:
        if sink:
            sink.commit() if complete else sink.discard()
    seconds = time.perf_counter() - started
    rate = done / seconds if seconds > 0 else 0.0
    click.echo(f"{done} requests ({done - failed} screened, {failed} failed) in {seconds:.2f} s: "
               f"{rate:.0f} requests/s with {jobs} job(s)", err=True)
    if failed:
        raise SystemExit(EXIT_PARTIAL)


@cli.command()
@click.argument("request_a", type=click.Path())
@click.argument("request_b", type=click.Path(), required=False)
@input_options
@click.option("--equipment-b", type=click.Path(), default=None,
              help="Screen B against this catalogue instead (what if we buy a machine?).")
@click.option("--rules-b", multiple=True, type=click.Path(),
              help="Screen B with these packs instead of --rules.")
@click.option("--lang", type=click.Choice(["en", "nl"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False))
def compare(request_a, request_b, config_file, equipment, rules, no_default_rules, equipment_b,
            rules_b, lang, fmt, output):
    """What-if: how verdict, effort, MRL, machines and findings differ between A and B.

    Compare two requests (a changed drawing), or one request against two catalogues
    (--equipment-b) or two pack sets (--rules-b).
    Example: producibility compare examples/requests/shaft-oversize.yaml --equipment-b bigger-lathe.yaml
    """
    from producibility.report.compare import as_text, compare as diff_reports
    from producibility.model.load import load_equipment, load_packs
    from producibility.screen import Screener

    if request_b is None and equipment_b is None and not rules_b:
        raise InputError("compare needs a second request, --equipment-b or --rules-b")
    equipment, packs, lang, use_default = _resolve(config_file, equipment, rules, lang,
                                                   no_default_rules)
    pack = load_packs(packs, use_default)
    screener_a = Screener(load_equipment(equipment), pack)
    screener_b = screener_a
    if equipment_b or rules_b:
        screener_b = Screener(load_equipment(equipment_b or equipment),
                              load_packs(list(rules_b), use_default) if rules_b else pack)
    report_a = screener_a.check(request_a, lang=lang).to_dict()
    report_b = screener_b.check(request_b or request_a, lang=lang).to_dict()
    diff = diff_reports(report_a, report_b)
    inputs = _inputs(request_a, request_b, config_file, equipment, equipment_b, *packs,
                     *rules_b)
    if fmt == "json":
        emit(json.dumps(diff, indent=2, sort_keys=True, ensure_ascii=False) + "\n", output,
             inputs)
    else:
        label_a = f"{request_a}" + (f" on {equipment}" if equipment_b else "")
        label_b = f"{request_b or request_a}" + (f" on {equipment_b}" if equipment_b else "") + \
            (f" with {', '.join(rules_b)}" if rules_b else "")
        emit(terminal_safe(as_text(diff, label_a, label_b)), output, inputs)


@cli.command()
@click.argument("name", type=click.Choice(["request", "equipment", "rules", "report",
                                           "questionnaire", "config"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
def schema(name, output):
    """Print a JSON Schema: request, equipment, rules, report, questionnaire or config.

    The request schema's catalogue choices (processes, materials, ...) include the
    entries of the packs the project config names.

    Example: producibility schema report -o report.schema.json
    """
    from producibility.inputs import schema as schemas
    from producibility.intake_cli import _catalogue
    from producibility.model.questionnaire import load_questionnaire

    data = load_questionnaire(catalogue=_catalogue()).request_schema if name == "request" \
        else schemas.shipped(name)
    emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", output)


@cli.group()
def rules():
    """Work on rule packs: lint, test, show, explain."""


def _pack_sources(packs, no_default_rules):
    """The default pack first (unless told otherwise), then the given packs."""
    from producibility.model.defaults import default_pack_dir

    default = default_pack_dir()
    given = [Path(p) for p in packs]
    given_real = {p.resolve() for p in given}
    if no_default_rules or default.resolve() in given_real:
        return given, given
    return [default] + given, given or [default]


@rules.command("lint")
@click.argument("packs", nargs=-1, type=click.Path())
@click.option("--no-default-rules", is_flag=True,
              help="Lint the packs alone, not on top of the shipped default pack.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@config_option
def rules_lint(packs, no_default_rules, strict, config_file):
    """Check rule packs; print every problem as file:line:col: CODE message.

    Errors (E...) exit 1; warnings (W...) only with --strict. Silence a warning on
    one rule with `lint: {ignore: [W150]}`. Without PACKS, lints the config's packs
    (producibility.yaml), else the shipped pack.
    Example: producibility rules lint our-rules/
    """
    from producibility.authoring.lint import lint

    packs, _, use_default = _config_packs(config_file, packs, None)
    sources, shown = _pack_sources(packs, no_default_rules or not use_default)
    shown_files = {str(f.resolve()) for p in shown for f in
                   (sorted(p.glob("*.y*ml")) if p.is_dir() else [p])}
    problems = [p for p in lint(sources)
                if str(Path(p.path).resolve()) in shown_files or not Path(p.path).exists()]
    for problem in problems:
        click.echo(terminal_safe(str(problem)))
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
    if errors or (strict and warnings):
        raise SystemExit(EXIT_INPUT)


@rules.command("show")
@click.argument("packs", nargs=-1, type=click.Path())
@click.option("--merged", is_flag=True,
              help="Show the final merged pack (default plus PACKS, overrides applied).")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html"]), default="text",
              show_default=True)
@click.option("--lang", type=click.Choice(["en", "nl"]), default=None,
              help="Language (default: config, else en).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@config_option
def rules_show(packs, merged, fmt, lang, output, config_file):
    """Show a pack as a table per thread, for review meetings and documentation.

    Example: producibility rules show --merged our-rules/ --format html -o rules.html
    """
    from producibility.model.load import load_packs
    from producibility.authoring.packdoc import show

    packs, lang, use_default = _config_packs(config_file, packs, lang)
    sources, shown = _pack_sources(packs, not use_default)
    pack = load_packs(sources, include_default=False)
    only = None
    if not merged and packs:
        shown_files = {str(f.resolve()) for p in shown for f in
                       (sorted(p.glob("*.y*ml")) if p.is_dir() else [p])}
        only = {r.id for r in pack.rules if str(Path(r.path).resolve()) in shown_files}
    emit(show(pack, fmt, lang, only), output, _inputs(*sources))


@rules.command("explain")
@click.argument("rule_id")
@click.option("--rules", "packs", multiple=True, type=click.Path(),
              help="Extra packs on top of the default pack.")
@click.option("--lang", type=click.Choice(["en", "nl"]), default=None,
              help="Language (default: config, else en).")
@config_option
def rules_explain(rule_id, packs, lang, config_file):
    """Explain one rule in full: condition, flags, consequence and the questions it needs.

    Example: producibility rules explain MAT-003 --lang nl
    """
    from producibility.model.load import load_packs
    from producibility.authoring.packdoc import explain
    from producibility.model.questionnaire import load_questionnaire

    packs, lang, use_default = _config_packs(config_file, packs, lang)
    pack = load_packs(packs, use_default)
    text = explain(pack, rule_id, load_questionnaire(), lang)
    if text is None:
        from producibility.inputs.schema import did_you_mean
        raise InputError(f"no rule {rule_id}{did_you_mean(rule_id, [r.id for r in pack.rules])}")
    click.echo(terminal_safe(text), nl=False)


@rules.command("test")
@click.argument("packs", nargs=-1, type=click.Path(exists=True))
@click.option("-v", "--verbose", is_flag=True, help="List every case, not only failures.")
@config_option
def rules_test(packs, verbose, config_file):
    """Run the test cases that live next to rule packs (default: the config's, else the shipped pack).

    Each case names rules that must and must not fire, or the expected verdict.
    Example: producibility rules test rules/
    """
    from producibility.model.defaults import default_pack_dir
    from producibility.model.load import load_equipment, load_packs
    from producibility.authoring.packtest import case_files, coverage, run_cases
    from producibility.screen import Screener

    packs, _, _ = _config_packs(config_file, packs, None)
    targets = [Path(p) for p in packs] or [default_pack_dir()]
    default = default_pack_dir().resolve()
    extra = [p for p in targets if p.resolve() != default]
    pack = load_packs(extra, include_default=True)
    files = [f for t in targets for f in case_files(t)]
    if not files:
        raise InputError("no test cases found (tests/*.cases.yaml in the pack directory)",
                         str(targets[0]))
    screeners = {}

    def screener_for(path):
        key = str(Path(path).resolve())
        if key not in screeners:
            screeners[key] = Screener(load_equipment(path), pack)
        return screeners[key]

    results = run_cases(files, pack, screener_for)
    failed = [r for r in results if not r.passed]
    for r in results:
        if verbose or not r.passed:
            mark = "PASSED" if r.passed else "FAILED"
            click.echo(terminal_safe(f"{r.file}:{r.line}: {mark} {r.name}"))
            for problem in r.problems:
                click.echo(terminal_safe(f"    {problem}"))
            if not r.passed:
                click.echo(f"    fired: {', '.join(r.fired) or 'nothing'}")
    own = {r.id for r in pack.rules if any(
        Path(r.path).resolve().is_relative_to(t.resolve()) or Path(r.path).resolve() == t.resolve()
        for t in targets)}
    cover = coverage(pack, files)
    untested = sorted(rid for rid in own if cover.get(rid, (0, 0))[0] == 0)
    no_negative = sorted(rid for rid in own if cover.get(rid, (0, 0))[1] == 0)
    if untested:
        click.echo(f"no case makes these rules fire: {', '.join(untested)}")
    if no_negative:
        click.echo(f"no case checks these rules stay quiet: {', '.join(no_negative)}")
    summary = f"{len(results) - len(failed)} passed, {len(failed)} failed"
    click.echo(f"==== {summary} in {len(files)} file(s) ====")
    if failed:
        raise SystemExit(EXIT_INPUT)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False))
def init(directory):
    """Start a provider folder: config, equipment template, own pack with a test case.

    Refuses to overwrite existing files.
    Example: producibility init mijn-werkplaats && cd mijn-werkplaats && producibility rules test rules/
    """
    scaffold = Path(__file__).resolve().parent / "scaffold"
    target = Path(directory)
    files = sorted(p for p in scaffold.rglob("*.yaml"))
    existing = [str(target / p.relative_to(scaffold)) for p in files
                if (target / p.relative_to(scaffold)).exists()]
    if existing:
        raise InputError(f"would overwrite {existing[0]}; choose an empty directory")
    for source in files:
        destination = target / source.relative_to(scaffold)
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot create: {exc.strerror}", str(destination.parent)) from None
        atomic_write(destination, source.read_text(encoding="utf-8"))
        click.echo(f"created {destination}")
    click.echo(f"next: cd {target} && producibility rules test rules/ && "
               "producibility check requests/example.yaml")


from producibility.intake_cli import ask, questionnaire, validate  # noqa: E402
cli.add_command(ask); cli.add_command(validate); cli.add_command(questionnaire)  # noqa: E702


def _terminated(signum, frame):
    """SIGTERM ends a run like Ctrl-C: temporary files removed, exit 130."""
    raise KeyboardInterrupt


def main(argv=None):
    """Console entry point: errors become one line each and an exit code."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        previous = None
    try:
        _main(argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main(argv):
    try:
        code = cli.main(args=argv, prog_name="producibility", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code if exc.exit_code != 1 else EXIT_INPUT)
    except ProducibilityError as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            click.echo(f"Error: {terminal_safe(line)}", err=True)
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit:
        raise
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("PRODUCIBILITY_DEBUG"):
            raise
        click.echo(terminal_safe(f"Internal error: {type(exc).__name__}: {exc} ")
                   + "(a bug in producibility; set PRODUCIBILITY_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
