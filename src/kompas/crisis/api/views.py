# SPDX-License-Identifier: EUPL-1.2
"""API of the crisis organisation under /api/v1/crisis/{gemeente}/ (GM code or slug).
Internal roles read; partners and other gemeenten get 404."""

from datetime import date

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors
from .serializers import FunctionReadinessSerializer, OtoActivitySerializer

PEILDATUM = OpenApiParameter(
    "peildatum",
    str,
    description="Datum (JJJJ-MM-DD) waarop de paraatheid wordt bepaald; standaard vandaag.",
)


class FunctionReadinessView(APIView):
    """Per key function: how many qualified, available people it has against its minimum."""

    @extend_schema(parameters=[PEILDATUM], responses={200: FunctionReadinessSerializer(many=True)})
    def get(self, request, gemeente):
        owner = selectors.owner_for_api(user=request.user, gemeente=gemeente)
        value = request.query_params.get("peildatum")
        try:
            on = date.fromisoformat(value) if value else None
        except ValueError as exc:
            raise ValidationError({"peildatum": "Geef een datum als JJJJ-MM-DD."}) from exc
        rows = selectors.readiness(owner=owner, on=on)
        return Response(FunctionReadinessSerializer(rows, many=True).data)


class OtoActivityListView(generics.ListAPIView):
    """OTO activities (opleiden, trainen, oefenen) of the gemeente, newest first."""

    serializer_class = OtoActivitySerializer

    def get_queryset(self):
        owner = selectors.owner_for_api(user=self.request.user, gemeente=self.kwargs["gemeente"])
        return selectors.oto_list(owner=owner)
