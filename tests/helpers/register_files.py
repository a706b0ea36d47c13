"""Writing register files for the import tests: CSV in any encoding, XLSX with real cells."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mqp_desktop.exporters.register_import import COLUMNS


def _cells(row: Mapping[str, object] | Sequence[object], header: Sequence[str]) -> list[object]:
    if isinstance(row, Mapping):
        return [row.get(h, "") for h in header]
    return list(row)


def write_csv(
    path: Path,
    rows: Iterable[Mapping[str, object] | Sequence[object]],
    *,
    header: Sequence[str] = COLUMNS,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    """Rows as dicts keyed by ``header`` entries (missing keys are empty) or as lists."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if c is None else c for c in _cells(row, header)])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def write_xlsx(
    path: Path,
    rows: Iterable[Mapping[str, object] | Sequence[object]],
    *,
    header: Sequence[str] = COLUMNS,
    sheet_title: str = "Members",
) -> Path:
    """An Excel workbook; dates, numbers and booleans are stored as real cells of that type."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    ws.append(list(header))
    for row in rows:
        ws.append([None if c == "" else c for c in _cells(row, header)])
    wb.save(path)
    return path


def row(**values: object) -> dict[str, object]:
    """A valid row for the Wandsworth template, with ``values`` overriding its cells."""
    base: dict[str, object] = {
        "name": "Pat Example",
        "role_title": "Named GP for Safeguarding Children",
        "agency": "SWL ICB",
        "email": "pat.example@swlondon.example.nhs.uk",
        "phone": "020 3880 0150",
        "decision_maker": "no",
        "deputy_name": "",
        "deputy_email": "",
        "start_date": "2024-04-01",
        "end_date": "",
        "notes": "",
    }
    base.update(values)
    return base
