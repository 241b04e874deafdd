# SPDX-License-Identifier: EUPL-1.2
from rest_framework import serializers

from .. import selectors
from ..models import Demonstration, Match, RiskItem


class RiskItemSerializer(serializers.ModelSerializer):
    review_date = serializers.DateField(source="review_on")
    stale = serializers.SerializerMethodField()
    partners = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = RiskItem
        fields = [
            "id",
            "kind",
            "location_kind",
            "title",
            "theme",
            "level",
            "review_date",
            "stale",
            "partners",
            "closed",
        ]

    def get_stale(self, obj) -> bool:
        return selectors.is_stale(obj)


class DemonstrationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Demonstration
        # No organiser data in the API: it has its own retention and is for the team only.
        fields = ["id", "title", "date", "place", "expected_size", "status", "legal_ground"]


class MatchSerializer(serializers.ModelSerializer):
    class Meta:
        model = Match
        fields = ["id", "date", "opponent", "home", "risk_class"]
