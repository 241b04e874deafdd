# SPDX-License-Identifier: EUPL-1.2
"""Key rotation: every encrypted value re-encrypted with the current (first) key."""

import itertools

from django.db import transaction

from kompas.core import hooks

from .. import crypto
from ..models import (
    Signal,
    SignalAttachment,
    SignalHistory,
    SignalMessage,
)

ROTATE_BATCH = 500


def _rotate_batches(qs, fields: list[str], rotate, *, batch_size: int | None = None) -> int:
    """Re-encrypt `fields` of every row of `qs`, ROTATE_BATCH rows per transaction: the ids
    stream from the database (.iterator()), never all rows in memory, and each batch's rows
    are locked only while that batch is rewritten. A run that stops half-way leaves every
    value readable (old keys still decrypt); running it again finishes the job."""
    size = batch_size or ROTATE_BATCH
    done = 0
    ids = qs.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=size)
    while batch := list(itertools.islice(ids, size)):
        with transaction.atomic():
            rows = list(qs.model.objects.select_for_update().filter(pk__in=batch).only(*fields))
            for row in rows:
                for name in fields:
                    setattr(row, name, rotate(getattr(row, name)))
            qs.model.objects.bulk_update(rows, fields)
        done += len(rows)
    return done


def keys_rotate() -> dict[str, int]:
    """Re-encrypt every encrypted value with the current (first) key, in batches."""
    counts = {
        "meldingen": _rotate_batches(
            Signal.objects.all(),
            ["description_enc", "location_enc", "contact_enc"],
            crypto.rotate_text,
        ),
        "berichten": _rotate_batches(SignalMessage.objects.all(), ["body_enc"], crypto.rotate_text),
        # Attachments are up to 10 MB each: a few at a time.
        "bijlagen": _rotate_batches(
            SignalAttachment.objects.all(),
            ["data_enc"],
            crypto.rotate_bytes,
            batch_size=max(1, ROTATE_BATCH // 50),
        ),
    }
    # History rows are append-only for everything except re-encryption of their note; the
    # trigger allows changing note_enc only (migration 0002).
    counts["historie"] = _rotate_batches(
        SignalHistory.objects.exclude(note_enc=""), ["note_enc"], crypto.rotate_text
    )
    # Other apps that encrypt with the meldpunt's keys (cases' persons) rotate theirs too.
    for app_counts in hooks.encrypted_fields_rotate():
        counts.update(app_counts)
    return counts
