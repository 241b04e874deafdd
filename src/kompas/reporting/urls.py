# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("openbaar/", views.public_index, name="public_index"),
    path("<slug:slug>/rapportages/", views.report_list, name="report_list"),
    path("<slug:slug>/rapportages/nieuw/", views.report_create, name="report_create"),
    path("<slug:slug>/rapportages/publicatie/", views.publication_settings, name="publication"),
    path("<slug:slug>/rapportages/<int:pk>/", views.report_detail, name="report_detail"),
    path("<slug:slug>/rapportages/<int:pk>/teksten/", views.report_edit, name="report_edit"),
    path("<slug:slug>/rapportages/<int:pk>/verzenden/", views.report_send, name="report_send"),
    path("<slug:slug>/rapportages/<int:pk>/pdf/", views.report_pdf, name="report_pdf"),
    path(
        "<slug:slug>/rapportages/<int:pk>/nieuwe-versie/",
        views.report_new_version,
        name="report_new_version",
    ),
    path(
        "<slug:slug>/rapportages/<int:pk>/verwijderen/", views.report_delete, name="report_delete"
    ),
    path("<slug:slug>/dashboard/", views.public_dashboard, name="dashboard"),
    path(
        "<slug:slug>/dashboard/rapportages/<int:pk>.pdf",
        views.public_report_pdf,
        name="public_report_pdf",
    ),
]
