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
  (imported by its own name: it loads equipment, and the request loader imports this
  package);
* :mod:`.interview`: the ``Interview`` that walks the questionnaire at a terminal;
* :mod:`.session`: one ``ask`` session around it (resume, saving, Ctrl-C, summary);
* :mod:`.form`: the questionnaire as a Markdown or HTML form.

Texts come from the ``intake`` and ``validate`` locale domains (``producibility/i18n``),
an equipment file's verdict from ``cli``.
"""

from producibility.intake.answers import (AnswerError, coerce_loaded, in_lang,
                                          normalize_answers, parse_answer, read_number,
                                          show_value, texts)
from producibility.intake.checks import (Problem, combination_problems, describe_open,
                                         process_needs, unanswered, validate_request)
from producibility.intake.form import export_questionnaire, form_model
from producibility.intake.interview import Interview, open_keys
from producibility.intake.request_file import dump_request, load_partial, ordered_request
from producibility.intake.session import Session

__all__ = [
    "AnswerError", "Interview", "Problem", "Session", "coerce_loaded", "combination_problems",
    "describe_open", "dump_request", "export_questionnaire", "form_model", "in_lang",
    "load_partial", "normalize_answers", "open_keys", "ordered_request", "parse_answer",
    "process_needs", "read_number", "show_value", "texts", "unanswered", "validate_request",
]
