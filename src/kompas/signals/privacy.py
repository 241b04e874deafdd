# SPDX-License-Identifier: EUPL-1.2
"""The meldpunt's entries in the verwerkingsregister (kompas.core.privacy). The terms are read
from the gemeente's RetentionSettings, the same row `kompas retention run` applies."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kompas.core import privacy as p

from .services import retention_settings_get

RUN = "kompas retention run"
BASIS = _lazy("AVG art. 6 lid 1 sub e; Gemeentewet art. 172 (handhaving openbare orde)")


def _contact_term(municipality) -> str:
    rules = retention_settings_get(municipality=municipality)
    return _("%(days)s dagen na afsluiten van de melding geanonimiseerd.") % {
        "days": rules.contact_days
    }


def _signal_term(municipality) -> str:
    rules = retention_settings_get(municipality=municipality)
    return _(
        "Afgesloten meldingen worden na %(years)s jaar verwijderd, meldingen zonder grond na "
        "%(no_ground)s jaar; een statistiekregel zonder persoonsgegevens blijft."
    ) % {"years": rules.delete_years, "no_ground": rules.delete_years_no_ground}


CONTACT_TERM = p.Retention(describe=_contact_term, enforced_by=RUN)
SIGNAL_TERM = p.Retention(describe=_signal_term, enforced_by=RUN)
DOSSIER_TERM = p.fixed(
    _lazy("Verwijderd zodra het dossier geen meldingen meer heeft."), enforced_by=RUN
)


def declare() -> None:
    p.declare(
        "signals.Signal",
        ["contact_enc"],
        category=p.CONTACT,
        basis=BASIS,
        retention=CONTACT_TERM,
        purpose=_lazy("Contact met de melder over de afhandeling, als die dat wil."),
        encrypted=True,
    )
    p.declare(
        "signals.Signal",
        ["description_enc", "location_enc"],
        category=p.SIGNAL_CONTENT,
        basis=BASIS,
        retention=SIGNAL_TERM,
        purpose=_lazy("Beoordelen en opvolgen van meldingen over onveiligheid en ondermijning."),
        encrypted=True,
    )
    p.declare(
        "signals.Signal",
        ["address_tag", "code_hash", "code_tag"],
        labels={
            "address_tag": _lazy("adreskenmerk"),
            "code_hash": _lazy("ontvangstcode (hash)"),
            "code_tag": _lazy("ontvangstcode (kenmerk)"),
        },
        category=p.PSEUDONYMOUS,
        basis=BASIS,
        retention=SIGNAL_TERM,
        purpose=_lazy(
            "Meldingen over hetzelfde adres samenbrengen (HMAC-kenmerk) en de melder met een "
            "ontvangstcode laten terugkomen (Argon2-hash); het adres en de code zelf worden "
            "niet opgeslagen."
        ),
    )
    p.declare(
        "signals.SignalHistory",
        ["note_enc"],
        record=_lazy("geschiedenis van een melding"),
        labels={"note_enc": _lazy("aantekening (versleuteld)")},
        category=p.SIGNAL_CONTENT,
        basis=BASIS,
        retention=SIGNAL_TERM,
        purpose=_lazy("Aantekeningen van de behandelaar bij de melding."),
        encrypted=True,
    )
    p.declare(
        "signals.SignalHistory",
        ["by_label"],
        record=_lazy("geschiedenis van een melding"),
        labels={"by_label": _lazy("door (naam medewerker)")},
        category=p.STAFF_NAME,
        basis=BASIS,
        retention=SIGNAL_TERM,
        purpose=_lazy("Wie een stap in de afhandeling zette."),
    )
    p.declare(
        "signals.SignalMessage",
        ["body_enc"],
        record=_lazy("bericht bij een melding"),
        labels={"body_enc": _lazy("bericht (versleuteld)")},
        category=p.SIGNAL_CONTENT,
        basis=BASIS,
        retention=SIGNAL_TERM,
        purpose=_lazy("Berichten tussen melder en behandelaar."),
        encrypted=True,
    )
    p.declare(
        "signals.SignalAttachment",
        ["data_enc"],
        record=_lazy("bijlage bij een melding"),
        labels={"data_enc": _lazy("bestand (versleuteld)")},
        category=p.SIGNAL_CONTENT,
        basis=BASIS,
        retention=SIGNAL_TERM,
        purpose=_lazy("Foto's en documenten bij een melding (metadata verwijderd)."),
        encrypted=True,
    )
    p.declare(
        "signals.Dossier",
        ["address_tag"],
        category=p.PSEUDONYMOUS,
        basis=BASIS,
        retention=DOSSIER_TERM,
        purpose=_lazy("Meldingen over hetzelfde adres in één dossier."),
    )
    p.not_personal(
        "signals.SharingAgreement", ["name"], reason="title of an agreement with a partner"
    )
    p.not_personal(
        "signals.Address",
        ["street", "postcode", "addition", "town"],
        reason="the gemeente's address list (BAG): buildings, with nothing about residents",
    )
