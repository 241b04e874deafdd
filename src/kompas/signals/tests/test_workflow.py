# SPDX-License-Identifier: EUPL-1.2
"""One transition service enforces the workflow table and appends immutable history."""

import pytest
from django.db import DatabaseError, IntegrityError, transaction

from kompas.signals.constants import ALLOWED_TRANSITIONS, SignalStatus
from kompas.signals.models import SignalHistory
from kompas.signals.services import TransitionError, signal_transition

pytestmark = pytest.mark.django_db


def test_allowed_path_to_closed_records_history(make_signal, adviseur_heerenveen):
    signal, _code = make_signal()
    for to in ("in_behandeling", "geagendeerd", "doorgezet"):
        signal = signal_transition(signal=signal, to=to, by=adviseur_heerenveen, note=f"naar {to}")
    signal = signal_transition(
        signal=signal, to="afgesloten", by=adviseur_heerenveen, outcome="doorgezet"
    )
    assert signal.status == "afgesloten" and signal.closed_at is not None
    rows = list(signal.history.filter(kind="status").values_list("from_status", "to_status"))
    assert rows == [
        ("nieuw", "in_behandeling"),
        ("in_behandeling", "geagendeerd"),
        ("geagendeerd", "doorgezet"),
        ("doorgezet", "afgesloten"),
    ]
    assert signal.history.filter(kind="status").first().by == adviseur_heerenveen


@pytest.mark.parametrize(
    ("start_path", "to"),
    [([], "geagendeerd"), ([], "doorgezet"), (["in_behandeling"], "nieuw")],
)
def test_forbidden_transitions_are_refused_and_nothing_stored(
    make_signal, adviseur_heerenveen, start_path, to
):
    signal, _code = make_signal()
    for step in start_path:
        signal = signal_transition(signal=signal, to=step, by=adviseur_heerenveen)
    before = SignalHistory.objects.count()
    status = signal.status
    with pytest.raises(TransitionError, match="kan niet naar"):
        signal_transition(signal=signal, to=to, by=adviseur_heerenveen)
    signal.refresh_from_db()
    assert signal.status == status
    assert SignalHistory.objects.count() == before


def test_closing_needs_an_outcome(make_signal, adviseur_heerenveen):
    signal, _code = make_signal()
    with pytest.raises(TransitionError, match="uitkomst"):
        signal_transition(signal=signal, to="afgesloten", by=adviseur_heerenveen)
    signal.refresh_from_db()
    assert signal.status == "nieuw"


def test_table_covers_every_state():
    assert set(ALLOWED_TRANSITIONS) == set(SignalStatus.values)
    assert SignalStatus.NEW not in set().union(*ALLOWED_TRANSITIONS.values())


def test_history_rows_cannot_be_changed(make_signal):
    signal, _code = make_signal()
    row = signal.history.first()
    with pytest.raises(ValueError):
        row.save()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        SignalHistory.objects.filter(pk=row.pk).update(kind="status", by_label="vervalst")


def test_forbidden_transition_in_the_page_shows_clear_error(staff_client, make_signal):
    signal, _code = make_signal()
    response = staff_client.post(
        f"/heerenveen/meldingen/{signal.pk}/status/", {"to": "doorgezet", "note": ""}
    )
    assert response.status_code == 400
    assert "kan niet naar" in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == "nieuw"
    response = staff_client.post(
        f"/heerenveen/meldingen/{signal.pk}/status/", {"to": "in_behandeling"}
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == "in_behandeling"
