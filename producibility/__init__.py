"""producibility: can a FaaS provider make this request, with what effort, at what risk?

The library API (the CLI is a thin layer on it)::

    from producibility import Screener, load_equipment, load_packs
    screener = Screener(load_equipment("examples/equipment.yaml"), load_packs())
    report = screener.check({"id": "R1", "purpose": "prototype", "parts": [...]})
    report.verdict, report.to_dict()
"""

from producibility.errors import InputError, ProducibilityError
from producibility.model.equipment import load_equipment
from producibility.model.pack import load_packs
from producibility.model.request import load_request
from producibility.model.questionnaire import load_questionnaire
from producibility.screen import Report, Screener
from producibility.version import __version__

__all__ = ["Screener", "Report", "load_equipment", "load_packs", "load_request",
           "load_questionnaire", "InputError", "ProducibilityError", "__version__"]
