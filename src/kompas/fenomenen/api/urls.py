# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path(
        "ondermijning/<str:gemeente>/fenomenenkeuze/",
        views.KeuzeListView.as_view(),
        name="api-fenomenen-keuze",
    ),
    path(
        "ondermijning/<str:gemeente>/voorlichting/",
        views.ActivityListView.as_view(),
        name="api-fenomenen-voorlichting",
    ),
]
