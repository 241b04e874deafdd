# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import AuditAction, PartnerKind, RegionLevel, Role


class Region(models.Model):
    """A CBS region: the country, a gemeente, a wijk or a buurt (codes NL00, GM0074, WK007401,
    BU00740101). Facts from the CBS/politie `WijkenEnBuurten` dimension."""

    code = models.CharField(_("code"), max_length=10, primary_key=True)
    name = models.CharField(_("naam"), max_length=200)
    level = models.CharField(_("niveau"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("ligt in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    municipality_code = models.CharField(_("gemeentecode"), max_length=6, blank=True, db_index=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Municipality(models.Model):
    """A gemeente that uses this installation (a tenant)."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("adres-deel"), unique=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Partnership(models.Model):
    """A samenwerkingsverband of gemeenten, e.g. Zuidoost Friesland or the HOWO district."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    members = models.ManyToManyField(
        Municipality, related_name="partnerships", verbose_name=_("deelnemende gemeenten")
    )

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnerOrganisation(models.Model):
    """A ketenpartner: politie, OM, RIEC, Belastingdienst, ... Editable data."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(
        _("soort"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.OTHER
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("ketenpartner")
        verbose_name_plural = _("ketenpartners")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in one gemeente. Partner members also name their organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("gebruiker"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("gemeente"),
    )
    role = models.CharField(_("rol"), max_length=10, choices=Role.choices)
    partner = models.ForeignKey(
        PartnerOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("organisatie"),
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="one_role_per_gemeente"),
            models.CheckConstraint(
                condition=~models.Q(role=Role.PARTNER) | models.Q(partner__isnull=False),
                name="partner_member_names_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.municipality} ({self.get_role_display()})"


class AuditEntry(models.Model):
    """Append-only audit log. Database triggers refuse UPDATE and DELETE (migration 0002)."""

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    action = models.CharField(_("handeling"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    fields = models.JSONField(_("gewijzigde velden"), default=list, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-at", "-id"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_type}"
