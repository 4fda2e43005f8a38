"""Skipping the interpreter's tear-down: the exit status and open files are kept."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.adversarial.build import ROOT

SCRIPT = """
import sys
sys.path.insert(0, {plugins!r})
from briefings.gc_policy import skip_teardown_at_exit
data = [{{"n": i, "items": list(range(5))}} for i in range(50_000)]
log = open({log!r}, "w", encoding="utf-8")
log.write("written but never flushed by the script")
skip_teardown_at_exit()
skip_teardown_at_exit()  # registered once
sys.exit({status})
"""


@pytest.mark.parametrize("status", [0, 3])
def test_exit_status_and_unflushed_files_survive(tmp_path, status):
    log = tmp_path / "log.txt"
    script = SCRIPT.format(plugins=str(ROOT / "plugins"), log=str(log), status=status)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == status, result.stderr
    assert result.stderr == ""
    assert log.read_text(encoding="utf-8") == "written but never flushed by the script"


def test_pin_everything_pins_the_tracked_objects():
    import gc

    from briefings import gc_policy

    marker = ["a list the collector tracks"]
    try:
        count = gc_policy.pin_everything()
        pinned = gc_policy._PINNED[-1]
        assert count == len(pinned) and any(obj is marker for obj in pinned)
        assert gc.get_freeze_count() >= count - 1
    finally:  # give this test process its objects back
        gc_policy._PINNED.clear()
        gc.unfreeze()


def test_a_build_collects_less_often_from_its_start():
    """`register` connects `collect_less` to `initialized`, the first signal of a build."""
    import gc

    from briefings import register
    from briefings.gc_policy import GC_THRESHOLDS, collect_less
    from pelican import signals

    register()
    assert collect_less in signals.initialized.receivers_for(object())
    before = gc.get_threshold()
    try:
        collect_less()
        assert gc.get_threshold() == GC_THRESHOLDS and GC_THRESHOLDS[0] > before[0]
    finally:
        gc.set_threshold(*before)
