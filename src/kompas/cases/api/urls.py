# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import measures, views

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
    # The register of measures (bestuurlijke maatregelen and instruments), issue 13's address.
    path(
        "ondermijning/<slug:gemeente>/maatregelen/",
        measures.MeasureListView.as_view(),
        name="api-cases-measures",
    ),
    path(
        "ondermijning/<slug:gemeente>/maatregelen/<int:pk>/",
        measures.MeasureDetailView.as_view(),
        name="api-cases-measure-detail",
    ),
]
