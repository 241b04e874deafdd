# SPDX-License-Identifier: EUPL-1.2
"""Pages of fenomenen under `/<gemeente>/ondermijning/`: the fenomenenkeuze per year with its
evidence, the witte vlekken and voorlichting en weerbaarheid. Internal roles read; adviseur,
beheerder and bibob-coördinator write; partners and other gemeenten get 404."""

from .keuze import (
    keuze_delete,
    keuze_detail,
    keuze_form,
    keuze_list,
    spot_delete,
    spot_form,
    spot_list,
)
from .voorlichting import activity_delete, activity_form, activity_list

__all__ = [
    "activity_delete",
    "activity_form",
    "activity_list",
    "keuze_delete",
    "keuze_detail",
    "keuze_form",
    "keuze_list",
    "spot_delete",
    "spot_form",
    "spot_list",
]
