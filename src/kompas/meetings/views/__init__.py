# SPDX-License-Identifier: EUPL-1.2
"""Pages of overleggen. Thin: resolve the gemeente (404 outside it), resolve the object through
the visibility rules in selectors.py (404 when not visible), call a service, render.
One module per page group; every view stays importable as `kompas.meetings.views.<name>`."""

from .actions import action_status, my_actions
from .agenda import agenda_add_reference, agenda_edit, agenda_propose, item_move, item_remove
from .items import item_attachment, item_detail
from .meetings import meeting_create, meeting_detail, meeting_edit, meeting_mail, meeting_status
from .series import (
    member_add,
    member_remove,
    series_create,
    series_detail,
    series_edit,
    series_list,
)

__all__ = [
    "action_status",
    "agenda_add_reference",
    "agenda_edit",
    "agenda_propose",
    "item_attachment",
    "item_detail",
    "item_move",
    "item_remove",
    "meeting_create",
    "meeting_detail",
    "meeting_mail",
    "meeting_edit",
    "meeting_status",
    "member_add",
    "member_remove",
    "my_actions",
    "series_create",
    "series_detail",
    "series_edit",
    "series_list",
]
