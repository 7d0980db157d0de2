"""The shipped files' cache records, made when the package is made.

The cache (:mod:`producibility.inputs.cache`) remembers, per user, what was worked out
from a file's exact bytes: the parsed YAML, the parsed conditions and messages, a
schema check passed.  For the files that ship with producibility (the default pack,
its catalogue, the questionnaire, the interface texts), for Babel's number tables
of our two languages and for the Dutch public holidays of the years ahead (python-holidays,
:mod:`producibility.model.calendar`), that work is the same for every user, and on a first run it is
most of the time: parsing 23 YAML files and 185 conditions, and loading Babel's
locale data.  So those records are made once, here, and shipped in
``producibility/prebuilt/``, as Python ships the ``.pyc`` files of its modules:
``python -m producibility.authoring.docs`` writes them and ``tests/test_docs.py``
fails when they are stale.

A record is found by its key, which is a digest of producibility's version, the
record's form (with the Jinja2 or Babel version where the record depends on it) and
the exact bytes: a record of other bytes or versions is never asked for, so a stale
one is dead weight, never a wrong answer.  Records are plain JSON, read like the
cache's own (never executed); they are as trusted as the package's code, which is
installed in the same place.  ``PRODUCIBILITY_NO_CACHE=1`` switches them off with
the cache.
"""

from __future__ import annotations

import json
import os
import sys

from producibility.inputs.cache import SHIPPED_VALID as VALID  # its validation keys, a line each

VERSIONS = "VERSIONS"      # the libraries the records were made with


def versions() -> str:
    """The text of ``VERSIONS``: records of trees and number tables depend on these."""
    import babel
    import holidays
    import jinja2

    return (f"jinja2 {jinja2.__version__}\nbabel {babel.__version__}\n"
            f"holidays {holidays.__version__}\n")


def _record() -> None:
    """In a fresh process: load everything shipped with the cache switched to record
    what it would write, and print the records as JSON."""
    from producibility.inputs import cache

    data, valid = {}, set()
    cache.read_data = lambda key: None            # work everything out: nothing known
    cache.seen_valid = lambda key: False
    cache.write_data = data.__setitem__
    cache.remember_valid = valid.add

    from producibility import i18n
    from producibility.engine.fit import Fitter
    from producibility.model.catalogue import default_catalogue
    from producibility.model.pack import DEFAULT_SETTINGS, load_packs
    from producibility.model.questionnaire import load_questionnaire

    pack = load_packs()                         # the pack, its catalogue, the questionnaire
    load_questionnaire()
    Fitter(pack.catalogue or default_catalogue(), DEFAULT_SETTINGS["fit"])
    from producibility.model.calendar import PREBUILT_HOLIDAYS, public_holidays
    (country, region), years = PREBUILT_HOLIDAYS
    for year in years:                          # the example shop's public holidays
        public_holidays(country, region, year)
    for lang in i18n.LANGS:
        i18n.number(1.5, lang)                  # Babel's number tables
        for domain in i18n.domains():           # the interface texts
            i18n.texts(domain, lang)
    json.dump({"data": data, "valid": sorted(valid)}, sys.stdout, sort_keys=True)


def records() -> dict[str, str]:
    """{file name in ``prebuilt/``: text} of every shipped record, made in a fresh
    process (this one may have loaded the shipped files already) with no cache."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, PRODUCIBILITY_CACHE_DIR=os.path.join(home, "cache"))
        env.pop("PRODUCIBILITY_NO_CACHE", None)
        out = subprocess.run(
            [sys.executable, "-c", "from producibility.inputs.prebuilt import _record; "
             "_record()"], capture_output=True, text=True, env=env, check=True)
    made = json.loads(out.stdout)
    files = {f"{key}.json": text for key, text in made["data"].items()}
    files[VALID] = "".join(f"{key}\n" for key in made["valid"])
    files[VERSIONS] = versions()
    return files
