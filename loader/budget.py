"""A per-article time budget: the last guard against input that is slow to analyse.

Extraction is linear in an article's length (bench/bench_pathological.py), but
a rule added later, or a text shaped in a way nobody tried, could still make
one article take minutes. Rather than stall a load of thousands, an article
whose extraction runs past its budget is refused with one line naming it, and
the rest load. The budget grows with the text: ``BASE_SECONDS`` plus
``SECONDS_PER_CHAR`` per character, some hundred times what ordinary news
takes (about 6 microseconds per character for every extraction stage).

The clock is SIGALRM, so the guard works in the main thread of a process (the
CLI, and each ``--processes`` worker); elsewhere (a thread pool) it is off and
the article runs to the end.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BASE_SECONDS = 60.0
SECONDS_PER_CHAR = 0.0005


class OverBudget(BaseException):
    """Raised inside the analysis when its time is up.

    A BaseException, so that no ``except Exception`` in the rules swallows it.
    """


def budget(chars: int) -> float:
    """Seconds allowed for extracting attributions from a text of ``chars`` characters."""
    return BASE_SECONDS + SECONDS_PER_CHAR * chars


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ``OverBudget`` in the block if it runs longer than ``seconds``."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def _expired(signum, frame) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))  # 0 would mean no alarm
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
