# SPDX-License-Identifier: EUPL-1.2
"""The crisis organisation: key functions, the people who fill them (with backups, piket and
absences), their qualifications, OTO activities, facilities and deelplannen. Records belong to
one gemeente or to one samenwerkingsverband (the HOWO district), never both."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kompas.core.models import Municipality, Partnership

from .constants import (
    DEFAULT_REQUIRED,
    FacilityKind,
    OtoKind,
    OtoLevel,
    OtoStatus,
    SubPlanKind,
    SubPlanStatus,
)


class Owned(models.Model):
    """Belongs to exactly one gemeente or one samenwerkingsverband."""

    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("gemeente")
    )
    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("samenwerkingsverband"),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality__isnull=True) ^ Q(partnership__isnull=True),
                name="%(app_label)s_%(class)s_one_owner",
            )
        ]

    @property
    def owner(self):
        return self.municipality or self.partnership


class KeyFunction(Owned):
    code = models.SlugField(_("code"), max_length=30)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("omschrijving"), blank=True)
    required = models.PositiveSmallIntegerField(
        _("minimaal nodig"),
        default=DEFAULT_REQUIRED,
        help_text=_("Zoveel gekwalificeerde, beschikbare mensen zijn nodig om op sterkte te zijn."),
    )
    is_demo = models.BooleanField(default=False)

    class Meta(Owned.Meta):
        verbose_name = _("sleutelfunctie")
        verbose_name_plural = _("sleutelfuncties")
        ordering = ["name"]
        constraints = [
            *Owned.Meta.constraints,
            models.UniqueConstraint(
                fields=["municipality", "code"], name="crisis_function_code_per_gemeente"
            ),
            models.UniqueConstraint(
                fields=["partnership", "code"], name="crisis_function_code_per_partnership"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CrisisMember(Owned):
    """Someone in the crisis organisation. Work contact details only; no private data."""

    name = models.CharField(_("naam"), max_length=120)
    organisation = models.CharField(_("organisatie of afdeling"), max_length=120, blank=True)
    phone = models.CharField(_("telefoon (werk)"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail (werk)"), blank=True)
    active = models.BooleanField(_("actief"), default=True)
    # Set by record_save when the member is made inactive (left the crisis organisation);
    # the member is deleted CRISIS_MEMBER_RETENTION_MONTHS later by `kompas retention run`.
    left_on = models.DateField(
        _("uit de crisisorganisatie op"), null=True, blank=True, editable=False
    )
    is_demo = models.BooleanField(default=False)

    class Meta(Owned.Meta):
        verbose_name = _("lid crisisorganisatie")
        verbose_name_plural = _("leden crisisorganisatie")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Assignment(models.Model):
    member = models.ForeignKey(
        CrisisMember, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("lid")
    )
    function = models.ForeignKey(
        KeyFunction,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("sleutelfunctie"),
    )
    backup = models.BooleanField(_("achtervang"), default=False)

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        constraints = [
            models.UniqueConstraint(fields=["member", "function"], name="crisis_assignment_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.function}"


class PiketSlot(models.Model):
    """A period in which a member is on call (piket) for a function."""

    member = models.ForeignKey(
        CrisisMember, on_delete=models.CASCADE, related_name="piket", verbose_name=_("lid")
    )
    function = models.ForeignKey(
        KeyFunction, on_delete=models.CASCADE, related_name="piket", verbose_name=_("functie")
    )
    starts_on = models.DateField(_("van"))
    ends_on = models.DateField(_("tot en met"))

    class Meta:
        verbose_name = _("piketdienst")
        verbose_name_plural = _("piketdiensten")
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return f"{self.member}: {self.function} {self.starts_on}–{self.ends_on}"


class Absence(models.Model):
    """A member is not available (leave, illness) in a period."""

    member = models.ForeignKey(
        CrisisMember, on_delete=models.CASCADE, related_name="absences", verbose_name=_("lid")
    )
    starts_on = models.DateField(_("van"))
    ends_on = models.DateField(_("tot en met"))

    class Meta:
        verbose_name = _("afwezigheid")
        verbose_name_plural = _("afwezigheden")

    def __str__(self) -> str:
        return f"{self.member}: {self.starts_on}–{self.ends_on}"


class Qualification(models.Model):
    member = models.ForeignKey(
        CrisisMember,
        on_delete=models.CASCADE,
        related_name="qualifications",
        verbose_name=_("lid"),
    )
    function = models.ForeignKey(
        KeyFunction,
        on_delete=models.CASCADE,
        related_name="qualifications",
        verbose_name=_("voor functie"),
    )
    name = models.CharField(_("kwalificatie"), max_length=160)
    obtained_on = models.DateField(_("behaald op"))
    expires_on = models.DateField(_("geldig tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("kwalificatie")
        verbose_name_plural = _("kwalificaties")
        ordering = ["expires_on"]

    def __str__(self) -> str:
        return f"{self.name} ({self.member})"


class OtoActivity(Owned):
    """Opleiden, trainen, oefenen. A held activity registers a `crisisoefening` event."""

    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=12, choices=OtoKind.choices)
    level = models.CharField(_("niveau"), max_length=12, choices=OtoLevel.choices)
    date = models.DateField(_("datum"))
    status = models.CharField(
        _("status"), max_length=12, choices=OtoStatus.choices, default=OtoStatus.PLANNED
    )
    participants = models.ManyToManyField(
        CrisisMember, blank=True, related_name="oto", verbose_name=_("deelnemers")
    )
    functions = models.ManyToManyField(
        KeyFunction, blank=True, related_name="oto", verbose_name=_("geoefende functies")
    )
    evaluation = models.TextField(_("evaluatie"), blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta(Owned.Meta):
        verbose_name = _("OTO-activiteit")
        verbose_name_plural = _("OTO-activiteiten")
        ordering = ["-date"]

    def __str__(self) -> str:
        return self.title


class Facility(Owned):
    name = models.CharField(_("naam"), max_length=160)
    kind = models.CharField(_("soort"), max_length=15, choices=FacilityKind.choices)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capaciteit (personen)"), null=True, blank=True)
    last_checked_on = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)
    notes = models.TextField(_("opmerkingen"), blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta(Owned.Meta):
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class SubPlan(Owned):
    """A deelplan (bevolkingszorg, crisiscommunicatie) as a versioned document."""

    kind = models.CharField(_("soort"), max_length=20, choices=SubPlanKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    version = models.CharField(_("versie"), max_length=20)
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    status = models.CharField(
        _("implementatie"),
        max_length=16,
        choices=SubPlanStatus.choices,
        default=SubPlanStatus.DRAFT,
    )
    document_reference = models.CharField(
        _("vindplaats document"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld het zaaknummer of de plek in het documentsysteem."),
    )
    is_demo = models.BooleanField(default=False)

    class Meta(Owned.Meta):
        verbose_name = _("deelplan")
        verbose_name_plural = _("deelplannen")
        ordering = ["kind", "-adopted_on"]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"


class FireStation(Owned):
    """Contact with a local brandweerpost (VRF): who to call, nothing of the fire service's
    own systems."""

    name = models.CharField(_("brandweerpost"), max_length=120)
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    contact_phone = models.CharField(_("telefoon (werk)"), max_length=30, blank=True)
    last_contact_on = models.DateField(_("laatste overleg"), null=True, blank=True)
    notes = models.TextField(_("afspraken"), blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta(Owned.Meta):
        verbose_name = _("brandweerpost")
        verbose_name_plural = _("brandweerposten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


__all__ = [
    "Absence",
    "Assignment",
    "CrisisMember",
    "Facility",
    "FireStation",
    "KeyFunction",
    "OtoActivity",
    "PiketSlot",
    "Qualification",
    "SubPlan",
]
