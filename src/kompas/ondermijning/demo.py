# SPDX-License-Identifier: EUPL-1.2
"""Demo ondermijning (filled in a later step)."""


def load_demo() -> str | None:
    return None
