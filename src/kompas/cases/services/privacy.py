# SPDX-License-Identifier: EUPL-1.2
"""AVG duties of casework: retention per case type and gemeente, subject access (art. 15),
erasure (art. 17), and re-encryption when the meldpunt's keys rotate."""

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.pdf import html_to_pdf
from kompas.core.services import audit_log
from kompas.signals import crypto

from ..constants import DEFAULT_RETENTION_YEARS, RESTRICTED_KINDS, CaseStatus, CaseType
from ..models import (
    Case,
    CaseDiscussion,
    CaseStatistic,
    Person,
    RetentionRule,
    WeegploegAssessment,
)
from .cases import audit_case, person_identity
from .persons import identities_rotate
from .validation import reason_clean


# --- Retention ------------------------------------------------------------------------------
def retention_years(*, municipality) -> dict[str, int]:
    years = {k.value: v for k, v in DEFAULT_RETENTION_YEARS.items()}
    years.update(
        RetentionRule.objects.filter(municipality=municipality).values_list("case_type", "years")
    )
    return years


@transaction.atomic
def retention_rule_set(*, municipality, case_type: str, years: int, by) -> RetentionRule:
    if case_type not in CaseType.values:
        raise ValidationError({"case_type": _("Kies een geldige soort casus.")})
    if not 1 <= int(years) <= 30:
        raise ValidationError({"years": _("Kies een bewaartermijn van 1 tot en met 30 jaar.")})
    rule, _new = RetentionRule.objects.update_or_create(
        municipality=municipality, case_type=case_type, defaults={"years": int(years)}
    )
    audit_log(
        user=by, action=AuditAction.UPDATE, obj=rule, municipality=municipality, fields=[case_type]
    )
    return rule


def _add_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


@dataclass
class RetentionReport:
    dry_run: bool
    due: list[tuple[str, str, str]] = field(default_factory=list)  # (gemeente, number, type)

    def lines(self) -> list[str]:
        """The report's lines; `kompas retention run` puts "PROEF" before them on a dry run."""
        numbers = ", ".join(f"{g} {n}" for g, n, _t in self.due)
        return [
            f"casussen verwijderen (bewaartermijn verstreken): {len(self.due)}"
            + (f" ({numbers})" if numbers else "")
        ]


def _due_cases(now: datetime):
    years_by_gemeente: dict[int, dict[str, int]] = {}
    closed = Case.objects.filter(status=CaseStatus.CLOSED, closed_at__isnull=False).select_related(
        "municipality"
    )
    for case in closed.order_by("closed_at", "pk"):
        years = years_by_gemeente.setdefault(
            case.municipality_id, retention_years(municipality=case.municipality)
        )
        if _add_years(case.closed_at, years[case.case_type]) <= now:
            yield case


def retention_run(*, dry_run: bool = True, now: datetime | None = None) -> RetentionReport:
    """Delete closed cases whose term (years after closing, per type and gemeente) has passed,
    with their persons, tables, minutes and interventions; one statistics row remains per case.
    Measures in the register stay, without their link to the case."""
    now = now or timezone.now()
    report = RetentionReport(dry_run=dry_run)
    for case in list(_due_cases(now)):
        report.due.append((case.municipality.code, case.number, case.case_type))
        if not dry_run:
            _case_delete_for_retention(case)
    return report


@transaction.atomic
def _case_delete_for_retention(case: Case) -> None:
    CaseStatistic.objects.create(
        municipality=case.municipality,
        case_type=case.case_type,
        year=case.year,
        closed_on=timezone.localtime(case.closed_at).date() if case.closed_at else None,
        close_reason=case.close_reason,
        table_kinds=sorted(set(case.listings.values_list("series__kind", flat=True))),
        persons=case.persons.count(),
        interventions=case.interventions.count(),
    )
    audit_case(user=None, action=AuditAction.DELETE, case=case, note="bewaartermijn verstreken")
    case.measures.update(case=None)
    case.delete()


# --- Subject access (AVG art. 15) -----------------------------------------------------------
def subject_access_data(*, person: Person) -> dict:
    case = person.case
    identity = person_identity(person)
    return {
        "toelichting": "Inzage (AVG artikel 15): alle gegevens over deze persoon in "
        "Veiligheidskompas.",
        "gemaakt_op": timezone.now().isoformat(timespec="seconds"),
        "persoon": {
            "pseudoniem": identity.pseudonym,
            "naam": identity.name,
            "geboortedatum": identity.birth_date.isoformat() if identity.birth_date else None,
            "adres": identity.address,
            "bsn": identity.bsn,
            "rol_in_casus": identity.role,
        },
        "casus": {
            "nummer": case.number,
            "gemeente": case.municipality.name,
            "soort": case.get_case_type_display(),
            "status": case.get_status_display(),
            "aanleiding": crypto.decrypt(case.summary_enc),
            "regisseur": case.regisseur_label,
            "grondslag": {
                "soort": case.get_legal_ground_kind_display(),
                "naam": case.legal_ground_name,
                "datum": case.legal_ground_date.isoformat() if case.legal_ground_date else None,
            },
            "aangemeld_op": case.created_at.isoformat(timespec="seconds"),
            "afgesloten_op": case.closed_at.isoformat(timespec="seconds")
            if case.closed_at
            else None,
        },
        "statusgeschiedenis": [
            {"van": c.from_status, "naar": c.to_status, "op": c.at.isoformat(timespec="seconds")}
            for c in case.status_changes.all()
        ],
        "tafels": [
            {
                "overleg": str(li.series),
                "vanaf": li.listed_from.isoformat(),
                "tot_en_met": li.listed_until.isoformat() if li.listed_until else None,
            }
            for li in case.listings.select_related("series")
        ],
        "besluiten": [
            {"vergadering": str(d.meeting), "besluit": crypto.decrypt(d.decision_enc)}
            for d in case.discussions.select_related("meeting__series")
        ],
        "interventies": [
            {
                "interventie": i.description,
                "eigenaar": i.owner_label,
                "uiterlijk": i.due_date.isoformat(),
                "status": i.get_status_display(),
                "resultaat": i.result,
            }
            for i in case.interventions.select_related("owner_partner")
        ],
        "wegingen": [
            {
                "datum": a.date.isoformat(),
                "voldoet": a.meets_criteria,
                "redenen": crypto.decrypt(a.reasons_enc),
            }
            for a in case.assessments.all()
        ],
        "instrumenten": [
            {
                "instrument": m.get_kind_display(),
                "datum": m.date.isoformat(),
                "wetsartikel": m.legal_article,
            }
            # A Bibob file is the bibob-coördinator's alone (the beheerder makes this export);
            # its inzage follows the Wet Bibob's own rules, not this export.
            for m in case.measures.exclude(kind__in=RESTRICTED_KINDS)
        ],
    }


def subject_access_export(*, person: Person, user, fmt: str) -> bytes:
    """Everything about one person as JSON or PDF (WeasyPrint). Audited as an export."""
    data = subject_access_data(person=person)
    audit_case(
        user=user,
        action=AuditAction.EXPORT,
        case=person.case,
        fields=[f"persoon {person.label}"],
        note=f"inzageverzoek AVG art. 15 ({fmt})",
    )
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return html_to_pdf(render_to_string("cases/subject_access_pdf.html", {"data": data}))


# --- Erasure (AVG art. 17) ------------------------------------------------------------------
@transaction.atomic
def person_erase(*, person: Person, by, reason: str) -> None:
    """Erase one person from a case for a reason; the audit keeps who, when, why and the
    pseudonym, never the identity."""
    reason = reason_clean(reason)
    case = person.case
    label = person.label
    Person.objects.filter(pk=person.pk).delete()
    audit_case(
        user=by, action=AuditAction.DELETE, case=case, fields=[f"persoon {label}"], note=reason
    )


# --- Key rotation ---------------------------------------------------------------------------
@transaction.atomic
def keys_rotate() -> dict[str, int]:
    """Re-encrypt every casework field with the meldpunt's current first key."""
    counts = {"casussen": 0, "personen": 0, "besluiten": 0, "wegingen": 0}
    for case in Case.objects.select_for_update().exclude(summary_enc=""):
        Case.objects.filter(pk=case.pk).update(summary_enc=crypto.rotate_text(case.summary_enc))
        counts["casussen"] += 1
    counts["personen"] = identities_rotate(Person.objects.select_for_update())
    for d in CaseDiscussion.objects.select_for_update():
        CaseDiscussion.objects.filter(pk=d.pk).update(
            decision_enc=crypto.rotate_text(d.decision_enc)
        )
        counts["besluiten"] += 1
    for a in WeegploegAssessment.objects.select_for_update():
        WeegploegAssessment.objects.filter(pk=a.pk).update(
            reasons_enc=crypto.rotate_text(a.reasons_enc)
        )
        counts["wegingen"] += 1
    return counts
