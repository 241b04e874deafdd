# SPDX-License-Identifier: EUPL-1.2
# ruff: noqa: S608  (SQL text is built from this package's constants; the only outside strings,
# the file path and the CSV's column names, are quoted by _literal and _ident)
"""NationalStore's queries: yearly values, a gemeente against all gemeenten, buurt drill-down."""

from collections import defaultdict

from ._common import RUN_GAP


class _Reading:
    """The read side of NationalStore; the ids of codes are read once per store."""

    def yearly_values(
        self, *, type_codes: list[str], region_codes: list[str], year: int | None = None
    ) -> dict[str, dict[int, int | None]]:
        """{region: {year: value}} of the asked regions (every year, or one), the value summed
        over the asked crime types (NULL only when every type is NULL: secret or unknown).
        Regions and types the store does not know are left out; a region without rows is
        absent. The ids are fetched in range scans of nearby ids (a gemeente, its wijken, its
        buurten are each one range), so the zone maps of crime_year skip the rest."""
        types, region_ids, by_id = self._codes()
        type_ids = sorted({types[c] for c in type_codes if c in types})
        ids = sorted({region_ids[c] for c in region_codes if c in region_ids})
        out: dict[str, dict[int, int | None]] = defaultdict(dict)
        if not type_ids or not ids:
            return out
        wanted = set(ids)
        runs, first = [], ids[0]
        for prev, cur in zip(ids, ids[1:], strict=False):
            if cur - prev > RUN_GAP:
                runs.append((first, prev))
                first = cur
        runs.append((first, ids[-1]))
        marks = ", ".join("?" for _ in type_ids)
        year_sql = " AND year = ?" if year is not None else ""
        for low, high in runs:
            params = [*type_ids, low, high] + ([year] if year is not None else [])
            for region, yr, value in self.con.execute(
                f"SELECT region, year, sum(value) FROM crime_year WHERE type IN ({marks}) "
                f"AND region BETWEEN ? AND ?{year_sql} GROUP BY region, year",
                params,
            ).fetchall():
                if region in wanted:
                    out[by_id[region][0]][int(yr)] = None if value is None else int(value)
        return out

    def _codes(self) -> tuple[dict[str, int], dict[str, int], dict[int, tuple]]:
        """Type ids, region ids and the regions by id (code, level, gemeente, population),
        read once per store."""
        if self._code_cache is None:
            types = dict(self.con.execute("SELECT code, id FROM crime_types").fetchall())
            by_id = {
                row[0]: row[1:]
                for row in self.con.execute(
                    "SELECT id, code, level, gemeente, population FROM regions"
                ).fetchall()
            }
            self._code_cache = (types, {v[0]: k for k, v in by_id.items()}, by_id)
        return self._code_cache

    def _region_range(self, level: str, gemeente: str | None = None) -> tuple[int, int] | None:
        """First and last id of a level (of one gemeente): one contiguous range, which is what
        lets the zone maps of the sorted tables skip."""
        ids = [
            i
            for i, (_c, lvl, gm, _p) in self._codes()[2].items()
            if lvl == level and (gemeente is None or gm == gemeente)
        ]
        return (min(ids), max(ids)) if ids else None

    def gemeente_comparison(self, *, gemeente: str, type_code: str, year: int) -> dict:
        """The gemeente's yearly series plus its rate per 1,000 beside every gemeente's rate
        (rank and the national rate) for `year`."""
        types, region_ids, by_id = self._codes()
        type_id, region_id = types.get(type_code), region_ids.get(gemeente)
        if type_id is None or region_id is None:
            return {"series": [], "rates": [], "rank": None, "of": 0}
        own = self.con.execute(
            "SELECT year, value FROM crime_year WHERE type = ? AND region = ? ORDER BY year",
            [type_id, region_id],
        ).fetchall()
        first, last = self._region_range("GM")
        values = self.con.execute(
            "SELECT region, value FROM crime_year WHERE type = ? AND year = ? "
            "AND region BETWEEN ? AND ? AND value IS NOT NULL",
            [type_id, year, first, last],
        ).fetchall()
        rates = sorted(
            (
                (by_id[r][0], value * 1000.0 / by_id[r][3])
                for r, value in values
                if by_id[r][3]  # population known
            ),
            key=lambda item: -item[1],
        )
        rank = next((i for i, (code, _r) in enumerate(rates, start=1) if code == gemeente), None)
        return {"series": own, "rates": rates, "rank": rank, "of": len(rates)}

    def buurt_drilldown(self, *, gemeente: str, type_code: str, year: int) -> list[tuple]:
        """Every buurt of the gemeente: yearly value and rate per 1,000."""
        types, _region_ids, by_id = self._codes()
        span = self._region_range("BU", gemeente)
        if types.get(type_code) is None or span is None:
            return []
        values = self.con.execute(
            "SELECT region, value FROM crime_year WHERE type = ? AND year = ? "
            "AND region BETWEEN ? AND ? ORDER BY region",
            [types[type_code], year, *span],
        ).fetchall()
        return sorted(
            (
                by_id[r][0],
                value,
                value * 1000.0 / by_id[r][3] if value is not None and by_id[r][3] else None,
            )
            for r, value in values
        )
