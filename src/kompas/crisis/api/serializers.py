# SPDX-License-Identifier: EUPL-1.2
from rest_framework import serializers

from ..constants import Readiness
from ..models import OtoActivity


class FunctionReadinessSerializer(serializers.Serializer):
    code = serializers.CharField(source="function.code")
    name = serializers.CharField(source="function.name")
    required = serializers.IntegerField()
    qualified_available = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Readiness.values)


class OtoActivitySerializer(serializers.ModelSerializer):
    functions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = OtoActivity
        fields = ["id", "title", "kind", "level", "date", "status", "functions"]
