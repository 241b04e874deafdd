# SPDX-License-Identifier: EUPL-1.2
"""What casework contributes to the lower apps through core's hooks, menu and demo loaders
(called once from CasesConfig.ready())."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kompas.core import demo, hooks, panels
from kompas.core.constants import AuditAction, Role

from . import selectors, services
from .services.measure_retention import measure_retention_run


def meeting_sections(*, meeting, user):
    """On a meeting's page: the cases on its table that the user may see, by pseudonym (each
    shown case is audited, as minutes that mention it)."""
    municipality = meeting.series.municipality
    cases = list(selectors.meeting_case_list(user=user, meeting=meeting))
    if not cases:
        return None
    for case in cases:
        services.audit_case(
            user=user, action=AuditAction.VIEW, case=case, note=f"vergadering {meeting.pk}"
        )
    return {
        "title": str(_("Casussen op deze tafel")),
        "items": [
            {
                "label": f"{c.number} ({c.get_case_type_display()})",
                "url": reverse("cases:case_detail", kwargs={"slug": municipality.slug, "pk": c.pk}),
                "note": c.get_status_display(),
            }
            for c in cases
        ],
        "url": reverse("cases:meeting_cases", kwargs={"slug": municipality.slug, "pk": meeting.pk}),
    }


def signal_references(*, signal, user):
    """On a signal's page: the cases it is linked to that the user may see (numbers only)."""
    visible = selectors.case_visible_qs(user=user, municipality=signal.municipality)
    return [
        {
            "label": str(_("Casus %(n)s") % {"n": c.number}),
            "url": reverse(
                "cases:case_detail", kwargs={"slug": signal.municipality.slug, "pk": c.pk}
            ),
        }
        for c in visible.filter(signals=signal)
    ] or None


def encrypted_fields_rotate():
    return services.keys_rotate()


def retention_run(*, dry_run: bool = True, now=None):
    return services.retention_run(dry_run=dry_run, now=now).lines() + (
        measure_retention_run(dry_run=dry_run, now=now)
    )


def beheer_links(*, municipality):
    return {
        "label": str(_("Bewaartermijnen casussen")),
        "url": reverse("cases:retention_settings", kwargs={"slug": municipality.slug}),
        "description": str(_("hoe lang een afgesloten casus per soort bewaard blijft")),
        "order": 40,
    }


def register_all() -> None:
    from .demo import load_demo
    from .panels import annual_figures, deadlines_panel

    hooks.meeting_sections.register(meeting_sections)
    hooks.encrypted_fields_rotate.register(encrypted_fields_rotate)
    hooks.retention_run.register(retention_run)
    hooks.signal_references.register(signal_references)
    hooks.beheer_links.register(beheer_links)
    hooks.annual_figures.register(annual_figures)
    panels.register(deadlines_panel)
    panels.register_nav(
        panels.NavItem(
            title=_("Casussen"),
            url_name="cases:case_list",
            roles=(Role.REGISSEUR, Role.ADMIN, Role.PARTNER),
            order=45,
        )
    )
    panels.register_nav(
        panels.NavItem(
            title=_("Instrumenten"),
            url_name="cases:measure_list",
            roles=tuple(selectors.MEASURE_ROLES),
            order=46,
        )
    )
    demo.register(load_demo, order=80)
