"""``producibility schema``: print a JSON Schema (the request's with the project's catalogue)."""

import click

from producibility.cli.common import Command, catalogue_of, output_options
from producibility.inputs.schema import SCHEMA_NAMES
from producibility.project import Settings, emit


@click.command(cls=Command)
@click.argument("name", type=click.Choice(list(SCHEMA_NAMES) + ["config"]))
@output_options(lang=False)
def schema(name, output):
    """``producibility schema``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.inputs import schema as schemas
    from producibility.model.questionnaire import load_questionnaire

    data = schemas.shipped(name) if name != "request" else \
        load_questionnaire(catalogue=catalogue_of(Settings.read(lenient=True))).request_schema
    emit(schemas.as_text(data), output)
