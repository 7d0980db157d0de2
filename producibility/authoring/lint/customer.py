"""W153 no-customer-wording: a question for the customer worded for the shop.

A rule with ``then: {question: true}`` makes the verdict conditional until the customer
answers it, so the offer asks it.  Without ``customer:`` wording (``{en: ..., nl: ...}``,
or ``true`` where its message already speaks to the customer) the offer can only say
"Dit willen wij eerst met u afstemmen: <title>", an engineer's title in a letter to a
buyer.  Write the question as you would ask it the customer, or ``customer: false`` to
keep the rule out of the offer (the shop settles it without the customer).

A blocker of the whole request (``then: {blocker: true}``, scope request or provider)
is the offer's reason why we cannot take the order as asked (``offer._refusals``): without
customer wording it is said by its title too, so W153 asks for its words as well.
"""

from __future__ import annotations

from producibility.authoring.lint.base import Code, Context
from producibility.model.pack_checks import Problem, RuleSource

CODES = {
    "W153": Code("no-customer-wording", "a question rule, or a blocker of the whole request, has no customer wording for the offer"),
}


def check(rule: RuleSource, context: Context) -> list[Problem]:
    then = rule.raw.get("then")
    if not isinstance(then, dict) or "customer" in rule.raw:
        return []
    if then.get("question") is True:
        return [rule.problem("W153", rule.at("then"), "no_customer_wording", context.lang)]
    if then.get("blocker") is True and rule.raw.get("scope") in ("request", "provider"):
        return [rule.problem("W153", rule.at("then"), "no_customer_wording_blocker",
                             context.lang)]
    return []
