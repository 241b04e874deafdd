# SPDX-License-Identifier: EUPL-1.2
"""Every installed kompas app's pages and API are routed, listed explicitly in kompas.urls."""

from django.apps import apps
from django.urls import get_resolver

from kompas import urls


def test_every_installed_kompas_app_is_routed():
    installed = {c.label for c in apps.get_app_configs() if c.name.startswith("kompas.")}
    assert {label for label, _pages, _api in urls.KOMPAS_URLS} == installed
    namespaces = set(get_resolver().namespace_dict)
    assert installed <= namespaces


def test_core_start_page_is_tried_last():
    assert urls.KOMPAS_URLS[-1][0] == "core"
