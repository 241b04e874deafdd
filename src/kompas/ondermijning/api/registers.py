# SPDX-License-Identifier: EUPL-1.2
"""API of the opkopers (DOR/DOL) and KVO-B business parks of a gemeente (GM code or slug):
internal roles read, staff roles write; partners and other gemeenten get 404."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .. import selectors, services
from ..constants import DealerBranche, KvoLevel
from ..models import Dealer, DealerCheck, KvoPark

DATE_ERRORS = {"invalid": _("Geef een bestaande datum als JJJJ-MM-DD.")}


class DealerCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = DealerCheck
        fields = ["id", "date", "outcome", "text"]


class DealerSerializer(serializers.ModelSerializer):
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    checks = DealerCheckSerializer(many=True, read_only=True)

    class Meta:
        model = Dealer
        fields = [
            "id",
            "gemeente",
            "name",
            "kvk_number",
            "address",
            "branche",
            "dor_required",
            "dor_since",
            "notes",
            "checks",
            "is_demo",
        ]


class DealerInputSerializer(serializers.Serializer):
    """A new opkoper; the KvK number is checked by the service (eight digits, unique)."""

    name = serializers.CharField(max_length=200)
    kvk_number = serializers.CharField(max_length=20)
    address = serializers.CharField(max_length=200)
    branche = serializers.ChoiceField(choices=DealerBranche.choices)
    dor_required = serializers.BooleanField(default=True)
    dor_since = serializers.DateField(required=False, allow_null=True, error_messages=DATE_ERRORS)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class KvoSerializer(serializers.ModelSerializer):
    gemeente = serializers.CharField(source="municipality.code", read_only=True)

    class Meta:
        model = KvoPark
        fields = [
            "id",
            "gemeente",
            "name",
            "level",
            "certified_on",
            "expires_on",
            "next_review",
            "notes",
            "is_demo",
        ]


class KvoInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    level = serializers.ChoiceField(choices=KvoLevel.choices)
    certified_on = serializers.DateField(error_messages=DATE_ERRORS)
    expires_on = serializers.DateField(error_messages=DATE_ERRORS)
    next_review = serializers.DateField(required=False, allow_null=True, error_messages=DATE_ERRORS)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000)


def _drf_error(exc: DjangoValidationError) -> ValidationError:
    return ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)


class _GemeenteList(generics.ListCreateAPIView):
    input_serializer = None

    def municipality(self, write=False):
        municipality, _m = selectors.gemeente_for_api(
            user=self.request.user, gemeente=self.kwargs["gemeente"], write=write
        )
        return municipality

    def create(self, request, *args, **kwargs):
        municipality = self.municipality(write=True)
        serializer = self.input_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            obj = self.save(municipality, dict(serializer.validated_data))
        except DjangoValidationError as exc:
            raise _drf_error(exc) from exc
        return Response(self.get_serializer(obj).data, status=status.HTTP_201_CREATED)


class DealerListView(_GemeenteList):
    """Opkopers of the gemeente by name, with their checks; `q` searches name, KvK number
    and address. POST registers one."""

    serializer_class = DealerSerializer
    input_serializer = DealerInputSerializer

    def get_queryset(self):
        q = self.request.query_params.get("q", "").strip()[:100]
        return selectors.dealer_list(municipality=self.municipality(), q=q).prefetch_related(
            "checks"
        )

    def save(self, municipality, data):
        dealer = services.dealer_save(
            municipality=municipality, dealer=Dealer(), by=self.request.user, fields=data
        )
        return selectors.dealer_list(municipality=municipality).get(pk=dealer.pk)

    @extend_schema(parameters=[OpenApiParameter("q", str, description="Zoeken.")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=DealerInputSerializer, responses={201: DealerSerializer})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


class KvoListView(_GemeenteList):
    """KVO-B business parks of the gemeente, the first certificate to expire first. POST
    registers one; the certificate expires after it was obtained."""

    serializer_class = KvoSerializer
    input_serializer = KvoInputSerializer

    def get_queryset(self):
        return selectors.kvo_list(municipality=self.municipality())

    def save(self, municipality, data):
        return services.kvo_save(
            municipality=municipality, park=KvoPark(), by=self.request.user, fields=data
        )

    @extend_schema(request=KvoInputSerializer, responses={201: KvoSerializer})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


__all__ = ["DealerListView", "KvoListView"]
