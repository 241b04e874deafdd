# SPDX-License-Identifier: EUPL-1.2
"""The simple registers of openbare orde, served by core's generic list and form pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kompas.core.registers import Register, day

from . import forms, selectors, services
from .models import Demonstration, Incident, Match, PublicEvent


def _match_kwargs(owner) -> dict:
    return {"incidents": selectors.incident_list(municipality=owner)}


REGISTERS = {
    r.slug: r
    for r in (
        Register(
            slug="demonstraties",
            title=_("Demonstraties"),
            singular=_("demonstratie"),
            model=Demonstration,
            form=forms.DemonstrationForm,
            save=services.demonstration_save,
            list=lambda owner: selectors.demonstration_list(municipality=owner),
            get=lambda owner, pk: selectors.demonstration_get(municipality=owner, pk=pk),
            intro=_(
                "Kennisgevingen onder de Wet openbare manifestaties, met het advies van de "
                "driehoekspartners, voorschriften of beperkingen en hun grondslag, en de evaluatie."
            ),
            columns=(
                (_("Onderwerp"), lambda o: o.title),
                (_("Datum"), lambda o: day(o.date)),
                (_("Plaats"), lambda o: o.place),
                (_("Verwacht"), lambda o: o.expected_size if o.expected_size is not None else ""),
                (_("Status"), lambda o: o.get_status_display()),
                (_("Grondslag"), lambda o: o.get_legal_ground_display() if o.legal_ground else ""),
            ),
        ),
        Register(
            slug="incidenten",
            title=_("Openbare-ordeincidenten"),
            singular=_("incident"),
            model=Incident,
            form=forms.IncidentForm,
            save=services.record_save,
            list=lambda owner: selectors.incident_list(municipality=owner),
            get=lambda owner, pk: selectors.incident_get(municipality=owner, pk=pk),
            columns=(
                (_("Incident"), lambda o: o.get_kind_display()),
                (_("Datum"), lambda o: day(o.date)),
                (_("Plaats"), lambda o: o.place),
                (_("Maatregelen"), lambda o: o.measures),
                (_("Bevoegdheden"), lambda o: o.instruments),
            ),
        ),
        Register(
            slug="wedstrijden",
            title=_("Voetbalwedstrijden"),
            singular=_("wedstrijd"),
            model=Match,
            form=forms.MatchForm,
            form_kwargs=_match_kwargs,
            save=services.record_save,
            list=lambda owner: selectors.match_list(municipality=owner),
            get=lambda owner, pk: selectors.match_get(municipality=owner, pk=pk),
            intro=_(
                "Wedstrijden van de BVO met de risicoklasse op advies van de politie, de "
                "maatregelen, de evaluatie en de incidenten."
            ),
            columns=(
                (_("Tegenstander"), lambda o: o.opponent),
                (_("Datum"), lambda o: day(o.date)),
                (_("Thuis"), lambda o: _("ja") if o.home else _("nee")),
                (_("Risicoklasse"), lambda o: o.risk_class),
                (_("Incidenten"), lambda o: len(o.incidents.all())),
            ),
        ),
        Register(
            slug="evenementen",
            title=_("Evenementen"),
            singular=_("evenement"),
            model=PublicEvent,
            form=forms.PublicEventForm,
            save=services.record_save,
            list=lambda owner: selectors.event_list(municipality=owner),
            get=lambda owner, pk: selectors.event_get(municipality=owner, pk=pk),
            intro=_("Risicoclassificatie, veiligheidsadvies en evaluatie voor de vergunning."),
            columns=(
                (_("Evenement"), lambda o: o.name),
                (_("Datum"), lambda o: day(o.date)),
                (_("Locatie"), lambda o: o.location),
                (_("Risicoklasse"), lambda o: o.risk_class),
                (_("Vergunning"), lambda o: o.permit_reference),
            ),
        ),
    )
}
