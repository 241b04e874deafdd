# SPDX-License-Identifier: EUPL-1.2
"""reporting/sources.py is the one module that calls other apps; the rest of reporting
(and the public dashboard in particular) never imports policy, monitoring or the meldpunt."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1]
OTHER_APPS = ("kompas.policy", "kompas.monitoring", "kompas.signals", "kompas.meetings")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_sources_imports_other_apps():
    offenders = {}
    for path in APP.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts or path.name == "sources.py":
            continue
        bad = [n for n in _imports(path) if n.startswith(OTHER_APPS)]
        if bad:
            offenders[str(path.relative_to(APP))] = bad
    assert offenders == {}
    # sources.py reaches the other apps only by name at call time (a missing app is reported
    # in the report, not a crash), and only through their selectors, services and charts.
    text = (APP / "sources.py").read_text(encoding="utf-8")
    assert ".models" not in text
