# SPDX-License-Identifier: EUPL-1.2
"""One way to page a list: `page_get(request, items, per_page)` in the view and
{% include "core/_pagination.html" %} in the template. The page number is the `pagina` query
parameter; the include's links keep every other parameter (filters, search) through Django's
{% querystring %}, so a view builds no query string of its own."""

from django.core.paginator import Page, Paginator

PAGE_PARAMETER = "pagina"


def page_get(request, items, per_page: int) -> Page:
    """The requested page of `items`; the last page for a number past the end, the first for
    anything that is not a number."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAMETER))
