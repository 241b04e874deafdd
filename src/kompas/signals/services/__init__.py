# SPDX-License-Identifier: EUPL-1.2
"""Writes of the meldpunt, one module per seam. Every state change goes through
`signal_transition` (workflow); every read of a signal's contents by a person goes through the
reading module (`signal_view`, `signal_view_for_partner`, ...), which decrypts and writes an
audit entry. The public names stay importable as `kompas.signals.services.<name>`."""

from ..selectors import staff_choices
from ._common import OBJECT_TYPE, REPORTER_LABEL, SYSTEM_LABEL, TransitionError
from .addresses import (
    AddressImportError,
    AddressImportReport,
    address_list_import,
    address_list_replace,
)
from .agreements import sharing_agreement_deactivate, sharing_agreement_save
from .feeds import signals_feed_monitoring
from .forwarding import Export, agreement_ground, signal_forward
from .intake import (
    Contact,
    Location,
    NewSignal,
    address_normalise,
    signal_create,
    signal_follow_up_open,
    signal_reporter_reply,
)
from .keys import ROTATE_BATCH, keys_rotate
from .reading import (
    ReporterView,
    SignalView,
    attachment_read,
    dossier_timeline,
    signal_search,
    signal_view,
    signal_view_for_partner,
    signal_view_for_reporter,
)
from .retention import (
    RetentionReport,
    retention_run,
    retention_settings_get,
    retention_settings_update,
)
from .workflow import (
    dossier_link,
    signal_assign,
    signal_classify,
    signal_question_ask,
    signal_set_priority,
    signal_transition,
)

__all__ = [
    "OBJECT_TYPE",
    "AddressImportError",
    "AddressImportReport",
    "REPORTER_LABEL",
    "ROTATE_BATCH",
    "SYSTEM_LABEL",
    "Contact",
    "Export",
    "Location",
    "NewSignal",
    "ReporterView",
    "RetentionReport",
    "SignalView",
    "TransitionError",
    "address_list_import",
    "address_list_replace",
    "address_normalise",
    "agreement_ground",
    "attachment_read",
    "dossier_link",
    "dossier_timeline",
    "keys_rotate",
    "retention_run",
    "retention_settings_get",
    "retention_settings_update",
    "sharing_agreement_deactivate",
    "sharing_agreement_save",
    "signal_assign",
    "signal_classify",
    "signal_create",
    "signal_follow_up_open",
    "signal_forward",
    "signal_question_ask",
    "signal_reporter_reply",
    "signal_search",
    "signal_set_priority",
    "signal_transition",
    "signal_view",
    "signal_view_for_partner",
    "signal_view_for_reporter",
    "signals_feed_monitoring",
    "staff_choices",
]
