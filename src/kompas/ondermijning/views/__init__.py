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
from .imports import import_upload
from .opkopers import (
    dealer_check_add,
    dealer_check_delete,
    dealer_delete,
    dealer_detail,
    dealer_form,
    dealer_list,
    kvo_delete,
    kvo_form,
    kvo_list,
)

__all__ = [
    "dealer_check_add",
    "dealer_check_delete",
    "dealer_delete",
    "dealer_detail",
    "dealer_form",
    "dealer_list",
    "kvo_delete",
    "kvo_form",
    "kvo_list",
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
    "import_upload",
    "partnership_summary",
]
