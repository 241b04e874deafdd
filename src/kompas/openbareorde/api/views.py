# SPDX-License-Identifier: EUPL-1.2
"""API of openbare orde under /api/v1/openbareorde/{gemeente}/ (GM code or slug). The risk
inventory answers what the user's screens show, by the same selector and with the same audit
entry as the page (staff with the role for it all, a partner member the items that name their
organisation, whether or not they sit on a table; kompas.openbareorde.selectors.risk_list);
matches and demonstrations are for internal roles. Others get 404."""

from rest_framework import generics

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

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
        self.municipality = municipality
        return selectors.risk_list(municipality=municipality, membership=membership)

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        # Audited like the page's list (views.risk_list): who read the inventory, when.
        audit_log(
            user=request.user,
            action=AuditAction.VIEW,
            object_type="openbareorde.riskitem",
            municipality=self.municipality,
            note="risico-inventarisatie (API)",
        )
        return response


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
