"""Skipping the interpreter's tear-down: the exit status and open files are kept."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.adversarial.build import ROOT

SCRIPT = """
import sys
sys.path.insert(0, {plugins!r})
from briefings.fast_exit import skip_teardown_at_exit
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

    from briefings import fast_exit

    marker = ["a list the collector tracks"]
    try:
        count = fast_exit.pin_everything()
        pinned = fast_exit._PINNED[-1]
        assert count == len(pinned) and any(obj is marker for obj in pinned)
        assert gc.get_freeze_count() >= count - 1
    finally:  # give this test process its objects back
        fast_exit._PINNED.clear()
        gc.unfreeze()
