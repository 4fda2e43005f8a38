"""Benchmark harness: generator determinism and correct incremental builds (no timings checked)."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.run import KEYS, Bench  # noqa: E402


def test_generator_is_deterministic_and_varied(tmp_path):
    a = generate(40, tmp_path / "a")
    b = generate(40, tmp_path / "b")
    texts = [p.read_text(encoding="utf-8") for p in a]
    assert [p.name for p in a] == [p.name for p in b]
    assert texts == [p.read_text(encoding="utf-8") for p in b]
    assert len(set(texts)) == 40
    assert any(t.startswith(" date 20") for t in texts)
    assert any("/TASS/." in t or "(Reuters)" in t for t in texts)
    joined = "\n".join(texts)
    assert "Also read:" in joined and "Photo" in joined
    for text in texts:
        paragraphs = [p for p in text.split("\n") if len(p.split()) > 12]
        assert 3 <= len(paragraphs) <= 16


def test_no_op_rebuild_rewrites_nothing_and_json_has_all_keys(tmp_path):
    pytest.importorskip("pelican")
    bench = Bench(30, tmp_path)
    result = bench.run(bare=False)
    assert set(KEYS) <= set(result)
    assert result["n"] == 30
    assert result["noop_rewrote_briefings"] == 0
    assert result["noop_converted"] == result["failed_seeds"]
    assert result["briefings"] >= 28
    assert result["pages_written"] > result["briefings"]
    json.dumps(result)
