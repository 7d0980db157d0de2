"""``producibility init``: start a provider folder from the scaffold."""

import click

from producibility.cli.common import Command, output_options, say
from producibility.i18n import DEFAULT_LANG


@click.command(cls=Command)
@click.argument("directory", type=click.Path(file_okay=False))
@output_options(output=False)
def init(directory, lang):
    """``producibility init``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.authoring.scaffold import create

    for path in create(directory, lang):
        click.echo(say("created", lang or DEFAULT_LANG, path=path))
    click.echo(say("next_steps", lang or DEFAULT_LANG, directory=directory))
