"""``producibility batch``: screen many requests, results in input order."""

import sys
import time
from pathlib import Path

import click

from producibility import batch as batching
from producibility import i18n
from producibility.cli.common import Command, input_options, language, output_options, say
from producibility.errors import EXIT_PARTIAL, Reported
from producibility.project import Settings, output_stream


@click.command(cls=Command)
@click.argument("inputs", nargs=-1, type=click.Path())
@input_options()
@output_options(batching.FORMATS, "jsonl")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--as-of", default=None, metavar="YYYY-MM-DD")
@click.option("--probe/--no-probe", default=False, show_default=True)
@click.option("--csv-style", type=click.Choice(["plain", "excel"]), default=None)
def batch(inputs, config_file, equipment, rules, no_default_rules, lang, fmt, output, jobs,
          as_of, probe, csv_style):
    """``producibility batch``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    settings = Settings.read(config_file)
    lang = language(settings, lang)
    equipment, packs = settings.equipment(equipment, lang), settings.packs(rules)
    worker = batching.worker_settings(equipment, packs, settings.use_default(no_default_rules),
                                      lang, as_of, probe, csv_style)
    if not inputs or inputs == ("-",):
        items = list(batching.read_jsonl(sys.stdin))
    else:
        skipped = []
        items = batching.collect_inputs(inputs, skipped)
        for note in batching.skipped_notes(skipped, lang):
            click.echo(note, err=True)
    sources = [source for _, source in items if isinstance(source, Path)]

    def progress(records):
        with click.progressbar(records, length=len(items), label=say("screening", lang),
                               file=sys.stderr,
                               hidden=not (sys.stderr.isatty() and len(items) > 1)) as bar:
            yield from bar

    started = time.perf_counter()
    with output_stream(output, settings.inputs(equipment, *packs, *sources)) as write:
        done, failed, dated = batching.screen_to(write, items, worker, jobs, fmt, progress)
    seconds = time.perf_counter() - started
    rate = done / seconds if seconds > 0 else 0.0
    summary = say("batch_summary", lang, n=done, screened=done - failed, failed=failed,
                  seconds=i18n.number(seconds, lang, 2, grouping=False),
                  rate=i18n.number(rate, lang, 0, grouping=False),
                  jobs=say("jobs_count", lang, n=jobs))
    if dated:  # dates counted from a day long gone: what the ERP must not read as promised
        from producibility import clock

        click.echo(say("batch_dated_long_ago", lang, n=dated, today=clock.today().isoformat()),
                   err=True)
    if failed:
        raise Reported(summary, EXIT_PARTIAL)
    click.echo(summary, err=True)
