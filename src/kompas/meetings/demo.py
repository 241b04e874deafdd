# SPDX-License-Identifier: EUPL-1.2
"""Demo data: the LIO of Heerenveen with its members, one held and one upcoming meeting.
Idempotent: a second run finds the series and changes nothing."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kompas.core.constants import Role
from kompas.core.demo import demo_password
from kompas.core.models import Municipality, PartnerOrganisation
from kompas.core.services import membership_set, user_ensure

from . import services
from .constants import ActionStatus, Confidentiality, MeetingStatus, SeriesKind
from .models import MeetingSeries

LIO_NAME = "LIO Heerenveen (demo)"
VTH_USER = ("vth-heerenveen", "Vera", "Toezicht")


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


@transaction.atomic
def load_demo() -> str | None:
    municipality = Municipality.objects.filter(code="GM0074").first()
    if (
        municipality is None
        or MeetingSeries.objects.filter(municipality=municipality, name=LIO_NAME).exists()
    ):
        return None
    User = get_user_model()
    advisor = User.objects.get(username="adviseur-heerenveen")
    police_user = User.objects.get(username="politie-heerenveen")
    police = PartnerOrganisation.objects.get(code="politie")
    vth = PartnerOrganisation.objects.get(code="vth")
    username, first, last = VTH_USER
    vth_user, _created = user_ensure(
        username=username,
        password=demo_password(username),
        first_name=first,
        last_name=last,
        email=f"{username}@demo.invalid",
    )
    if not vth_user.memberships.filter(municipality=municipality).exists():
        membership_set(user=vth_user, municipality=municipality, role=Role.PARTNER, partner=vth)

    series = services.series_create(
        municipality=municipality,
        name=LIO_NAME,
        kind=SeriesKind.LIO,
        confidentiality=Confidentiality.SECRET,
        description="Lokaal Informatieoverleg: gemeente, politie en VTH bespreken signalen van "
        "ondermijning. Demodata.",
        by=advisor,
    )
    services.series_member_add(series=series, user=advisor, role="voorzitter", by=advisor)
    services.series_member_add(series=series, user=police_user, role="wijkagent", by=advisor)
    services.series_member_add(series=series, partner=police, by=advisor)
    services.series_member_add(series=series, partner=vth, role="toezicht", by=advisor)

    held = services.meeting_create(
        series=series, starts_at=_at(-21, 10), location="Gemeentehuis, kamer 2.14", by=advisor
    )
    item = services.agenda_item_add_topic(
        meeting=held, title="Bedrijventerrein Kanaal: leegstaande loodsen", by=advisor
    )
    services.agenda_item_record(
        item=item,
        minutes="Politie ziet veel verkeer 's nachts bij twee loodsen. VTH heeft geen "
        "vergunningaanvragen voor de verbouwing ontvangen.",
        decisions="Gezamenlijke integrale controle in de komende zes weken.",
        by=advisor,
    )
    services.action_create(
        item=item,
        description="Integrale controle voorbereiden met VTH en politie",
        due_date=timezone.localdate() + timedelta(days=14),
        owner_partner=vth,
        by=advisor,
    )
    done = services.action_create(
        item=item,
        description="Eigenaren van de loodsen opzoeken in het Kadaster",
        due_date=timezone.localdate() - timedelta(days=7),
        owner_user=advisor,
        by=advisor,
    )
    services.action_status_set(action=done, status=ActionStatus.DONE, by=advisor)
    services.agenda_item_add_topic(meeting=held, title="Rondvraag", by=advisor)
    services.meeting_status_set(meeting=held, status=MeetingStatus.HELD, by=advisor, is_demo=True)

    upcoming = services.meeting_create(
        series=series, starts_at=_at(10, 10), location="Gemeentehuis, kamer 2.14", by=advisor
    )
    services.agenda_item_add_topic(
        meeting=upcoming, title="Terugkoppeling integrale controle bedrijventerrein", by=advisor
    )
    services.agenda_propose(meeting=upcoming, by=advisor)
    services.agenda_item_add_topic(meeting=upcoming, title="Rondvraag", by=advisor)
    return _summary()


def _summary() -> str:
    username = VTH_USER[0]
    return (
        f"  Overleggen (demo, Heerenveen): /heerenveen/overleggen/ — {LIO_NAME}, 1 gehouden en "
        f"1 komende vergadering\n"
        f"  {username:28} {demo_password(username):34} Heerenveen: partner (VTH), lid van het LIO"
    )
