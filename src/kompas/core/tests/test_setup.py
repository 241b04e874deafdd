# SPDX-License-Identifier: EUPL-1.2
"""`kompas setup`: an empty database gets every gemeente, the partnerships, the partner
organisations and the first beheerder, who chooses a password through a one-time link."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kompas.core.models import Membership, Municipality, PartnerOrganisation, Partnership

pytestmark = pytest.mark.django_db


def _setup(*args) -> str:
    out = io.StringIO()
    call_command("setup", *args, stdout=out)
    return out.getvalue()


def test_setup_loads_every_gemeente_and_a_second_run_changes_nothing():
    first = _setup()
    assert Municipality.objects.count() == 342
    assert Municipality.objects.get(code="GM0074").slug == "heerenveen"
    assert Municipality.objects.get(code="GM0363").name == "Amsterdam"
    assert set(Partnership.objects.values_list("code", flat=True)) == {
        "zuidoost-friesland",
        "howo",
    }
    partnership = Partnership.objects.get(code="zuidoost-friesland")
    assert partnership.members.count() == 4
    partners = PartnerOrganisation.objects.count()
    assert partners > 0
    assert "342 gemeenten nieuw" in first

    second = _setup()
    assert Municipality.objects.count() == 342
    assert PartnerOrganisation.objects.count() == partners
    assert "0 gemeenten nieuw (342 in totaal)" in second
    assert "er is niets veranderd" in second


def test_setup_creates_the_first_beheerder_without_a_password_and_a_working_link(client):
    out = _setup("--gemeente", "gm0074", "--beheerder-email", "Beheer@Heerenveen.nl")
    user = get_user_model().objects.get(email="beheer@heerenveen.nl")
    assert not user.has_usable_password()
    membership = Membership.objects.get(user=user)
    assert (membership.municipality.code, membership.role) == ("GM0074", "beheerder")
    assert "Beheerder beheer@heerenveen.nl aangemaakt." in out
    link = re.search(r"http://127\.0\.0\.1:8000(/uitnodiging/\S+/)", out).group(1)

    again = _setup("--gemeente", "GM0074", "--beheerder-email", "beheer@heerenveen.nl")
    assert "is al beheerder van GM0074" in again and "er is niets veranderd" in again
    assert get_user_model().objects.filter(email="beheer@heerenveen.nl").count() == 1
    assert Membership.objects.filter(user=user).count() == 1

    page = client.get(link, follow=True)
    assert "Wachtwoord kiezen" in page.content.decode()
    done = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Een-lang-wachtwoord-2026", "new_password2": "Een-lang-wachtwoord-2026"},
    )
    assert done.status_code == 302 and done["Location"] == "/inloggen/"
    user.refresh_from_db()
    assert user.has_usable_password()
    # Once the password is chosen, a rerun prints no link any more.
    third = _setup("--gemeente", "GM0074", "--beheerder-email", "beheer@heerenveen.nl")
    assert "/uitnodiging/" not in third


def test_setup_refuses_unknown_gemeente_and_a_link_without_base_url_in_production(settings):
    with pytest.raises(CommandError, match="GM9999 staat niet in de CBS-codelijst"):
        _setup("--gemeente", "GM9999", "--beheerder-email", "x@y.nl")
    assert not get_user_model().objects.filter(email="x@y.nl").exists()
    with pytest.raises(CommandError, match="samen"):
        _setup("--gemeente", "GM0074")
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="KOMPAS_BASE_URL"):
        _setup("--gemeente", "GM0074", "--beheerder-email", "x@y.nl")
    settings.KOMPAS_BASE_URL = "https://veiligheid.heerenveen.nl"
    out = _setup("--gemeente", "GM0074", "--beheerder-email", "x@y.nl")
    assert "https://veiligheid.heerenveen.nl/uitnodiging/" in out
