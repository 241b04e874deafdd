# SPDX-License-Identifier: EUPL-1.2
"""API of fenomenen under /api/v1/ondermijning/<gemeente>/ (GM code or slug): the
fenomenenkeuze per year and voorlichting en weerbaarheid. Internal roles read, staff roles
write; partners and other gemeenten get 404."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from kompas.core.api.params import year_param

from .. import selectors, services
from ..models import Activity, PhenomenonChoice
from .serializers import (
    ActivityInputSerializer,
    ActivitySerializer,
    KeuzeInputSerializer,
    KeuzeSerializer,
)

JAAR = OpenApiParameter("jaar", int, description="Alleen dit jaar (JJJJ).")


def _year(request) -> int | None:
    return year_param(request)


def _save(call):
    try:
        return call()
    except DjangoValidationError as exc:
        raise ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        ) from exc


class KeuzeListView(generics.ListCreateAPIView):
    """Fenomenenkeuzes of the gemeente, newest year first. POST records one; vastgesteld
    (with decision date and body) registers the `fenomenenkeuze` norm event."""

    serializer_class = KeuzeSerializer

    def get_queryset(self):
        municipality, _m = selectors.gemeente_for_api(
            user=self.request.user, gemeente=self.kwargs["gemeente"]
        )
        qs = selectors.keuze_list(municipality=municipality)
        year = _year(self.request)
        return qs.filter(year=year) if year else qs

    @extend_schema(parameters=[JAAR])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=KeuzeInputSerializer, responses={201: KeuzeSerializer})
    def post(self, request, gemeente):
        municipality, _m = selectors.gemeente_for_api(
            user=request.user, gemeente=gemeente, write=True
        )
        serializer = KeuzeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["free_phenomena"] = "\n".join(data.pop("free_phenomena", []))
        keuze = _save(
            lambda: services.keuze_save(
                municipality=municipality, keuze=PhenomenonChoice(), by=request.user, fields=data
            )
        )
        return Response(KeuzeSerializer(keuze).data, status=status.HTTP_201_CREATED)


class ActivityListView(generics.ListCreateAPIView):
    """Voorlichting and weerbaarheid activities of the gemeente, newest first. POST records
    one."""

    serializer_class = ActivitySerializer

    def get_queryset(self):
        municipality, _m = selectors.gemeente_for_api(
            user=self.request.user, gemeente=self.kwargs["gemeente"]
        )
        return selectors.activity_list(municipality=municipality, year=_year(self.request))

    @extend_schema(parameters=[JAAR])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=ActivityInputSerializer, responses={201: ActivitySerializer})
    def post(self, request, gemeente):
        municipality, _m = selectors.gemeente_for_api(
            user=request.user, gemeente=gemeente, write=True
        )
        serializer = ActivityInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        activity = _save(
            lambda: services.activity_save(
                municipality=municipality,
                activity=Activity(),
                by=request.user,
                fields=dict(serializer.validated_data),
            )
        )
        return Response(ActivitySerializer(activity).data, status=status.HTTP_201_CREATED)
