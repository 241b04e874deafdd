# SPDX-License-Identifier: EUPL-1.2
"""Issue 17 item 6: a signal is shared only with an organisation the gemeente has an active
sharing agreement with, on that agreement's ground. The beheerder keeps the list (add, change,
end with confirmation), every change audited; other roles do not see the page."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from kompas.core.models import AuditEntry, PartnerOrganisation
from kompas.signals import services
from kompas.signals.demo import load_agreements
from kompas.signals.models import Forwarding, SharingAgreement

pytestmark = pytest.mark.django_db
LIST_URL = "/heerenveen/deelafspraken/"


@pytest.fixture
def beheerder_client(client, heerenveen, make_member):
    client.force_login(make_member(heerenveen, "beheerder", username="beheerder-hv"))
    return client


def _share_options(html: str) -> list[str]:
    select = re.search(r'<select name="agreement".*?</select>', html, re.S).group(0)
    return [
        re.sub(r"\s+", " ", label).strip()
        for label in re.findall(r"<option[^>]*>(.*?)</option>", select, re.S)
    ]


def test_share_form_offers_exactly_the_agreed_organisations(
    staff_client, make_signal, make_agreement, weststellingwerf
):
    signal, _ = make_signal()
    make_agreement("politie", name="Convenant LIO", signed_on=date(2024, 2, 1))
    make_agreement("riec", name="Convenant RIEC")
    ended = make_agreement("vth")
    services.sharing_agreement_deactivate(agreement=ended, by=None)
    make_agreement("om", municipality=weststellingwerf)  # another gemeente's agreement
    html = staff_client.get(f"/heerenveen/meldingen/{signal.pk}/").content.decode()
    options = _share_options(html)
    politie = PartnerOrganisation.objects.get(code="politie").name
    riec = PartnerOrganisation.objects.get(code="riec").name
    assert sorted(options) == sorted(
        [f"{politie} (Convenant LIO, 1 februari 2024)", f"{riec} (Convenant RIEC, 1 maart 2024)"]
    )
    for never in ("Inwoners", "Horeca", "Scholen", "Openbaar Ministerie", "VTH"):
        assert not any(never in o for o in options), never


def test_sharing_with_an_organisation_without_agreement_is_refused(
    staff_client, make_signal, make_agreement, weststellingwerf
):
    signal, _ = make_signal()
    make_agreement("politie")
    foreign = make_agreement("om", municipality=weststellingwerf)
    ended = make_agreement("riec")
    services.sharing_agreement_deactivate(agreement=ended, by=None)
    inwoners = PartnerOrganisation.objects.get(code="inwoners")
    url = f"/heerenveen/meldingen/{signal.pk}/delen/"
    for data in (
        {"agreement": foreign.pk, "fmt": "json"},
        {"agreement": ended.pk, "fmt": "json"},
        {"partner": inwoners.pk, "ground": "zomaar", "fmt": "json"},  # the old form's fields
    ):
        response = staff_client.post(url, data)
        assert response.status_code == 400, data
    assert (
        "geen geldige deelafspraak"
        in staff_client.post(url, {"agreement": foreign.pk, "fmt": "json"}).content.decode()
    )
    assert Forwarding.objects.count() == 0
    assert not AuditEntry.objects.filter(action="export").exists()


def test_the_service_refuses_an_agreement_of_another_gemeente(
    make_signal, make_agreement, weststellingwerf, adviseur_heerenveen
):
    signal, _ = make_signal()
    foreign = make_agreement("om", municipality=weststellingwerf)
    with pytest.raises(ValidationError):
        services.signal_forward(
            signal=signal, agreement=foreign, fmt="json", by=adviseur_heerenveen
        )
    assert Forwarding.objects.count() == 0


def test_without_agreements_the_signal_page_says_sharing_needs_one(staff_client, make_signal):
    signal, _ = make_signal()
    html = staff_client.get(f"/heerenveen/meldingen/{signal.pk}/").content.decode()
    assert 'id="geen-deelafspraken"' in html
    assert 'name="agreement"' not in html


@pytest.mark.parametrize("role", ["adviseur", "lezer", "partner"])
def test_only_the_beheerder_sees_the_agreements_pages(client, heerenveen, make_member, role):
    agreement = services.sharing_agreement_save(
        municipality=heerenveen,
        by=None,
        partner=PartnerOrganisation.objects.get(code="politie"),
        name="Convenant LIO",
        signed_on=date(2024, 2, 1),
        legal_ground="art. 5",
    )
    extra = {"partner_code": "politie"} if role == "partner" else {}
    client.force_login(make_member(heerenveen, role, **extra))
    for url in (
        LIST_URL,
        f"{LIST_URL}nieuw/",
        f"{LIST_URL}{agreement.pk}/",
        f"{LIST_URL}{agreement.pk}/beeindigen/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"{LIST_URL}{agreement.pk}/beeindigen/").status_code == 404
    agreement.refresh_from_db()
    assert agreement.active


def test_beheerder_adds_changes_and_ends_an_agreement_all_audited(beheerder_client):
    riec = PartnerOrganisation.objects.get(code="riec")
    response = beheerder_client.post(
        f"{LIST_URL}nieuw/",
        {
            "partner": riec.pk,
            "name": "Convenant RIEC Noord-Nederland 2023",
            "signed_on": "2023-06-15",
            "legal_ground": "Convenant RIEC, art. 13",
        },
    )
    assert response.status_code == 302 and response["Location"] == LIST_URL
    agreement = SharingAgreement.objects.get()
    assert (agreement.partner, agreement.signed_on, agreement.active) == (
        riec,
        date(2023, 6, 15),
        True,
    )
    assert AuditEntry.objects.filter(
        action="create", object_type="signals.sharingagreement", object_id=str(agreement.pk)
    ).exists()
    html = beheerder_client.get(LIST_URL).content.decode()
    assert "Convenant RIEC Noord-Nederland 2023" in html and "15 juni 2023" in html

    edit = f"{LIST_URL}{agreement.pk}/"
    assert "Convenant RIEC, art. 13" in beheerder_client.get(edit).content.decode()
    response = beheerder_client.post(
        edit,
        {
            "partner": riec.pk,
            "name": "Convenant RIEC Noord-Nederland 2023",
            "signed_on": "2023-06-15",
            "legal_ground": "Convenant RIEC, art. 14",
        },
    )
    assert response.status_code == 302
    update = AuditEntry.objects.get(action="update", object_id=str(agreement.pk))
    assert update.changes == {
        "legal_ground": ["Convenant RIEC, art. 13", "Convenant RIEC, art. 14"]
    }

    end = f"{LIST_URL}{agreement.pk}/beeindigen/"
    confirm = beheerder_client.get(end)
    assert "Weet u zeker" in confirm.content.decode()
    agreement.refresh_from_db()
    assert agreement.active  # asking is not ending
    assert beheerder_client.post(end).status_code == 302
    agreement.refresh_from_db()
    assert not agreement.active
    assert AuditEntry.objects.filter(
        action="update", object_id=str(agreement.pk), note="deelafspraak beëindigd"
    ).exists()
    assert "beëindigd" in beheerder_client.get(LIST_URL).content.decode()


def test_the_beheerder_finds_the_list_in_the_menu(beheerder_client, adviseur_heerenveen):
    from django.test import Client

    assert f'href="{LIST_URL}"' in beheerder_client.get("/heerenveen/").content.decode()
    adviseur = Client()
    adviseur.force_login(adviseur_heerenveen)
    assert f'href="{LIST_URL}"' not in adviseur.get("/heerenveen/").content.decode()


def test_the_agreement_form_explains_missing_fields(beheerder_client):
    response = beheerder_client.post(f"{LIST_URL}nieuw/", {"partner": "", "name": ""})
    assert response.status_code == 400
    html = response.content.decode()
    for text in ("Kies de organisatie.", "Vul de naam", "Vul de datum", "Vul de grondslag in."):
        assert text in html
    assert not SharingAgreement.objects.exists()


def test_a_beheerder_cannot_reach_another_gemeentes_agreement(
    beheerder_client, make_agreement, weststellingwerf
):
    foreign = make_agreement("om", municipality=weststellingwerf)
    assert beheerder_client.get(f"{LIST_URL}{foreign.pk}/").status_code == 404
    assert beheerder_client.post(f"{LIST_URL}{foreign.pk}/beeindigen/").status_code == 404
    foreign.refresh_from_db()
    assert foreign.active


def test_demo_agreements_cover_the_demo_gemeenten_and_load_once(reference_data):
    made = load_agreements()
    assert made > 0 and load_agreements() == 0
    for municipality in reference_data.values():
        codes = set(
            SharingAgreement.objects.filter(municipality=municipality, active=True).values_list(
                "partner__code", flat=True
            )
        )
        assert {"politie", "om", "riec", "vth"} <= codes
        assert not codes & {"inwoners", "horeca", "scholen"}
