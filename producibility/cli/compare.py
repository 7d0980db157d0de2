"""``producibility compare``: what-if, how two screenings differ."""

import json

import click

from producibility.cli.common import (Command, language, formats, input_options, output_options, say,
                                      screener_of)
from producibility.errors import InputError
from producibility.project import Settings, emit
from producibility.terminal import terminal_safe


@click.command(cls=Command)
@click.argument("request_a", type=click.Path())
@click.argument("request_b", type=click.Path(), required=False)
@input_options()
@click.option("--equipment-b", type=click.Path(), default=None)
@click.option("--rules-b", multiple=True, type=click.Path())
@output_options(formats("text", "json"), "text")
def compare(request_a, request_b, config_file, equipment, rules, no_default_rules, equipment_b,
            rules_b, lang, fmt, output):
    """``producibility compare``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.report.compare import as_text, compare as diff_reports, side_label

    settings = Settings.read(config_file)
    lang = language(settings, lang)
    if request_b is None and equipment_b is None and not rules_b:
        raise InputError(say("compare_needs_b", lang))
    equipment, packs = settings.equipment(equipment, lang), settings.packs(rules)
    screener_a = screener_of(settings, equipment, packs, no_default_rules, lang)
    screener_b = screener_a
    if equipment_b or rules_b:
        from producibility.model.equipment import load_equipment
        from producibility.model.pack import load_packs
        from producibility.screen import Screener

        screener_b = Screener(load_equipment(equipment_b or equipment, lang=lang),
                              load_packs(list(rules_b), settings.use_default(no_default_rules))
                              if rules_b else screener_a.pack)
    diff = diff_reports(screener_a.check(request_a, lang=lang).to_dict(),
                        screener_b.check(request_b or request_a, lang=lang).to_dict())
    inputs = settings.inputs(request_a, request_b, equipment, equipment_b, *packs, *rules_b)
    if fmt == "json":
        emit(json.dumps(diff, indent=2, sort_keys=True, ensure_ascii=False) + "\n", output,
             inputs)
        return
    label_a = side_label(request_a, _shown(equipment) if equipment_b else None, (), lang)
    label_b = side_label(request_b or request_a, equipment_b, rules_b, lang)
    from producibility.report.render.views import choice_names
    names = choice_names(screener_a.questionnaire)
    emit(terminal_safe(as_text(diff, label_a, label_b, lang, names)), output, inputs)


def _shown(path):
    """A path as the user would type it: relative to the working directory where it is
    inside it (the configuration gives the equipment as an absolute path, and side A
    read '/home/.../equipment.yaml' beside B's 'equipment-b.yaml')."""
    import os

    if not path:
        return path
    try:
        relative = os.path.relpath(str(path))
    except ValueError:  # another drive
        return str(path)
    return relative if not relative.startswith("..") else str(path)
