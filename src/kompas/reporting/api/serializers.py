# SPDX-License-Identifier: EUPL-1.2
from rest_framework import serializers

from ..models import Report


class ReportOutputSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Report
        fields = [
            "id",
            "kind",
            "kind_label",
            "title",
            "period_start",
            "period_end",
            "period_label",
            "version",
            "status",
            "status_label",
            "sent_at",
            "sha256",
        ]
