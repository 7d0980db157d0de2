"""Generated documentation: ``python -m producibility.authoring.docs`` writes docs/.

docs/cli.md (every command's --help), docs/rules.md and rules.nl.md (the
default pack as a table per thread), docs/mrl.md and mrl.nl.md (the questions each
MRL level needs), docs/catalogue.md and catalogue.nl.md (the processes, materials,
certifications and treatments), docs/lint.md (the lint codes), docs/questionnaire.nl.md and .en.md (the
customer's form), docs/schemas/*.json, the shipped report templates compiled to
Python (producibility/templates/compiled/), the shipped files' cache records
(producibility/prebuilt/, see producibility.inputs.prebuilt) and the shipped schemas'
generated validators (producibility/schemas/compiled/, see
producibility.authoring.validators).  tests/test_docs.py fails when a
committed file differs from what this module generates, so docs never drift.
"""

import json
import sys
from pathlib import Path

import click

from producibility import i18n


def _commands(group, prefix="", parent=None):
    """(path, command, context) of every command under ``group``, each context a child
    of its group's as on the command line (so a command's help shows the options its
    group's context settings give it, ``-h`` with ``--help``)."""
    ctx = parent or click.Context(group, info_name="producibility", **group.context_settings)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command.hidden:
            continue
        path = f"{prefix} {name}".strip()
        child = click.Context(command, info_name=name, parent=ctx)
        yield path, command, child
        if isinstance(command, click.Group):
            yield from _commands(command, path, child)


def cli_reference(lang="en"):
    from producibility.cli import cli
    from producibility.cli.common import use_help_lang_of

    from producibility.cli.common import _HELP

    previous = dict(_HELP)
    use_help_lang_of(["--lang", lang])
    lines = [f"# {i18n.text('packdoc', 'cli_reference', lang)}", "",
             i18n.text("packdoc", "generated", lang,
                       command="python -m producibility.authoring.docs"), ""]
    for path, command, ctx in _commands(cli):
        lines += [f"## producibility {path}", "", "```text", command.get_help(ctx), "```", ""]
    _HELP.update(previous)  # the command line's own language again
    return "\n".join(lines)


def generate():
    """{relative path: text} of every generated document."""
    from producibility.inputs import schema as schemas
    from producibility.model.pack import load_packs
    from producibility.authoring.lint import reference as lint_reference
    from producibility.authoring.packdoc import mrl_table, show
    from producibility.model.questionnaire import load_questionnaire

    from producibility.intake import export_questionnaire

    from producibility.model.catalogue import compiled_json, default_catalogue, render_markdown

    out = {"docs/cli.md": cli_reference("en"),
           "docs/cli.nl.md": cli_reference("nl"),
           "docs/rules.md": show(load_packs(), "md", "en"),
           "docs/rules.nl.md": show(load_packs(), "md", "nl"),
           "docs/mrl.md": mrl_table(load_packs(), load_questionnaire(), "en"),
           "docs/mrl.nl.md": mrl_table(load_packs(), load_questionnaire(), "nl"),
           "docs/catalogue.md": render_markdown(default_catalogue(), "en"),
           "docs/catalogue.nl.md": render_markdown(default_catalogue(), "nl"),
           "docs/lint.md": lint_reference(),
           # the shipped catalogue as JSON: read at start-up instead of its YAML
           "rules/catalogue/compiled.json": compiled_json()}
    for lang in ("nl", "en"):
        out[f"docs/questionnaire.{lang}.md"] = export_questionnaire(load_questionnaire(),
                                                                    lang, "md")
    for name in schemas.SCHEMA_NAMES + ("config",):
        data = load_questionnaire().request_schema if name == "request" else \
            schemas.shipped(name)
        out[f"docs/schemas/{name}.schema.json"] = json.dumps(data, indent=2,
                                                            ensure_ascii=False) + "\n"
    out["producibility/schemas/request.schema.json"] = out["docs/schemas/request.schema.json"]
    from producibility.report.render.templates import compiled_templates
    for name, text in compiled_templates().items():
        out[f"producibility/templates/compiled/{name}"] = text
    from producibility.authoring.validators import generated_sources
    try:
        validators = generated_sources()
    except ImportError:  # fastjsonschema (the test extra) missing: they stay as they are
        validators = {}
    for name, text in validators.items():
        out[f"{VALIDATORS}/{name}"] = text
    from producibility.inputs.prebuilt import records
    for name, text in records().items():
        out[f"{PREBUILT}/{name}"] = text
    return out


PREBUILT = "producibility/prebuilt"  # the shipped files' cache records
VALIDATORS = "producibility/schemas/compiled"  # the shipped schemas' generated validators


def stale_records(root, generated):
    """Files of ``producibility/prebuilt/`` and ``producibility/schemas/compiled/`` that
    are no longer generated (records of bytes or versions gone, validators of schemas
    changed), to be removed."""
    stale = []
    for folder in (PREBUILT, VALIDATORS):
        path = Path(root) / folder
        keep = {relative.rsplit("/", 1)[1] for relative in generated
                if relative.startswith(folder + "/")} | {"__init__.py"}
        if path.is_dir() and len(keep) > 1:  # (nothing generated here: nothing judged)
            stale += sorted(p for p in path.iterdir() if p.is_file() and p.name not in keep)
    return stale


def main(root="."):
    from producibility.model.catalogue import COMPILED, _default, compiled_json

    # the compiled catalogue first: the other documents read the catalogue through it
    target = Path(root) / "rules" / "catalogue" / COMPILED
    text = compiled_json()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
        _default.cache_clear()
    # then the compiled templates: the documents rendered from a template (rules.md) are
    # rendered by them, and a run that wrote them after rendering wrote a document of
    # the old template (a second run was needed)
    from producibility.report.render.templates import compiled_templates
    _write(root, {f"producibility/templates/compiled/{name}": text
                  for name, text in compiled_templates().items()})
    generated = generate()
    _write(root, generated)
    for path in stale_records(root, generated):
        path.unlink()
        print(f"removed {path}")


def _write(root, texts):
    for relative, text in texts.items():
        target = Path(root) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {relative}")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
