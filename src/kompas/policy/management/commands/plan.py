# SPDX-License-Identifier: EUPL-1.2
"""kompas plan validate FILE | import FILE | export GEMEENTECODE [--format yaml|json]."""

from django.core.management.base import CommandError

from kompas.core.commands import KompasCommand
from kompas.policy import planfile
from kompas.policy.planfile import PlanFileError
from kompas.policy.selectors import municipality_by_code, plan_current, plan_list
from kompas.policy.services import plan_document, plan_file_validate, plan_import


class Command(KompasCommand):
    help = (
        "Beleidsplannen als bestand: controleren, importeren en exporteren (docs/plan-format.md)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(
            dest="subcommand", required=True, title="opdrachten", metavar="OPDRACHT"
        )
        v = sub.add_parser(
            "validate",
            help="Controleer een planbestand; schrijft niets.",
            description="Controleer planbestanden (YAML of JSON) op fouten; schrijft niets. "
            "Fouten noemen bestand, regel en veld.",
        )
        v.add_argument(
            "files", nargs="+", metavar="BESTAND", help="een of meer planbestanden (YAML of JSON)"
        )
        i = sub.add_parser(
            "import", help="Importeer een planbestand (nieuwe versie bij wijziging)."
        )
        i.add_argument("files", nargs="+", metavar="BESTAND")
        e = sub.add_parser("export", help="Exporteer het huidige plan van een gemeente.")
        e.add_argument("gemeente", metavar="GEMEENTECODE")
        e.add_argument("--format", choices=["yaml", "json"], default="yaml")
        e.add_argument("--plan", default="", help="korte naam van een ander plan dan het huidige")

    def handle(self, *args, **options):
        return getattr(self, f"_{options['subcommand']}")(options)

    def _fail(self, errors) -> None:
        for error in errors:
            self.stderr.write(str(error))
        raise CommandError(
            f"{len(errors)} fout(en) gevonden; er is niets geïmporteerd." if errors else "Mislukt."
        )

    def _validate(self, options):
        failed = []
        for name in options["files"]:
            _parsed, errors = plan_file_validate(path=name)
            if errors:
                failed.extend(errors)
            else:
                self.stdout.write(f"{name}: in orde.")
        if failed:
            for error in failed:
                self.stderr.write(str(error))
            # Dutch message and exit status 1, without Django's English "CommandError:" prefix.
            self.stderr.write(f"{len(failed)} fout(en) gevonden.")
            raise SystemExit(1)

    def _import(self, options):
        for name in options["files"]:
            try:
                result = plan_import(path=name)
            except PlanFileError as exc:
                self._fail(exc.errors)
            plan = result.plan
            if not result.changed:
                self.stdout.write(
                    f"{name}: ongewijzigd ({plan.short_name}, versie {result.version.number})."
                )
                continue
            verb = "nieuw plan" if result.created else "nieuwe versie"
            self.stdout.write(
                f"{name}: {verb} {plan.short_name} ({plan.municipality.name}), "
                f"versie {result.version.number}."
            )
            for line in result.summary[:40]:
                self.stdout.write(f"  - {line}")

    def _export(self, options):
        municipality = municipality_by_code(code=options["gemeente"])
        if municipality is None:
            raise CommandError(f"Gemeente {options['gemeente']} staat niet in deze installatie.")
        if options["plan"]:
            plan = plan_list(municipality=municipality).filter(short_name=options["plan"]).first()
        else:
            plan = plan_current(municipality=municipality)
        if plan is None:
            raise CommandError(f"{municipality.name} heeft (nog) geen beleidsplan met die naam.")
        doc = plan_document(plan=plan)
        text = planfile.to_json(doc) if options["format"] == "json" else planfile.to_yaml(doc)
        self.stdout.write(text, ending="")
