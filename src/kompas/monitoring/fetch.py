# SPDX-License-Identifier: EUPL-1.2
"""Online connector for the police open-data tables on the CBS third-party host (OData v3).

    kompas data fetch politie --table 47022NED --gemeente GM0074 --since 2018

Builds a `$filter` on the space-padded keys (`'GM0074    '` in WijkenEnBuurten,
`'GM0074'` in RegioS), follows `odata.nextLink` page by page and imports all pages in one
transaction through the OData importer. Needs outbound HTTPS to dataderden.cbs.nl; the rest of
the product never uses the network. Tests replace `urlopen` with recorded responses."""

import json
import urllib.parse
import urllib.request

from . import codelists
from .constants import POLICE_TABLES
from .importers import ParseResult, parse_odata_pages

BASE = "https://dataderden.cbs.nl/ODataApi/OData"
KEY_WIDTH = {"WijkenEnBuurten": 10, "RegioS": 6}
TIMEOUT = 60
MAX_PAGES = 1000

urlopen = urllib.request.urlopen  # replaced in tests


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


def fetch_pages(url: str) -> list[tuple[str, dict]]:
    pages = []
    while url and len(pages) < MAX_PAGES:
        try:
            with urlopen(url, timeout=TIMEOUT) as response:
                doc = json.loads(response.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise FetchError(f"ophalen mislukt ({url}): {exc}") from exc
        pages.append((f"pagina {len(pages) + 1}", doc))
        url = doc.get("odata.nextLink") or doc.get("@odata.nextLink")
    return pages


def fetch_police(*, table: str, gemeente: str, since: int | None = None) -> ParseResult:
    pages = fetch_pages(build_url(table, gemeente, since))
    return parse_odata_pages(pages, table=table)
