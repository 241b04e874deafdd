# SPDX-License-Identifier: EUPL-1.2
"""Dutch axes for the Vega-Lite charts of reports and the public dashboard.

Monitoring draws the chart; reporting fixes its value axis before the spec is stored in a
snapshot: numbers in Dutch (decimal comma, thousands dot: the nl-NL number locale in the
spec's config, so every renderer applies it), whole-number ticks for counts, and a domain
whose top tick lies at or above the highest value (Vega's own domain [0, 11] got ticks up to
10 only, so 11 was drawn above the axis)."""

from __future__ import annotations

import math

# d3-format's nl-NL locale (as vl-convert's format_locale="nl-NL").
NL_NUMBER_LOCALE = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["€\u00a0", ""],
}
TICKS = 6


def _step(span: float, whole: bool) -> float:
    raw = span / TICKS if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10)
    step = next(m * magnitude for m in steps if m * magnitude >= raw)
    return max(1, round(step)) if whole else step


def axis_ticks(values: list[float], *, whole: bool) -> tuple[list[float], str]:
    """Tick values from 0 (or the lowest negative value) to a round number at or above the
    highest value, and the d3 format of their labels."""
    values = [float(v) for v in values if v is not None] or [0.0]
    low, high = min(0.0, min(values)), max(0.0, max(values))
    step = _step(high - low, whole)
    first, last = math.floor(low / step), math.ceil(high / step)
    if last == first:
        last += 1
    ticks = [round(n * step, 10) for n in range(first, last + 1)]
    if whole:
        return [int(t) for t in ticks], ",d"
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if step < 1 and round(step * 10**decimals, 6) % 1:
        decimals += 1
    return ticks, f",.{decimals}f"


def _encodings(spec: dict):
    for part in [spec, *spec.get("layer", [])]:
        yield part.get("encoding") or {}


def dutch_axes(spec: dict | None, *, channel: str, values: list, whole: bool) -> dict | None:
    """`spec` with the quantitative `channel` ("x" or "y") in Dutch format, whole-number
    ticks when `whole` (counts), and a domain that holds every one of `values`."""
    if not spec:
        return spec
    ticks, fmt = axis_ticks(values, whole=whole)
    for encoding in _encodings(spec):
        enc = encoding.get(channel)
        if not isinstance(enc, dict) or enc.get("type") != "quantitative":
            continue
        enc["scale"] = {**(enc.get("scale") or {}), "domain": [ticks[0], ticks[-1]], "nice": False}
        axis = enc.get("axis") or {}
        enc["axis"] = {**axis, "values": ticks, "format": fmt}
        if whole:
            enc["axis"]["tickMinStep"] = 1
    spec.setdefault("config", {})["locale"] = {"number": NL_NUMBER_LOCALE}
    return spec
