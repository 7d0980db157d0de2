"""Short, stable digests of inputs: the report names the exact request, equipment and
packs it was screened with (``inputs``), so two reports can be compared."""

import hashlib
import json


def digest(data) -> str:
    """A short stable digest of loaded data (for the report's inputs)."""
    text = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def bytes_digest(data: bytes) -> str:
    """The same for a file's bytes."""
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]
