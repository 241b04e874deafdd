# SPDX-License-Identifier: EUPL-1.2
"""Public meldpunt API: anyone may post a signal (AllowAny). No session authentication, so no
CSRF; instead a proof-of-work challenge, a salted rate limit and the same validation as the
form. Responses are never cached."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from kompas.core.api_errors import problem_response
from kompas.core.db import database_busy
from kompas.core.selectors import municipality_public_for_api

from .. import antiabuse
from ..crypto import receipt_code_format
from ..forms import IntakeForm
from ..uploads import use_memory_uploads
from ..views import intake_address, intake_busy_message, intake_create


class ChallengeSerializer(serializers.Serializer):
    challenge = serializers.CharField()
    bits = serializers.IntegerField()


class SignalInSerializer(serializers.Serializer):
    """Documentation of the input; validation is the public form's (one set of rules)."""

    phenomenon = serializers.CharField()
    description = serializers.CharField()
    postcode = serializers.CharField(required=False)
    number = serializers.CharField(required=False)
    addition = serializers.CharField(required=False)
    place = serializers.CharField(required=False)
    when_kind = serializers.CharField(required=False)
    when_from = serializers.DateField(required=False)
    when_to = serializers.DateField(required=False)
    contact_name = serializers.CharField(required=False)
    contact_email = serializers.CharField(required=False)
    contact_phone = serializers.CharField(required=False)
    attachments = serializers.ListField(child=serializers.FileField(), required=False)
    challenge = serializers.CharField(help_text="From GET .../challenge/")
    nonce = serializers.CharField(
        help_text="sha256(challenge + ':' + nonce) starts with `bits` zero bits"
    )


class SignalOutSerializer(serializers.Serializer):
    receipt_code = serializers.CharField()
    follow_up_url = serializers.CharField()


def _no_store(response):
    add_never_cache_headers(response)
    return response


class ChallengeView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses=ChallengeSerializer, summary="Proof-of-work challenge (meldpunt)")
    def get(self, request, gemeente):
        municipality_public_for_api(ref=gemeente)
        return _no_store(Response(antiabuse.pow_challenge()))


class PublicSignalCreateView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    problem_responses = {
        429: "Te veel meldingen vanaf deze verbinding (per uur).",
        503: "Database tijdelijk bezet: niets opgeslagen, probeer het na Retry-After opnieuw.",
    }

    @extend_schema(
        request=SignalInSerializer,
        responses={201: SignalOutSerializer},
        summary="Meld een signaal (openbaar, anoniem)",
    )
    def post(self, request, gemeente):
        municipality = municipality_public_for_api(ref=gemeente)
        if antiabuse.limit_reached(
            request, bucket="submit", limit=settings.KOMPAS_MELDPUNT_SUBMISSIONS_PER_HOUR
        ):
            return _no_store(
                problem_response(
                    request,
                    status.HTTP_429_TOO_MANY_REQUESTS,
                    detail="Te veel meldingen vanaf deze verbinding. Probeer het over een uur.",
                )
            )
        data = request.data
        if not hasattr(data, "get"):  # a JSON array or scalar instead of an object
            return _no_store(
                problem_response(
                    request,
                    status.HTTP_400_BAD_REQUEST,
                    detail="Stuur de melding als één JSON-object met haar velden.",
                )
            )
        if not antiabuse.pow_verify(str(data.get("challenge", "")), str(data.get("nonce", ""))):
            return _no_store(
                problem_response(
                    request,
                    status.HTTP_400_BAD_REQUEST,
                    errors={
                        "challenge": [
                            "Ongeldige of al gebruikte challenge/nonce: haal een nieuwe "
                            "challenge op en los de proof-of-work op."
                        ]
                    },
                )
            )
        form_data = {k: v for k, v in data.items() if k != "attachments" and not hasattr(v, "read")}
        form = IntakeForm(form_data, request.FILES, require_fill_time=False)
        if not form.is_valid():
            return _no_store(
                problem_response(
                    request,
                    status.HTTP_400_BAD_REQUEST,
                    # `errors` keeps the shape this API always answered ({message, code}).
                    errors=form.errors.get_json_data(),
                    invalid_params=[
                        {"name": name, "reason": str(message)}
                        for name, messages in form.errors.items()
                        for message in messages
                    ],
                )
            )
        antiabuse.limit_hit(request, bucket="submit")
        try:
            new = intake_create(
                municipality=municipality,
                data=form.cleaned_data,
                channel="api",
                address=intake_address(municipality, form.cleaned_data),
            )
        except ValidationError as exc:
            return _no_store(problem_response(request, 400, errors=exc.message_dict))
        except OperationalError as exc:
            if not database_busy(exc):
                raise
            busy = problem_response(
                request,
                503,
                errors={"__all__": [intake_busy_message()]},
                headers={"Retry-After": "60"},
            )
            return _no_store(busy)
        return _no_store(
            Response(
                {
                    "receipt_code": receipt_code_format(new.receipt_code),
                    "follow_up_url": reverse(
                        "signals:follow_up", kwargs={"slug": municipality.slug}
                    ),
                },
                status=status.HTTP_201_CREATED,
            )
        )

    def initialize_request(self, request, *args, **kwargs):
        # Attachments stay in memory (never an unencrypted temporary file).
        use_memory_uploads(request)
        return super().initialize_request(request, *args, **kwargs)
