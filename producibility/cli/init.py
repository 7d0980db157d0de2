"""``producibility init``: start a provider folder from the scaffold."""

import click

from producibility.cli.common import Command, say
from producibility.i18n import DEFAULT_LANG


@click.command(cls=Command)
@click.argument("directory", type=click.Path(file_okay=False))
def init(directory):
    """``producibility init``: its help is in the ``help`` locale (i18n/*/help.yaml)."""
    from producibility.authoring.scaffold import create

    for path in create(directory):
        click.echo(say("created", DEFAULT_LANG, path=path))
    click.echo(say("next_steps", DEFAULT_LANG, directory=directory))
