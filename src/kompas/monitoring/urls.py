# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("<slug:slug>/monitoring/", views.dashboard, name="dashboard"),
    path("<slug:slug>/monitoring/indicator/<str:code>/", views.indicator_detail, name="indicator"),
    path("<slug:slug>/monitoring/importeren/", views.upload, name="upload"),
    path("<slug:slug>/monitoring/imports/", views.import_list, name="imports"),
    path("<slug:slug>/monitoring/imports/<int:job_id>/", views.import_job, name="import_job"),
]
