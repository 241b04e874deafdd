# SPDX-License-Identifier: EUPL-1.2
"""Start-page panel "Volgende LIO": the date and the size of the (proposed) agenda."""

from django.utils.translation import gettext as _

from kompas.core.panels import Panel

from . import selectors
from .integrations import signals_for_agenda


def next_lio_panel(*, request, municipality, membership):
    meeting = selectors.meeting_next_lio(municipality=municipality)
    if meeting is not None and not selectors.can_manage(membership):
        # Others see it only if they are a member of that LIO series.
        if not selectors.meeting_visible(
            user=request.user, municipality=municipality, membership=membership, meeting=meeting
        ):
            return None
    if meeting is None and not selectors.can_manage(membership):
        return None
    context = {"meeting": meeting, "slug": municipality.slug, "can_manage": False}
    if meeting is not None:
        on_agenda = selectors.agenda_item_count(meeting=meeting)
        context["on_agenda"] = on_agenda
        if selectors.can_manage(membership):
            waiting = signals_for_agenda(municipality=municipality, meeting=meeting)
            context.update(can_manage=True, waiting=len(waiting), proposed=on_agenda + len(waiting))
    return Panel(
        title=_("Volgende LIO"), template="meetings/_panel_next_lio.html", context=context, order=30
    )
