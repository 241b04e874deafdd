# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from .views import ReportListApi

urlpatterns = [
    path("reports/<str:gemeente>/", ReportListApi.as_view(), name="reporting-report-list"),
]
