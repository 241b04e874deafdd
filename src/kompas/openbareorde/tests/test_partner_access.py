# SPDX-License-Identifier: EUPL-1.2
"""One rule for partners on the risk inventory, pages and API alike (issue 14: need-to-know
like cases, "staff with the role for it and named partners only"). A partner is named on an
item through its organisation, not through a table: a member of the OM who sits on no table
reads the items that name the OM, on the web and in the API, read-only and audited on both;
every other item is 404 on the page and absent from the API; the gemeente's registers
(the openbare-orde overview) stay internal."""

import pytest

from kompas.core.models import AuditEntry, PartnerOrganisation
from kompas.openbareorde.tests.test_openbareorde import _risk

pytestmark = pytest.mark.django_db


def test_named_partner_without_a_table_sees_the_same_on_web_and_api(
    client, heerenveen, make_member
):
    named = _risk(heerenveen, title="Met het OM")
    named.partners.add(PartnerOrganisation.objects.get(code="om"))
    other = _risk(heerenveen, title="Alleen het team")
    om = make_member(heerenveen, "partner", partner_code="om")
    client.force_login(om)
    base = "/heerenveen/openbare-orde/"

    page = client.get(f"{base}risicos/")
    assert page.status_code == 200
    assert [i.title for i, _s in page.context["items"]] == ["Met het OM"]
    assert client.get(f"{base}risicos/{named.pk}/").status_code == 200
    assert client.get(f"{base}risicos/{other.pk}/").status_code == 404
    assert client.get(f"{base}risicos/{named.pk}/bewerken/").status_code == 404
    assert client.get(base).status_code == 404  # the registers are the team's

    before = AuditEntry.objects.filter(user=om, action="view").count()
    api = client.get("/api/v1/openbareorde/heerenveen/risicos/")
    assert api.status_code == 200
    assert [r["title"] for r in api.json()["results"]] == ["Met het OM"]
    # Read through the API is audited as on the page.
    assert AuditEntry.objects.filter(user=om, action="view").count() == before + 1

    # A partner whose organisation no item names: an empty list on both, no item.
    client.force_login(make_member(heerenveen, "partner", partner_code="vth"))
    assert list(client.get(f"{base}risicos/").context["items"]) == []
    assert client.get("/api/v1/openbareorde/heerenveen/risicos/").json()["results"] == []
    assert client.get(f"{base}risicos/{named.pk}/").status_code == 404
