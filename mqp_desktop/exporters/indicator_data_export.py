"""Exporting indicator values to XLSX or CSV, in the layouts the import reads back.

* **wide** (the default): indicators as rows (an agency's figures on rows of their own under the
  indicator's), one column per period headed in words ("Q1 2025-26", "Jun 2025", "2025-26"). A
  workbook has one sheet per frequency (Quarterly, Monthly, Annual); a CSV file, one table with
  every period's column.
* **long**: one row per value: Code, Indicator, Period, Agency, Value, England, Region,
  Statistical neighbours, Unit (the comparators on the partnership's row).

Numbers are written as numbers; in a workbook a percentage is a percentage cell (12.5% is kept
as 0.125, formatted 0.0%, as Excel keeps percentages), which the import reads back as 12.5. Text
goes through the formula guard (:func:`~mqp_desktop.exporters.files.write_csv`,
:func:`~mqp_desktop.exporters.files.save_workbook`). What the export writes, the import
(:mod:`mqp_desktop.exporters.indicator_data_import`) reads back unchanged.

``first``/``last``: the periods ending from the first day of ``first`` to the last day of
``last`` (so a quarter's range takes the months in it and the financial year ending in it).
Retired indicators are left out (their values cannot be imported again). Gathering the data
(:func:`gather_indicator_data`) reads the database; writing (:func:`write_indicator_data`) does
not, so a window can write off its main thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.performance import Comparators, Indicator, Unit
from mqp_desktop.domain.periods import MONTHS_IN, Frequency, Period, parse_period, periods_between
from mqp_desktop.exporters.files import ExportFileError, safe_text, save_workbook, write_atomically, write_csv

if TYPE_CHECKING:
    from mqp_desktop.store import Store

LAYOUTS = ("wide", "long")
SUFFIXES = (".xlsx", ".csv")
SHEET_NAMES = {Frequency.QUARTERLY: "Quarterly", Frequency.MONTHLY: "Monthly", Frequency.ANNUAL: "Annual"}
LONG_HEADINGS = ("Code", "Indicator", "Period", "Agency", "Value", "England", "Region", "Statistical neighbours",
                 "Unit")
NAVY = "1F3864"
HEADING_FILL = "D9E2F3"


@dataclass
class IndicatorData:
    """What an export writes: plain data, read from the database by :func:`gather_indicator_data`."""

    title: str
    indicators: list[Indicator]
    values: dict[int, dict[tuple[Period, int | None], float | None]]  # indicator id -> (period, agency) -> value
    comparators: dict[int, dict[Period, Comparators]]
    agency_names: dict[int, str]
    periods: dict[Frequency, list[Period]] = field(default_factory=dict)  # the wide layout's columns

    @property
    def value_count(self) -> int:
        return sum(1 for rows in self.values.values() for v in rows.values() if v is not None)

    @property
    def comparator_count(self) -> int:
        return sum(1 for rows in self.comparators.values() for c in rows.values()
                   for v in (c.england, c.region, c.statistical_neighbours) if v is not None)


def _period(value: Period | str | None, option: str) -> Period | None:
    if value is None or isinstance(value, Period):
        return value
    try:
        return parse_period(value)
    except ValueError as exc:
        raise ValueError(f"{option}: {exc}") from None


def gather_indicator_data(store: Store, *, first: Period | str | None = None,
                          last: Period | str | None = None) -> IndicatorData:
    """The indicators in use with their values and comparators, for periods ending within
    ``first``..``last`` (either may be None: no bound)."""
    lo, hi = _period(first, "--from"), _period(last, "--to")
    if lo is not None and hi is not None and hi.end < lo.start:
        raise ValueError(f"--to: {hi.label()} is before {lo.label()}: give the earlier period first.")

    def within(p: Period) -> bool:
        return (lo is None or p.end >= lo.start) and (hi is None or p.end <= hi.end)

    perf = store.performance
    indicators = perf.indicators()
    values: dict[int, dict[tuple[Period, int | None], float | None]] = {}
    comparators: dict[int, dict[Period, Comparators]] = {}
    for ind in indicators:
        values[ind.id] = {(v.period, v.agency_id): v.value for v in perf.values(ind.id, all_agencies=True)  # type: ignore[arg-type]
                          if within(v.period) and (v.agency_id is None or ind.by_agency)}
        comparators[ind.id] = {p: c for p, c in perf.comparator_series(ind.id).items()  # type: ignore[arg-type]
                               if within(p) and not c.empty}
    periods: dict[Frequency, list[Period]] = {}
    for frequency in Frequency:
        mine = [i for i in indicators if i.frequency is frequency]
        if not mine:
            continue
        seen = {p for i in mine for p, _ in values[i.id]} | {p for i in mine for p in comparators[i.id]}
        start = Period.containing(lo.start, frequency) if lo is not None else (min(seen) if seen else None)
        end = Period.containing(hi.end, frequency) if hi is not None else (max(seen) if seen else None)
        if lo is not None and start is not None and start.end < lo.start:
            start = start.next()
        if start is None or end is None or end < start:
            periods[frequency] = sorted(seen)
        else:
            periods[frequency] = [p for p in periods_between(start, end) if within(p)]
    sub = store.subcommittee()
    name = getattr(sub, "short_name", "") or getattr(sub, "name", "") or "The partnership"
    return IndicatorData(title=str(name), indicators=indicators, values=values, comparators=comparators,
                         agency_names={a.id: a.name for a in store.agencies()}, periods=periods)  # type: ignore[misc]


# --- rows --------------------------------------------------------------------------------------------
def _agency_rows(data: IndicatorData, ind: Indicator) -> list[int | None]:
    """The partnership's row, then each agency with a figure, by name."""
    agencies = {a for _, a in data.values.get(ind.id, {}) if a is not None}
    return [None, *sorted(agencies, key=lambda a: data.agency_names.get(a, "").casefold())]


def wide_rows(data: IndicatorData, frequencies: list[Frequency]) -> tuple[list[str], list[Period], list[list]]:
    """(headings, period columns, rows) of one wide table holding ``frequencies``."""
    periods = sorted({p for f in frequencies for p in data.periods.get(f, [])}, key=lambda p: (p.end, MONTHS_IN[p.frequency]))
    indicators = [i for i in data.indicators if i.frequency in frequencies]
    with_agency = any(i.by_agency for i in indicators)
    headings = ["Code", "Indicator", *(["Agency"] if with_agency else []), "Unit", *(p.short_label() for p in periods)]
    rows = []
    for ind in indicators:
        got = data.values.get(ind.id, {})
        for agency in _agency_rows(data, ind):
            row: list = [ind.code, ind.title]
            if with_agency:
                row.append(data.agency_names.get(agency, "") if agency is not None else "")
            row.append(str(ind.unit))
            row.extend(got.get((p, agency)) if p.frequency is ind.frequency else None for p in periods)
            rows.append(row)
    return headings, periods, rows


def long_rows(data: IndicatorData) -> list[list]:
    """The long table's rows (under :data:`LONG_HEADINGS`)."""
    rows = []
    for ind in data.indicators:
        got = data.values.get(ind.id, {})
        comps = data.comparators.get(ind.id, {})
        keys = set(got) | {(p, None) for p in comps}
        for period, agency in sorted(keys, key=lambda k: (k[0], k[1] is not None,
                                                          data.agency_names.get(k[1], "").casefold())):
            value = got.get((period, agency))
            c = comps.get(period) if agency is None else None
            if value is None and c is None:
                continue
            rows.append([ind.code, ind.title, period.short_label(),
                         data.agency_names.get(agency, "") if agency is not None else "", value,
                         c.england if c else None, c.region if c else None, c.statistical_neighbours if c else None,
                         str(ind.unit)])
    return rows


# --- writing -------------------------------------------------------------------------------------------
def _number_format(value: float, unit: Unit) -> str:
    whole = float(value).is_integer()
    if unit is Unit.PERCENTAGE:
        return "0%" if whole else "0.0#%"
    return "#,##0" if whole else "#,##0.0#"


def _cell_value(value: float | None, unit: Unit) -> float | None:
    if value is None:
        return None
    return value / 100 if unit is Unit.PERCENTAGE else value


def _write_sheet(ws, title: str, headings: list[str], rows: list[list], units: list[Unit],
                 number_columns: list[int], widths: dict[int, float]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append([safe_text(title)])
    ws["A1"].font = Font(bold=True, size=13, color=NAVY)
    ws.append([])
    ws.append(headings)
    fill = PatternFill("solid", fgColor=HEADING_FILL)
    for cell in ws[3]:
        cell.font = Font(bold=True, color=NAVY)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row, unit in zip(rows, units, strict=True):
        out = list(row)
        for i in number_columns:
            out[i] = _cell_value(out[i], unit)
        out = [safe_text(v) if isinstance(v, str) else v for v in out]
        ws.append(out)
        r = ws.max_row
        for i in number_columns:
            if row[i] is not None:
                ws.cell(r, i + 1).number_format = _number_format(row[i], unit)
    for i, width in widths.items():
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    first_number = min(number_columns) if number_columns else 0
    ws.freeze_panes = ws.cell(4, first_number + 1 if number_columns else 1)
    # Printed: the headings and each row's code repeat on every page (a wide sheet's periods run onto
    # further pages, which would otherwise show figures without saying whose they are).
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "3:3"
    if first_number:
        ws.print_title_cols = "A:A"


def write_indicator_data(data: IndicatorData, path: Path | str, *, layout: str = "wide") -> Path:
    """Write ``data`` to ``path`` (.xlsx or .csv) in ``layout``; the file is replaced whole or not at all."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"'{path.name}' does not end in .xlsx or .csv: choose one of those (e.g. data.xlsx).")
    if layout not in LAYOUTS:
        raise ValueError(f"'{layout}' is not a layout: use wide or long.")
    code_unit = {i.code: i.unit for i in data.indicators}
    if suffix == ".csv":
        if layout == "wide":
            headings, _, rows = wide_rows(data, list(Frequency))
        else:
            headings, rows = list(LONG_HEADINGS), long_rows(data)
        return write_atomically(path, lambda tmp: write_csv(tmp, [headings, *rows]))

    def write(tmp: Path) -> None:
        from openpyxl import Workbook

        wb = Workbook()
        wb.remove(wb.active)
        today = f"{dt.date.today():%d %b %Y}"
        if layout == "wide":
            for frequency in (Frequency.QUARTERLY, Frequency.MONTHLY, Frequency.ANNUAL):
                if not any(i.frequency is frequency for i in data.indicators):
                    continue
                headings, periods, rows = wide_rows(data, [frequency])
                ws = wb.create_sheet(SHEET_NAMES[frequency])
                first = len(headings) - len(periods)
                widths = {0: 10, 1: 48, **{i: 30 if headings[i] == "Agency" else 16 for i in range(2, first)},
                          **{i: 11 for i in range(first, len(headings))}}
                _write_sheet(ws, f"{data.title}: {frequency.value} indicator data, exported {today}", headings, rows,
                             [code_unit[r[0]] for r in rows], list(range(first, len(headings))), widths)
        else:
            ws = wb.create_sheet("Values")
            rows = long_rows(data)
            widths = {0: 10, 1: 48, 2: 12, 3: 30, 4: 11, 5: 11, 6: 11, 7: 13, 8: 16}
            _write_sheet(ws, f"{data.title}: indicator data, one row per value, exported {today}",
                         list(LONG_HEADINGS), rows, [code_unit[r[0]] for r in rows], [4, 5, 6, 7], widths)
        if not wb.worksheets:
            wb.create_sheet("Values").append(["No indicators yet."])
        save_workbook(wb, tmp)

    return write_atomically(path, write)


def export_indicator_data(store: Store, path: Path | str, *, layout: str = "wide", first: Period | str | None = None,
                          last: Period | str | None = None) -> tuple[Path, IndicatorData]:
    """Gather and write in one go (the command line); returns the file and what it holds."""
    data = gather_indicator_data(store, first=first, last=last)
    return write_indicator_data(data, path, layout=layout), data


__all__ = [
    "LAYOUTS",
    "ExportFileError",
    "IndicatorData",
    "export_indicator_data",
    "gather_indicator_data",
    "write_indicator_data",
]
