# SPDX-License-Identifier: EUPL-1.2
"""Feeds to other apps: signal counts as monitoring indicators. monitoring is a declared
dependency of this app (SignalsConfig.kompas_depends_on), so it is imported plainly: a renamed
monitoring function fails at import and in the tests, never silently."""

from kompas.core.models import Municipality
from kompas.monitoring import services as monitoring_services

from .. import selectors
from ..constants import Phenomenon


def signals_feed_monitoring(*, municipality: Municipality, user=None) -> int:
    """Push signals per phenomenon per quarter to the monitoring app as indicators
    `meldpunt:<phenomenon>` (own registration, count). Returns the number of rows sent.
    Idempotent."""
    per_phenomenon: dict[str, list] = {}
    for r in selectors.signal_counts_per_quarter(municipality=municipality):
        per_phenomenon.setdefault(r["phenomenon"], []).append(
            (municipality.code, f"{r['year']}KW{r['quarter']:02d}", float(r["count"]))
        )
    sent = 0
    for phenomenon, rows in sorted(per_phenomenon.items()):
        code = f"meldpunt:{phenomenon}"
        monitoring_services.indicator_upsert(
            code=code,
            name=f"Meldingen meldpunt ondermijning: {Phenomenon(phenomenon).label}",
            unit="aantal",
            source="eigen-registratie",
            definition=[phenomenon],
            # More reports means more trust in the meldpunt: the plans want more signals.
            better="higher",
            note="Aantal meldingen per kwartaal (datum van ontvangst), uit het meldpunt.",
        )
        monitoring_services.observation_upsert_many(
            indicator_code=code,
            rows=rows,
            provenance="meldpunt ondermijning",
            user=user,
            municipality=municipality,
        )
        sent += len(rows)
    return sent
