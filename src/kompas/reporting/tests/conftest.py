# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the reporting tests.

`demo` loads the demo data of every installed app (kompas.core.demo.load_all) once per test
module inside a transaction that is rolled back afterwards; each test then runs in a savepoint
of it. Loading takes seconds, so only the modules that need real demo data use it."""

import pytest
from django.db import transaction

from kompas.reporting.tests import pdftext


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from kompas.core.demo import load_all
    from kompas.core.models import Municipality

    with django_db_blocker.unblock():
        with transaction.atomic():
            load_all()
            yield {m.code: m for m in Municipality.objects.all()}
            transaction.set_rollback(True)


@pytest.fixture
def demo_heerenveen(demo, db):
    return demo["GM0074"]


@pytest.fixture
def pdf_text():
    """pdf_text(bytes) -> the text of the PDF, laid out as on the page (see tests/pdftext.py)."""
    return pdftext.pdf_text


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The public dashboard's body is cached; no test sees another test's entries."""
    from django.core.cache import cache

    cache.clear()
