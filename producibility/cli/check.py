"""``producibility check``: screen one request and write its report."""

import click

from producibility.cli.common import (Command, language, formats, input_options, output_options,
                                      screener_of)
from producibility.project import Settings, emit


def _quantities(ctx, param, value):
    """'10,50,200' as (10, 50, 200): whole numbers of 1 to 1,000,000."""
    if value is None:
        return None
    from producibility.intake.answers import parse_quantities

    try:
        return parse_quantities(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command(cls=Command)
@click.argument("request", type=click.Path(exists=False))
@input_options()
@output_options(formats(), "text", report=True)
@click.option("--as-of", default=None, metavar="YYYY-MM-DD")
@click.option("--probe/--no-probe", default=True, show_default=True)
@click.option("--assumptions/--no-assumptions", default=True, show_default=True)
@click.option("--quantities", default=None, metavar="N,N,...", callback=_quantities)
def check(request, config_file, equipment, rules, no_default_rules, fmt, lang, output, as_of,
          template_dir, probe, assumptions, audience, csv_style, quantities):
    """``producibility check``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    import gc

    from producibility.model.pack import gc_paused
    from producibility.report.render import render

    settings = Settings.read(config_file)
    lang = language(settings, lang)
    screener = screener_of(settings, equipment, rules, no_default_rules, lang)
    # One request, and what screening and rendering it build is dropped when the
    # command ends: the cyclic garbage collector would only scan it (~1% of a check),
    # also once when it is switched on again (so it is frozen out of its scans first).
    source, name = request, None
    if request == "-":  # the request on standard input, YAML or JSON
        from producibility.inputs import yamlio

        source, name = yamlio.load_stream(click.get_binary_stream("stdin"), STDIN,
                                          as_written=True), STDIN
        request = None  # no file of the command's inputs
        if not isinstance(source, dict):
            from producibility.errors import InputError, Wording
            raise InputError.said(Wording("inputs", "request_shape"), STDIN,
                                  getattr(source, "line", 1))
    if audience == "customer" and as_of is None:
        # an offer is a promise made the day it is written: dated today, valid from
        # today, its lead time counted from today (a month-old enquiry's offer was dated
        # the enquiry's day and arrived expired, its delivery date gone); the internal
        # report keeps counting from the request's date
        from producibility import clock
        as_of = clock.today().isoformat()
    with gc_paused():
        report = screener.check(source, lang=lang, as_of=as_of, probe=probe,
                                assume=assumptions, quantities=quantities, source_name=name)
        # the shop as the customer sees it: the config's provider over the catalogue's
        offer = {"provider": settings.provider(screener.equipment.provider, lang)} \
            if audience == "customer" else None
        emit(render(report, fmt, lang, template_dir, csv_style=csv_style, audience=audience,
                    offer=offer),
             output, settings.inputs(request, settings.equipment(equipment, lang),
                                     *settings.packs(rules)), lang)
        gc.freeze()


STDIN = "<stdin>"  # the name errors give the request read from standard input
