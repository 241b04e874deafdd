# SPDX-License-Identifier: EUPL-1.2
"""kompas signals adressen importeren GM0074 adressen.csv"""

from kompas.core.commands import KompasCommand
from kompas.signals.selectors import municipality_list_for_command
from kompas.signals.services import AddressImportError, address_list_import


class Command(KompasCommand):
    help = "Meldpunt: de adressenlijst van de gemeente beheren."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subject", required=True)
        addresses = sub.add_parser("adressen", help="De eigen adressenlijst van de gemeente.")
        actions = addresses.add_subparsers(dest="action", required=True)
        imp = actions.add_parser(
            "importeren",
            help=(
                "Vervang de adressenlijst door een CSV-bestand met de kolommen postcode, "
                "huisnummer, toevoeging, straat, woonplaats, buurtcode (';' of ','). Met één "
                "foute regel wordt niets ingelezen."
            ),
        )
        imp.add_argument("gemeente", help="CBS-code van de gemeente, bijvoorbeeld GM0074")
        imp.add_argument("bestand", help="Het CSV-bestand (UTF-8)")

    def _fail(self, message: str):
        # Dutch message and exit status 1, without Django's English "CommandError:" prefix.
        self.stderr.write(message)
        raise SystemExit(1)

    def handle(self, *args, gemeente, bestand, **options):
        municipality = municipality_list_for_command(code=gemeente).first()
        if municipality is None:
            self._fail(f"Gemeente {gemeente} staat niet in deze installatie.")
        try:
            report = address_list_import(municipality=municipality, path=bestand)
        except FileNotFoundError:
            self._fail(f"Bestand niet gevonden: {bestand}")
        except UnicodeDecodeError:
            self._fail(f"{bestand}: het bestand is geen UTF-8-tekst. Sla het op als CSV UTF-8.")
        except AddressImportError as exc:
            for line, message in exc.errors[:50]:
                self.stderr.write(f"{bestand}: regel {line}: {message}")
            if len(exc.errors) > 50:
                self.stderr.write(f"... en nog {len(exc.errors) - 50} fout(en).")
            self._fail(f"{len(exc.errors)} fout(en); er is niets ingelezen.")
        self.stdout.write(
            f"{municipality.name}: {report.imported} adressen ingelezen; de vorige lijst "
            f"({report.replaced} adressen) is vervangen."
        )
