"""The benchmark's generated requests are valid requests: a question added to the
questionnaire (quantity_breaks, say) must not make the workload an error workload."""

import sys

from producibility.model.request import load_request
from producibility.model.questionnaire import load_questionnaire

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import workload  # noqa: E402


def test_generated_requests_load():
    questionnaire = load_questionnaire()
    for seed in range(1, 120):
        for request in (workload.gen_real_request(1 + seed % 5, seed=seed),
                        workload.gen_request(1 + seed % 3, seed=seed)):
            load_request(request, questionnaire)


def test_a_generated_part_asks_a_treatment_its_material_takes():
    """The realistic requests drew a part's treatment from any example part: passivation
    for S235 and anodising for steel made 69 % of the batch ask FIT-TREATMENT's question
    (77 % of it CONDITIONAL), which a real enquiry seldom does."""
    from producibility import load_packs
    catalogue = load_packs().catalogue
    treated = 0
    for seed in range(1, 200):
        for part in workload.gen_real_request(1 + seed % 5, seed=seed)["parts"]:
            for treatment in part.get("surface_treatment") or ():
                treated += 1
                assert not catalogue.wrong_treatment(treatment, part.get("material"))
    assert treated > 50  # treatments are still asked, for the materials they suit
