# SPDX-License-Identifier: EUPL-1.2
from kompas.core.constants import STAFF_ROLES

from .. import selectors


def context(municipality, membership, **extra) -> dict:
    return {
        "municipality": municipality,
        "membership": membership,
        "can_write": membership.role in STAFF_ROLES,
        "partnerships": selectors.partnerships_of(municipality=municipality),
        "year": selectors.today().year,
        **extra,
    }
