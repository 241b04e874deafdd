# SPDX-License-Identifier: EUPL-1.2
"""Pages of ondermijning: who sees what (other gemeente and partner 404, lezer reads but does
not write), the controle form with locations (no JavaScript), findings, filters and delete.
The route list comes from the URL conf, so a new page without an entry here fails."""

from datetime import date

import pytest
from django.urls import reverse

from kompas.ondermijning import urls as ondermijning_urls
from kompas.ondermijning.models import Controle
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(heerenveen, weststellingwerf, make_member):
    return {
        "adviseur": make_member(heerenveen, "adviseur"),
        "lezer": make_member(heerenveen, "lezer"),
        "partner": make_member(heerenveen, "partner", partner_code="politie"),
        "ander": make_member(weststellingwerf, "adviseur"),
    }


WRITE_PAGES = {
    "controle_create",
    "controle_edit",
    "controle_delete",
    "finding_add",
    "finding_delete",
    "day_create",
    "day_edit",
    "day_delete",
    "dealer_create",
    "dealer_edit",
    "dealer_delete",
    "dealer_check_add",
    "dealer_check_delete",
    "kvo_create",
    "kvo_edit",
    "kvo_delete",
    "import",
}


def _dealer_and_park(municipality):
    from kompas.ondermijning import services
    from kompas.ondermijning.models import Dealer, KvoPark

    dealer = services.dealer_save(
        municipality=municipality,
        dealer=Dealer(),
        by=None,
        fields={
            "name": "Goudhandel",
            "kvk_number": "12345678",
            "address": "Dracht 1",
            "branche": "edelmetaal",
        },
    )
    check = services.dealer_check_add(
        dealer=dealer, on=date(2025, 6, 1), outcome="niets", text="", by=None
    )
    park = services.kvo_save(
        municipality=municipality,
        park=KvoPark(),
        by=None,
        fields={
            "name": "De Kavels",
            "level": "basis",
            "certified_on": date(2024, 1, 1),
            "expires_on": date(2027, 1, 1),
        },
    )
    return dealer, check, park


def _routes(heerenveen, make_controle, make_day):
    from kompas.ondermijning.services import finding_add

    controle = make_controle(heerenveen, locations=["Kerkstraat 1"])
    finding = finding_add(
        controle=controle,
        location=controle.locations.get(),
        outcome="waarschuwing",
        text="",
        by=None,
    )
    day = make_day(heerenveen)
    dealer, check, park = _dealer_and_park(heerenveen)
    kwargs = {
        "controle_list": {},
        "controle_create": {},
        "controle_detail": {"pk": controle.pk},
        "controle_edit": {"pk": controle.pk},
        "controle_delete": {"pk": controle.pk},
        "finding_add": {"pk": controle.pk},
        "finding_delete": {"pk": controle.pk, "finding": finding.pk},
        "day_list": {},
        "day_create": {},
        "day_detail": {"pk": day.pk},
        "day_edit": {"pk": day.pk},
        "day_delete": {"pk": day.pk},
        "partnership_summary": {"code": "zuidoost-friesland"},
        "dealer_list": {},
        "dealer_create": {},
        "dealer_detail": {"pk": dealer.pk},
        "dealer_edit": {"pk": dealer.pk},
        "dealer_delete": {"pk": dealer.pk},
        "dealer_check_add": {"pk": dealer.pk},
        "dealer_check_delete": {"pk": dealer.pk, "check": check.pk},
        "kvo_list": {},
        "kvo_create": {},
        "kvo_edit": {"pk": park.pk},
        "kvo_delete": {"pk": park.pk},
        "import": {},
    }
    assert {p.name for p in ondermijning_urls.urlpatterns} == set(kwargs), (
        "every ondermijning page needs an entry in this matrix"
    )
    return [
        (n, reverse(f"ondermijning:{n}", kwargs={"slug": "heerenveen", **kw}))
        for n, kw in kwargs.items()
    ]


def test_access_matrix(client, users, heerenveen, make_controle, make_day):
    routes = _routes(heerenveen, make_controle, make_day)
    for who in ("partner", "ander"):
        client.force_login(users[who])
        for name, url in routes:
            assert client.get(url).status_code == 404, (who, name)
            assert client.post(url).status_code == 404, (who, name)
    client.force_login(users["lezer"])
    for name, url in routes:
        if name in WRITE_PAGES:
            assert client.post(url).status_code == 403, name
        else:
            assert client.get(url).status_code == 200, name
    assert Controle.objects.count() == 1
    client.force_login(users["adviseur"])
    for name, url in routes:
        if name not in ("finding_add", "finding_delete", "dealer_check_add", "dealer_check_delete"):
            assert client.get(url).status_code == 200, name
    client.logout()
    assert client.get(routes[0][1]).status_code == 302


def test_adviseur_registers_a_controle_with_two_locations_and_a_finding(client, users, heerenveen):
    from kompas.core.models import PartnerOrganisation
    from kompas.ondermijning.models import Branche
    from kompas.signals.models import Dossier

    dossier = Dossier.objects.create(municipality=heerenveen, title="Industrieweg 4")
    client.force_login(users["adviseur"])
    url = reverse("ondermijning:controle_create", args=["heerenveen"])
    page = client.get(url).content.decode()
    assert page.count('name="locaties-') >= 9  # three empty rows: id, address, dossier
    data = {
        "title": "Bedrijventerrein De Kavels",
        "date": "2025-05-20",
        "branche": Branche.objects.get(code="bedrijventerrein").pk,
        "reason": "signalen",
        "status": "uitgevoerd",
        "partners": [PartnerOrganisation.objects.get(code="politie").pk],
        "locaties-TOTAL_FORMS": "3",
        "locaties-INITIAL_FORMS": "3",
        "locaties-0-address": "Industrieweg 4",
        "locaties-0-dossier": dossier.pk,
        "locaties-1-address": "Industrieweg 6",
        "locaties-2-address": "",
    }
    bad = client.post(url, {**data, "date": "2025-02-31"})
    assert bad.status_code == 200
    assert "Voer een geldige datum in." in bad.content.decode()
    assert not Controle.objects.exists()
    response = client.post(url, data)
    controle = Controle.objects.get()
    assert response.status_code == 302
    assert [(loc.address, loc.dossier) for loc in controle.locations.all()] == [
        ("Industrieweg 4", dossier),
        ("Industrieweg 6", None),
    ]
    assert Event.objects.filter(source_id=str(controle.pk), kind="integrale_controle").exists()
    location = controle.locations.first()
    client.post(
        reverse("ondermijning:finding_add", args=["heerenveen", controle.pk]),
        {"location": location.pk, "outcome": "waarschuwing", "text": "Brandveiligheid"},
    )
    detail = client.get(reverse("ondermijning:controle_detail", args=["heerenveen", controle.pk]))
    text = detail.content.decode()
    assert "waarschuwing" in text and "Brandveiligheid" in text and "Industrieweg 4" in text
    # edit: remove the second location, and set the controle back to gepland
    edit = reverse("ondermijning:controle_edit", args=["heerenveen", controle.pk])
    second = controle.locations.last()
    client.post(
        edit,
        {
            **data,
            "status": "gepland",
            "locaties-TOTAL_FORMS": "5",
            "locaties-INITIAL_FORMS": "5",
            "locaties-0-id": location.pk,
            "locaties-0-address": "Industrieweg 4",
            "locaties-1-id": second.pk,
            "locaties-1-address": "Industrieweg 6",
            "locaties-1-delete": "on",
        },
    )
    assert [loc.address for loc in controle.locations.all()] == ["Industrieweg 4"]
    assert not Event.objects.filter(kind="integrale_controle").exists()


def test_unknown_branche_is_refused_in_dutch(client, users):
    client.force_login(users["adviseur"])
    response = client.post(
        reverse("ondermijning:controle_create", args=["heerenveen"]),
        {"title": "x", "date": "2025-05-20", "branche": "999", "reason": "signalen"},
    )
    assert "Kies een branche uit de lijst." in response.content.decode()


def test_list_filters_search_and_pages(client, users, heerenveen, make_controle):
    from kompas.ondermijning.models import Branche

    garage = Branche.objects.get(code="autobedrijven")
    make_controle(heerenveen, title="Garage Oranjewoud", branche=garage, on=date(2024, 6, 1))
    make_controle(heerenveen, title="Horeca Plein", status="gepland", on=date(2025, 2, 1))
    for i in range(26):
        make_controle(heerenveen, title=f"Horeca {i}", on=date(2025, 3, 1))
    client.force_login(users["lezer"])
    url = reverse("ondermijning:controle_list", args=["heerenveen"])

    def titles(**params):
        page = client.get(url, params).context["page"]
        return [c.title for c in page.object_list], page.paginator.count

    assert titles(jaar=2024) == (["Garage Oranjewoud"], 1)
    assert titles(branche="autobedrijven")[1] == 1
    assert titles(status="gepland") == (["Horeca Plein"], 1)
    assert titles(q="plein") == (["Horeca Plein"], 1)
    first, total = titles()
    assert total == 28 and len(first) == 25
    assert len(titles(pagina=2)[0]) == 3


def test_delete_asks_for_confirmation(client, users, heerenveen, make_controle):
    controle = make_controle(heerenveen)
    client.force_login(users["adviseur"])
    url = reverse("ondermijning:controle_delete", args=["heerenveen", controle.pk])
    assert "Ja, verwijderen" in client.get(url).content.decode()
    assert Controle.objects.exists()
    assert client.post(url).status_code == 302
    assert not Controle.objects.exists()
    assert not Event.objects.filter(kind="integrale_controle").exists()


def test_the_list_downloads_as_csv_with_its_filters(client, users, heerenveen, make_controle):
    make_controle(heerenveen, title="Horeca Plein", on=date(2025, 2, 1))
    make_controle(heerenveen, title="Horeca Oud", on=date(2024, 2, 1))
    client.force_login(users["lezer"])
    url = reverse("ondermijning:controle_list", args=["heerenveen"])
    response = client.get(url, {"formaat": "csv", "jaar": 2025})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Horeca Plein" in text and "Horeca Oud" not in text
    assert "formaat=csv" in client.get(url).content.decode()
