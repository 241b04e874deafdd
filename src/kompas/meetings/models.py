# SPDX-License-Identifier: EUPL-1.2
"""Overleggen: a series (LIO, OVO, ...) with members, its meetings, their agenda items with
minutes and decisions, and the follow-up actions agreed on an item. Rules live in services.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kompas.core.models import Municipality, PartnerOrganisation

from .constants import ActionStatus, Confidentiality, ItemKind, MeetingStatus, SeriesKind


class MeetingSeries(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="meeting_series",
        verbose_name=_("gemeente"),
    )
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort overleg"), max_length=30, choices=SeriesKind.choices)
    confidentiality = models.CharField(
        _("vertrouwelijkheid"),
        max_length=30,
        choices=Confidentiality.choices,
        default=Confidentiality.CONFIDENTIAL,
    )
    description = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("overlegreeks")
        verbose_name_plural = _("overlegreeksen")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="meetings_series_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


def _exactly_one_of(a: str, b: str) -> Q:
    """Constraint condition: exactly one of the two (nullable) fields is set."""
    return (Q(**{f"{a}__isnull": False}) & Q(**{f"{b}__isnull": True})) | (
        Q(**{f"{a}__isnull": True}) & Q(**{f"{b}__isnull": False})
    )


class SeriesMember(models.Model):
    """A member of a series: either a user or a partner organisation (all its partner members
    in the series' gemeente take part)."""

    series = models.ForeignKey(
        MeetingSeries, on_delete=models.CASCADE, related_name="members", verbose_name=_("overleg")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_memberships",
        verbose_name=_("persoon"),
    )
    partner = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_memberships",
        verbose_name=_("organisatie"),
    )
    role = models.CharField(_("rol in het overleg"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["series", "partner__name", "user__username"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_of("user", "partner"),
                name="meetings_member_is_user_or_partner",
            ),
            models.UniqueConstraint(fields=["series", "user"], name="meetings_member_user_once"),
            models.UniqueConstraint(
                fields=["series", "partner"], name="meetings_member_partner_once"
            ),
        ]

    def __str__(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return str(self.partner)

    @property
    def municipality(self) -> Municipality:
        return self.series.municipality


class Meeting(models.Model):
    series = models.ForeignKey(
        MeetingSeries,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("overleg"),
    )
    starts_at = models.DateTimeField(_("datum en tijd"))
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["series", "status", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.series} {self.starts_at:%d-%m-%Y}"

    @property
    def municipality(self) -> Municipality:
        return self.series.municipality


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("vergadering")
    )
    order = models.PositiveIntegerField(_("volgorde"))
    kind = models.CharField(_("soort punt"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    # The meldpunt's signal or dossier this item discusses. SET_NULL: when retention deletes a
    # signal, the item keeps its title, minutes and decisions.
    signal = models.ForeignKey(
        "signals.Signal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        verbose_name=_("melding"),
    )
    dossier = models.ForeignKey(
        "signals.Dossier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        verbose_name=_("dossier"),
    )
    minutes = models.TextField(_("verslag"), blank=True, max_length=20000)
    decisions = models.TextField(_("besluiten"), blank=True, max_length=5000)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "signal"],
                condition=Q(signal__isnull=False),
                name="meetings_signal_once_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["meeting", "dossier"],
                condition=Q(dossier__isnull=False),
                name="meetings_dossier_once_per_meeting",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def municipality(self) -> Municipality:
        return self.meeting.series.municipality


class FollowUpAction(models.Model):
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="actions", verbose_name=_("agendapunt")
    )
    description = models.CharField(_("actie"), max_length=500)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_actions",
        verbose_name=_("actiehouder (persoon)"),
    )
    owner_partner = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_actions",
        verbose_name=_("actiehouder (organisatie)"),
    )
    due_date = models.DateField(_("uiterlijk klaar op"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("vervolgactie")
        verbose_name_plural = _("vervolgacties")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_of("owner_user", "owner_partner"),
                name="meetings_action_has_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def owner(self):
        return self.owner_user or self.owner_partner

    @property
    def owner_label(self) -> str:
        if self.owner_user_id:
            return self.owner_user.get_full_name() or self.owner_user.get_username()
        return str(self.owner_partner)

    @property
    def municipality(self) -> Municipality:
        return self.item.meeting.series.municipality
