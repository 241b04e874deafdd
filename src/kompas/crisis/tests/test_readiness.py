# SPDX-License-Identifier: EUPL-1.2
"""Readiness per key function on a peildatum: qualified (valid on that date), available (not
absent, active) people against the function's minimum."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kompas.crisis import selectors, services

pytestmark = pytest.mark.django_db

D = date(2026, 6, 1)


def _qualify(owner, member, function, obtained, expires):
    services.qualification_add(
        owner=owner,
        member=member,
        function=function,
        by=None,
        name="Vakbekwaam",
        obtained_on=obtained,
        expires_on=expires,
    )


def _status(owner, on):
    return {
        r.function.code: (r.qualified_available, r.status)
        for r in selectors.readiness(owner=owner, on=on)
    }


def test_status_follows_qualified_available_people_on_the_peildatum(hv_owner, make_crisis):
    function, anna = make_crisis(name="Anna")
    _f, bert = make_crisis(name="Bert")
    assert _status(hv_owner, D) == {"ovd-bz": (0, "rood")}
    _qualify(hv_owner, anna, function, date(2025, 1, 1), date(2026, 12, 31))
    assert _status(hv_owner, D) == {"ovd-bz": (1, "oranje")}
    _qualify(hv_owner, bert, function, date(2025, 1, 1), date(2026, 7, 1))
    assert _status(hv_owner, D) == {"ovd-bz": (2, "groen")}
    # Bert's qualification has expired a month later; before he obtained it, it did not count
    assert _status(hv_owner, date(2026, 8, 1)) == {"ovd-bz": (1, "oranje")}
    assert _status(hv_owner, date(2024, 12, 31)) == {"ovd-bz": (0, "rood")}


def test_absent_and_inactive_people_do_not_count_and_say_why(hv_owner, make_crisis):
    function, anna = make_crisis(name="Anna")
    _f, bert = make_crisis(name="Bert")
    for member in (anna, bert):
        _qualify(hv_owner, member, function, date(2025, 1, 1), None)
    services.absence_add(
        owner=hv_owner, member=anna, starts_on=D, ends_on=date(2026, 6, 14), by=None
    )
    services.record_save(obj=bert, owner=hv_owner, by=None, fields={"active": False})
    (row,) = selectors.readiness(owner=hv_owner, on=D)
    assert (row.qualified_available, row.status) == (0, "rood")
    assert sorted(row.missing) == ["Anna: afwezig", "Bert: niet actief"]
    (row,) = selectors.readiness(owner=hv_owner, on=date(2026, 6, 15))
    assert row.qualified_available == 1


def test_qualification_for_another_function_does_not_count(hv_owner, make_crisis):
    ovd, anna = make_crisis(name="Anna")
    comm, _b = make_crisis(code="comm", name="Bert")
    services.assignment_add(owner=hv_owner, member=anna, function=comm, backup=True, by=None)
    _qualify(hv_owner, anna, ovd, date(2025, 1, 1), None)
    assert _status(hv_owner, D) == {"comm": (0, "rood"), "ovd-bz": (1, "oranje")}


def test_minimum_per_function_is_configurable(hv_owner, make_crisis):
    function, anna = make_crisis(name="Anna", required=1)
    _qualify(hv_owner, anna, function, date(2025, 1, 1), None)
    assert _status(hv_owner, D) == {"ovd-bz": (1, "groen")}


def test_expiring_qualifications_within_sixty_days(hv_owner, make_crisis):
    function, anna = make_crisis(name="Anna")
    _f, bert = make_crisis(name="Bert")
    _qualify(hv_owner, anna, function, date(2025, 1, 1), date(2026, 7, 20))  # 49 days
    _qualify(hv_owner, bert, function, date(2025, 1, 1), date(2026, 9, 1))  # 92 days
    expiring = selectors.qualifications_expiring(owner=hv_owner, on=D)
    assert [q.member.name for q in expiring] == ["Anna"]


def test_qualification_that_expires_before_it_was_obtained_is_refused(hv_owner, make_crisis):
    function, anna = make_crisis(name="Anna")
    with pytest.raises(ValidationError) as exc:
        _qualify(hv_owner, anna, function, date(2026, 1, 1), date(2025, 12, 31))
    assert "verlopen vóór" in str(exc.value)
    assert not anna.qualifications.exists()


def test_same_person_twice_in_one_piket_slot_is_refused(hv_owner, make_crisis):
    function, anna = make_crisis(name="Anna")
    services.piket_add(
        owner=hv_owner,
        member=anna,
        function=function,
        starts_on=date(2026, 6, 1),
        ends_on=date(2026, 6, 7),
        by=None,
    )
    with pytest.raises(ValidationError) as exc:
        services.piket_add(
            owner=hv_owner,
            member=anna,
            function=function,
            starts_on=date(2026, 6, 5),
            ends_on=date(2026, 6, 12),
            by=None,
        )
    assert "staat al ingeroosterd" in str(exc.value)
    assert anna.piket.count() == 1
    # the next week is fine, and shows on the readiness row of that week
    services.piket_add(
        owner=hv_owner,
        member=anna,
        function=function,
        starts_on=date(2026, 6, 8),
        ends_on=date(2026, 6, 14),
        by=None,
    )
    (row,) = selectors.readiness(owner=hv_owner, on=date(2026, 6, 9))
    assert row.on_piket == ["Anna"]


def test_records_of_another_gemeente_cannot_be_combined(hv_owner, weststellingwerf, make_crisis):
    from kompas.crisis.selectors import Owner

    ws = Owner(municipality=weststellingwerf, can_write=True, context_municipality=weststellingwerf)
    function, _a = make_crisis(owner=ws, name="Wim")
    _f, anna = make_crisis(name="Anna")
    with pytest.raises(ValidationError):
        services.assignment_add(
            owner=hv_owner, member=anna, function=function, backup=False, by=None
        )
