# SPDX-License-Identifier: EUPL-1.2
"""The package reporting/sources (one module per app) is the one place that calls other apps;
the rest of reporting (and the public dashboard in particular) never imports policy,
monitoring or the meldpunt. sources imports their selectors, services and charts by name at
the top of the module (they are below reporting), never looks them up at run time, so a
renamed function fails at import instead of silently switching a part of a report off. The
apps above reporting are reached through core.hooks only."""

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1]
BELOW = ("kompas.policy", "kompas.monitoring", "kompas.signals")
ABOVE = ("kompas.meetings", "kompas.cases", "kompas.crisis", "kompas.openbareorde")
ABOVE += ("kompas.ondermijning",)
PUBLIC = ("selectors", "services", "charts", "codelists")
RUNTIME_LOOKUPS = ("importlib", "import_module", "is_installed", "get_model", "__import__")


def _code_files():
    for path in sorted(APP.rglob("*.py")):
        if not {"tests", "migrations"} & set(path.relative_to(APP).parts):
            yield path


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import statement; names is [] for `import x`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names]))
    return found


def test_only_sources_imports_other_apps_and_nothing_looks_them_up_by_name():
    offenders = {}
    for path in _code_files():
        rel = path.relative_to(APP)
        text = path.read_text(encoding="utf-8")
        in_sources = rel.parts[0] == "sources"
        bad = [m for m, _n in _imports(path) if m.startswith(ABOVE)]
        if not in_sources:
            bad += [m for m, _n in _imports(path) if m.startswith(BELOW)]
        bad += [f"by name: {n}" for n in BELOW + ABOVE if f'"{n}.' in text or f"'{n}." in text]
        bad += [f"run-time lookup: {w}" for w in RUNTIME_LOOKUPS if w in text]
        if bad:
            offenders[str(rel)] = bad
    assert offenders == {}


def _source_imports():
    """(sources module, other app's module, imported name) for every name sources imports
    from policy, monitoring and signals."""
    rows = []
    for path in sorted((APP / "sources").glob("*.py")):
        for module, names in _imports(path):
            if module.startswith(BELOW):
                rows += [(path.stem, module, name) for name in names]
    return rows


def test_sources_import_public_functions_by_name_never_models():
    rows = _source_imports()
    assert len({m for m, _o, _n in rows}) == 3  # policy, monitoring, signals
    for path in sorted((APP / "sources").glob("*.py")):
        for module, names in _imports(path):
            if module.startswith(BELOW):
                # `from kompas.policy.selectors import plan_current`: a function, by name
                assert module.split(".")[2] in PUBLIC and len(module.split(".")) == 3, module
                assert names, f"{path.name}: import names from {module}, not the module"
        assert ".models" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize(("source", "module", "name"), _source_imports())
def test_a_renamed_function_fails_at_import(source, module, name, monkeypatch):
    """Take the function away from its app (as a rename would) and load the sources module
    afresh: it must fail at import, not answer None later."""
    monkeypatch.delattr(importlib.import_module(module), name)
    spec = importlib.util.spec_from_file_location(
        f"kompas.reporting.sources._probe_{source}", APP / "sources" / f"{source}.py"
    )
    probe = importlib.util.module_from_spec(spec)
    with pytest.raises(ImportError, match=name):
        spec.loader.exec_module(probe)
