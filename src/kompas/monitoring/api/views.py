# SPDX-License-Identifier: EUPL-1.2
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from kompas.core.constants import INTERNAL_ROLES
from kompas.core.selectors import municipality_for_api, municipality_list

from .. import codelists, selectors
from .serializers import SeriesQuerySerializer, SeriesSerializer, TargetSerializer

QUERY_NAMES = {"year_from": "from", "year_to": "to"}


class SeriesView(APIView):
    """A series of one indicator for one region. Regions of your own gemeenten always; other
    regions (other gemeenten, police units, NL) only for open data and via `gemeente`.

    Without `indicator` or `region`, or with an empty or malformed value, the answer is a 400
    problem naming each parameter in `invalid-params`; empty optional parameters count as
    absent."""

    problem_responses = {
        400: "Parameter ontbreekt, is leeg of ongeldig (indicator, region, from, to, grain, "
        "per_1000); invalid-params noemt welke."
    }

    @extend_schema(
        parameters=[
            OpenApiParameter("indicator", str, required=True),
            OpenApiParameter("region", str, required=True),
            OpenApiParameter("gemeente", str),
            OpenApiParameter("from", int),
            OpenApiParameter("to", int),
            OpenApiParameter("grain", str, enum=["year", "quarter", "month"]),
            OpenApiParameter("per_1000", bool),
        ],
        responses=SeriesSerializer,
    )
    def get(self, request):
        params = request.query_params.copy()
        if "from" in params:
            params["year_from"] = params.pop("from")[0]
        if "to" in params:
            params["year_to"] = params.pop("to")[0]
        query = SeriesQuerySerializer(data=params)
        if not query.is_valid():
            # Errors carry the parameter names the caller sent (`from`, not `year_from`).
            raise ValidationError({QUERY_NAMES.get(k, k): v for k, v in query.errors.items()})
        q = query.validated_data
        region = codelists.normalise_region_code(q["region"])
        indicator = selectors.indicator_get(code=q["indicator"])
        if indicator is None:
            raise Http404
        own = codelists.municipality_of(region)
        gemeente_code = q.get("gemeente") or own
        if not gemeente_code:
            raise Http404
        municipality, _m = municipality_for_api(
            user=request.user, ref=gemeente_code, roles=INTERNAL_ROLES
        )
        if not selectors.region_allowed(
            municipality=municipality, region_code=region, indicator=indicator
        ):
            raise Http404
        points, source = selectors.series_with_source(
            indicator=indicator,
            region_code=region,
            grain=q["grain"],
            year_from=q.get("year_from"),
            year_to=q.get("year_to"),
            per_1000=q["per_1000"],
        )
        return Response(
            SeriesSerializer(
                {
                    "indicator": indicator.code,
                    "region": region,
                    "grain": q["grain"],
                    "per_1000": q["per_1000"],
                    "source": "landelijk" if source.national else "import",
                    "points": points,
                }
            ).data
        )


class TargetListView(APIView):
    """Targets of your gemeente(n) with status and explanation; `gemeente` narrows to one."""

    @extend_schema(
        parameters=[OpenApiParameter("gemeente", str), OpenApiParameter("plan", str)],
        responses=TargetSerializer(many=True),
    )
    def get(self, request):
        code = request.query_params.get("gemeente")
        if code:
            municipalities = [
                municipality_for_api(user=request.user, ref=code, roles=INTERNAL_ROLES)[0]
            ]
        else:
            municipalities = list(municipality_list(user=request.user, roles=INTERNAL_ROLES))
        results = []
        for municipality in municipalities:
            results += selectors.target_evaluations(
                municipality=municipality,
                plan_short_name=request.query_params.get("plan") or None,
            )
        return Response(TargetSerializer(results, many=True).data)
