# SPDX-License-Identifier: EUPL-1.2
from rest_framework import serializers

from ..models import AgendaItem, FollowUpAction, Meeting, MeetingSeries, SeriesMember


class SeriesMemberSerializer(serializers.ModelSerializer):
    kind = serializers.SerializerMethodField()
    name = serializers.SerializerMethodField()
    partner_code = serializers.CharField(source="partner.code", default=None, read_only=True)
    username = serializers.CharField(source="user.username", default=None, read_only=True)

    class Meta:
        model = SeriesMember
        fields = ["kind", "name", "username", "partner_code", "role"]

    def get_kind(self, obj) -> str:
        return "persoon" if obj.user_id else "organisatie"

    def get_name(self, obj) -> str:
        return str(obj)


class MeetingSeriesSerializer(serializers.ModelSerializer):
    members = SeriesMemberSerializer(many=True, read_only=True)

    class Meta:
        model = MeetingSeries
        fields = ["id", "name", "kind", "confidentiality", "description", "active", "members"]


class MeetingSerializer(serializers.ModelSerializer):
    series = serializers.PrimaryKeyRelatedField(read_only=True)
    series_name = serializers.CharField(source="series.name", read_only=True)
    item_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "series", "series_name", "starts_at", "location", "status", "item_count"]


class FollowUpActionSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner_label", read_only=True)

    class Meta:
        model = FollowUpAction
        fields = ["id", "description", "owner", "due_date", "status"]


class AgendaItemSerializer(serializers.ModelSerializer):
    actions = FollowUpActionSerializer(many=True, read_only=True)
    signal = serializers.SerializerMethodField()
    dossier = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "order",
            "kind",
            "title",
            "signal",
            "dossier",
            "minutes",
            "decisions",
            "actions",
        ]

    def get_signal(self, obj) -> int | None:
        return getattr(obj, "signal_id", None)

    def get_dossier(self, obj) -> int | None:
        return getattr(obj, "dossier_id", None)


class MeetingDetailSerializer(MeetingSerializer):
    items = AgendaItemSerializer(many=True, read_only=True)
    confidentiality = serializers.CharField(source="series.confidentiality", read_only=True)

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "confidentiality", "items"]
