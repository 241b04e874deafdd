# SPDX-License-Identifier: EUPL-1.2
from datetime import date

import pytest

from kompas.ondermijning import services
from kompas.ondermijning.models import Branche, Controle, UnderminingDay


@pytest.fixture
def horeca(db):
    services.branches_ensure()
    return Branche.objects.get(code="horeca")


@pytest.fixture
def make_controle(horeca):
    """make_controle(municipality, status='uitgevoerd', on=date(2025, 3, 12), **fields)."""

    def make(municipality, status="uitgevoerd", on=date(2025, 3, 12), locations=(), **fields):
        fields = {
            "title": "Horeca centrum",
            "date": on,
            "branche": horeca,
            "reason": "signalen",
            "status": status,
            **fields,
        }
        return services.controle_save(
            municipality=municipality,
            controle=Controle(),
            by=None,
            fields=fields,
            locations=[{"address": a} for a in locations],
        )

    return make


@pytest.fixture
def zofr(reference_data):
    from kompas.core.models import Partnership

    return Partnership.objects.get(code="zuidoost-friesland")


@pytest.fixture
def make_day(zofr):
    """make_day(host, status='gehouden', on=date(2025, 4, 9), theme=...)."""

    def make(host, status="gehouden", on=date(2025, 4, 9), theme="Bedrijventerrein", **fields):
        return services.day_save(
            municipality=host,
            day=UnderminingDay(),
            by=None,
            fields={"partnership": zofr, "date": on, "theme": theme, "status": status, **fields},
        )

    return make
