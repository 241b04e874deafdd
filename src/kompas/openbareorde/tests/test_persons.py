# SPDX-License-Identifier: EUPL-1.2
"""Persons in the risk inventory (issue 14 item 1) through the casework's person mechanism:
the pseudonym on every screen (list, detail, start page, API), "toon identiteit" only with a
reason and audited as `reveal`, need-to-know (regisseur, beheerder, the named partner; not a
plain adviseur, not another gemeente), Dutch errors storing nothing, and key rotation."""

from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kompas.cases.services import PersonData
from kompas.core.models import AuditEntry, PartnerOrganisation
from kompas.openbareorde import services
from kompas.openbareorde.models import RiskItem, RiskPerson

pytestmark = pytest.mark.django_db

NAME = "Jelle Proefpersoon"


@pytest.fixture
def users(heerenveen, weststellingwerf, make_member):
    return {
        "regisseur": make_member(heerenveen, "regisseur"),
        "beheerder": make_member(heerenveen, "beheerder"),
        "adviseur": make_member(heerenveen, "adviseur"),
        "lezer": make_member(heerenveen, "lezer"),
        "politie": make_member(heerenveen, "partner", partner_code="politie"),
        "vth": make_member(heerenveen, "partner", partner_code="vth"),
        "ander_regisseur": make_member(weststellingwerf, "regisseur"),
    }


def _person_item(municipality, *, review_days=30, **person):
    item = services.risk_save(
        owner=municipality,
        obj=RiskItem(),
        by=None,
        fields={
            "kind": "persoon",
            "title": f"{NAME} (niet bewaren)",
            "theme": "radicalisering",
            "level": "hoog",
            "reasons": "Uitingen online",
            "review_on": timezone.localdate() + timedelta(days=review_days),
        },
        m2m={"partners": [PartnerOrganisation.objects.get(code="politie")]},
        person=PersonData(
            name=person.get("name", NAME),
            address="Proefstraat 3, Heerenveen",
            bsn=person.get("bsn", ""),
        ),
    )
    item.refresh_from_db()
    return item


def _location(municipality):
    return services.risk_save(
        owner=municipality,
        obj=RiskItem(),
        by=None,
        fields={
            "kind": "locatie",
            "location_kind": "azc",
            "title": "Opvanglocatie",
            "theme": "polarisatie",
            "level": "laag",
            "reasons": "r",
            "review_on": timezone.localdate() + timedelta(days=30),
        },
    )


def test_a_person_item_is_stored_encrypted_with_its_pseudonym_as_title(heerenveen):
    item = _person_item(heerenveen, bsn="111222333")
    person = RiskPerson.objects.get(item=item)
    assert item.title == f"HV-RO-{item.pk:03d} persoon A" == person.pseudonym
    for field in ("name_enc", "address_enc", "bsn_enc"):
        assert getattr(person, field) and "Proef" not in getattr(person, field)
        assert "111222333" not in getattr(person, field)
    assert NAME not in item.title and NAME not in item.history.get().reasons


def test_pseudonym_everywhere_for_those_who_see_the_person(client, heerenveen, users):
    item = _person_item(heerenveen, review_days=-3)  # overdue: on the start page too
    pages = {
        "lijst": reverse("openbareorde:risk_list", args=["heerenveen"]),
        "item": reverse("openbareorde:risk_detail", args=["heerenveen", item.pk]),
        "toon": reverse("openbareorde:risk_reveal", args=["heerenveen", item.pk]),
        "api": "/api/v1/openbareorde/GM0074/risicos/",
    }
    for who in ("regisseur", "beheerder", "politie"):
        client.force_login(users[who])
        for what, url in pages.items():
            response = client.get(url)
            body = response.content.decode()
            assert response.status_code == 200, (who, what)
            assert item.title in body and "Proef" not in body, (who, what)
    client.force_login(users["regisseur"])
    home = client.get(reverse("core:municipality_home", args=["heerenveen"])).content.decode()
    assert item.title in home and "Proef" not in home
    api = client.get(pages["api"]).json()["results"]
    assert [(r["kind"], r["title"]) for r in api] == [("persoon", item.title)]
    # nothing was revealed by looking
    assert not AuditEntry.objects.filter(action="reveal").exists()


def test_need_to_know_plain_adviseur_other_partner_and_gemeente_get_404(
    client, heerenveen, weststellingwerf, users
):
    item = _person_item(heerenveen, review_days=-3)
    location = _location(heerenveen)
    detail = reverse("openbareorde:risk_detail", args=["heerenveen", item.pk])
    reveal = reverse("openbareorde:risk_reveal", args=["heerenveen", item.pk])
    for who in ("adviseur", "lezer", "vth", "ander_regisseur"):
        client.force_login(users[who])
        assert client.get(detail).status_code == 404, who
        assert client.get(reveal).status_code == 404, who
        assert client.post(reveal, {"reason": "Ik wil het weten"}).status_code == 404, who
        assert (
            client.get(reverse("openbareorde:risk_edit", args=["heerenveen", item.pk])).status_code
            == 404
        )
    # the adviseur keeps the locations and groups, without the person anywhere
    client.force_login(users["adviseur"])
    listing = client.get(reverse("openbareorde:risk_list", args=["heerenveen"]))
    assert [i.pk for i, _s in listing.context["items"]] == [location.pk]
    api = client.get("/api/v1/openbareorde/GM0074/risicos/").json()["results"]
    assert [r["id"] for r in api] == [location.pk]
    home = client.get(reverse("core:municipality_home", args=["heerenveen"])).content.decode()
    assert item.title not in home
    # another gemeente's regisseur: the item is not theirs, nor is the gemeente
    client.force_login(users["ander_regisseur"])
    assert client.get(reverse("openbareorde:risk_list", args=["heerenveen"])).status_code == 404
    assert not AuditEntry.objects.filter(action="reveal").exists()
    # reveal on an item that is not a person: 404 even for the regisseur
    client.force_login(users["regisseur"])
    no_person = reverse("openbareorde:risk_reveal", args=["heerenveen", location.pk])
    assert client.get(no_person).status_code == 404


def test_reveal_needs_a_reason_and_is_audited(client, heerenveen, users):
    item = _person_item(heerenveen)
    url = reverse("openbareorde:risk_reveal", args=["heerenveen", item.pk])
    client.force_login(users["politie"])
    for reason in ("", "kort"):
        response = client.post(url, {"reason": reason})
        assert response.status_code == 400
        assert NAME not in response.content.decode()
    assert "minstens 5 tekens" in response.content.decode()
    assert not AuditEntry.objects.filter(action="reveal").exists()
    response = client.post(url, {"reason": "Voorbereiding huisbezoek wijkagent"})
    body = response.content.decode()
    assert response.status_code == 200 and NAME in body and "Proefstraat 3" in body
    assert response["Cache-Control"] == "no-store, private"
    entry = AuditEntry.objects.get(action="reveal")
    assert (entry.object_type, entry.object_id, entry.user) == (
        "openbareorde.riskitem",
        str(item.pk),
        users["politie"],
    )
    assert entry.note == "Voorbereiding huisbezoek wijkagent" and entry.fields == ["persoon A"]
    assert entry.municipality == heerenveen and NAME not in str(entry.__dict__)


def test_regisseur_creates_a_person_item_through_the_form_and_typed_title_is_dropped(
    client, heerenveen, users
):
    client.force_login(users["regisseur"])
    url = reverse("openbareorde:risk_create", args=["heerenveen"])
    data = {
        "kind": "persoon",
        "title": NAME,
        "theme": "radicalisering",
        "level": "midden",
        "reasons": "Signalen van school",
        "review_on": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "persoon-name": NAME,
        "persoon-bsn": "123",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the casework's Dutch BSN error
    assert "elfproef" in response.content.decode()
    assert not RiskItem.objects.exists() and not RiskPerson.objects.exists()
    response = client.post(url, {**data, "persoon-bsn": ""})
    assert response.status_code == 302
    item = RiskItem.objects.get()
    assert item.title == f"HV-RO-{item.pk:03d} persoon A"
    assert RiskPerson.objects.get(item=item).name_enc


def test_adviseur_cannot_create_a_person_item(client, heerenveen, users):
    client.force_login(users["adviseur"])
    url = reverse("openbareorde:risk_create", args=["heerenveen"])
    form = client.get(url).context["form"]
    assert "persoon" not in [c[0] for c in form.fields["kind"].choices]
    assert client.get(url).context["person_form"] is None
    response = client.post(
        url,
        {
            "kind": "persoon",
            "theme": "online",
            "level": "laag",
            "reasons": "r",
            "review_on": "2030-01-01",
            "persoon-name": NAME,
        },
    )
    assert response.status_code == 200 and not RiskItem.objects.exists()


def test_service_refuses_bad_person_data_and_a_change_of_kind_storing_nothing(heerenveen):
    with pytest.raises(ValidationError) as exc:
        _person_item(heerenveen, bsn="123456789")
    assert "elfproef" in str(exc.value)
    with pytest.raises(ValidationError):
        services.risk_save(
            owner=heerenveen,
            obj=RiskItem(),
            by=None,
            fields={
                "kind": "persoon",
                "theme": "online",
                "level": "laag",
                "reasons": "r",
                "review_on": timezone.localdate(),
            },
        )
    assert not RiskItem.objects.exists() and not RiskPerson.objects.exists()
    assert not AuditEntry.objects.filter(object_type="openbareorde.riskitem").exists()
    item = _person_item(heerenveen)
    with pytest.raises(ValidationError) as exc:
        services.risk_save(
            owner=heerenveen, obj=item, by=None, fields={"kind": "groep", "title": NAME}
        )
    assert "blijft een persoon" in str(exc.value)
    item.refresh_from_db()
    assert item.kind == "persoon" and NAME not in item.title
    # a kept person item keeps its pseudonym whatever title is sent
    services.risk_save(owner=heerenveen, obj=item, by=None, fields={"title": NAME, "level": "laag"})
    item.refresh_from_db()
    assert item.title == f"HV-RO-{item.pk:03d} persoon A" and item.level == "laag"


def test_keys_rotate_re_encrypts_the_inventory_persons(heerenveen, users, settings, capsys):
    item = _person_item(heerenveen)
    before = RiskPerson.objects.get(item=item).name_enc
    old = settings.KOMPAS_SIGNALS_KEYS
    settings.KOMPAS_SIGNALS_KEYS = [Fernet.generate_key().decode(), *old]
    call_command("keys", "rotate")
    assert "risicopersonen" in capsys.readouterr().out
    settings.KOMPAS_SIGNALS_KEYS = settings.KOMPAS_SIGNALS_KEYS[:1]  # old key removed
    person = RiskPerson.objects.get(item=item)
    assert person.name_enc != before
    identity = services.risk_person_reveal(
        item=item, person=person, user=users["regisseur"], reason="na sleutelwissel"
    )
    assert (identity.name, identity.pseudonym) == (NAME, item.title)
