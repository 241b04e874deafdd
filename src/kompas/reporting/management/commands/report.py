# SPDX-License-Identifier: EUPL-1.2
"""kompas report voortgang GM0074 --periode 2025-T2 --pdf out.pdf
kompas report tussenevaluatie GM0074 [--periode 2023-01-01..2024-12-31] --pdf out.pdf
kompas report digitaal GM0074 --jaar 2025 --pdf out.pdf [--html out.html] [--json out.json]
kompas report jaarverslag GM0074 --jaar 2025 --verzenden --pdf out.pdf

Makes a concept report (stored, so the team can edit and send it in the UI) and writes its
PDF, HTML and/or data snapshot. An open concept of the same kind and period is used again
(with the texts the team wrote in it) unless --nieuw is given. With --verzenden the report is
sent (frozen) at once."""

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone

from kompas.core.commands import KompasCommand
from kompas.core.models import Municipality
from kompas.reporting import rendering, selectors, services, sources
from kompas.reporting.constants import ReportKind
from kompas.reporting.periods import PeriodError, current_tertial, parse_period, range_period


class Command(KompasCommand):
    help = (
        "Maakt een rapportage (voortgang, tussenevaluatie, digitaal, jaarverslag) als PDF, "
        "HTML of JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("soort", choices=ReportKind.values)
        parser.add_argument("gemeente", help="CBS-code van de gemeente, bijvoorbeeld GM0074")
        parser.add_argument("--periode", help="2025-T2, 2025 of 2025-01-01..2025-06-30")
        parser.add_argument(
            "--jaar", type=int, help="jaar (voor de jaarrapportage digitaal en het jaarverslag)"
        )
        parser.add_argument("--titel", default="")
        parser.add_argument("--pdf", help="schrijf de PDF naar dit bestand")
        parser.add_argument("--html", help="schrijf de HTML naar dit bestand")
        parser.add_argument("--json", help="schrijf de gegevens (snapshot) naar dit bestand")
        parser.add_argument(
            "--nieuw",
            action="store_true",
            help="maak altijd een nieuw concept, ook als er al een concept voor deze periode is",
        )
        parser.add_argument(
            "--verzenden",
            action="store_true",
            help="stel de rapportage meteen vast en verzend haar (legt PDF en gegevens vast)",
        )

    def handle(self, *args, **opts):
        municipality = Municipality.objects.filter(code=opts["gemeente"].upper()).first()
        if municipality is None:
            raise CommandError(f"Onbekende gemeente {opts['gemeente']!r} (gebruik de CBS-code).")
        kind = opts["soort"]
        try:
            period = self._period(kind, municipality, opts)
        except PeriodError as exc:
            raise CommandError(f"--periode: {exc}") from exc
        try:
            report = None
            if not opts["nieuw"]:
                report = selectors.report_open_concept(
                    municipality=municipality, kind=kind, period=period
                )
            if report is None:
                report = services.report_create(
                    municipality=municipality, kind=kind, period=period, title=opts["titel"]
                )
            else:
                self.stdout.write(
                    f"Bestaand concept gebruikt (versie {report.version}); "
                    "gebruik --nieuw voor een nieuw concept."
                )
            if opts["verzenden"]:
                report = services.report_send(report=report)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        snapshot = services.report_snapshot(report=report)
        if opts["pdf"]:
            data = services.report_pdf(report=report)
            Path(opts["pdf"]).write_bytes(data)
            self.stdout.write(f"PDF: {opts['pdf']} ({len(data):,} bytes)".replace(",", "."))
        if opts["html"]:
            Path(opts["html"]).write_text(
                rendering.render_document(snapshot, meta=services.report_meta(report)),
                encoding="utf-8",
            )
            self.stdout.write(f"HTML: {opts['html']}")
        if opts["json"]:
            Path(opts["json"]).write_text(
                json.dumps(snapshot, ensure_ascii=False, indent=2), encoding="utf-8"
            )
            self.stdout.write(f"JSON: {opts['json']}")
        for line in snapshot.get("missing", []):
            self.stdout.write(f"Let op: {line}")
        state = "verzonden, sha256 " + report.sha256 if report.is_frozen else "concept"
        self.stdout.write(f"{report.title} (versie {report.version}, {state}); id {report.pk}.")

    def _period(self, kind, municipality, opts):
        if opts["periode"]:
            return parse_period(opts["periode"])
        if opts["jaar"]:
            return parse_period(str(opts["jaar"]))
        today = timezone.localdate()
        if kind == ReportKind.PROGRESS:
            return current_tertial(today)
        if kind in (ReportKind.DIGITAL, ReportKind.ANNUAL):
            return parse_period(str(today.year - 1))
        # Tussenevaluatie: from the plan's start until the end of its second year.
        plan = sources.plan_current(municipality=municipality)
        if plan is None:
            raise PeriodError("Geen beleidsplan gevonden; geef --periode op.")
        start = date.fromisoformat(plan["period_start"])
        return range_period(start, date(start.year + 1, 12, 31))
