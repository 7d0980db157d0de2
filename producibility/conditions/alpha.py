"""An alpha index for a table of rules: skip the rules whose first test fails.

RETE's alpha network tests each fact against every pattern's constant tests
once, sharing work between rules.  Our rule tables (one experta rule per
scope, see infer.py) do the same for the rule pack's conditions: the leftmost
conjunct of each condition, when it is a simple test of one field against
constants (``part.tolerance_mm < 0.02``, ``part.material == 'pom'``,
``request.purpose in ['pilot', 'series']``, ``'en_1090' in
request.certificates_required``), is indexed by field.  For a fact, one
dictionary lookup or binary search per field finds the rules whose first test
can pass; only those are evaluated in full.  Which tests are simple is read from
the condition's tree by ``analysis.leading_tests``; this module only indexes them.

This is exact, not a heuristic: ``a and b`` evaluates ``a`` first and stops
when it is false (see expressions.py), so a rule whose leftmost test is false
is false whatever the rest says.  Whenever the field's value is missing or of
a type the index does not handle, every rule on that field is evaluated in
full by the ordinary evaluator, so unknowns and errors come out the same; so is
a field answered "none" (``expressions.ABSENT``).

Not only the leftmost test: the longest run of simple tests a condition starts
with is indexed (``part.tolerance_mm < 0.02 and part.material == 'pom' and
...`` gives two).  A rule stays a candidate only when every one of them may
hold.  That is exact too: a simple test whose field the index can judge never
raises an error, and ``unknown and false`` is false (Kleene), so if any test of
the run is false the condition is false, whatever comes after the run.  When
the index cannot judge one of the run's fields (a value of an unexpected type),
the rule is evaluated in full, so the evaluator reports what it would report.

The candidates of a table are a function of the indexed fields' values alone,
and the same values come back all the time: every machine a part is judged on
brings the same part and request, every what-if screen the same parts.  So a
table remembers its answer per combination of values (typed: ``1``, ``1.0``
and ``True`` are different keys), up to ``MEMO_SIZE`` combinations; a value
that cannot be a key (a mapping) is simply not remembered.

What the index judged need not be judged again.  When every indexed test of a
rule is true on known values the index can judge, the rule is handed over with
the rest of its condition (``Compiled.after``): ``true and x`` is ``x``, and the
rest runs in the same order as before, so value and errors are the same.  On an
unknown value, or one the index cannot judge, the whole condition is evaluated.
"""

import bisect

from producibility.conditions.analysis import leading_tests
from producibility.conditions.expressions import ABSENT


MEMO_SIZE = 4096  # value combinations remembered per table (then it starts afresh)


def _memo_key(value):
    """A value as a key that tells 1, 1.0 and True apart (lists by their items)."""
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is list or kind is tuple:
        return (list, tuple(map(_memo_key, value)))
    return (kind, value)


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _FieldIndex:
    """Every indexed rule on one field, arranged for lookup by the field's value."""

    def __init__(self):
        self.eq, self.ne, self.member, self.absent = {}, [], {}, []
        self.has, self.hasnot = {}, []
        self.truthy, self.defined, self.undefined = [], [], []
        self.bounds = {k: ([], []) for k in ("lt", "lteq", "gt", "gteq")}
        self.all = []

    def add(self, position, kind, argument):
        self.all.append(position)
        if kind == "eq":
            self.eq.setdefault(argument, []).append(position)
        elif kind == "ne":
            self.ne.append((argument, position))
        elif kind == "in":
            for value in set(argument):
                self.member.setdefault(value, []).append(position)
        elif kind == "notin":
            self.absent.append((frozenset(argument), position))
        elif kind == "has":
            for value in set(argument):
                self.has.setdefault(value, []).append(position)
        elif kind in ("truthy", "defined", "undefined"):
            getattr(self, kind).append(position)
        elif kind == "hasnot":
            self.hasnot.append((argument, position))
        else:
            self.bounds[kind][0].append(argument)
            self.bounds[kind][1].append(position)

    def freeze(self):
        defined = set(self.defined)
        self.unless_defined = [p for p in self.all if p not in defined]
        for kind, (limits, positions) in self.bounds.items():
            if len(limits) > 1:
                order = sorted(range(len(limits)), key=limits.__getitem__)
                self.bounds[kind] = ([limits[i] for i in order], [positions[i] for i in order])
        self.bounded = any(limits for limits, _ in self.bounds.values())
        self.compared = bool(self.eq or self.ne or self.member or self.absent)
        self.contained = bool(self.has or self.hasnot)

    def passing(self, value):
        """The entries whose test may hold for this value, or None: the index cannot
        judge the value, so every rule with a test on this field is evaluated."""
        if value is None:
            # unknown: 'is defined' is false; every other test is the evaluator's
            # (three-valued) business: its rule may be unknown, an open question
            return self.unless_defined
        if value is ABSENT:
            return None  # answered "none": the evaluator judges what is not there
        is_list = isinstance(value, list)
        if self.contained and not is_list:
            return None  # text containment and the like: let the evaluator decide
        if self.bounded and not _number(value):
            return None  # comparing text, lists or yes/no: the evaluator reports it
        if self.truthy and not isinstance(value, bool):
            return None  # the truth of a number or a text: the evaluator decides
        out = list(self.defined)
        if self.truthy and value:
            out += self.truthy
        if not self.compared:
            pass
        elif is_list:
            # a list equals no constant and is in no list of constants
            out += [p for c, p in self.ne]
            out += [p for values, p in self.absent]
        else:
            try:
                out += self.eq.get(value, ())
                out += [p for c, p in self.ne if c != value]
                out += self.member.get(value, ())
                out += [p for values, p in self.absent if value not in values]
            except TypeError:  # another unhashable value against eq/in tests
                return None
        if self.contained:
            present = set()
            for item in value:
                try:
                    present.update(self.has.get(item, ()))
                except TypeError:
                    return None
            out += present
            out += [p for c, p in self.hasnot if c not in value]
        if self.bounded:
            limits, positions = self.bounds["lt"]      # value < limit
            out += positions[bisect.bisect_right(limits, value):]
            limits, positions = self.bounds["lteq"]    # value <= limit
            out += positions[bisect.bisect_left(limits, value):]
            limits, positions = self.bounds["gt"]      # value > limit
            out += positions[:bisect.bisect_left(limits, value)]
            limits, positions = self.bounds["gteq"]    # value >= limit
            out += positions[:bisect.bisect_right(limits, value)]
        return out


class RuleTable:
    """Rules of one scope in evaluation order, with their leading simple tests indexed.

    A rule with one indexed test is indexed by its position, as it always was: if the
    test may hold, the rule is a candidate.  A rule with several is indexed once per
    test, each an *entry* (numbered from 0) in the index of its field, with
    ``rule_of[entry]`` its rule's position: it is a candidate when all of them may
    hold.  Sets of rules are bit masks over positions (bit i: ``rules[i]``), so what a
    field's value says is two numbers and combining the fields is two ``|`` each."""

    def __init__(self, rules):
        self.rules = list(rules)
        self.fields = {}   # (scope, field) -> (_FieldIndex of positions, of entries)
        self.rule_of = []
        self.always = 0    # rules without an indexed test: always candidates
        self.several = 0   # rules with several indexed tests
        self.rest = []     # per rule: its condition once its indexed tests are known true
        for position, rule in enumerate(self.rules):
            known = getattr(rule.when, "leading_tests", None)
            if known is not None:
                tests = known()
            else:
                tree = getattr(rule.when, "tree", None)
                tests = leading_tests(tree) if tree is not None else []
            after = getattr(rule.when, "after", None)
            self.rest.append(after(len(tests)) if after is not None else rule.when)
            if not tests:
                self.always |= 1 << position
            elif len(tests) > 1:
                self.several |= 1 << position
            for field, kind, argument in tests:
                indexes = self.fields.get(field)
                if indexes is None:
                    indexes = self.fields[field] = (_FieldIndex(), _FieldIndex())
                single, multi = indexes
                if len(tests) == 1:
                    single.add(position, kind, argument)
                else:
                    multi.add(len(self.rule_of), kind, argument)
                    self.rule_of.append(position)
        for single, multi in self.fields.values():
            single.freeze()
            multi.freeze()
        # the fields grouped by scope (each scope's facts looked up once per context)
        self.fields = dict(sorted(self.fields.items(), key=lambda item: item[0][0]))
        self.scoped = {}
        for scope, name in self.fields:
            self.scoped.setdefault(scope, []).append(name)
        self.scoped = tuple(self.scoped.items())
        self.whole = tuple((rule, rule.when) for rule in self.rules)
        self.memo = {}                                  # values of every field -> rules
        self.field_memos = {field: {} for field in self.fields}  # a value -> its masks
        self.chosen = {}                                # mask -> the rules it names

    def candidates(self, context):
        """The rules worth evaluating for this context, in table order: those whose
        every indexed test may hold, or that have a test the index cannot judge."""
        return [rule for rule, _ in self.to_evaluate(context)]

    def to_evaluate(self, context):
        """The candidates with what is left to evaluate of each: the rest of its
        condition (``Compiled.after``) when the index judged every indexed test of
        the rule true on known values, else its whole condition (a test the index
        cannot judge, or an unknown field: the evaluator decides, errors and all)."""
        if not self.fields:
            return self.whole
        values, keys = [], []
        for scope, names in self.scoped:
            facts = context.get(scope)
            if facts is None:
                values += [None] * len(names)
                keys += [None] * len(names)
                continue
            for name in names:
                value = facts.get(name)
                values.append(value)
                kind = type(value)  # _memo_key, its commonest cases written out
                keys.append(value if kind is str or value is None else
                            _memo_key(value) if kind is list or kind is tuple else (kind, value))
        key = tuple(keys)
        try:
            chosen = self.memo.get(key)
        except TypeError:  # a value that cannot be a key: work it out every time
            return self._candidates(values, keys)
        if chosen is None:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            chosen = self.memo[key] = self._candidates(values, keys)
        return chosen

    def _candidates(self, values, keys):
        chosen, failed, unsure = self.always, 0, 0
        for field, value, key in zip(self.fields, values, keys):
            memo = self.field_memos[field]
            try:
                answer = memo.get(key)
            except TypeError:
                answer = self._field_answer(field, value)
            else:
                if answer is None:
                    if len(memo) >= MEMO_SIZE:
                        memo.clear()
                    answer = memo[key] = self._field_answer(field, value)
            chosen |= answer[0]
            failed |= answer[1]
            unsure |= answer[2]
        mask = chosen | (self.several & ~failed)
        sure = mask & ~unsure & ~self.always
        rules = self.chosen.get((mask, sure))
        if rules is None:
            if len(self.chosen) >= MEMO_SIZE:
                self.chosen.clear()
            found, left, table, rest = [], mask, self.rules, self.rest
            while left:  # the set bits, lowest (first in table order) first
                low = left & -left
                position = low.bit_length() - 1
                rule = table[position]
                found.append((rule, rest[position] if sure & low else rule.when))
                left ^= low
            rules = self.chosen[mask, sure] = tuple(found)
        return rules

    def _field_answer(self, field, value):
        """What one field's value says, as three masks: the rules it makes candidates
        (its one test may hold; or the index cannot judge the value, so the evaluator
        decides), the rules with several tests one of which fails here, and the rules
        with a test here that is not known to be true (an unknown value, one the index
        cannot judge, or a test that fails).  On a known value the index can judge,
        the tests it passes are true: exactly, as the evaluator would find them."""
        single, multi = self.fields[field]
        chosen = failed = unsure = 0
        if single.all:
            passing = single.passing(value)
            for position in single.all if passing is None else passing:
                chosen |= 1 << position
            if passing is None or value is None:
                for position in single.all:
                    unsure |= 1 << position
        if multi.all:
            passing = multi.passing(value)
            if passing is None:   # the evaluator decides these rules, errors and all
                for entry in multi.all:
                    chosen |= 1 << self.rule_of[entry]
                    unsure |= 1 << self.rule_of[entry]
            else:
                passing = set(passing)
                for entry in multi.all:
                    if entry not in passing:
                        failed |= 1 << self.rule_of[entry]
                    if value is None or entry not in passing:
                        unsure |= 1 << self.rule_of[entry]
        return chosen, failed, unsure
