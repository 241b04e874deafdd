# SPDX-License-Identifier: EUPL-1.2
"""Output and input of the casework API. No identity anywhere except RevealSerializer."""

from rest_framework import serializers

from ..constants import BIBOB_FIELDS, BibobOutcome, MeasureKind, MeasureStatus
from ..models import Case, Intervention, Measure


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


class MeasureSerializer(serializers.ModelSerializer):
    """One measure of the register. Case by number, dossier and signals by id, no person."""

    case = serializers.CharField(
        source="case.number", read_only=True, default=None, allow_null=True
    )
    controle_id = serializers.IntegerField(read_only=True, allow_null=True)
    signals = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Measure
        fields = [
            "id",
            "kind",
            "category",
            "status",
            "date",
            "legal_article",
            "decided_by",
            "description",
            "case",
            "dossier",
            "signals",
            "controle_id",
            "end_date",
            "review_date",
            *BIBOB_FIELDS,
            "closure_date",
            "closure_months",
            "reopening_date",
            "penalty_amount",
            "compliance_until",
            "is_demo",
        ]


class MeasureInputSerializer(serializers.Serializer):
    """A new measure; the service checks dates and amounts (Dutch errors per field)."""

    kind = serializers.ChoiceField(choices=MeasureKind.choices)
    date = serializers.DateField()
    status = serializers.ChoiceField(choices=MeasureStatus.choices, required=False)
    legal_article = serializers.CharField(max_length=200, required=False, allow_blank=True)
    decided_by = serializers.CharField(max_length=150, required=False)
    description = serializers.CharField(max_length=300, required=False, allow_blank=True)
    case = serializers.IntegerField(required=False, allow_null=True)
    dossier = serializers.IntegerField(required=False, allow_null=True)
    signals = serializers.ListField(child=serializers.IntegerField(), required=False)
    controle_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    end_date = serializers.DateField(required=False, allow_null=True)
    review_date = serializers.DateField(required=False, allow_null=True)
    bibob_application = serializers.CharField(max_length=150, required=False, allow_blank=True)
    bibob_permit = serializers.CharField(max_length=150, required=False, allow_blank=True)
    bibob_requested_on = serializers.DateField(required=False, allow_null=True)
    bibob_advice_due = serializers.DateField(required=False, allow_null=True)
    bibob_advice_on = serializers.DateField(required=False, allow_null=True)
    bibob_outcome = serializers.ChoiceField(
        choices=BibobOutcome.choices, required=False, allow_blank=True
    )
    closure_date = serializers.DateField(required=False, allow_null=True)
    closure_months = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=120
    )
    reopening_date = serializers.DateField(required=False, allow_null=True)
    penalty_amount = serializers.DecimalField(
        max_digits=10, decimal_places=2, required=False, allow_null=True
    )
    compliance_until = serializers.DateField(required=False, allow_null=True)
