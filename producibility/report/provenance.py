"""Whose figure a number of the report is: the shop's or the customer's own (``given``:
the equipment file, the request, a pack of the shop's own and its catalogue entries), the
shipped default pack's judgement (``default``: its settings, rules and catalogue), or
worked out from the part (``estimated``).  One owner for the quote lines' ``basis`` and
the lead-time steps' (:mod:`producibility.report.costing`,
:mod:`producibility.report.leadtime`)."""

from __future__ import annotations

#: How sure a figure is, the surest first: the shop's or the customer's own
#: (``given``: the equipment file, the request, the shop's own pack and catalogue), the
#: shipped default pack's judgement (``default``), or worked out from the part
#: (``estimated``: a run time from its geometry, a queue behind estimated work).  A step
#: is as sure as its least sure figure; a part's chain as its least sure step; the lead
#: time as its slowest part's chain.
BASES = ("given", "default", "estimated")


def weakest(bases) -> str:
    """The least sure of ``bases`` (BASES; ``given`` for none)."""
    worst = "given"
    for basis in bases:
        if basis == "estimated":
            return basis
        if basis == "default":
            worst = basis
    return worst


class Provenance:
    """Whose figures the chain's steps rest on.  ``shipped``: the ids of the rules as the
    shipped default pack writes them (``RulePack.shipped``); ``given_settings``: the
    settings a pack of the shop's own sets (``RulePack.given_settings``);
    ``shipped_catalogue``: the shipped catalogue (an entry the merged catalogue took
    from it is the default's figure, one a shop's pack wrote or overrode the shop's);
    ``findings``: the rules' findings, whose ``effort`` hours the design, the preparation
    and the measuring take (a shipped rule's hours are the default's)."""

    def __init__(self, shipped=frozenset(), given_settings=frozenset(),
                 shipped_catalogue=None, findings=(), cam_h=()):
        self.shipped = shipped
        self.given_settings = given_settings
        self.shipped_catalogue = shipped_catalogue
        self.cam_h = cam_h  # the processes the pack's costing.cam_h names
        self._hours = {}  # (effort key, part or None) -> "default" where a shipped rule adds
        for f in findings:
            if f.effort and f.rule in shipped:
                for key in ("design_h", "cam_h", "inspection_h"):
                    if f.effort.get(key):
                        self._hours[key, f.part] = "default"

    def setting(self, key: str) -> str:
        return "given" if key in self.given_settings else "default"

    def cam(self, process: str) -> str:
        """The CAM hours of an operation: the pack's ``costing.cam_h`` of its process (else
        its ``default``)."""
        return self.setting(f"costing.cam_h.{process if process in self.cam_h else 'default'}")

    def rule(self, rule_id: str) -> str:
        return "default" if rule_id in self.shipped else "given"

    def entry(self, catalogue, kind: str, entry_id: str) -> str:
        """A catalogue entry's figure: the default's where the shipped catalogue has it."""
        entry = catalogue.get(kind, entry_id) if catalogue is not None else None
        if entry is None or self.shipped_catalogue is None:
            return "default"
        return "default" if self.shipped_catalogue.get(kind, entry_id) is entry else "given"

    def hours(self, key: str, part: str) -> str:
        """The rules' ``effort`` hours of ``key`` on ``part`` (a request rule's counted with
        every part: the chain places them on one, the first or the last)."""
        return weakest((self._hours.get((key, part), "given"),
                        self._hours.get((key, None), "given")))
