# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

P = "openbareorde/<str:gemeente>/"
urlpatterns = [
    path(f"{P}risicos/", views.RiskItemListView.as_view(), name="api-oo-risks"),
    path(f"{P}demonstraties/", views.DemonstrationListView.as_view(), name="api-oo-demonstrations"),
    path(f"{P}wedstrijden/", views.MatchListView.as_view(), name="api-oo-matches"),
]
