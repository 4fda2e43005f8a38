"""fork_map: the same results as a loop, in order; state reaches workers without pickling."""

from __future__ import annotations

import os
import threading

import pytest
from briefings.parallel import CAN_FORK, ONE, Workers, fork_map


def _square_plus(state, item):
    offset, _lock = state
    return item * item + offset, os.getpid()


@pytest.mark.skipif(not CAN_FORK, reason="needs fork")
def test_results_are_in_order_and_computed_in_workers():
    state = (7, threading.Lock())  # a lock cannot be pickled: it must reach the workers by fork
    got = fork_map(_square_plus, list(range(200)), Workers(2, 2), state)
    assert [value for value, _ in got] == [i * i + 7 for i in range(200)]
    assert os.getpid() not in {pid for _, pid in got}


@pytest.mark.parametrize(("workers", "items"), [(ONE, 50), (Workers(2, 100), 50), (Workers(2, 2), 1)])
def test_one_worker_or_too_few_items_run_here(workers, items):
    got = fork_map(_square_plus, list(range(items)), workers, (0, threading.Lock()))
    assert [value for value, _ in got] == [i * i for i in range(items)]
    assert {pid for _, pid in got} == {os.getpid()}


def test_workers_come_from_the_plugin_settings():
    settings = {"BRIEFINGS": {"WORKERS": 3, "PARALLEL_MIN": 500}}
    assert Workers.from_settings(settings) == Workers(3, 500)
    assert Workers.from_settings({"BRIEFINGS": {"WORKERS": 1, "PARALLEL_MIN": 0}}) == Workers(1, 2)
