# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "ondermijning"
P = "<slug:slug>/ondermijning/"

urlpatterns = [
    path(P, views.controle_list, name="controle_list"),
    path(f"{P}controles/nieuw/", views.controle_form, name="controle_create"),
    path(f"{P}controles/<int:pk>/", views.controle_detail, name="controle_detail"),
    path(f"{P}controles/<int:pk>/bewerken/", views.controle_form, name="controle_edit"),
    path(f"{P}controles/<int:pk>/verwijderen/", views.controle_delete, name="controle_delete"),
    path(f"{P}controles/<int:pk>/bevindingen/", views.finding_add, name="finding_add"),
    path(
        f"{P}controles/<int:pk>/bevindingen/<int:finding>/verwijderen/",
        views.finding_delete,
        name="finding_delete",
    ),
    path(f"{P}dagen/", views.day_list, name="day_list"),
    path(f"{P}dagen/nieuw/", views.day_form, name="day_create"),
    path(f"{P}dagen/<int:pk>/", views.day_detail, name="day_detail"),
    path(f"{P}dagen/<int:pk>/bewerken/", views.day_form, name="day_edit"),
    path(f"{P}dagen/<int:pk>/verwijderen/", views.day_delete, name="day_delete"),
    path(
        f"{P}samenwerkingsverband/<slug:code>/",
        views.partnership_summary,
        name="partnership_summary",
    ),
    path(f"{P}importeren/", views.import_upload, name="import"),
    path(f"{P}opkopers/", views.dealer_list, name="dealer_list"),
    path(f"{P}opkopers/nieuw/", views.dealer_form, name="dealer_create"),
    path(f"{P}opkopers/<int:pk>/", views.dealer_detail, name="dealer_detail"),
    path(f"{P}opkopers/<int:pk>/bewerken/", views.dealer_form, name="dealer_edit"),
    path(f"{P}opkopers/<int:pk>/verwijderen/", views.dealer_delete, name="dealer_delete"),
    path(f"{P}opkopers/<int:pk>/controles/", views.dealer_check_add, name="dealer_check_add"),
    path(
        f"{P}opkopers/<int:pk>/controles/<int:check>/verwijderen/",
        views.dealer_check_delete,
        name="dealer_check_delete",
    ),
    path(f"{P}kvo-b/", views.kvo_list, name="kvo_list"),
    path(f"{P}kvo-b/nieuw/", views.kvo_form, name="kvo_create"),
    path(f"{P}kvo-b/<int:pk>/bewerken/", views.kvo_form, name="kvo_edit"),
    path(f"{P}kvo-b/<int:pk>/verwijderen/", views.kvo_delete, name="kvo_delete"),
]
