# SPDX-License-Identifier: EUPL-1.2
"""The public dashboard explains itself (issue 17, item 12), walked as the council member and
the resident would, without logging in: why each priority has its status, rates that keep
rare offences apart, source and import date per figure, the newest year first, the landing
page with every gemeente's dashboard and meldpunt, and the two partnerships explained."""

import re

import pytest

from kompas.reporting import dashboard, services
from kompas.reporting.constants import PublicElement


def _publish_all(municipality):
    for element in PublicElement.values:
        services.publication_set(municipality=municipality, element=element, published=True)


@pytest.fixture
def html(client, demo_heerenveen):
    _publish_all(demo_heerenveen)
    response = client.get("/heerenveen/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def _section(html: str, anchor: str) -> str:
    """The markup of the element with this id up to its closing figure/li."""
    start = html.index(f'id="{anchor}"')
    end = min(i for i in (html.find("</figure>", start), html.find("</li>\n  \n", start)) if i > 0)
    return html[start:end]


def test_each_priority_says_why_it_has_its_status_and_lists_its_indicators(html):
    priority2 = _section(html, "prioriteit-2")
    assert "Vraagt aandacht" in priority2
    assert "Waarom deze status?" in priority2
    # The goal sentence from the plan and the figure behind the status.
    assert "De overlastmeldingen jeugd willen we verder terugbrengen" in priority2
    assert "Melding overlast jeugd 2025: 242 meldingen" in priority2
    assert "238" in priority2
    # Its indicators, linked to their figures further down.
    assert '<a href="#cijfer-politie-overlast-e35">Melding overlast jeugd</a>' in priority2
    assert 'id="cijfer-politie-overlast-e35"' in html
    # A priority without a measurable target says so and still lists what is followed.
    priority1 = _section(html, "prioriteit-1")
    assert "geen doel met een streefwaarde" in priority1
    for name in ("Drugshandel", "Mensenhandel"):
        assert name in priority1


def test_rates_per_10000_where_per_1000_rounds_to_equal_values(html):
    drugs = _section(html, "cijfer-politie-misdrijven-3-1-1")
    # 14-17 per ~51,000 inhabitants: per 1,000 every year reads 0,3.
    assert "Per 10.000 inwoners" in drugs
    assert "(per 10.000 inwoners)</caption>" in drugs  # the comparison's table
    assert "per 10.000 inwoners</text>" in drugs  # and its chart, redrawn in the same rate
    assert "Per 1.000 inwoners" not in drugs
    rates = re.findall(r'<td class="num">(\d+,\d)</td></tr>', drugs)
    assert len(set(rates)) > 1, rates  # the years now differ
    human_trafficking = _section(html, "cijfer-politie-misdrijven-1-6-3")
    assert "Per 10.000 inwoners" in human_trafficking
    assert '<td class="num">0,0</td>' not in human_trafficking
    # Where per 1,000 already tells the years apart it stays per 1,000.
    youth = _section(html, "cijfer-politie-overlast-e35")
    assert "Per 1.000 inwoners" in youth
    assert "Per 10.000" not in youth


def test_rate_scale_rule():
    assert dashboard.rate_scale([0.27, 0.31, 0.33, 0.29]) == 10000  # all read 0,3
    assert dashboard.rate_scale([4.5, 4.8, 6.8, 6.3]) == 1000
    assert dashboard.rate_scale([0.04, 0.06]) == 10000  # a rare offence reads 0,0
    assert dashboard.rate_scale([0.0, 0.0]) == 1000  # nothing to tell apart
    assert dashboard.rate_scale([4.5, 4.8], [0.71, 0.74, 0.69, 0.72]) == 10000


def test_each_figure_names_its_source_and_import_date(html):
    youth = _section(html, "cijfer-politie-overlast-e35")
    assert re.search(r"Bron: Demodata monitoring .*, bijgewerkt op \d{1,2} \w+ 20\d\d\.", youth)
    survey = _section(html, "cijfer-veiligheidsmonitor-rapportcijfer-leefbaarheid-veiligheid")
    assert "Bron: Veiligheidsmonitor 2021" in survey
    assert "bijgewerkt op" in survey


def test_year_tables_show_the_newest_year_first(html):
    youth = _section(html, "cijfer-politie-overlast-e35")
    years = re.findall(r'<th scope="row">(\d{4})</th>', youth)
    assert years[:2] == ["2025", "2024"]
    assert years == sorted(years, reverse=True)


def test_the_dashboard_links_to_the_meldpunt_and_the_landing_page(html, client):
    assert 'href="/heerenveen/meldpunt/"' in html
    assert 'href="/openbaar/"' in html
    assert client.get("/heerenveen/meldpunt/").status_code == 200


def test_the_partnerships_are_explained_where_they_appear(html):
    assert "Samenwerkingsverbanden" in html
    assert 'id="samenwerking-howo"' in html
    assert "onder meer voor de crisisorganisatie" in html
    assert 'id="samenwerking-zuidoost-friesland"' in html
    assert "gezamenlijke ondermijningsdagen" in html
    # The comparison rows that name them link to the explanation.
    youth = _section(html, "cijfer-politie-overlast-e35")
    assert '<a href="#samenwerking-howo">HOWO-samenwerking district Zuidoost Fryslân</a>' in youth
    assert '<a href="#samenwerking-zuidoost-friesland">Zuidoost Friesland</a>' in youth


def test_a_priority_naming_the_howo_district_links_its_explanation(client, demo):
    weststellingwerf = demo["GM0098"]
    _publish_all(weststellingwerf)
    html = client.get("/weststellingwerf/dashboard/").content.decode()
    assert "HOWO-samenwerking" in html
    assert re.search(r'Dit doen we samen met: .*<a href="#samenwerking-howo">', html)


def test_landing_page_lists_every_gemeente_with_dashboard_and_meldpunt(client, demo):
    response = client.get("/openbaar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl"' in html
    for slug, name in (("heerenveen", "Heerenveen"), ("weststellingwerf", "Weststellingwerf")):
        assert f'href="/{slug}/dashboard/">Dashboard veiligheid {name}</a>' in html
        assert f'href="/{slug}/meldpunt/">Meldpunt {name}</a>' in html
    assert "<script" not in html


def test_login_page_links_to_the_landing_page(client, db):
    html = client.get("/inloggen/").content.decode()
    assert '<a href="/openbaar/">Veiligheid in uw gemeente</a>' in html
