# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path("series/", views.SeriesView.as_view(), name="api-series"),
    path("targets/", views.TargetListView.as_view(), name="api-targets"),
]
