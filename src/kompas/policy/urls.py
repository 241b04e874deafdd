# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "policy"

urlpatterns = [
    path("<slug:slug>/beleid/", views.plan_overview, name="plan_overview"),
    path("<slug:slug>/beleid/plannen/<int:pk>/", views.plan_overview, name="plan_detail"),
    path(
        "<slug:slug>/beleid/plannen/<int:pk>/prioriteiten/<int:number>/",
        views.priority_detail,
        name="priority_detail",
    ),
    path("<slug:slug>/beleid/plannen/<int:pk>/versies/", views.version_list, name="version_list"),
    path(
        "<slug:slug>/beleid/plannen/<int:pk>/versies/<int:number>/",
        views.version_detail,
        name="version_detail",
    ),
    path("<slug:slug>/beleid/acties/", views.action_list, name="action_list"),
    path("<slug:slug>/beleid/acties/nieuw/", views.action_form, name="action_create"),
    path("<slug:slug>/beleid/acties/<int:pk>/", views.action_detail, name="action_detail"),
    path("<slug:slug>/beleid/acties/<int:pk>/bewerken/", views.action_form, name="action_edit"),
    path("<slug:slug>/beleid/normen/", views.norm_overview, name="norm_overview"),
    path("<slug:slug>/beleid/normen/<slug:code>/", views.norm_detail, name="norm_detail"),
    path("<slug:slug>/beleid/register/", views.event_list, name="event_list"),
    path("<slug:slug>/beleid/register/nieuw/", views.event_create, name="event_create"),
    path(
        "<slug:slug>/beleid/register/<int:pk>/verwijderen/",
        views.event_delete,
        name="event_delete",
    ),
]
