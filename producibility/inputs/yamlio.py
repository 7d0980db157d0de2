"""Safe YAML reading for input that comes from outside.

Only PyYAML's SafeLoader, plus what untrusted input needs: duplicate keys are
errors, anchors/aliases and nesting depth are bounded, the file size is
bounded, the text must be UTF-8, and every mapping and list remembers the line
of each of its entries so that later errors can say ``file:line``.
"""

import datetime
import json
import math
import os

import yaml

from producibility.errors import InputError



def _max_bytes(text):
    """PRODUCIBILITY_MAX_INPUT_BYTES, or None when it is not a whole number (an error
    on the first read, not a traceback on import)."""
    try:
        value = int(text)
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None


_MAX_BYTES_TEXT = os.environ.get("PRODUCIBILITY_MAX_INPUT_BYTES", "2000000")
MAX_BYTES = _max_bytes(_MAX_BYTES_TEXT)
MAX_DEPTH = 40
MAX_NODES = 200_000  # after alias expansion: stops "billion laughs"
MAX_NUMBER = 10**15  # no count, size, hour or rate is larger; products of two stay finite


def input_limit():
    """The input size limit; an InputError when the environment sets it to nonsense."""
    if MAX_BYTES is None:
        raise InputError("PRODUCIBILITY_MAX_INPUT_BYTES must be a positive whole number of "
                         f"bytes, not '{_MAX_BYTES_TEXT}'")
    return MAX_BYTES


def expanded_limit():
    """Total size of a document after alias and merge expansion: a few times the input."""
    return 4 * input_limit()


def number_problem(value):
    """Why a number from outside cannot be used, or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "is not a usable number"
    if abs(value) > MAX_NUMBER:
        return f"is too large a number (the limit is {MAX_NUMBER:.0e})"
    return None


_NONE_MERGED = frozenset()


class Mapping(dict):
    """A dict that knows the line (1-based) of the file it came from, per key."""

    __slots__ = ("line", "key_lines", "positions", "merged")

    def __init__(self, *args, line=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines = {}
        self.merged = _NONE_MERGED  # keys from a merge (<<: *base) that may be overridden
        # key -> (key line, key col, value line, value col), 1-based: one flat tuple per
        # key keeps a 1,000-rule pack's objects few (the garbage collector scans them)
        self.positions = {}


class Sequence(list):
    """A list that knows its line and the line of each item."""

    __slots__ = ("line", "item_lines", "item_cols")

    def __init__(self, *args, line=None):
        super().__init__(*args)
        self.line = line
        self.item_lines = []
        self.item_cols = []


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser when present


_STR, _MAP, _SEQ, _MERGE = ("tag:yaml.org,2002:" + t for t in ("str", "map", "seq", "merge"))


class _MergeKey(Exception):
    """A merge key (<<:) in a document without aliases: use the general constructor."""


def _duplicate(key, mapping, key_node):
    return yaml.constructor.ConstructorError(
        None, None, f"duplicate key '{key}' (first on line {mapping.key_lines[key]})",
        key_node.start_mark)


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
            return node.value if node.tag == _STR else self.construct_object(node, deep=True)
        if kind is yaml.MappingNode and node.tag == _MAP:
            mapping = Mapping(line=node.start_mark.line + 1)
            key_lines, positions = mapping.key_lines, mapping.positions
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise _MergeKey()
                if type(key_node) is yaml.ScalarNode and key_node.tag == _STR:
                    key = key_node.value
                else:
                    key = self._key(key_node)
                if key in mapping:
                    raise _duplicate(key, mapping, key_node)
                mapping[key] = self.construct_tree(value_node)
                key_mark, value_mark = key_node.start_mark, value_node.start_mark
                key_lines[key] = key_mark.line + 1
                positions[key] = (key_mark.line + 1, key_mark.column + 1,
                                  value_mark.line + 1, value_mark.column + 1)
            return mapping
        if kind is yaml.SequenceNode and node.tag == _SEQ:
            sequence = Sequence((self.construct_tree(n) for n in node.value),
                                line=node.start_mark.line + 1)
            sequence.item_lines = [n.start_mark.line + 1 for n in node.value]
            sequence.item_cols = [n.start_mark.column + 1 for n in node.value]
            return sequence
        return self.construct_object(node, deep=True)

    def _key(self, key_node):
        key = self.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) or key is None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word or number", key_node.start_mark)
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
        for index, (key_node, value_node) in enumerate(node.value):
            key = self._key(key_node)
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

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        problem = number_problem(value)
        if problem:
            raise yaml.constructor.ConstructorError(
                None, None, f"'{_short(node.value)}' {problem}", node.start_mark)
        return value

    def construct_yaml_int(self, node):
        try:
            value = super().construct_yaml_int(node)
        except ValueError:  # thousands of digits: Python's int() refuses the text
            value = None
        problem = "is not a usable number" if value is None else number_problem(value)
        if problem:
            raise yaml.constructor.ConstructorError(
                None, None, f"'{_short(node.value)}' {problem}", node.start_mark)
        return value


    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a real date", node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_yaml_seq)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


def _short(text, width=30):
    text = str(text)
    return text if len(text) <= width else text[:width - 3] + "..."


def _check_tree(root):
    """Depth bound for a document without aliases (a plain tree: no sharing)."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise yaml.MarkedYAMLError(
                problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=node.start_mark)
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
            raise yaml.MarkedYAMLError(
                problem=f"expands to more than {limit} bytes (alias bomb?)",
                problem_mark=node.start_mark)
        if size[key] > MAX_NODES:
            raise yaml.MarkedYAMLError(
                problem=f"expands to more than {MAX_NODES} values (alias bomb?)",
                problem_mark=node.start_mark)
        if height[key] > MAX_DEPTH:
            raise yaml.MarkedYAMLError(
                problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=node.start_mark)
    if len(size) > MAX_NODES:
        raise yaml.MarkedYAMLError(
            problem=f"expands to more than {MAX_NODES} values (alias bomb?)",
            problem_mark=root.start_mark)


def _decode(data, path):
    if b"\x00" in data[:8192]:
        raise InputError("is a binary file, not YAML text", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"is not UTF-8 text (byte {exc.start + 1})", path, line) from None


def loads(text, path="<string>"):
    """Parse YAML text safely; errors become :class:`InputError` with the line."""
    try:
        loader = _Loader(text)
        loader.may_alias = "&" in text and "*" in text  # an alias needs an anchor
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        if "could not determine a constructor for the tag" in problem:
            tag = problem.rsplit(" ", 1)[-1]
            problem = f"the tag {tag} is not allowed (only plain YAML data)"
        elif exc.context and exc.problem:
            problem = f"{exc.context}: {exc.problem}" if "duplicate" not in problem else problem
        error = InputError(problem.replace("\n", " "), path, line)
        error.column = column
        error.kind = "duplicate-key" if "duplicate key" in problem else "yaml"
        raise error from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {str(exc).splitlines()[0]}", path) from None
    except RecursionError:
        raise InputError(f"nested deeper than {MAX_DEPTH} levels", path) from None


def load(path, max_bytes=None):
    """Read and parse a YAML file, bounded in size."""
    return load_with_bytes(path, max_bytes)[0]


def _read_bounded(handle, limit):
    """Up to ``limit + 1`` bytes of a file.  A read of ``limit + 1`` bytes at once would
    allocate that much (2 MB) for every small file; the file's size says how much to
    ask for first, and a file that grew (or a pipe, of size 0) is read on to the limit."""
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, ValueError):
        size = limit
    data = handle.read(min(size, limit) + 1)
    if size < len(data) <= limit:
        data += handle.read(limit + 1 - len(data))
    return data


def load_with_bytes(path, max_bytes=None):
    """(document, the file's bytes): for callers that cache by content.

    The parsed document is kept in the content-addressed cache (:mod:`.cache`), lines
    included, so an unchanged pack, catalogue, questionnaire or equipment file is parsed
    once, not on every run."""
    limit = input_limit() if max_bytes is None else max_bytes
    display = str(path)
    try:
        with open(path, "rb") as handle:
            data = _read_bounded(handle, limit)
    except FileNotFoundError:
        raise InputError("no such file", display) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a YAML file", display) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", display) from None
    if len(data) > limit:
        raise InputError(f"is larger than the limit of {limit} bytes "
                         "(set PRODUCIBILITY_MAX_INPUT_BYTES to raise it)", display)
    from producibility.inputs import cache
    key = cache.data_key(_CACHE_FORM, data)
    stored = cache.read_data(key)
    if stored is not None:
        try:
            return _thaw(json.loads(stored)), data
        except (ValueError, TypeError, KeyError, IndexError):
            pass  # not what we wrote: parse again
    document = loads(_decode(data, display), display)
    try:
        text = json.dumps(_freeze(document), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        pass  # a value JSON cannot hold: just not cached
    else:
        cache.write_data(key, text)
    return document, data


# -- the cache's form of a document: JSON lists tagged by their first item -------------

_CACHE_FORM = "yaml-2"  # the cache key's kind: a new form of entry is a new key


def _freeze(value):
    """A document as JSON data with its lines: every list is a tagged node.  A mapping's
    keys are one flat list, six items a key: the key, its position (key line, key
    column, value line, value column: ``positions``, whose key line is ``key_lines``'s)
    and its value; a list per key would cost JSON twice the lists to decode."""
    kind = type(value)
    if kind is Mapping:
        flat = []
        for key, item in value.items():
            position = value.positions.get(key) or (None,) * 4
            if len(position) != 4 or value.key_lines.get(key) != position[0]:
                raise TypeError("not cacheable: a key line apart from its position")
            flat += (key, *position, _freeze(item))
        return ["M", value.line, None if value.merged is _NONE_MERGED else sorted(value.merged),
                flat]
    if kind is Sequence:
        return ["S", value.line, value.item_lines, value.item_cols,
                [_freeze(item) for item in value]]
    if kind is datetime.date:
        return ["D", value.isoformat()]
    if kind is datetime.datetime:
        return ["T", value.isoformat()]
    if value is None or kind in (str, int, float, bool):
        return value
    raise TypeError(f"not cacheable: {kind.__name__}")


def _thaw(value):
    """The document :func:`_freeze` made, with the same types and lines."""
    if type(value) is not list:
        return value
    tag = value[0]
    if tag == "M":
        mapping = Mapping(line=value[1])
        if value[2] is not None:
            mapping.merged = set(value[2])
        key_lines, positions = mapping.key_lines, mapping.positions
        flat = iter(value[3])
        for key, line, col, value_line, value_col, item in zip(flat, flat, flat, flat, flat, flat):
            mapping[key] = _thaw(item) if type(item) is list else item
            if line is not None:
                key_lines[key] = line
                positions[key] = (line, col, value_line, value_col)
        return mapping
    if tag == "S":
        sequence = Sequence([_thaw(item) if type(item) is list else item
                             for item in value[4]], line=value[1])
        sequence.item_lines, sequence.item_cols = value[2], value[3]
        return sequence
    if tag == "D":
        return datetime.date.fromisoformat(value[1])
    if tag == "T":
        return datetime.datetime.fromisoformat(value[1])
    raise ValueError(f"unknown node {tag!r}")


def line_of(document, path_parts):
    """The best line for a location in a loaded document (a jsonschema path)."""
    node, line = document, getattr(document, "line", None)
    for part in path_parts:
        if isinstance(node, Mapping) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, Sequence) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
        if getattr(node, "line", None) and not isinstance(node, (Mapping, Sequence)):
            line = node.line
    return line


def plain(value):
    """A plain copy (dicts, lists, scalars) without line information, dates as ISO text."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _json_object(pairs):
    mapping = {}
    for key, value in pairs:
        if key in mapping:
            raise _JSONProblem(f"duplicate key '{_short(key)}'")
        mapping[key] = value
    return mapping


class _JSONProblem(Exception):
    pass


def _json_int(text):
    if len(text.lstrip("-")) > len(str(MAX_NUMBER)):
        raise _JSONProblem(f"'{_short(text)}' is too large a number "
                           f"(the limit is {MAX_NUMBER:.0e})")
    value = int(text)
    problem = number_problem(value)
    if problem:
        raise _JSONProblem(f"'{_short(text)}' {problem}")
    return value


def _json_float(text):
    value = float(text)
    problem = number_problem(value)
    if problem:
        raise _JSONProblem(f"'{_short(text)}' {problem}")
    return value


def _json_constant(text):
    raise _JSONProblem(f"'{text}' is not a usable number")


def _json_depth(value):
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, (dict, list)))
    return True


def loads_json(text, path="<string>", line=None):
    """Parse JSON from outside with the limits of YAML: size, depth, duplicate keys
    and numbers (finite, at most MAX_NUMBER); errors are :class:`InputError`."""
    if len(text) > input_limit():
        raise InputError(f"is larger than the limit of {input_limit()} bytes "
                         "(set PRODUCIBILITY_MAX_INPUT_BYTES to raise it)", path, line)
    try:
        value = json.loads(text, object_pairs_hook=_json_object, parse_int=_json_int,
                           parse_float=_json_float, parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", path, line) from None
    except _JSONProblem as exc:
        raise InputError(str(exc), path, line) from None
    except RecursionError:
        raise InputError(f"nested deeper than {MAX_DEPTH} levels", path, line) from None
    if not _json_depth(value):
        raise InputError(f"nested deeper than {MAX_DEPTH} levels", path, line)
    return value
