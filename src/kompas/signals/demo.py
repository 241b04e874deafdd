# SPDX-License-Identifier: EUPL-1.2
"""Demo signals for Heerenveen (invented), two of them about the same address; sharing
agreements for the four demo gemeenten (names, dates and articles illustrative)."""

from dataclasses import replace
from datetime import date, timedelta

from django.utils import timezone

from kompas.core.models import Municipality, PartnerOrganisation

from . import addresses, selectors
from .constants import SignalStatus
from .models import SharingAgreement, Signal
from .services import (
    AddressImportError,
    Contact,
    Location,
    address_list_replace,
    sharing_agreement_save,
    signal_create,
    signal_question_ask,
    signal_transition,
)

DEMO = [
    (
        "drugs_teelt",
        "DEMO: Uit de schuur achter het huis komt al weken een sterke hennepgeur. De ramen zijn "
        "afgeplakt en ik hoor dag en nacht ventilatoren.",
        Location(postcode="8441 AB", number="12"),
        None,
        3,
    ),
    (
        "drugs_handel",
        "DEMO: Bij hetzelfde huis stoppen 's avonds steeds auto's die maar een paar minuten "
        "blijven. Er worden pakketjes overgegeven.",
        Location(postcode="8441ab", number="12", addition=""),
        None,
        1,
    ),
    (
        "woonfraude",
        "DEMO: In de bovenwoning staan veel meer mensen ingeschreven dan er wonen; er komt post "
        "voor tientallen namen.",
        Location(description="Bovenwoning boven de bakker aan de Dracht"),
        Contact(name="Demo Melder", email="melder@demo.invalid"),
        6,
    ),
    (
        "mensenhandel",
        "DEMO: In de nagelsalon werken jonge vrouwen die nooit naar buiten gaan en met een busje "
        "worden gebracht en gehaald.",
        Location(),
        None,
        0,
    ),
]


_AVG = "art. 6 lid 1 sub e AVG"
AGREEMENTS = [
    (
        "politie",
        "Convenant Lokaal Informatieoverleg (LIO) {gemeente}",
        date(2024, 2, 1),
        f"Convenant LIO, art. 5 (verstrekking aan de LIO-partners); art. 20 Wpg; {_AVG}",
    ),
    (
        "om",
        "Convenant Lokaal Informatieoverleg (LIO) {gemeente}",
        date(2024, 2, 1),
        f"Convenant LIO, art. 5 (verstrekking aan de LIO-partners); {_AVG}",
    ),
    (
        "riec",
        "Convenant RIEC Noord-Nederland 2023",
        date(2023, 6, 15),
        f"Convenant RIEC Noord-Nederland, art. 13 (verstrekking aan het RIEC); {_AVG}",
    ),
    (
        "belastingdienst",
        "Convenant RIEC Noord-Nederland 2023",
        date(2023, 6, 15),
        f"Convenant RIEC Noord-Nederland, art. 13 (verstrekking aan convenantpartners); {_AVG}",
    ),
    (
        "vth",
        "Werkafspraak meldpunt en toezicht (VTH/omgevingsdienst) {gemeente}",
        date(2025, 1, 10),
        f"Toezicht op de naleving, afdeling 5.2 Awb en de Omgevingswet; {_AVG}",
    ),
    (
        "zvh",
        "Privacyconvenant Zorg- en Veiligheidshuis Fryslân",
        date(2024, 9, 1),
        f"Privacyconvenant Zorg- en Veiligheidshuis, art. 7; {_AVG}",
    ),
]


def load_agreements() -> int:
    """The demo agreements for every gemeente that has none yet."""
    partners = {p.code: p for p in PartnerOrganisation.objects.filter(active=True)}
    made = 0
    for municipality in Municipality.objects.all():
        if SharingAgreement.objects.filter(municipality=municipality).exists():
            continue
        for code, name, signed_on, ground in AGREEMENTS:
            if code not in partners:
                continue
            sharing_agreement_save(
                municipality=municipality,
                by=None,
                partner=partners[code],
                name=name.format(gemeente=municipality.name),
                signed_on=signed_on,
                legal_ground=ground,
            )
            made += 1
    return made


# Heerenveen's own address list in the demo (invented addresses; PDOK is off in the demo).
DEMO_ADDRESSES = (
    "postcode;huisnummer;toevoeging;straat;woonplaats;buurtcode\n"
    "8441AB;12;;Demostraat;Heerenveen;BU00740101\n"
    "8441AB;14;;Demostraat;Heerenveen;BU00740101\n"
    "8442CD;3;A;Proefweg;Heerenveen;BU00740103\n"
)


def _resolved(municipality, location: Location) -> tuple[Location, str]:
    """The demo location with street and woonplaats from the address list, and its buurt."""
    found = addresses.address_resolve(
        municipality=municipality,
        postcode=location.postcode.replace(" ", ""),
        number=location.number,
        addition=location.addition,
    )
    if found is None:
        return location, ""
    return replace(location, street=found.street, town=found.town), found.buurt_code


def load_demo() -> str | None:
    load_agreements()
    municipality = Municipality.objects.filter(code="GM0074").first()
    if municipality is None or Signal.objects.filter(municipality=municipality).exists():
        return None
    if not selectors.address_list_count(municipality=municipality):
        try:
            address_list_replace(municipality=municipality, text=DEMO_ADDRESSES)
        except AddressImportError:
            pass  # no CBS buurten loaded: the demo signals keep their addresses as entered
    from django.contrib.auth import get_user_model

    adviseur = get_user_model().objects.filter(username="adviseur-heerenveen").first()
    lines = []
    for phenomenon, text, entered, contact, days_ago in DEMO:
        location, buurt_code = _resolved(municipality, entered)
        new = signal_create(
            municipality=municipality,
            phenomenon=phenomenon,
            description=text,
            location=location,
            buurt_code=buurt_code,
            contact=contact,
            channel="web",
            received_at=timezone.now() - timedelta(days=days_ago),
        )
        lines.append(f"    melding {new.signal.pk}: ontvangstcode {new.receipt_code}")
    first = Signal.objects.filter(municipality=municipality).order_by("pk").first()
    if adviseur is not None and first is not None:
        signal_transition(signal=first, to=SignalStatus.IN_PROGRESS, by=adviseur)
        signal_question_ask(
            signal=first,
            text="DEMO: Weet u sinds wanneer u de geur ruikt? Ziet u ook wie er komt?",
            by=adviseur,
        )
        second = Signal.objects.filter(municipality=municipality).order_by("pk")[1]
        signal_transition(signal=second, to=SignalStatus.IN_PROGRESS, by=adviseur)
        signal_transition(
            signal=second, to=SignalStatus.SCHEDULED, by=adviseur, note="DEMO: bespreken in LIO"
        )
    return "  Meldpunt (demo, Heerenveen): /heerenveen/meldpunt/ — ontvangstcodes:\n" + "\n".join(
        lines
    )
