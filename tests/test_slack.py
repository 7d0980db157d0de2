"""The machine choice weighs slack before the wanted date (report/assignment.py
``assign``'s ``slack``, the pack's ``lead_time.slack``): the cheapest machine with the
hours that leaves fewer working days than the shop keeps gives way to one at most
``max_extra`` dearer that leaves them (a turning shop's review: the cheapest lathe made
the date with no day to spare, a rush order the tool made itself, while a slightly
dearer lathe would have finished days earlier)."""

from types import SimpleNamespace

from producibility.report.assignment import assign

OP = ("P1", "turning")


def _option(mid, rate, hours):
    """An options tuple as ``assignment._options`` makes it: (unchecked, marginal, cost,
    machine, fit result, hours)."""
    return (False, False, hours * rate, mid, SimpleNamespace(unchecked=(), marginal=()),
            {"setup": 1.0, "run": hours - 1.0, "total": hours, "pieces": 100})


def _choose(machines, slack, weeks=2.0):
    """The machine for one 18 h operation with ``weeks`` working weeks in its window."""
    options = {OP: sorted((_option(mid, m["rate_eur_h"], 18.0) for mid, m in machines.items()),
                          key=lambda o: o[:4])}
    sooner = {}
    picked, late, _ = assign(options, machines, weeks, slack=slack, sooner=sooner)
    assert not late
    return picked[OP][3], sooner.get(OP)


CHEAP = {"rate_eur_h": 70, "free_h_per_week": 10}   # 18 h in 1.8 weeks: 1 day to spare
QUICK = {"rate_eur_h": 84, "free_h_per_week": 20}   # 20 % dearer, 0.9 weeks: 5 days
SLACK = {"min_days": 3, "max_extra": 0.25}


def test_a_dearer_machine_that_leaves_the_slack_wins():
    mid, sooner = _choose({"cheap": CHEAP, "quick": QUICK}, SLACK)
    assert mid == "quick"
    assert sooner == {"instead_of": "cheap", "extra_eur": 18 * 84 - 18 * 70,
                      "days": {"cheap": 1, "quick": 5}}


def test_the_cheapest_stays_without_the_setting_or_beyond_the_price():
    assert _choose({"cheap": CHEAP, "quick": QUICK}, None) == ("cheap", None)
    assert _choose({"cheap": CHEAP, "quick": QUICK},
                   {"min_days": 3, "max_extra": 0.1}) == ("cheap", None)


def test_the_cheapest_stays_where_it_leaves_the_slack():
    # a window of 3 weeks: the cheap machine ends 6 working days before its end
    assert _choose({"cheap": CHEAP, "quick": QUICK}, SLACK, weeks=3.0) == ("cheap", None)


def test_short_of_the_minimum_everywhere_the_most_slack_wins_by_a_whole_day():
    # a window of 1.4 weeks (7 working days), none leaves 3 days: the one that leaves
    # the most wins where that is a whole working day more than the cheapest leaves
    machines = {"cheap": {"rate_eur_h": 70, "free_h_per_week": 14},   # 1.29 weeks: 0 days
                "quick": {"rate_eur_h": 80, "free_h_per_week": 20}}   # 0.9 weeks: 2 days
    mid, sooner = _choose(machines, SLACK, weeks=1.4)
    assert mid == "quick" and sooner["days"] == {"cheap": 0, "quick": 2}
    machines["quick"] = {"rate_eur_h": 80, "free_h_per_week": 15}     # 1.2 weeks: 1 day
    assert _choose(machines, SLACK, weeks=1.4)[0] == "quick"
    # the dearer one ends sooner, but within the same working day (0.79 and 0.84 of a
    # day to spare): no whole day gained, the cheapest stays
    machines = {"cheap": {"rate_eur_h": 70, "free_h_per_week": 14.5},   # 1.241 weeks
                "quick": {"rate_eur_h": 80, "free_h_per_week": 14.6}}   # 1.233 weeks
    assert _choose(machines, SLACK, weeks=1.4) == ("cheap", None)
