# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("<slug:slug>/overleggen/", views.series_list, name="series_list"),
    path("<slug:slug>/overleggen/nieuw/", views.series_create, name="series_create"),
    path("<slug:slug>/overleggen/mijn-acties/", views.my_actions, name="my_actions"),
    path("<slug:slug>/overleggen/<int:pk>/", views.series_detail, name="series_detail"),
    path("<slug:slug>/overleggen/<int:pk>/wijzigen/", views.series_edit, name="series_edit"),
    path("<slug:slug>/overleggen/<int:pk>/deelnemers/", views.member_add, name="member_add"),
    path(
        "<slug:slug>/overleggen/<int:pk>/deelnemers/<int:member_pk>/verwijderen/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "<slug:slug>/overleggen/<int:pk>/vergadering-plannen/",
        views.meeting_create,
        name="meeting_create",
    ),
    path(
        "<slug:slug>/overleggen/vergaderingen/<int:pk>/",
        views.meeting_detail,
        name="meeting_detail",
    ),
    path(
        "<slug:slug>/overleggen/vergaderingen/<int:pk>/wijzigen/",
        views.meeting_edit,
        name="meeting_edit",
    ),
    path(
        "<slug:slug>/overleggen/vergaderingen/<int:pk>/versturen/",
        views.meeting_mail,
        name="meeting_mail",
    ),
    path(
        "<slug:slug>/overleggen/vergaderingen/<int:pk>/status/",
        views.meeting_status,
        name="meeting_status",
    ),
    path(
        "<slug:slug>/overleggen/vergaderingen/<int:pk>/agenda/",
        views.agenda_edit,
        name="agenda_edit",
    ),
    path(
        "<slug:slug>/overleggen/vergaderingen/<int:pk>/agenda/voorstellen/",
        views.agenda_propose,
        name="agenda_propose",
    ),
    path(
        "<slug:slug>/overleggen/vergaderingen/<int:pk>/agenda/melding-of-dossier/",
        views.agenda_add_reference,
        name="agenda_add_reference",
    ),
    path("<slug:slug>/overleggen/punten/<int:pk>/", views.item_detail, name="item_detail"),
    path(
        "<slug:slug>/overleggen/punten/<int:pk>/bijlagen/<int:attachment_id>/",
        views.item_attachment,
        name="item_attachment",
    ),
    path("<slug:slug>/overleggen/punten/<int:pk>/verplaatsen/", views.item_move, name="item_move"),
    path(
        "<slug:slug>/overleggen/punten/<int:pk>/verwijderen/",
        views.item_remove,
        name="item_remove",
    ),
    path(
        "<slug:slug>/overleggen/acties/<int:pk>/status/",
        views.action_status,
        name="action_status",
    ),
]
