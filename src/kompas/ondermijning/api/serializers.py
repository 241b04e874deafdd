# SPDX-License-Identifier: EUPL-1.2
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kompas.core.models import PartnerOrganisation

from ..constants import ControleReason, ControleStatus
from ..models import Branche, Controle, ControleLocation, Finding, UnderminingDay


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ["id", "outcome", "text"]


class LocationSerializer(serializers.ModelSerializer):
    dossier = serializers.PrimaryKeyRelatedField(read_only=True)
    findings = FindingSerializer(many=True, read_only=True)

    class Meta:
        model = ControleLocation
        fields = ["id", "address", "dossier", "findings"]


class ControleSerializer(serializers.ModelSerializer):
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    branche = serializers.SlugRelatedField(slug_field="code", read_only=True)
    partners = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    day = serializers.PrimaryKeyRelatedField(read_only=True)
    locations = LocationSerializer(many=True, read_only=True)

    class Meta:
        model = Controle
        fields = [
            "id",
            "gemeente",
            "date",
            "title",
            "branche",
            "reason",
            "reason_note",
            "day",
            "partners",
            "status",
            "follow_up",
            "locations",
            "is_demo",
        ]


class LocationInputSerializer(serializers.Serializer):
    address = serializers.CharField(max_length=200)
    dossier = serializers.IntegerField(required=False, allow_null=True)
    findings = FindingSerializer(many=True, required=False)


class ControleInputSerializer(serializers.Serializer):
    """A new controle; branche and partners by code, locations with their findings."""

    date = serializers.DateField(
        error_messages={"invalid": _("Geef een bestaande datum als JJJJ-MM-DD.")}
    )
    title = serializers.CharField(max_length=200)
    branche = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Branche.objects.filter(active=True),
        error_messages={"does_not_exist": _("Onbekende branche: {value}.")},
    )
    reason = serializers.ChoiceField(choices=ControleReason.choices)
    reason_note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    day = serializers.IntegerField(required=False, allow_null=True)
    partners = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        required=False,
        queryset=PartnerOrganisation.objects.filter(active=True),
        error_messages={"does_not_exist": _("Onbekende partner: {value}.")},
    )
    status = serializers.ChoiceField(choices=ControleStatus.choices, default=ControleStatus.PLANNED)
    follow_up = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    locations = LocationInputSerializer(many=True, required=False)


class DaySerializer(serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="code", read_only=True)
    host = serializers.CharField(source="host.code", read_only=True)
    host_name = serializers.CharField(source="host.name", read_only=True)
    partners = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    controles = serializers.IntegerField(source="n_controles", read_only=True)

    class Meta:
        model = UnderminingDay
        # Only how many controles were held: their findings stay with their gemeente.
        fields = [
            "id",
            "partnership",
            "date",
            "host",
            "host_name",
            "place",
            "theme",
            "partners",
            "status",
            "controles",
            "is_demo",
        ]
