"""The ``producibility`` console script: load the modules, then run the command.

A command is a short process that first imports about 400 modules (experta, PyYAML,
Jinja2, click, Babel and ours).  Their objects live until the process ends, so the
cyclic garbage collector, which runs every few hundred new objects, only rescans
them while they load: about 35 collections and 5-7 ms of a 170 ms check (measured
with ``gc.callbacks``).  So the modules load with the collector paused, what they
made is set aside (``gc.freeze``: never scanned again), and the collector runs as
usual for the command itself, however long it takes (``batch``, ``intake``).
Importing :mod:`producibility` alone loads nothing else (its API is imported on
first use), so the pause covers every import.
"""

import gc


def main():
    collecting = gc.isenabled()
    gc.disable()
    try:
        from producibility.cli import main as command
        gc.freeze()
    finally:
        if collecting:
            gc.enable()
    return command()
