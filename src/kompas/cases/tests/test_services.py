# SPDX-License-Identifier: EUPL-1.2
"""Writes: numbering, one transaction per case, Dutch errors on bad input, workflow."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kompas.cases import services
from kompas.cases.models import Case, CaseStatusChange, Intervention, Person
from kompas.cases.services import PersonData, bsn_is_valid
from kompas.core.constants import AuditAction
from kompas.core.models import AuditEntry, PartnerOrganisation

pytestmark = pytest.mark.django_db


def test_numbers_are_gemeente_prefix_year_and_sequence(make_case):
    first, second = make_case(), make_case()
    year = timezone.localdate().year
    assert (first.number, second.number) == (f"HV-{year}-001", f"HV-{year}-002")
    assert [p.pseudonym for p in first.persons.all()] == [
        f"HV-{year}-001 persoon A",
        f"HV-{year}-001 persoon B",
    ]


@pytest.mark.parametrize(
    ("bsn", "valid"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("12345678", False),
        ("000000000", False),
    ],
)
def test_bsn_eleven_test(bsn, valid):
    assert bsn_is_valid(bsn) is valid


def test_a_bad_second_person_stores_nothing_at_all(make_case, heerenveen, regisseur, ovo):
    with pytest.raises(ValidationError) as exc:
        services.case_create(
            municipality=heerenveen,
            case_type="zorgmijder",
            by=regisseur,
            regisseur_user=regisseur,
            persons=[PersonData(name="Goed Persoon"), PersonData(name="Fout", bsn="123456789")],
            series=[ovo],
        )
    assert "Persoon B" in str(exc.value) and "elfproef" in str(exc.value)
    assert not Case.objects.exists() and not Person.objects.exists()
    assert not Intervention.objects.exists()
    # The number was not used up either: the next case is 001.
    assert make_case().number.endswith("-001")


def test_date_of_birth_in_the_future_is_refused(ovo_case, regisseur):
    future = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.person_add(
            case=ovo_case, data=PersonData(name="X", birth_date=future), by=regisseur
        )
    assert exc.value.message_dict["birth_date"] == ["De geboortedatum ligt in de toekomst."]
    assert ovo_case.persons.count() == 2


def test_reveal_needs_a_reason_and_is_audited(ovo_case, ggd_user):
    with pytest.raises(ValidationError) as exc:
        services.person_reveal(case=ovo_case, user=ggd_user, reason="  ")
    assert "reden" in exc.value.message_dict["reason"][0]
    assert not AuditEntry.objects.filter(action=AuditAction.REVEAL).exists()
    identities = services.person_reveal(
        case=ovo_case, user=ggd_user, reason="huisbezoek voorbereiden"
    )
    assert [i.name for i in identities] == ["Jorrit Testhuizen", "Aukje Proefstra"]
    entry = AuditEntry.objects.get(action=AuditAction.REVEAL)
    assert (entry.username, entry.object_type, entry.object_id) == (
        "ggd-hv",
        "cases.case",
        str(ovo_case.pk),
    )
    assert entry.note == "huisbezoek voorbereiden"
    assert entry.fields == ["persoon A", "persoon B"]


def test_workflow_from_aanmelding_to_afgesloten_with_history(ovo_case, regisseur):
    with pytest.raises(ValidationError):
        services.case_status_change(case=ovo_case, to="in_aanpak", by=regisseur)
    for to in ("besproken", "in_aanpak", "afgeschaald"):
        services.case_status_change(case=ovo_case, to=to, by=regisseur)
    with pytest.raises(ValidationError) as exc:
        services.case_status_change(case=ovo_case, to="afgesloten", by=regisseur)
    assert "reden" in exc.value.message_dict["reason"][0]
    case = services.case_status_change(
        case=ovo_case, to="afgesloten", reason="doel_bereikt", by=regisseur
    )
    assert case.closed_at is not None and case.close_reason == "doel_bereikt"
    assert list(CaseStatusChange.objects.filter(case=case).values_list("to_status", flat=True)) == [
        "aangemeld",
        "besproken",
        "in_aanpak",
        "afgeschaald",
        "afgesloten",
    ]
    with pytest.raises(ValidationError):
        services.case_status_change(case=case, to="besproken", by=regisseur)
    with pytest.raises(ValueError):
        CaseStatusChange.objects.first().save()


def test_partial_legal_ground_and_missing_regisseur_are_refused(heerenveen, regisseur):
    base = {
        "municipality": heerenveen,
        "case_type": "jeugd",
        "by": regisseur,
        "persons": [PersonData(name="A")],
    }
    with pytest.raises(ValidationError) as exc:
        services.case_create(**base, regisseur_user=regisseur, legal_ground_kind="wams")
    assert "grondslag" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.case_create(**base)
    assert "regisseur" in str(exc.value)
    with pytest.raises(ValidationError):
        services.case_create(**base, regisseur_partner=PartnerOrganisation.objects.get(code="ggd"))
    assert not Case.objects.exists()


def test_discussion_records_decision_interventions_and_moves_to_besproken(
    ovo_case, ovo, regisseur, adviseur_heerenveen
):
    from kompas.meetings import services as meetings_services

    meeting = meetings_services.meeting_create(
        series=ovo, starts_at=timezone.now(), by=adviseur_heerenveen
    )
    services.discussion_record(
        case=ovo_case,
        meeting=meeting,
        decision="GGD gaat op huisbezoek.",
        interventions=[
            services.InterventionData("Huisbezoek", timezone.localdate() + timedelta(days=28))
        ],
        by=regisseur,
    )
    ovo_case.refresh_from_db()
    assert ovo_case.status == "besproken"
    assert ovo_case.interventions.filter(discussion__isnull=False).count() == 1


def test_weegploeg_assessment_needs_the_weegploeg_table(make_case, weegploeg, regisseur):
    case = make_case(case_type="radicalisering")
    with pytest.raises(ValidationError):
        services.weegploeg_assess(
            case=case, meets_criteria=True, date=timezone.localdate(), reasons="x", by=regisseur
        )
    services.listing_add(case=case, series=weegploeg, by=regisseur)
    a = services.weegploeg_assess(
        case=case,
        meets_criteria=False,
        date=timezone.localdate(),
        reasons="Geen ideologisch motief.",
        by=regisseur,
    )
    assert a.meets_criteria is False
