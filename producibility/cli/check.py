"""``producibility check``: screen one request and write its report."""

import click

from producibility.cli.common import (Command, language, formats, input_options, output_options,
                                      screener_of)
from producibility.project import Settings, emit


def _quantities(ctx, param, value):
    """'10,50,200' as (10, 50, 200): whole numbers of 1 to 1,000,000."""
    if value is None:
        return None
    from producibility.report.costing import parse_quantities

    try:
        return parse_quantities(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command(cls=Command)
@click.argument("request", type=click.Path(exists=False))
@input_options()
@output_options(formats(), "text", report=True,
                format_help="Output format: text summary, json report, md, html or pdf (A4) "
                            "report, csv quote lines.",
                lang_help="Language of the report (default: config, else en).")
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
    import gc

    from producibility.model.pack import gc_paused
    from producibility.report.render import render

    settings = Settings.read(config_file)
    lang = language(settings, lang)
    screener = screener_of(settings, equipment, rules, no_default_rules, lang)
    # One request, and what screening and rendering it build is dropped when the
    # command ends: the cyclic garbage collector would only scan it (~1% of a check),
    # also once when it is switched on again (so it is frozen out of its scans first).
    with gc_paused():
        report = screener.check(request, lang=lang, as_of=as_of, probe=probe,
                                assume=assumptions, quantities=quantities)
        # the shop as the customer sees it: the config's provider over the catalogue's
        offer = {"provider": settings.provider(screener.equipment.provider, lang)} \
            if audience == "customer" else None
        emit(render(report, fmt, lang, template_dir, csv_style=csv_style, audience=audience,
                    offer=offer),
             output, settings.inputs(request, settings.equipment(equipment, lang),
                                     *settings.packs(rules)), lang)
        gc.freeze()
