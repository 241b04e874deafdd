# SPDX-License-Identifier: EUPL-1.2
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kompas.signals.constants import Phenomenon

from ..constants import TOPIC_CHOICES, ActivityType, DecisionBody, KeuzeStatus
from ..models import Activity, PhenomenonChoice

DATE_ERRORS = {"invalid": _("Geef een bestaande datum als JJJJ-MM-DD.")}


class KeuzeSerializer(serializers.ModelSerializer):
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    phenomena = serializers.ListField(child=serializers.CharField(), read_only=True)
    free_phenomena = serializers.ListField(
        source="free_list", child=serializers.CharField(), read_only=True
    )

    class Meta:
        model = PhenomenonChoice
        fields = [
            "id",
            "gemeente",
            "year",
            "phenomena",
            "free_phenomena",
            "partner_input",
            "status",
            "decision_date",
            "decided_by",
            "note",
            "is_demo",
        ]


class KeuzeInputSerializer(serializers.Serializer):
    """A new fenomenenkeuze; phenomena by the meldpunt's codes, free ones as text."""

    year = serializers.IntegerField(min_value=2000, max_value=2100)
    phenomena = serializers.ListField(
        child=serializers.ChoiceField(
            choices=Phenomenon.choices,
            error_messages={"invalid_choice": _("Onbekend fenomeen: {input}.")},
        ),
        required=False,
    )
    free_phenomena = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False
    )
    partner_input = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    status = serializers.ChoiceField(choices=KeuzeStatus.choices, default=KeuzeStatus.DRAFT)
    decision_date = serializers.DateField(
        required=False, allow_null=True, error_messages=DATE_ERRORS
    )
    decided_by = serializers.ChoiceField(
        choices=DecisionBody.choices, required=False, allow_blank=True
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class ActivitySerializer(serializers.ModelSerializer):
    gemeente = serializers.CharField(source="municipality.code", read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "gemeente",
            "date",
            "title",
            "activity_type",
            "topic",
            "people",
            "organisations",
            "materials",
            "is_demo",
        ]


class ActivityInputSerializer(serializers.Serializer):
    date = serializers.DateField(error_messages=DATE_ERRORS)
    title = serializers.CharField(max_length=200)
    activity_type = serializers.ChoiceField(choices=ActivityType.choices)
    topic = serializers.ChoiceField(choices=TOPIC_CHOICES)
    people = serializers.IntegerField(min_value=0, default=0)
    organisations = serializers.IntegerField(min_value=0, default=0)
    materials = serializers.CharField(required=False, allow_blank=True, max_length=2000)
