"""The YAML parser of :mod:`.yamlio`: PyYAML's SafeLoader (libyaml's C parser when
present) with what untrusted input needs (duplicate keys are errors, aliases and
nesting bounded, lines kept on every mapping and list).

A module of its own so that PyYAML is imported only when a text is parsed: a warm
check reads every file from the parse cache (see yamlio.load_with_bytes).
"""

import re

import yaml

from producibility.errors import InputError, Wording
from producibility.inputs.yamlio import (MAX_DEPTH, MAX_NODES, Mapping, Sequence, _short,
                                         bare_mapping, bare_sequence, expanded_limit,
                                         number_problem)

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser when present


_STR, _MAP, _SEQ, _MERGE = ("tag:yaml.org,2002:" + t for t in ("str", "map", "seq", "merge"))
# Scalars whose constructor is a plain function of the node (no generator, no alias to
# share): construct_tree calls it directly, without construct_object's bookkeeping.
_PLAIN_SCALARS = frozenset("tag:yaml.org,2002:" + t
                           for t in ("int", "float", "bool", "null", "timestamp"))
_RESOLVED = {}  # (scalar text, implicit) -> tag: see _Loader.resolve

# Numbers as a person writes them.  YAML 1.1 (PyYAML) reads ``010`` as 8 (octal),
# ``1:30`` as 90 (base 60), ``0x1F`` as 31 and ``2.000`` as 2.0, where a Dutch
# customer means 2000 pieces.  In a text a person wrote (a request: ``as_written``)
# such a number is kept as the text written, so that the one reader of numbers
# (intake.answers.read_number) reads it as it reads a quoted answer: ``010`` is 10,
# ``2.000`` is 2000 or 2 (the question's range decides, else the customer is asked to
# write which), ``1:30`` and ``0x1F`` are no number.  Other numbers are YAML's.
# Matched against the text without YAML's digit separators (``_``).
AS_WRITTEN = re.compile(r"""[-+]?(?:
      0[0-9a-zA-Z]+                 # a leading zero: octal, hex, binary or 010
    | [0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?   # base 60
    | 0*[1-9][0-9]{0,2}\.[0-9]{3}   # one dot before three digits: 2.000, 12.500
    )""", re.VERBOSE)


def _kept_as_written(text):
    return AS_WRITTEN.fullmatch(text.replace("_", "")) is not None


_INT = "tag:yaml.org,2002:int"


def _comma_split(previous, key_node, value_node):
    """Whether ``key_node`` is the digits after a decimal comma (``{inspection_h: 1,5}``:
    in a flow mapping the comma ends the entry, and ``5`` becomes a key of its own with
    no value).  Such a key is kept as the digits written (``02``, not 2), so that the
    schema's advice can show the number as it was written (inputs.schema.comma_splits)."""
    return previous is not None and type(previous) is yaml.ScalarNode and \
        previous.tag == _INT and not previous.style and \
        type(key_node) is yaml.ScalarNode and not key_node.style and \
        key_node.value.isdigit() and type(value_node) is yaml.ScalarNode and \
        value_node.value == "" and key_node.start_mark.index == previous.end_mark.index + 1


class _MergeKey(Exception):
    """A merge key (<<:) in a document without aliases: use the general constructor."""


def _problem(mark, name, /, **fields):
    """A parse problem found here, worded in the user's language when shown (the
    ``inputs`` locale domain)."""
    wording = Wording("inputs", name, **fields)
    error = yaml.constructor.ConstructorError(None, None, wording("en"), mark)
    error.wording = wording
    return error


def _duplicate(key, mapping, key_node):
    return _problem(key_node.start_mark, "duplicate_key", key=key,
                    line=mapping.key_lines[key])


class _Loader(_BASE):
    """Scanning, parsing and composing in C (libyaml) where available; the node
    graph is checked for size and depth before a single Python object is built."""

    def get_single_data(self):
        node = self.get_single_node()
        if node is None:
            return None
        if self.may_alias:
            _check_graph(node)
            return self.construct_document(node)
        _check_tree(node)
        try:
            return self.construct_tree(node)
        except _MergeKey:
            return self.construct_document(node)

    def construct_tree(self, node):
        """construct_document for a plain tree (no anchors, no merge keys), in one
        direct pass: the same Mapping, Sequence and values, a third of the time.
        Anything but plain maps, lists and text goes through the constructors."""
        kind = type(node)
        if kind is yaml.ScalarNode:
            tag = node.tag
            if tag == _STR:
                return node.value
            if tag in _PLAIN_SCALARS:  # a number, yes/no, null or date: its constructor
                return self.yaml_constructors[tag](self, node)
            return self.construct_object(node, deep=True)
        if kind is yaml.MappingNode and node.tag == _MAP:
            mapping = bare_mapping(node.start_mark.line + 1)
            key_lines, positions = mapping._key_lines, mapping._positions
            previous = None
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise _MergeKey()
                if type(key_node) is yaml.ScalarNode and key_node.tag == _STR or \
                        node.flow_style and _comma_split(previous, key_node, value_node):
                    key = key_node.value
                else:
                    key = self._key(key_node)
                if key in mapping:
                    raise _duplicate(key, mapping, key_node)
                mapping[key] = self.construct_tree(value_node)
                previous = value_node
                key_mark, value_mark = key_node.start_mark, value_node.start_mark
                key_lines[key] = key_mark.line + 1
                positions[key] = (key_mark.line + 1, key_mark.column + 1,
                                  value_mark.line + 1, value_mark.column + 1)
            return mapping
        if kind is yaml.SequenceNode and node.tag == _SEQ:
            return bare_sequence([self.construct_tree(n) for n in node.value],
                                 node.start_mark.line + 1,
                                 [n.start_mark.line + 1 for n in node.value],
                                 [n.start_mark.column + 1 for n in node.value])
        return self.construct_object(node, deep=True)

    def resolve(self, kind, value, implicit):
        """PyYAML's resolver, its answer for a scalar remembered: a scalar's tag depends
        on its text and how it was written alone (SafeLoader has no path resolvers),
        and the same keys and answers come in request after request."""
        if kind is not yaml.ScalarNode or len(value) > 64 or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)  # (path resolvers: by place too)
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_RESOLVED) >= 4096:
                _RESOLVED.clear()
            _RESOLVED[key] = tag
        return tag

    def _key(self, key_node):
        key = self.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise _problem(key_node.start_mark, "key_not_plain")
        return key

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping, found {node.id}", node.start_mark)
        own = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
        self.flatten_mapping(node)
        merged = len(node.value) - own  # flatten_mapping puts merged pairs (<<: *base) first
        mapping = Mapping(line=node.start_mark.line + 1)
        mapping.merged = set()
        previous = None
        for index, (key_node, value_node) in enumerate(node.value):
            key = key_node.value if node.flow_style and \
                _comma_split(previous, key_node, value_node) else self._key(key_node)
            previous = value_node
            if key in mapping and index < merged:
                continue  # two merged mappings share a key: the first one wins (YAML spec)
            if key in mapping and key not in mapping.merged:
                raise _duplicate(key, mapping, key_node)
            if index < merged:
                mapping.merged.add(key)
            else:
                mapping.merged.discard(key)
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
            mapping.positions[key] = (
                key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        return mapping

    def construct_yaml_map(self, node):
        data = Mapping(line=node.start_mark.line + 1)
        yield data
        built = self.construct_mapping(node)
        data.update(built)
        data.key_lines = built.key_lines
        data.positions = built.positions
        data.merged = built.merged

    def construct_yaml_seq(self, node):
        data = Sequence(line=node.start_mark.line + 1)
        yield data
        data.extend(self.construct_sequence(node, deep=True))
        data.item_lines = [n.start_mark.line + 1 for n in node.value]
        data.item_cols = [n.start_mark.column + 1 for n in node.value]

    as_written = False  # see AS_WRITTEN

    def construct_yaml_float(self, node):
        if self.as_written and _kept_as_written(node.value):
            return node.value
        value = super().construct_yaml_float(node)
        problem = number_problem(value)
        if problem:
            raise _problem(node.start_mark, "number", text=_short(node.value), problem=problem)
        return value

    def construct_yaml_int(self, node):
        if self.as_written and _kept_as_written(node.value):
            return node.value
        try:
            value = super().construct_yaml_int(node)
        except ValueError:  # thousands of digits: Python's int() refuses the text
            value = None
        problem = Wording("inputs", "not_usable_number") if value is None else \
            number_problem(value)
        if problem:
            raise _problem(node.start_mark, "number", text=_short(node.value), problem=problem)
        return value


    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise _problem(node.start_mark, "not_real_date", text=node.value) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


def _check_tree(root):
    """Depth bound for a document without aliases (a plain tree: no sharing)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _problem(node.start_mark, "nested_too_deep", depth=MAX_DEPTH)
        if isinstance(node, yaml.MappingNode):
            stack.extend((n, depth + 1) for pair in node.value for n in pair
                         if not isinstance(n, yaml.ScalarNode))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((n, depth + 1) for n in node.value
                         if not isinstance(n, yaml.ScalarNode))


def _check_graph(root):
    """Bound the node graph after alias expansion (billion laughs) and its depth.

    Iterative, memoised per node, so neither a bomb nor deep nesting costs
    more than one pass over the distinct nodes.  Besides the count of values,
    their total size is bounded (a long text repeated by aliases is as costly
    as many values).
    """
    size, height, weight = {}, {}, {}
    limit = expanded_limit()
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in size and not children_done:
            continue
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            children = ()
        if not children_done:
            size[key] = None  # in progress: a recursive alias counts as a leaf
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in size)
            if len(size) > MAX_NODES:
                break
            continue
        size[key] = 1 + sum(size.get(id(c)) or 1 for c in children)
        height[key] = 1 + max((height.get(id(c), 1) for c in children), default=0)
        weight[key] = (len(node.value) if not children and isinstance(node, yaml.ScalarNode)
                       else 0) + 1 + sum(weight.get(id(c)) or 1 for c in children)
        if weight[key] > limit:
            raise _problem(node.start_mark, "too_many_bytes", limit=limit)
        if size[key] > MAX_NODES:
            raise _problem(node.start_mark, "too_many_values", limit=MAX_NODES)
        if height[key] > MAX_DEPTH:
            raise _problem(node.start_mark, "nested_too_deep", depth=MAX_DEPTH)
    if len(size) > MAX_NODES:
        raise _problem(root.start_mark, "too_many_values", limit=MAX_NODES)


def loads(text, path="<string>", as_written=False):
    """Parse YAML text safely; errors become :class:`InputError` with the line.
    ``as_written``: see AS_WRITTEN."""
    try:
        loader = _Loader(text)
        loader.as_written = as_written
        loader.may_alias = "&" in text and "*" in text  # an alias needs an anchor
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        # said where the mistake is: the quote that opens (not lines later where the
        # next one closes it), the value that starts with a brace
        explained = _unclosed_quote(text, line, column) or _braces_unquoted(text, line)
        if explained:
            wording, line, column = explained
        else:
            wording = getattr(exc, "wording", None) or _colon_in_value(text, line, column) \
                or _indented_more(text, line) or _libyaml_wording(exc)
        error = InputError.said(wording, path, line)
        error.column = column
        error.kind = "duplicate-key" if wording.key == "duplicate_key" else "yaml"
        raise error from None
    except yaml.YAMLError as exc:
        raise InputError.said(Wording("inputs", "invalid_yaml",
                                      problem=str(exc).splitlines()[0]), path) from None
    except RecursionError:
        raise InputError.said(Wording("inputs", "nested_too_deep", depth=MAX_DEPTH),
                              path) from None


def _colon_in_value(text, line, column):
    """A plain value with ': ' in it (``name: Haas VF-2: verticaal``): libyaml stops at
    the value's colon ("mapping values are not allowed here").  The Wording that says to
    quote the value, with the line as it should read, or None (the colon libyaml stopped
    at is the key's: an indentation slip, see _indented_more)."""
    if not line or not column or not isinstance(text, str):
        return None
    lines = text.splitlines()
    if line > len(lines):
        return None
    here = lines[line - 1]
    lead = len(here) - len(here.lstrip(" -"))  # the key's column (after '- ' of a list)
    key, colon, value = here[lead:].partition(": ")
    start = lead + len(key) + 2  # where the value starts (0-based)
    value = value.strip()
    if not colon or not key.strip() or " " in key.strip() or column - 1 < start or \
            not value or value[0] in "'\"[{|>&*!#%@`":
        return None
    return Wording("inputs", "colon_in_value", key=key.strip(),
                   fixed=f"{key.strip()}: {_quoted(value)}")


def _quoted(value):
    """A plain value as the double-quoted text it should be (a comment after it stays
    outside the quotes)."""
    if " #" in value:
        value = value[:value.index(" #")].rstrip()
    return '"{}"'.format(value.replace("\\", "\\\\").replace('"', '\\"'))


def _braces_unquoted(text, line):
    """A text that starts with ``{`` written without quotes (``en: {{ part.id }} needs a
    CMM report``, the common Jinja-in-YAML slip): YAML reads ``{`` as the start of a
    mapping and stops after its ``}`` ("did not find expected key", which asked about
    the indentation), or finds a mapping as a key.  (Wording, line, column) that says to
    quote the text, with the line as it should read, or None."""
    if not line or not isinstance(text, str):
        return None
    lines = text.splitlines()
    if line > len(lines):
        return None
    here = lines[line - 1]
    lead = len(here) - len(here.lstrip(" -"))
    key, colon, value = here[lead:].partition(": ")
    start = lead + len(key) + 2 + len(value) - len(value.lstrip())
    value = value.strip()
    if not colon or not key.strip() or " " in key.strip() or \
            not value.startswith(("{{", "{%")):
        return None
    return (Wording("inputs", "braces_unquoted", fixed=f"{key.strip()}: {_quoted(value)}"),
            line, start + 1)


_KEY_LINE = re.compile(r"\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)")


def _unclosed_quote(text, line, column):
    """A quoted text whose closing quote is missing (``when: "part.tolerance_mm <= 0.02``):
    the quote runs on over the lines below, up to the next quote, where libyaml then
    stops, lines later, asking about the indentation.  Only for a parse that failed just
    after a quoted text of several lines, with a line in it that reads as a key (a valid
    multi-line text stays valid: this explains an error, it makes none).
    (Wording, line, column) at the opening quote, or None."""
    if not line or not column or not isinstance(text, str) or \
            ('"' not in text and "'" not in text):
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):  # pure Python: positions
            start = token.start_mark
            if (start.line + 1, start.column + 1) >= (line, column):
                break
            last = token
    except yaml.YAMLError:
        pass
    if not isinstance(last, yaml.ScalarToken) or last.style not in ('"', "'") or \
            last.start_mark.line == last.end_mark.line or \
            last.end_mark.line + 1 != line:
        return None
    inside = text.splitlines()[last.start_mark.line + 1:last.end_mark.line]
    if not any(_KEY_LINE.match(row) for row in inside):
        return None
    return (Wording("inputs", "unclosed_quote", quote=last.style, line=line),
            last.start_mark.line + 1, last.start_mark.column + 1)


def _indented_more(text, line):
    """A key indented deeper than the 'key: value' line above it (``     when:`` under
    ``scope: part``): libyaml reads it as more of that value and says "mapping values
    are not allowed in this context", and the usual hint (a colon in a text) misleads.
    The Wording that says so, or None."""
    if not line or line < 2 or not isinstance(text, str):
        return None
    lines = text.splitlines()
    if line > len(lines):
        return None
    here = lines[line - 1]
    above = next((lines[i] for i in range(line - 2, -1, -1)
                  if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    if above is None:
        return None

    def indent(s):  # the key's column: a list item's key stands after its '- '
        return len(s) - len(s.lstrip(" -"))

    key, colon, value = above.strip().lstrip("- ").partition(":")
    mine = here.strip().partition(":")
    if colon and value.strip() and mine[1] and indent(here) > indent(above) and \
            " " not in mine[0].strip() and not value.strip().startswith(("|", ">")) and \
            (not mine[2] or mine[2][0] == " "):  # a key, not 'http://x.nl: y' in a text
        return Wording("inputs", "indented_more", key=mine[0].strip(), above=key.strip())
    return None


def _libyaml_wording(exc):
    """A problem PyYAML or libyaml found, in their words (English), or in the user's
    language where the ``inputs`` locale has it (keys ``yaml_*``, whose English is the
    parser's text: one place for both)."""
    problem = exc.problem or exc.context or "invalid YAML"
    if "could not determine a constructor for the tag" in problem:
        return Wording("inputs", "tag_not_allowed", tag=problem.rsplit(" ", 1)[-1])
    if exc.context and exc.problem:
        problem = f"{exc.context}: {exc.problem}"
    problem = problem.replace("\n", " ")
    known = _known_problems().get(" ".join((exc.problem or "").split()))
    return Wording("inputs", "yaml", problem=known or problem)


#: libyaml's (and PyYAML's) text of the problems a hand-written file meets most -> the
#: ``inputs`` locale key that says it in plain words, in English as in Dutch (English
#: read "while parsing a block collection: did not find expected '-' indicator" where
#: Dutch said which '-' and asked about the indentation).
LIBYAML_PROBLEMS = {
    "mapping values are not allowed here": "yaml_mapping_values",
    "mapping values are not allowed in this context": "yaml_mapping_values_here",
    "could not find expected ':'": "yaml_expected_colon",
    "did not find expected key": "yaml_expected_key",
    "did not find expected '-' indicator": "yaml_expected_dash",
    "found character that cannot start any token": "yaml_no_token",
    "found a tab character that violates indentation": "yaml_tab",
    "found unexpected end of stream": "yaml_end_of_stream",
    "did not find expected node content": "yaml_no_content",
    "did not find expected ',' or ']'": "yaml_expected_comma_bracket",
    "did not find expected ',' or '}'": "yaml_expected_comma_brace",
    "found undefined alias": "yaml_undefined_alias",
    "found unknown escape character": "yaml_unknown_escape",
}


def _known_problems():
    """libyaml's problem text -> its Wording (the ``yaml_*`` keys of the inputs locale)."""
    return {text: Wording("inputs", key) for text, key in LIBYAML_PROBLEMS.items()}
