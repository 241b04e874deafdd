# SPDX-License-Identifier: EUPL-1.2
"""A NUL character in a request's parameters is a bad request, not a server error: PostgreSQL
refuses NUL in text, so any lookup or INSERT with it answered 500 there (found by the API
fuzzing on PostgreSQL: a branche code with %00 in POST .../controles/)."""

import json

import pytest


@pytest.fixture
def hv(client, adviseur_heerenveen):
    client.force_login(adviseur_heerenveen)
    return client


def _controle(**extra):
    return {"date": "2025-03-01", "title": "Controle", "reason": "fenomenenkeuze", **extra}


@pytest.mark.django_db
def test_nul_in_a_form_body_under_api_is_a_dutch_problem_400_and_nothing_is_stored(hv):
    from kompas.ondermijning.models import Controle

    response = hv.post(
        "/api/v1/ondermijning/heerenveen/controles/",
        "date=2025-03-01&title=x&reason=fenomenenkeuze&branche=hor%00eca",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["status"] == 400
    assert not Controle.objects.exists()


@pytest.mark.django_db
def test_nul_escaped_in_json_is_refused_but_an_escaped_backslash_is_text(hv):
    url = "/api/v1/ondermijning/heerenveen/controles/"
    body = json.dumps(_controle(branche="hor\x00eca"))
    assert "\\u0000" in body
    assert hv.post(url, body, content_type="application/json").status_code == 400
    # `\\u0000` is a backslash followed by "u0000": text, so the view answers (unknown branche)
    text = json.dumps(_controle(branche="hor\\u0000eca"))
    response = hv.post(url, text, content_type="application/json")
    assert response.status_code == 400 and "branche" in response.json()["errors"]


@pytest.mark.django_db
def test_nul_in_a_page_query_is_the_dutch_400_page(hv):
    response = hv.get("/heerenveen/meldingen/?q=a%00b")
    assert response.status_code == 400
    assert "text/html" in response["Content-Type"]
    assert hv.get("/heerenveen/meldingen/?q=ab").status_code == 200
