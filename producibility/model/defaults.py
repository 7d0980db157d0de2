"""Where the shipped default rule pack and questionnaire live.

A wheel (``pip install .``) carries them inside the package as
``producibility/default_rules`` and ``producibility/default_questionnaires``
(setup.cfg maps the top-level ``rules/`` and ``questionnaires/`` there); an
editable install or a source checkout reads them from the repository.
"""

from pathlib import Path

from producibility.errors import InputError

_HERE = Path(__file__).resolve().parent.parent  # the package directory


def data_dir(name):
    """The directory of the shipped ``rules`` or ``questionnaires``."""
    for candidate in (_HERE / f"default_{name}", _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise InputError(f"the shipped {name} are missing from this installation", str(_HERE))


def default_pack_dir():
    return data_dir("rules")


def default_questionnaire_path():
    return data_dir("questionnaires") / "faas.yaml"
