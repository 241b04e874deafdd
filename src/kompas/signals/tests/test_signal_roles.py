# SPDX-License-Identifier: EUPL-1.2
"""One rule for every page of a signal: the roles that see the signals list (beheerder,
adviseur; a lezer sees counts) are the roles that open a signal, its attachments and its
dossier. The bibob-coördinator works on Bibob files, not on the meldpunt: the list answers 404,
and so does every signal sub-page and download."""

import pytest

pytestmark = pytest.mark.django_db


def test_bibob_gets_404_on_every_signal_page_like_on_the_list(
    client, make_signal, heerenveen, make_member
):
    from kompas.signals.services import dossier_link
    from kompas.signals.services.intake import signal_reporter_reply

    signal, _ = make_signal(description="Inhoud die de bibob-rol niet hoort te zien")
    other, _ = make_signal()
    signal_reporter_reply(signal=signal, text="Foto erbij.", attachments=[("image/png", b"x")])
    attachment = signal.attachments.first()
    dossier = dossier_link(signal=signal, other=other, by=None)
    client.force_login(make_member(heerenveen, "bibob"))
    base = f"/heerenveen/meldingen/{signal.pk}/"
    assert client.get("/heerenveen/meldingen/").status_code == 404
    for url in (
        base,
        f"{base}bijlagen/{attachment.pk}/",
        "/heerenveen/dossiers/",
        f"/heerenveen/dossiers/{dossier.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for action in ("status", "beoordelen", "vraag", "koppelen", "delen"):
        assert client.post(f"{base}{action}/").status_code == 404, action
    # ... and the start page does not lead there either, nor can a signal be assigned to them
    assert "Meldpunt ondermijning" not in client.get("/").content.decode()


def test_bibob_is_not_offered_as_a_handler(client, make_signal, heerenveen, make_member):
    signal, _ = make_signal()
    make_member(heerenveen, "bibob", username="bibob-coordinator")
    client.force_login(make_member(heerenveen, "adviseur", username="adviseur-x"))
    html = client.get(f"/heerenveen/meldingen/{signal.pk}/").content.decode()
    assert "adviseur-x" in html and "bibob-coordinator" not in html


def test_pages_of_other_apps_link_signals_only_for_the_team(
    client, make_signal, heerenveen, make_member
):
    """A risk item cites a signal: the adviseur gets the link, the bibob-coördinator (who may
    read the risk inventory) sees the item without a link that would answer 404."""
    from kompas.openbareorde.tests.test_openbareorde import _risk

    signal, _ = make_signal()
    item = _risk(heerenveen, title="Met melding")
    item.signals.add(signal)
    link = f'href="/heerenveen/meldingen/{signal.pk}/"'
    url = f"/heerenveen/openbare-orde/risicos/{item.pk}/"
    client.force_login(make_member(heerenveen, "adviseur"))
    assert link in client.get(url).content.decode()
    client.force_login(make_member(heerenveen, "bibob"))
    response = client.get(url)
    assert response.status_code == 200 and link not in response.content.decode()
