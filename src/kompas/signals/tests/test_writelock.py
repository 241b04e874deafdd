# SPDX-License-Identifier: EUPL-1.2
"""Queued writes of new reports (kompas.signals.writelock): each report is all-or-nothing, and
concurrent reports are each stored once with their history and audit entry."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from kompas.core.models import AuditEntry
from kompas.signals import writelock
from kompas.signals.models import Dossier, Signal, SignalHistory


def _dossier(municipality, title):
    def fn():
        return Dossier.objects.create(municipality=municipality, title=title).pk

    return fn


@pytest.mark.django_db
def test_write_raises_and_stores_nothing(heerenveen):
    def failing():
        Dossier.objects.create(municipality=heerenveen, title="half")
        raise ValidationError("kapot")

    with pytest.raises(ValidationError):
        writelock.write(failing)
    assert not Dossier.objects.exists()
    assert writelock.write(_dossier(heerenveen, "heel")) == Dossier.objects.get().pk


@pytest.mark.django_db(transaction=True)
def test_concurrent_reports_each_stored_once_with_history_and_audit(heerenveen):
    """Threads of one worker queue on the lock (SQLite) or write side by side (PostgreSQL)."""
    from kompas.signals.services import Location, signal_create

    n_threads, per_thread = 6, 5
    codes, errors = [], []

    def reporter(t):
        try:
            for i in range(per_thread):
                new = signal_create(
                    municipality=heerenveen,
                    phenomenon="drugs_teelt",
                    description=f"Melding {t}-{i} over de schuur",
                    location=Location(postcode="8441AB", number=str(i + 1)),
                )
                codes.append(new.receipt_code)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=reporter, args=(t,)) for t in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    n = n_threads * per_thread
    assert len(codes) == len(set(codes)) == n
    assert Signal.objects.count() == n
    assert SignalHistory.objects.filter(kind="created").count() == n
    assert AuditEntry.objects.filter(object_type="signals.signal", action="create").count() == n
    # five addresses, six signals each: one dossier per address, every signal in it
    assert Dossier.objects.count() == per_thread
    assert not Signal.objects.filter(dossier=None).exists()


@pytest.mark.django_db
def test_write_inside_a_transaction_joins_it(heerenveen):
    """A caller's own transaction (tests run in one) keeps the write: it rolls back with it."""
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        writelock.write(_dossier(heerenveen, "binnen"))
        assert Dossier.objects.filter(title="binnen").exists()
        raise RuntimeError("terugdraaien")
    assert not Dossier.objects.filter(title="binnen").exists()
