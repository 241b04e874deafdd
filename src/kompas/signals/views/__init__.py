# SPDX-License-Identifier: EUPL-1.2
"""Views of the meldpunt: public intake and follow-up (no login), and triage for team
Veiligheid. One module per audience; the names stay importable as kompas.signals.views.X."""

from .address_list import address_list
from .agreements import (
    agreement_create,
    agreement_deactivate,
    agreement_edit,
    agreement_list,
)
from .public import (
    follow_up,
    intake,
    intake_address,
    intake_busy_message,
    intake_contact,
    intake_create,
    intake_location,
    receipt,
)
from .retention import retention_settings
from .staff import (
    attachment_download,
    dossier_detail,
    dossier_list,
    signal_classify,
    signal_counts,
    signal_detail,
    signal_forward,
    signal_link,
    signal_list,
    signal_question,
    signal_transition,
)

__all__ = [
    "address_list",
    "agreement_create",
    "agreement_deactivate",
    "agreement_edit",
    "agreement_list",
    "attachment_download",
    "dossier_detail",
    "dossier_list",
    "follow_up",
    "intake",
    "intake_busy_message",
    "intake_contact",
    "intake_address",
    "intake_create",
    "intake_location",
    "receipt",
    "retention_settings",
    "signal_classify",
    "signal_counts",
    "signal_detail",
    "signal_forward",
    "signal_link",
    "signal_list",
    "signal_question",
    "signal_transition",
]
