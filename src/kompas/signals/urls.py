# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "signals"

urlpatterns = [
    path("<slug:slug>/meldpunt/", views.intake, name="intake"),
    path("<slug:slug>/meldpunt/verstuurd/", views.receipt, name="receipt"),
    path("<slug:slug>/meldpunt/opvolgen/", views.follow_up, name="follow_up"),
    path("<slug:slug>/meldingen/", views.signal_list, name="signal_list"),
    path("<slug:slug>/meldingen/aantallen/", views.signal_counts, name="signal_counts"),
    path("<slug:slug>/meldingen/<int:pk>/", views.signal_detail, name="signal_detail"),
    path("<slug:slug>/meldingen/<int:pk>/status/", views.signal_transition, name="transition"),
    path("<slug:slug>/meldingen/<int:pk>/beoordelen/", views.signal_classify, name="classify"),
    path("<slug:slug>/meldingen/<int:pk>/vraag/", views.signal_question, name="question"),
    path("<slug:slug>/meldingen/<int:pk>/koppelen/", views.signal_link, name="link"),
    path("<slug:slug>/meldingen/<int:pk>/delen/", views.signal_forward, name="forward"),
    path(
        "<slug:slug>/meldingen/<int:pk>/bijlagen/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path("<slug:slug>/deelafspraken/", views.agreement_list, name="agreement_list"),
    path(
        "<slug:slug>/beheer/bewaartermijnen-meldingen/",
        views.retention_settings,
        name="retention_settings",
    ),
    path("<slug:slug>/deelafspraken/nieuw/", views.agreement_create, name="agreement_create"),
    path("<slug:slug>/deelafspraken/<int:pk>/", views.agreement_edit, name="agreement_edit"),
    path(
        "<slug:slug>/deelafspraken/<int:pk>/beeindigen/",
        views.agreement_deactivate,
        name="agreement_deactivate",
    ),
    path("<slug:slug>/adressen/", views.address_list, name="address_list"),
    path("<slug:slug>/dossiers/", views.dossier_list, name="dossier_list"),
    path("<slug:slug>/dossiers/<int:pk>/", views.dossier_detail, name="dossier_detail"),
]
