# SPDX-License-Identifier: EUPL-1.2
"""Casework API, scoped exactly like the pages (`case_visible_qs`): another gemeente's or a
not-visible case answers 404. Lists and details carry pseudonyms only; identities only from
POST .../reveal/ with a reason, audited as `reveal`."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from kompas.core.api_errors import problem_response
from kompas.core.constants import AuditAction, Role
from kompas.core.selectors import municipality_for_api
from kompas.core.services import audit_log

from .. import selectors, services
from ..models import Person
from .serializers import (
    CaseDetailSerializer,
    CaseSerializer,
    IdentitySerializer,
    InterventionSerializer,
    RevealInputSerializer,
)


class _Scoped:
    def gemeente(self):
        municipality, _m = municipality_for_api(
            user=self.request.user, ref=self.kwargs["gemeente"], roles=Role.values
        )
        access = selectors.case_access(user=self.request.user, municipality=municipality)
        if not (access.sees_all or access.is_partner):
            raise Http404
        return municipality

    def case(self):
        return selectors.case_get(
            user=self.request.user, municipality=self.gemeente(), pk=self.kwargs["pk"]
        )


class CaseListView(_Scoped, generics.ListAPIView):
    """The cases the caller may see (pseudonyms, type, tables, status, regisseur)."""

    serializer_class = CaseSerializer

    def get_queryset(self):
        return selectors.case_list(
            user=self.request.user, municipality=self.gemeente()
        ).prefetch_related(Prefetch("persons", Person.objects.only("id", "case_id", "label")))

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        audit_log(
            user=request.user,
            action=AuditAction.VIEW,
            object_type="cases.case_list",
            object_id="api",
            municipality=self.gemeente(),
            note=f"{len(response.data.get('results', []))} casussen (API)",
        )
        return response


class CaseDetailView(_Scoped, generics.RetrieveAPIView):
    """One case (no identity). Audited as a view of the case."""

    serializer_class = CaseDetailSerializer

    def get_object(self):
        case = self.case()
        services.case_read(case=case, user=self.request.user, via="API")
        return case


class CaseInterventionListView(_Scoped, generics.ListAPIView):
    """The case's interventions the caller may see (partners: their own organisation's)."""

    serializer_class = InterventionSerializer

    def get_queryset(self):
        case = self.case()
        services.case_read(case=case, user=self.request.user, via="API interventies")
        return selectors.intervention_list(user=self.request.user, case=case)


class CaseRevealView(_Scoped, APIView):
    @extend_schema(request=RevealInputSerializer, responses=IdentitySerializer(many=True))
    def post(self, request, gemeente, pk):
        """The identities behind the case's pseudonyms, for a reason (audited as `reveal`)."""
        case = self.case()
        data = RevealInputSerializer(data=request.data)
        if not data.is_valid():
            return problem_response(
                request,
                status.HTTP_400_BAD_REQUEST,
                errors={"reason": ["Geef een reden op: waarom is de identiteit nodig?"]},
            )
        try:
            identities = services.person_reveal(
                case=case, user=request.user, reason=data.validated_data["reason"]
            )
        except ValidationError as exc:
            return problem_response(request, status.HTTP_400_BAD_REQUEST, errors=exc.message_dict)
        response = Response(IdentitySerializer(identities, many=True).data)
        response["Cache-Control"] = "no-store, private"
        return response
