# SPDX-License-Identifier: EUPL-1.2
"""Top-level URLs. Each kompas app contributes its `urls.urlpatterns` (gemeente pages under
`<slug:slug>/...`, namespace = the app's label) and its `api.urls.urlpatterns` under /api/v1/.

The apps are listed here with plain imports: a missing or renamed module is an import error at
start-up, never a part of the product that silently disappears. A new app adds its two lines
(test_urls checks that every installed kompas app is listed). Core comes last so its
one-segment `<slug>/` start page claims nothing another app needs."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularJSONAPIView,
    SpectacularSwaggerSplitView,
    SpectacularYAMLAPIView,
)

from kompas.cases import urls as cases_urls
from kompas.cases.api import urls as cases_api_urls
from kompas.core import errors
from kompas.core import urls as core_urls
from kompas.core.api import urls as core_api_urls
from kompas.crisis import urls as crisis_urls
from kompas.crisis.api import urls as crisis_api_urls
from kompas.fenomenen import urls as fenomenen_urls
from kompas.fenomenen.api import urls as fenomenen_api_urls
from kompas.meetings import urls as meetings_urls
from kompas.meetings.api import urls as meetings_api_urls
from kompas.monitoring import urls as monitoring_urls
from kompas.monitoring.api import urls as monitoring_api_urls
from kompas.ondermijning import urls as ondermijning_urls
from kompas.ondermijning.api import urls as ondermijning_api_urls
from kompas.openbareorde import urls as openbareorde_urls
from kompas.openbareorde.api import urls as openbareorde_api_urls
from kompas.policy import urls as policy_urls
from kompas.policy.api import urls as policy_api_urls
from kompas.reporting import urls as reporting_urls
from kompas.reporting.api import urls as reporting_api_urls
from kompas.signals import urls as signals_urls
from kompas.signals.api import urls as signals_api_urls

# (app label, pages, API), in the order their patterns are tried; core last.
KOMPAS_URLS = [
    ("policy", policy_urls, policy_api_urls),
    ("signals", signals_urls, signals_api_urls),
    ("meetings", meetings_urls, meetings_api_urls),
    ("monitoring", monitoring_urls, monitoring_api_urls),
    ("reporting", reporting_urls, reporting_api_urls),
    ("cases", cases_urls, cases_api_urls),
    ("crisis", crisis_urls, crisis_api_urls),
    ("openbareorde", openbareorde_urls, openbareorde_api_urls),
    ("ondermijning", ondermijning_urls, ondermijning_api_urls),
    ("fenomenen", fenomenen_urls, fenomenen_api_urls),
    ("core", core_urls, core_api_urls),
]

api_patterns = [
    # The OpenAPI document at the NL API Design Rules' standard place (API-51), public;
    # schema/ stays for existing clients (YAML, or JSON with Accept: application/json).
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="api-openapi-json"),
    path("openapi.yaml", SpectacularYAMLAPIView.as_view(), name="api-openapi-yaml"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    *(path("", include(api.urlpatterns)) for _label, _pages, api in KOMPAS_URLS),
]

# Dutch error pages in the product's layout (kompas.core.errors); CSRF failures: settings.
handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("api/v1/", include(api_patterns)),
    *(path("", include(pages)) for _label, pages, _api in KOMPAS_URLS),
]
