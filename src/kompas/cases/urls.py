# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from .views import cases, measures, privacy, tables

app_name = "cases"

C = "<slug:slug>/casussen/"

urlpatterns = [
    path(C, cases.case_list, name="case_list"),
    path(C + "nieuw/", cases.case_create, name="case_create"),
    path(C + "bewaartermijnen/", privacy.retention_settings, name="retention_settings"),
    path(C + "tafels/", tables.table_list, name="table_list"),
    path(C + "tafels/<int:pk>/", tables.table_detail, name="table_detail"),
    path(C + "vergaderingen/<int:pk>/", tables.meeting_cases, name="meeting_cases"),
    path(
        C + "vergaderingen/<int:pk>/casus/<int:case_pk>/",
        tables.discussion_edit,
        name="discussion_edit",
    ),
    path(C + "interventies/<int:pk>/", cases.intervention_edit, name="intervention_edit"),
    path(C + "tafelplaatsingen/<int:pk>/beeindigen/", cases.listing_end, name="listing_end"),
    path(C + "<int:pk>/", cases.case_detail, name="case_detail"),
    path(C + "<int:pk>/wijzigen/", cases.case_edit, name="case_edit"),
    path(C + "<int:pk>/status/", cases.case_status, name="case_status"),
    path(C + "<int:pk>/identiteit/", cases.case_reveal, name="case_reveal"),
    path(C + "<int:pk>/personen/nieuw/", cases.person_add, name="person_add"),
    path(C + "<int:pk>/interventies/nieuw/", cases.intervention_add, name="intervention_add"),
    path(C + "<int:pk>/tafels/", cases.listing_add, name="listing_add"),
    path(C + "<int:pk>/weging/", privacy.assessment_add, name="assessment_add"),
    path(
        C + "<int:pk>/personen/<int:person_pk>/inzage.<str:fmt>",
        privacy.person_export,
        name="person_export",
    ),
    path(
        C + "<int:pk>/personen/<int:person_pk>/wissen/",
        privacy.person_erase,
        name="person_erase",
    ),
    path("<slug:slug>/instrumenten/", measures.measure_list, name="measure_list"),
    path("<slug:slug>/instrumenten/nieuw/", measures.measure_create, name="measure_create"),
    path("<slug:slug>/instrumenten/<int:pk>/", measures.measure_edit, name="measure_edit"),
]
