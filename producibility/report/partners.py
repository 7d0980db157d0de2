"""A partner's work priced: its lead time and the amount by its price model (per order,
per piece, per kg), and one order charge a partner and process for the parts it takes
together.  Read by the assignment (an operation a partner does) and the fit's findings
(a surface treatment); a quantity break is the request screened at its quantity, so
they price its work too."""

from __future__ import annotations

from typing import Any, Mapping

from producibility import i18n
from producibility.engine.fit import text as fit_text
from producibility.report.finding import named_parts, words


def shared_orders(work) -> dict[tuple, tuple]:
    """One order a partner and process: (part, process, partner id) of the request's
    outside work -> {(part, process): the parts that share the partner's order charge
    for that process, by id}, for the parts that share it with another.  Two brackets
    the powder coater takes together pay its order charge once, half each."""
    together: dict = {}
    for pid, process, partner_id in sorted(work):
        together.setdefault((partner_id, process), []).append((pid, process))
    return {op: tuple(p for p, _ in ops) for ops in together.values() if len(ops) > 1
            for op in ops}


def outside_work(partner: Mapping[str, Any], part: Mapping[str, Any],
                 request: Mapping[str, Any], result: Any, lang: str,
                 shared_by: tuple = ()) -> dict[str, Any]:
    """A partner's operation: its lead time and the amount by its price model.

    ``price_basis`` is the formula in ``lang``, like a quote line's source.
    ``shared_by``: the parts that share the partner's order charge for this process
    (:func:`shared_orders`): each pays its share."""
    said = words("quote_source", lang or "en")

    def g(value):
        return i18n.figure(value, lang or "en")

    price = partner["price"]
    pieces = part.get("pieces")
    batches = request.get("batches") or 1
    amount, basis = 0.0, []
    if price.get("per_order_eur"):
        amount = price["per_order_eur"] * batches / max(len(shared_by), 1)
        basis.append(said["partner_order"].format(amount=g(price["per_order_eur"]),
                                                  batches=batches))
        if len(shared_by) > 1:
            basis[-1] += said["shared"].format(n=len(shared_by),
                                               parts=named_parts(shared_by, lang or "en"))
    if price.get("per_piece_eur"):
        if pieces is None:
            basis.append(said["partner_piece_unknown"])
        else:
            amount += price["per_piece_eur"] * pieces
            basis.append(said["partner_piece"].format(amount=g(price["per_piece_eur"]),
                                                      pieces=pieces))
    if price.get("per_kg_eur"):
        if pieces is None or part.get("weight_kg") is None:
            basis.append(said["partner_kg_unknown"])
        else:
            amount += price["per_kg_eur"] * part["weight_kg"] * pieces
            basis.append(said["partner_kg"].format(amount=g(price["per_kg_eur"]),
                                                   kg=g(part["weight_kg"]), pieces=pieces))
    out = {"id": partner["id"], "name": partner["name"],
           "lead_time_days": partner["lead_time_days"], "amount_eur": _r(amount),
           "price_basis": "; ".join(basis) or price["source"]}
    if result is not None and result.marginal:
        out["marginal"] = [fit_text(r, lang) for r in result.marginal]
    return out


def _r(value: float, digits: int = 2) -> float:
    return round(float(value), digits)
