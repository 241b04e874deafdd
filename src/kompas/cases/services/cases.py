# SPDX-License-Identifier: EUPL-1.2
"""Writes of casework: cases, persons, status, interventions, tables, discussions. Each public
function is one transaction: a case with its persons and interventions is stored whole or not
at all. Identity and free texts are encrypted with the meldpunt's keys (kompas.signals.crypto).
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.core.models import Municipality
from kompas.core.services import audit_log
from kompas.signals import crypto

from ..constants import (
    ALLOWED_CASE_TRANSITIONS,
    NUMBER_PREFIX,
    PERSON_LABELS,
    TABLE_KINDS,
    CaseStatus,
    CaseType,
    CloseReason,
    InterventionStatus,
    LegalGroundKind,
    SubjectKind,
)
from ..models import (
    Case,
    CaseCounter,
    CaseListing,
    CaseStatusChange,
    Intervention,
    Person,
)
from .persons import Identity, identity_decrypt, identity_encrypt, identity_reveal
from .validation import InterventionData, PersonData, person_validate, reason_clean

CASE_OBJECT = "cases.case"


def audit_case(*, user, action: str, case: Case, fields=(), note: str = "") -> None:
    """Every audit line about a case carries object type `cases.case` and the case's id, so
    "who saw case X" is one filter on the audit log (persons are named in `fields`)."""
    audit_log(
        user=user,
        action=action,
        object_type=CASE_OBJECT,
        object_id=case.pk,
        municipality=case.municipality,
        fields=fields,
        note=note,
    )


# --- Numbering ------------------------------------------------------------------------------
def number_prefix(municipality: Municipality) -> str:
    return NUMBER_PREFIX.get(municipality.code) or municipality.name[:2].upper()


def _next_number(municipality: Municipality, year: int) -> tuple[int, str]:
    counter, _new = CaseCounter.objects.get_or_create(municipality=municipality, year=year)
    counter = CaseCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, f"{number_prefix(municipality)}-{year}-{counter.last:03d}"


# --- Checks ---------------------------------------------------------------------------------
def _choice(value: str, choices, field_name: str, label: str) -> None:
    if value not in choices.values:
        raise ValidationError({field_name: _("Kies een geldige %(l)s.") % {"l": label}})


def _check_regisseur(case: Case) -> None:
    if case.regisseur_partner_id and not case.regisseur_name.strip():
        raise ValidationError(
            {"regisseur_name": _("Noem de regisseur bij de partnerorganisatie bij naam.")}
        )
    if not case.regisseur_partner_id and not case.regisseur_user_id:
        raise ValidationError(
            {"regisseur_user": _("Wijs een regisseur aan: iemand van de gemeente of een partner.")}
        )
    if case.regisseur_partner_id and case.regisseur_user_id:
        raise ValidationError(
            {"regisseur_user": _("Kies één regisseur: van de gemeente óf van een partner.")}
        )


def _check_legal_ground(case: Case) -> None:
    parts = [case.legal_ground_kind, case.legal_ground_name, case.legal_ground_date]
    if any(parts) and not all(parts):
        raise ValidationError(
            {
                "legal_ground_kind": _(
                    "Vul de grondslag helemaal in (soort, naam en datum) of laat haar leeg."
                )
            }
        )
    if case.legal_ground_kind:
        _choice(case.legal_ground_kind, LegalGroundKind, "legal_ground_kind", _("grondslag"))
    if case.legal_ground_date and case.legal_ground_date > timezone.localdate():
        raise ValidationError(
            {"legal_ground_date": _("De datum van de grondslag ligt in de toekomst.")}
        )


def _check_subject(case: Case, *, person_count: int) -> None:
    if case.subject_kind == SubjectKind.ADDRESS and case.dossier_id is None:
        raise ValidationError({"dossier": _("Kies het adresdossier waar deze casus over gaat.")})
    if case.subject_kind == SubjectKind.GROUP and not case.group_description.strip():
        raise ValidationError({"group_description": _("Omschrijf de groep (zonder namen).")})
    if case.subject_kind in (SubjectKind.PERSONS, SubjectKind.HOUSEHOLD) and person_count == 0:
        raise ValidationError({"persons": _("Voeg minstens één persoon toe.")})


def _check_same_gemeente(case: Case, signals=(), actions=()) -> None:
    if case.dossier_id and case.dossier.municipality_id != case.municipality_id:
        raise ValidationError({"dossier": _("Dit dossier hoort niet bij deze gemeente.")})
    if any(s.municipality_id != case.municipality_id for s in signals):
        raise ValidationError({"signals": _("Een melding hoort niet bij deze gemeente.")})
    if any(a.plan.municipality_id != case.municipality_id for a in actions):
        raise ValidationError({"actions": _("Een actie hoort niet bij deze gemeente.")})


def _person_new(*, case: Case, data: PersonData, label: str) -> Person:
    return Person.objects.create(
        case=case, label=label, role=(data.role or "")[:100], **identity_encrypt(data, label=label)
    )


def _next_label(case: Case) -> str:
    used = set(case.persons.values_list("label", flat=True))
    for label in PERSON_LABELS:
        if label not in used:
            return label
    raise ValidationError({"persons": _("Een casus heeft hoogstens 26 personen.")})


def _intervention_new(*, case: Case, data: InterventionData, by, discussion=None) -> Intervention:
    description = (data.description or "").strip()
    if not description:
        raise ValidationError({"interventions": _("Omschrijf de interventie.")})
    if data.due_date is None:
        raise ValidationError({"interventions": _("Geef aan wanneer de interventie klaar is.")})
    intervention = Intervention(
        case=case,
        description=description[:300],
        owner_partner=data.owner_partner,
        due_date=data.due_date,
        discussion=discussion,
        created_by=by,
    )
    intervention.full_clean()
    intervention.save()
    return intervention


# --- Cases ----------------------------------------------------------------------------------
CASE_FIELDS = (
    "case_type",
    "subject_kind",
    "group_description",
    "dossier",
    "regisseur_user",
    "regisseur_partner",
    "regisseur_name",
    "legal_ground_kind",
    "legal_ground_name",
    "legal_ground_date",
)


@transaction.atomic
def case_create(
    *,
    municipality: Municipality,
    case_type: str,
    by,
    summary: str = "",
    persons: list[PersonData] = (),
    interventions: list[InterventionData] = (),
    series=(),
    signals=(),
    actions=(),
    created_at=None,
    is_demo: bool = False,
    **fields,
) -> Case:
    """Register a case (status aangemeld) with its persons, interventions and tables."""
    _choice(case_type, CaseType, "case_type", _("soort casus"))
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"unknown case fields {sorted(unknown)}")
    created_at = created_at or timezone.now()
    year = timezone.localtime(created_at).year
    case = Case(
        municipality=municipality,
        case_type=case_type,
        year=year,
        sequence=0,
        number="",
        summary_enc=crypto.encrypt((summary or "").strip()),
        created_at=created_at,
        created_by=by,
        is_demo=is_demo,
        **fields,
    )
    _choice(case.subject_kind, SubjectKind, "subject_kind", _("soort onderwerp"))
    _check_regisseur(case)
    _check_legal_ground(case)
    _check_same_gemeente(case, signals, actions)
    _check_subject(case, person_count=len(persons))
    case.sequence, case.number = _next_number(municipality, year)
    case.save()
    CaseStatusChange.objects.create(
        case=case, to_status=CaseStatus.REGISTERED, by=by, at=created_at
    )
    for label, data in zip(PERSON_LABELS, persons, strict=False):
        _person_new(case=case, data=data, label=label)
    for data in interventions:
        _intervention_new(case=case, data=data, by=by)
    for s in series:
        _listing_new(case=case, series=s, by=by, listed_from=timezone.localtime(created_at).date())
    case.signals.set(signals)
    case.actions.set(actions)
    audit_case(
        user=by,
        action=AuditAction.CREATE,
        case=case,
        fields=[f"persoon {p.label}" for p in case.persons.all()],
    )
    return case


@transaction.atomic
def case_update(
    *, case: Case, by, summary: str | None = None, signals=None, actions=None, **changes
) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    unknown = set(changes) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"unknown case fields {sorted(unknown)}")
    changed = [f for f, v in changes.items() if getattr(case, f) != v]
    for f, v in changes.items():
        setattr(case, f, v)
    if summary is not None and summary.strip() != crypto.decrypt(case.summary_enc):
        case.summary_enc = crypto.encrypt(summary.strip())
        changed.append("summary")
    _choice(case.case_type, CaseType, "case_type", _("soort casus"))
    _check_regisseur(case)
    _check_legal_ground(case)
    _check_same_gemeente(case, signals or (), actions or ())
    _check_subject(case, person_count=case.persons.count())
    case.save()
    if signals is not None:
        case.signals.set(signals)
        changed.append("signals")
    if actions is not None:
        case.actions.set(actions)
        changed.append("actions")
    if changed:
        audit_case(user=by, action=AuditAction.UPDATE, case=case, fields=changed)
    return case


@transaction.atomic
def case_status_change(
    *, case: Case, to: str, by, reason: str = "", note: str = "", at=None
) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if to not in ALLOWED_CASE_TRANSITIONS.get(case.status, set()):
        raise ValidationError(
            {
                "status": _("Een casus die %(from)s is, kan niet naar %(to)s.")
                % {
                    "from": case.get_status_display(),
                    "to": CaseStatus(to).label if to in CaseStatus.values else to,
                }
            }
        )
    if to == CaseStatus.CLOSED:
        if reason not in CloseReason.values:
            raise ValidationError({"reason": _("Kies de reden van afsluiten.")})
        case.close_reason = reason
        case.closed_at = at or timezone.now()
    elif reason:
        raise ValidationError({"reason": _("Een reden hoort alleen bij afsluiten.")})
    previous, case.status = case.status, to
    case.save(update_fields=["status", "close_reason", "closed_at", "updated_at"])
    CaseStatusChange.objects.create(
        case=case,
        from_status=previous,
        to_status=to,
        reason=reason,
        note=(note or "")[:300],
        by=by,
        at=at or timezone.now(),
    )
    audit_case(user=by, action=AuditAction.UPDATE, case=case, fields=["status"], note=to)
    return case


# --- Persons --------------------------------------------------------------------------------
@transaction.atomic
def person_add(*, case: Case, data: PersonData, by) -> Person:
    case = Case.objects.select_for_update().get(pk=case.pk)
    person_validate(data)
    person = _person_new(case=case, data=data, label=_next_label(case))
    audit_case(user=by, action=AuditAction.CREATE, case=case, fields=[f"persoon {person.label}"])
    return person


def person_identity(person: Person) -> Identity:
    """Decrypt one person (no audit: callers audit; use person_reveal from views)."""
    return identity_decrypt(person)


def person_reveal(*, case: Case, user, reason: str, person: Person | None = None) -> list[Identity]:
    """The identities behind a case's pseudonyms (or one person's), once, for a reason.
    Audited as action `reveal` on the case, naming the persons and the reason."""
    persons = [person] if person is not None else list(case.persons.select_related("case"))
    if person is not None and person.case_id != case.pk:
        reason_clean(reason)
        raise ValidationError({"person": _("Deze persoon hoort niet bij deze casus.")})
    return identity_reveal(
        user=user,
        reason=reason,
        holders=persons,
        object_type=CASE_OBJECT,
        object_id=case.pk,
        municipality=case.municipality,
    )


# --- Reading a case (audited) ----------------------------------------------------------------
@dataclass
class CaseTexts:
    summary: str
    decisions: dict[int, str] = field(default_factory=dict)
    assessments: dict[int, str] = field(default_factory=dict)


def case_read(
    *, case: Case, user, via: str = "pagina", discussions=(), assessments=()
) -> CaseTexts:
    """Decrypt the case's texts (not the identities) for one reader, and audit the view."""
    audit_case(user=user, action=AuditAction.VIEW, case=case, note=via)
    return CaseTexts(
        summary=crypto.decrypt(case.summary_enc),
        decisions={d.pk: crypto.decrypt(d.decision_enc) for d in discussions},
        assessments={a.pk: crypto.decrypt(a.reasons_enc) for a in assessments},
    )


# --- Interventions --------------------------------------------------------------------------
@transaction.atomic
def intervention_create(*, case: Case, data: InterventionData, by, discussion=None) -> Intervention:
    intervention = _intervention_new(case=case, data=data, by=by, discussion=discussion)
    audit_case(user=by, action=AuditAction.CREATE, case=case, fields=["interventions"])
    return intervention


@transaction.atomic
def intervention_update(
    *,
    intervention: Intervention,
    by,
    status: str | None = None,
    result: str | None = None,
    due_date=None,
) -> Intervention:
    intervention = (
        Intervention.objects.select_for_update().select_related("case").get(pk=intervention.pk)
    )
    changed = []
    if status is not None and status != intervention.status:
        _choice(status, InterventionStatus, "status", _("status"))
        intervention.status, changed = status, [*changed, "status"]
    if result is not None and result.strip() != intervention.result:
        intervention.result, changed = result.strip(), [*changed, "result"]
    if due_date is not None and due_date != intervention.due_date:
        intervention.due_date, changed = due_date, [*changed, "due_date"]
    intervention.full_clean()
    intervention.save()
    if changed:
        audit_case(
            user=by,
            action=AuditAction.UPDATE,
            case=intervention.case,
            fields=changed,
            note="interventie",
        )
    return intervention


# --- Tables (listings) ----------------------------------------------------------------------
def _listing_new(*, case: Case, series, by, listed_from: date | None = None) -> CaseListing:
    if series.municipality_id != case.municipality_id:
        raise ValidationError({"series": _("Dit overleg hoort niet bij deze gemeente.")})
    if series.kind not in TABLE_KINDS:
        raise ValidationError(
            {"series": _("Casussen worden besproken aan OVO, AVE, JOS, PGA, ZVH of weegploeg.")}
        )
    if case.listings.filter(series=series, listed_until__isnull=True).exists():
        raise ValidationError({"series": _("De casus staat al op deze tafel.")})
    return CaseListing.objects.create(
        case=case, series=series, by=by, listed_from=listed_from or timezone.localdate()
    )
