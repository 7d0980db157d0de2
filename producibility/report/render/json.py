"""``json``: the report itself (the stable contract), or the offer's data without its
texts; deterministic: sorted keys, two-space indent, a newline at the end."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from producibility.report.render.registry import Format, Job, register


def _dump(data: Mapping[str, Any]) -> str:
    # allow_nan=False: a NaN is an error here, never the invalid JSON 'NaN'
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False,
                      allow_nan=False) + "\n"


def report(job: Job) -> str:
    return _dump(job.data)


def offer(model: Mapping[str, Any], job: Job) -> str:
    return _dump({k: v for k, v in model.items() if k != "T"})


FORMAT = register(Format("json", ".json", False, report, offer, "the JSON report"))
