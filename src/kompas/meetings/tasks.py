# SPDX-License-Identifier: EUPL-1.2
"""Mailing a meeting's agenda (PDF and .ics invitation) or minutes (PDF) to its members, in
the worker: the PDF is rendered here, once, so no file content travels through the queue."""

from datetime import UTC, timedelta

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kompas.core import tasks
from kompas.core.pdf import html_to_pdf
from kompas.core.services.notifications import mail_send, recipients

from .constants import ItemKind
from .models import Meeting
from .selectors import agenda_item_list, meeting_mail_users

NOTIFICATION_KIND = "overleg_stukken"
# A meeting has a start time only; the invitation blocks an hour and a half.
INVITATION_LENGTH = timedelta(minutes=90)


def _ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_fold(line: str) -> str:
    """RFC 5545 3.1: lines of at most 75 octets, continued with a space."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    return "\r\n".join([*out, current])


def meeting_ics(meeting: Meeting, *, url: str, host: str) -> bytes:
    start = meeting.starts_at.astimezone(UTC)
    fmt = "%Y%m%dT%H%M%SZ"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Veiligheidskompas//NL",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:overleg-{meeting.pk}@{host}",
        f"DTSTAMP:{timezone.now().astimezone(UTC).strftime(fmt)}",
        f"DTSTART:{start.strftime(fmt)}",
        f"DTEND:{(start + INVITATION_LENGTH).strftime(fmt)}",
        f"SUMMARY:{_ics_text(meeting.series.name)}",
        f"LOCATION:{_ics_text(meeting.location)}",
        f"URL:{url}",
        f"DESCRIPTION:{_ics_text(_('Agenda en stukken: %(url)s') % {'url': url})}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(_ics_fold(line) for line in lines) + "\r\n").encode("utf-8")


def meeting_pdf(meeting: Meeting, *, what: str) -> bytes:
    """Agenda or minutes as PDF. Signal and dossier items show their title only: what the
    signal says stays behind the product's access control, never in a mailbox."""
    items = [
        {
            "order": item.order,
            "title": item.title,
            "kind": item.get_kind_display(),
            "inside_only": item.kind in (ItemKind.SIGNAL, ItemKind.DOSSIER),
            "minutes": item.minutes,
            "decisions": item.decisions,
        }
        for item in agenda_item_list(meeting=meeting)
    ]
    html = render_to_string(
        "meetings/meeting_pdf.html", {"meeting": meeting, "items": items, "what": what}
    )
    return html_to_pdf(html)


@tasks.background_task(retries=2, retry_delay=120)
def meeting_mail(*, meeting_id: int, what: str, url: str, host: str) -> int:
    """Mail the agenda ("agenda") or minutes ("verslag") to the members who want it."""
    meeting = Meeting.objects.select_related("series__municipality").get(pk=meeting_id)
    people = recipients(kind=NOTIFICATION_KIND, users=meeting_mail_users(series=meeting.series))
    if not people:
        return 0
    when = date_format(timezone.localtime(meeting.starts_at), "j F Y")
    stem = f"{meeting.series.name} {timezone.localtime(meeting.starts_at):%Y-%m-%d}"
    attachments = [
        (
            f"{'Agenda' if what == 'agenda' else 'Verslag'} {stem}.pdf",
            meeting_pdf(meeting, what=what),
            "application/pdf",
        )
    ]
    if what == "agenda":
        attachments.append(
            ("uitnodiging.ics", meeting_ics(meeting, url=url, host=host), "text/calendar")
        )
    subject = (
        _("Agenda %(name)s van %(when)s")
        if what == "agenda"
        else _("Verslag %(name)s van %(when)s")
    ) % {"name": meeting.series.name, "when": when}
    for user in people:
        body = render_to_string(
            "meetings/mail/meeting.txt",
            {
                "meeting": meeting,
                "what": what,
                "url": url,
                "when": when,
                "recipient_name": user.get_full_name() or user.username,
            },
        )
        mail_send(user=user, subject=subject, body=body, attachments=attachments)
    return len(people)
