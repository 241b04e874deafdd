# SPDX-License-Identifier: EUPL-1.2
"""The register of integrale controles: the norm event it registers itself (idempotent,
withdrawn when it no longer counts), the 2025 norm status read from it, Dutch errors, and
the policy register that no longer offers the kind for hand entry."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kompas.ondermijning import services
from kompas.ondermijning.constants import CONTROLE_SOURCE
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db


def _events():
    return Event.objects.filter(kind="integrale_controle", source_type=CONTROLE_SOURCE)


def test_an_executed_controle_registers_one_event_and_withdraws_it_when_planned_again(
    heerenveen, make_controle
):
    controle = make_controle(heerenveen)
    event = _events().get()
    assert (event.source_id, event.municipality, event.date) == (
        str(controle.pk),
        heerenveen,
        date(2025, 3, 12),
    )
    # saving again (also to afgerond, with a new title) keeps the one event
    for status in ("uitgevoerd", "afgerond"):
        services.controle_save(
            municipality=heerenveen,
            controle=controle,
            by=None,
            fields={"status": status, "title": "Horeca Heerenveen"},
        )
    assert _events().count() == 1
    assert "Horeca Heerenveen" in _events().get().title
    services.controle_save(
        municipality=heerenveen, controle=controle, by=None, fields={"status": "gepland"}
    )
    assert not _events().exists()
    services.controle_save(
        municipality=heerenveen, controle=controle, by=None, fields={"status": "uitgevoerd"}
    )
    services.controle_delete(municipality=heerenveen, controle=controle, by=None)
    assert not _events().exists()


def test_a_planned_controle_registers_nothing(heerenveen, make_controle):
    make_controle(heerenveen, status="gepland")
    assert not _events().exists()


def test_norm_status_2025_is_read_from_the_register(weststellingwerf, make_controle):
    from kompas.policy import selectors as policy_selectors
    from kompas.policy.planfile import PLANS_DIR
    from kompas.policy.services import plan_import

    plan_import(path=PLANS_DIR / "GM0098-ivb-2024-2027.yaml")
    on = date(2025, 12, 31)

    def status():
        rows = policy_selectors.norm_status_list(municipality=weststellingwerf, on=on)
        row = next(r for r in rows if r.norm.code == "integrale-controles")
        return row.done, row.state

    assert status() == (0, "achter")
    make_controle(weststellingwerf, on=date(2025, 3, 12))
    make_controle(weststellingwerf, status="gepland", on=date(2025, 6, 1))
    assert status() == (1, "achter")
    make_controle(weststellingwerf, on=date(2025, 9, 24))
    assert status() == (2, "voldaan")
    assert not Event.objects.filter(kind="integrale_controle", source_type="").exists()


def test_a_controle_in_the_future_cannot_be_executed(heerenveen, make_controle):
    with pytest.raises(ValidationError) as exc:
        make_controle(heerenveen, on=timezone.localdate() + timedelta(days=3))
    assert "kan nog niet uitgevoerd zijn" in str(exc.value.message_dict["status"])
    assert not _events().exists()


def test_a_controle_on_an_undermining_day_has_its_date(heerenveen, make_controle, make_day):
    day = make_day(heerenveen, on=date(2025, 4, 9))
    with pytest.raises(ValidationError) as exc:
        make_controle(heerenveen, on=date(2025, 4, 10), reason="ondermijningsdag", day=day)
    assert "heeft ook die datum" in str(exc.value.message_dict["date"])
    with pytest.raises(ValidationError) as exc:
        make_controle(heerenveen, reason="ondermijningsdag")
    assert "Kies de ondermijningsdag" in str(exc.value.message_dict["day"])
    controle = make_controle(heerenveen, on=date(2025, 4, 9), reason="ondermijningsdag", day=day)
    assert list(day.controles.all()) == [controle]


def test_a_failed_save_stores_nothing(heerenveen, make_controle):
    from kompas.ondermijning.models import Controle, ControleLocation

    with pytest.raises(ValidationError):
        make_controle(
            heerenveen, on=timezone.localdate() + timedelta(days=3), locations=["Kerkstraat 1"]
        )
    assert not Controle.objects.exists()
    assert not ControleLocation.objects.exists()


def test_a_location_links_only_a_dossier_of_the_own_gemeente(
    heerenveen, weststellingwerf, make_controle
):
    from kompas.signals.models import Dossier

    other = Dossier.objects.create(municipality=weststellingwerf, title="Stationsweg 3")
    controle = make_controle(heerenveen, locations=["Kerkstraat 1"])
    with pytest.raises(ValidationError) as exc:
        services.controle_save(
            municipality=heerenveen,
            controle=controle,
            by=None,
            fields={},
            locations=[{"address": "Stationsweg 3", "dossier": other}],
        )
    assert "hoort niet bij de gemeente" in str(exc.value)
    assert controle.locations.count() == 1


def test_the_event_register_no_longer_offers_the_kinds_for_hand_entry(heerenveen):
    from kompas.policy.forms import EventForm

    kinds = {value for value, _label in EventForm(municipality=heerenveen).fields["kind"].choices}
    assert "integrale_controle" not in kinds
    assert "ondermijningsdag" not in kinds
    assert "lio_overleg" in kinds
    form = EventForm(
        {"kind": "integrale_controle", "date": "2025-03-01", "title": "x", "owner": "gemeente"},
        municipality=heerenveen,
    )
    assert "kind" in form.errors


def test_old_hand_entries_are_marked_as_such(client, heerenveen, adviseur_heerenveen):
    from kompas.policy.services import event_register

    event_register(
        kind="integrale_controle", date="2025-01-10", title="Oude controle", municipality=heerenveen
    )
    event_register(kind="lio_overleg", date="2025-01-11", title="LIO", municipality=heerenveen)
    client.force_login(adviseur_heerenveen)
    html = client.get("/heerenveen/beleid/register/").content.decode()
    assert html.count("handmatig ingevoerd") == 1


def test_the_events_api_refuses_a_kind_a_register_owns(client, heerenveen, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    response = client.post(
        "/api/v1/plans/GM0074/events/",
        {"kind": "integrale_controle", "date": "2025-03-01", "title": "Horeca"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "zelf vast" in str(response.json()["errors"]["kind"])
    assert not Event.objects.exists()


def test_the_branches_of_the_issue_are_there_and_ensured_once(db):
    from kompas.ondermijning.models import Branche

    names = set(Branche.objects.values_list("name", flat=True))
    assert {"Horeca", "Recreatie- en vakantieparken", "Nagel- en kapsalons"} <= names
    assert services.branches_ensure() == 0
    Branche.objects.filter(code="horeca").delete()
    assert services.branches_ensure() == 1
