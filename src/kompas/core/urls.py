# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestapsverificatie/instellen/", views.otp_setup, name="otp_setup"),
    path("tweestapsverificatie/controleren/", views.otp_verify, name="otp_verify"),
    path("health/", views.health, name="health"),
    path("<slug:slug>/", views.municipality_home, name="municipality_home"),
    path("<slug:slug>/regios/", views.region_list, name="region_list"),
    path("<slug:slug>/auditlog/", views.audit_list, name="audit_list"),
]
