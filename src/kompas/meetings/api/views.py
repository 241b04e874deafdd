# SPDX-License-Identifier: EUPL-1.2
"""Read-only API of overleggen, scoped exactly like the pages: the caller's gemeente (404
otherwise) and, for partners and lezers, only the series they are a member of. Signal content
is not part of this API; partners read it on the item page, where the view is audited."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from kompas.core.constants import AuditAction, Role
from kompas.core.selectors import municipality_for_api
from kompas.core.services import audit_log

from .. import selectors
from ..constants import MeetingStatus
from .serializers import MeetingDetailSerializer, MeetingSerializer, MeetingSeriesSerializer


class _Scoped:
    def scope(self) -> dict:
        municipality, membership = municipality_for_api(
            user=self.request.user, ref=self.kwargs["gemeente"], roles=Role.values
        )
        return {"user": self.request.user, "municipality": municipality, "membership": membership}


class SeriesListView(_Scoped, generics.ListAPIView):
    """The overleggen (series) of the gemeente that the caller may see, with their members."""

    serializer_class = MeetingSeriesSerializer

    def get_queryset(self):
        return selectors.series_list_with_members(**self.scope())


@extend_schema(
    parameters=[
        OpenApiParameter("status", str, enum=MeetingStatus.values, description="alleen deze status")
    ]
)
class MeetingListView(_Scoped, generics.ListAPIView):
    """Meetings of the series the caller may see, newest first. Filter: `?status=gepland`."""

    serializer_class = MeetingSerializer

    def get_queryset(self):
        status = self.request.query_params.get("status") or ""
        return selectors.meeting_list(status=status, **self.scope())


class MeetingDetailView(_Scoped, generics.RetrieveAPIView):
    """One meeting with its agenda items, minutes, decisions and follow-up actions."""

    serializer_class = MeetingDetailSerializer

    def get_object(self):
        scope = self.scope()
        meeting = selectors.meeting_get(pk=self.kwargs["pk"], **scope)
        audit_log(
            user=self.request.user,
            action=AuditAction.VIEW,
            obj=meeting,
            municipality=scope["municipality"],
            note="via API",
        )
        return meeting
