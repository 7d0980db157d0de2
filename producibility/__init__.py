"""producibility: can a FaaS provider make this request, with what effort, at what risk?

The library API (the CLI is a thin layer on it)::

    from producibility import Screener, load_equipment, load_packs
    screener = Screener(load_equipment("examples/equipment.yaml"), load_packs())
    report = screener.check({"id": "R1", "purpose": "prototype", "parts": [...]})
    report.verdict, report.to_dict()
"""

from producibility.version import __version__

# The API is imported when first asked for (PEP 562): importing the package alone
# (the console script's entry, producibility.console) loads nothing else.
_API = {"Screener": "producibility.screen", "Report": "producibility.screen",
        "load_equipment": "producibility.model.equipment",
        "load_packs": "producibility.model.pack", "load_request": "producibility.model.request",
        "load_questionnaire": "producibility.model.questionnaire",
        "InputError": "producibility.errors", "ProducibilityError": "producibility.errors"}

__all__ = ["Screener", "Report", "load_equipment", "load_packs", "load_request",
           "load_questionnaire", "InputError", "ProducibilityError", "__version__"]


def __getattr__(name):
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'producibility' has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_API))
