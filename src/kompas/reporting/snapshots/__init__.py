# SPDX-License-Identifier: EUPL-1.2
"""Snapshot builders: one per report kind. Each collects the report's data through
`sources` into a JSON-serialisable dict; templates render only from that dict, so a sent
report can be shown again exactly as it was sent."""

from __future__ import annotations

import json

from ..constants import ReportKind
from ..periods import Period
from .annual import build_annual
from .common import SEVERITY, STATUS_CSS
from .digital import AWARENESS_KINDS, CYBER_CODES, VICTIM_CODES, YEARS_BACK, build_digital
from .midterm import build_midterm
from .progress import build_progress

__all__ = [
    "AWARENESS_KINDS",
    "BUILDERS",
    "CYBER_CODES",
    "SEVERITY",
    "STATUS_CSS",
    "VICTIM_CODES",
    "YEARS_BACK",
    "build",
    "build_annual",
    "build_digital",
    "build_midterm",
    "build_progress",
]

BUILDERS = {
    ReportKind.PROGRESS: build_progress,
    ReportKind.MIDTERM: build_midterm,
    ReportKind.DIGITAL: build_digital,
    ReportKind.ANNUAL: build_annual,
}


def build(*, kind: str, municipality, period: Period, title: str, texts: dict) -> dict:
    snap = BUILDERS[kind](municipality=municipality, period=period, title=title, texts=texts)
    # Round-trip through JSON: the snapshot must be storable exactly as it is rendered.
    return json.loads(json.dumps(snap, default=str))
