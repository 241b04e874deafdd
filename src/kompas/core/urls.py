# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "core"

B = "<slug:slug>/beheer/"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/sso/", views.sso_start, name="sso_start"),
    path("inloggen/sso/terug/", views.sso_callback, name="sso_callback"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestapsverificatie/instellen/", views.otp_setup, name="otp_setup"),
    path("tweestapsverificatie/controleren/", views.otp_verify, name="otp_verify"),
    path("uitnodiging/<uidb64>/<token>/", views.InviteAcceptView.as_view(), name="invite_accept"),
    path("health/", views.health, name="health"),
    path(
        "instellingen/berichten-per-e-mail/",
        views.notification_settings,
        name="notification_settings",
    ),
    path("<slug:slug>/", views.municipality_home, name="municipality_home"),
    path("<slug:slug>/logo.png", views.municipality_logo, name="municipality_logo"),
    path("<slug:slug>/regios/", views.region_list, name="region_list"),
    path("<slug:slug>/auditlog/", views.audit_list, name="audit_list"),
    path(B, views.beheer, name="beheer"),
    path(B + "gebruikers/", views.member_list_view, name="member_list"),
    path(B + "gebruikers/uitnodigen/", views.member_invite, name="member_invite"),
    path(B + "gebruikers/<int:pk>/", views.member_edit, name="member_edit"),
    path(B + "gebruikers/<int:pk>/verwijderen/", views.member_remove, name="member_remove"),
    path(B + "huisstijl/", views.branding_edit, name="branding"),
    path(B + "verwerkingsregister/", views.privacy_register, name="privacy_register"),
]
