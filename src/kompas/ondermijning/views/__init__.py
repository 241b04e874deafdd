# SPDX-License-Identifier: EUPL-1.2
"""Pages of ondermijning under `/<gemeente>/ondermijning/`: the integrale controles and the
ondermijningsdagen of the samenwerkingsverbanden. Internal roles read; adviseur, beheerder and
bibob-coördinator write; partners and other gemeenten get 404."""

from .controles import (
    controle_delete,
    controle_detail,
    controle_form,
    controle_list,
    finding_add,
    finding_delete,
)
from .dagen import day_delete, day_detail, day_form, day_list, partnership_summary

__all__ = [
    "controle_delete",
    "controle_detail",
    "controle_form",
    "controle_list",
    "day_delete",
    "day_detail",
    "day_form",
    "day_list",
    "finding_add",
    "finding_delete",
    "partnership_summary",
]
