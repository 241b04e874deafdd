# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "openbareorde"
P = "<slug:slug>/openbare-orde/"

urlpatterns = [
    path(P, views.overview, name="overview"),
    path(f"{P}risicos/", views.risk_list, name="risk_list"),
    path(f"{P}risicos/nieuw/", views.risk_form, name="risk_create"),
    path(f"{P}risicos/<int:pk>/", views.risk_detail, name="risk_detail"),
    path(f"{P}risicos/<int:pk>/bewerken/", views.risk_form, name="risk_edit"),
    path(f"{P}risicos/<int:pk>/identiteit/", views.risk_reveal, name="risk_reveal"),
    path(f"{P}jaarwisseling/<int:year>/", views.newyear, name="newyear"),
    path(f"{P}demonstraties/<int:pk>/advies/", views.advice_add, name="advice_add"),
    path(f"{P}<slug:register>/", views.register_list, name="register_list"),
    path(f"{P}<slug:register>/nieuw/", views.register_form, name="register_create"),
    path(f"{P}<slug:register>/<int:pk>/", views.register_form, name="register_edit"),
]
