# SPDX-License-Identifier: EUPL-1.2
"""Writes about the tables: a case put on and taken off a table, the decision per meeting with
its new interventions, and the weegploeg's assessment."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompas.core.constants import AuditAction
from kompas.meetings.constants import MeetingStatus
from kompas.signals import crypto

from ..constants import CaseStatus
from ..models import Case, CaseDiscussion, CaseListing, WeegploegAssessment
from .cases import _intervention_new, _listing_new, audit_case, case_status_change
from .validation import InterventionData


@transaction.atomic
def listing_add(*, case: Case, series, by, listed_from: date | None = None) -> CaseListing:
    listing = _listing_new(case=case, series=series, by=by, listed_from=listed_from)
    audit_case(user=by, action=AuditAction.UPDATE, case=case, fields=["listings"], note=series.name)
    return listing


@transaction.atomic
def listing_end(*, listing: CaseListing, by, listed_until: date | None = None) -> CaseListing:
    listing = (
        CaseListing.objects.select_for_update().select_related("case", "series").get(pk=listing.pk)
    )
    if listing.listed_until is not None:
        raise ValidationError({"listed_until": _("De casus staat al niet meer op deze tafel.")})
    until = listed_until or timezone.localdate()
    if until < listing.listed_from:
        raise ValidationError({"listed_until": _("De einddatum ligt vóór de begindatum.")})
    listing.listed_until = until
    listing.save(update_fields=["listed_until"])
    audit_case(
        user=by,
        action=AuditAction.UPDATE,
        case=listing.case,
        fields=["listings"],
        note=listing.series.name,
    )
    return listing


# --- Discussions and weegploeg --------------------------------------------------------------
@transaction.atomic
def discussion_record(
    *, case: Case, meeting, decision: str, by, interventions: list[InterventionData] = ()
) -> CaseDiscussion:
    """The decision about a case at one meeting of a table it is listed on, with the new
    interventions. A case still `aangemeld` becomes `besproken`."""
    decision = (decision or "").strip()
    if not decision:
        raise ValidationError({"decision": _("Vul het besluit over deze casus in.")})
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError({"decision": _("Deze vergadering is geannuleerd.")})
    if not case.listings.filter(series_id=meeting.series_id).exists():
        raise ValidationError(
            {"decision": _("De casus staat niet op de tafel van deze vergadering.")}
        )
    discussion, _new = CaseDiscussion.objects.update_or_create(
        case=case,
        meeting=meeting,
        defaults={"decision_enc": crypto.encrypt(decision), "by": by, "at": timezone.now()},
    )
    for data in interventions:
        _intervention_new(case=case, data=data, by=by, discussion=discussion)
    audit_case(
        user=by, action=AuditAction.UPDATE, case=case, fields=["discussions"], note=str(meeting.pk)
    )
    if Case.objects.filter(pk=case.pk, status=CaseStatus.REGISTERED).exists():
        case_status_change(case=case, to=CaseStatus.DISCUSSED, by=by)
    return discussion


@transaction.atomic
def weegploeg_assess(
    *, case: Case, meets_criteria: bool, date: date, reasons: str, by
) -> WeegploegAssessment:
    if not case.listings.filter(series__kind="weegploeg").exists():
        raise ValidationError(
            {"meets_criteria": _("Zet de casus eerst op de tafel van de weegploeg.")}
        )
    if not (reasons or "").strip():
        raise ValidationError({"reasons": _("Geef de redenen van de weging.")})
    if date > timezone.localdate():
        raise ValidationError({"date": _("De datum van de weging ligt in de toekomst.")})
    assessment = WeegploegAssessment.objects.create(
        case=case,
        meets_criteria=meets_criteria,
        date=date,
        reasons_enc=crypto.encrypt(reasons.strip()),
        by=by,
    )
    audit_case(user=by, action=AuditAction.UPDATE, case=case, fields=["assessments"])
    return assessment
