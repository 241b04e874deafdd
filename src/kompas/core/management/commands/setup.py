# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError
from django.utils.translation import gettext as _

from kompas.core.commands import KompasCommand
from kompas.core.services.setup import installation_setup

_DEFAULT_BASE_URL = "http://127.0.0.1:8000"


class Command(KompasCommand):
    help = _(
        "Richt een lege installatie in: alle gemeenten uit de CBS-codelijst, de "
        "samenwerkingsverbanden, de ketenpartners en de eerste beheerder. Twee keer draaien "
        "verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", default="", help=_("CBS-code, bijvoorbeeld GM0074"))
        parser.add_argument(
            "--beheerder-email", default="", help=_("e-mailadres van de eerste beheerder")
        )

    def handle(self, *args, gemeente="", beheerder_email="", **options):
        base_url = settings.KOMPAS_BASE_URL
        if beheerder_email and settings.PRODUCTION and base_url == _DEFAULT_BASE_URL:
            raise CommandError(
                _(
                    "Zet KOMPAS_BASE_URL op het adres waarop de gebruikers het product bereiken "
                    "(bijvoorbeeld https://veiligheid.gemeente.nl); de link voor de beheerder "
                    "begint daarmee."
                )
            )
        try:
            report = installation_setup(gemeente_code=gemeente, beheerder_email=beheerder_email)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        created = report.created
        self.stdout.write(
            _(
                "Referentiegegevens: %(g)s gemeenten nieuw (%(total)s in totaal), "
                "%(s)s samenwerkingsverbanden nieuw, %(k)s ketenpartners nieuw."
            )
            % {
                "g": created["gemeenten"],
                "total": report.totals["gemeenten"],
                "s": created["samenwerkingsverbanden"],
                "k": created["ketenpartners"],
            }
        )
        email = beheerder_email.strip().lower()
        if report.beheerder == "nieuw":
            self.stdout.write(_("Beheerder %(email)s aangemaakt.") % {"email": email})
        elif report.beheerder == "rol":
            self.stdout.write(
                _("Het bestaande account %(email)s is nu beheerder van %(gemeente)s.")
                % {"email": email, "gemeente": gemeente.upper()}
            )
        elif report.beheerder == "bestaat":
            self.stdout.write(
                _("%(email)s is al beheerder van %(gemeente)s.")
                % {"email": email, "gemeente": gemeente.upper()}
            )
        if report.beheerder_link:
            self.stdout.write(
                _(
                    "Eenmalige link om het wachtwoord te kiezen (geldig tot het wachtwoord is "
                    "gekozen, hoogstens %(days)s dagen; daarna stelt de beheerder bij de eerste "
                    "login de tweede stap in):\n%(url)s"
                )
                % {
                    "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
                    "url": base_url + report.beheerder_link,
                }
            )
        if not report.changed:
            self.stdout.write(_("Alles stond al klaar; er is niets veranderd."))
        else:
            self.stdout.write(_("Volgende stap: kompas plan import (zie README, 'Productie')."))
