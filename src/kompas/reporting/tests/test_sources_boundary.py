# SPDX-License-Identifier: EUPL-1.2
"""The package reporting/sources (one module per app) is the one place that calls other apps;
the rest of reporting (and the public dashboard in particular) never imports policy,
monitoring or the meldpunt, nor looks them up by name."""

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
        if {"tests", "migrations", "sources"} & set(path.relative_to(APP).parts):
            continue
        text = path.read_text(encoding="utf-8")
        bad = [n for n in _imports(path) if n.startswith(OTHER_APPS)]
        bad += [n for n in OTHER_APPS if f'"{n}.' in text]  # a lookup by name
        if bad:
            offenders[str(path.relative_to(APP))] = bad
    assert offenders == {}
    # sources reaches the other apps only by name at call time (a missing app is reported
    # in the report, not a crash), and only through their selectors, services and charts.
    modules = sorted((APP / "sources").glob("*.py"))
    assert len(modules) >= 4
    for path in modules:
        assert ".models" not in path.read_text(encoding="utf-8"), path.name
