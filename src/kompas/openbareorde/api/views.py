# SPDX-License-Identifier: EUPL-1.2
"""API of openbare orde under /api/v1/openbareorde/{gemeente}/ (GM code or slug). The risk
inventory answers what the user's screens show (staff all, partners their items); matches and
demonstrations are for internal roles. Others get 404."""

from rest_framework import generics

from .. import selectors
from .serializers import DemonstrationSerializer, MatchSerializer, RiskItemSerializer


class RiskItemListView(generics.ListAPIView):
    """Open items of the maatschappelijke-onrust risk inventory; `stale` when the review date
    has passed."""

    serializer_class = RiskItemSerializer

    def get_queryset(self):
        municipality, membership = selectors.gemeente_for_api(
            user=self.request.user, gemeente=self.kwargs["gemeente"], inventory=True
        )
        return selectors.risk_list(municipality=municipality, membership=membership)


class DemonstrationListView(generics.ListAPIView):
    serializer_class = DemonstrationSerializer

    def get_queryset(self):
        municipality, _m = selectors.gemeente_for_api(
            user=self.request.user, gemeente=self.kwargs["gemeente"]
        )
        return selectors.demonstration_list(municipality=municipality)


class MatchListView(generics.ListAPIView):
    serializer_class = MatchSerializer

    def get_queryset(self):
        municipality, _m = selectors.gemeente_for_api(
            user=self.request.user, gemeente=self.kwargs["gemeente"]
        )
        return selectors.match_list(municipality=municipality)
