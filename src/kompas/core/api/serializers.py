# SPDX-License-Identifier: EUPL-1.2
from rest_framework import serializers

from ..models import Municipality, Region


class MunicipalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["code", "name", "slug"]


class RegionRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["code", "name", "level"]


class RegionSerializer(serializers.ModelSerializer):
    parent = RegionRefSerializer(read_only=True)
    children = serializers.SerializerMethodField()

    class Meta:
        model = Region
        fields = ["code", "name", "level", "parent", "children"]

    def get_children(self, obj) -> list[dict]:
        return RegionRefSerializer(obj.children.order_by("code"), many=True).data
