# SPDX-License-Identifier: EUPL-1.2
"""Chart specs (Vega-Lite via altair) and their server-side rendering to accessible SVG.

One module so reporting can reuse the same specs: build a spec with `trend_spec` or
`comparison_spec`, render with `render_svg(spec, title=..., description=...)`. The SVG carries
role="img", a <title> and a <desc>; pages always show a data table beside it."""

import functools
import hashlib
import json
import re
from functools import lru_cache

import altair as alt
from django.utils.html import escape

COLOURS = {"own": "#154273", "other": "#8fa8c8", "reference": "#b23c17"}
FONT = "sans-serif"


def _base(chart: alt.Chart, title: str, width: int, height: int) -> dict:
    return (
        chart.properties(title=title, width=width, height=height)
        .configure(font=FONT)
        .configure_axis(labelFontSize=12, titleFontSize=12)
        .configure_title(fontSize=14, anchor="start")
        .to_dict()
    )


def _memoised(build):
    """Specs are a pure function of their arguments, and building one with altair (which
    validates every part against the Vega-Lite schema) took ~50 ms: the public dashboard built
    24 of them per request. A fresh copy each call (callers adjust the axes in place)."""
    built: dict[str, str] = {}

    @functools.wraps(build)
    def spec(**kwargs) -> dict:
        key = repr(sorted(kwargs.items()))
        text = built.get(key)
        if text is None:
            text = json.dumps(build(**kwargs))
            if len(built) >= 512:
                built.clear()  # bounded; the pages' specs are built again on the next request
            built[key] = text
        return json.loads(text)

    return spec


@_memoised
def trend_spec(
    *,
    title: str,
    points: list[dict],
    unit_label: str,
    reference: float | None = None,
    reference_label: str = "",
    width: int = 560,
    height: int = 240,
) -> dict:
    """Line over periods; an optional horizontal reference line (e.g. the target level)."""
    data = alt.Data(values=[p for p in points if p["value"] is not None])
    line = (
        alt.Chart(data)
        .mark_line(point=True, color=COLOURS["own"], strokeWidth=2)
        .encode(
            x=alt.X("period:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=unit_label),
            tooltip=["period:O", "value:Q"],
        )
    )
    layers = [line]
    if reference is not None:
        rule_data = alt.Data(values=[{"ref": reference, "label": reference_label}])
        layers.append(
            alt.Chart(rule_data)
            .mark_rule(color=COLOURS["reference"], strokeDash=[6, 4])
            .encode(y="ref:Q")
        )
        layers.append(
            alt.Chart(rule_data)
            .mark_text(align="left", dx=4, dy=-6, color=COLOURS["reference"])
            .encode(y="ref:Q", text="label:N", x=alt.value(0))
        )
    return _base(alt.layer(*layers), title, width, height)


@_memoised
def comparison_spec(
    *, title: str, rows: list[dict], unit_label: str, width: int = 520, height: int | None = None
) -> dict:
    """Horizontal bars, the own gemeente highlighted. rows: label, value, own (bool)."""
    data = alt.Data(values=[r for r in rows if r["value"] is not None])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("value:Q", title=unit_label),
            color=alt.condition(
                "datum.own", alt.value(COLOURS["own"]), alt.value(COLOURS["other"])
            ),
        )
    )
    return _base(chart, title, width, height or max(60, 28 * len(rows)))


@lru_cache(maxsize=256)
def _svg_cached(spec_json: str) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec_json)


def render_svg(spec: dict, *, title: str, description: str) -> str:
    """SVG markup with role="img", <title> and <desc> (aria-labelledby both)."""
    import json

    svg = _svg_cached(json.dumps(spec, sort_keys=True))
    ident = "c" + hashlib.sha256(f"{title}|{description}".encode()).hexdigest()[:10]
    svg = re.sub(r"^<svg ", f'<svg role="img" aria-labelledby="{ident}-t {ident}-d" ', svg, count=1)
    head = (
        f'<title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(description)}</desc>'
    )
    return re.sub(r"(<svg[^>]*>)", r"\1" + head.replace("\\", "\\\\"), svg, count=1)
