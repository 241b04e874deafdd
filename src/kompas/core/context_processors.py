# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings

from .panels import nav_for
from .selectors import membership_list


def kompas(request):
    user = getattr(request, "user", None)
    memberships = list(membership_list(user=user)) if user is not None else []
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("slug") if match else None
    current = next((m for m in memberships if m.municipality.slug == slug), None)
    return {
        "kompas_demo": not settings.PRODUCTION,
        "kompas_memberships": memberships,
        "kompas_membership": current,
        "kompas_nav": nav_for(request=request, membership=current) if current else [],
    }
