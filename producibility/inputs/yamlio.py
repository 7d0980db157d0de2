"""Safe YAML reading for input that comes from outside.

Only PyYAML's SafeLoader, plus what untrusted input needs: duplicate keys are
errors, anchors/aliases and nesting depth are bounded, the file size is
bounded, the text must be UTF-8, and every mapping and list remembers the line
of each of its entries so that later errors can say ``file:line``.  The parser
itself is :mod:`.yamlparse`; this module reads files (bounded), keeps parsed
documents in the cache and gives them back with their lines.
"""

import datetime
import json
import math
import os
import re

from producibility.errors import InputError, Wording



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
        raise InputError.said(Wording("inputs", "bad_limit", value=_MAX_BYTES_TEXT))
    return MAX_BYTES


def expanded_limit():
    """Total size of a document after alias and merge expansion: a few times the input."""
    return 4 * input_limit()


def number_problem(value):
    """Why a number from outside cannot be used (a :class:`Wording`), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return Wording("inputs", "not_usable_number")
    if abs(value) > MAX_NUMBER:
        return Wording("inputs", "number_too_large", limit=f"{MAX_NUMBER:.0e}")
    return None


_NONE_MERGED = frozenset()


class Mapping(dict):
    """A dict that knows the line (1-based) of the file it came from, per key.

    ``key_lines`` and ``positions`` of a mapping from the cache are unpacked from their
    text when first read: they are for error messages, which most runs never write."""

    __slots__ = ("line", "_key_lines", "_positions", "merged", "_packed")

    def __init__(self, *args, line=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self._key_lines = {}
        self.merged = _NONE_MERGED  # keys from a merge (<<: *base) that may be overridden
        # key -> (key line, key col, value line, value col), 1-based: one flat tuple per
        # key keeps a 1,000-rule pack's objects few (the garbage collector scans them)
        self._positions = {}
        self._packed = None  # (keys, their positions as text) from the cache, or None

    @property
    def key_lines(self):
        if self._packed is not None:
            self._unpack()
        return self._key_lines

    @key_lines.setter
    def key_lines(self, value):
        if self._packed is not None:
            self._unpack()
        self._key_lines = value

    @property
    def positions(self):
        if self._packed is not None:
            self._unpack()
        return self._positions

    @positions.setter
    def positions(self, value):
        if self._packed is not None:
            self._unpack()
        self._positions = value

    def _unpack(self):
        """The positions :func:`_freeze` packed (``"l c l c"`` per key, comma-separated;
        empty for a key without one)."""
        keys, text = self._packed
        self._packed = None
        key_lines, positions = self._key_lines, self._positions
        for key, packed in zip(keys, text.split(",")):
            if packed:
                position = tuple(map(int, packed.split(" ")))
                key_lines[key] = position[0]
                positions[key] = position


class Sequence(list):
    """A list that knows its line and the line of each item."""

    __slots__ = ("line", "item_lines", "item_cols")

    def __init__(self, *args, line=None):
        super().__init__(*args)
        self.line = line
        self.item_lines = []
        self.item_cols = []


def bare_mapping(line, merged=_NONE_MERGED, packed=None):
    """An empty :class:`Mapping` made without the call of ``__init__`` (the same
    attributes, set here): the parser and the cache's thaw make thousands a run.
    ``packed``: (keys, positions as text) from the cache, unpacked when first asked."""
    mapping = dict.__new__(Mapping)
    mapping.line = line
    mapping.merged = merged
    mapping._key_lines, mapping._positions = {}, {}
    mapping._packed = packed
    return mapping


def bare_sequence(items, line, item_lines, item_cols):
    """A :class:`Sequence` of ``items`` made without the call of ``__init__``."""
    sequence = list.__new__(Sequence)
    sequence.extend(items)
    sequence.line, sequence.item_lines, sequence.item_cols = line, item_lines, item_cols
    return sequence


def _short(text, width=30):
    text = str(text)
    return text if len(text) <= width else text[:width - 3] + "..."


def decode_text(data, path):
    """A file's bytes as text (UTF-8, a BOM dropped); binary or other bytes an InputError
    with the line."""
    if b"\x00" in data[:8192]:
        raise InputError.said(Wording("inputs", "binary"), path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError.said(Wording("inputs", "not_utf8", byte=exc.start + 1),
                              path, line) from None


def loads(text, path="<string>", as_written=False):
    """Parse YAML text safely; errors become :class:`InputError` with the line.

    ``as_written``: a text a person wrote (a request): numbers in a form YAML 1.1 reads
    otherwise than a person means are kept as the text (see yamlparse.AS_WRITTEN).

    The parser (:mod:`.yamlparse`, with PyYAML) is imported on the first text that
    needs it: a warm check finds every file it reads in the parse cache."""
    from producibility.inputs.yamlparse import loads as parse

    return parse(text, path, as_written)


def load(path, max_bytes=None, as_written=False):
    """Read and parse a YAML file, bounded in size."""
    return load_with_bytes(path, max_bytes, as_written)[0]


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


def bytes_within_limit(path):
    """A file's bytes, or None when it cannot be read or is over the input limit (the
    loader then says so): for a record's key, read before the file is loaded."""
    try:
        limit = input_limit()
        with open(path, "rb") as handle:
            data = _read_bounded(handle, limit)
    except (OSError, InputError):
        return None
    return data if len(data) <= limit else None


def load_with_bytes(path, max_bytes=None, as_written=False, as_json=False):
    """(document, the file's bytes): for callers that cache by content.

    The parsed document is kept in the content-addressed cache (:mod:`.cache`), lines
    included, so an unchanged pack, catalogue, questionnaire or equipment file is parsed
    once, not on every run.  ``as_json``: the file is JSON (a ``.json`` request), read
    by :func:`loads_json_lines`, not as YAML."""
    limit = input_limit() if max_bytes is None else max_bytes
    display = str(path)
    try:
        with open(path, "rb") as handle:
            data = _read_bounded(handle, limit)
    except FileNotFoundError:
        raise InputError.said(Wording("inputs", "no_such_file"), display) from None
    except IsADirectoryError:
        raise InputError.said(Wording("inputs", "is_a_directory"), display) from None
    except OSError as exc:
        raise InputError.said(Wording("inputs", "cannot_read", reason=exc.strerror),
                              display) from None
    if len(data) > limit:
        raise InputError.said(Wording("inputs", "too_large", limit=limit), display)
    return parse_bytes(data, display, as_written, as_json), data


def load_stream(stream, display="<stdin>", as_written=False):
    """A document read from a byte stream (standard input), bounded in size as a file
    is: JSON when its text starts with ``{`` (read by :func:`loads_json_lines`), else
    YAML."""
    limit = input_limit()
    data = stream.read(limit + 1)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > limit:
        raise InputError.said(Wording("inputs", "too_large", limit=limit), display)
    as_json = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    return parse_bytes(data, display, as_written and not as_json, as_json)


def parse_bytes(data, display, as_written=False, as_json=False):
    """The document of a file's bytes, from the parse cache when these bytes were
    parsed before (see :func:`load_with_bytes`)."""
    from producibility.inputs import cache
    form = _JSON_FORM if as_json else \
        _CACHE_FORM + "-as-written" if as_written else _CACHE_FORM
    key = cache.data_key(form, data)
    stored = cache.read_data(key)
    if stored is not None:
        try:
            return _thaw(json.loads(stored))
        except (ValueError, TypeError, KeyError, IndexError):
            pass  # not what we wrote: parse again
    text = decode_text(data, display)
    document = loads_json_lines(text, display) if as_json else \
        loads(text, display, as_written)
    if not cache.writing():
        return document
    try:
        text = json.dumps(_freeze(document), separators=(",", ":"))
    except (TypeError, ValueError):
        pass  # a value JSON cannot hold: just not cached
    else:
        cache.write_data(key, text)
    return document


# -- the cache's form of a document: JSON lists tagged by their first item -------------

_CACHE_FORM = "yaml-3"  # the cache key's kind: a new form of entry is a new key
_JSON_FORM = "json-1"   # a .json request's, read as JSON


def _freeze(value):
    """A document as JSON data with its lines: every list is a tagged node.  A mapping is
    its line, its merged keys, its keys, their values and their positions as one text
    (key line, key column, value line, value column: ``positions``, whose key line is
    ``key_lines``'s; ``"l c l c"`` per key, comma-separated, empty for a key without
    one): read back, they are unpacked only when asked for (:class:`Mapping`), and four
    JSON numbers a key took a third of decoding a pack."""
    kind = type(value)
    if kind is Mapping:
        keys, items, packed = [], [], []
        for key, item in value.items():
            position = value.positions.get(key)
            if position is None:
                if key in value.key_lines:
                    raise TypeError("not cacheable: a key line apart from its position")
                packed.append("")
            elif len(position) != 4 or value.key_lines.get(key) != position[0] or \
                    not all(type(n) is int for n in position):
                raise TypeError("not cacheable: a key line apart from its position")
            else:
                packed.append("%d %d %d %d" % position)
            keys.append(key)
            items.append(_freeze(item))
        return ["M", value.line, None if value.merged is _NONE_MERGED else sorted(value.merged),
                keys, items, ",".join(packed)]
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
        # Mapping.__init__ written out (a warm check thaws ~1,800 mappings: calling it
        # was a quarter of the thawing); the positions stay packed until asked for
        keys, packed = value[3], value[5]
        if len(value[4]) != len(keys) or (keys and packed.count(",") != len(keys) - 1):
            raise ValueError("not a mapping the cache wrote")
        mapping = bare_mapping(value[1], _NONE_MERGED if value[2] is None else set(value[2]),
                               (keys, packed) if packed.strip(",") else None)
        mapping.update(zip(keys, [_thaw(item) if type(item) is list else item
                                  for item in value[4]]))
        return mapping
    if tag == "S":
        return bare_sequence([_thaw(item) if type(item) is list else item
                              for item in value[4]], value[1], value[2], value[3])
    if tag == "D":
        return datetime.date.fromisoformat(value[1])
    if tag == "T":
        return datetime.datetime.fromisoformat(value[1])
    raise ValueError(f"unknown node {tag!r}")


def copy_with_lines(document):
    """A deep copy of a document the reader made, lines and all (its cache form, read
    back); TypeError when it holds what the reader does not make."""
    return _thaw(_freeze(document))


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


_SCALAR_TEXT = r"[^\s,\]\}#]+"


def number_as_written(holder, key, value, text=None):
    """The text a number was written as at ``holder[key]`` (a :class:`Mapping`'s key or
    a :class:`Sequence`'s index) of a YAML document whose text is ``text``: ``1.4310``
    with its zero, where YAML read the float 1.431; else (no text, no place, or what
    stands there is not that number) the number's own shortest text (``1.4404``)."""
    own = str(value)
    if text is None:
        return own
    if isinstance(holder, Mapping):
        place = holder.positions.get(key)
        line, column = (place[2], place[3]) if place else (None, None)
    elif isinstance(holder, Sequence) and isinstance(key, int) and key < len(holder.item_cols):
        line, column = holder.item_lines[key], holder.item_cols[key]
    else:
        return own
    lines = text.splitlines()
    if not line or line > len(lines):
        return own
    found = re.compile(_SCALAR_TEXT).match(lines[line - 1], column - 1)
    try:
        same = found is not None and type(value)(found.group(0).replace("_", "")) == value
    except ValueError:
        same = False
    return found.group(0) if same else own


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
            raise _JSONProblem(Wording("inputs", "duplicate_json_key", key=_short(key)))
        mapping[key] = value
    return mapping


class _JSONProblem(Exception):
    def __init__(self, wording, line=None):
        super().__init__(wording)
        self.line = line


def _json_int(text):
    if len(text.lstrip("-")) > len(str(MAX_NUMBER)):
        raise _JSONProblem(Wording("inputs", "number", text=_short(text), problem=Wording(
            "inputs", "number_too_large", limit=f"{MAX_NUMBER:.0e}")))
    value = int(text)
    problem = number_problem(value)
    if problem:
        raise _JSONProblem(Wording("inputs", "number", text=_short(text), problem=problem))
    return value


def _json_float(text):
    value = float(text)
    problem = number_problem(value)
    if problem:
        raise _JSONProblem(Wording("inputs", "number", text=_short(text), problem=problem))
    return value


def _json_constant(text):
    raise _JSONProblem(Wording("inputs", "number", text=text,
                               problem=Wording("inputs", "not_usable_number")))


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


def _line_decoder(text):
    """A JSON decoder that builds :class:`Mapping` and :class:`Sequence` with the line
    and column of every key and item (as the YAML reader does), so that a ``.json``
    request's problems say ``file:line`` too.  Python's own scanner reads the strings
    and numbers (with the limits of :func:`loads_json`); objects and arrays are read
    here, as ``json.decoder.JSONObject`` and ``JSONArray`` read them."""
    import bisect
    from json import decoder as jd, scanner

    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def position(index):
        line = bisect.bisect_right(starts, index)
        return line, index - starts[line - 1] + 1

    ws, blank = jd.WHITESPACE.match, jd.WHITESPACE_STR

    def value_at(s, end, scan_once):
        try:
            return scan_once(s, end)
        except StopIteration as err:
            raise jd.JSONDecodeError("Expecting value", s, err.value) from None
        except _JSONProblem as exc:
            if exc.line is None:
                exc.line = position(end)[0]
            raise

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook,
                     memo=None):
        s, end = s_and_end
        mapping = bare_mapping(position(end - 1)[0])
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar in blank:
                end = ws(s, end).end()
                nextchar = s[end:end + 1]
            if nextchar == "}":
                return mapping, end + 1
            if nextchar != '"':
                raise jd.JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key_line, key_col = position(end - 1)
            key, end = jd.scanstring(s, end, strict)
            if s[end:end + 1] != ":":
                end = ws(s, end).end()
                if s[end:end + 1] != ":":
                    raise jd.JSONDecodeError("Expecting ':' delimiter", s, end)
            end = ws(s, end + 1).end()
            value_line, value_col = position(end)
            value, end = value_at(s, end, scan_once)
            if key in mapping:
                raise _JSONProblem(Wording("inputs", "duplicate_json_key", key=_short(key)),
                                   key_line)
            mapping[key] = value
            mapping._key_lines[key] = key_line
            mapping._positions[key] = (key_line, key_col, value_line, value_col)
            end = ws(s, end).end()
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "}":
                return mapping, end
            if nextchar != ",":
                raise jd.JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = ws(s, end).end()
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise jd.JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end - 1)

    def parse_array(s_and_end, scan_once):
        s, end = s_and_end
        items, lines, cols = [], [], []
        line = position(end - 1)[0]
        end = ws(s, end).end()
        if s[end:end + 1] == "]":
            return bare_sequence(items, line, lines, cols), end + 1
        while True:
            item_line, item_col = position(end)
            value, end = value_at(s, end, scan_once)
            items.append(value)
            lines.append(item_line)
            cols.append(item_col)
            end = ws(s, end).end()
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "]":
                return bare_sequence(items, line, lines, cols), end
            if nextchar != ",":
                raise jd.JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = ws(s, end).end()

    decoder = json.JSONDecoder(parse_int=_json_int, parse_float=_json_float,
                               parse_constant=_json_constant)
    decoder.parse_object, decoder.parse_array = parse_object, parse_array
    decoder.scan_once = scanner.py_make_scanner(decoder)  # the C one reads no parse_object
    return decoder, position


def loads_json_lines(text, path="<string>"):
    """Parse a JSON file's text (a ``.json`` request) with the limits of
    :func:`loads_json`, into :class:`Mapping` and :class:`Sequence` that know their
    lines; errors are :class:`InputError` at ``path:line`` that say JSON."""
    decoder, position = _line_decoder(text)
    try:
        value = decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise InputError.said(Wording("inputs", "invalid_json", problem=exc.msg,
                                      column=exc.colno), path, exc.lineno) from None
    except _JSONProblem as exc:
        raise InputError.said(exc.args[0], path, exc.line or 1) from None
    except RecursionError:
        raise InputError.said(Wording("inputs", "nested_too_deep", depth=MAX_DEPTH),
                              path) from None
    if not _json_depth(value):
        raise InputError.said(Wording("inputs", "nested_too_deep", depth=MAX_DEPTH), path)
    return value


def loads_json(text, path="<string>", line=None):
    """Parse JSON from outside with the limits of YAML: size, depth, duplicate keys
    and numbers (finite, at most MAX_NUMBER); errors are :class:`InputError`."""
    if len(text) > input_limit():
        raise InputError.said(Wording("inputs", "too_large", limit=input_limit()), path, line)
    try:
        value = json.loads(text, object_pairs_hook=_json_object, parse_int=_json_int,
                           parse_float=_json_float, parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise InputError.said(Wording("inputs", "invalid_json", problem=exc.msg,
                                      column=exc.colno), path, line) from None
    except _JSONProblem as exc:
        raise InputError.said(exc.args[0], path, line) from None
    except RecursionError:
        raise InputError.said(Wording("inputs", "nested_too_deep", depth=MAX_DEPTH),
                              path, line) from None
    if not _json_depth(value):
        raise InputError.said(Wording("inputs", "nested_too_deep", depth=MAX_DEPTH), path, line)
    return value
