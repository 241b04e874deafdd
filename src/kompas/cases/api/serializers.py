# SPDX-License-Identifier: EUPL-1.2
"""Output and input of the casework API. No identity anywhere except RevealSerializer."""

from rest_framework import serializers

from ..models import Case, Intervention


class InterventionSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner_label", read_only=True)

    class Meta:
        model = Intervention
        fields = ["id", "description", "owner", "due_date", "status", "result"]


class CaseSerializer(serializers.ModelSerializer):
    pseudonyms = serializers.SerializerMethodField()
    tables = serializers.SerializerMethodField()
    regisseur = serializers.CharField(source="regisseur_label", read_only=True)

    class Meta:
        model = Case
        fields = ["id", "number", "pseudonyms", "case_type", "status", "tables", "regisseur"]

    def get_pseudonyms(self, obj) -> list[str]:
        return [f"{obj.number} persoon {p.label}" for p in obj.persons.all()]

    def get_tables(self, obj) -> list[str]:
        return [li.series.name for li in getattr(obj, "open_listings", [])]


class CaseDetailSerializer(CaseSerializer):
    legal_ground = serializers.SerializerMethodField()
    close_reason = serializers.CharField(read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "subject_kind", "legal_ground", "close_reason"]

    def get_legal_ground(self, obj) -> dict | None:
        if not obj.has_legal_ground:
            return None
        return {
            "kind": obj.legal_ground_kind,
            "name": obj.legal_ground_name,
            "date": obj.legal_ground_date.isoformat(),
        }


class RevealInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class IdentitySerializer(serializers.Serializer):
    pseudonym = serializers.CharField()
    name = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    address = serializers.CharField()
    bsn = serializers.CharField()
