# SPDX-License-Identifier: EUPL-1.2
from rest_framework import generics

from kompas.core.constants import INTERNAL_ROLES
from kompas.core.selectors import municipality_for_api

from .. import selectors
from .serializers import ReportOutputSerializer


class ReportListApi(generics.ListAPIView):
    """The reports of a gemeente (metadata and SHA-256 of the sent PDF)."""

    serializer_class = ReportOutputSerializer

    def get_queryset(self):
        municipality, _m = municipality_for_api(
            user=self.request.user, ref=self.kwargs["gemeente"], roles=INTERNAL_ROLES
        )
        return selectors.report_list(municipality=municipality)
