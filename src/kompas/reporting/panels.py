# SPDX-License-Identifier: EUPL-1.2
"""Start-page panel "Rapportages": the latest sent report and the concepts in progress."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kompas.core.constants import INTERNAL_ROLES
from kompas.core.panels import Panel

from . import selectors
from .constants import ReportStatus


def reports_panel(*, request, municipality, membership):
    if membership.role not in INTERNAL_ROLES:
        return None
    sent = selectors.report_list(municipality=municipality, status=ReportStatus.SENT)
    latest = sent.order_by("-sent_at", "-id").first()
    concepts = list(
        selectors.report_list(municipality=municipality, status=ReportStatus.CONCEPT)[:3]
    )
    return Panel(
        title=_("Rapportages"),
        template="reporting/_panel_reports.html",
        context={"latest": latest, "concepts": concepts, "municipality": municipality},
        order=60,
    )


def public_links():
    """The login page's link to the public landing page (core.hooks.public_links)."""
    return {
        "label": _("Veiligheid in uw gemeente"),
        "url": reverse("reporting:public_index"),
        "description": _("het openbare dashboard en het meldpunt van elke gemeente"),
    }
