# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path(
        "meldpunt/<slug:gemeente>/challenge/",
        views.ChallengeView.as_view(),
        name="api-meldpunt-challenge",
    ),
    path(
        "meldpunt/<slug:gemeente>/signals/",
        views.PublicSignalCreateView.as_view(),
        name="api-meldpunt-signal-create",
    ),
]
