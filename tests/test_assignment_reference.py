"""The assignment of operations to machines against a plain reference written from its
documented meaning (``report.assignment.assign`` and the README's "Free hours"):

* the operations in a fixed order: fewest fitting machines first, then the longest,
  then by part and process;
* each to its most preferred fitting machine that still has the hours free before the
  wanted date; of the machines with the hours that are as preferred as that one (as
  sure, as comfortable, as cheap: twins), the one given the fewest hours so far, then
  the first in order; without a wanted date every machine has the hours;
* one that no fitting machine has the hours left for is made later than wanted, on the
  fitting machine where it would end soonest (the hours already given to it plus its
  own, over its free hours a week; then by preference), and its hours count there;
* but where no one fitting machine has the hours left for all its pieces and several
  together have (each with a set-up of its own: the option's hours less its run, and
  the run per piece), its pieces are split over the fewest such machines (of as many,
  the first in order of preference); their shares levelled (piece by piece, each to the
  machine of the split where it would be done soonest, as below) where that ends the
  operation at least one working day (0.2 working weeks) sooner than filling them in
  order of preference with as many pieces as their hours left take, the last the rest;
  else so filled; each share's hours count on its machine; only an operation with a run
  and two pieces or more, and a small one never;
* and where not even a split makes the wanted date, its pieces still go over the fitting
  machines so that it ends soon: first the machine where the whole run ends soonest
  (then the preferred); then, one at a time, of the machines with which the levelled
  run (piece by piece, each to the machine where it would be done soonest: the hours
  given to it, its set-up with its first piece, the run of its pieces so far, over its
  free hours a week; of equal ends the preferred one) ends at least a working day
  sooner and every share's run is at least its own set-up, the one with which it ends
  soonest (then the preferred); of the machines with that run and free hours a week;
  one machine so chosen is no split;
* each fitting machine of such an operation says why it has not the hours (which parts
  took them).
"""

import itertools
import math

from hypothesis import assume, given, settings, strategies as st

from producibility.report.assignment import assign
from producibility.report.finding import named_parts


DAY = 0.2  # one working day, in working weeks


def reference_done(o, n, machines, given):
    """Working weeks until n pieces are done on o's machine."""
    h = o[5]
    return (given[o[3]] + (h["total"] - h["run"] + h["run"] * n / h["pieces"])) / \
        machines[o[3]]["free_h_per_week"]


def reference_level(able, pieces, machines, given):
    """Piece by piece, each to the machine where it would be done soonest, then the
    preferred: [(option, pieces)] of the machines given any, and when the last is done."""
    made = [0] * len(able)
    for _ in range(pieces):
        i = min(range(len(able)),
                key=lambda i: (reference_done(able[i], made[i] + 1, machines, given), i))
        made[i] += 1
    shares = [(o, n) for o, n in zip(able, made) if n]
    return shares, max(reference_done(o, n, machines, given) for o, n in shares)


def reference_split(found, left, machines, given):
    """The shares of a split, by trying every set of machines: the fewest machines, then
    the first set in order of preference (``itertools.combinations`` yields them in that
    order), that take every piece; ``left``: machine -> its hours left."""
    pieces = found[0][5].get("pieces")
    if not pieces or pieces < 2:
        return None
    most = {}
    for o in found:
        hours = o[5]
        if not hours.get("run") or hours.get("pieces") != pieces:
            continue
        per_piece = hours["run"] / pieces
        n = math.floor((left[o[3]] - (hours["total"] - hours["run"])) / per_piece + 1e-9)
        if n >= 1:
            most[o[3]] = min(n, pieces)
    able = [o for o in found if o[3] in most]
    for k in range(2, len(able) + 1):
        for combo in itertools.combinations(able, k):
            if sum(most[o[3]] for o in combo) >= pieces:
                shares, rest = [], pieces
                for o in combo:
                    shares.append((o, min(most[o[3]], rest)))
                    rest -= shares[-1][1]
                filled = max(reference_done(o, n, machines, given) for o, n in shares)
                levelled, ends = reference_level(list(combo), pieces, machines, given)
                if len(levelled) == k and ends <= filled - DAY + 1e-9 and \
                        all(n <= most[o[3]] for o, n in levelled):
                    shares = levelled
                return [(o[3], n) for o, n in shares]
    return None


def reference_spread(found, machines, given):
    """The shares of a run late whatever is done: the machine where it ends soonest, then
    one machine at a time while one makes the levelled run end a working day sooner with
    every share paying its set-up; one machine is no split."""
    pieces = found[0][5].get("pieces")
    if not pieces or pieces < 2:
        return None
    able = [o for o in found if o[5].get("run") and o[5].get("pieces") == pieces
            and machines[o[3]]["free_h_per_week"] > 0]
    if len(able) < 2:
        return None
    first = min(able, key=lambda o: (reference_done(o, pieces, machines, given),
                                     able.index(o)))
    shares, ends = [(first, pieces)], reference_done(first, pieces, machines, given)
    while True:
        best = None
        used = [o for o, _ in shares]
        for o in able:
            if o in used:
                continue
            trial, end = reference_level([x for x in able if x in used or x is o], pieces,
                                         machines, given)
            pays = all(x[5]["run"] * n / pieces >= x[5]["total"] - x[5]["run"] - 1e-9
                       for x, n in trial)
            if len(trial) == len(shares) + 1 and pays and end <= ends - DAY + 1e-9 and \
                    (best is None or end < best[0] - 1e-12):
                best = (end, trial)
        if best is None:
            break
        ends, shares = best
    if len(shares) < 2:
        return None
    return [(o[3], n) for o, n in shares], ends


def reference(options, machines, weeks, outside, windows=None):
    """assign() as the documentation says it, in the plainest loops; ``windows``: an
    operation's own weeks for its machine's hours, else ``weeks``."""
    windows = windows or {}
    given = {mid: 0.0 for mid in machines}
    takers = {mid: [] for mid in machines}
    ops = [op for op in options if options[op]]
    ops.sort(key=lambda op: (len(options[op]), -options[op][0][5]["total"], op))
    chosen, late, split = {}, {}, {}
    for op in ops:
        hours = [o[5]["total"] for o in options[op]]
        mids = [o[3] for o in options[op]]
        pick = None
        own = windows.get(op, weeks)
        room = [o for o in options[op] if weeks is None or
                given[o[3]] + o[5]["total"] <= machines[o[3]]["free_h_per_week"] * own + 1e-9]
        for o in room:
            if o[:3] == room[0][:3] and (pick is None or given[o[3]] < given[pick]):
                pick = o[3]
        if pick is None:
            shares = reference_split(options[op], {
                mid: machines[mid]["free_h_per_week"] * own - given[mid] for mid in mids},
                machines, given)
            if shares:
                for mid, n in shares:
                    h = options[op][mids.index(mid)][5]
                    given[mid] += h["total"] - h["run"] + h["run"] * n / h["pieces"]
                    takers[mid].append(op[0])
                chosen[op] = shares[0][0]
                split[op] = shares
                continue
            late[op] = {mid: sorted(set(takers[mid])) for mid in mids}
            spread = reference_spread(options[op], machines, given)
            if spread:
                shares, ends = spread
                if op in outside and outside[op] < 5 * ends:
                    continue  # the partner is sooner
                for mid, n in shares:
                    h = options[op][mids.index(mid)][5]
                    given[mid] += h["total"] - h["run"] + h["run"] * n / h["pieces"]
                    takers[mid].append(op[0])
                chosen[op] = shares[0][0]
                split[op] = shares
                continue
            best = None
            for rank, (mid, h) in enumerate(zip(mids, hours)):
                per_week = machines[mid]["free_h_per_week"]
                ends = (given[mid] + h) / per_week if per_week > 0 else float("inf")
                if best is None or (ends, rank) < best[0]:
                    best = ((ends, rank), mid)
            pick = best[1]
            if op in outside and outside[op] < 5 * best[0][0]:
                continue  # the partner is sooner
        given[pick] += hours[mids.index(pick)]
        takers[pick].append(op[0])
        chosen[op] = pick
    return chosen, late, split


MACHINES = st.dictionaries(st.sampled_from(["m1", "m2", "m3", "m4"]),
                           st.sampled_from([0, 4, 10, 16, 40, 60]), min_size=1)


@st.composite
def workloads(draw):
    free = draw(MACHINES)
    machines = {mid: {"free_h_per_week": h} for mid, h in free.items()}
    options = {}
    for n in range(draw(st.integers(0, 8))):
        fitting = draw(st.lists(st.sampled_from(sorted(machines)), unique=True, max_size=3))
        hours = draw(st.sampled_from([0.5, 5, 15, 15, 30, 45, 120]))
        # some with a run of known pieces (which may be split over machines), a set-up
        # of its own on each machine
        pieces = draw(st.sampled_from([None, 1, 2, 7, 40, 1000]))
        run = None if pieces is None else hours * draw(st.sampled_from([0.5, 0.9, 1.0]))

        def timed(i):
            if pieces is None:
                return {"total": hours + i}
            return {"total": hours + i, "setup": hours - run + i, "run": run,
                    "pieces": pieces}
        # twins: machines as sure, as comfortable and as cheap for the operation
        found = [(draw(st.booleans()), draw(st.booleans()), float(draw(st.integers(0, 1))),
                  mid, None, timed(i)) for i, mid in enumerate(fitting)]
        options[(f"P{n + 1}", draw(st.sampled_from(["milling_3axis", "sla"])))] = sorted(
            found, key=lambda o: o[:4])
    weeks = draw(st.sampled_from([None, 0.0, 0.5, 1.0, 2.5]))
    outside = {op: draw(st.sampled_from([2.0, 5.0, 9.0, 22.0])) for op in options
               if draw(st.booleans())}
    # some operations with weeks of their own (a part anodised after it: fewer)
    windows = {op: draw(st.sampled_from([0.0, 0.4, 1.0, 3.0])) for op in options
               if draw(st.booleans())}
    return options, machines, weeks, outside, windows


@settings(max_examples=400, deadline=None)
@given(workloads())
def test_assign_follows_its_documented_meaning(work):
    options, machines, weeks, outside, windows = work
    picked, late, split = assign(options, machines, weeks, outside, windows=windows)
    chosen, expected_late, expected_split = reference(options, machines, weeks, outside,
                                                      windows)
    assert {op: option[3] for op, option in picked.items()} == chosen
    assert {op: [(o[3], n) for o, n in shares] for op, shares in split.items()} == \
        expected_split
    assert set(late) == set(expected_late)
    for op, reasons in late.items():
        assert set(reasons) == set(expected_late[op])
        for mid, reason in reasons.items():
            takers = expected_late[op][mid]
            if takers:  # the parts that took the hours are named
                assert reason.key == "capacity_shared"
                # by name up to PARTS_NAMED, the rest counted, in each language
                assert reason.params["parts"] == {
                    lang: named_parts(list(takers), lang) for lang in ("en", "nl")}
            else:
                assert reason.key == "capacity"


@st.composite
def long_runs(draw):
    """Workloads where one machine is often short of hours and several together are not:
    long runs of many pieces on two to four machines, a set-up of their own on each."""
    free = draw(st.dictionaries(st.sampled_from(["m1", "m2", "m3", "m4"]),
                                st.sampled_from([4, 10, 16, 25]), min_size=2))
    machines = {mid: {"free_h_per_week": h} for mid, h in free.items()}
    options = {}
    for n in range(draw(st.integers(1, 3))):
        fitting = draw(st.lists(st.sampled_from(sorted(machines)), unique=True, min_size=2,
                                max_size=4))
        run = draw(st.sampled_from([12.0, 30.0, 45.0, 60.0, 80.0]))
        pieces = draw(st.sampled_from([1, 2, 3, 50, 1000, 1000]))
        found = []
        for i, mid in enumerate(fitting):
            setup = draw(st.sampled_from([0.5, 1.0, 2.0, 8.0]))
            found.append((False, draw(st.booleans()), float(draw(st.integers(0, 2))), mid,
                          None, {"total": setup + run, "setup": setup, "run": run,
                                 "pieces": pieces}))
        options[(f"P{n + 1}", "milling_3axis")] = sorted(found, key=lambda o: o[:4])
    weeks = draw(st.sampled_from([1.0, 2.0, 3.0]))
    outside = {op: draw(st.sampled_from([2.0, 50.0])) for op in options
               if draw(st.booleans())}
    return options, machines, weeks, outside, {}


@settings(max_examples=300, deadline=None)
@given(long_runs())
def test_a_long_run_splits_as_documented(work):
    options, machines, weeks, outside, windows = work
    picked, late, split = assign(options, machines, weeks, outside, windows=windows)
    chosen, expected_late, expected_split = reference(options, machines, weeks, outside,
                                                      windows)
    assert {op: option[3] for op, option in picked.items()} == chosen
    assert set(late) == set(expected_late)
    assert {op: [(o[3], n) for o, n in shares] for op, shares in split.items()} == \
        expected_split
    for op, shares in split.items():  # every piece made, each share on a fitting machine
        assert sum(n for _, n in shares) == options[op][0][5]["pieces"]
        assert all(n >= 1 for _, n in shares)
        assert {o[3] for o, _ in shares} <= {o[3] for o in options[op]}


@st.composite
def late_runs(draw):
    """Runs of up to a million pieces that no machine nor split makes by the wanted date:
    too many pieces to follow piece by piece, so the spread is checked by what makes it
    soon: no piece left out of its machines ends sooner than the last piece in, each
    machine added a working day sooner, each share paying its set-up."""
    free = draw(st.dictionaries(st.sampled_from(["m1", "m2", "m3", "m4", "m5"]),
                                st.sampled_from([0, 3, 10, 16, 25, 40]), min_size=2))
    machines = {mid: {"free_h_per_week": h} for mid, h in free.items()}
    pieces = draw(st.integers(2, 1_000_000))
    run = pieces * draw(st.sampled_from([0.01, 0.1, 0.25]))
    found = [(False, False, float(draw(st.integers(0, 2))), mid, None,
              {"total": setup + run, "setup": setup, "run": run, "pieces": pieces})
             for mid in draw(st.lists(st.sampled_from(sorted(machines)), unique=True,
                                      min_size=2))
             for setup in [draw(st.sampled_from([0.5, 1.0, 8.0, 40.0]))]]
    found.sort(key=lambda o: o[:4])
    # another operation first on one machine, which then has fewer hours
    other = {"total": draw(st.sampled_from([0.0, 5.0, 500.0]))}
    options = {("P1", "milling_3axis"): found}
    if other["total"]:
        options[("P0", "sla")] = [(False, False, 0.0, found[0][3], None, other)]
    return options, machines, draw(st.sampled_from([0.0, 0.1]))


@settings(max_examples=300, deadline=None)
@given(late_runs())
def test_a_run_late_whatever_is_done_ends_soonest(work):
    options, machines, weeks = work
    op = ("P1", "milling_3axis")
    picked, late, split = assign(options, machines, weeks)
    before = {mid: 0.0 for mid in machines}  # the hours given before the run
    if ("P0", "sla") in picked:
        before[picked["P0", "sla"][3]] += options["P0", "sla"][0][5]["total"]
    found = options[op]
    able = [o for o in found if machines[o[3]]["free_h_per_week"] > 0]

    def done(o, n):  # weeks until n pieces are done on o's machine
        h = o[5]
        return (before[o[3]] + h["setup"] + h["run"] * n / h["pieces"]) / \
            machines[o[3]]["free_h_per_week"]
    assume(op in late)  # (nearly always: a tenth of a week at most)
    if op not in split:  # on one machine: the one where the whole run ends soonest
        one = picked[op]
        assert len(able) < 2 or all(done(one, one[5]["pieces"]) <= done(o, o[5]["pieces"])
                                    + 1e-9 for o in able)
        return
    shares = split[op]
    pieces = found[0][5]["pieces"]
    assert sum(n for _, n in shares) == pieces and all(n >= 1 for _, n in shares)
    made = {o[3]: n for o, n in shares}
    ends = max(done(o, n) for o, n in shares)
    # levelled: no piece moved to another of its machines ends sooner than the last in
    assert all(done(o, made[o[3]] + 1) >= ends - 1e-9 for o in able
               if o[3] in made and made[o[3]] < pieces)
    # each machine beyond the first a working day sooner than one machine alone
    assert ends <= min(done(o, pieces) for o in able) - 0.2 * (len(shares) - 1) + 1e-9
    # each share's run at least its own set-up
    assert all(o[5]["run"] * n / pieces >= o[5]["setup"] - 1e-9 for o, n in shares)
    # in order of preference, on machines with free hours
    assert [o[3] for o, _ in shares] == [o[3] for o in able if o[3] in made]
