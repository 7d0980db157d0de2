"""Faster paths through experta's own RETE network, same network, same results.

Measured on the benchmark's base workload (10 parts, 50 machines, the default
pack; see benchmarks/README.md) about two fifths of a screening went to
experta's matching, and most of that to bookkeeping rather than to matching:

* every one-input node copies the token it receives through ``Token.__new__``,
  which re-checks the type of every fact in it;
* a fact enters the network by being offered to *every* child of the root
  (one per fact class) and then to every constant test under its class node
  (one per flag name, say), each offer copying the token again;
* every test and every join writes a debug log call.

This module replaces those few methods of experta 1.9.4's classes with
versions that do the same work with less bookkeeping.  The network experta
builds, its joins, its negation, its conflict set and its agenda are
unchanged:

1. Tokens are copied on write: experta copies every token at every node it
   enters, re-checking the type of each of its facts; of its nodes only the
   feature tester changes a token (it adds its bindings), so that node copies
   the token before it writes, and the others pass tokens on as they are.
   (Memories keep frozen snapshots, ``to_info()``, as before.)
2. A node offers a fact only to the children whose test can pass: the
   children that test the fact's class are looked up by ``type(fact)``, the
   children that test one field against a text literal by that field's value.
   The children that do pass are still activated, in their original order,
   and still run their own test; the others would have returned False.
3. After each firing experta asks every rule's conflict-set node for its
   new activations; now each node that received a token notes itself, and
   only those are asked, in the same order.
4. The depth strategy's sort key is computed, not looked up: experta caches
   it with ``lru_cache`` keyed by the activation, but an activation equals
   another only once its key is set, so the cache never hits; it only
   compares each new activation with every cached one of the same rule and
   facts from earlier requests (hundreds of comparisons per request).
5. A reset clears each node once (experta walks the network recursively and
   clears a shared node once per path to it).
6. NOT nodes keep their memories by the values of the variables both sides
   bind (see ``_NotIndex``): experta compared every token on one side with
   every token on the other, quadratic in the parts of a request.
7. An activation's hash is computed once (its rule, facts and context never
   change; experta rebuilt two frozensets for every set operation).
8. A reset reads each deffacts' signature once (experta inspects it at every reset,
   that is for every request), and a rule learns the names its plain function takes
   from the function's code when it is made (``inspect.signature`` took ~0.3 ms of
   building an engine for the default pack's 38 experta rules).
9. The debug log calls in the hot paths go.  When experta's MATCH or MATCHER
   watchers are switched on for debugging, ``install`` is a no-op, so the
   watch output stays complete.

``install_for_first_engine()`` runs when producibility builds its first engine
(importing the library changes nothing in experta); ``uninstall()`` puts
experta's own methods back (tests compare reports both ways).  Anything but
experta 1.9.4 keeps experta's own methods, and so does a process started with
PRODUCIBILITY_EXPERTA_STOCK=1 (to rule these paths out when hunting a bug, or
when another part of the program uses experta and wants it untouched: the
methods are experta's classes', so they change for every engine in the process).
"""

import logging
import os
from collections.abc import Mapping


_ORIGINALS = {}
_GENERATION = [0]  # counts install() and uninstall(): indexes built before are stale
_NO_DISPATCH = object()


def _targets():
    from experta.matchers.rete import abstract, check, nodes, token
    return abstract, check, nodes, token


def _dispatch_table(node, check, nodes):
    """How to find the children of ``node`` a fact can pass, or _NO_DISPATCH.

    Returns (by_type, by_field, rest, order): children testing the fact's
    class, keyed by class; children testing ``fact[field] == 'text'``
    (no binding), keyed by field then text; the remaining children; and each
    child's position, so the selected ones run in their original order."""
    by_type, by_field, rest, order = {}, {}, [], {}
    for position, child in enumerate(node.children):
        order[id(child)] = position
        target = child.node
        matcher = getattr(target, "matcher", None)
        if type(target) is not nodes.FeatureTesterNode:
            rest.append(child)
        elif type(matcher) is check.TypeCheck:
            by_type.setdefault(matcher.fact_type, []).append(child)
        elif (type(matcher) is check.FeatureCheck and isinstance(matcher.what, str)
              and "__" not in matcher.what
              and not matcher.what.isnumeric()
              and matcher.check.__name__ == "equal_literal"
              and matcher.expected.__bind__ is None
              and type(matcher.expected.value) is str):
            by_field.setdefault(matcher.what, {}).setdefault(
                matcher.expected.value, []).append(child)
        else:
            rest.append(child)
    if not by_type and not by_field:
        return _NO_DISPATCH
    return by_type, by_field, rest, order


def _children_for(node, fact, check, nodes):
    """The children of ``node`` worth offering ``fact`` to, in their order."""
    table = node.__dict__.get("_producibility_dispatch")
    if table is None or table[0] != len(node.children):
        table = (len(node.children), _dispatch_table(node, check, nodes))
        node._producibility_dispatch = table
    table = table[1]
    if table is _NO_DISPATCH:
        return node.children  # nothing to look up: every child, as experta does
    by_type, by_field, rest, order = table
    selected = list(rest)
    selected += by_type.get(type(fact), ())
    for field, by_value in by_field.items():
        value = fact.get(field, _NO_DISPATCH) if isinstance(fact, Mapping) else _NO_DISPATCH
        if type(value) is str:
            selected += by_value.get(value, ())
        elif value is not _NO_DISPATCH:
            # not text: let each child's own test decide, as experta would
            for children in by_value.values():
                selected += children
    if len(selected) > 1:
        selected.sort(key=lambda c: order[id(c)])
    return selected


def _position(csn):
    return csn._producibility_position


class _NotIndex:
    """A NOT node's memories by the values of the variables both sides bind.

    experta's NotNode compares every fact arriving on its right (say a Fits)
    with every token on its left (every Operation), and back: quadratic in the
    parts of a request.  Its test (SameContextCheck) asks that the variables
    both contexts bind have equal values, so tokens are kept by those values
    and only the equal ones are compared, as CLIPS's hashed memories do.  It is
    used only while every token binds the same variables to text or whole
    numbers and nothing is negated; otherwise experta's own scan runs (the
    memories are kept exactly as experta keeps them, so either can take over)."""

    def __init__(self, node):
        self.left_memory, self.right_memory = node.left_memory, node.right_memory
        self.installed = _GENERATION[0]
        self.left_keys = self.right_keys = self.keys = None
        self.left, self.right = {}, {}
        self.usable = True
        for left, memory in ((True, node.left_memory), (False, node.right_memory)):
            for info in memory:
                if not self._learn(dict(info.context), left):
                    return
        self._file()

    def _learn(self, context, left):
        """Note which variables this side binds; False if the index cannot serve."""
        names = frozenset(context)
        known = self.left_keys if left else self.right_keys
        if known is None:
            if any(not isinstance(k, str) for k in names):
                self.usable = False  # a negated field constraint: experta's scan
                return False
            if left:
                self.left_keys = names
            else:
                self.right_keys = names
            if self.left_keys is not None and self.right_keys is not None:
                self.keys = tuple(sorted(self.left_keys & self.right_keys))
        elif names != known:
            self.usable = False
            return False
        return True

    def _file(self):
        """(Re)file the memories under their values (under None until both sides
        are known: then one side is empty and nothing is compared)."""
        self.left, self.right = {}, {}
        for info in self.left_memory:
            context = dict(info.context)
            if not self._plain(context):
                return
            self.left.setdefault(self.key(context), {})[info] = None
        for info in self.right_memory:
            context = dict(info.context)
            if not self._plain(context):
                return
            key = self.key(context)
            self.right[key] = self.right.get(key, 0) + 1

    def _plain(self, context):
        if self.keys is not None and any(type(context[k]) not in (str, int) for k in self.keys):
            self.usable = False
            return False
        return True

    def accepts(self, context, left):
        """Can this token go through the index?  If not, it is switched off."""
        if not self.usable:
            return False
        had_keys = self.keys is not None
        if not self._learn(context, left):
            return False
        if self.keys is not None and not had_keys:
            self._file()  # the first token of the second side: file what came before
            if not self.usable:
                return False
        return self._plain(context)

    def key(self, context):
        if self.keys is None:
            return None  # the other side not seen yet: one bucket for now
        return tuple(context[k] for k in self.keys)


def _not_index(node, start=False):
    """The node's index, built on its first right token; None: use experta's scan."""
    index = node.__dict__.get("_producibility_not")
    if index is not None and (index.left_memory is not node.left_memory
                              or index.right_memory is not node.right_memory
                              or index.installed != _GENERATION[0]):
        index = None  # the node was reset, or the speedups were off meanwhile
    if index is None:
        if not start and not node.right_memory:
            node.__dict__.pop("_producibility_not", None)
            return None
        index = node._producibility_not = _NotIndex(node)
    return index if index.usable else None


def install():
    """Use the faster paths (idempotent)."""
    import experta
    from experta import watchers
    if _ORIGINALS or experta.__version__ != "1.9.4" or \
            os.environ.get("PRODUCIBILITY_EXPERTA_STOCK", "") not in ("", "0"):
        return
    if any(getattr(watchers, name).isEnabledFor(logging.DEBUG)
           for name in ("MATCH", "MATCHER")):
        return
    abstract, check, nodes, token = _targets()
    Token = token.Token
    new = tuple.__new__

    def copy(self):
        return new(Token, (self[0], set(self[1]), dict(self[2])))

    # Copy on write: of experta's nodes only the feature tester changes a token it
    # receives (it adds its bindings to the context), so it copies the token
    # first, and the other nodes pass tokens on without copying them.
    # experta binds these methods into its network when it builds it, so a network
    # built with them keeps calling them after uninstall(): then they copy again.
    def activate(self, token):
        return self._activate(token if _ORIGINALS else token.copy())

    def activate_left(self, token):
        return self._activate_left(token if _ORIGINALS else token.copy())

    def activate_right(self, token):
        return self._activate_right(token if _ORIGINALS else token.copy())

    def type_check(self, fact):
        return type(fact) == self.fact_type

    def feature_check(self, data, is_fact=True):
        # experta's FeatureCheck.__call__ without its log call
        what = self.what
        if is_fact:
            if isinstance(what, str):
                record = data
                if not what.startswith("__") and not what.endswith("__"):
                    try:
                        for p in what.split("__"):
                            if p.isnumeric():
                                p = int(p)
                            record = record[p]
                    except (IndexError, KeyError, TypeError):
                        return False
            else:
                try:
                    record = data[what]
                except (IndexError, KeyError, TypeError):
                    return False
        else:
            record = data
        return self.check(record, self.expected)

    valid, invalid = Token.TagType.VALID, Token.TagType.INVALID

    def bus_add(self, fact):
        token = new(Token, (valid, {fact}, {}))
        for child in _children_for(self, fact, check, nodes):
            child.callback(token)

    def bus_remove(self, fact):
        token = new(Token, (invalid, {fact}, {}))
        for child in _children_for(self, fact, check, nodes):
            child.callback(token)

    def feature_activate(self, token):
        data = token[1]
        if len(data) != 1:
            raise ValueError("a one-input node got a token of several facts")
        for fact in data:
            break
        match = self.matcher(fact)
        if match:
            if isinstance(match, Mapping):
                context = dict(token[2])
                token = new(Token, (token[0], token[1], context))
                for key, value in match.items():
                    if isinstance(key, tuple):  # negated condition
                        if key[1] in context and context[key[1]] == value:
                            return False
                    else:
                        if context.get(key, value) != value:
                            return False
                        if (False, key) in context and context[(False, key)] == value:
                            return False
                context.update(match)
            for child in _children_for(self, fact, check, nodes):
                child.callback(token)

    from experta.matchers import rete
    csn_activate = nodes.ConflictSetNode._activate

    def conflict_set_activate(self, token):
        csn_activate(self, token)
        dirty = self.__dict__.get("_producibility_dirty")
        if dirty is not None:
            dirty.append(self)

    def changes(self, adding=None, deleting=None):
        dirty = self.__dict__.get("_producibility_dirty")
        if dirty is None:
            dirty = self._producibility_dirty = []
            for position, csn in enumerate(self._get_conflict_set_nodes()):
                csn._producibility_dirty = dirty
                csn._producibility_position = position
                dirty.append(csn)  # the first time, ask every node (as experta does)
        if deleting is not None:
            for deleted in deleting:
                self.root_node.remove(deleted)
        if adding is not None:
            for added in adding:
                self.root_node.add(added)
        added, removed = [], []
        if dirty:
            asked = sorted(set(dirty), key=_position)
            dirty.clear()
            for csn in asked:
                c_added, c_removed = csn.get_activations()
                added.extend(c_added)
                removed.extend(c_removed)
        return added, removed

    not_left, not_right = nodes.NotNode._activate_left, nodes.NotNode._activate_right

    def not_activate_left(self, token):
        index = _not_index(self)
        if index is None or not index.accepts(token.context, left=True):
            return not_left(self, token)
        info = token.to_info()
        key = index.key(token.context)
        if token.is_valid():
            count = index.right.get(key, 0)
            if count == 0:
                for child in self.children:
                    child.callback(token)
            self.left_memory[info] = count
            index.left.setdefault(key, {})[info] = None
        else:
            if index.right.get(key, 0) == 0:
                for child in self.children:
                    child.callback(token)
            del self.left_memory[info]
            del index.left[key][info]

    def not_activate_right(self, token):
        index = _not_index(self, start=True)
        if index is None or not index.accepts(token.context, left=False):
            return not_right(self, token)
        info = token.to_info()
        key = index.key(token.context)
        if token.is_valid():
            self.right_memory.append(info)
            index.right[key] = index.right.get(key, 0) + 1
            inc = 1
        else:
            self.right_memory.remove(info)
            index.right[key] -= 1
            inc = -1
        left_memory = self.left_memory
        for left in list(index.left.get(key, ())):
            left_memory[left] += inc
            count = left_memory[left]
            if (count == 0 and inc == -1) or (count == 1 and inc == 1):
                newtoken = left.to_valid_token() if inc == -1 else left.to_invalid_token()
                for child in self.children:
                    child.callback(newtoken)

    def matcher_reset(self):
        # experta resets the network recursively, a node once per path to it
        nodes_ = self.__dict__.get("_producibility_nodes")
        if nodes_ is None:
            nodes_, seen, stack = [], set(), [self.root_node]
            while stack:
                node = stack.pop()
                if id(node) not in seen:
                    seen.add(id(node))
                    nodes_.append(node)
                    stack.extend(child.node for child in node.children)
            self._producibility_nodes = nodes_
        for node in nodes_:
            node._reset()

    from experta.activation import Activation
    activation_hash = Activation.__hash__

    def cached_activation_hash(self):
        # rule, facts and context are fixed once an activation exists; experta
        # rebuilt two frozensets for every set operation on it
        value = self.__dict__.get("_producibility_hash")
        if value is None:
            value = self._producibility_hash = activation_hash(self)
        return value

    from experta.strategies import DepthStrategy
    from experta.engine import KnowledgeEngine
    from experta.agenda import Agenda
    from experta.factlist import FactList
    import inspect
    from itertools import chain

    def engine_reset(self, **kwargs):
        # experta's KnowledgeEngine.reset, the deffacts' parameters read once
        self.agenda = Agenda()
        self.facts = FactList()
        self.matcher.reset()
        deffacts = []
        for deffact in self.get_deffacts():
            params = deffact.__dict__.get("_producibility_params")
            if params is None:
                parameters = inspect.signature(deffact).parameters.values()
                params = deffact._producibility_params = (
                    any(p.kind == inspect.Parameter.VAR_KEYWORD for p in parameters),
                    {p.name for p in parameters})
            takes_any, names = params
            deffacts.append(deffact(**kwargs) if takes_any else
                            deffact(**{k: v for k, v in kwargs.items() if k in names}))
        self._KnowledgeEngine__declare(*chain.from_iterable(deffacts))
        self.running = False

    from experta.rule import Rule
    from functools import update_wrapper
    from types import FunctionType
    rule_call = Rule.__call__

    def make_rule(self, *args, **kwargs):
        # experta's Rule.__call__ when it wraps a plain function: the names the function
        # takes read from its code, as inspect.signature reads them (positional and
        # keyword-only parameters and *args; none kept when it takes **kwargs)
        function = args[0] if self._wrapped is None and args else None
        if type(function) is not FunctionType or "__wrapped__" in function.__dict__ \
                or "__signature__" in function.__dict__:
            return rule_call(self, *args, **kwargs)
        code = function.__code__
        named = code.co_argcount + code.co_kwonlyargcount
        self._wrapped = function
        if not code.co_flags & inspect.CO_VARKEYWORDS:
            self._wrapped_args = set(code.co_varnames[:named + bool(
                code.co_flags & inspect.CO_VARARGS)])
        return update_wrapper(self, function)

    def depth_key(self, activation):
        facts = sorted((f["__factid__"] for f in activation.facts), reverse=True)
        return (activation.rule.salience, facts)

    replacements = [
        (DepthStrategy, "get_key", depth_key),
        (KnowledgeEngine, "reset", engine_reset),
        (Rule, "__call__", make_rule),
        (nodes.ConflictSetNode, "_activate", conflict_set_activate),
        (rete.ReteMatcher, "changes", changes),
        (rete.ReteMatcher, "reset", matcher_reset),
        (Activation, "__hash__", cached_activation_hash),
        (Token, "copy", copy),
        (abstract.OneInputNode, "activate", activate),
        (abstract.TwoInputNode, "activate_left", activate_left),
        (abstract.TwoInputNode, "activate_right", activate_right),
        (check.TypeCheck, "__call__", type_check),
        (check.FeatureCheck, "__call__", feature_check),
        (nodes.BusNode, "add", bus_add),
        (nodes.BusNode, "remove", bus_remove),
        (nodes.FeatureTesterNode, "_activate", feature_activate),
        (nodes.NotNode, "_activate_left", not_activate_left),
        (nodes.NotNode, "_activate_right", not_activate_right),
    ]
    _GENERATION[0] += 1
    for owner, name, function in replacements:
        _ORIGINALS[(owner, name)] = owner.__dict__[name]
        setattr(owner, name, function)


def uninstall():
    """Put experta's own methods back."""
    _GENERATION[0] += 1
    for (owner, name), original in _ORIGINALS.items():
        setattr(owner, name, original)
    _ORIGINALS.clear()


def installed():
    return bool(_ORIGINALS)


_FIRST_ENGINE = [True]


def install_for_first_engine():
    """Install when producibility builds its first engine in this process; after
    that, only an explicit install() or uninstall() changes anything."""
    if _FIRST_ENGINE[0]:
        _FIRST_ENGINE[0] = False
        install()


def run(engine, steps=float("inf")):
    """experta's ``KnowledgeEngine.run`` loop, minus its tracing: experta formats
    every fired activation's facts as text for a log line, whether or not
    anything logs (about a tenth of a screening).  Same agenda, same order.
    With the faster paths off, experta's own loop runs."""
    if not _ORIGINALS:
        return _stock_run(engine, steps)
    engine.running = True
    while steps > 0 and engine.running:
        added, removed = engine.get_activations()
        engine.strategy.update_agenda(engine.agenda, added, removed)
        activation = engine.agenda.get_next()
        if activation is None:
            break
        steps -= 1
        activation.rule(engine, **{k: v for k, v in activation.context.items()
                                   if not k.startswith("__")})
    engine.running = False


def _stock_run(engine, steps):
    from experta import KnowledgeEngine
    return KnowledgeEngine.run(engine, steps)
