# SPDX-License-Identifier: EUPL-1.2
"""Openbare orde: the risk inventory's need-to-know, stale reviews and level history;
demonstrations' Dutch errors and organiser retention; jaarwisseling actions in the plan; the
access matrix over every page from the URL conf; the API."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kompas.openbareorde import services
from kompas.openbareorde import urls as oo_urls
from kompas.openbareorde.demo import load_demo
from kompas.openbareorde.models import Demonstration, RiskItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(heerenveen, weststellingwerf, make_member):
    return {
        "adviseur": make_member(heerenveen, "adviseur"),
        "lezer": make_member(heerenveen, "lezer"),
        "politie": make_member(heerenveen, "partner", partner_code="politie"),
        "vth": make_member(heerenveen, "partner", partner_code="vth"),
        "ander": make_member(weststellingwerf, "adviseur"),
    }


@pytest.fixture
def demo(users):
    from kompas.policy.demo import load_demo as policy_demo

    policy_demo()
    load_demo()


def _risk(municipality, **fields):
    base = {
        "kind": "locatie",
        "location_kind": "azc",
        "title": "Opvanglocatie",
        "theme": "polarisatie",
        "level": "midden",
        "reasons": "Signalen",
        "review_on": date(2030, 1, 1),
    }
    return services.risk_save(
        owner=municipality, obj=RiskItem(), by=None, fields={**base, **fields}
    )


def test_risk_inventory_is_need_to_know(client, heerenveen, users):
    from kompas.core.models import PartnerOrganisation

    named = _risk(heerenveen, title="Met politie")
    named.partners.add(PartnerOrganisation.objects.get(code="politie"))
    other = _risk(heerenveen, title="Alleen team")
    listing = reverse("openbareorde:risk_list", args=["heerenveen"])
    seen = {}
    for who in users:
        client.force_login(users[who])
        response = client.get(listing)
        seen[who] = (
            response.status_code,
            sorted(i.title for i, _s in response.context["items"])
            if response.status_code == 200
            else None,
        )
    assert seen == {
        "adviseur": (200, ["Alleen team", "Met politie"]),
        "lezer": (404, None),
        "politie": (200, ["Met politie"]),
        "vth": (200, []),
        "ander": (404, None),
    }
    client.force_login(users["politie"])
    assert (
        client.get(reverse("openbareorde:risk_detail", args=["heerenveen", named.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("openbareorde:risk_detail", args=["heerenveen", other.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("openbareorde:risk_edit", args=["heerenveen", named.pk])).status_code
        == 404
    )
    # every view of an item is audited
    from kompas.core.models import AuditEntry

    assert AuditEntry.objects.filter(
        action="view", object_type="openbareorde.riskitem", object_id=str(named.pk)
    ).exists()


def test_level_changes_keep_history_and_stale_items_are_flagged(client, heerenveen, users):
    item = _risk(heerenveen, review_on=timezone.localdate() - timedelta(days=1))
    services.risk_save(
        owner=heerenveen,
        obj=item,
        by=users["adviseur"],
        fields={"level": "hoog", "reasons": "Oproep online tot actie"},
    )
    services.risk_save(owner=heerenveen, obj=item, by=users["adviseur"], fields={"measures": "x"})
    assert [(h.level, h.reasons) for h in item.history.all()] == [
        ("hoog", "Oproep online tot actie"),
        ("midden", "Signalen"),
    ]
    client.force_login(users["adviseur"])
    home = client.get(reverse("core:municipality_home", args=["heerenveen"])).content.decode()
    assert "de herbeoordeling verlopen" in home and "Opvanglocatie" in home
    api = client.get("/api/v1/openbareorde/GM0074/risicos/").json()
    assert [(r["title"], r["stale"], r["level"]) for r in api["results"]] == [
        ("Opvanglocatie", True, "hoog")
    ]
    services.risk_save(
        owner=heerenveen,
        obj=item,
        by=None,
        fields={"review_on": timezone.localdate() + timedelta(days=30)},
    )
    api = client.get("/api/v1/openbareorde/heerenveen/risicos/").json()
    assert api["results"][0]["stale"] is False


def test_risk_item_cannot_cite_a_signal_of_another_gemeente(heerenveen, weststellingwerf):
    from kompas.signals.services import signal_create

    foreign = signal_create(
        municipality=weststellingwerf, description="Iets in Wolvega", phenomenon="drugs_handel"
    ).signal
    with pytest.raises(ValidationError):
        services.risk_save(
            owner=heerenveen,
            obj=RiskItem(),
            by=None,
            fields={
                "kind": "groep",
                "title": "X",
                "theme": "online",
                "level": "laag",
                "reasons": "r",
                "review_on": date(2030, 1, 1),
            },
            m2m={"signals": [foreign]},
        )
    assert not RiskItem.objects.exists()


def _demonstration(municipality, **fields):
    today = timezone.localdate()
    base = {
        "title": "Protest",
        "date": today + timedelta(days=10),
        "place": "Plein",
        "notified_on": today,
    }
    return services.demonstration_save(
        owner=municipality, obj=Demonstration(), by=None, fields={**base, **fields}
    )


def test_demonstration_errors_are_dutch_and_nothing_is_stored(heerenveen):
    today = timezone.localdate()
    cases = [
        ({"date": today - timedelta(days=1)}, "date", "al voorbij"),
        ({"notified_on": today + timedelta(days=11)}, "notified_on", "na de demonstratie"),
        ({"legal_ground": "wom-5-1"}, "conditions", "Beschrijf de voorschriften"),
    ]
    for fields, field, text in cases:
        with pytest.raises(ValidationError) as exc:
            _demonstration(heerenveen, **fields)
        assert text in " ".join(exc.value.message_dict[field])
    assert not Demonstration.objects.exists()


def test_organiser_data_is_erased_after_its_term(heerenveen, settings):
    settings.DEMONSTRATION_RETENTION_DAYS = 90
    d = _demonstration(heerenveen, organiser_name="Jan Organisator", organiser_contact="06-1")
    later = d.date + timedelta(days=91)
    assert services.demonstration_retention_run(dry_run=True, on=later) == [d]
    assert services.demonstration_retention_run(dry_run=False, on=d.date + timedelta(days=89)) == []
    services.demonstration_retention_run(on=later)
    d.refresh_from_db()
    assert (d.organiser_name, d.organiser_contact, d.organiser_erased_on) == ("", "", later)
    assert d.title == "Protest"  # the demonstration itself stays for the evaluation and figures


def test_retention_command_dry_run_lists_without_erasing(heerenveen, capsys):
    d = _demonstration(heerenveen, organiser_name="Jan")
    Demonstration.objects.filter(pk=d.pk).update(date=timezone.localdate() - timedelta(days=200))
    call_command("openbareorde", "retentie", "--dry-run")
    assert "zou wissen: 1" in capsys.readouterr().out
    d.refresh_from_db()
    assert d.organiser_name == "Jan"


def test_newyear_actions_are_plan_actions(client, demo, users):
    from kompas.policy.models import Action

    client.force_login(users["adviseur"])
    year = timezone.localdate().year
    url = reverse("openbareorde:newyear", args=["heerenveen", year])
    page = client.get(url)
    priority = page.context["action_form"].fields["priority"].queryset.first()
    response = client.post(
        url,
        {
            "formulier": "actie",
            "actie-title": "x",
            "title": "Vuurwerkverbod handhaven",
            "due": f"{year}-12-20",
            "priority": priority.pk,
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(title="Vuurwerkverbod handhaven")
    assert action.plan.municipality.slug == "heerenveen"
    page = client.get(url).content.decode()
    assert "Vuurwerkverbod handhaven" in page
    client.post(
        url,
        {
            "formulier": "evaluatie",
            "evaluation": "Rustig verlopen",
            "evaluated_on": f"{year + 1}-01-10",
        },
    )
    assert "Rustig verlopen" in client.get(url).content.decode()


WRITE_PAGES = {"risk_create", "risk_edit", "register_create", "advice_add"}


def test_access_matrix_over_every_page(client, demo, users, heerenveen):
    item = RiskItem.objects.filter(
        municipality=heerenveen, partners__code="politie", kind="locatie"
    ).first()
    person_item = RiskItem.objects.get(municipality=heerenveen, kind="persoon")
    demonstration = Demonstration.objects.filter(municipality=heerenveen).first()
    args = {
        "overview": [],
        "risk_list": [],
        "risk_create": [],
        "risk_detail": [item.pk],
        "risk_edit": [item.pk],
        "risk_reveal": [person_item.pk],
        "newyear": [2026],
        "advice_add": [demonstration.pk],
        "register_list": ["wedstrijden"],
        "register_create": ["demonstraties"],
        "register_edit": ["demonstraties", demonstration.pk],
    }
    assert {p.name for p in oo_urls.urlpatterns} == set(args), "add new pages to this matrix"
    inventory = {"risk_list", "risk_detail", "risk_create", "risk_edit", "risk_reveal"}

    def expected(who, name):
        if who == "ander":
            return 404
        if name == "risk_reveal":  # a person: the casework's roles and the named partner
            return 200 if who == "politie" else 404
        if name in inventory:
            if who == "lezer":
                return 404
            if who == "politie":
                return {"risk_create": 403, "risk_edit": 404}.get(name, 200)
            return 200
        if who == "politie":
            return 404
        if who == "lezer" and name in WRITE_PAGES:
            return 403
        return 200

    for who in ("adviseur", "lezer", "politie", "ander"):
        client.force_login(users[who])
        for name, a in args.items():
            url = reverse(f"openbareorde:{name}", args=["heerenveen", *a])
            assert client.get(url).status_code == expected(who, name), (who, url)
    client.logout()
    url = reverse("openbareorde:overview", args=["heerenveen"])
    assert "/inloggen/" in client.get(url)["Location"]
    assert client.get("/api/v1/openbareorde/GM0074/risicos/").status_code in (401, 403)


def test_demo_has_overdue_item_three_demonstrations_and_a_season(demo, heerenveen):
    from kompas.openbareorde import selectors

    assert selectors.risk_stale(municipality=heerenveen).count() == 1
    assert Demonstration.objects.filter(municipality=heerenveen).count() == 3
    matches = selectors.match_list(municipality=heerenveen)
    assert matches.count() == 10
    assert matches.filter(risk_class="C").count() == 2


def test_api_lists_matches_and_demonstrations_without_organiser(client, demo, users):
    client.force_login(users["lezer"])
    demos = client.get("/api/v1/openbareorde/GM0074/demonstraties/").json()["results"]
    assert len(demos) == 3 and "organiser_name" not in demos[0]
    assert client.get("/api/v1/openbareorde/heerenveen/wedstrijden/").json()["count"] == 10
    client.force_login(users["politie"])
    assert client.get("/api/v1/openbareorde/GM0074/wedstrijden/").status_code == 404
