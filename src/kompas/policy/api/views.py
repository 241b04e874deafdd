# SPDX-License-Identifier: EUPL-1.2
"""API of the policy app under /api/v1/plans/{gemeente}/. Reads for lezer, adviseur and
beheerder; writes (actions, progress updates, events) for adviseur and beheerder. Another
gemeente, or a partner member, gets 404."""

from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from kompas.core.constants import INTERNAL_ROLES, STAFF_ROLES
from kompas.core.selectors import municipality_for_api

from .. import selectors, services
from .serializers import (
    ActionInputSerializer,
    ActionSerializer,
    ActionUpdateSerializer,
    EventSerializer,
    NormStatusSerializer,
)

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


class GemeenteMixin:
    def gemeente(self):
        roles = STAFF_ROLES if self.request.method in WRITE_METHODS else INTERNAL_ROLES
        municipality, _m = municipality_for_api(
            user=self.request.user, ref=self.kwargs["gemeente"], roles=roles
        )
        return municipality

    def plan(self, municipality):
        plan = selectors.plan_current(municipality=municipality)
        if plan is None:
            raise Http404
        return plan


def _django_error(exc: DjangoValidationError):
    return ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)


class PlanView(GemeenteMixin, APIView):
    """The current plan of the gemeente in the plan-file format (docs/plan-format.md)."""

    @extend_schema(responses={200: dict})
    def get(self, request, gemeente):
        plan = self.plan(self.gemeente())
        return Response(services.plan_document(plan=plan))


class ActionListView(GemeenteMixin, generics.ListAPIView):
    serializer_class = ActionSerializer

    def get_queryset(self):
        municipality = self.gemeente()
        params = self.request.query_params
        return selectors.action_list(
            municipality=municipality,
            plan=self.plan(municipality),
            status=params.get("status") or None,
            priority=int(params["priority"]) if params.get("priority", "").isdigit() else None,
            execution_plan=params.get("execution_plan", ""),
            q=params.get("q", ""),
        )

    @extend_schema(request=ActionInputSerializer, responses={201: ActionSerializer})
    def post(self, request, gemeente):
        municipality = self.gemeente()
        plan = self.plan(municipality)
        serializer = ActionInputSerializer(data=request.data, plan=plan)
        serializer.is_valid(raise_exception=True)
        try:
            action = services.action_create(plan=plan, by=request.user, **serializer.validated_data)
        except DjangoValidationError as exc:
            raise _django_error(exc) from exc
        return Response(ActionSerializer(action).data, status=status.HTTP_201_CREATED)


class ActionDetailView(GemeenteMixin, APIView):
    @extend_schema(responses={200: ActionSerializer})
    def get(self, request, gemeente, pk):
        action = selectors.action_get(municipality=self.gemeente(), pk=pk)
        return Response(ActionSerializer(action).data)

    @extend_schema(request=ActionInputSerializer, responses={200: ActionSerializer})
    def patch(self, request, gemeente, pk):
        action = selectors.action_get(municipality=self.gemeente(), pk=pk)
        serializer = ActionInputSerializer(
            action, data=request.data, partial=True, plan=action.plan
        )
        serializer.is_valid(raise_exception=True)
        changes = {k: v for k, v in serializer.validated_data.items() if k in request.data}
        try:
            services.action_edit(action=action, by=request.user, **changes)
        except DjangoValidationError as exc:
            raise _django_error(exc) from exc
        action.refresh_from_db()
        return Response(ActionSerializer(action).data)


class ActionUpdateListView(GemeenteMixin, generics.ListCreateAPIView):
    serializer_class = ActionUpdateSerializer

    def target_action(self):
        return selectors.action_get(municipality=self.gemeente(), pk=self.kwargs["pk"])

    def get_queryset(self):
        return selectors.action_update_list(action=self.target_action())

    def create(self, request, *args, **kwargs):
        action = self.target_action()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        update = services.action_update_add(
            action=action, by=request.user, **serializer.validated_data
        )
        return Response(self.get_serializer(update).data, status=status.HTTP_201_CREATED)


class NormListView(GemeenteMixin, APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("peildatum", str, description="JJJJ-MM-DD; standaard vandaag")
        ],
        responses={200: NormStatusSerializer(many=True)},
    )
    def get(self, request, gemeente):
        municipality = self.gemeente()
        on = selectors.today()
        if request.query_params.get("peildatum"):
            try:
                on = date.fromisoformat(request.query_params["peildatum"])
            except ValueError as exc:
                raise ValidationError({"peildatum": "Gebruik de vorm JJJJ-MM-DD."}) from exc
        plan = selectors.plan_current(municipality=municipality, on=on)
        if plan is None:
            raise Http404
        statuses = selectors.norm_status_list(municipality=municipality, on=on, plan=plan)
        flag = selectors.plan_flag(plan=plan, on=on)
        return Response(
            {
                "plan": plan.short_name,
                "peildatum": on.isoformat(),
                "plan_flag": {"flagged": flag.flagged, "reasons": flag.reasons},
                "results": NormStatusSerializer(statuses, many=True).data,
            }
        )


class EventListView(GemeenteMixin, generics.ListCreateAPIView):
    serializer_class = EventSerializer

    def get_queryset(self):
        return selectors.event_list(
            municipality=self.gemeente(), kind=self.request.query_params.get("kind", "")
        )

    def create(self, request, *args, **kwargs):
        municipality = self.gemeente()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        owned = selectors.register_event_kinds()
        if data["kind"] in owned:
            raise ValidationError(
                {
                    "kind": f"Deze soort legt het register {owned[data['kind']]} zelf vast; "
                    "registreer hem daar."
                }
            )
        code = (data.get("partnership") or {}).get("code")
        partnership = (
            selectors.partnership_find(municipality=municipality, code=code) if code else None
        )
        if code and partnership is None:
            raise ValidationError({"partnership": "Deze gemeente neemt daar niet aan deel."})
        event = services.event_register(
            kind=data["kind"],
            date=data["date"],
            counts_for=data.get("counts_for"),
            title=data["title"],
            municipality=None if partnership else municipality,
            partnership=partnership,
            by=request.user,
        )
        return Response(self.get_serializer(event).data, status=status.HTTP_201_CREATED)
