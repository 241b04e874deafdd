# SPDX-License-Identifier: EUPL-1.2
"""The product's URLs plus a bare Django view: the floor of the same stack (gunicorn, every
middleware, JSON parsing) without meldpunt work (validation, Argon2, encryption, database)."""

import json

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from kompas.urls import urlpatterns as kompas_urlpatterns


@csrf_exempt
@login_not_required
def bare(request):
    body = json.loads(request.body or b"{}")
    return JsonResponse({"ok": True, "n": len(body)}, status=201)


urlpatterns = [path("bench/bare/", bare), *kompas_urlpatterns]
