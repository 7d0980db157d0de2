"""``producibility init``: start a provider folder from the scaffold."""

import click

from producibility.cli.common import Command, say
from producibility.i18n import DEFAULT_LANG


@click.command(cls=Command)
@click.argument("directory", type=click.Path(file_okay=False))
def init(directory):
    """Start a provider folder: config, equipment template, own pack with a test case.

    Refuses to overwrite existing files.
    Example: producibility init mijn-werkplaats && cd mijn-werkplaats && producibility rules test rules/
    """
    from producibility.authoring.scaffold import create

    for path in create(directory):
        click.echo(say("created", DEFAULT_LANG, path=path))
    click.echo(say("next_steps", DEFAULT_LANG, directory=directory))
