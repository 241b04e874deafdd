# SPDX-License-Identifier: EUPL-1.2
"""Writes of the policy app: plan import (versions, diff), actions and their updates, and the
event register that other apps feed.

A package since issue 11; every public name stays importable from `kompas.policy.services`:
- `plan_import`: plan files in and out (validate, import, export);
- `plan_sync`: writing a validated document into the models, section by section;
- `actions`: actions entered by staff and their progress updates;
- `events`: the event register (`event_register`, `event_delete`, `event_withdraw`, `event_sync`).
"""

from .actions import (
    ACTION_EDITABLE,
    action_create,
    action_edit,
    action_update_add,
)
from .events import event_delete, event_register, event_sync, event_withdraw
from .plan_import import (
    PlanImportResult,
    known_codes,
    plan_document,
    plan_file_validate,
    plan_import,
)
from .plan_sync import (
    ACTION_FIELDS,
    action_entry,
    action_entry_normal,
    action_identity,
)

__all__ = [
    "ACTION_EDITABLE",
    "ACTION_FIELDS",
    "PlanImportResult",
    "action_create",
    "action_edit",
    "action_entry",
    "action_entry_normal",
    "action_identity",
    "action_update_add",
    "event_delete",
    "event_register",
    "event_sync",
    "event_withdraw",
    "known_codes",
    "plan_document",
    "plan_file_validate",
    "plan_import",
]
