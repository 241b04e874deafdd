# SPDX-License-Identifier: EUPL-1.2
"""Online connector for the police open-data tables on the CBS third-party host (OData v3).

    kompas data fetch politie --table 47022NED --gemeente GM0074 --since 2018

Builds a `$filter` on the space-padded keys (`'GM0074    '` in WijkenEnBuurten,
`'GM0074'` in RegioS), follows `odata.nextLink` page by page (only https on the host of the
first request; timeouts, dropped connections, HTTP 429 and 5xx are retried with exponential
backoff) and imports all pages in one transaction through the OData importer. Needs outbound
HTTPS to dataderden.cbs.nl; the rest of the product never uses the network. Tests replace `urlopen`
with recorded responses and `sleep` with a recorder."""

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

from django.utils.translation import gettext as _

from . import codelists
from .constants import POLICE_TABLES
from .importers import ParseResult, parse_odata_pages

BASE = "https://dataderden.cbs.nl/ODataApi/OData"
KEY_WIDTH = {"WijkenEnBuurten": 10, "RegioS": 6}
TIMEOUT = 60
MAX_PAGES = 1000
RETRIES = 4  # after the first try: waits of 1, 2, 4 and 8 seconds
BACKOFF = 1.0

urlopen = urllib.request.urlopen  # replaced in tests
sleep = time.sleep  # replaced in tests


class FetchError(Exception):
    pass


def padded(key: str, dimension: str) -> str:
    return key.ljust(KEY_WIDTH.get(dimension, len(key)))


def build_url(table: str, gemeente: str, since: int | None = None) -> str:
    if table not in POLICE_TABLES:
        raise FetchError(f"onbekende tabel {table}; bekend: {', '.join(sorted(POLICE_TABLES))}")
    _source, dim = POLICE_TABLES[table]
    if codelists.region(gemeente) is None or not gemeente.startswith("GM"):
        raise FetchError(f"onbekende gemeentecode {gemeente}")
    if dim == "WijkenEnBuurten":
        number = gemeente[2:]
        region_filter = (
            f"({dim} eq '{padded(gemeente, dim)}' or substringof('WK{number}',{dim}) "
            f"or substringof('BU{number}',{dim}))"
        )
    else:
        region_filter = f"{dim} eq '{padded(gemeente, dim)}'"
    flt = region_filter
    if since:
        flt += f" and Perioden ge '{int(since)}'"
    query = urllib.parse.urlencode(
        {"$filter": flt, "$format": "json"}, quote_via=urllib.parse.quote
    )
    return f"{BASE}/{table}/TypedDataSet?{query}"


def _allowed(url: str, host: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # not a number: not a link to follow
        return False
    return parts.scheme == "https" and (parts.hostname or "") == host and port in (None, 443)


def _transient(exc: Exception) -> bool:
    """Worth another try: timeouts, dropped connections, HTTP 429 and 5xx; not 4xx or bad JSON."""
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code == 429 or exc.code >= 500
    return isinstance(exc, OSError | http.client.HTTPException)


def _get_json(url: str, page: int, wait: Callable[[float], None]) -> dict:
    attempt = 0
    while True:
        try:
            with urlopen(url, timeout=TIMEOUT) as response:
                return json.loads(response.read().decode("utf-8"))
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if not _transient(exc) or attempt == RETRIES:
                raise FetchError(
                    _(
                        "ophalen van pagina %(page)s mislukt na %(tries)s poging(en) (%(url)s): "
                        "%(exc)s; niets geïmporteerd"
                    )
                    % {"page": page, "tries": attempt + 1, "url": url, "exc": exc}
                ) from exc
        wait(BACKOFF * 2**attempt)
        attempt += 1


def fetch_pages(url: str, *, wait: Callable[[float], None] | None = None) -> list[tuple[str, dict]]:
    """All pages from `url` on, following `odata.nextLink` only to https on the first host.

    A transient failure is retried RETRIES times with exponential backoff; `wait` (default:
    the module's `sleep`) is injectable so tests do not wait. A refused link or a page that
    still fails raises FetchError before anything is imported."""
    wait = wait or sleep
    host = urllib.parse.urlsplit(url).hostname or ""
    pages: list[tuple[str, dict]] = []
    while url and len(pages) < MAX_PAGES:
        number = len(pages) + 1
        if not _allowed(url, host):
            raise FetchError(
                _(
                    "pagina %(page)s verwijst naar %(url)s; alleen https-adressen op %(host)s "
                    "worden gevolgd, niets geïmporteerd"
                )
                % {"page": number, "url": url, "host": host}
            )
        doc = _get_json(url, number, wait)
        pages.append((f"pagina {number}", doc))
        link = doc.get("odata.nextLink") or doc.get("@odata.nextLink")
        url = urllib.parse.urljoin(url, link) if link else ""
    return pages


def fetch_police(*, table: str, gemeente: str, since: int | None = None) -> ParseResult:
    pages = fetch_pages(build_url(table, gemeente, since))
    return parse_odata_pages(pages, table=table)
