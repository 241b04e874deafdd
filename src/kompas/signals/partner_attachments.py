# SPDX-License-Identifier: EUPL-1.2
"""Photos and documents of a signal for a partner on the LIO.

The meetings app decides that a partner may see a signal (it is on the agenda of a meeting of
their series, see `kompas.meetings.selectors.signal_content_visible`); this module decrypts one
attachment of that signal and writes an audit entry for every view, as `signal_view_for_partner`
does for the signal's text. Staff open attachments in the meldpunt (`services.attachment_read`).
"""

from kompas.core.constants import AuditAction
from kompas.core.services import audit_log

from . import crypto, selectors
from .models import Signal, SignalAttachment


def attachment_read_for_partner(
    *, signal: Signal, attachment_id: int, user
) -> tuple[SignalAttachment, bytes]:
    """The attachment (404 when it is not one of `signal`'s) and its decrypted bytes; audited."""
    attachment = selectors.attachment_get(signal=signal, attachment_id=attachment_id)
    audit_log(
        user=user,
        action=AuditAction.VIEW,
        obj=signal,
        note=f"bijlage {attachment.pk} ingezien door partner",
    )
    return attachment, crypto.decrypt_bytes(attachment.data_enc)
