# SPDX-License-Identifier: EUPL-1.2
"""Pages and API of the crisis organisation: who sees what (404 for partners and other
gemeenten), writes for staff only, exports, the district pages and the start-page panel.
The route list comes from the URL conf, so a new page without an entry here fails."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone

from kompas.crisis import urls as crisis_urls
from kompas.crisis.demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(reference_data):
    from django.contrib.auth import get_user_model

    load_demo()
    return get_user_model()


@pytest.fixture
def users(heerenveen, weststellingwerf, make_member):
    return {
        "adviseur": make_member(heerenveen, "adviseur"),
        "lezer": make_member(heerenveen, "lezer"),
        "partner": make_member(heerenveen, "partner", partner_code="politie"),
        "ander": make_member(weststellingwerf, "adviseur"),
    }


WRITE_PAGES = ("member_create", "member_edit", "assignment_remove", "register_create")


def _routes(demo_objects):
    """Every crisis page for Heerenveen and its district, with real object ids."""
    from kompas.crisis.models import Assignment, CrisisMember, Facility

    member = CrisisMember.objects.filter(municipality__code="GM0074").first()
    assignment = Assignment.objects.filter(member=member).first()
    facility = Facility.objects.filter(municipality__code="GM0074").first()
    district_member = CrisisMember.objects.filter(partnership__code="howo").first()
    kwargs = {
        "readiness": {},
        "member_list": {},
        "member_create": {},
        "member_detail": {"pk": member.pk},
        "member_edit": {"pk": member.pk},
        "assignment_remove": {"pk": member.pk, "assignment": assignment.pk},
        "register_list": {"register": "voorzieningen"},
        "register_create": {"register": "oto"},
        "register_edit": {"register": "voorzieningen", "pk": facility.pk},
    }
    names = {p.name for p in crisis_urls._patterns("")}
    assert names == set(kwargs), "every crisis page needs an entry in this matrix"
    urls = [
        (n, reverse(f"crisis:{n}", kwargs={"slug": "heerenveen", **kw})) for n, kw in kwargs.items()
    ]
    for n, kw in kwargs.items():
        kw = dict(kw)
        if "pk" in kw and n.startswith(("member", "assignment")):
            kw["pk"] = district_member.pk
            if "assignment" in kw:
                kw["assignment"] = Assignment.objects.filter(member=district_member).first().pk
        if n == "register_edit":
            continue
        urls.append(
            (
                n,
                reverse(
                    f"crisis:district_{n}", kwargs={"slug": "heerenveen", "district": "howo", **kw}
                ),
            )
        )
    return urls


def test_access_matrix_over_every_crisis_page(client, demo, users):
    urls = _routes(demo)
    expected = {"adviseur": 200, "lezer": 200, "partner": 404, "ander": 404}
    for who, status in expected.items():
        client.force_login(users[who])
        for name, url in urls:
            if who == "lezer" and name in WRITE_PAGES:
                status = 403
            else:
                status = expected[who]
            assert client.get(url).status_code == status, (who, url)
    client.logout()
    for _name, url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"], url


def test_lezer_cannot_write(client, demo, users):
    client.force_login(users["lezer"])
    url = reverse(
        "crisis:register_create", kwargs={"slug": "heerenveen", "register": "voorzieningen"}
    )
    assert client.post(url, {"name": "X", "kind": "overig"}).status_code == 403


def test_other_gemeente_cannot_open_a_record_by_id(client, demo, users):
    from kompas.crisis.models import CrisisMember

    member = CrisisMember.objects.filter(municipality__code="GM0074").first()
    client.force_login(users["ander"])
    url = reverse("crisis:member_detail", kwargs={"slug": "weststellingwerf", "pk": member.pk})
    assert client.get(url).status_code == 404


def test_demo_readiness_has_red_and_green_functions(client, demo, users):
    client.force_login(users["adviseur"])
    page = client.get(reverse("crisis:readiness", kwargs={"slug": "heerenveen"})).content.decode()
    assert "groen: op sterkte" in page and "rood: niet gevuld" in page
    assert "Gemeentesecretaris in crisis" in page
    assert "geen geldige kwalificatie" in page  # the expired one says why it does not count
    assert "Kwalificaties die binnen 60 dagen verlopen" in page


def test_adviseur_adds_a_qualification_and_readiness_changes(client, heerenveen, users):
    from kompas.crisis import services
    from kompas.crisis.selectors import Owner

    owner = Owner(municipality=heerenveen, can_write=True, context_municipality=heerenveen)
    services.function_defaults_ensure(owner=owner)
    client.force_login(users["adviseur"])
    base = {"slug": "heerenveen"}
    response = client.post(
        reverse("crisis:member_create", kwargs=base), {"name": "Geert (test)", "active": "on"}
    )
    member_url = response["Location"]
    from kompas.crisis.models import KeyFunction

    function = str(KeyFunction.objects.get(municipality=heerenveen, code="gemsec").pk)
    client.post(member_url, {"formulier": "toewijzing", "toewijzing-function": function})
    bad = client.post(
        member_url,
        {
            "formulier": "kwalificatie",
            "kwalificatie-function": function,
            "kwalificatie-name": "Basis",
            "kwalificatie-obtained_on": "2026-01-01",
            "kwalificatie-expires_on": "2025-01-01",
        },
    )
    assert bad.status_code == 200
    assert "Een kwalificatie kan niet verlopen" in bad.content.decode()
    client.post(
        member_url,
        {
            "formulier": "kwalificatie",
            "kwalificatie-function": function,
            "kwalificatie-name": "Basis",
            "kwalificatie-obtained_on": "2025-01-01",
        },
    )
    page = client.get(reverse("crisis:readiness", kwargs=base) + "?peildatum=2026-06-01")
    row = [r for r in page.context["summary"]["rows"] if r.function.code == "gemsec"][0]
    assert (row.qualified_available, row.status) == (1, "oranje")


def test_exports_csv_and_excel(client, demo, users):
    from openpyxl import load_workbook

    client.force_login(users["adviseur"])
    url = reverse(
        "crisis:register_list", kwargs={"slug": "heerenveen", "register": "voorzieningen"}
    )
    csv = client.get(url + "?formaat=csv")
    text = csv.content.decode("utf-8")
    assert text.startswith("\ufeffVoorziening;Soort;Capaciteit")
    assert "Sporthal Heerenveen (opvang) (demo)" in text
    xlsx = client.get(url + "?formaat=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in next(sheet.iter_rows())][:2] == ["Voorziening", "Soort"]
    assert sheet.max_row == 4


def test_export_neutralises_formula_cells():
    from kompas.core.exports import safe_cell

    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe_cell("-1+1") == "'-1+1"
    assert safe_cell(12) == 12
    assert safe_cell("Sporthal") == "Sporthal"


def test_start_page_panel(client, demo, users):
    client.force_login(users["adviseur"])
    page = client.get(reverse("core:municipality_home", kwargs={"slug": "heerenveen"}))
    assert "Crisisorganisatie" in page.content.decode()
    assert "niet gevuld" in page.content.decode()


def test_api_functions_answer_readiness_by_code_or_slug(client, demo, users):
    client.force_login(users["lezer"])
    for gemeente in ("GM0074", "heerenveen"):
        response = client.get(
            f"/api/v1/crisis/{gemeente}/functies/?peildatum={timezone.localdate()}"
        )
        assert response.status_code == 200
        rows = {r["code"]: r for r in response.json()}
        assert rows["gemsec"]["status"] == "rood"
        assert rows["ovd-bz"] == {
            "code": "ovd-bz",
            "name": "Officier van Dienst Bevolkingszorg",
            "required": 2,
            "qualified_available": 2,
            "status": "groen",
        }
    assert client.get("/api/v1/crisis/GM0074/functies/?peildatum=1-1-2026").status_code == 400
    assert client.get("/api/v1/crisis/GM0074/oto/").json()["count"] == 3
    client.force_login(users["partner"])
    assert client.get("/api/v1/crisis/GM0074/functies/").status_code == 404
    client.force_login(users["ander"])
    assert client.get("/api/v1/crisis/GM0074/oto/").status_code == 404


def test_api_routes_are_in_the_schema(client, users):
    client.force_login(users["lezer"])
    schema = client.get("/api/v1/schema/?format=json").json()
    assert {"/api/v1/crisis/{gemeente}/functies/", "/api/v1/crisis/{gemeente}/oto/"} <= set(
        schema["paths"]
    )


def test_unknown_district_is_404(client, demo, users):
    client.force_login(users["adviseur"])
    url = reverse(
        "crisis:district_readiness", kwargs={"slug": "heerenveen", "district": "onbekend"}
    )
    assert client.get(url).status_code == 404
