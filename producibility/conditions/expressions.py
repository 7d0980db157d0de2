"""The condition language of rule packs: Jinja2 expression syntax, our evaluator.

Pack text is parsed with Jinja2's own parser (so ``when:`` strings read like
Ansible's; plain one-line conditions are tokenized by Jinja2's own token rules
joined into one regular expression, see ``_ConditionEnvironment``) but never
handed to Jinja2's code generator, ``eval`` or ``exec``.
Each syntax node is compiled once into a small Python closure from a fixed
whitelist: names are fact scopes (``request``, ``part``, ``machine``,
``provider``, ``candidate``), ``a.b`` looks up a *key* of a fact (there is no
attribute access at all, so ``__class__`` and friends are just missing
fields), and only the filters and tests listed below exist.

Facts may lack a field because the customer did not answer the question.
Such a value is :data:`UNKNOWN`, and the logic is three-valued (Kleene):
``unknown and false`` is false, ``unknown or true`` is true, anything else
that touches an unknown is unknown.  A rule whose condition is unknown does not
fire; the report turns the missing fields into open questions.

A question may be answered "none" (no thread, no holes: the questionnaire's ``none:``).
Such a value is :data:`ABSENT`: answered, and the feature is not there.  A comparison
of it by size (``<``, ``<=``, ``>``, ``>=``) is false, whatever the other side (an
unknown one too: whatever it turns out to be, an absent thread is no M2); it equals only
itself (``==`` with an unknown is unknown); nothing is in it and it is in nothing; it
is false as a truth value; arithmetic on it is absent again (``4 * part.min_hole_diameter_mm``
of a part without holes); ``is defined`` is false, ``is none`` true, ``| default(x)``
gives ``x``.  So a rule that reads it is decided, never an open question.
"""

import contextlib
import decimal
import json
import math
import operator
import re
import threading

from ast import literal_eval

from jinja2 import Environment, nodes
from jinja2 import __version__ as JINJA2_VERSION
from jinja2.exceptions import TemplateSyntaxError
from jinja2.lexer import Token, TokenStream, operators

from producibility.conditions.analysis import Test, comparisons, conjuncts, leading_tests
from producibility.errors import Said, Wording

SCOPES = ("request", "part", "machine", "provider", "candidate")
MAX_INT = 10**30
MAX_SEQUENCE = 10_000
MAX_EXPONENT = 64
MAX_BUILT = 100_000   # items and characters one evaluation may build, nested repeats counted
MAX_NODES = 2_000     # syntax nodes in one condition or message hole
MAX_NESTING = 100     # levels of nesting: evaluation never meets Python's recursion limit
_MAX_INT_TEXT = "10^30"  # MAX_INT as messages write it


class _Unknown:
    __slots__ = ()

    def __repr__(self):
        return "UNKNOWN"

    def __bool__(self):  # a caller forgetting to check must not get "false"
        raise TypeError("the truth of UNKNOWN is not defined")


UNKNOWN = _Unknown()


class _Absent(str):
    """The value of a question answered "none" (see the module's text).  Text "none"
    where a request is written out (JSON, YAML, a report's trace): a request file says
    ``min_thread_mm: none``; one object, whatever copies it (``is ABSENT``)."""

    __slots__ = ()

    def __new__(cls):
        return str.__new__(cls, "none")

    def __repr__(self):
        return "ABSENT"

    def __bool__(self):  # no thread is no thread: false where Python code asks
        return False

    def __reduce__(self):
        return "ABSENT"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


ABSENT = _Absent()


def _has_absent(values):
    """Whether a list holds ABSENT itself (not a choice spelt "none"): the text "none"
    is looked for first, at C speed (ABSENT is that text), and only a list holding it
    is walked for the one object (the walk on every list comparison was a tenth of a
    batch request's conditions)."""
    return "none" in values and any(v is ABSENT for v in values)


def _absent_compare(op, a, b):
    """``a OP b`` where ``a`` or ``b`` is ABSENT: False for a comparison by size (whatever
    the other side), equal only to itself, nothing in it, and in nothing."""
    if op in _ORDERED:
        return False
    if op in ("eq", "ne"):
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        same = a is b
        return same if op == "eq" else not same
    if b is ABSENT:  # nothing is in what is not there
        found = False
    elif b is UNKNOWN:
        return UNKNOWN
    elif isinstance(b, (list, tuple)):
        if any(item is ABSENT for item in b):
            found = True
        elif any(item is UNKNOWN for item in b):
            return UNKNOWN
        else:
            found = False
    else:
        found = False
    return found if op == "in" else not found


class ExpressionError(Exception):
    """A condition or message that does not compile, or fails on odd data.  Its text is
    English; one made by :func:`_said` keeps its wording for the user's language (a
    lint or load problem shows it in Dutch)."""


def _said(key, **fields):
    """An error text (domain ``lint``) that can be worded in any language."""
    return Said.of(Wording("lint", key, **fields))


#: Jinja2's parser's few syntax messages -> the ``lint`` locale key that says them in
#: the user's language (their English is Jinja2's text; others stay in Jinja2's English).
#: Patterns an error or a parse needs are kept as their text here and below (``re``
#: compiles and caches one when first used): compiled at import, they cost every check.
_JINJA_PROBLEMS = (
    (r"unexpected '(?P<token>.+)', expected '(?P<expected>.+)'", "jinja_unexpected_expected"),
    (r"unexpected char '(?P<token>.+)' at (?P<at>\d+)", "jinja_unexpected_char"),
    (r"unexpected '(?P<token>.+)'", "jinja_unexpected"),
    (r"expected token '(?P<expected>.+)', got '(?P<token>.+)'", "jinja_expected"),
    (r"expected name or number", "jinja_name_or_number"),
)
#: Jinja2's names of its tokens that those messages name
_JINJA_TOKENS = {"end of print statement": "jinja_token_end", "name": "jinja_token_name"}


def jinja_problem(message):
    """A syntax message of Jinja2 (``unexpected ','``) as a Wording where it is one of
    its few fixed forms, else its own English text."""
    for pattern, key in _JINJA_PROBLEMS:
        found = re.fullmatch(pattern, message)
        if found:
            fields = {name: Wording("lint", _JINJA_TOKENS[value])
                      if value in _JINJA_TOKENS else value
                      for name, value in found.groupdict().items()}
            return Wording("lint", key, **fields)
    return message


class ExpressionLimit(ExpressionError):
    """A condition or message that builds too much or nests too deeply (whatever the data)."""


_BUDGET = threading.local()


def _fresh_budget():
    _BUDGET.left = MAX_BUILT


def _weight(value, limit):
    """Items and characters in a value, nested lists counted through every repeat;
    the count stops just past ``limit``, so it costs at most that many steps."""
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item) + 1
        elif isinstance(item, (list, tuple)):
            total += 1
            stack.extend(item)
        elif isinstance(item, dict):
            total += 1
            stack.extend(item.values())
        else:
            total += 1
    return total


def _charge(amount):
    """Count what an evaluation builds against its budget (MAX_BUILT)."""
    left = getattr(_BUDGET, "left", MAX_BUILT) - amount
    if left < 0:
        raise ExpressionLimit(_said("expr_builds_more", max=MAX_BUILT))
    _BUDGET.left = left


def _tag_pattern():
    """Jinja2's own token rules inside ``{{ }}``, in its order, as one regex.

    Jinja2's lexer tries its rules one by one per token; one alternation of
    the same patterns (with the same flags, scoped) takes the same first match
    at each position, at a fraction of the cost.  Tested token for token
    against Jinja2's lexer (tests/test_expressions.py)."""
    from jinja2 import lexer

    def scoped(regex):
        flags = "".join(letter for flag, letter in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"),
                                                     (re.DOTALL, "s"), (re.VERBOSE, "x"))
                        if regex.flags & flag)
        return f"(?{flags}:{regex.pattern})" if flags else f"(?:{regex.pattern})"

    rules = [("whitespace", lexer.whitespace_re), ("float", lexer.float_re),
             ("integer", lexer.integer_re), ("name", lexer.name_re),
             ("string", lexer.string_re), ("operator", lexer.operator_re)]
    return re.compile("|".join(f"(?P<{kind}>{scoped(regex)})" for kind, regex in rules))


_TAG_MATCH = []  # the pattern's match, made on the first condition parsed (not at import)


class _ConditionEnvironment(Environment):
    """Jinja2's environment, with a faster tokenizer for plain one-line conditions.

    The Parser asks the environment for its tokens (``_tokenize``).  For a
    condition on one line without braces or backslashes, the tokens are made
    here by the same rules; anything else (and any text the fast path would
    have to reject) goes to Jinja2's own lexer, which also words the errors."""

    _fast_unsafe = r"[{}\\\r\n#]"

    def _tokenize(self, source, name, filename=None, state=None):
        if state == "variable" and not self.extensions and \
                not re.search(self._fast_unsafe, source):
            tokens = _fast_tokens(source)
            if tokens is not None:
                return TokenStream(iter(tokens), name, filename)
        return super()._tokenize(source, name, filename, state)


def _fast_tokens(source):
    """Jinja2's tokens for ``source``, or None to let Jinja2's lexer decide."""
    tokens, balance, pos, end = [], [], 0, len(source)
    if not _TAG_MATCH:
        _TAG_MATCH.append(_tag_pattern().match)
    match = _TAG_MATCH[0]
    while pos < end:
        m = match(source, pos)
        if m is None:
            return None
        kind, text = m.lastgroup, m.group()
        if kind == "operator":
            if text in "([":
                balance.append(")" if text == "(" else "]")
            elif text in ")]":
                if not balance or balance.pop() != text:
                    return None  # Jinja2's lexer says what is unbalanced
            tokens.append(Token(1, operators[text], text))
        elif kind == "name":
            if not text.isidentifier():
                return None
            tokens.append(Token(1, "name", text))
        elif kind == "string":
            tokens.append(Token(1, "string", text[1:-1]))
        elif kind == "integer":
            tokens.append(Token(1, "integer", int(text.replace("_", ""), 0)))
        elif kind == "float":
            tokens.append(Token(1, "float", literal_eval(text.replace("_", ""))))
        pos = m.end()
    return tokens


_PARSER_ENV = _ConditionEnvironment(autoescape=False)


class _Known(threading.local):
    trees = None      # source -> parsed tree, while a :func:`parsed_trees` block runs
    parsed = None     # sources parsed in that block that were not known
    templates = None  # lazy message templates made in that block, not known either


_KNOWN = _Known()
_MESSAGE = "\0message\0"  # a message template's key in a record: this + its text
# a message that compiled (under its scopes) in a record: this + its scopes + its text
_CHECKED = "\0checked\0"
_LEADING = "\0leading\0"  # a condition's leading simple tests in a record: this + its text
# the fields a condition read when it compiled, in a record: this + its scopes, its
# invariant scopes and its text
_FIELDS = "\0fields\0"


def trees_key(form, data):
    """The cache key of a record of parsed trees (``form``: which record, and its
    layout) for these bytes.  The trees are Jinja2's node classes, so its version
    is part of the key."""
    from producibility.inputs import cache
    return cache.data_key(f"{form}/jinja2-{JINJA2_VERSION}", data)


@contextlib.contextmanager
def parsed_trees(key):
    """Reuse the parsed conditions and messages of a file whose bytes were seen before.

    Inside the block, a condition whose text was parsed under ``key`` (from
    :func:`producibility.inputs.cache.data_key`) last time gets its syntax tree from the
    cache instead of Jinja2's parser; the trees are stored as JSON (node class names
    from ``jinja2.nodes`` and their fields), so nothing is executed.  A message
    :class:`Template` made in the block keeps the record's trees for when it is first
    rendered; when the record is written (something in the block was new), the lazy
    messages made in it are parsed first and written with it, so a later run parses
    no message either.  Only trees within the size limits are stored.  The record also
    keeps each condition's leading simple tests and the fields it read when it compiled
    (under its scopes): a condition found there is compiled to closures when it is first
    evaluated (:class:`Compiled`), not when the pack loads."""
    from producibility.inputs import cache
    stored, trees = cache.read_data(key), {}
    if stored is not None:
        try:  # each tree is JSON text in it: thawed when first needed (_stored_tree)
            trees = json.loads(stored)
        except (ValueError, TypeError, RecursionError):
            trees = {}
    if not isinstance(trees, dict):
        trees = {}
    outer = _KNOWN.trees, _KNOWN.parsed, _KNOWN.templates  # blocks may nest
    _KNOWN.trees, _KNOWN.parsed, _KNOWN.templates = trees, {}, []
    try:
        yield
        if _KNOWN.parsed:
            holes = {}  # messages share holes ({{ part.id }}): each text parsed once
            for template in _KNOWN.templates:
                try:  # kept as JSON text: thawed only when first rendered
                    _KNOWN.parsed[_MESSAGE + template.source] = json.dumps(
                        _freeze_node(_parse_message(template.source, holes)),
                        separators=(",", ":"))
                except (ExpressionError, RecursionError, TypeError, ValueError):
                    pass  # a broken message says so when rendered, as before
            trees.update(_KNOWN.parsed)
            try:
                text = json.dumps({source: _frozen_entry(entry) for source, entry
                                   in sorted(trees.items())}, separators=(",", ":"))
            except (TypeError, ValueError):
                return
            cache.write_data(key, text)
    finally:
        _KNOWN.trees, _KNOWN.parsed, _KNOWN.templates = outer


def _frozen_entry(entry):
    """A record's entry as JSON data: a condition's tree as its JSON text (a warm check
    evaluates a fifth of a pack's conditions: the rest are never thawed); a message's
    tree is text already; fields and leading tests as lists."""
    if isinstance(entry, nodes.Node):
        return json.dumps(_freeze_node(entry), separators=(",", ":"))
    return _freeze_node(entry)


def _stored_tree(frozen):
    """The tree of a record's JSON text, or None when it is not one :func:`_frozen_entry`
    wrote."""
    if not isinstance(frozen, str):
        return None
    try:
        tree = json.loads(frozen, object_hook=_thaw_node)
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError):
        return None
    return tree


def _freeze_node(node):
    """A parsed tree as JSON data: ``{"": class name, "f": [fields]}`` per node."""
    if isinstance(node, nodes.Node):
        return {"": type(node).__name__, "f": [_freeze_node(getattr(node, name))
                                                for name in node.fields]}
    if isinstance(node, (list, tuple)):
        return [_freeze_node(item) for item in node]
    if node is None or type(node) in (str, int, float, bool):
        return node
    raise TypeError(f"not cacheable: {type(node).__name__}")


def _thaw_node(data):
    """:func:`_freeze_node` undone, for one JSON object (``json``'s object hook).

    The node is made as ``cls(*fields, lineno=1)`` makes it (its fields, then
    ``lineno`` and ``environment``; a wrong number of fields refused), without the
    keyword handling of ``Node.__init__``: a warm check thaws ~2,000 nodes."""
    if "" not in data:
        return data   # the outer mapping of source texts
    cls = _NODE_CLASSES.get(data[""])
    if cls is None:  # a node with a constructor of its own, or no node at all
        cls = getattr(nodes, data[""], None)
        if not (isinstance(cls, type) and issubclass(cls, nodes.Node)) or cls.abstract:
            raise ValueError(f"not a syntax node: {data['']!r}")
        return cls(*data["f"], lineno=1)
    values = data["f"]
    if type(values) is not list or len(values) != len(cls.fields):
        raise TypeError(f"{cls.__name__} takes {len(cls.fields)} fields")
    node = _new_object(cls)
    attributes = node.__dict__
    attributes.update(zip(cls.fields, values))
    attributes["lineno"] = 1
    attributes["environment"] = None
    return node


_new_object = object.__new__
#: The concrete syntax node classes of Jinja2 made by Node.__init__, by name.
_NODE_CLASSES = {name: cls for name, cls in vars(nodes).items()
                 if isinstance(cls, type) and issubclass(cls, nodes.Node) and not cls.abstract
                 and cls.__init__ is nodes.Node.__init__}


def _parse_expression(source):
    """The syntax tree of a condition, within the size limits (:func:`_check_size`).

    A tree from the cache was within them when it was stored (only such trees are),
    under the same version of this code (the cache key says which); the cache's seal
    says nobody else wrote it.  So only a fresh parse is measured."""
    known = _KNOWN.trees
    if known is not None:
        tree = known.get(source)
        if isinstance(tree, str):
            tree = _stored_tree(tree)
        if isinstance(tree, nodes.Expr):
            return tree
    tree = _parse_with_jinja2(source)
    _check_size(tree)
    if known is not None:
        _KNOWN.parsed[source] = tree
    return tree


def _parse_with_jinja2(source):
    from jinja2.parser import Parser

    parser = Parser(_PARSER_ENV, source, state="variable")
    expr = parser.parse_expression()
    if not parser.stream.eos:
        token = parser.stream.current
        raise TemplateSyntaxError(f"unexpected '{token.value}'", token.lineno)
    return expr


def _scalar(value):
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        raise ExpressionError(_said("expr_too_large", max=_MAX_INT_TEXT))
    if isinstance(value, float) and not math.isfinite(value):
        raise ExpressionError(_said("expr_not_finite"))
    if isinstance(value, (str, list, tuple)):
        if len(value) > MAX_SEQUENCE:
            raise ExpressionLimit(_said("expr_result_longer", max=MAX_SEQUENCE))
        _charge(len(value) if isinstance(value, str) else _weight(value, MAX_BUILT))
    return value


def _number(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExpressionError(_said("expr_needs_number", what=what, value=repr(value)))
    return value


def _arith(op):
    def add(a, b):
        if isinstance(a, str) or isinstance(b, str):
            if not (isinstance(a, str) and isinstance(b, str)):
                raise ExpressionError(_said("expr_cannot_add", a=repr(a), b=repr(b)))
            return a + b
        return _number(a, "+") + _number(b, "+")

    def mul(a, b):
        if isinstance(a, (str, list, tuple)) or isinstance(b, (str, list, tuple)):
            seq, times = (a, b) if isinstance(a, (str, list, tuple)) else (b, a)
            _number(times, "repetition")
            if len(seq) * max(times, 0) > MAX_SEQUENCE:
                raise ExpressionLimit(_said("expr_repetition_longer", max=MAX_SEQUENCE))
            if times > 0:  # nested lists repeat their contents too
                _charge(_weight(seq, MAX_BUILT) * int(times))
            return seq * times
        return _number(a, "*") * _number(b, "*")

    def div(a, b):
        if _number(b, "/") == 0:
            raise ExpressionError(_said("expr_division_by_zero"))
        return _number(a, "/") / b

    def floordiv(a, b):
        if _number(b, "//") == 0:
            raise ExpressionError(_said("expr_division_by_zero"))
        return _number(a, "//") // b

    def mod(a, b):
        if _number(b, "%") == 0:
            raise ExpressionError(_said("expr_division_by_zero"))
        return _number(a, "%") % b

    def power(a, b):
        _number(a, "**")
        if abs(_number(b, "**")) > MAX_EXPONENT:
            raise ExpressionError(_said("expr_exponent", max=MAX_EXPONENT))
        try:
            return a**b
        except (OverflowError, ZeroDivisionError) as exc:
            raise ExpressionError(str(exc)) from None

    return {
        "Add": add, "Sub": lambda a, b: _number(a, "-") - _number(b, "-"),
        "Mul": mul, "Div": div, "FloorDiv": floordiv, "Mod": mod, "Pow": power,
    }[op]


# + - * / of two numbers: what _arith's functions compute when neither is a text, a
# list or yes/no (a division by zero is left to them, to say so)
_PLAIN_ARITHMETIC = {"Add": operator.add, "Sub": operator.sub, "Mul": operator.mul,
                     "Div": operator.truediv}
isfinite = math.isfinite

_ORDERED = {"lt": (operator.lt, "<"), "lteq": (operator.le, "<="),
            "gt": (operator.gt, ">"), "gteq": (operator.ge, ">=")}


def _compare(op):
    def ordered(fn, sym):
        def check(a, b):
            try:
                return fn(a, b)
            except TypeError:
                raise ExpressionError(_said("expr_cannot_compare", a=repr(a), sym=sym,
                                            b=repr(b))) from None
        return check

    def contains(a, b):
        if isinstance(b, str):
            if not isinstance(a, str):
                raise ExpressionError(_said("expr_in_text", a=repr(a)))
            return a in b
        if isinstance(b, (list, tuple, dict)):
            return a in b
        raise ExpressionError(_said("expr_in_needs_list", b=repr(b)))

    return {
        "eq": operator.eq,
        "ne": operator.ne,
        "lt": ordered(operator.lt, "<"),
        "lteq": ordered(operator.le, "<="),
        "gt": ordered(operator.gt, ">"),
        "gteq": ordered(operator.ge, ">="),
        "in": contains,
        "notin": lambda a, b: not contains(a, b),
    }[op]


def _seq(value, name):
    if isinstance(value, (list, tuple, str, dict)):
        return value
    raise ExpressionError(_said("expr_filter_needs_list", name=name, value=repr(value)))


def _round(value, digits=0):
    return round(_number(value, "round"), int(_number(digits, "round")))


def _join(value, sep=", "):
    return str(sep).join(str(v) for v in _seq(value, "join"))


def _to_float(value):
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ExpressionError(_said("expr_float", value=repr(str(value)[:40]))) from None
    if not math.isfinite(number):
        raise ExpressionError(_said("expr_value_not_finite", value=repr(str(value)[:40])))
    return number


FILTERS = {
    "abs": lambda v: abs(_number(v, "abs")),
    "length": lambda v: len(_seq(v, "length")),
    "count": lambda v: len(_seq(v, "count")),
    "lower": lambda v: str(v).lower(),
    "upper": lambda v: str(v).upper(),
    "min": lambda v: min(_seq(v, "min")) if v else UNKNOWN,
    "max": lambda v: max(_seq(v, "max")) if v else UNKNOWN,
    "sum": lambda v: sum(_number(x, "sum") for x in _seq(v, "sum")),
    "sort": lambda v: sorted(_seq(v, "sort")),
    "first": lambda v: _seq(v, "first")[0] if v else UNKNOWN,
    "last": lambda v: _seq(v, "last")[-1] if v else UNKNOWN,
    "round": _round,
    "float": _to_float,
    "int": lambda v: int(_to_float(v)),
    "join": _join,
    "default": lambda v, d=None: d if v is UNKNOWN or v is ABSENT else v,
}

TESTS = {
    "defined": lambda v: v is not UNKNOWN and v is not ABSENT,
    "undefined": lambda v: v is UNKNOWN or v is ABSENT,
    "none": lambda v: v is None or v is ABSENT,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str) and v is not ABSENT,
    "true": lambda v: v is True,
    "false": lambda v: v is False,
}

_NODE_NAMES = {
    "Const", "Name", "Getattr", "Getitem", "List", "Tuple", "Compare", "And", "Or",
    "Not", "Neg", "Pos", "Add", "Sub", "Mul", "Div", "FloorDiv", "Mod", "Pow",
    "Concat", "CondExpr", "Filter", "Test",
}


class Compiled:
    """A compiled condition: call it with a context dict of scope -> fields.

    A condition whose record (:func:`parsed_trees`) says it compiled before, with the
    same scopes, reading these fields, is compiled to closures when it is first
    evaluated (``fn`` compiles, then runs): a warm check evaluates 33 of the default
    pack's 154 rule conditions, the alpha index judges the rest."""

    __slots__ = ("source", "fn", "fields", "scopes", "_tree", "_frozen", "conjuncts",
                 "_leading", "_plan", "_compared")

    def __init__(self, source, fn, fields, tree=None, conjuncts=None, leading=None,
                 plan=None, frozen=None, compared=None):
        self.source = source
        self._tree = tree  # the parsed expression, for analysis (thresholds, lint)
        self._frozen = frozen  # or its JSON text in a record, thawed when first asked for
        self.fn = fn if plan is None else self._compile_and_run
        self.fields = tuple(sorted(fields))  # (scope, field) pairs it reads
        self.scopes = tuple(sorted({s for s, _ in fields}))
        self.conjuncts = conjuncts  # a closure per conjunct of a and b and ..., or None
        self._leading = leading
        # (scopes, invariant, known conjuncts): compile on first use, as after(known)
        self._plan = plan
        self._compared = compared

    @property
    def tree(self):
        if self._tree is None and self._frozen is not None:
            self._tree = _stored_tree(self._frozen)
            if not isinstance(self._tree, nodes.Expr):  # not what the record wrote
                self._tree = _parse_with_jinja2(self.source)
                _check_size(self._tree)
            self._frozen = None
        return self._tree

    def leading_tests(self):
        """``analysis.leading_tests`` of the tree (what the alpha index indexes), worked
        out once; a pack's record of parsed trees keeps them too (:func:`parsed_trees`)."""
        if self._leading is None:
            self._leading = leading_tests(self.tree) if self.tree is not None else []
        return self._leading

    def compared(self):
        """(scope, field) -> the constants its comparisons compare that field with
        (numbers and texts, each once, in the order first written), the comparison that
        is the whole condition too: what the what-if probes try either side of
        (report/probing.py).  Worked out once from the tree; a pack's record keeps it,
        so a warm check thaws no tree to probe."""
        if self._compared is None:
            out = {}
            for comparison in comparisons(self.tree):
                values = [c for c in comparison.constants
                          if isinstance(c, (int, float, str)) and not isinstance(c, bool)]
                for key in comparison.fields:
                    known = out.setdefault(key, [])
                    known.extend(v for v in values if v not in known)
            self._compared = {key: tuple(values) for key, values in out.items()}
        return self._compared

    def after(self, known):
        """The condition for a caller that knows its first ``known`` conjuncts are
        true (the alpha index judged them): the rest, joined as before, or true when
        nothing is left.  ``true and x`` is ``x`` (Kleene) and the rest is evaluated
        in the same order as before, so value and errors are the same.  Reads,
        fields and source stay the whole condition's (traces, open questions)."""
        if not known:
            return self
        plan = self._plan  # (read once: a thread sharing the pack may compile it now)
        if plan is not None:  # not compiled yet: the rest is worked out then
            scopes, invariant, before = plan
            # the frozen text before the tree: a thread thawing it sets the tree first
            frozen = self._frozen
            return Compiled(self.source, None, self.fields, self._tree, None, self._leading,
                            (scopes, invariant, before + known), frozen)
        if self.conjuncts is None or known > len(self.conjuncts):
            return self
        rest = self.conjuncts[known:]
        fn = _joined(rest) if rest else _always_true
        return Compiled(self.source, fn, self.fields, self.tree, rest)

    def _compile_and_run(self, context):
        """``fn`` of a condition not compiled yet: compile it (as compile_condition
        would, then as after() would for the conjuncts already known), then run it."""
        plan = self._plan
        if plan is None:  # compiled meanwhile by another thread sharing the pack (fn is
            return self.fn(context)  # set before the plan is let go)
        scopes, invariant, known = plan
        try:
            fn, conjuncts = _Compiler(scopes, invariant).conjunction(self.tree)
        except RecursionError:
            raise ExpressionError(_said("expr_nested")) from None
        if known and conjuncts is not None and known <= len(conjuncts):
            conjuncts = conjuncts[known:]
            fn = _joined(conjuncts) if conjuncts else _always_true
        self.fn, self.conjuncts, self._plan = fn, conjuncts, None
        return fn(context)

    def __call__(self, context):
        _fresh_budget()
        try:
            return self.fn(context)
        except ExpressionError:
            raise
        except (TypeError, ValueError, OverflowError, RecursionError, MemoryError) as exc:
            raise ExpressionError(f"{type(exc).__name__}: {exc}") from None

    def missing(self, context):
        """The (scope, field) pairs this condition reads that the facts lack."""
        out = []
        for scope, field in self.fields:
            facts = context.get(scope)
            if facts is None or field not in facts or facts[field] is None:
                out.append((scope, field))
        return out

    def missing_of(self, context, part):
        """:meth:`missing` as the engine keeps open questions: (scope, field, part id
        for a part's field, else None), a tuple (a rule left unknown, one per subject).
        A machine's optional field it does not state (a lathe's guide_bush) is no
        question: nobody is asked it."""
        out = []
        for scope, field in self.fields:
            if scope == "machine":
                continue
            facts = context.get(scope)
            if facts is None or facts.get(field) is None:
                out.append((scope, field, part if scope == "part" else None))
        return tuple(out)


def _shape(node):
    """A subexpression written out whole (node classes and every field, constants
    by their repr, so 1, 1.0 and True differ): equal shapes compile to the same
    function of the same facts."""
    return repr(node)


# The key of a context's memo of invariant subexpressions (see ``_Compiler.hoisted``);
# not a name a condition can write, so no condition reads it.
MEMO = " memo"


def _reads(node, known=None):
    """The scope names a subexpression reads, and how many steps it takes beyond
    constants and ``scope.field`` lookups (what remembering its value can save).

    ``known``: id(node) -> its answer, filled for every node of the subtree: the
    compiler asks it of each subexpression in turn, and walking each one's whole
    subtree again made compiling a condition quadratic in its size."""
    if known is not None:
        found = known.get(id(node))
        if found is not None:
            return found
    if isinstance(node, nodes.Name):
        found = frozenset((node.name,)), 0
    elif isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        found = frozenset((node.node.name,)), 0
    else:
        names, steps = set(), 0 if isinstance(node, nodes.Const) else 1
        for child in node.iter_child_nodes():
            child_names, child_steps = _reads(child, known)
            names |= child_names
            steps += child_steps
        found = frozenset(names), steps
    if known is not None:
        known[id(node)] = found
    return found


def _and(left, right):
    """``left and right``, three-valued (Kleene), ``right`` not evaluated when
    ``left`` is false."""
    def and_(ctx):
        a = left(ctx)
        if a is False or (a is not True and a is not UNKNOWN and not _truth(a)):
            return False
        b = right(ctx)
        if b is False or (b is not True and b is not UNKNOWN and not _truth(b)):
            return False
        return UNKNOWN if (a is UNKNOWN or b is UNKNOWN) else True
    return and_


def _joined(fns):
    """Conjuncts joined from the left, as the parser nests ``a and b and c``."""
    fn = fns[0]
    for right in fns[1:]:
        fn = _and(fn, right)
    return fn


# Nodes that work something out: one of constants alone (``10 ** 400``) is worked out
# when it compiles (:func:`_check_constant`).
_WORKED_OUT = frozenset({"Add", "Sub", "Mul", "Div", "FloorDiv", "Mod", "Pow", "Neg",
                         "Concat", "Filter", "CondExpr"})


def _check_constant(fn):
    """Work out a subexpression of constants alone now: a limit it hits (a number too
    large, an exponent above MAX_EXPONENT, a repetition too long, a division by zero) it
    hits whatever the request says, so the condition or message does not compile (lint
    E130/E133, and the loader refuses the pack) rather than fail on every request."""
    saved = getattr(_BUDGET, "left", MAX_BUILT)
    _fresh_budget()
    try:
        fn({})
    except ExpressionError as exc:
        raise ExpressionError(_said("expr_constant", problem=exc)) from None
    except (TypeError, ValueError, ArithmeticError, RecursionError, MemoryError) as exc:
        raise ExpressionError(_said("expr_constant",
                                    problem=f"{type(exc).__name__}: {exc}")) from None
    finally:
        _BUDGET.left = saved


class _Compiler:
    def __init__(self, allowed_scopes, invariant=None):
        self.allowed = allowed_scopes
        self.fields = set()
        self.invariant = invariant
        self._inside = False
        self._reads = {}  # id(node) -> _reads(node), for the tree being compiled

    def compile(self, node):
        name = type(node).__name__
        if name not in _NODE_NAMES:
            raise ExpressionError(_said("expr_not_allowed", name=name))
        fn = None
        if self.invariant is not None and not self._inside:
            names, steps = _reads(node, self._reads)
            if steps >= 2 and names <= self.invariant:
                self._inside = True
                try:
                    fn = self.hoisted(getattr(self, "_" + name)(node), _shape(node))
                finally:
                    self._inside = False
        if fn is None:
            fn = getattr(self, "_" + name)(node)
        # constants alone (every Name of a subtree is among the names it reads)
        if name in _WORKED_OUT and not _reads(node, self._reads)[0]:
            _check_constant(fn)
        return fn

    @staticmethod
    def hoisted(fn, slot):
        """A subexpression that reads only invariant scopes, remembered in the
        context's memo (``MEMO``): a candidate rule is judged once per machine that
        fits a part, with the same request and part every time, so
        ``part.cycle_time_min * part.pieces / 60`` is worked out once per part.
        ``slot``: the subexpression's shape (:func:`_shape`), so that rules that
        work out the same thing share it.  The engine gives each part's candidate
        contexts one memo per run; a context without one (a test, a message,
        ``limit_problem``) evaluates as usual.  Exact: the subexpression is a
        function of the invariant facts (the same shape, the same function); an
        error is not remembered (it is raised again, in the same order), and what
        the first evaluation built is charged to the budget again."""

        def remembered(ctx):
            memo = ctx.get(MEMO)
            if memo is None:
                return fn(ctx)
            seen = memo.get(slot)
            if seen is not None:
                if seen[1]:
                    _charge(seen[1])
                return seen[0]
            before = getattr(_BUDGET, "left", MAX_BUILT)
            value = fn(ctx)
            memo[slot] = (value, before - getattr(_BUDGET, "left", MAX_BUILT))
            return value
        return remembered

    def _Const(self, node):
        value = node.value
        if not isinstance(value, (int, float, str, bool, type(None))):
            raise ExpressionError(_said("expr_constant_not_allowed", value=repr(value)))
        if type(value) is float and not math.isfinite(value):
            raise ExpressionError(_said("expr_literal_not_finite"))  # 1e400
        if type(value) is int and abs(value) > MAX_INT:
            raise ExpressionError(_said("expr_too_large", max=_MAX_INT_TEXT))
        return lambda ctx: value

    def _Name(self, node):
        name = node.name
        if name not in self.allowed:
            known = ", ".join(self.allowed)
            # the machine of a part is judged per candidate: a part rule cannot read it
            hint = Wording("lint", "expr_candidate_only", name=name) \
                if name in ("machine", "candidate") else ""
            raise ExpressionError(_said("expr_unknown_name", name=name, known=known,
                                        hint=hint))

        def lookup(ctx):
            value = ctx.get(name)
            return UNKNOWN if value is None else value
        return lookup

    def _Getattr(self, node):
        return self._lookup(node.node, lambda ctx: node.attr, node.attr)

    def _Getitem(self, node):
        if isinstance(node.arg, nodes.Const):
            key = node.arg.value
            return self._lookup(node.node, lambda ctx: key, key)
        return self._lookup(node.node, self.compile(node.arg), None)

    def _lookup(self, target, key_fn, static_key):
        if isinstance(target, nodes.Name) and isinstance(static_key, str):
            self.fields.add((target.name, static_key))
        base = self.compile(target)
        if isinstance(target, nodes.Name) and isinstance(static_key, str):
            # scope.field, the commonest node: the same as the general lookup below
            # with the scope's name and the key known in advance.
            scope = target.name

            def field(ctx):
                obj = ctx.get(scope)
                if obj is None:
                    return UNKNOWN
                if isinstance(obj, dict):
                    value = obj.get(static_key)
                    return UNKNOWN if value is None else value
                raise ExpressionError(_said("expr_look_up", key=repr(static_key),
                                                  obj=repr(obj)))
            return field

        def get(ctx):
            obj = base(ctx)
            if obj is UNKNOWN or obj is ABSENT:
                return obj
            key = key_fn(ctx)
            if key is UNKNOWN:
                return UNKNOWN
            if isinstance(obj, dict):
                value = obj.get(key)
                return UNKNOWN if value is None else value
            if isinstance(obj, (list, tuple, str)) and isinstance(key, int) \
                    and not isinstance(key, bool):
                return obj[key] if -len(obj) <= key < len(obj) else UNKNOWN
            raise ExpressionError(_said("expr_look_up", key=repr(key), obj=repr(obj)))
        return get

    def _List(self, node):
        items = [self.compile(n) for n in node.items]
        if all(isinstance(n, nodes.Const) for n in node.items):  # built once, here
            constant = [f(None) for f in items]
            if _weight(constant, MAX_BUILT) > MAX_BUILT:
                raise ExpressionLimit(_said("expr_list_longer", max=MAX_BUILT))
            return lambda ctx: constant
        return lambda ctx: _scalar([f(ctx) for f in items])

    _Tuple = _List

    def _Compare(self, node):
        first = self.compile(node.expr)
        ops = [(_compare(op.op), self.compile(op.expr)) for op in node.ops]
        if len(ops) == 1 and isinstance(node.ops[0].expr, nodes.Const) \
                and isinstance(node.expr, nodes.Getattr) \
                and isinstance(node.expr.node, nodes.Name):
            # scope.field OP constant, the commonest condition of all: the field lookup
            # (see _lookup) and the comparison (see _compare) in one step
            scope, key = node.expr.node.name, node.expr.attr
            fn, constant = ops[0][0], ops[0][1](None)
            op = node.ops[0].op
            ordered = _ORDERED.get(op)

            def compare_field(ctx):
                obj = ctx.get(scope)
                if obj is None:
                    return UNKNOWN
                if not isinstance(obj, dict):
                    raise ExpressionError(_said("expr_look_up", key=repr(key), obj=repr(obj)))
                left = obj.get(key)
                if left is None:
                    return UNKNOWN
                if left is ABSENT:
                    return _absent_compare(op, left, constant)
                if ordered is None:
                    return True if fn(left, constant) else False
                try:
                    return True if ordered[0](left, constant) else False
                except TypeError:
                    raise ExpressionError(_said(
                        "expr_cannot_compare", a=repr(left), sym=ordered[1],
                        b=repr(constant))) from None
            return compare_field
        if len(ops) == 1 and isinstance(node.ops[0].expr, nodes.Const):
            # field OP constant, the commonest test: the loop below for one step
            fn, constant = ops[0][0], ops[0][1](None)
            op = node.ops[0].op

            def compare_constant(ctx):
                left = first(ctx)
                if left is UNKNOWN:
                    return UNKNOWN
                if left is ABSENT:
                    return _absent_compare(op, left, constant)
                return True if fn(left, constant) else False
            return compare_constant

        if len(ops) == 1:
            # a OP b, the loop below for one step
            fn, second = ops[0]
            op = node.ops[0].op

            def compare_one(ctx):
                left, right = first(ctx), second(ctx)
                if left is ABSENT or right is ABSENT or (
                        isinstance(right, list) and _has_absent(right)):
                    return _absent_compare(op, left, right)
                if left is UNKNOWN or right is UNKNOWN or (
                        isinstance(right, list) and UNKNOWN in right):
                    return UNKNOWN
                return True if fn(left, right) else False
            return compare_one

        names = [op.op for op in node.ops]

        def compare(ctx):
            left = first(ctx)
            result = True
            for (fn, right_fn), op in zip(ops, names):
                right = right_fn(ctx)
                if left is ABSENT or right is ABSENT or (
                        isinstance(right, list) and _has_absent(right)):
                    step = _absent_compare(op, left, right)
                    if step is False:
                        return False
                    if step is UNKNOWN:
                        result = UNKNOWN
                elif left is UNKNOWN or right is UNKNOWN or (
                        isinstance(right, list) and UNKNOWN in right):
                    result = UNKNOWN
                elif not fn(left, right):
                    return False
                left = right
            return result
        return compare

    def _And(self, node):
        return _and(self.compile(node.left), self.compile(node.right))

    def conjunction(self, tree):
        """The whole condition's closure, and one closure per conjunct of
        ``a and b and ...`` (left to right), joined as ``_And`` joins them; the
        conjuncts are None when the condition is remembered as one (``hoisted``)."""
        parts = conjuncts(tree)  # as the alpha index counts them (analysis.leading_tests)
        if len(parts) > 1 and self.invariant is not None:
            names, steps = _reads(tree, self._reads)
            if steps >= 2 and names <= self.invariant:
                return self.compile(tree), None
        fns = tuple(self.compile(node) for node in parts)
        return _joined(fns), fns

    def _Or(self, node):
        left, right = self.compile(node.left), self.compile(node.right)

        def or_(ctx):
            a = left(ctx)
            if a is True or (a is not False and a is not UNKNOWN and _truth(a)):
                return True
            b = right(ctx)
            if b is True or (b is not False and b is not UNKNOWN and _truth(b)):
                return True
            return UNKNOWN if (a is UNKNOWN or b is UNKNOWN) else False
        return or_

    def _Not(self, node):
        inner = self.compile(node.node)

        def not_(ctx):
            value = inner(ctx)
            return UNKNOWN if value is UNKNOWN else not _truth(value)
        return not_

    def _Neg(self, node):
        inner = self.compile(node.node)

        def neg(ctx):
            value = inner(ctx)
            return value if value is UNKNOWN or value is ABSENT else -_number(value, "-")
        return neg

    def _Pos(self, node):
        return self.compile(node.node)

    def _binary(self, node):
        left, right = self.compile(node.left), self.compile(node.right)
        op = type(node).__name__
        fn = _arith(op)
        plain = _PLAIN_ARITHMETIC.get(op)
        if plain is not None and isinstance(node.right, nodes.Const) \
                and type(node.right.value) in (int, float) and (op != "Div" or node.right.value):
            # x OP number (part.cycle_time_min / 60): binary below, the constant known
            b = node.right.value

            def binary_constant(ctx):
                a = left(ctx)
                if a is UNKNOWN or a is ABSENT:
                    return a
                if type(a) is float or type(a) is int:
                    value = plain(a, b)
                    if type(value) is float and isfinite(value):
                        return value
                return _scalar(fn(a, b))
            return binary_constant

        def binary(ctx):
            a, b = left(ctx), right(ctx)
            if a is ABSENT or b is ABSENT:  # arithmetic on what is not there
                return ABSENT
            if a is UNKNOWN or b is UNKNOWN:
                return UNKNOWN
            # two numbers (not yes/no), the commonest case: what fn and _scalar do,
            # without their type tests
            if plain is not None and (type(a) is float or type(a) is int) \
                    and (type(b) is float or type(b) is int) and (op != "Div" or b):
                value = plain(a, b)
                if type(value) is float and isfinite(value):
                    return value
            return _scalar(fn(a, b))
        return binary

    _Add = _Sub = _Mul = _Div = _FloorDiv = _Mod = _Pow = _binary

    def _Concat(self, node):
        parts = [self.compile(n) for n in node.nodes]

        def concat(ctx):
            values = [f(ctx) for f in parts]
            if any(v is ABSENT for v in values):
                return ABSENT
            if any(v is UNKNOWN for v in values):
                return UNKNOWN
            return _scalar("".join(str(v) for v in values))
        return concat

    def _CondExpr(self, node):
        test, then = self.compile(node.test), self.compile(node.expr1)
        other = self.compile(node.expr2) if node.expr2 is not None else (lambda ctx: UNKNOWN)

        def cond(ctx):
            value = test(ctx)
            if value is UNKNOWN:
                return UNKNOWN
            return then(ctx) if _truth(value) else other(ctx)
        return cond

    def _call_args(self, node, kind):
        if node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise ExpressionError(_said("expr_plain_arguments", kind=kind, name=node.name))
        return [self.compile(a) for a in node.args]

    def _Filter(self, node):
        if node.name not in FILTERS:
            raise ExpressionError(
                f"unknown filter '{node.name}' (known: {', '.join(sorted(FILTERS))})")
        fn = FILTERS[node.name]
        inner = self.compile(node.node)
        args = self._call_args(node, "filter")
        keeps_unknown = node.name == "default"
        if all(isinstance(a, nodes.Const) for a in node.args):
            # no arguments, or constants (| length, | default(1)): filter_ below,
            # the arguments known
            constants = [a(None) for a in args]

            def filter_constant(ctx):
                value = inner(ctx)
                if (value is UNKNOWN or value is ABSENT) and not keeps_unknown:
                    return value
                try:
                    return _scalar(fn(value, *constants))
                except TypeError as exc:
                    raise ExpressionError(f"filter '{node.name}': {exc}") from None
            return filter_constant

        def filter_(ctx):
            value = inner(ctx)
            if (value is UNKNOWN or value is ABSENT) and not keeps_unknown:
                return value
            values = [a(ctx) for a in args]
            if any(v is ABSENT for v in values):
                return ABSENT
            if any(v is UNKNOWN for v in values):
                return UNKNOWN
            try:
                return _scalar(fn(value, *values))
            except TypeError as exc:
                raise ExpressionError(f"filter '{node.name}': {exc}") from None
        return filter_

    def _Test(self, node):
        if node.name not in TESTS:
            raise ExpressionError(
                f"unknown test '{node.name}' (known: {', '.join(sorted(TESTS))})")
        if node.args or node.kwargs:
            raise ExpressionError(_said("expr_test_arguments", name=node.name))
        fn = TESTS[node.name]
        inner = self.compile(node.node)
        if node.name in ("defined", "undefined"):
            return lambda ctx: fn(inner(ctx))

        def test(ctx):
            value = inner(ctx)
            return UNKNOWN if value is UNKNOWN else fn(value)
        return test


def _check_size(tree):
    """Bound a parsed expression's size and nesting before compiling it (iteratively)."""
    count, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > MAX_NESTING:
            raise ExpressionLimit(_said("expr_nested_deeper", max=MAX_NESTING))
        if count > MAX_NODES:
            raise ExpressionLimit(_said("expr_longer_terms", max=MAX_NODES))
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())


def limit_problem(expression):
    """What limit a condition or message hits on its constants alone, or None.

    Evaluated with no facts, every field is unknown; what still gets built
    (nested repetition, huge literals) is built whatever the request says."""
    holes = [expression.fn] if isinstance(expression, Compiled) else \
        [part[0] for part in expression.parts if not isinstance(part, str)]
    for fn in holes:
        _fresh_budget()
        try:
            fn({})
        except ExpressionLimit as exc:
            return str(exc)
        except Exception:  # noqa: BLE001 - other failures depend on the facts
            continue
    return None


def _truth(value):
    if isinstance(value, bool):
        return value
    if value is None or value is ABSENT:
        return False
    if isinstance(value, (int, float, str, list, tuple, dict)):
        return bool(value)
    raise ExpressionError(_said("expr_not_boolean", value=repr(value)))


_DECIMAL_COMMA = r"(?<![\w.])\d+,\d+(?![\w.])"


def compile_condition(source, scopes=SCOPES, invariant=None):
    """Compile a ``when:`` string; raises :class:`ExpressionError` on bad text.

    ``invariant``: scopes whose facts stay the same over the contexts that share a
    memo (see ``_Compiler.hoisted``); subexpressions reading only those are
    remembered there."""
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError(_said("expr_empty"))
    lazy = _compiled_before(source, scopes, invariant)
    if lazy is not None:
        return lazy
    try:
        tree = _parse_expression(source)
    except TemplateSyntaxError as exc:
        hint = ""
        comma = re.search(_DECIMAL_COMMA, source) if "unexpected ','" in exc.message else None
        if comma:  # a Dutch habit: 0,05 for 0.05
            number = comma.group()
            hint = Wording("lint", "expr_decimal_comma", number=number,
                           fixed=number.replace(",", "."))
        raise ExpressionError(_said("expr_syntax", message=jinja_problem(exc.message),
                                    hint=hint)) from None
    except RecursionError:
        raise ExpressionLimit(_said("expr_nested")) from None
    invariant = None if invariant is None else frozenset(invariant)
    known = _KNOWN.trees
    if known is not None:  # compiled before with these scopes: compile when first run
        entry = _fields_entry(source, scopes, invariant)
        fields = known.get(entry)
        if _recorded_fields(fields):
            return Compiled(source, None, [tuple(f) for f in fields], tree, None,
                            _known_leading(source, tree), (scopes, invariant, 0))
    compiler = _Compiler(scopes, invariant)
    try:
        fn, conjuncts = compiler.conjunction(tree)
    except RecursionError:
        raise ExpressionError(_said("expr_nested")) from None
    if known is not None:
        _KNOWN.parsed[entry] = [list(f) for f in sorted(compiler.fields)]
    return Compiled(source, fn, compiler.fields, tree, conjuncts, _known_leading(source, tree))


def _fields_entry(source, scopes, invariant):
    return _FIELDS + f"{','.join(scopes)}|{','.join(sorted(invariant or ()))}|{source}"


def _compiled_before(source, scopes, invariant):
    """Inside a :func:`parsed_trees` block, a condition the record says compiled before
    with these scopes, reading these fields, with its leading tests: compiled when first
    evaluated, its tree thawed when first asked for (:class:`Compiled`); else None."""
    known = _KNOWN.trees
    if known is None:
        return None
    frozen = known.get(source)
    fields = known.get(_fields_entry(source, scopes, invariant))
    leading = known.get(_LEADING + source)
    if not isinstance(frozen, str) or type(leading) is not list or \
            not _recorded_fields(fields):
        return None
    try:
        leading = [Test((field[0], field[1]), kind, argument)
                   for field, kind, argument in leading]
    except (TypeError, ValueError, IndexError):
        return None
    invariant = None if invariant is None else frozenset(invariant)
    return Compiled(source, None, [tuple(f) for f in fields], None, None, leading,
                    (scopes, invariant, 0), frozen=frozen)


def _recorded_fields(fields):
    return type(fields) is list and all(type(f) is list and len(f) == 2 and
                                        type(f[0]) is str and type(f[1]) is str
                                        for f in fields)


def _known_leading(source, tree):
    """Inside a :func:`parsed_trees` block, the condition's leading simple tests: from
    the record, or worked out now and written with it (a warm run then analyses no
    tree: ~1.7 ms for the default pack).  Elsewhere None: worked out when asked."""
    known = _KNOWN.trees
    if known is None:
        return None
    stored = known.get(_LEADING + source)
    if type(stored) is list:
        try:
            return [Test((field[0], field[1]), kind, argument)
                    for field, kind, argument in stored]
        except (TypeError, ValueError, IndexError):
            pass  # not what we wrote: work them out again
    tests = leading_tests(tree)
    _KNOWN.parsed[_LEADING + source] = tests
    return tests


def _always_true(ctx):
    return True


def evaluate(compiled, context):
    """Evaluate to True, False or UNKNOWN: ``compiled(context)`` made a truth value
    (written out: it runs for every rule the index does not skip)."""
    _BUDGET.left = MAX_BUILT
    try:
        value = compiled.fn(context)
    except ExpressionError:
        raise
    except (TypeError, ValueError, OverflowError, RecursionError, MemoryError) as exc:
        raise ExpressionError(f"{type(exc).__name__}: {exc}") from None
    if value is True or value is False or value is UNKNOWN:
        return value
    return _truth(value)


class Template:
    """A message template: text with ``{{ expression }}`` holes (no blocks).

    Holes use the same evaluator as conditions; an unknown value prints as ``?``.
    With ``lazy=True`` the text is parsed on first use: a pack has two messages
    per rule, most never rendered in one screening, and parsing them is most of
    a large pack's compile time.  The loader checks every one all the same
    (:meth:`check`, E133: a pack's record remembers which compiled, so a warm load
    compiles none); a template that turns out broken anyway renders its raw text plus
    the error.
    """

    __slots__ = ("source", "scopes", "_parts", "_fields", "_error", "_known")

    def __init__(self, source, scopes=SCOPES, lazy=False):
        self.source = source
        self.scopes = scopes
        self._parts = self._fields = self._error = self._known = None
        if "{" not in source:  # plain text: nothing to parse
            self._parts, self._fields = [source], ()
        elif not lazy:
            self._compile()
        elif _KNOWN.trees is not None:  # made in a parsed_trees block: keep its record
            self._known = _KNOWN.trees
            if _MESSAGE + source not in self._known:
                _KNOWN.templates.append(self)

    def _compile(self):
        tree = None
        frozen = self._known.get(_MESSAGE + self.source) if self._known else None
        if isinstance(frozen, str):
            try:
                tree = json.loads(frozen, object_hook=_thaw_node)
            except (ValueError, TypeError, AttributeError, KeyError, RecursionError):
                tree = None
        if not isinstance(tree, nodes.Template):
            tree = _parse_message(self.source)
        compiler = _Compiler(self.scopes)
        parts = []
        for stmt in tree.body:
            if not isinstance(stmt, nodes.Output):
                raise ExpressionError(_said("expr_message_blocks"))
            for node in stmt.nodes:
                if isinstance(node, nodes.TemplateData):
                    parts.append(node.data)
                else:
                    key = None
                    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
                        key = (node.node.name, node.attr)
                    parts.append((compiler.compile(node), key))
        self._parts = parts
        self._fields = tuple(sorted(compiler.fields))
        self._known = None

    def check(self):
        """Raise :class:`ExpressionError` if the message does not compile (a syntax
        error, a ``{% block %}``, a name its scopes cannot read, a limit hit on its
        constants alone): the loader refuses such a pack, so a broken message never
        reaches a report.  A message the pack's record (:func:`parsed_trees`) says
        compiled before, under the same scopes, is not compiled again."""
        if self._parts is not None:
            return
        marker = _CHECKED + ",".join(self.scopes) + "|" + self.source
        if self._known is not None and self._known.get(marker) is True:
            return
        self._compile()
        if _KNOWN.parsed is not None:
            _KNOWN.parsed[marker] = True

    @property
    def parts(self):
        if self._parts is None:
            self._compile()
        return self._parts

    @property
    def fields(self):
        if self._fields is None:
            self._compile()
        return self._fields

    def render(self, context, lang="en", choice_text=None):
        """The message; ``choice_text`` maps (scope, field) -> {value: {lang: text}}
        so that a choice prints as the questionnaire words it, not as its id."""
        try:
            parts = self.parts
        except ExpressionError as exc:
            return f"{self.source} [{exc}]"
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            fn, key = part
            _fresh_budget()
            try:
                value = fn(context)
            except (ExpressionError, TypeError, ValueError, ArithmeticError, RecursionError,
                    MemoryError):
                value = UNKNOWN
            if value is UNKNOWN:
                out.append("?")
                continue
            words = (choice_text or {}).get(key) if key else None
            if words:
                def word(v):
                    texts = words.get(v) if isinstance(v, str) else None
                    return (texts.get(lang) or texts.get("en") or v) if texts else v
                value = [word(v) for v in value] if isinstance(value, list) else word(value)
            out.append(_format(value, lang))
        return "".join(out)


def _split_message(source):
    """A message as Jinja2's lexer splits it: text, and ``(expression text,)`` per
    ``{{ }}`` hole; or None for anything else than plain text with simple holes
    (blocks, comments, whitespace control, braces inside a hole, a carriage return),
    which Jinja2's own lexer takes."""
    if "\r" in source or "{%" in source or "{#" in source:
        return None
    if source.endswith("\n"):
        source = source[:-1]  # Jinja2 drops one trailing newline (keep_trailing_newline)
    parts, pos = [], 0
    while (start := source.find("{{", pos)) >= 0:
        end = source.find("}}", start + 2)
        if end < 0:
            return None
        inner = source[start + 2:end]
        if not inner.strip() or "{" in inner or "}" in inner or inner[0] in "+-" \
                or inner[-1] in "+-":
            return None
        if start > pos:
            parts.append(source[pos:start])
        parts.append((inner,))
        pos = end + 2
    if pos < len(source):
        parts.append(source[pos:])
    return parts


def _parse_message(source, holes=None):
    """The syntax tree of a message template, within the size limits: the holes of a
    plain message parsed as conditions are (the same parser, on the fast tokens), the
    rest by Jinja2's template parser, which also words every error.  ``holes``: a memo
    of hole texts to their trees, for a caller that only freezes the trees (they are
    then shared between messages)."""
    def hole(text):
        if holes is None:
            return _parse_with_jinja2(text)
        tree = holes.get(text)
        if tree is None:
            tree = holes[text] = _parse_with_jinja2(text)
        return tree

    parts, tree = _split_message(source), None
    if parts is not None:
        try:
            tree = nodes.Template([nodes.Output(
                [nodes.TemplateData(part, lineno=1) if isinstance(part, str)
                 else hole(part[0]) for part in parts], lineno=1)], lineno=1)
        except (TemplateSyntaxError, RecursionError):
            tree = None  # Jinja2 decides, and says what is wrong
    try:
        if tree is None:
            tree = _PARSER_ENV.parse(source)
    except TemplateSyntaxError as exc:
        raise ExpressionError(_said("expr_syntax_message",
                                    message=jinja_problem(exc.message))) from None
    except RecursionError:
        raise ExpressionLimit(_said("expr_message_nested")) from None
    _check_size(tree)
    return tree


def _format(value, lang="en"):
    """Values in messages as ``lang`` writes them: yes/no in its words (the ``common``
    locale domain), numbers with its decimal sign (six significant digits), dates in
    the report's date form."""
    from producibility import i18n

    if isinstance(value, bool):
        return i18n.text("common", "yes" if value else "no", lang)
    if value is ABSENT:  # answered "none": "geen" in Dutch
        return i18n.text("common", "none", lang)
    if isinstance(value, float):
        text = f"{value:g}"
        mantissa, e, exponent = text.partition("e")
        if not re.fullmatch(r"-?\d+(\.\d+)?", mantissa):
            return text  # inf, nan
        digits = len(mantissa.partition(".")[2])
        return i18n.number(decimal.Decimal(mantissa), lang, decimals=digits,
                           grouping=False) + e + exponent
    if isinstance(value, (list, tuple)):
        return ", ".join(_format(v, lang) for v in value)
    if callable(getattr(value, "text", None)):  # a text that speaks each language
        return value.text(lang)                # (engine.fit.Reason: a limit close)
    return i18n.days_in(str(value), lang)  # a date as the report writes it
