# SPDX-License-Identifier: EUPL-1.2
"""Beheer in the product (issue 17 item 9): the beheerder invites people, changes and revokes
roles and keeps the public branding, without the Django admin; every write audited."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from PIL import Image

from kompas.core.models import AuditEntry, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(heerenveen, make_member, client):
    user = make_member(heerenveen, "beheerder", username="beheerder-hv")
    client.force_login(user)
    return user


def _invite(client, **overrides):
    data = {
        "email": "Nieuwe.Collega@Heerenveen.nl",
        "first_name": "Nienke",
        "last_name": "de Vries",
        "role": "adviseur",
        "partner": "",
        **overrides,
    }
    return client.post("/heerenveen/beheer/gebruikers/uitnodigen/", data)


def test_an_invited_person_chooses_a_password_once_and_logs_in(
    beheerder, client, heerenveen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes after the commit
        response = _invite(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nieuwe.collega@heerenveen.nl")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user, municipality=heerenveen).role == "adviseur"
    assert AuditEntry.objects.filter(object_type="core.membership", action="create").exists()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuwe.collega@heerenveen.nl"]
    assert "Heerenveen" in message.subject
    link = re.search(r"https?://\S+/uitnodiging/\S+/", message.body).group(0)
    path = link.split("testserver", 1)[1]

    client.logout()
    page = client.get(path, follow=True)
    assert "Wachtwoord kiezen" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    done = client.post(
        form_url,
        {"new_password1": "Een-lang-wachtwoord-2026", "new_password2": "Een-lang-wachtwoord-2026"},
    )
    assert done.status_code == 302 and done["Location"] == "/inloggen/"
    login = client.post(
        "/inloggen/", {"username": user.username, "password": "Een-lang-wachtwoord-2026"}
    )
    assert login.status_code == 302  # logged in
    client.logout()
    again = client.get(path, follow=True)
    assert "Deze link werkt niet meer" in again.content.decode()


def test_someone_with_an_account_elsewhere_gets_a_role_without_a_new_account(
    beheerder, client, heerenveen, weststellingwerf, make_member
):
    colleague = make_member(weststellingwerf, "adviseur", username="adviseur-ws")
    colleague.email = "adviseur@weststellingwerf.nl"
    colleague.save()
    response = _invite(client, email="ADVISEUR@weststellingwerf.nl", role="lezer")
    assert response.status_code == 302
    assert (
        get_user_model().objects.filter(email__iexact="adviseur@weststellingwerf.nl").count() == 1
    )
    assert Membership.objects.get(user=colleague, municipality=heerenveen).role == "lezer"
    assert mail.outbox == []
    # Inviting again names the problem instead of creating anything.
    again = _invite(client, email="adviseur@weststellingwerf.nl")
    assert "heeft al een rol in deze gemeente" in again.content.decode()


def test_a_partner_role_needs_its_organisation(beheerder, client):
    response = _invite(client, role="partner")
    assert response.status_code == 200
    assert "Kies de organisatie van deze ketenpartner" in response.content.decode()
    assert not get_user_model().objects.filter(email="nieuwe.collega@heerenveen.nl").exists()


def test_a_role_change_is_audited_with_old_and_new_value(
    beheerder, client, heerenveen, make_member
):
    lezer = make_member(heerenveen, "lezer", username="lezer-hv")
    membership = Membership.objects.get(user=lezer, municipality=heerenveen)
    response = client.post(
        f"/heerenveen/beheer/gebruikers/{membership.pk}/", {"role": "adviseur", "partner": ""}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "adviseur"
    entry = AuditEntry.objects.get(object_type="core.membership", action="update")
    assert entry.changes["role"] == ["lezer", "adviseur"]
    assert entry.username == "beheerder-hv"


def test_the_last_beheerder_cannot_be_demoted_or_removed(beheerder, client, heerenveen):
    own = Membership.objects.get(user=beheerder, municipality=heerenveen)
    response = client.post(f"/heerenveen/beheer/gebruikers/{own.pk}/", {"role": "lezer"})
    assert "enige beheerder" in response.content.decode()
    response = client.post(f"/heerenveen/beheer/gebruikers/{own.pk}/verwijderen/")
    assert "enige beheerder" in response.content.decode()
    own.refresh_from_db()
    assert own.role == "beheerder"


def test_removing_asks_first_and_deactivates_a_last_membership(
    beheerder, client, heerenveen, weststellingwerf, make_member
):
    leaving = make_member(heerenveen, "adviseur", username="vertrekker")
    staying = make_member(heerenveen, "adviseur", username="blijver")
    Membership.objects.create(user=staying, municipality=weststellingwerf, role="lezer")
    m_leaving = Membership.objects.get(user=leaving, municipality=heerenveen)
    m_staying = Membership.objects.get(user=staying, municipality=heerenveen)

    question = client.get(f"/heerenveen/beheer/gebruikers/{m_leaving.pk}/verwijderen/")
    assert "Weet u zeker" in question.content.decode()
    assert Membership.objects.filter(pk=m_leaving.pk).exists()

    client.post(f"/heerenveen/beheer/gebruikers/{m_leaving.pk}/verwijderen/")
    client.post(f"/heerenveen/beheer/gebruikers/{m_staying.pk}/verwijderen/")
    leaving.refresh_from_db()
    staying.refresh_from_db()
    assert not leaving.is_active  # no gemeente vouches for this login any more
    assert staying.is_active and staying.memberships.get().municipality == weststellingwerf
    assert AuditEntry.objects.filter(action="delete", object_type="core.membership").count() == 2
    assert (
        AuditEntry.objects.filter(object_type="auth.user", changes__has_key="is_active").count()
        == 1
    )


def test_only_the_beheerder_of_the_gemeente_reaches_beheer(
    client, heerenveen, weststellingwerf, make_member
):
    other = make_member(weststellingwerf, "beheerder", username="beheerder-ws")
    foreign = Membership.objects.get(user=other)
    client.force_login(make_member(heerenveen, "adviseur", username="adviseur-x"))
    for path in (
        "/heerenveen/beheer/",
        "/heerenveen/beheer/gebruikers/",
        "/heerenveen/beheer/huisstijl/",
    ):
        assert client.get(path).status_code == 404, path
    client.force_login(make_member(heerenveen, "beheerder", username="beheerder-y"))
    # Another gemeente's person is not found through this gemeente's pages.
    assert client.get(f"/heerenveen/beheer/gebruikers/{foreign.pk}/").status_code == 404


def test_the_member_list_searches_and_links_the_other_settings(
    beheerder, client, heerenveen, make_member
):
    make_member(heerenveen, "lezer", username="jan-lezer")
    make_member(heerenveen, "adviseur", username="piet-adviseur")
    page = client.get("/heerenveen/beheer/gebruikers/", {"q": "jan"}).content.decode()
    assert "jan-lezer" in page and "piet-adviseur" not in page
    index = client.get("/heerenveen/beheer/").content.decode()
    assert "Bewaartermijnen casussen" in index and "Deelnemers van overleggen" in index
    assert "Deelafspraken" in index


def _png(size=(1200, 300), fmt="PNG") -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 90, 160)).save(out, format=fmt)
    out.seek(0)
    out.name = "logo." + fmt.lower()
    return out


def test_branding_shows_on_the_meldpunt_with_a_re_encoded_logo(beheerder, client, heerenveen):
    response = client.post(
        "/heerenveen/beheer/huisstijl/",
        {
            "public_name": "Gemeente Heerenveen",
            "privacy_url": "https://www.heerenveen.nl/privacy",
            "logo": _png(fmt="JPEG"),
        },
    )
    assert response.status_code == 302
    logo = client.get("/heerenveen/logo.png")
    assert logo["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(logo.content))
    assert image.format == "PNG" and image.size[0] <= 600 and image.size[1] <= 200
    assert AuditEntry.objects.filter(object_type="core.municipality", action="update").exists()

    client.logout()
    meldpunt = client.get("/heerenveen/meldpunt/").content.decode()
    assert 'href="https://www.heerenveen.nl/privacy"' in meldpunt
    assert "Privacyverklaring van Gemeente Heerenveen" in meldpunt
    assert "/heerenveen/logo.png?v=" in meldpunt


def test_branding_refuses_a_non_image_and_a_plain_http_address(beheerder, client):
    fake = io.BytesIO(b"<svg onload=alert(1)></svg>")
    fake.name = "logo.png"
    response = client.post(
        "/heerenveen/beheer/huisstijl/", {"privacy_url": "http://example.nl/p", "logo": fake}
    )
    body = response.content.decode()
    assert "https://" in body and "begint" in body
    fake.seek(0)
    response = client.post("/heerenveen/beheer/huisstijl/", {"logo": fake})
    assert "geen leesbare afbeelding" in response.content.decode()
    assert client.get("/heerenveen/logo.png").status_code == 404
