"""W153 no-customer-wording: a question for the customer worded for the shop.

A rule with ``then: {question: true}`` makes the verdict conditional until the customer
answers it, so the offer asks it.  Without ``customer:`` wording (``{en: ..., nl: ...}``,
or ``true`` where its message already speaks to the customer) the offer can only say
"Dit willen wij eerst met u afstemmen: <title>", an engineer's title in a letter to a
buyer.  Write the question as you would ask it the customer, or ``customer: false`` to
keep the rule out of the offer (the shop settles it without the customer).
"""

from __future__ import annotations

from producibility.authoring.lint.base import Code, Context
from producibility.model.pack_checks import Problem, RuleSource

CODES = {
    "W153": Code("no-customer-wording", "a question rule has no customer wording for the offer"),
}


def check(rule: RuleSource, context: Context) -> list[Problem]:
    then = rule.raw.get("then")
    if not isinstance(then, dict) or then.get("question") is not True or \
            "customer" in rule.raw:
        return []
    return [rule.problem("W153", rule.at("then"), "no_customer_wording", context.lang)]
