"""One ``ask`` session: the questionnaire asked from start (or resume) to the summary.

Owns what ``producibility ask`` does after its options are read: the half-answered
request read back, what ``--only-open`` asks, the banner, the :class:`Interview`, the
request file saved after every answer, the end of input and Ctrl-C (with the command
that resumes), and the summary with the required questions still open.  The terminal
and the file system come in as callables, so the session runs the same at a terminal,
under a test's scripted input, or inside another program.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from producibility.errors import EXIT_INTERRUPTED, EXIT_OK
from producibility.i18n import counted
from producibility.intake.answers import in_lang, texts
from producibility.intake.checks import describe_open, unanswered
from producibility.intake.interview import Interview, open_keys
from producibility.intake.request_file import dump_request, load_partial, ordered_request


@dataclass
class Session:
    """Asks ``questionnaire`` in ``lang`` and saves the answers through ``save``.

    ``output``: the request file's name, as the messages show it.  ``read(prompt)``
    returns one typed line (raising EOFError at the end of input and KeyboardInterrupt
    on Ctrl-C); ``echo`` prints a line to stdout, ``warn`` one to stderr; ``save(text)``
    writes the request file's text (atomically: it is called after every answer).
    ``source``: the request file to resume from (``--from`` or ``--only-open``);
    ``in_place``: ``source`` is the output file itself, so it holds the answers already.
    ``open_questions``: for ``--only-open``, a callable that returns the screener's open
    questions (or None when it cannot screen), called once the request is read; only
    those and the required questions still open are asked.  ``resume``: the command
    that goes on where an interrupted session stopped.
    """

    questionnaire: Any
    lang: str
    output: str
    read: Callable[[str], str]
    echo: Callable[[str], None]
    warn: Callable[[str], None]
    save: Callable[[str], None]
    source: str | None = None
    in_place: bool = False
    open_questions: Callable[[], list[dict] | None] | None = None
    resume: str = ""

    def run(self) -> int:
        """Asks until done, the end of input or Ctrl-C; returns the exit code."""
        questionnaire, lang, t = self.questionnaire, self.lang, texts(self.lang)
        request, warnings = (load_partial(self.source, questionnaire, lang) if self.source
                             else ({}, []))
        for warning in warnings:
            self.warn(warning)
        only = None
        if self.open_questions is not None:
            only = open_keys(questionnaire, request, self.open_questions())

        saved = {"any": False}

        def save(answers):
            self.save(dump_request(questionnaire, answers))
            saved["any"] = True

        interview = Interview(questionnaire, lang, self.read, self.echo, save, request, only)
        self.echo(f"{in_lang(questionnaire.title, lang)} ({questionnaire.id} "
                  f"{questionnaire.version})")
        self.echo(t["keys"])
        self.echo(f"{t['legend']}. {t['saving'].format(path=self.output)}")
        if only is not None and not interview.plan():
            self.echo(t["nothing_open"].format(path=self.source))
            return EXIT_OK
        preset = interview.preset_count() if self.source and only is None else 0
        if preset:
            self.echo(counted(t["resumed"], preset, lang, path=self.source))

        try:
            answers = interview.run()
        except EOFError:
            return self._stopped(t["eof"], EXIT_OK, interview, saved["any"])
        except KeyboardInterrupt:
            return self._stopped(t["interrupted"], EXIT_INTERRUPTED, interview, saved["any"])

        final = ordered_request(questionnaire, answers)
        if not saved["any"]:
            save(answers)
        self.echo("")
        self.echo(counted(t["done"], interview.answer_count(final), lang, path=self.output))
        still_open = unanswered(questionnaire, final)
        if still_open:
            self.echo(t["open_required"])
            for item in still_open:
                self.echo(f"  - {describe_open(questionnaire, final, item, lang)}")
        self.echo(t["validate_hint"].format(path=self.output))
        return EXIT_OK

    def _stopped(self, message: str, code: int, interview: Interview, saved: bool) -> int:
        """The end of input or Ctrl-C: what is saved and how to go on."""
        t = texts(self.lang)
        self.warn("")
        if saved or self.in_place:
            count = interview.answer_count()
            saved_text = counted(t["saved"], count, self.lang, path=self.output,
                                 command=self.resume)
            self.warn(f"{message} {saved_text}")
        else:
            self.warn(f"{message} {t['nothing_saved']}")
        return code
