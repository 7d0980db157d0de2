"""What reaches a terminal: text that prints as what it says.

A request, pack or file name may hold characters a terminal acts on (escape sequences,
carriage returns) or that reorder or hide text (bidi overrides); every line this package
prints to a terminal passes :func:`terminal_safe` first.
"""

import re

# Controls a terminal acts on (escape sequences, carriage return, backspace) and the
# invisible marks that reorder or hide text (bidi overrides, line separators).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text):
    """Text that prints as what it says: unsafe characters shown as \\uXXXX escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
