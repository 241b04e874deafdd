# SPDX-License-Identifier: EUPL-1.2
"""Demo signals for Heerenveen (invented), two of them about the same address."""

from datetime import timedelta

from django.utils import timezone

from kompas.core.models import Municipality

from .constants import SignalStatus
from .models import Signal
from .services import Contact, Location, signal_create, signal_question_ask, signal_transition

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


def load_demo() -> str | None:
    municipality = Municipality.objects.filter(code="GM0074").first()
    if municipality is None or Signal.objects.filter(municipality=municipality).exists():
        return None
    from django.contrib.auth import get_user_model

    adviseur = get_user_model().objects.filter(username="adviseur-heerenveen").first()
    lines = []
    for phenomenon, text, location, contact, days_ago in DEMO:
        new = signal_create(
            municipality=municipality,
            phenomenon=phenomenon,
            description=text,
            location=location,
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
