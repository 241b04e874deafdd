# SPDX-License-Identifier: EUPL-1.2
"""The product's URLs plus a bare authenticated view: the floor of a staff page on the same
stack (gunicorn, every middleware, the session and user looked up for a logged-in user) that
renders nothing and reads no data."""

from django.http import HttpResponse
from django.urls import path

from kompas.urls import urlpatterns as kompas_urlpatterns


def bare_authenticated(request):
    # LoginRequiredMiddleware (product settings) sends anyone without a session to the login.
    return HttpResponse(f"ok {request.user.pk}", content_type="text/plain")


urlpatterns = [path("bench/ingelogd/", bare_authenticated), *kompas_urlpatterns]
