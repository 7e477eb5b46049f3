"""Work on every core: the process pool that a build and the PDF reader share.

fork is fastest and needs no `if __name__ == "__main__"` in the caller's script, but is unsafe in
a program with threads (the terminal app builds from a worker thread): there, forkserver.
"""
from __future__ import annotations

import os


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def idle_cores() -> int:
    """The cores that other work leaves idle now, judged as `make -l` does, by the load average:
    a second process only saves time on a core nothing else is using (on a busy machine it adds
    the cost of starting it)."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return 1
    return max(1, min(cores(), round(cores() - load)))


def pool(workers: int, **options):
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if threading.active_count() == 1 and os.name == "posix" else "forkserver"
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), **options)
