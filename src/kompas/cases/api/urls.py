# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path("cases/<slug:gemeente>/", views.CaseListView.as_view(), name="api-cases-list"),
    path(
        "cases/<slug:gemeente>/<int:pk>/", views.CaseDetailView.as_view(), name="api-cases-detail"
    ),
    path(
        "cases/<slug:gemeente>/<int:pk>/reveal/",
        views.CaseRevealView.as_view(),
        name="api-cases-reveal",
    ),
    path(
        "cases/<slug:gemeente>/<int:pk>/interventions/",
        views.CaseInterventionListView.as_view(),
        name="api-cases-interventions",
    ),
]
