# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
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
    # Public branding, kept by the beheerder (Beheer > Huisstijl en privacy).
    public_name = models.CharField(
        _("naam op publieke pagina's"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld 'Gemeente Heerenveen'. Leeg: 'gemeente' en de naam."),
    )
    privacy_url = models.URLField(
        _("adres van de privacyverklaring"),
        blank=True,
        help_text=_("Het meldpunt en het dashboard verwijzen ernaar."),
    )
    # When the logo (MunicipalityLogo) last changed; empty when there is none. Kept here so
    # a page knows whether to show a logo without reading the image.
    logo_updated_at = models.DateTimeField(_("logo bijgewerkt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.public_name or _("gemeente %(name)s") % {"name": self.name}


class MunicipalityLogo(models.Model):
    """The gemeente's logo as a PNG re-encoded on upload (no metadata, bounded size), served
    by the product itself so no media storage is needed."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, primary_key=True, related_name="logo"
    )
    png = models.BinaryField(_("logo (PNG)"))
    width = models.PositiveIntegerField(_("breedte"))
    height = models.PositiveIntegerField(_("hoogte"))

    class Meta:
        verbose_name = _("logo")
        verbose_name_plural = _("logo's")

    def __str__(self) -> str:
        return f"logo {self.municipality_id}"


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


class AuditPurgeWindow(models.Model):
    """The cutoff below which the audit triggers allow DELETE; exists only inside the
    transaction of the audit log's retention run (core.services.retention)."""

    before = models.DateTimeField()

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"auditlog wissen voor {self.before:%Y-%m-%d}"


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
    # {"status": ["nieuw", "in behandeling"]}: old and new value as people read them.
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-at", "-id"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_type}"

    @property
    def object_kind(self) -> str:
        """What kind of thing, in Dutch: "melding", "actie", "overleg"."""
        from .audit_labels import object_kind_label

        return object_kind_label(self.object_type) if self.object_type else ""

    @property
    def field_lines(self) -> list[str]:
        """Each field in Dutch; a changed one with its values: "status: nieuw → afgesloten"."""
        from .audit_labels import field_label

        lines = []
        for name in self.fields:
            label = field_label(self.object_type, name)
            if name in (self.changes or {}):
                old, new = self.changes[name]
                lines.append(f"{label}: {old or '—'} → {new or '—'}")
            else:
                lines.append(label)
        return lines


# --- Building blocks for the apps' models -------------------------------------------------------
def exactly_one_of(a: str, b: str) -> Q:
    """Check-constraint condition: exactly one of the two nullable fields is set."""
    return Q(**{f"{a}__isnull": False, f"{b}__isnull": True}) | Q(
        **{f"{a}__isnull": True, f"{b}__isnull": False}
    )


class CreatedMixin(models.Model):
    """Who made a record and when. `created_by` survives the user's removal as empty; a
    subclass may redeclare either field for its own label ("geregistreerd door")."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("aangemaakt door"),
        editable=False,
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)

    class Meta:
        abstract = True


class OwnerMixin(models.Model):
    """A record of exactly one gemeente or one samenwerkingsverband (a regional register, an
    ondermijningsdag of Zuidoost Friesland), never both, never neither: a check constraint.

    A subclass with constraints of its own lists them after the owner's:
    `constraints = [*OwnerMixin.Meta.constraints, ...]`. `owned_by(municipality)` is the
    filter for "this gemeente's own records and those of its samenwerkingsverbanden"."""

    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("gemeente"),
    )
    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("samenwerkingsverband"),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of("municipality", "partnership"),
                name="%(app_label)s_%(class)s_one_owner",
                violation_error_message=_(
                    "Kies een gemeente of een samenwerkingsverband (precies één van beide)."
                ),
            )
        ]

    @property
    def owner(self) -> "Municipality | Partnership":
        return self.municipality or self.partnership

    @staticmethod
    def owned_by(municipality: Municipality) -> Q:
        """Records of the gemeente itself or of a samenwerkingsverband it takes part in."""
        return Q(municipality=municipality) | Q(partnership__members=municipality)


class NotificationOptOut(models.Model):
    """A kind of e-mail notification a person does not want (Instellingen > Meldingen per
    e-mail). Every kind is on until the person switches it off."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_opt_outs",
        verbose_name=_("persoon"),
    )
    kind = models.CharField(_("soort bericht"), max_length=40)

    class Meta:
        verbose_name = _("afgemeld e-mailbericht")
        verbose_name_plural = _("afgemelde e-mailberichten")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_opt_out_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind}"
