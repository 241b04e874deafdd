# SPDX-License-Identifier: EUPL-1.2
"""The public dashboard's body, rendered once per gemeente, language and data version.

The dashboard is the same for every visitor of a gemeente (aggregates only, nothing personal),
and costs far more CPU than any staff page (charts, comparisons). Its body (not the page
around it: the header shows a logged-in visitor's name and a CSRF token) is kept in Django's
cache under a key that holds a cheap "public data version": a few aggregate queries (counts,
highest ids, latest timestamps) over every input the body reads, plus the gemeente's own
fields, the language and today's date (the plan in force depends on it). Any change of an
input gives a new key, so the cache is never stale; the TTL only bounds its size.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from kompas.core.selectors import partnership_fingerprint

from . import dashboard, selectors, sources

TTL_SECONDS = 600
_PREFIX = "reporting:public-dashboard:v1"


def public_data_version(*, municipality) -> str:
    """A digest of everything the public dashboard's body depends on."""
    parts = (
        municipality.pk,
        municipality.code,
        municipality.name,
        municipality.slug,
        getattr(municipality, "public_name", ""),
        str(getattr(municipality, "logo_updated_at", "")),
        timezone.localdate().isoformat(),
        translation.get_language(),
        selectors.publication_fingerprint(municipality=municipality),
        sources.public_data_fingerprint(municipality=municipality),
        partnership_fingerprint(),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def public_dashboard_body(*, municipality) -> SafeString:
    key = f"{_PREFIX}:{municipality.pk}:{public_data_version(municipality=municipality)}"
    body = cache.get(key)
    if body is None:
        data = dashboard.public_dashboard_data(municipality=municipality)
        body = render_to_string(
            "reporting/_dashboard_body.html", {"public_municipality": municipality, "data": data}
        )
        cache.set(key, str(body), TTL_SECONDS)
    return mark_safe(body)  # noqa: S308 - our own template's output, stored as rendered
