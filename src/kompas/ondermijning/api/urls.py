# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import registers, views

urlpatterns = [
    path(
        "ondermijning/<str:gemeente>/controles/",
        views.ControleListView.as_view(),
        name="api-ondermijning-controles",
    ),
    path(
        "ondermijning/<str:gemeente>/opkopers/",
        registers.DealerListView.as_view(),
        name="api-ondermijning-opkopers",
    ),
    path(
        "ondermijning/<str:gemeente>/kvo-b/",
        registers.KvoListView.as_view(),
        name="api-ondermijning-kvo",
    ),
    path(
        "ondermijning/samenwerkingsverbanden/<slug:code>/dagen/",
        views.PartnershipDayListView.as_view(),
        name="api-ondermijning-dagen",
    ),
]
