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
* unless a partner does it sooner (its working days, transport included, against the
  machine's weeks x 5): then no machine gets it, nor its hours;
* each fitting machine of such an operation says why it has not the hours (which parts
  took them).
"""

from hypothesis import given, settings, strategies as st

from producibility.report.assignment import assign
from producibility.report.finding import named_parts


def reference(options, machines, weeks, outside, windows=None):
    """assign() as the documentation says it, in the plainest loops; ``windows``: an
    operation's own weeks for its machine's hours, else ``weeks``."""
    windows = windows or {}
    given = {mid: 0.0 for mid in machines}
    takers = {mid: [] for mid in machines}
    ops = [op for op in options if options[op]]
    ops.sort(key=lambda op: (len(options[op]), -options[op][0][5]["total"], op))
    chosen, late = {}, {}
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
            late[op] = {mid: sorted(set(takers[mid])) for mid in mids}
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
    return chosen, late


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
        # twins: machines as sure, as comfortable and as cheap for the operation
        found = [(draw(st.booleans()), draw(st.booleans()), float(draw(st.integers(0, 1))),
                  mid, None, {"total": hours + i}) for i, mid in enumerate(fitting)]
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
    picked, late = assign(options, machines, weeks, outside, windows=windows)
    chosen, expected_late = reference(options, machines, weeks, outside, windows)
    assert {op: option[3] for op, option in picked.items()} == chosen
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
