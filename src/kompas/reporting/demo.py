# SPDX-License-Identifier: EUPL-1.2
"""Demo data for reporting: Heerenveen publishes its dashboard, has sent its first
voortgangsrapportage of 2025 (T1) and has the second (T2) in concept. Idempotent: nothing is
added once Heerenveen has any report."""

from kompas.core.models import Municipality

from . import services
from .constants import PublicElement
from .models import Report
from .periods import parse_period


def load_demo() -> str | None:
    heerenveen = Municipality.objects.filter(code="GM0074").first()
    if heerenveen is None or Report.objects.filter(municipality=heerenveen).exists():
        return None
    for element in PublicElement.values:
        services.publication_set(municipality=heerenveen, element=element, published=True)
    sent = services.report_create(
        municipality=heerenveen,
        kind="voortgang",
        period=parse_period("2025-T1"),
        texts={
            "summary": "Demodata: voorbeeld van een verzonden voortgangsrapportage, gemaakt "
            "uit de demogegevens van Veiligheidskompas."
        },
    )
    services.report_send(report=sent)
    services.report_create(
        municipality=heerenveen, kind="voortgang", period=parse_period("2025-T2")
    )
    return (
        "  rapportages: Heerenveen voortgangsrapportage 2025-T1 verzonden, 2025-T2 in concept; "
        "publiek dashboard op /heerenveen/dashboard/"
    )
