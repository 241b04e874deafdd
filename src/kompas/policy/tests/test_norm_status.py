# SPDX-License-Identifier: EUPL-1.2
"""Norm tracking: required, done, remaining, status and next due date per period;
partnership norms count the events of all member gemeenten; the 4-year plan flag."""

from datetime import date

import pytest

from kompas.core.models import Partnership
from kompas.policy.planfile import PLANS_DIR
from kompas.policy.selectors import event_list, norm_status_list, norm_windows, plan_flag
from kompas.policy.services import event_register, plan_import

PEILDATUM = date(2025, 11, 1)


def _status(municipality, code, on=PEILDATUM):
    return next(
        s for s in norm_status_list(municipality=municipality, on=on) if s.norm.code == code
    )


def _controle(municipality, day):
    return event_register(
        kind="integrale_controle", date=day, title="horeca Wolvega", municipality=municipality
    )


def test_one_integrale_controle_is_1_of_2_behind_two_is_met(weststellingwerf, ivb):
    _controle(weststellingwerf, date(2025, 3, 12))
    s = _status(weststellingwerf, "integrale-controles")
    assert (s.start, s.end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert (s.required, s.done, s.remaining) == (2, 1, 1)
    assert s.state == "achter" and s.state_label == "achter"
    # the second one was due by the middle of the second half-year
    assert s.next_due == date(2025, 10, 1)
    _controle(weststellingwerf, date(2025, 10, 20))
    s = _status(weststellingwerf, "integrale-controles")
    assert (s.done, s.remaining, s.state, s.next_due) == (2, 0, "voldaan", None)


def test_norm_page_reads_1_van_2_achter(client, weststellingwerf, make_member, ivb):
    _controle(weststellingwerf, date(2025, 3, 12))
    client.force_login(make_member(weststellingwerf, "lezer"))
    page = client.get("/weststellingwerf/beleid/normen/?peildatum=2025-11-01").content.decode()
    row = page.split("Integrale controles bij ondermijningsgevoelige branches")[1].split("</tr>")[0]
    assert "1 van 2" in row and "achter" in row and "status--warn" in row


def test_on_track_early_in_the_year_and_expired_after_it(weststellingwerf, ivb):
    assert (
        _status(weststellingwerf, "integrale-controles", on=date(2025, 2, 1)).state == "op_schema"
    )
    _controle(weststellingwerf, date(2025, 3, 12))
    assert (
        _status(weststellingwerf, "integrale-controles", on=date(2025, 7, 1)).state == "op_schema"
    )
    windows = norm_windows(
        norm=ivb.norms.get(code="integrale-controles"),
        municipality=weststellingwerf,
        on=date(2026, 2, 1),
    )
    assert [(w.start.year, w.done, w.state) for w in windows] == [
        (2024, 0, "verlopen"),
        (2025, 1, "verlopen"),
        (2026, 0, "op_schema"),
    ]


def test_events_of_other_gemeenten_do_not_count_for_gemeente_norm(
    weststellingwerf, heerenveen, ivb
):
    _controle(heerenveen, date(2025, 3, 12))
    assert _status(weststellingwerf, "integrale-controles").done == 0


def test_ondermijningsdagen_of_all_four_gemeenten_count_for_the_partnership(
    reference_data, ivb, ivp
):
    for i, code in enumerate(["GM0074", "GM0085", "GM0086", "GM0098"]):
        event_register(
            kind="ondermijningsdag",
            date=date(2025, 2 + i, 10),
            title=f"Ondermijningsdag {code}",
            municipality=reference_data[code],
        )
    event_register(
        kind="ondermijningsdag",
        date=date(2025, 9, 1),
        title="Gezamenlijke dag",
        partnership=Partnership.objects.get(code="zuidoost-friesland"),
    )
    s = _status(reference_data["GM0098"], "ondermijningsdagen")
    assert (s.required, s.done, s.remaining) == (10, 5, 5)
    assert s.norm.partnership.code == "zuidoost-friesland"
    assert s.state == "achter"


def test_one_off_norm_due_after_months(heerenveen, ivp):
    norm = ivp.norms.get(code="tussenevaluatie")
    assert norm.due_after_months == 24
    s = _status(heerenveen, "tussenevaluatie", on=date(2024, 6, 1))
    assert (s.state, s.due) == ("op_schema", date(2024, 12, 31))
    assert _status(heerenveen, "tussenevaluatie", on=date(2025, 2, 1)).state == "verlopen"
    event_register(
        kind="tussenevaluatie",
        date=date(2025, 3, 1),
        title="Tussenevaluatie",
        municipality=heerenveen,
    )
    assert _status(heerenveen, "tussenevaluatie", on=date(2025, 4, 1)).state == "voldaan"


def test_plan_older_than_four_years_is_flagged(seed_plans):
    old = seed_plans["Samen Veilig, Samen Doen!"]
    ivp = seed_plans["IVP 2023-2026"]
    flag = plan_flag(plan=old, on=date(2025, 1, 1))
    assert flag.flagged
    assert "ouder dan vier jaar" in flag.reasons[0]
    # it has a successor, so 'past its end without successor' does not apply
    assert len(flag.reasons) == 1
    assert plan_flag(plan=ivp, on=date(2025, 1, 1)).flagged is False
    late = plan_flag(plan=ivp, on=date(2027, 2, 1))
    assert late.flagged and "geen opvolgend plan" in late.reasons[-1]


def test_extension_moves_the_plan_end(seed_plans):
    old = seed_plans["Samen Veilig, Samen Doen!"]
    assert old.period_end == date(2021, 12, 31)
    assert old.effective_end == date(2022, 12, 31)


@pytest.mark.parametrize("code", ["GM0074", "GM0098"])
def test_every_seed_norm_has_a_status(reference_data, seed_plans, code):
    statuses = norm_status_list(municipality=reference_data[code], on=PEILDATUM)
    assert statuses and all(s.state_label for s in statuses)


def test_an_adopted_plan_counts_for_its_own_four_yearly_norm(weststellingwerf, heerenveen, ivb):
    """'Iedere vier jaar stelt de gemeenteraad een IVB vast': the plan in force is that
    adoption, so the norm reads voldaan instead of asking for another plan mid-period."""
    s = _status(weststellingwerf, "ivb-vaststellen")
    assert (s.done, s.required, s.state) == (1, 1, "voldaan")
    [event] = event_list(municipality=weststellingwerf, kind="beleidsplan")
    assert event.kind == "beleidsplan" and event.date == date(2024, 1, 1)
    assert "IVB 2024-2027 vastgesteld door de gemeenteraad" in event.title
    assert "datum staat niet in het plan" in event.title
    # the predecessor plan of Heerenveen has an adoption date: its event carries it
    dates = set(
        event_list(municipality=heerenveen, kind="beleidsplan").values_list("date", flat=True)
    )
    assert date(2017, 7, 17) in dates
    # importing the plans again adds no second event
    plan_import(path=PLANS_DIR / "GM0098-ivb-2024-2027.yaml")
    assert event_list(municipality=weststellingwerf, kind="beleidsplan").count() == 1


def test_norms_page_queries_do_not_grow_with_the_registers(
    client, weststellingwerf, heerenveen, make_member, ivb
):
    """Ten years of register events of every kind the norms count, for the gemeente and the
    samenwerkingsverband, cost the norms page no extra query: each norm is counted in the
    database, not loaded. The counts stay right."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kompas.policy.models import Event

    zofr = Partnership.objects.get(code="zuidoost-friesland")
    kinds = sorted(set(ivb.norms.values_list("event_kind", flat=True)))
    url = "/weststellingwerf/beleid/normen/?peildatum=2025-11-01"
    client.force_login(make_member(weststellingwerf, "lezer"))

    def queries() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    _controle(weststellingwerf, date(2025, 3, 12))
    small = queries()
    Event.objects.bulk_create(
        Event(kind=kind, date=date(year, month, 3), title="x", **owner)
        for year in range(2016, 2026)
        for month in range(1, 11)
        for kind in kinds
        for owner in (
            {"municipality": weststellingwerf},
            {"municipality": heerenveen},
            {"partnership": zofr},
        )
    )
    assert queries() == small
    s = _status(weststellingwerf, "integrale-controles")
    # 2025: ten of its own a month-3rd plus the one above (Heerenveen's do not count).
    assert s.done == 11 and s.state == "voldaan"
