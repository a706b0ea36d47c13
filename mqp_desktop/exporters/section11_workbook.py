"""Section 11 agency workbooks: a fill-in XLSX per agency, and reading it back.

The business team emails each agency's safeguarding lead a workbook
(:func:`export_workbook`, or :func:`export_workbooks` for a whole round). It has:

* **Instructions** - what to do, the round's rating scale with what each value
  means, the deadline (a new one when the workbook is re-issued to an agency whose
  return is already overdue: :func:`workbook_deadline`), who to send it back to, and
  that the layout must stay as it is;
* **Return** - the agency and round (read only), the lead contact and substitute
  (to correct);
* **Standards** - one row per standard and sub-criterion of the round: the self
  rating (a drop-down of exactly the round's scale, "n/a" only where the scale
  allows it, with a "Reason if n/a" column), evidence references and areas for
  improvement;
* **Action plan** - the return's actions (a reference column ties each to the
  database) and blank rows for new ones: action, the standard it answers
  (drop-down), owner, due date, status (drop-down);
* a *very hidden* sheet ``mqp_data`` with the workbook's identity (round, agency,
  return, a fingerprint of the round's standards, the layout version) and a
  checksum over it, so a workbook for another round, agency or database, or one
  whose hidden data was edited, is recognised on import.

Everything the return already holds is filled in, so a re-issued workbook shows
the earlier answers. Only the yellow input cells are unlocked. The sheets and
the workbook's structure are protected **without a password**: protection stops
accidents (typing over a standard's text, deleting a sheet), not a determined
person - anyone can unprotect a sheet from Excel's Review tab, and a password
in a file sent to every agency would be no secret, only one more thing for the
business team to lose. What matters is checked on import instead
(:func:`preview_workbook`): a tampered layout, rows added or renumbered, values
off the scale are refused, cell by cell, and nothing is written until the whole
workbook is accepted (:func:`apply_workbook`).

Files are written to a temporary file beside the target and moved into place.
openpyxl is imported inside the functions that write.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.section11 import AuditReturn, AuditRound, ReturnStatus, ScaleKind
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.files import (
    ExportFileError,
    safe_text,
    save_workbook,
    write_all_or_nothing,
    write_atomically,
)
from mqp_desktop.exporters.register_export import _author, _subcommittee_or_none, _xlsx_header_text
from mqp_desktop.exporters.section11_workbook_import import (  # the API in one place (see __all__)
    CellProblem,
    ContactChange,
    RatingChange,
    WorkbookError,
    WorkbookOutdated,
    WorkbookPreview,
    WorkbookRejected,
    apply_workbook,
    preview_workbook,
)
from mqp_desktop.exporters.section11_workbook_layout import (
    ACTION_COLUMNS,
    ACTIONS,
    BLANK_ACTION_ROWS,
    DATA,
    FIRST_ROW,
    FORMAT_MARK,
    HEADER_ROW,
    INSTRUCTIONS,
    LAYOUT_VERSION,
    RETURN,
    RETURN_FIRST_ROW,
    RETURN_ROWS,
    STANDARDS,
    STATUS_CHOICES,
    checksum,
    criterion_text,
    framework_fingerprint,
    letter,
    rating_choices,
    rating_display,
    scale_meanings,
    standard_choice,
    standard_text,
    standards_columns,
    workbook_file_name,
)

if TYPE_CHECKING:
    from mqp_desktop.store import Store

__all__ = [
    "CellProblem",
    "ContactChange",
    "ExportFileError",
    "RatingChange",
    "WorkbookError",
    "WorkbookOutdated",
    "WorkbookPreview",
    "WorkbookRejected",
    "apply_workbook",
    "export_workbook",
    "export_workbooks",
    "preview_workbook",
]

NAVY = "1F3864"
INPUT_FILL = "FFF2CC"  # the yellow of the cells to fill in
STANDARD_FILL = "D9E2F3"
BORDER = "BFBFBF"
DATE_FORMAT = "dd/mm/yyyy"
# Fills for the self rating (conditional formatting), worst to best.
RAG_FILLS = {"red": "F4B6B6", "amber": "FFD98A", "green": "B7DFB0"}
SCORE_FILLS = {"0": "F4B6B6", "1": "FFD98A", "2": "D8ECC9", "3": "B7DFB0"}


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _text(value: str | None) -> str | None:
    """Text for a cell (control characters dropped), or None for nothing."""
    text = safe_text(value)
    return text or None


# --- one workbook ------------------------------------------------------------------------------
def export_workbook(
    store: Store,
    round_id: int,
    agency_id: int,
    path: Path | str,
    *,
    reply_to: str = "",
    today: dt.date | None = None,
) -> Path:
    """Write the agency's fill-in workbook for the round to ``path`` (.xlsx); returns the path.

    ``reply_to`` (an email address or a team's name) is printed in the
    instructions as where to send the workbook back. Raises ``RecordNotFound``
    for an unknown round or agency, ``ValidationError`` when the agency was not
    asked for a return in the round, :class:`ExportFileError` when the file
    cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ExportFileError(f"'{target.name}' does not end .xlsx.", "Give the workbook a name ending .xlsx.")
    return write_atomically(target, _workbook_writer(store, round_id, agency_id, reply_to, today))


def _workbook_writer(store: Store, round_id: int, agency_id: int, reply_to: str, today: dt.date | None):
    """What writes the agency's workbook to a file (checked first: the round asked the agency for a return)."""
    from mqp_desktop.store.section11 import Section11Repo

    s11 = Section11Repo(store)
    rnd = s11.round(round_id)
    agency = store.agency(agency_id)
    ret = s11.find_return(round_id, agency_id)
    if ret is None:
        raise ValidationError(
            "agency", f"{agency.name} was not asked for a return in {rnd.name}: add it to the round first."
        )
    team = _team_name(store)
    on = today or dt.date.today()

    author = _author(_subcommittee_or_none(store))

    def write(tmp: Path) -> None:
        wb = _build(rnd, ret, agency.name, agency.label, team, reply_to.strip(), on)
        wb.properties.creator = author
        save_workbook(wb, tmp)

    return write


def export_workbooks(
    store: Store,
    round_id: int,
    folder: Path | str,
    agency_ids: list[int] | None = None,
    *,
    reply_to: str = "",
    today: dt.date | None = None,
) -> list[Path]:
    """One workbook per agency asked (default: every agency in the round), named
    "<round> - <agency short name>.xlsx", in ``folder`` (made if missing).

    All or nothing (:func:`.files.write_all_or_nothing`): a workbook that cannot be made or written
    leaves none, and the workbooks there before as they were."""
    from mqp_desktop.store.section11 import Section11Repo

    rnd = Section11Repo(store).round(round_id)
    ids = list(rnd.agency_ids) if agency_ids is None else list(dict.fromkeys(agency_ids))
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFileError(
            f"The folder '{folder}' could not be made ({exc.strerror or exc}).",
            "Choose a folder you can write to.",
        ) from exc
    files = []
    used: set[str] = set()
    for agency_id in ids:
        agency = store.agency(agency_id)
        name = workbook_file_name(rnd.name, agency.label)
        n = 2
        while name.lower() in used:  # two agencies whose names give the same file name
            name = workbook_file_name(rnd.name, agency.label).removesuffix(".xlsx") + f" ({n}).xlsx"
            n += 1
        used.add(name.lower())
        files.append((folder / name, _workbook_writer(store, round_id, agency_id, reply_to, today)))
    return write_all_or_nothing(files)


REISSUE_DAYS = 14
"""Days a workbook re-issued to an agency whose return is already overdue gives it (see :func:`workbook_deadline`)."""


def workbook_deadline(rnd: AuditRound, ret: AuditReturn, today: dt.date) -> dt.date:
    """The date a workbook asks for the return by: the round's deadline — unless the return is already
    overdue when the workbook is (re-)issued, when a workbook saying "return by" a date that has passed
    would only confuse: then a new one, :data:`REISSUE_DAYS` from ``today``, or the day before the panel
    next meets when that is sooner (never before ``today``), so the panel can still consider it."""
    if ret.status(rnd.deadline, today) is not ReturnStatus.OVERDUE:
        return rnd.deadline
    new = today + dt.timedelta(days=REISSUE_DAYS)
    panels = [d for d in rnd.panel_dates if d > today]
    if panels:
        new = min(new, max(today, panels[0] - dt.timedelta(days=1)))
    return new


def _deadline_words(rnd: AuditRound, deadline: dt.date) -> str:
    if deadline == rnd.deadline:
        return _long_date(deadline)
    return f"{_long_date(deadline)} (the round's deadline, {_long_date(rnd.deadline)}, has passed)"


def _team_name(store: Store) -> str:
    sub = _subcommittee_or_none(store)
    if sub is None:
        return "the partnership's business team"
    who = safe_text(sub.partnership or sub.name)
    return f"the {who} business team" if who else "the partnership's business team"


# --- building the workbook -----------------------------------------------------------------------
def _build(rnd: AuditRound, ret: AuditReturn, agency_name: str, agency_label: str, team: str,
           reply_to: str, on: dt.date):
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    wb = Workbook()
    instructions = wb.active
    instructions.title = INSTRUCTIONS
    ret_ws = wb.create_sheet(RETURN)
    std_ws = wb.create_sheet(STANDARDS)
    act_ws = wb.create_sheet(ACTIONS)
    data_ws = wb.create_sheet(DATA)

    choices = [standard_choice(s) for s in rnd.standards]
    identity = {
        "format": FORMAT_MARK,
        "layout_version": str(LAYOUT_VERSION),
        "round_id": str(rnd.id),
        "round_name": rnd.name,
        "agency_id": str(ret.agency_id),
        "agency_name": agency_name,
        "return_id": str(ret.id),
        "scale": ScaleKind(rnd.scale).value,
        "framework_fingerprint": framework_fingerprint(rnd),
        "exported": on.isoformat(),
    }
    _data_sheet(data_ws, identity, choices)
    deadline = workbook_deadline(rnd, ret, on)
    _instructions_sheet(instructions, rnd, agency_name, team, reply_to, deadline)
    _return_sheet(ret_ws, rnd, ret, agency_name, deadline)
    _standards_sheet(std_ws, rnd, ret)
    _actions_sheet(act_ws, rnd, ret, len(choices))
    for ws in (instructions, ret_ws, std_ws, act_ws):
        _page_setup(ws, agency_name, rnd.name)
        _protect(ws)
    instructions.page_setup.fitToHeight = 1  # the instructions on one page
    _protect(data_ws)
    data_ws.sheet_state = "veryHidden"
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.title = f"{rnd.name}: {agency_label}"
    wb.properties.subject = f"Section 11 self-assessment, {rnd.name}, {agency_name}"
    return wb


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    thin = Side(style="thin", color=BORDER)
    return {
        "title": Font(name="Calibri", size=16, bold=True, color=NAVY),
        "subtitle": Font(name="Calibri", size=11, italic=True, color="595959"),
        "bold": Font(name="Calibri", size=11, bold=True),
        "header_font": Font(name="Calibri", size=11, bold=True, color="FFFFFF"),
        "header_fill": PatternFill("solid", fgColor=NAVY),
        "input_fill": PatternFill("solid", fgColor=INPUT_FILL),
        "standard_fill": PatternFill("solid", fgColor=STANDARD_FILL),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "top": Alignment(vertical="top"),
        "indent": Alignment(wrap_text=True, vertical="top", indent=2),
        "centre": Alignment(horizontal="center", vertical="top"),
        "unlocked": Protection(locked=False),
    }


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide."""
    per_line = max(int(width * 1.2) - 2, 8)
    return sum(max(1, -(-len(part) // per_line)) for part in (text or "").split("\n"))


def _data_sheet(ws, identity: dict[str, str], choices: list[str]) -> None:
    for row, key in enumerate(identity, start=1):
        ws.cell(row=row, column=1, value=key).data_type = "s"
        cell = ws.cell(row=row, column=2, value=identity[key])
        cell.data_type = "s"
    ws.cell(row=len(identity) + 1, column=1, value="checksum")
    ws.cell(row=len(identity) + 1, column=2, value=checksum(identity, choices))
    for row, text in enumerate(choices, start=1):
        ws.cell(row=row, column=4, value=_text(text)).data_type = "s"


def _instructions_sheet(ws, rnd: AuditRound, agency_name: str, team: str, reply_to: str, deadline: dt.date) -> None:
    st = _styles()
    scale = rnd.rating_scale
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 92
    ws["A1"] = f"Section 11 self-assessment: {safe_text(rnd.name)}"
    ws["A1"].font = st["title"]
    ws["A2"] = f"For {safe_text(agency_name)}"
    ws["A2"].font = st["subtitle"]
    send_to = f"{team} ({reply_to})" if reply_to else f"{team}, at the address this workbook came from"
    rows: list[tuple[str, str, str]] = [
        ("", "", ""),
        ("Please return by", _deadline_words(rnd, deadline), "bold"),
        ("Send it back to", f"Email the completed workbook, as it is, to {send_to}.", ""),
        ("", "", ""),
        ("What to do", "", "head"),
        ("1.", ("On the Return sheet, check the lead contact for this self-assessment and a substitute "
              "(who we contact when the lead is away); correct them if they have changed."), ""),
        ("2.", ("On the Standards sheet, rate your agency against each standard in the Self rating column: "
              "choose from the drop-down list. Rate the standard as a whole; you may also rate the "
              "sub-criteria beneath it. Where you rate a standard as a whole, that rating is the one "
              "the partnership scores."), ""),
        ("3.", ("For each rating, list your evidence references (documents, audits, minutes the panel "
              "can ask to see) and the areas for improvement you have found."), ""),
        ("4.", ("On the Action plan sheet, list what you will do about those areas: the action, the "
              "standard it answers, who owns it, the date it is due, and its status. Keep the actions "
              "already listed; to stop one, set its status to 'dropped'."), ""),
        ("5.", "Save the workbook (keep it as an Excel workbook, .xlsx) and email it back.", ""),
        ("", "", ""),
        ("The rating scale", f"This round uses the {scale.label} scale:", "head"),
    ]
    rows += [(value, meaning, "scale") for value, meaning in scale_meanings(scale)]
    rows += [
        ("", "", ""),
        ("Please note", "", "head"),
        ("", ("Only the yellow cells can be typed in. Please do not rename, move or delete the sheets, and do "
             "not add, delete or move rows or columns, or change the numbers and texts of the standards: "
             "the workbook is read back into the partnership's records, and a changed layout cannot be read. "
             "If something does not fit, say so in an email when you send the workbook back."), ""),
        ("", ("If a cell refuses what you type, choose from its drop-down list instead; dates are typed "
             "as dd/mm/yyyy (31/03/2026)."), ""),
    ]
    for offset, (label, text, kind) in enumerate(rows, start=3):
        a, b = ws.cell(row=offset, column=1, value=label or None), ws.cell(row=offset, column=2, value=text or None)
        a.alignment = st["top"]
        b.alignment = st["wrap"]
        if kind in ("head", "bold"):
            a.font = st["bold"]
            b.font = st["bold"]
        elif kind == "scale":
            a.font = st["bold"]
            a.border = b.border = st["border"]
        if text:
            ws.row_dimensions[offset].height = 15 * _lines(text, 92)


def _return_sheet(ws, rnd: AuditRound, ret: AuditReturn, agency_name: str, deadline: dt.date) -> None:
    st = _styles()
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 56
    ws["A1"] = "Your return"
    ws["A1"].font = st["title"]
    values = {
        "Agency": agency_name,
        "Audit round": rnd.name,
        "Deadline": _long_date(deadline),
        **{label: getattr(ret, f) for label, f in RETURN_ROWS if f},
    }
    for offset, (label, field) in enumerate(RETURN_ROWS):
        row = RETURN_FIRST_ROW + offset
        a = ws.cell(row=row, column=1, value=label)
        a.font = st["bold"]
        a.alignment = st["top"]
        b = ws.cell(row=row, column=2, value=_text(values[label]))
        b.data_type = "s"
        b.border = st["border"]
        b.alignment = st["wrap"]
        if field:
            b.fill = st["input_fill"]
            b.protection = st["unlocked"]
    note = RETURN_FIRST_ROW + len(RETURN_ROWS) + 1
    ws.cell(row=note, column=1, value="The lead contact answers for this self-assessment; the substitute is who the "
                                      "partnership contacts when the lead is away.").font = st["subtitle"]


def _header(ws, columns, st) -> None:
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=i, value=col.heading)
        cell.font = st["header_font"]
        cell.fill = st["header_fill"]
        cell.alignment = st["wrap"]
        cell.border = st["border"]
        ws.column_dimensions["ABCDEFGHIJ"[i - 1]].width = col.width
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _standards_sheet(ws, rnd: AuditRound, ret: AuditReturn) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    st = _styles()
    scale = rnd.rating_scale
    columns = standards_columns(scale)
    ws["A1"] = f"Self-assessment: {safe_text(rnd.name)}"
    ws["A1"].font = st["title"]
    na = " or n/a (with the reason)" if scale.allows_not_applicable else ""
    ws["A2"] = (f"Choose a rating from the drop-down in each yellow Self rating cell ({scale.label} scale{na}); "
                "the Instructions sheet explains each value.")
    ws["A2"].font = st["subtitle"]
    _header(ws, columns, st)
    items: list[tuple[int, str, str, bool]] = []
    for s in rnd.standards:
        items.append((s.number, "", standard_text(s), True))
        items += [(s.number, c.code, criterion_text(c), False) for c in s.criteria]
    for offset, (number, code, text, is_standard) in enumerate(items):
        row = FIRST_ROW + offset
        rating = ret.rating(number, code)
        values = {
            "ref": code or str(number),
            "text": text,
            "self_value": rating_display(scale, rating.self_value) if rating else None,
            "self_na_reason": rating.self_na_reason if rating else "",
            "evidence": rating.evidence if rating else "",
            "improvement": rating.improvement if rating else "",
        }
        height = 1
        for i, col in enumerate(columns, start=1):
            cell = ws.cell(row=row, column=i, value=_text(values[col.key]))
            cell.data_type = "s"  # "1.10" stays "1.10"; typed text is never a formula
            if col.key == "text" and is_standard:
                cell.value = _title_and_description(rnd.standard(number))
            cell.border = st["border"]
            cell.alignment = st["indent"] if (col.key == "text" and not is_standard) else (
                st["wrap"] if col.wrap else st["centre"] if col.key == "self_value" else st["top"])
            if col.editable:
                cell.fill = st["input_fill"]
                cell.protection = st["unlocked"]
            elif is_standard:
                cell.fill = st["standard_fill"]
                if col.key == "ref":
                    cell.font = st["bold"]
            if col.wrap:
                height = max(height, _lines(str(values[col.key] or ""), col.width))
        ws.row_dimensions[row].height = max(15 * height, 30 if is_standard else 15)
    last = FIRST_ROW + len(items) - 1
    rating_col = letter(columns, "self_value")
    choices = rating_choices(scale)
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Self rating",
        error=f"Choose a rating from the list: {scale.describe()}.",
        promptTitle="Self rating",
        prompt=f"Choose from the list ({scale.label} scale).",
        showInputMessage=True,
    )
    dv.add(f"{rating_col}{FIRST_ROW}:{rating_col}{last}")
    ws.add_data_validation(dv)
    fills = RAG_FILLS if scale.kind is ScaleKind.RAG else SCORE_FILLS if scale.kind is ScaleKind.SCORE_0_3 else {}
    for value, colour in fills.items():
        shown = rating_display(scale, value)
        ws.conditional_formatting.add(
            f"{rating_col}{FIRST_ROW}:{rating_col}{last}",
            CellIsRule(operator="equal", formula=[f'"{shown}"'], fill=PatternFill("solid", fgColor=colour,
                                                                                    bgColor=colour)),
        )


def _title_and_description(standard):
    """The standard's title in bold, its description (if any) plain beneath: reads back as ``standard_text``."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    title = TextBlock(InlineFont(b=True, rFont="Calibri", sz=11), safe_text(standard.title))
    if not standard.description:
        return CellRichText(title)
    return CellRichText(title, TextBlock(InlineFont(rFont="Calibri", sz=11), "\n" + safe_text(standard.description)))


def _actions_sheet(ws, rnd: AuditRound, ret: AuditReturn, n_standards: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    st = _styles()
    ws["A1"] = "Action plan"
    ws["A1"].font = st["title"]
    ws["A2"] = ("One action per row. Keep the Ref of actions already listed; new actions go in the empty rows "
                "(their Ref stays empty). Status: open, in progress, done or dropped.")
    ws["A2"].font = st["subtitle"]
    _header(ws, ACTION_COLUMNS, st)
    standards = {s.number: s for s in rnd.standards}
    rows = []
    for a in ret.actions:
        rows.append({
            "ref": str(a.id),
            "action": a.action,
            "standard": standard_choice(standards[a.standard]) if a.standard in standards else None,
            "owner": a.owner,
            "due": a.due,
            "status": a.status.value,
        })
    rows += [dict.fromkeys(("ref", "action", "standard", "owner", "due", "status")) for _ in range(BLANK_ACTION_ROWS)]
    for offset, values in enumerate(rows):
        row = FIRST_ROW + offset
        height = 1
        for i, col in enumerate(ACTION_COLUMNS, start=1):
            value = values[col.key]
            cell = ws.cell(row=row, column=i, value=value if isinstance(value, dt.date) else _text(value))
            if isinstance(value, dt.date) or col.key == "due":
                cell.number_format = DATE_FORMAT
            elif value is not None:
                cell.data_type = "s"
            cell.border = st["border"]
            cell.alignment = st["wrap"] if col.wrap else st["centre"] if col.key in ("due", "status") else st["top"]
            if col.editable:
                cell.fill = st["input_fill"]
                cell.protection = st["unlocked"]
            if col.wrap:
                height = max(height, _lines(str(value or ""), col.width))
        ws.row_dimensions[row].height = 15 * height if height > 1 else None
    last = FIRST_ROW + len(rows) - 1
    col = {c.key: letter(ACTION_COLUMNS, c.key) for c in ACTION_COLUMNS}
    status = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="Status",
                            error="Choose open, in progress, done or dropped.")
    status.add(f"{col['status']}{FIRST_ROW}:{col['status']}{last}")
    standard = DataValidation(type="list", formula1=f"'{DATA}'!$D$1:$D${max(n_standards, 1)}", allow_blank=True,
                              showErrorMessage=True, errorTitle="Standard",
                              error="Choose the standard from the list (or leave it empty).")
    standard.add(f"{col['standard']}{FIRST_ROW}:{col['standard']}{last}")
    due = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                         showErrorMessage=True, errorTitle="Due date",
                         error="Type a date as dd/mm/yyyy, e.g. 31/03/2026.")
    due.add(f"{col['due']}{FIRST_ROW}:{col['due']}{last}")
    for dv in (status, standard, due):
        ws.add_data_validation(dv)


def _page_setup(ws, agency_name: str, round_name: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.left.text = _xlsx_header_text(safe_text(agency_name))
    ws.oddHeader.right.text = _xlsx_header_text(safe_text(round_name))
    ws.oddFooter.center.text = "Page &P of &N"


def _protect(ws) -> None:
    """Protected without a password (see the module's notes); rows and columns may still be resized."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False
