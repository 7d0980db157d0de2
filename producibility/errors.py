"""The errors users see: one line, with ``file:line`` where there is a file."""


class ProducibilityError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(ProducibilityError):
    """A request, equipment catalogue, rule pack or questionnaire is wrong.

    ``str()`` gives the one line a user sees: ``file:line: message``.
    """

    def __init__(self, message, path=None, line=None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self):
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


class InputErrors(InputError):
    """Several problems in one file, reported together (first one is the summary)."""

    def __init__(self, errors):
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.message, first.path, first.line)

    def __str__(self):
        return "\n".join(str(e) for e in self.errors)
