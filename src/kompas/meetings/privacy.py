# SPDX-License-Identifier: EUPL-1.2
"""The meetings' entries in the verwerkingsregister (kompas.core.privacy)."""

from django.utils.translation import gettext_lazy as _

from kompas.core import privacy as p

BASIS = _("AVG art. 6 lid 1 sub e; Gemeentewet art. 172 (lokaal integraal overleg)")
MANUAL = p.fixed(
    _(
        "Geen automatische termijn: bewaard met het overleg; een agendapunt verdwijnt als een "
        "medewerker het verwijdert."
    )
)


def declare() -> None:
    p.declare(
        "meetings.AgendaItem",
        ["minutes", "decisions"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=MANUAL,
        purpose=_("Verslag en besluiten van een agendapunt (meldingen en casussen op nummer)."),
    )
    p.declare(
        "meetings.FollowUpAction",
        ["description"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=MANUAL,
        purpose=_("Afgesproken acties uit het overleg."),
    )
    p.not_personal(
        "meetings.MeetingSeries",
        ["name", "description"],
        reason="name and description of a meeting series (LIO, OVO)",
    )
