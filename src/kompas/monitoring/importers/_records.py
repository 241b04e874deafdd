# SPDX-License-Identifier: EUPL-1.2
"""Records as dicts with the OData column names: shared by the OData JSON pages and the
CSV of the R/Python clients."""

import re

from django.utils.translation import gettext as _

from .. import codelists
from ..constants import POLICE_TABLES
from ._common import ParsedRow, _source_of_measure, parse_value

REGION_COLUMNS = ("WijkenEnBuurten", "RegioS", "Gemeenten", "Regio")
TYPE_COLUMNS = ("SoortMisdrijf", "SoortOverlast", "SoortRegistratie", "Overlast", "SoortIncident")


def _measure_columns(columns, table: str = "") -> dict[str, str]:
    """Measure column -> indicator source. `GeregistreerdeMisdrijven_1`, overlast measures."""
    out = {}
    for name in columns:
        if name in ("ID", "", *REGION_COLUMNS, *TYPE_COLUMNS, "Perioden") or name.endswith(
            "_label"
        ):
            continue
        source = _source_of_measure(name)
        if source is None and table in POLICE_TABLES and re.fullmatch(r"\w+_1", name):
            source = POLICE_TABLES[table][0]
        if source is not None:
            out[name] = source
    return out


def _dict_rows(col, records, table, default_source=None, on_row=None):
    """Shared by the client CSV and OData: records are (line, dict). `on_row(read)` after
    each record."""
    read = 0
    measures = None
    for line, rec in records:
        read += 1
        if on_row is not None:
            on_row(read)
        if measures is None:
            measures = _measure_columns(rec.keys(), table)
            if not measures:
                col.error(
                    line,
                    _("kolommen"),
                    _("geen meetkolom gevonden (zoals GeregistreerdeMisdrijven_1)"),
                )
                return read
        region_key = next((k for k in REGION_COLUMNS if k in rec), None)
        type_key = next((k for k in TYPE_COLUMNS if k in rec), None)
        if region_key is None or "Perioden" not in rec:
            col.error(line, _("kolommen"), _("kolom WijkenEnBuurten/RegioS of Perioden ontbreekt"))
            return read
        region_code = codelists.normalise_region_code(str(rec[region_key] or ""))
        if codelists.region(region_code) is None:
            col.error(line, region_key, _("onbekende regiocode %(c)r") % {"c": region_code})
            continue
        try:
            period = codelists.parse_period(str(rec["Perioden"]))
        except ValueError:
            col.error(line, "Perioden", _("onbekende periode %(p)r") % {"p": rec["Perioden"]})
            continue
        for measure, source in measures.items():
            type_code = str(rec.get(type_key) or "0.0.0").strip() if type_key else "0.0.0"
            if type_code not in codelists.type_names(source):
                col.error(line, type_key or measure, _("onbekende code %(c)r") % {"c": type_code})
                continue
            try:
                value = parse_value(rec.get(measure))
            except ValueError:
                col.error(line, measure, _("%(raw)r is geen getal") % {"raw": rec.get(measure)})
                continue
            col.add(ParsedRow(line, f"{source}:{type_code}", region_code, period.code, value))
    return read
