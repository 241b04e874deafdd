# SPDX-License-Identifier: EUPL-1.2
"""Ondermijningsdagen of Zuidoost Friesland: a held day registers the partnership's event
itself (idempotent), the coordinator's page counts held and planned per gemeente across the
four, and another gemeente sees the day but not the findings of this gemeente's controles."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kompas.ondermijning import services
from kompas.ondermijning.constants import DAY_SOURCE
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db


def _events():
    return Event.objects.filter(kind="ondermijningsdag", source_type=DAY_SOURCE)


def test_a_held_day_registers_the_partnership_event_once(heerenveen, make_day, zofr):
    day = make_day(heerenveen)
    event = _events().get()
    assert (event.partnership, event.municipality, event.source_id) == (zofr, None, str(day.pk))
    services.day_save(municipality=heerenveen, day=day, by=None, fields={"theme": "Garages"})
    assert _events().count() == 1 and "Garages" in _events().get().title
    services.day_save(municipality=heerenveen, day=day, by=None, fields={"status": "gepland"})
    assert not _events().exists()
    make_day(heerenveen, status="gepland")
    assert not _events().exists()


def test_a_day_in_the_future_cannot_be_held_and_only_the_host_changes_it(
    heerenveen, weststellingwerf, make_day
):
    with pytest.raises(ValidationError) as exc:
        make_day(heerenveen, on=timezone.localdate() + timedelta(days=1))
    assert "kan nog niet gehouden zijn" in str(exc.value.message_dict["status"])
    day = make_day(heerenveen)
    with pytest.raises(ValidationError):
        services.day_save(municipality=weststellingwerf, day=day, by=None, fields={"theme": "x"})


def test_partnership_norm_2025_counts_the_held_days(weststellingwerf, reference_data, make_day):
    from kompas.policy import selectors as policy_selectors
    from kompas.policy.planfile import PLANS_DIR
    from kompas.policy.services import plan_import

    plan_import(path=PLANS_DIR / "GM0098-ivb-2024-2027.yaml")
    hosts = [reference_data[c] for c in ("GM0074", "GM0085", "GM0086", "GM0098")]
    for i in range(10):
        make_day(hosts[i % 4], on=date(2025, 1 + i, 10), theme=f"Dag {i}")
    make_day(hosts[0], status="gepland", on=date(2025, 12, 1))
    rows = policy_selectors.norm_status_list(municipality=weststellingwerf, on=date(2025, 12, 31))
    row = next(r for r in rows if r.norm.code == "ondermijningsdagen")
    assert (row.done, row.state) == (10, "voldaan")


def test_the_coordinators_page_counts_per_gemeente_across_the_four(
    client, reference_data, make_member, make_day
):
    coordinator = make_member(reference_data["GM0074"], "adviseur")
    for code in ("GM0085", "GM0086", "GM0098"):
        from kompas.core.models import Membership

        Membership.objects.create(
            user=coordinator, municipality=reference_data[code], role="adviseur"
        )
    year = timezone.localdate().year
    jan = date(year, 1, 2)
    hv, os_, op, ws = (reference_data[c] for c in ("GM0074", "GM0085", "GM0086", "GM0098"))
    make_day(hv, on=jan, place="Heerenveen bedrijventerrein")
    make_day(hv, on=jan, place="Oranjewoud")
    make_day(ws, on=jan, place="Wolvega centrum")
    make_day(op, status="gepland", on=date(year, 12, 30))
    make_day(os_, on=date(year - 1, 5, 5), place="Oosterwolde")  # last year: not counted
    client.force_login(coordinator)
    url = reverse("ondermijning:partnership_summary", args=["opsterland", "zuidoost-friesland"])
    summary = client.get(url).context["summary"]
    rows = {r.municipality.name: (r.held, r.planned, r.places) for r in summary["rows"]}
    assert rows == {
        "Heerenveen": (2, 0, ["Heerenveen bedrijventerrein", "Oranjewoud"]),
        "Ooststellingwerf": (0, 0, []),
        "Opsterland": (0, 1, []),
        "Weststellingwerf": (1, 0, ["Wolvega centrum"]),
    }
    assert (summary["held"], summary["planned"], summary["target"]) == (3, 1, 10)
    html = client.get(url).content.decode()
    assert "Wolvega centrum" in html and "tegen een 10-tal per jaar" in html
    last_year = client.get(url, {"jaar": year - 1}).context["summary"]
    assert last_year["held"] == 1
    # a partnership the gemeente is not in: 404
    assert client.get(url.replace("zuidoost-friesland", "elders")).status_code == 404


def test_other_gemeente_sees_the_day_but_not_the_findings(
    client, heerenveen, weststellingwerf, make_member, make_day, make_controle
):
    day = make_day(heerenveen, on=date(2025, 4, 9))
    controle = make_controle(
        heerenveen,
        on=date(2025, 4, 9),
        reason="ondermijningsdag",
        day=day,
        title="Garage Heideweg",
        locations=["Heideweg 2"],
    )
    services.finding_add(
        controle=controle,
        location=controle.locations.get(),
        outcome="maatregel",
        text="Sluiting voorbereid",
        by=None,
    )
    client.force_login(make_member(weststellingwerf, "adviseur"))
    html = client.get(
        reverse("ondermijning:day_detail", args=["weststellingwerf", day.pk])
    ).content.decode()
    assert "1 controle van Heerenveen" in html
    assert "Garage Heideweg" not in html and "Sluiting" not in html and "Heideweg 2" not in html
    assert (
        client.get(
            reverse("ondermijning:controle_detail", args=["weststellingwerf", controle.pk])
        ).status_code
        == 404
    )
    # the day's page for its host shows the controle in full
    client.force_login(make_member(heerenveen, "lezer"))
    html = client.get(reverse("ondermijning:day_detail", args=["heerenveen", day.pk])).content
    assert "Garage Heideweg" in html.decode()
    # another gemeente may not change the host's day
    client.force_login(make_member(weststellingwerf, "adviseur"))
    edit = reverse("ondermijning:day_edit", args=["weststellingwerf", day.pk])
    assert client.post(edit, {"theme": "x"}).status_code == 403


def test_staff_plan_a_day_through_the_form(client, heerenveen, make_member, zofr):
    client.force_login(make_member(heerenveen, "adviseur"))
    url = reverse("ondermijning:day_create", args=["heerenveen"])
    response = client.post(
        url,
        {
            "partnership": zofr.pk,
            "date": "2025-06-11",
            "theme": "Vakantieparken",
            "place": "Katlijk",
            "status": "gehouden",
        },
    )
    assert response.status_code == 302
    assert _events().get().date == date(2025, 6, 11)
    bad = client.post(url, {"partnership": zofr.pk, "date": "2025-13-01", "theme": "x"})
    assert "Voer een geldige datum in." in bad.content.decode()


def test_start_page_panel_and_year_figures(
    client, heerenveen, make_member, make_day, make_controle
):
    from kompas.core import hooks

    year = timezone.localdate().year
    make_controle(heerenveen, on=date(year, 1, 2), locations=["Kerkstraat 1", "Kerkstraat 3"])
    make_controle(heerenveen, status="gepland", on=date(year, 1, 3))
    make_day(heerenveen, status="gepland", on=date(year + 1, 2, 2), theme="Vakantieparken")
    figures = next(
        f
        for f in hooks.annual_figures(municipality=heerenveen, year=year)
        if f["title"] == "Ondermijning"
    )
    assert [r["value"] for r in figures["rows"]] == [1, 0]
    assert "2 bezochte adressen" in figures["rows"][0]["note"]
    client.force_login(make_member(heerenveen, "lezer"))
    html = client.get("/heerenveen/").content.decode()
    assert "Dit jaar 1 integrale controle uitgevoerd." in html
    assert "Vakantieparken" in html
    client.force_login(make_member(heerenveen, "partner", partner_code="politie"))
    assert "integrale controle" not in client.get("/heerenveen/").content.decode()


def test_a_day_with_controles_is_not_deleted(
    client, heerenveen, make_member, make_day, make_controle
):
    day = make_day(heerenveen, on=date(2025, 4, 9))
    make_controle(heerenveen, on=date(2025, 4, 9), reason="ondermijningsdag", day=day)
    client.force_login(make_member(heerenveen, "adviseur"))
    url = reverse("ondermijning:day_delete", args=["heerenveen", day.pk])
    response = client.post(url, follow=True)
    assert "Op deze dag staan controles" in response.content.decode()
    assert _events().filter(source_id=str(day.pk)).exists()
    day.controles.all().delete()
    client.post(url)
    assert not _events().exists()
