# SPDX-License-Identifier: EUPL-1.2
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..constants import Grain


class SeriesQuerySerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text=_("bijv. politie-misdrijven:0.0.0"))
    region = serializers.CharField(help_text=_("CBS-code: GM0074, WK007401, BU00740101, NL01"))
    gemeente = serializers.CharField(
        required=False,
        help_text=_("Uw gemeente (GM-code); nodig voor regio's buiten uw gemeenten (open data)."),
    )
    grain = serializers.ChoiceField(choices=Grain.values, default=Grain.YEAR)
    per_1000 = serializers.BooleanField(default=False)
    # `from` is a Python keyword; the query parameter is mapped in the view.
    year_from = serializers.IntegerField(required=False, min_value=1900, max_value=2100)
    year_to = serializers.IntegerField(required=False, min_value=1900, max_value=2100)

    def validate(self, attrs):
        start, end = attrs.get("year_from"), attrs.get("year_to")
        if start is not None and end is not None and start > end:
            raise serializers.ValidationError(
                {"year_to": _("Het eindjaar ligt vóór het beginjaar.")}
            )
        return attrs


class PointSerializer(serializers.Serializer):
    period = serializers.CharField()
    value = serializers.FloatField(allow_null=True)


class SeriesSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    region = serializers.CharField()
    grain = serializers.CharField()
    per_1000 = serializers.BooleanField()
    source = serializers.ChoiceField(
        choices=["import", "landelijk"],
        help_text=_(
            "import: de geïmporteerde cijfers; landelijk: de landelijke politietabel "
            "(alleen jaarcijfers van politie-misdrijven, als er geen import is)."
        ),
    )
    points = PointSerializer(many=True)


class TargetSerializer(serializers.Serializer):
    code = serializers.CharField(source="target.code")
    plan = serializers.CharField(source="target.plan_short_name")
    priority = serializers.IntegerField(source="target.priority_number", allow_null=True)
    goal = serializers.CharField(source="target.goal_ref")
    indicator = serializers.CharField(source="target.indicator.code")
    region = serializers.CharField(source="target.region_code")
    rule = serializers.CharField(source="target.rule_kind")
    deadline = serializers.DateField(source="target.deadline", allow_null=True)
    status = serializers.CharField()
    explanation = serializers.CharField(source="sentence")
