# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path(
        "ondermijning/<str:gemeente>/controles/",
        views.ControleListView.as_view(),
        name="api-ondermijning-controles",
    ),
    path(
        "ondermijning/samenwerkingsverbanden/<slug:code>/dagen/",
        views.PartnershipDayListView.as_view(),
        name="api-ondermijning-dagen",
    ),
]
