# SPDX-License-Identifier: EUPL-1.2
"""The event register: what happened that may count towards a norm. Other apps feed it."""

from datetime import date as date_type

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality, Partnership
from kompas.core.services import audit_log

from ..constants import EventKind
from ..models import Event
from ._common import save as _save


@transaction.atomic
def event_register(
    *,
    kind: str,
    date,
    title: str,
    municipality: Municipality | None = None,
    partnership: Partnership | None = None,
    source_type: str = "",
    source_id: str = "",
    is_demo: bool = False,
    counts_for=None,
    by=None,
) -> Event:
    """Register that something happened that may count towards a norm (e.g. a LIO held, a
    progress report sent, an integrale controle). For exactly one gemeente or one
    samenwerkingsverband. With a source (source_type + source_id) the call is idempotent: the
    same source again updates date and title of the existing event instead of adding one.

    `counts_for` (a date, optional) is the date whose norm period the event counts in, when
    that is not `date` itself: a report is sent on `date` but counts for the period it covers,
    so reporting passes the last day of the report's period (a voortgangsrapportage 2025-T2
    sent on 12 January 2026 passes `date=2026-01-12, counts_for=2025-08-31` and counts for
    2025). Without it the event counts on its own date."""
    if (municipality is None) == (partnership is None):
        raise ValidationError(_("Kies een gemeente of een samenwerkingsverband (precies één)."))
    if kind not in EventKind.values:
        raise ValidationError({"kind": _("Onbekende soort gebeurtenis: %(k)s") % {"k": kind}})
    if bool(source_type) != bool(source_id):
        raise ValueError("source_type and source_id go together")
    if isinstance(date, str):
        date = date_type.fromisoformat(date)
    if isinstance(counts_for, str):
        counts_for = date_type.fromisoformat(counts_for) if counts_for else None
    if counts_for == date:
        counts_for = None
    if source_type:
        existing = (
            Event.objects.select_for_update()
            .filter(kind=kind, source_type=source_type, source_id=str(source_id))
            .first()
        )
        if existing is not None:
            values = {"date": date, "title": title, "counts_for": counts_for}
            changed = [name for name, value in values.items() if getattr(existing, name) != value]
            if changed:
                for name in changed:
                    setattr(existing, name, values[name])
                _save(existing)
                audit_log(
                    user=by,
                    action=AuditAction.UPDATE,
                    obj=existing,
                    municipality=municipality,
                    fields=changed,
                )
            return existing
    event = _save(
        Event(
            kind=kind,
            date=date,
            counts_for=counts_for,
            title=title,
            municipality=municipality,
            partnership=partnership,
            source_type=source_type,
            source_id=str(source_id),
            is_demo=is_demo,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
    )
    audit_log(user=by, action=AuditAction.CREATE, obj=event, municipality=municipality)
    return event


@transaction.atomic
def event_delete(*, event: Event, by=None, municipality: Municipality | None = None) -> None:
    audit_log(
        user=by,
        action=AuditAction.DELETE,
        obj=event,
        municipality=municipality or event.municipality,
        note=f"{event.get_kind_display()} {event.date}",
    )
    event.delete()


@transaction.atomic
def event_withdraw(*, kind: str, source_type: str, source_id, by=None) -> bool:
    """Remove the event a register produced (source_type + source_id), when the record no
    longer counts (a controle back to gepland, a day deleted). True when there was one."""
    if not source_type:
        raise ValueError("event_withdraw needs a source")
    event = (
        Event.objects.select_for_update()
        .filter(kind=kind, source_type=source_type, source_id=str(source_id))
        .first()
    )
    if event is None:
        return False
    audit_log(
        user=by,
        action=AuditAction.DELETE,
        obj=event,
        municipality=event.municipality,
        note=f"{event.get_kind_display()} {event.date} (ingetrokken door de bron)",
    )
    event.delete()
    return True


def event_sync(*, counts: bool, kind: str, source_type: str, source_id, by=None, **event) -> None:
    """A register's record and its norm event kept in step: registered (or updated) while
    the record `counts` (a controle carried out, a day held, a keuze adopted), withdrawn when
    it no longer does. `event` are event_register's other arguments (date, title, owner)."""
    if counts:
        event_register(kind=kind, source_type=source_type, source_id=str(source_id), by=by, **event)
    else:
        event_withdraw(kind=kind, source_type=source_type, source_id=source_id, by=by)
