# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

urlpatterns = [
    path(
        "meetings/<slug:gemeente>/series/",
        views.SeriesListView.as_view(),
        name="api-meetings-series-list",
    ),
    path(
        "meetings/<slug:gemeente>/meetings/",
        views.MeetingListView.as_view(),
        name="api-meetings-meeting-list",
    ),
    path(
        "meetings/<slug:gemeente>/meetings/<int:pk>/",
        views.MeetingDetailView.as_view(),
        name="api-meetings-meeting-detail",
    ),
]
