# SPDX-License-Identifier: EUPL-1.2
"""Partners on the LIO see the photos of a signal on the agenda, on the item page, while they
may read the signal; every view of a photo is audited; others get a 404."""

import io

import pytest
from PIL import Image

from kompas.core.models import AuditEntry
from kompas.meetings import services
from kompas.meetings.constants import MeetingStatus
from kompas.signals import services as signal_services
from kompas.signals.constants import Phenomenon, SignalStatus

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 0, 0)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def photo_item(heerenveen, advisor, lio_meeting):
    photo = _png()
    signal = signal_services.signal_create(
        municipality=heerenveen,
        phenomenon=Phenomenon.DRUGS_CULTIVATION,
        description="Afgeplakte ramen, zie foto.",
        attachments=[("image/png", photo)],
    ).signal
    for to in (SignalStatus.IN_PROGRESS, SignalStatus.SCHEDULED):
        signal = signal_services.signal_transition(signal=signal, to=to, by=advisor)
    [item] = services.agenda_propose(meeting=lio_meeting, by=advisor)
    return item, signal.attachments.get(), photo


def test_partner_on_the_lio_opens_the_photo_and_each_view_is_audited(
    login, police_user, photo_item
):
    item, attachment, photo = photo_item
    client = login(police_user)
    url = f"/heerenveen/overleggen/punten/{item.pk}/bijlagen/{attachment.pk}/"
    page = client.get(f"/heerenveen/overleggen/punten/{item.pk}/").content.decode()
    assert f'href="{url}">Foto 1</a>' in page

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content == photo
    assert "no-cache" in response["Cache-Control"]
    client.get(url)
    views = AuditEntry.objects.filter(
        username="politie-hv", note=f"bijlage {attachment.pk} ingezien door partner"
    )
    assert views.count() == 2
    assert views.first().object_id == str(item.signal_id)


def test_partner_outside_the_lio_gets_404(login, om_user, photo_item):
    item, attachment, _photo = photo_item
    url = f"/heerenveen/overleggen/punten/{item.pk}/bijlagen/{attachment.pk}/"
    assert login(om_user).get(url).status_code == 404
    assert not AuditEntry.objects.filter(note__contains="ingezien door partner").exists()


def test_photo_closes_with_the_signal_when_the_meeting_is_cancelled(
    login, advisor, police_user, photo_item
):
    item, attachment, _photo = photo_item
    services.meeting_status_set(meeting=item.meeting, status=MeetingStatus.CANCELLED, by=advisor)
    url = f"/heerenveen/overleggen/punten/{item.pk}/bijlagen/{attachment.pk}/"
    assert login(police_user).get(url).status_code == 404


def test_attachment_of_another_signal_is_404(login, advisor, heerenveen, police_user, photo_item):
    item, _attachment, _photo = photo_item
    other = signal_services.signal_create(
        municipality=heerenveen,
        phenomenon=Phenomenon.DRUGS_CULTIVATION,
        description="Andere melding.",
        attachments=[("image/png", _png())],
    ).signal
    foreign = other.attachments.get()
    url = f"/heerenveen/overleggen/punten/{item.pk}/bijlagen/{foreign.pk}/"
    assert login(police_user).get(url).status_code == 404
