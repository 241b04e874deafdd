# SPDX-License-Identifier: EUPL-1.2
"""API of the measures register under /api/v1/ondermijning/{gemeente}/maatregelen/ (the
bestuurlijke maatregelen of issue 13 and the burgemeester's instruments: one model, in cases).
Scoped like the pages: the gemeente's own roles read (MEASURE_ROLES) and write
(MEASURE_WRITE_ROLES); partners and other gemeenten get 404; Bibob files exist only for the
bibob-coördinator, and every view of one is audited."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from kompas.core.constants import Role
from kompas.core.selectors import municipality_get_for_user
from kompas.signals import selectors as signals_selectors

from .. import selectors, services
from ..constants import MeasureCategory
from .serializers import MeasureInputSerializer, MeasureSerializer

PARAMETERS = [
    OpenApiParameter("jaar", int, description="Alleen besluiten van dit jaar (JJJJ)."),
    OpenApiParameter("soort", str, description="Alleen dit instrument of deze maatregel."),
    OpenApiParameter(
        "categorie", str, enum=MeasureCategory.values, description="burgemeester of bestuurlijk"
    ),
]


def _gemeente(request, slug, *, write: bool = False):
    municipality, _m = municipality_get_for_user(user=request.user, slug=slug, roles=Role.values)
    role = selectors.measure_role(user=request.user, municipality=municipality)
    if role not in (selectors.MEASURE_WRITE_ROLES if write else selectors.MEASURE_ROLES):
        raise Http404
    return municipality


def _year(request) -> int | None:
    value = request.query_params.get("jaar", "")
    if value and not value.isdigit():
        raise ValidationError({"jaar": ["Geef een jaar als JJJJ."]})
    return int(value) if value else None


def _links(*, user, municipality, data: dict) -> dict:
    """Case, dossier and signals by id, only the gemeente's own (and visible) ones."""
    found = {}
    lookups = {
        "case": selectors.case_choices_for_measures(user=user, municipality=municipality),
        "dossier": signals_selectors.dossier_list(municipality=municipality),
    }
    for name, qs in lookups.items():
        if data.get(name):
            found[name] = qs.filter(pk=data[name]).first()
            if found[name] is None:
                raise ValidationError({name: ["Onbekend bij deze gemeente."]})
        elif name in data:
            found[name] = None
    ids = set(data.get("signals") or [])
    signals = list(signals_selectors.signal_list(municipality=municipality).filter(pk__in=ids))
    if len(signals) != len(ids):
        raise ValidationError(
            {"signals": ["Een of meer meldingen zijn onbekend bij deze gemeente."]}
        )
    found["signals"] = signals
    return found


class MeasureListView(generics.ListCreateAPIView):
    """The register's measures the caller may see, newest first. POST registers one."""

    serializer_class = MeasureSerializer

    def get_queryset(self):
        municipality = _gemeente(self.request, self.kwargs["gemeente"])
        return selectors.measure_list(
            user=self.request.user,
            municipality=municipality,
            year=_year(self.request),
            kind=self.request.query_params.get("soort", ""),
            category=self.request.query_params.get("categorie", ""),
        ).prefetch_related("signals")

    @extend_schema(parameters=PARAMETERS)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        page = getattr(self.paginator, "page", None)
        shown = list(page) if page is not None else []
        services.measures_read(measures=shown, user=request.user, via="API lijst")
        return response

    @extend_schema(request=MeasureInputSerializer, responses={201: MeasureSerializer})
    def post(self, request, gemeente):
        municipality = _gemeente(request, gemeente, write=True)
        serializer = MeasureInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        links = _links(user=request.user, municipality=municipality, data=data)
        data.pop("signals", None)
        data.update(links)
        try:
            measure = services.measure_create(
                municipality=municipality,
                kind=data.pop("kind"),
                date=data.pop("date"),
                by=request.user,
                **data,
            )
        except DjangoValidationError as exc:
            raise ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc
        return Response(MeasureSerializer(measure).data, status=status.HTTP_201_CREATED)


class MeasureDetailView(generics.RetrieveAPIView):
    """One measure (a Bibob file for the bibob-coördinator only; audited)."""

    serializer_class = MeasureSerializer

    def get_object(self):
        municipality = _gemeente(self.request, self.kwargs["gemeente"])
        measure = selectors.measure_get(
            user=self.request.user, municipality=municipality, pk=self.kwargs["pk"]
        )
        services.measure_read(measure=measure, user=self.request.user, via="API")
        return measure
