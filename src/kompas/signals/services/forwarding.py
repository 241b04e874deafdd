# SPDX-License-Identifier: EUPL-1.2
"""Forwarding: a signal or dossier exported for a partner (PDF or JSON) and recorded."""

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.pdf import html_to_pdf
from kompas.core.services import audit_log

from ..constants import (
    HistoryKind,
)
from ..models import (
    Dossier,
    Forwarding,
    SharingAgreement,
    Signal,
)
from ._common import (
    _history,
    _label,
)
from .reading import _decrypted


@dataclass
class Export:
    content: bytes
    content_type: str
    filename: str
    forwarding: Forwarding


def _export_payload(*, signals: list[Signal], user, partner, ground, dossier) -> dict:
    items = []
    for s in signals:
        v = _decrypted(s, with_contact=False)
        items.append(
            {
                "id": s.pk,
                "ontvangen": s.created_at.isoformat(),
                "verschijnsel": s.get_effective_phenomenon_display(),
                "status": s.get_status_display(),
                "prioriteit": s.get_priority_display(),
                "omschrijving": v.description,
                "plaats": v.location,
                "wanneer": {
                    "soort": s.get_when_kind_display(),
                    "vanaf": s.when_from.isoformat() if s.when_from else None,
                    "tot": s.when_to.isoformat() if s.when_to else None,
                },
                "berichten": [
                    {"van": m["direction_label"], "tekst": m["text"], "op": m["at"].isoformat()}
                    for m in v.messages
                ],
                "bijlagen": len(v.attachments),
            }
        )
    return {
        "gemeente": signals[0].municipality.name if signals else "",
        "gedeeld_met": partner.name,
        "grondslag": ground,
        "gedeeld_door": _label(user),
        "gedeeld_op": timezone.now().isoformat(),
        "dossier": {"id": dossier.pk, "titel": dossier.title} if dossier else None,
        "meldingen": items,
        "let_op": "Contactgegevens van de melder worden nooit gedeeld.",
    }


def _render(payload: dict, fmt: str) -> tuple[bytes, str]:
    if fmt == "json":
        content = json.dumps(payload, ensure_ascii=False, indent=2, default=str).encode("utf-8")
        return content, "application/json"
    html = render_to_string("signals/export_pdf.html", {"export": payload})
    return html_to_pdf(html), "application/pdf"


@transaction.atomic
def _forwarding_record(
    *, by, agreement, partner, ground, fmt, signals, signal, dossier, municipality, content
) -> Forwarding:
    """Record the export: the signals' rows are locked only for these few inserts."""
    list(Signal.objects.select_for_update().filter(pk__in=[s.pk for s in signals]))
    forwarding = Forwarding(
        municipality=municipality,
        signal=signal,
        dossier=dossier,
        partner=partner,
        agreement=agreement,
        ground=ground,
        fmt=fmt,
        signal_ids=[s.pk for s in signals],
        sha256=hashlib.sha256(content).hexdigest(),
        by=by,
    )
    forwarding.full_clean()
    forwarding.save()
    for s in signals:
        _history(
            signal=s,
            kind=HistoryKind.FORWARDED,
            by=by,
            note=ground,
            data={"partner": partner.code, "format": fmt, "forwarding": forwarding.pk},
        )
        audit_log(
            user=by,
            action=AuditAction.EXPORT,
            obj=s,
            note=f"gedeeld met {partner.code} als {fmt} (doorzending {forwarding.pk})",
        )
    return forwarding


def agreement_ground(agreement: SharingAgreement) -> str:
    """The ground recorded with a forwarding: the agreement's name, date and legal ground."""
    text = _("%(name)s van %(date)s: %(ground)s") % {
        "name": agreement.name,
        "date": date_format(agreement.signed_on, "j F Y"),
        "ground": agreement.legal_ground,
    }
    return text[:500]


def signal_forward(
    *,
    by,
    agreement: SharingAgreement,
    fmt: str,
    signal: Signal | None = None,
    dossier: Dossier | None = None,
) -> Export:
    """Export a signal or a dossier for a partner as PDF or JSON, and record what was shared
    with whom, when, and on what ground (history of every signal + audit entry).
    The reporter's contact details are never part of an export.

    The partner and the ground come from one of the gemeente's active sharing agreements:
    nothing is shared with an organisation the gemeente has no agreement with.

    The PDF (seconds of WeasyPrint) is rendered before the transaction that locks the
    signals' rows opens: on SQLite that transaction holds the database's one write lock, so
    reporters and colleagues would wait for the rendering. The record names the SHA-256 of
    exactly the file that was handed out."""
    if fmt not in ("pdf", "json"):
        raise ValidationError({"fmt": _("Kies PDF of JSON.")})
    if (signal is None) == (dossier is None):
        raise ValueError("forward a signal or a dossier")
    municipality = (signal or dossier).municipality
    if (
        agreement is None
        or agreement.municipality_id != municipality.pk
        or not agreement.active
        or not agreement.partner.active
    ):
        raise ValidationError(
            {
                "agreement": _(
                    "Met deze organisatie heeft de gemeente geen geldige deelafspraak. Delen "
                    "kan alleen met een organisatie op de lijst van deelafspraken."
                )
            }
        )
    partner = agreement.partner
    ground = agreement_ground(agreement)
    signals = [signal] if signal is not None else list(dossier.signals.order_by("created_at"))
    payload = _export_payload(
        signals=signals, user=by, partner=partner, ground=ground, dossier=dossier
    )
    content, content_type = _render(payload, fmt)
    forwarding = _forwarding_record(
        by=by,
        agreement=agreement,
        partner=partner,
        ground=ground,
        fmt=fmt,
        signals=signals,
        signal=signal,
        dossier=dossier,
        municipality=municipality,
        content=content,
    )
    subject = f"melding-{signal.pk}" if signal else f"dossier-{dossier.pk}"
    return Export(
        content=content,
        content_type=content_type,
        filename=f"{subject}-{partner.code}.{fmt}",
        forwarding=forwarding,
    )
