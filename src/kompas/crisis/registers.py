# SPDX-License-Identifier: EUPL-1.2
"""The simple lists of the crisis organisation, described once: which form edits a record,
which selector lists it, and which columns its page and its CSV/Excel export show. The views
serve every register from this table, so a new list is a new entry, not new views."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kompas.core.registers import Register, day

from . import forms, selectors, services
from .models import Facility, FireStation, KeyFunction, OtoActivity, SubPlan


def _oto_form_kwargs(owner) -> dict:
    return {
        "functions": selectors.function_list(owner=owner),
        "members": selectors.member_list(owner=owner, include_inactive=False),
    }


def _oto_save(*, owner, obj, by, fields, m2m):
    return services.oto_save(owner=owner, activity=obj, by=by, fields=fields, m2m=m2m)


REGISTERS = {
    r.slug: r
    for r in (
        Register(
            slug="functies",
            title=_("Sleutelfuncties"),
            singular=_("sleutelfunctie"),
            model=KeyFunction,
            form=forms.FunctionForm,
            save=services.record_save,
            list=selectors.function_list,
            get=selectors.function_get,
            intro=_(
                "De functies die bij een crisis gevuld moeten zijn, met het aantal "
                "gekwalificeerde, beschikbare mensen dat minimaal nodig is."
            ),
            columns=(
                (_("Functie"), lambda o: o.name),
                (_("Code"), lambda o: o.code),
                (_("Minimaal nodig"), lambda o: o.required),
            ),
        ),
        Register(
            slug="oto",
            title=_("Opleiden, trainen en oefenen (OTO)"),
            singular=_("OTO-activiteit"),
            model=OtoActivity,
            form=forms.OtoForm,
            form_kwargs=_oto_form_kwargs,
            save=_oto_save,
            list=selectors.oto_list,
            get=selectors.oto_get,
            intro=_(
                "Een gehouden activiteit telt als crisisoefening in het register van "
                "gebeurtenissen, voor de normen van het beleidsplan."
            ),
            columns=(
                (_("Datum"), lambda o: day(o.date)),
                (_("Activiteit"), lambda o: o.title),
                (_("Soort"), lambda o: o.get_kind_display()),
                (_("Niveau"), lambda o: o.get_level_display()),
                (_("Status"), lambda o: o.get_status_display()),
                (_("Functies"), lambda o: ", ".join(f.name for f in o.functions.all())),
            ),
        ),
        Register(
            slug="voorzieningen",
            title=_("Voorzieningen"),
            singular=_("voorziening"),
            model=Facility,
            form=forms.FacilityForm,
            save=services.record_save,
            list=selectors.facility_list,
            get=selectors.facility_get,
            intro=_("Crisisruimte, noodstroom en opvanglocaties, met de laatste controle."),
            columns=(
                (_("Voorziening"), lambda o: o.name),
                (_("Soort"), lambda o: o.get_kind_display()),
                (_("Capaciteit"), lambda o: o.capacity if o.capacity is not None else ""),
                (_("Laatst gecontroleerd"), lambda o: day(o.last_checked_on)),
            ),
        ),
        Register(
            slug="deelplannen",
            title=_("Deelplannen"),
            singular=_("deelplan"),
            model=SubPlan,
            form=forms.SubPlanForm,
            save=services.record_save,
            list=selectors.subplan_list,
            get=selectors.subplan_get,
            intro=_("Deelplannen bevolkingszorg en crisiscommunicatie, met versie en invoering."),
            columns=(
                (_("Deelplan"), lambda o: o.title),
                (_("Soort"), lambda o: o.get_kind_display()),
                (_("Versie"), lambda o: o.version),
                (_("Vastgesteld"), lambda o: day(o.adopted_on)),
                (_("Invoering"), lambda o: o.get_status_display()),
            ),
        ),
        Register(
            slug="brandweer",
            title=_("Brandweerposten (VRF)"),
            singular=_("brandweerpost"),
            model=FireStation,
            form=forms.FireStationForm,
            save=services.record_save,
            list=selectors.firestation_list,
            get=selectors.firestation_get,
            intro=_(
                "Contact met de lokale brandweerposten van Veiligheidsregio Fryslân. Het "
                "dekkingsplan en natuurbrandbestrijding volgt u als acties in het beleidsplan."
            ),
            columns=(
                (_("Brandweerpost"), lambda o: o.name),
                (_("Contactpersoon"), lambda o: o.contact_name),
                (_("Telefoon"), lambda o: o.contact_phone),
                (_("Laatste overleg"), lambda o: day(o.last_contact_on)),
            ),
        ),
    )
}
