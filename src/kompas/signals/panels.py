# SPDX-License-Identifier: EUPL-1.2
from django.utils.translation import gettext as _

from kompas.core.panels import Panel

from .constants import SIGNAL_READ_ROLES, SIGNAL_TEAM_ROLES
from .selectors import signal_new_since_last_working_day


def signals_panel(*, request, municipality, membership):
    """Start page: overdue signals first, then new signals since the last working day per
    phenomenon. Lezers see counts; partners and the bibob-coördinator see nothing."""
    if membership.role not in SIGNAL_READ_ROLES:
        return None
    data = signal_new_since_last_working_day(municipality=municipality)
    staff = membership.role in SIGNAL_TEAM_ROLES
    context = {**data, "slug": municipality.slug, "staff": staff}
    if not staff:
        context["overdue"] = []
    return Panel(
        title=_("Meldpunt ondermijning"), template="signals/_panel.html", context=context, order=20
    )


def beheer_links(*, municipality):
    """On the beheerder's page: the sharing agreements that decide with whom signals go."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    return {
        "label": _("Deelafspraken"),
        "url": reverse("signals:agreement_list", kwargs={"slug": municipality.slug}),
        "description": _("met welke partners de gemeente meldingen mag delen, en op welke grond"),
        "order": 20,
    }


def beheer_link_retention(*, municipality):
    from django.urls import reverse
    from django.utils.translation import gettext as _

    return {
        "label": _("Bewaartermijnen meldingen"),
        "url": reverse("signals:retention_settings", kwargs={"slug": municipality.slug}),
        "description": _("wanneer contactgegevens en afgesloten meldingen verdwijnen"),
        "order": 21,
    }


def beheer_address_link(*, municipality):
    """On the beheerder's page: the gemeente's own address list of the meldpunt."""
    from django.urls import reverse

    return {
        "label": _("Adressenlijst meldpunt"),
        "url": reverse("signals:address_list", kwargs={"slug": municipality.slug}),
        "description": _(
            "straat, woonplaats en CBS-buurt bij postcode en huisnummer, als PDOK uit staat"
        ),
        "order": 22,
    }
