"""A new provider folder: the project config, an equipment template and an own pack with a
test case, copied from the ``producibility/scaffold/`` data directory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from producibility.errors import InputError, Wording
from producibility.project import atomic_write

SCAFFOLD_DIR = Path(__file__).resolve().parent.parent / "scaffold"


#: Where a new provider folder keeps the JSON Schemas of its files, and which
SCHEMAS = "schemas"
SCHEMA_FILES = ("config", "equipment", "request", "rules")
#: The scaffold's language when none is asked for (its producibility.yaml says lang: nl).
SCAFFOLD_LANG = "nl"
#: The lines of the scaffold that depend on its language, and the text each becomes.
_LANG_LINE = "lang: nl            # nl or en: the language of reports"
_MACHINE_LINE = '    name: "Haas VF-2 3-axis vertical machining centre"'


def create(directory: str | os.PathLike, lang: str | None = None) -> Iterator[Path]:
    """Copy the scaffold into ``directory``, yielding each file once it is written:
    ``lang`` (default nl) is the config's language and that of its sample machine's
    name.  Refuses to overwrite an existing file (before writing any)."""
    from producibility import i18n

    lang = lang or SCAFFOLD_LANG
    lines = {_LANG_LINE: _LANG_LINE.replace("lang: nl", f"lang: {lang}"),
             _MACHINE_LINE: '    name: "{}"'.format(i18n.text("cli", "scaffold_machine", lang))}
    target = Path(directory)
    files = sorted(SCAFFOLD_DIR.rglob("*.yaml"))
    schemas = [target / SCHEMAS / f"{name}.schema.json" for name in SCHEMA_FILES]
    existing = [target / p.relative_to(SCAFFOLD_DIR) for p in files
                if (target / p.relative_to(SCAFFOLD_DIR)).exists()] + \
        [p for p in schemas if p.exists()]
    if existing:
        raise InputError.said(Wording("inputs", "would_overwrite", path=existing[0]))
    for source in files:
        destination = target / source.relative_to(SCAFFOLD_DIR)
        _folder(destination.parent)
        text = source.read_text(encoding="utf-8")
        for line, replaced in lines.items():
            text = text.replace(line, replaced)
        atomic_write(destination, text)
        yield destination
    # the schemas the files' "# yaml-language-server: $schema=../schemas/..." comments
    # point at, beside them: an editor's help works offline (the schemas' $id is a name,
    # no address that serves them)
    from producibility.inputs.schema import as_text, shipped
    from producibility.model.questionnaire import load_questionnaire

    for path, name in zip(schemas, SCHEMA_FILES):
        _folder(path.parent)
        # the request's is the questionnaire's, with the shipped catalogue (as
        # "producibility schema request" writes it in a folder that adds none)
        atomic_write(path, as_text(shipped(name) if name != "request" else
                                   load_questionnaire().request_schema))
        yield path


def _folder(path: Path) -> None:
    """Make a folder of the new provider folder (an error line where that fails)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError.said(Wording("inputs", "cannot_create", reason=exc.strerror),
                              str(path)) from None
