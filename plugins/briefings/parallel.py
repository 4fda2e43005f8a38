"""A function over many items, in forked worker processes.

`fork_map(func, items, workers, state)` is `[func(state, item) for item in items]`. The
state (the reader of a build, the index of related briefings) reaches the workers by `fork`,
so it is never pickled; only the items and the results are. It runs in this process when
there is one worker, when the operating system cannot fork, or for fewer items than
`Workers.min_items` (starting processes costs more than it saves).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .settings import briefing_settings, worker_count

Item = TypeVar("Item")
Result = TypeVar("Result")

_JOB: tuple[Callable[[Any, Any], Any], Any] | None = None  # (func, state) of the map in progress
CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


@dataclass(frozen=True)
class Workers:
    """How many processes share a job, and the fewest items worth sharing it for."""

    count: int = 1
    min_items: int = 2

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Workers:
        """From Pelican's settings: the plugin's WORKERS (default: every core) and PARALLEL_MIN."""
        plugin = briefing_settings(settings)
        return cls(worker_count(plugin), max(2, int(plugin.get("PARALLEL_MIN") or 0)))


ONE = Workers()  # everything in this process


def _call(item: Any) -> Any:
    assert _JOB is not None
    func, state = _JOB
    return func(state, item)


def fork_map(
    func: Callable[[Any, Item], Result], items: Sequence[Item], workers: Workers, state: Any = None
) -> list[Result]:
    """[func(state, item) for item in items], in order, computed by `workers.count` forked
    processes (func must be a module-level function, and items and results picklable)."""
    if workers.count < 2 or not CAN_FORK or len(items) < workers.min_items:
        return [func(state, item) for item in items]
    global _JOB
    _JOB = (func, state)
    try:
        with multiprocessing.get_context("fork").Pool(workers.count) as pool:
            return pool.map(_call, items, chunksize=max(1, len(items) // (workers.count * 16)))
    finally:
        _JOB = None
