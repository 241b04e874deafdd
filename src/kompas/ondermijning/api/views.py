# SPDX-License-Identifier: EUPL-1.2
"""API of ondermijning under /api/v1/ondermijning/. Controles of a gemeente (GM code or
slug): internal roles read, staff roles write; partners and other gemeenten get 404. The days
of a samenwerkingsverband: internal roles of a member gemeente, with counts of controles only."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from kompas.core.api.params import year_param

from .. import selectors, services
from ..models import Controle
from .serializers import ControleInputSerializer, ControleSerializer, DaySerializer

JAAR = OpenApiParameter("jaar", int, description="Alleen dit jaar (JJJJ).")


def _year(request) -> int | None:
    return year_param(request)


class ControleListView(generics.ListCreateAPIView):
    """Integrale controles of the gemeente, newest first, with locations and findings. POST
    registers one (branche and partners by code); uitgevoerd registers the norm event."""

    serializer_class = ControleSerializer

    def get_queryset(self):
        municipality, _m = selectors.gemeente_for_api(
            user=self.request.user, gemeente=self.kwargs["gemeente"]
        )
        qs = selectors.controle_list(
            municipality=municipality,
            year=_year(self.request),
            status=self.request.query_params.get("status", ""),
        )
        return qs.prefetch_related("partners", "locations__findings")

    @extend_schema(parameters=[JAAR])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=ControleInputSerializer, responses={201: ControleSerializer})
    def post(self, request, gemeente):
        municipality, _m = selectors.gemeente_for_api(
            user=request.user, gemeente=gemeente, write=True
        )
        serializer = ControleInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        partners = data.pop("partners", [])
        locations = data.pop("locations", [])
        day = data.pop("day", None)
        if day is not None:
            data["day"] = selectors.day_choices(municipality=municipality).filter(pk=day).first()
            if data["day"] is None:
                raise ValidationError({"day": "Onbekende ondermijningsdag."})
        dossiers = selectors.dossier_list(municipality=municipality)
        rows = []
        for row in locations:
            dossier = None
            if row.get("dossier"):
                dossier = dossiers.filter(pk=row["dossier"]).first()
                if dossier is None:
                    raise ValidationError({"locations": "Onbekend dossier van het meldpunt."})
            rows.append({"address": row["address"], "dossier": dossier})
        try:
            controle = services.controle_save_with_findings(
                municipality=municipality,
                controle=Controle(),
                by=request.user,
                fields=data,
                partners=partners,
                locations=rows,
                findings=[row.get("findings", []) for row in locations],
            )
        except DjangoValidationError as exc:
            raise ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc
        controle = selectors.controle_get(municipality=municipality, pk=controle.pk)
        return Response(ControleSerializer(controle).data, status=status.HTTP_201_CREATED)


class PartnershipDayListView(generics.ListAPIView):
    """Ondermijningsdagen of a samenwerkingsverband, by date; per day how many controles."""

    serializer_class = DaySerializer

    def get_queryset(self):
        partnership = selectors.partnership_for_user(
            user=self.request.user, code=self.kwargs["code"]
        )
        return selectors.day_list(partnerships=[partnership], year=_year(self.request))

    @extend_schema(parameters=[JAAR])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
