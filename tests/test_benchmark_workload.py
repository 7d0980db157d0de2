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
