"""Intake: the questionnaire at the terminal, a request checked against it, and the
questionnaire as a form to fill in by hand.

Everything here works on the questionnaire's format (``model/questionnaire.py``), never
on its current contents; whether a question is asked at all is
:mod:`producibility.model.relevance`'s.  One module per concern:

* :mod:`.answers`: the one reader of typed and written answers (``parse_answer``,
  ``AnswerError`` in the user's language, a question's ``format:``);
* :mod:`.request_file`: request files written by ``ask`` and read back to resume;
* :mod:`.checks`: answers that do not go together, a request file checked as the
  loader checks it, required questions still open;
* :mod:`.validate`: what ``validate`` says about a request file and an equipment file
  (imported by its own name: it loads equipment, and the request loader imports
  :mod:`.answers` and :mod:`.checks`);
* :mod:`.interview`: the ``Interview`` that walks the questionnaire at a terminal;
* :mod:`.session`: one ``ask`` session around it (resume, saving, Ctrl-C, summary);
* :mod:`.form`: the questionnaire as a Markdown or HTML form.

Texts come from the ``intake`` and ``validate`` locale domains (``producibility/i18n``),
an equipment file's verdict from ``cli``.
"""

import importlib

# name -> the module that defines it; each is imported on first use (PEP 562), so the
# request loader, which reads answers through .answers and .checks, does not load the
# interview, the session and the form with them.
_EXPORTS = {
    "AnswerError": "answers", "coerce_loaded": "answers", "in_lang": "answers",
    "normalize_answers": "answers", "parse_answer": "answers", "read_number": "answers",
    "show_value": "answers", "texts": "answers",
    "Problem": "checks", "combination_problems": "checks", "describe_open": "checks",
    "process_needs": "checks", "unanswered": "checks", "validate_request": "checks",
    "export_questionnaire": "form", "form_model": "form",
    "Interview": "interview", "open_keys": "interview",
    "dump_request": "request_file", "load_partial": "request_file",
    "ordered_request": "request_file",
    "Session": "session",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
