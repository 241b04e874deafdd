# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "fenomenen"
P = "<slug:slug>/ondermijning/"

urlpatterns = [
    path(f"{P}fenomenenkeuze/", views.keuze_list, name="keuze_list"),
    path(f"{P}fenomenenkeuze/nieuw/", views.keuze_form, name="keuze_create"),
    path(f"{P}fenomenenkeuze/<int:pk>/", views.keuze_detail, name="keuze_detail"),
    path(f"{P}fenomenenkeuze/<int:pk>/bewerken/", views.keuze_form, name="keuze_edit"),
    path(f"{P}fenomenenkeuze/<int:pk>/verwijderen/", views.keuze_delete, name="keuze_delete"),
    path(f"{P}witte-vlekken/", views.spot_list, name="spot_list"),
    path(f"{P}witte-vlekken/nieuw/", views.spot_form, name="spot_create"),
    path(f"{P}witte-vlekken/<int:pk>/bewerken/", views.spot_form, name="spot_edit"),
    path(f"{P}witte-vlekken/<int:pk>/verwijderen/", views.spot_delete, name="spot_delete"),
    path(f"{P}voorlichting/", views.activity_list, name="activity_list"),
    path(f"{P}voorlichting/nieuw/", views.activity_form, name="activity_create"),
    path(f"{P}voorlichting/<int:pk>/bewerken/", views.activity_form, name="activity_edit"),
    path(f"{P}voorlichting/<int:pk>/verwijderen/", views.activity_delete, name="activity_delete"),
]
