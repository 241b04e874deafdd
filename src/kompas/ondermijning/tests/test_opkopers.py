# SPDX-License-Identifier: EUPL-1.2
"""Opkopers (DOR/DOL) and KVO-B: the KvK check, dates that cannot be, search, pages, export
and the start-page panel of certificates about to expire."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kompas.ondermijning import services
from kompas.ondermijning.models import Dealer, DealerCheck, KvoPark

pytestmark = pytest.mark.django_db


def _dealer(municipality, kvk="12345678", **fields):
    return services.dealer_save(
        municipality=municipality,
        dealer=Dealer(),
        by=None,
        fields={
            "name": "Goud & Zilver Dracht",
            "kvk_number": kvk,
            "address": "Dracht 10, Heerenveen",
            "branche": "edelmetaal",
            **fields,
        },
    )


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", "１２３４５６７８", ""])
def test_kvk_number_is_eight_digits(heerenveen, kvk):
    with pytest.raises(ValidationError) as exc:
        _dealer(heerenveen, kvk=kvk)
    assert "kvk_number" in exc.value.message_dict
    assert not Dealer.objects.exists()


def test_kvk_number_unique_per_gemeente(heerenveen, weststellingwerf):
    _dealer(heerenveen)
    _dealer(weststellingwerf)  # another gemeente may have the same dealer
    with pytest.raises(ValidationError) as exc:
        _dealer(heerenveen, name="Andere naam")
    assert "al een opkoper met dit KvK-nummer" in str(exc.value)
    assert Dealer.objects.count() == 2


def test_dor_dates(heerenveen):
    future = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match="toekomst"):
        _dealer(heerenveen, dor_since=future)
    with pytest.raises(ValidationError, match="zonder DOR-plicht"):
        _dealer(heerenveen, dor_required=False, dor_since=date(2024, 1, 1))
    dealer = _dealer(heerenveen, dor_since=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="toekomst"):
        services.dealer_check_add(dealer=dealer, on=future, outcome="niets", text="", by=None)
    assert not DealerCheck.objects.exists()


def test_pages_create_search_check_export(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    create = reverse("ondermijning:dealer_create", args=["heerenveen"])
    data = {
        "name": "Fietsenhandel De Wiel",
        "kvk_number": "1234",
        "address": "Fok 3, Heerenveen",
        "branche": "fietsen",
        "dor_required": "on",
    }
    bad = client.post(create, data)
    assert "precies 8 cijfers" in bad.content.decode()
    assert not Dealer.objects.exists()
    response = client.post(create, {**data, "kvk_number": "87654321"})
    dealer = Dealer.objects.get()
    assert response.status_code == 302
    _dealer(heerenveen)
    listing = reverse("ondermijning:dealer_list", args=["heerenveen"])
    found = client.get(listing, {"q": "8765"}).content.decode()
    assert "Fietsenhandel De Wiel" in found and "Goud &amp; Zilver" not in found
    add = reverse("ondermijning:dealer_check_add", args=["heerenveen", dealer.pk])
    bad = client.post(add, {"date": "2025-02-30", "outcome": "waarschuwing"})
    assert bad.status_code == 400
    client.post(add, {"date": "2025-06-03", "outcome": "waarschuwing", "text": "Register mist"})
    assert dealer.checks.get().text == "Register mist"
    export = client.get(listing, {"formaat": "csv"}).content.decode("utf-8-sig")
    lines = export.strip().splitlines()
    assert lines[0].startswith("Naam;KvK-nummer")
    assert "Fietsenhandel De Wiel;87654321;Fok 3, Heerenveen;fietsen;ja;;1;3-6-2025;" in export
    assert len(lines) == 3


def test_list_pages(client, heerenveen, make_member):
    for n in range(30):
        _dealer(heerenveen, kvk=f"{10000000 + n}", name=f"Opkoper {n:02d}")
    client.force_login(make_member(heerenveen, "lezer"))
    listing = reverse("ondermijning:dealer_list", args=["heerenveen"])
    second = client.get(listing, {"pagina": 2}).content.decode()
    assert "Opkoper 29" in second and "Opkoper 00" not in second
    assert "Pagina 2 van 2" in second


def test_kvo_dates_and_expiry_panel(client, heerenveen, weststellingwerf, make_member):
    today = timezone.localdate()
    fields = {"name": "Kanaal", "level": "ster1", "certified_on": date(2024, 1, 1)}
    with pytest.raises(ValidationError) as exc:
        services.kvo_save(
            municipality=heerenveen,
            park=KvoPark(),
            by=None,
            fields={**fields, "expires_on": date(2023, 12, 31)},
        )
    assert "expires_on" in exc.value.message_dict
    soon = today + timedelta(days=60)
    services.kvo_save(
        municipality=heerenveen, park=KvoPark(), by=None, fields={**fields, "expires_on": soon}
    )
    services.kvo_save(
        municipality=heerenveen,
        park=KvoPark(),
        by=None,
        fields={**fields, "name": "De Kavels", "expires_on": today + timedelta(days=200)},
    )
    services.kvo_save(
        municipality=weststellingwerf,
        park=KvoPark(),
        by=None,
        fields={**fields, "name": "Lindeweg", "expires_on": soon},
    )
    client.force_login(make_member(heerenveen, "lezer"))
    home = client.get("/heerenveen/").content.decode()
    assert "KVO-B-certificaten die verlopen" in home
    assert "Kanaal (1 ster)" in home
    assert "De Kavels" not in home and "Lindeweg" not in home
    client.force_login(make_member(heerenveen, "partner", partner_code="politie"))
    assert "Kanaal" not in client.get("/heerenveen/").content.decode()


def test_kvo_form_page(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "adviseur"))
    url = reverse("ondermijning:kvo_create", args=["heerenveen"])
    data = {"name": "Kanaal", "level": "basis", "certified_on": "2025-01-10"}
    bad = client.post(url, {**data, "expires_on": "2025-01-09"})
    assert "verloopt na de datum" in bad.content.decode()
    assert not KvoPark.objects.exists()
    assert client.post(url, {**data, "expires_on": "2028-01-10"}).status_code == 302
    park = KvoPark.objects.get()
    assert park.get_level_display() == "Basis samenwerken"
    edit = client.get(reverse("ondermijning:kvo_edit", args=["heerenveen", park.pk]))
    assert 'href="/heerenveen/ondermijning/kvo-b/">Annuleren' in edit.content.decode()


def test_deleting_an_opkoper_asks_first_and_then_removes_it(client, heerenveen, make_member):
    dealer = _dealer(heerenveen)
    client.force_login(make_member(heerenveen, "adviseur"))
    url = reverse("ondermijning:dealer_delete", args=["heerenveen", dealer.pk])
    question = client.get(url)
    assert "verwijderen?" in question.content.decode()
    assert Dealer.objects.filter(pk=dealer.pk).exists()
    done = client.post(url, follow=True)
    assert done.redirect_chain[-1][0] == reverse("ondermijning:dealer_list", args=["heerenveen"])
    assert "De opkoper is verwijderd." in done.content.decode()
    assert not Dealer.objects.filter(pk=dealer.pk).exists()
