# SPDX-License-Identifier: EUPL-1.2
"""Fenomenen holds choices about phenomena, no personal data; its fields whose names suggest
otherwise are listed here for the verwerkingsregister (kompas.core.privacy)."""

from kompas.core import privacy as p


def declare() -> None:
    p.not_personal(
        "fenomenen.PhenomenonChoice",
        ["partner_input", "note"],
        reason="partners' input and notes on which phenomena get priority (no cases)",
    )
    p.not_personal("fenomenen.WhiteSpot", ["reason"], reason="what knowledge a gemeente lacks")
