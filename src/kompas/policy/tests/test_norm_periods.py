# SPDX-License-Identifier: EUPL-1.2
"""Norms count in the right period (issue 17 item 2): a report counts for the period it
covers, not the day it was sent; the plan's own execution plans count for "twee
uitvoeringsplannen"; "Volgende uiterlijk" never shows a past date; the start panel says how
many norms it leaves out."""

from datetime import date

from kompas.policy.selectors import norm_status_list
from kompas.policy.services import event_register


def _status(municipality, code, on):
    return next(
        s for s in norm_status_list(municipality=municipality, on=on) if s.norm.code == code
    )


def _report_sent(municipality, n, sent_on, covers_until):
    return event_register(
        kind="voortgangsrapportage",
        date=sent_on,
        counts_for=covers_until,
        title=f"Voortgangsrapportage 2025-T{n}",
        municipality=municipality,
        source_type="reporting.report",
        source_id=str(n),
    )


def test_a_report_sent_next_year_counts_for_the_period_it_covers(heerenveen, ivp):
    # 2025-T1 and 2025-T2, both sent in January 2026
    _report_sent(heerenveen, 1, date(2026, 1, 12), date(2025, 4, 30))
    _report_sent(heerenveen, 2, date(2026, 1, 20), date(2025, 8, 31))
    in_2025 = _status(heerenveen, "voortgangsrapportages", on=date(2025, 12, 31))
    assert (in_2025.start.year, in_2025.done, in_2025.required) == (2025, 2, 3)
    in_2026 = _status(heerenveen, "voortgangsrapportages", on=date(2026, 3, 1))
    assert (in_2026.start.year, in_2026.done) == (2026, 0)


def test_counts_for_is_kept_and_updated_per_source(heerenveen, ivp):
    event = _report_sent(heerenveen, 1, date(2026, 1, 12), date(2025, 4, 30))
    assert event.counts_for == date(2025, 4, 30)
    again = _report_sent(heerenveen, 1, date(2026, 1, 12), date(2025, 8, 31))
    assert again.pk == event.pk and again.counts_for == date(2025, 8, 31)


def test_norm_page_names_the_period_an_event_counts_for(client, heerenveen, make_member, ivp):
    _report_sent(heerenveen, 1, date(2026, 1, 12), date(2025, 4, 30))
    client.force_login(make_member(heerenveen, "lezer"))
    page = client.get(
        "/heerenveen/beleid/normen/voortgangsrapportages/?peildatum=2026-02-01"
    ).content.decode()
    assert "12-1-2026" in page and "telt voor 30-4-2025" in page


def test_the_plans_own_execution_plans_count(heerenveen, weststellingwerf, ivp, ivb):
    ivp_status = _status(heerenveen, "uitvoeringsplannen", on=date(2025, 6, 1))
    assert (ivp_status.done, ivp_status.required, ivp_status.state) == (2, 2, "voldaan")
    ivb_status = _status(weststellingwerf, "uitvoeringsplannen", on=date(2025, 6, 1))
    assert (ivb_status.done, ivb_status.required) == (4, 4)


def test_execution_plan_events_follow_the_file(heerenveen, ivp):
    from kompas.policy.models import Event
    from kompas.policy.planfile import PLANS_DIR
    from kompas.policy.services import plan_import

    text = (PLANS_DIR / "GM0074-ivp-2023-2026.yaml").read_text(encoding="utf-8")
    start = text.index('  - key: "2025-2026"')
    end = text.index("\n\n", start)
    plan_import(text=text[:start] + text[end:], name="zonder-tweede.yaml")
    titles = list(
        Event.objects.filter(kind="uitvoeringsplan", municipality=heerenveen).values_list(
            "title", flat=True
        )
    )
    assert len(titles) == 1 and "2023-2024" in titles[0]


def test_next_due_in_the_past_reads_te_laat_sinds(client, heerenveen, make_member, ivp):
    on = date(2025, 11, 1)
    status = _status(heerenveen, "voortgangsrapportages", on=on)
    assert status.next_due < on and status.late_since == status.next_due
    client.force_login(make_member(heerenveen, "lezer"))
    page = client.get("/heerenveen/beleid/normen/?peildatum=2025-11-01").content.decode()
    row = page.split("Drie beknopte voortgangsrapportages per jaar")[1].split("</tr>")[0]
    assert "te laat sinds" in row
    detail = client.get(
        "/heerenveen/beleid/normen/voortgangsrapportages/?peildatum=2025-11-01"
    ).content.decode()
    assert "te laat sinds" in detail


def test_next_due_in_the_future_is_a_plain_date(heerenveen, weststellingwerf, ivb):
    status = _status(weststellingwerf, "integrale-controles", on=date(2025, 2, 1))
    assert status.late_since is None and status.next_due > date(2025, 2, 1)


def test_start_panel_says_how_many_norms_it_leaves_out(
    client, heerenveen, make_member, ivp, monkeypatch
):
    from kompas.policy import selectors

    on = date(2026, 11, 1)
    monkeypatch.setattr(selectors, "today", lambda: on)
    behind = [
        s
        for s in norm_status_list(municipality=heerenveen, on=on)
        if s.state in ("achter", "verlopen")
    ]
    assert len(behind) > 8  # the IVP has 12 norms, few of them met without events
    client.force_login(make_member(heerenveen, "lezer"))
    page = client.get("/heerenveen/").content.decode()
    panel = page.split("Normen die achterlopen")[1].split("</section>")[0]
    # eight norm lines (the plan's own art. 38b warning above them is a separate list)
    assert panel.count('<li><a href="/heerenveen/beleid/normen/') == 8
    assert f"en nog {len(behind) - 8}" in panel


def test_api_takes_and_shows_the_period_an_event_counts_for(
    client, adviseur_heerenveen, heerenveen, ivp
):
    client.force_login(adviseur_heerenveen)
    response = client.post(
        "/api/v1/plans/GM0074/events/",
        {
            "kind": "voortgangsrapportage",
            "date": "2026-01-12",
            "counts_for": "2025-04-30",
            "title": "Voortgangsrapportage 2025-T1",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["counts_for"] == "2025-04-30"
    norms = client.get("/api/v1/plans/GM0074/norms/?peildatum=2025-12-31").json()["results"]
    reports = next(n for n in norms if n["code"] == "voortgangsrapportages")
    assert reports["done"] == 1
    assert reports["late_since"] == reports["next_due"]  # 2 of 3 still due, past their time
