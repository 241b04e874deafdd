# SPDX-License-Identifier: EUPL-1.2
"""The meetings' entries in the verwerkingsregister (kompas.core.privacy)."""

from django.utils.translation import gettext as _str
from django.utils.translation import gettext_lazy as _

from kompas.core import privacy as p

from .retention import minutes_retention_years

BASIS = _("AVG art. 6 lid 1 sub e; Gemeentewet art. 172 (lokaal integraal overleg)")


def _minutes_term(_municipality) -> str:
    return _str(
        "%(years)s jaar na de vergadering gewist: verslag en besluiten van de agendapunten, "
        "en de acties (KOMPAS_MINUTES_RETENTION_YEARS); de agenda zelf blijft."
    ) % {"years": minutes_retention_years()}


MINUTES_TERM = p.Retention(describe=_minutes_term, enforced_by="kompas retention run")


def declare() -> None:
    p.declare(
        "meetings.AgendaItem",
        ["minutes", "decisions"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=MINUTES_TERM,
        purpose=_("Verslag en besluiten van een agendapunt (meldingen en casussen op nummer)."),
    )
    p.declare(
        "meetings.FollowUpAction",
        ["description"],
        category=p.FREE_TEXT,
        basis=BASIS,
        retention=MINUTES_TERM,
        purpose=_("Afgesproken acties uit het overleg."),
    )
    p.not_personal(
        "meetings.MeetingSeries",
        ["name", "description"],
        reason="name and description of a meeting series (LIO, OVO)",
    )
