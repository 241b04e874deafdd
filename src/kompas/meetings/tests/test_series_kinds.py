# SPDX-License-Identifier: EUPL-1.2
"""The kinds of overleg carry the names the plans use (IVB Weststellingwerf: Operationeel
Veiligheidsoverleg, Aanpak Voorkomen Escalatie-platform, Jeugd Op Straat) and include every
overleg the plans name, so later apps (casework) can start a series of each."""

import pytest

from kompas.meetings.models import MeetingSeries

pytestmark = pytest.mark.django_db


def test_new_series_form_offers_the_names_from_the_plans(login, advisor):
    page = login(advisor).get("/heerenveen/overleggen/nieuw/").content.decode()
    assert "OVO (Operationeel Veiligheidsoverleg)" in page
    assert "AVE-platform (Aanpak Voorkomen Escalatie)" in page
    assert "JOS (Jeugd Op Straat)" in page
    for wrong in ("Openbare-orde-overleg", "Aanpak Veelplegers", "Jeugd Overlast Signalering"):
        assert wrong not in page


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("pga", "PGA (Persoonsgerichte Aanpak)"),
        ("zvh", "ZVH (Zorg- en Veiligheidshuis)"),
        ("weegploeg", "Weegploeg (radicalisering en extremisme)"),
        ("driehoek", "Lokale driehoek"),
        ("voetbaloverleg", "Voetbaloverleg"),
        ("portefeuillehouderoverleg", "Portefeuillehouderoverleg"),
    ],
)
def test_every_overleg_of_the_plans_can_be_started(login, advisor, kind, label):
    client = login(advisor)
    response = client.post(
        "/heerenveen/overleggen/nieuw/",
        {"name": f"Overleg {kind}", "kind": kind, "confidentiality": "vertrouwelijk"},
    )
    series = MeetingSeries.objects.get(name=f"Overleg {kind}")
    assert response["Location"] == f"/heerenveen/overleggen/{series.pk}/"
    assert series.get_kind_display() == label
