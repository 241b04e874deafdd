# SPDX-License-Identifier: EUPL-1.2
from django.urls import include, path

from . import views

app_name = "crisis"


def _patterns(prefix: str) -> list:
    """The same pages for a gemeente and for its district (`district_` names)."""
    return [
        path("", views.readiness, name=f"{prefix}readiness"),
        path("leden/", views.member_list, name=f"{prefix}member_list"),
        path("leden/nieuw/", views.member_form, name=f"{prefix}member_create"),
        path("leden/<int:pk>/", views.member_detail, name=f"{prefix}member_detail"),
        path("leden/<int:pk>/bewerken/", views.member_form, name=f"{prefix}member_edit"),
        path(
            "leden/<int:pk>/toewijzingen/<int:assignment>/verwijderen/",
            views.assignment_remove,
            name=f"{prefix}assignment_remove",
        ),
        path("<slug:register>/", views.register_list, name=f"{prefix}register_list"),
        path("<slug:register>/nieuw/", views.register_form, name=f"{prefix}register_create"),
        path("<slug:register>/<int:pk>/", views.register_form, name=f"{prefix}register_edit"),
    ]


urlpatterns = [
    path("<slug:slug>/crisis/district/<slug:district>/", include(_patterns("district_"))),
    path("<slug:slug>/crisis/", include(_patterns(""))),
]
