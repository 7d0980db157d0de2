"""A partner's work priced: its lead time and the amount by its price model (a fixed
charge per batch, per piece, per kg, a minimum order value per batch), and one order
charge a partner and process for the parts it takes together.  Read by the assignment
(an operation a partner does) and the fit's findings (a surface treatment); a quantity
break is the request screened at its quantity, so they price its work too."""

from __future__ import annotations

from typing import Any, Callable, Mapping

from producibility import i18n
from producibility.engine.fit import text as fit_text
from producibility.model.stock import shop_bar, stock
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


def stock_weigher(catalogue: Any, costing: Mapping[str, Any], lang: str | None,
                  machines: Any = ()) -> Callable[[Mapping[str, Any]], tuple | None]:
    """weigh(part) -> (kg a piece, the stock in words) of the stock the quote's material
    line prices for the part (its size and routing, the material's density:
    :func:`~producibility.model.stock.stock`), or None where it cannot be worked out: what
    a partner's price per kg reads where the part has no weight of its own (the bar one
    of the shop's ``machines`` makes it from: :func:`~producibility.model.stock.shop_bar`)."""
    def weigh(part):
        material_id = part.get("material")
        material = catalogue.get("materials", material_id) \
            if catalogue is not None and isinstance(material_id, str) else None
        if not material or not material.get("density_kg_m3") or not part.get("processes"):
            return None
        try:
            kg, what, _ = stock(part, list(part["processes"]), material, costing, catalogue,
                                lang or "en", bar=shop_bar(part, machines, catalogue))
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            return None
        return None if kg is None else (kg, what)
    return weigh


def _variable(price, part, weigh, said, g):
    """(amount, words, estimated, missing) of one part's pieces and kilograms at a
    partner: per piece and per kg (the part's weight, else the stock weight the material
    line prices, estimated).  ``missing``: what a price of the model cannot be worked out
    without (``quantity``, ``weight``), in the order the model names them."""
    pieces = part.get("pieces")
    amount, basis, estimated, missing = 0.0, [], False, []
    if price.get("per_piece_eur"):
        if pieces is None:
            basis.append(said["partner_piece_unknown"])
            missing.append("quantity")
        else:
            amount += price["per_piece_eur"] * pieces
            basis.append(said["partner_piece"].format(amount=g(price["per_piece_eur"]),
                                                      pieces=pieces))
    if price.get("per_kg_eur"):
        weight = part.get("weight_kg")
        stocked = None if weight is not None or weigh is None else weigh(part)
        if pieces is None:
            basis.append(said["partner_kg_unknown"])
            if "quantity" not in missing:
                missing.append("quantity")
        elif weight is not None:
            amount += price["per_kg_eur"] * weight * pieces
            basis.append(said["partner_kg"].format(amount=g(price["per_kg_eur"]),
                                                   kg=g(weight), pieces=pieces))
        elif stocked is not None:  # no weight given: the stock the material line prices
            kg = round(stocked[0], 2)  # as the source writes it: its sum redone by hand
            amount += price["per_kg_eur"] * kg * pieces
            estimated = True
            basis.append(said["partner_kg_stock"].format(
                amount=g(price["per_kg_eur"]), kg=g(kg), stock=stocked[1], pieces=pieces))
        else:
            basis.append(said["partner_kg_no_weight"])
            missing.append("weight")
    return amount, basis, estimated, missing


def outside_work(partner: Mapping[str, Any], part: Mapping[str, Any],
                 request: Mapping[str, Any], result: Any, lang: str,
                 shared_by: tuple = (), parts: Mapping[str, Any] | None = None,
                 weigh: Callable | None = None) -> dict[str, Any]:
    """A partner's operation: its lead time and the amount by its price model.

    ``price_basis`` is the formula in ``lang``, like a quote line's source; ``basis``
    whose figure the amount is: ``given`` (the equipment file's price list), or
    ``estimated`` where a price per kg reads the stock weight (``weigh``:
    :func:`stock_weigher`) for want of the part's weight; ``not_priced`` (where
    anything is) what a price of the model could not be worked out without
    (``quantity``, ``weight``): the amount leaves it out, and the quote says so.
    ``shared_by``: the parts that share the partner's order for this process
    (:func:`shared_orders`): each pays its share of the fixed charge, and of the
    minimum order value the order as a whole is held to (``parts``: id -> part, the
    others' pieces and weights)."""
    said = words("quote_source", lang or "en")

    def g(value):
        return i18n.figure(value, lang or "en")

    price = partner["price"]
    batches = request.get("batches") or 1
    n = max(len(shared_by), 1)
    amount, basis = 0.0, []
    if price.get("per_order_eur"):
        amount = price["per_order_eur"] * batches / n
        basis.append(said["partner_order"].format(amount=g(price["per_order_eur"]),
                                                  batches=batches))
        if len(shared_by) > 1:
            basis[-1] += said["shared"].format(n=len(shared_by),
                                               parts=named_parts(shared_by, lang or "en"))
    variable, more, estimated, missing = _variable(price, part, weigh, said, g)
    amount += variable
    basis += more
    minimum = price.get("min_order_eur")
    if minimum:
        # the partner invoices the order's value, at least its minimum a batch: the
        # order is every part it takes together for this process, each paying its
        # share of the top-up by its own value
        order = amount
        if len(shared_by) > 1:
            for other in shared_by:
                if other != part.get("id") and parts is not None and other in parts:
                    order += _variable(price, parts[other], weigh, said, g)[0] + (
                        price.get("per_order_eur") or 0) * batches / n
        floor = minimum * batches
        if order < floor:
            share = amount / order if order > 0 else 1 / n
            basis.append(said["partner_minimum"].format(
                minimum=g(minimum), batches=batches,
                order=i18n.figure(order, lang or "en", 2)) + (
                said["partner_minimum_share"].format(
                    parts=named_parts(shared_by, lang or "en"),
                    share=g(round(share * 100, 1))) if len(shared_by) > 1 else ""))
            amount = floor * share
    out = {"id": partner["id"], "name": partner["name"],
           "lead_time_days": partner["lead_time_days"], "amount_eur": _r(amount),
           "price_basis": "; ".join(basis) or price["source"],
           "basis": "estimated" if estimated else "given"}
    if partner.get("transport_days") is not None:  # its own, not the pack's (leadtime)
        out["transport_days"] = partner["transport_days"]
    if missing:
        out["not_priced"] = missing
    if result is not None and result.marginal:
        out["marginal"] = [fit_text(r, lang) for r in result.marginal]
    return out


def _r(value: float, digits: int = 2) -> float:
    return round(float(value), digits)
