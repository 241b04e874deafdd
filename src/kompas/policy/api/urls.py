# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path("plans/<str:gemeente>/", views.PlanView.as_view(), name="api-plan-detail"),
    path("plans/<str:gemeente>/actions/", views.ActionListView.as_view(), name="api-plan-actions"),
    path(
        "plans/<str:gemeente>/actions/<int:pk>/",
        views.ActionDetailView.as_view(),
        name="api-plan-action-detail",
    ),
    path(
        "plans/<str:gemeente>/actions/<int:pk>/updates/",
        views.ActionUpdateListView.as_view(),
        name="api-plan-action-updates",
    ),
    path("plans/<str:gemeente>/norms/", views.NormListView.as_view(), name="api-plan-norms"),
    path("plans/<str:gemeente>/events/", views.EventListView.as_view(), name="api-plan-events"),
]
