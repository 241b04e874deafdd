# SPDX-License-Identifier: EUPL-1.2
"""Retention (AVG): contact details anonymised, closed signals deleted on their term,
with a statistics row kept."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality
from kompas.core.services import audit_log

from ..constants import (
    HistoryKind,
    Outcome,
    SignalStatus,
)
from ..models import (
    Dossier,
    RetentionSettings,
    Signal,
    SignalStatistic,
)
from ._common import (
    SYSTEM_LABEL,
    _history,
)


@dataclass
class RetentionReport:
    anonymise: list[int] = field(default_factory=list)
    delete: list[int] = field(default_factory=list)
    dry_run: bool = True


def retention_settings_get(*, municipality: Municipality) -> RetentionSettings:
    obj, _created = RetentionSettings.objects.get_or_create(municipality=municipality)
    return obj


RETENTION_LIMITS = {
    "contact_days": (30, 3650),
    "delete_years": (1, 20),
    "delete_years_no_ground": (1, 20),
}


@transaction.atomic
def retention_settings_update(*, municipality: Municipality, by, **terms: int) -> RetentionSettings:
    """The beheerder sets the gemeente's terms (Beheer > Bewaartermijnen meldingen); audited
    with old and new values. A signal without ground never stays longer than one with."""
    rules = RetentionSettings.objects.select_for_update().get(
        pk=retention_settings_get(municipality=municipality).pk
    )
    errors = {}
    for name, value in terms.items():
        low, high = RETENTION_LIMITS[name]
        if not low <= value <= high:
            errors[name] = _("Kies een waarde van %(low)s tot en met %(high)s.") % {
                "low": low,
                "high": high,
            }
    if not errors and terms["delete_years_no_ground"] > terms["delete_years"]:
        errors["delete_years_no_ground"] = _(
            "Meldingen zonder grond mogen niet langer bewaard worden dan andere meldingen."
        )
    if errors:
        raise ValidationError(errors)
    old = {name: getattr(rules, name) for name in terms}
    for name, value in terms.items():
        setattr(rules, name, value)
    rules.full_clean()
    rules.save()
    changes = {k: (v, terms[k]) for k, v in old.items() if v != terms[k]}
    if changes:
        audit_log(
            user=by,
            action=AuditAction.UPDATE,
            obj=rules,
            municipality=municipality,
            changes=changes,
            note="bewaartermijnen meldingen",
        )
    return rules


def retention_run(*, dry_run: bool = True, now: datetime | None = None) -> RetentionReport:
    """Anonymise contact details N days after closing; delete closed signals after M years
    (shorter for 'geen grond'), keeping a SignalStatistic row. Per gemeente settings."""
    now = now or timezone.now()
    report = RetentionReport(dry_run=dry_run)
    for municipality in Municipality.objects.all():
        rules = retention_settings_get(municipality=municipality)
        closed = Signal.objects.filter(
            municipality=municipality, status=SignalStatus.CLOSED, closed_at__isnull=False
        )
        to_anonymise = closed.filter(
            has_contact=True, closed_at__lte=now - timedelta(days=rules.contact_days)
        )
        to_delete = closed.filter(
            outcome=Outcome.NO_GROUND,
            closed_at__lte=now - timedelta(days=365 * rules.delete_years_no_ground),
        ) | closed.exclude(outcome=Outcome.NO_GROUND).filter(
            closed_at__lte=now - timedelta(days=365 * rules.delete_years)
        )
        delete_ids = sorted(to_delete.values_list("pk", flat=True))
        anonymise_ids = sorted(
            pk for pk in to_anonymise.values_list("pk", flat=True) if pk not in delete_ids
        )
        report.anonymise += anonymise_ids
        report.delete += delete_ids
        if dry_run:
            continue
        with transaction.atomic():
            for s in Signal.objects.filter(pk__in=anonymise_ids):
                s.contact_enc = ""
                s.has_contact = False
                s.contact_anonymised_at = now
                s.save(update_fields=["contact_enc", "has_contact", "contact_anonymised_at"])
                _history(signal=s, kind=HistoryKind.CONTACT_ANONYMISED, by_label=SYSTEM_LABEL)
                audit_log(
                    user=None,
                    action=AuditAction.UPDATE,
                    obj=s,
                    fields=["contact"],
                    note="bewaartermijn: contactgegevens geanonimiseerd",
                )
            for s in Signal.objects.filter(pk__in=delete_ids):
                SignalStatistic.objects.update_or_create(
                    signal_id=s.pk,
                    defaults={
                        "municipality": municipality,
                        "created_at": s.created_at,
                        "closed_at": s.closed_at,
                        "phenomenon": s.effective_phenomenon,
                        "outcome": s.outcome,
                        "buurt_code": s.buurt_code,
                        "deleted_at": now,
                    },
                )
                audit_log(
                    user=None,
                    action=AuditAction.DELETE,
                    obj=s,
                    note="bewaartermijn: melding verwijderd, statistiek bewaard",
                )
                s.delete()
            Dossier.objects.filter(municipality=municipality, signals=None).delete()
    return report
