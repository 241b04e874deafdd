# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path(
        "crisis/<str:gemeente>/functies/",
        views.FunctionReadinessView.as_view(),
        name="api-crisis-functions",
    ),
    path("crisis/<str:gemeente>/oto/", views.OtoActivityListView.as_view(), name="api-crisis-oto"),
]
