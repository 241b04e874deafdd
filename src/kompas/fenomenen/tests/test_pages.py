# SPDX-License-Identifier: EUPL-1.2
"""Pages of fenomenen: who sees what (other gemeente and partner 404, lezer reads but does
not write), the forms, counts per topic and year, the "gekozen fenomeen" filter, exports and
delete with confirmation. The route list comes from the URL conf, so a new page without an
entry here fails."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from kompas.fenomenen import urls as fenomenen_urls
from kompas.fenomenen.models import Activity, PhenomenonChoice, WhiteSpot
from kompas.policy.models import Event

pytestmark = pytest.mark.django_db

WRITE_PAGES = {
    "keuze_create",
    "keuze_edit",
    "keuze_delete",
    "spot_create",
    "spot_edit",
    "spot_delete",
    "activity_create",
    "activity_edit",
    "activity_delete",
}


@pytest.fixture
def users(heerenveen, weststellingwerf, make_member):
    return {
        "adviseur": make_member(heerenveen, "adviseur"),
        "lezer": make_member(heerenveen, "lezer"),
        "partner": make_member(heerenveen, "partner", partner_code="politie"),
        "ander": make_member(weststellingwerf, "adviseur"),
    }


@pytest.fixture
def spot(heerenveen):
    from kompas.fenomenen.services import spot_save

    return spot_save(
        municipality=heerenveen,
        spot=WhiteSpot(),
        by=None,
        fields={
            "kind": "gebied",
            "subject": "Havengebied",
            "plan": "Controle op een ondermijningsdag.",
            "review_date": date(2026, 2, 10),
        },
    )


def _routes(heerenveen, make_keuze, make_activity, spot):
    keuze = make_keuze(heerenveen)
    activity = make_activity(heerenveen)
    kwargs = {
        "keuze_list": {},
        "keuze_create": {},
        "keuze_detail": {"pk": keuze.pk},
        "keuze_edit": {"pk": keuze.pk},
        "keuze_delete": {"pk": keuze.pk},
        "spot_list": {},
        "spot_create": {},
        "spot_edit": {"pk": spot.pk},
        "spot_delete": {"pk": spot.pk},
        "activity_list": {},
        "activity_create": {},
        "activity_edit": {"pk": activity.pk},
        "activity_delete": {"pk": activity.pk},
    }
    assert {p.name for p in fenomenen_urls.urlpatterns} == set(kwargs), (
        "every fenomenen page needs an entry in this matrix"
    )
    return [
        (n, reverse(f"fenomenen:{n}", kwargs={"slug": "heerenveen", **kw}))
        for n, kw in kwargs.items()
    ]


def test_access_matrix(client, users, heerenveen, make_keuze, make_activity, spot):
    routes = _routes(heerenveen, make_keuze, make_activity, spot)
    for who in ("partner", "ander"):
        client.force_login(users[who])
        for name, url in routes:
            assert client.get(url).status_code == 404, (who, name)
            assert client.post(url).status_code == 404, (who, name)
    client.force_login(users["lezer"])
    for name, url in routes:
        if name in WRITE_PAGES:
            assert client.get(url).status_code == 403, name
            assert client.post(url).status_code == 403, name
        else:
            assert client.get(url).status_code == 200, name
    assert (PhenomenonChoice.objects.count(), Activity.objects.count()) == (1, 1)
    assert WhiteSpot.objects.count() == 1
    client.force_login(users["adviseur"])
    for name, url in routes:
        assert client.get(url).status_code == 200, name
    client.logout()
    assert client.get(routes[0][1]).status_code == 302


def test_adviseur_adopts_a_choice_with_the_form(client, users):
    client.force_login(users["adviseur"])
    url = reverse("fenomenen:keuze_create", args=["heerenveen"])
    page = client.get(url).content.decode()
    assert 'type="checkbox" name="phenomena" value="woonfraude"' in page
    data = {
        "year": "2025",
        "phenomena": ["drugs_teelt", "woonfraude"],
        "free_phenomena": "Havengebied",
        "status": "vastgesteld",
        "decided_by": "driehoek",
        "decision_date": "",
    }
    bad = client.post(url, data)
    assert bad.status_code == 200
    assert "Vul de datum van het besluit in." in bad.content.decode()
    assert not PhenomenonChoice.objects.exists()
    response = client.post(url, {**data, "decision_date": "2025-02-11"})
    keuze = PhenomenonChoice.objects.get()
    assert response.status_code == 302
    assert keuze.phenomena == ["drugs_teelt", "woonfraude"]
    assert keuze.free_list == ["Havengebied"]
    assert Event.objects.get(kind="fenomenenkeuze").source_id == str(keuze.pk)


def test_delete_asks_for_confirmation_first(client, users, heerenveen, make_keuze):
    keuze = make_keuze(heerenveen)
    client.force_login(users["adviseur"])
    url = reverse("fenomenen:keuze_delete", args=["heerenveen", keuze.pk])
    page = client.get(url).content.decode()
    assert "Fenomenenkeuze 2025 verwijderen?" in page and "Ja, verwijderen" in page
    assert PhenomenonChoice.objects.exists()
    assert client.post(url).status_code == 302
    assert not PhenomenonChoice.objects.exists()
    assert not Event.objects.filter(kind="fenomenenkeuze").exists()


def test_voorlichting_counts_per_topic_and_year_and_the_chosen_filter(
    client, users, heerenveen, make_keuze, make_activity
):
    make_keuze(heerenveen, phenomena=["woonfraude"])
    make_activity(heerenveen, topic="woonfraude", title="Woonfraude voor makelaars")
    make_activity(heerenveen, topic="woonfraude", people=10, organisations=3)
    make_activity(heerenveen, topic="digitale_veiligheid", title="Gastles digitaal")
    make_activity(heerenveen, topic="woonfraude", on=date(2024, 4, 1), title="Oud")
    client.force_login(users["lezer"])
    url = reverse("fenomenen:activity_list", args=["heerenveen"])
    response = client.get(url)
    counts = {c["year"]: c for c in response.context["counts"]}
    topics = {t["topic"]: t for t in counts[2025]["topics"]}
    assert (topics["woonfraude"]["n"], topics["woonfraude"]["people"]) == (2, 40)
    assert topics["woonfraude"]["chosen"] and not topics["digitale_veiligheid"]["chosen"]
    assert (counts[2025]["n"], counts[2025]["organisations"]) == (3, 27)
    assert counts[2024]["n"] == 1 and not counts[2024]["topics"][0]["chosen"]
    chosen = client.get(url, {"gekozen": "on", "jaar": "2025"})
    titles = {a.title for a in chosen.context["page"].object_list}
    assert titles == {"Woonfraude voor makelaars", "Voorlichting ondernemers"}
    assert "Alleen gekozen fenomenen (2025)" in chosen.content.decode()
    # Without a year filter the keuze of this year applies: none adopted, so nothing.
    this_year = client.get(url, {"gekozen": "on"})
    assert not this_year.context["page"].object_list
    assert f"Alleen gekozen fenomenen ({timezone.localdate().year})" in this_year.content.decode()


def test_voorlichting_chosen_filter_reads_only_the_own_gemeentes_keuze(
    client, users, heerenveen, weststellingwerf, make_keuze, make_activity
):
    make_keuze(weststellingwerf, phenomena=["witwassen"])
    make_keuze(heerenveen, phenomena=["woonfraude"])
    make_activity(heerenveen, topic="witwassen", title="Witwassen Heerenveen")
    make_activity(heerenveen, topic="woonfraude", title="Woonfraude Heerenveen")
    make_activity(weststellingwerf, topic="witwassen", title="Witwassen Weststellingwerf")
    client.force_login(users["lezer"])
    url = reverse("fenomenen:activity_list", args=["heerenveen"])
    page = client.get(url, {"gekozen": "on", "jaar": "2025", "q": "heerenveen"}).context["page"]
    assert [a.title for a in page.object_list] == ["Woonfraude Heerenveen"]


def test_voorlichting_in_the_future_is_refused(client, users):
    client.force_login(users["adviseur"])
    response = client.post(
        reverse("fenomenen:activity_create", args=["heerenveen"]),
        {
            "title": "Later",
            "date": "2099-01-01",
            "activity_type": "inwoners",
            "topic": "algemeen",
            "people": "3",
            "organisations": "0",
        },
    )
    assert response.status_code == 200
    assert "ligt in de toekomst" in response.content.decode()
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("keuze_list", "Gekozen fenomenen"),
        ("activity_list", "Doelgroep"),
        ("spot_list", "Gebied of sector"),
    ],
)
def test_each_list_downloads_as_csv(
    client, users, heerenveen, make_keuze, make_activity, spot, name, header
):
    make_keuze(heerenveen, free_phenomena="Havengebied")
    make_activity(heerenveen)
    client.force_login(users["lezer"])
    response = client.get(reverse(f"fenomenen:{name}", args=["heerenveen"]), {"formaat": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert header in rows[0] and len(rows) == 2


def test_adviseur_records_a_witte_vlek_and_a_past_review_is_marked(client, users, spot):
    client.force_login(users["adviseur"])
    url = reverse("fenomenen:spot_create", args=["heerenveen"])
    response = client.post(
        url,
        {
            "kind": "sector",
            "subject": "Vakantieparken",
            "plan": "Eigenaren bezoeken met politie en VTH.",
            "status": "open",
            "review_date": "2999-02-01",
        },
    )
    assert response.status_code == 302
    assert WhiteSpot.objects.filter(subject="Vakantieparken", municipality__slug="heerenveen")
    html = client.get(reverse("fenomenen:spot_list", args=["heerenveen"])).content.decode()
    # the Havengebied review (10-02-2026) is past; the new one is not
    assert html.count("herziening verlopen") == 1


def test_a_lezer_sees_no_write_links(client, users, heerenveen, make_keuze, make_activity, spot):
    keuze = make_keuze(heerenveen)
    make_activity(heerenveen)
    client.force_login(users["lezer"])
    for url in (
        reverse("fenomenen:keuze_list", args=["heerenveen"]),
        reverse("fenomenen:keuze_detail", args=["heerenveen", keuze.pk]),
        reverse("fenomenen:spot_list", args=["heerenveen"]),
        reverse("fenomenen:activity_list", args=["heerenveen"]),
    ):
        html = client.get(url).content.decode()
        assert "/nieuw/" not in html and "/bewerken/" not in html, url
        assert "/verwijderen/" not in html, url


def test_an_export_is_audited(client, users):
    from kompas.core.models import AuditEntry

    client.force_login(users["lezer"])
    client.get(reverse("fenomenen:activity_list", args=["heerenveen"]), {"formaat": "csv"})
    entry = AuditEntry.objects.filter(object_type="fenomenen.activity").get()
    assert entry.note == "csv"
