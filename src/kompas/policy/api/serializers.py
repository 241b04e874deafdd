# SPDX-License-Identifier: EUPL-1.2
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .. import selectors
from ..constants import ACTION_EDITABLE_FIELDS, ActionStatus, EventKind
from ..models import Action, ActionUpdate, Event


class ActionUpdateSerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(source="created_by.username", default=None, read_only=True)

    class Meta:
        model = ActionUpdate
        fields = ["id", "date", "text", "status", "created_by", "created_at"]
        read_only_fields = ["id", "created_by", "created_at"]


class ActionSerializer(serializers.ModelSerializer):
    priority = serializers.IntegerField(source="priority.number")
    execution_plan = serializers.CharField(source="execution_plan.key")
    owner_user = serializers.CharField(source="owner_user.username", default=None)

    class Meta:
        model = Action
        fields = ["id", "key", *ACTION_EDITABLE_FIELDS, "origin", "is_demo", "updated_at"]


class ActionInputSerializer(serializers.Serializer):
    """Fields an adviseur may set. On PATCH every field is optional."""

    priority = serializers.IntegerField(min_value=1)
    execution_plan = serializers.SlugField()
    title = serializers.CharField(max_length=300)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    owner = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    partners = serializers.ListField(child=serializers.SlugField(), required=False, default=list)
    start = serializers.DateField(required=False, allow_null=True, default=None)
    due = serializers.DateField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=ActionStatus.choices, default=ActionStatus.PLANNED)

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def validate_priority(self, value):
        priority = selectors.priority_find(plan=self.plan, number=value)
        if priority is None:
            raise serializers.ValidationError(
                _("Prioriteit %(n)s bestaat niet in dit plan.") % {"n": value}
            )
        return priority

    def validate_execution_plan(self, value):
        ep = selectors.execution_plan_find(plan=self.plan, key=value)
        if ep is None:
            raise serializers.ValidationError(
                _("Uitvoeringsplan %(k)s bestaat niet in dit plan.") % {"k": value}
            )
        return ep

    def validate_partners(self, value):
        unknown = selectors.partner_codes_unknown(value)
        if unknown:
            raise serializers.ValidationError(
                _("Onbekende partner: %(p)s") % {"p": ", ".join(unknown)}
            )
        return value

    # Rules across fields (due after start, no duplicate title) live in the service.


class NormStatusSerializer(serializers.Serializer):
    code = serializers.CharField(source="norm.code")
    title = serializers.CharField(source="norm.title")
    qualifier = serializers.CharField(source="norm.qualifier")
    period = serializers.CharField(source="norm.period")
    scope = serializers.CharField(source="norm.scope")
    partnership = serializers.CharField(source="norm.partnership.code", default=None)
    event_kind = serializers.CharField(source="norm.event_kind")
    source = serializers.CharField(source="norm.source")
    period_start = serializers.DateField(source="start")
    period_end = serializers.DateField(source="end")
    required = serializers.IntegerField()
    done = serializers.IntegerField()
    remaining = serializers.IntegerField()
    status = serializers.CharField(source="state")
    status_label = serializers.CharField(source="state_label")
    next_due = serializers.DateField()
    late_since = serializers.DateField(
        allow_null=True, help_text="next_due when it has passed: the norm is late since then"
    )


class EventSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code", default=None, read_only=True)
    partnership = serializers.SlugField(
        source="partnership.code", default=None, required=False, allow_null=True
    )
    kind = serializers.ChoiceField(choices=EventKind.choices)

    class Meta:
        model = Event
        fields = [
            "id",
            "kind",
            "date",
            "counts_for",
            "title",
            "municipality",
            "partnership",
            "source_type",
            "source_id",
            "is_demo",
        ]
        read_only_fields = ["id", "municipality", "source_type", "source_id", "is_demo"]
