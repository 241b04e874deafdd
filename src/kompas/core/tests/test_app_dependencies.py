# SPDX-License-Identifier: EUPL-1.2
"""Declared app dependencies: a kompas app whose dependency is missing is a start-up error."""

from django.apps import apps

from kompas.core.checks import kompas_dependencies
from kompas.core.hooks import Hook


def test_installed_apps_satisfy_every_declared_dependency():
    assert kompas_dependencies() == []


def test_missing_dependency_is_reported(monkeypatch):
    config = apps.get_app_config("meetings")
    monkeypatch.setattr(config, "kompas_depends_on", ("kompas.nietbestaand",))
    errors = kompas_dependencies()
    assert [e.id for e in errors] == ["kompas.E001"]
    assert "kompas.nietbestaand" in errors[0].msg


def test_hook_returns_every_registered_result_and_drops_none():
    hook = Hook("test")
    hook.register(lambda *, x: x + 1)
    hook.register(lambda *, x: None)
    assert hook(x=1) == [2]
    assert Hook("leeg")(x=1) == []
