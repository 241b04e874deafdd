# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path("municipalities/", views.MunicipalityListView.as_view(), name="api-municipality-list"),
    path(
        "municipalities/<str:code>/",
        views.MunicipalityDetailView.as_view(),
        name="api-municipality-detail",
    ),
    path("regions/<str:code>/", views.RegionDetailView.as_view(), name="api-region-detail"),
]
