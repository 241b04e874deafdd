# SPDX-License-Identifier: EUPL-1.2
"""Addresses on the meldpunt: postcode + huisnummer (+ toevoeging) resolved to street,
woonplaats, gemeente and CBS buurt.

Two sources, in this order:
1. the PDOK Locatieserver (`free` endpoint, type adres), only when KOMPAS_PDOK_ENABLED is true,
   with a short timeout;
2. the gemeente's own address list (`Address`, filled by `kompas signals adressen importeren`),
   when PDOK is off, cannot be reached or does not know the address.

The meldpunt is anonymous: nothing here logs the address, the query or the URL, and a failure
is logged by its kind only."""

import json
import logging
import re
from dataclasses import dataclass
from http.client import HTTPException
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings

from . import selectors

logger = logging.getLogger(__name__)

PDOK_FIELDS = (
    "weergavenaam,straatnaam,huisnummer,huisletter,huisnummertoevoeging,postcode,"
    "woonplaatsnaam,gemeentecode,gemeentenaam,buurtcode,buurtnaam,wijkcode"
)
_POSTCODE = re.compile(r"^(\d{4})\s*([A-Za-z]{2})$")


@dataclass(frozen=True)
class ResolvedAddress:
    street: str
    town: str
    municipality_code: str  # CBS form, GM0074
    municipality_name: str
    buurt_code: str  # BU00740101, or empty when the source does not know it
    source: str  # "pdok" or "lijst"

    def inside(self, municipality) -> bool:
        return self.municipality_code == municipality.code


def _addition_key(value) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", str(value or "")).upper()


def _municipality_code(value) -> str:
    """PDOK gives '0074' (sometimes 'GM0074'): always 'GM0074'."""
    digits = re.sub(r"\D", "", str(value or ""))
    return f"GM{int(digits):04d}" if digits else ""


def pdok_url(*, postcode: str, number: int) -> str:
    query = urlencode(
        {
            "q": f"postcode:{postcode} and huisnummer:{number}",
            "fq": "type:adres",
            "fl": PDOK_FIELDS,
            "rows": 20,
        }
    )
    return f"{settings.KOMPAS_PDOK_URL}?{query}"


def pdok_parse(payload: dict, *, addition: str = "") -> ResolvedAddress | None:
    """The address of a `free` response (response.numFound, response.docs[...]): the document
    whose huisletter + huisnummertoevoeging equal the addition, else the first (same street and
    buurt); None when nothing was found."""
    docs = ((payload or {}).get("response") or {}).get("docs") or []
    if not docs:
        return None
    wanted = _addition_key(addition)
    doc = next(
        (
            d
            for d in docs
            if _addition_key(f"{d.get('huisletter', '')}{d.get('huisnummertoevoeging', '')}")
            == wanted
        ),
        docs[0],
    )
    if not doc.get("straatnaam") or not doc.get("gemeentecode"):
        return None
    return ResolvedAddress(
        street=str(doc["straatnaam"]),
        town=str(doc.get("woonplaatsnaam") or ""),
        municipality_code=_municipality_code(doc["gemeentecode"]),
        municipality_name=str(doc.get("gemeentenaam") or ""),
        buurt_code=str(doc.get("buurtcode") or ""),
        source="pdok",
    )


def pdok_lookup(*, postcode: str, number: int, addition: str = "") -> ResolvedAddress | None:
    """Ask the Locatieserver. None when it is off, unreachable, slow or answers nonsense."""
    if not settings.KOMPAS_PDOK_ENABLED:
        return None
    url = pdok_url(postcode=postcode, number=number)
    if not url.startswith("https://"):
        logger.warning("KOMPAS_PDOK_URL is geen https-adres; PDOK wordt niet gevraagd")
        return None
    request = Request(url, headers={"Accept": "application/json"})  # noqa: S310 (https only)
    try:
        with urlopen(request, timeout=settings.KOMPAS_PDOK_TIMEOUT_SECONDS) as response:  # noqa: S310
            payload = json.loads(response.read(1_000_000).decode("utf-8"))
    except (URLError, HTTPException, OSError, ValueError) as exc:
        # The kind of failure only: the URL holds the reporter's address.
        logger.warning("PDOK Locatieserver niet bruikbaar (%s)", type(exc).__name__)
        return None
    return pdok_parse(payload, addition=addition)


def _parts(postcode: str, number: str, addition: str) -> tuple[str, int, str] | None:
    match = _POSTCODE.match((postcode or "").strip())
    number = (number or "").strip()
    if not match or not number.isdigit() or int(number) <= 0:
        return None
    return f"{match.group(1)}{match.group(2).upper()}", int(number), _addition_key(addition)


def address_key(*, postcode: str, number: str, addition: str = "") -> str:
    """'8441ES|2|A': what a reporter confirmed (the form carries it back unchanged)."""
    parts = _parts(postcode, number, addition)
    return "" if parts is None else "|".join(str(p) for p in parts)


def address_resolve(
    *, municipality, postcode: str, number: str, addition: str = ""
) -> ResolvedAddress | None:
    """The address from PDOK (when enabled), else from the gemeente's own list; None when
    neither knows it (the signal is then filed as it was entered)."""
    parts = _parts(postcode, number, addition)
    if parts is None:
        return None
    postcode, number_int, addition = parts
    found = pdok_lookup(postcode=postcode, number=number_int, addition=addition)
    if found is not None:
        return found
    row = selectors.address_list_find(
        municipality=municipality, postcode=postcode, number=number_int, addition=addition
    )
    if row is None:
        return None
    return ResolvedAddress(
        street=row.street,
        town=row.town,
        municipality_code=municipality.code,
        municipality_name=municipality.name,
        buurt_code=row.buurt_code,
        source="lijst",
    )
