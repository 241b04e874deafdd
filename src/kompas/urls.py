# SPDX-License-Identifier: EUPL-1.2
"""Top-level URLs. Each kompas app contributes its `urls.urlpatterns` (gemeente pages under
`<slug:slug>/...`, namespace = the app's label) and its `api.urls.urlpatterns` under /api/v1/.
Core comes last so its one-segment `<slug>/` start page claims nothing another app needs."""

from importlib import import_module

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

KOMPAS_APPS = [a.split(".")[-1] for a in settings.INSTALLED_APPS if a.startswith("kompas.")]
KOMPAS_APPS.sort(key=lambda app: app == "core")


def _optional(app: str, module: str):
    name = f"kompas.{app}.{module}"
    try:
        return import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None


api_patterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
app_patterns = []
for _app in KOMPAS_APPS:
    if api := _optional(_app, "api.urls"):
        api_patterns.append(path("", include(api.urlpatterns)))
    if urls := _optional(_app, "urls"):
        app_patterns.append(path("", include(urls)))

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("api/v1/", include(api_patterns)),
    *app_patterns,
]
