# SPDX-License-Identifier: EUPL-1.2
"""The product's URLs plus two that fail on purpose, for the error-page tests."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.urls import path

from kompas.urls import handler400, handler403, handler404, handler500
from kompas.urls import urlpatterns as product


@login_not_required
def crash(request):
    raise RuntimeError("opzettelijke fout voor de test")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    path("test-fout/crash/", crash),
    path("test-fout/verboden/", forbidden),
    *product,
]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
