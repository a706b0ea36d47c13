"""Letters to members below the attendance standard, asking them to attend or find a permanent substitute (ToR 5).

One Word document per member, addressed and dated, with their attendance
over the report's period, the Terms of Reference's words on attendance, a
date to reply by (four weeks on), and the chair's signature block "on
behalf of" the subcommittee: a draft the business support officer opens in
Word, reads, adjusts and sends. Where something is not known (no chair
recorded) the letter says so in a highlighted placeholder rather than guessing.

python-docx is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mqp_desktop.domain.attendance_report import AttendanceReport, MemberAttendance
from mqp_desktop.domain.model import Member, Subcommittee
from mqp_desktop.exporters.attendance_export import long_date, period_text, rate_text
from mqp_desktop.exporters.docx_house import page_x_of_y, set_font, set_language, set_properties
from mqp_desktop.exporters.files import (
    ExportFileError,
    safe_file_name,
    safe_text,
    write_all_or_nothing,
    write_atomically,
)

REPLY_WITHIN = dt.timedelta(weeks=4)
_FONT = "Arial"
_NAVY = (0x1F, 0x38, 0x64)
_GREY = (0x59, 0x59, 0x59)
_TITLES = {"dr", "di", "ds", "dc", "dci", "dsi", "supt", "mr", "mrs", "ms", "miss", "mx", "cllr", "prof", "rev", "sir", "dame"}


def salutation(name: str) -> str:
    """'Dear Dr Carter' for a titled name, 'Dear Patrick Dunne' otherwise."""
    words = name.split()
    if len(words) >= 2 and words[0].rstrip(".").lower() in _TITLES:
        return f"Dear {words[0]} {words[-1]}"
    return f"Dear {name.strip()}"


def tor_attendance_text(standard: int) -> str:
    """The Terms of Reference on attendance (section 5), with the subcommittee's own standard."""
    return (
        "The subcommittee members will commit to attending all meetings and will delegate to their deputy "
        f"when unable to attend. Attendance should be regular with {standard}% or above being the standard. "
        "Members who fail to attend regularly will be asked to locate a permanent substitute."
    )


def letter_file_name(member: Member) -> str:
    """'Attendance letter - Patrick Dunne.docx', safe on Windows."""
    return "Attendance letter - " + safe_file_name(member.display_name, ".docx", fallback=f"member {member.id}")


def write_substitute_letter(
    row: MemberAttendance,
    report: AttendanceReport,
    subcommittee: Subcommittee,
    chair: Member | None,
    path: Path | str,
    *,
    today: dt.date | None = None,
) -> Path:
    """The ToR 5 letter to one member, as a Word document at ``path``."""
    doc = _letter(row, report, subcommittee, chair, today)
    return write_atomically(Path(path), lambda tmp: doc.save(str(tmp)))


def _letter(row: MemberAttendance, report: AttendanceReport, subcommittee: Subcommittee, chair: Member | None,
            today: dt.date | None):
    """The ToR 5 letter to one member, as a python-docx document."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    today = today or dt.date.today()
    reply_by = today + REPLY_WITHIN
    member, agency = row.member, row.agency
    sc_name = safe_text(subcommittee.name)
    standard = report.standard

    doc = docx.Document()
    set_language(doc, "en-GB")
    styles = doc.styles
    for name in ("Normal", "Header", "Footer", "Quote", "Table Grid"):
        set_font(styles[name], _FONT)
    styles["Normal"].font.size = Pt(11)
    styles["Normal"].paragraph_format.space_after = Pt(8)
    styles["Normal"].paragraph_format.line_spacing = 1.1

    address = styles.add_style("Letter Address", WD_STYLE_TYPE.PARAGRAPH)
    address.base_style = styles["Normal"]
    address.paragraph_format.space_after = Pt(0)
    subject = styles.add_style("Letter Subject", WD_STYLE_TYPE.PARAGRAPH)
    subject.base_style = styles["Normal"]
    subject.font.bold = True
    subject.paragraph_format.space_before = Pt(6)
    subject.paragraph_format.keep_with_next = True
    quote = styles["Quote"]
    quote.font.size = Pt(10.5)
    quote.font.color.rgb = RGBColor(*_NAVY)
    quote.paragraph_format.left_indent = Cm(1)
    quote.paragraph_format.right_indent = Cm(1)
    signature = styles.add_style("Signature Block", WD_STYLE_TYPE.PARAGRAPH)
    signature.base_style = styles["Normal"]
    signature.paragraph_format.space_after = Pt(0)
    signature.paragraph_format.keep_with_next = True

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = Cm(2.2)
    section.bottom_margin = Cm(2.0)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(0.9)
    text_width = section.page_width - section.left_margin - section.right_margin

    # Header: the partnership (and the subcommittee) at the top of every page
    head = section.header.paragraphs[0]
    head.style = styles["Header"]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = head.add_run(safe_text(subcommittee.partnership or subcommittee.name))
    run.bold = True
    run.font.size = Pt(13)
    run.font.color.rgb = RGBColor(*_NAVY)
    if subcommittee.partnership:
        sub = section.header.add_paragraph(style=styles["Header"])
        sub.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = sub.add_run(sc_name)
        run.font.size = Pt(9.5)
        run.font.color.rgb = RGBColor(*_GREY)

    # Footer: who it is from, and the page
    foot = section.footer.paragraphs[0]
    foot.style = styles["Footer"]
    stops = foot.paragraph_format.tab_stops
    for inherited in styles["Footer"].paragraph_format.tab_stops:
        stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    run = foot.add_run(safe_text(f"{subcommittee.short_name or subcommittee.name} — attendance (Terms of Reference 5)") + "\t")
    run.font.size = Pt(8.5)
    run.font.color.rgb = RGBColor(*_GREY)
    page_x_of_y(foot, Pt(8.5))

    # Addressee
    lines = [member.display_name, member.role_title, agency.name]
    if member.email:
        lines.append(member.email)
    for i, line in enumerate(lines):
        p = doc.add_paragraph(style=address)
        r = p.add_run(safe_text(line))
        r.bold = i == 0
    doc.add_paragraph(style=address)
    dated = doc.add_paragraph(long_date(today))
    dated.paragraph_format.space_before = Pt(6)

    doc.add_paragraph(f"Attendance at the {sc_name}", style=subject)
    doc.add_paragraph(safe_text(salutation(member.display_name)) + ",")

    doc.add_paragraph(
        f"I am writing on behalf of the {sc_name} about your attendance at its meetings from "
        f"{period_text(report)}. Our attendance register records the following for you:"
    )

    figures = [
        ("Meetings you were expected at", row.expected),
        ("Attended in person", row.present),
        ("Attended by your deputy" + (f" ({safe_text(member.deputy_name)})" if member.deputy_name else ""), row.deputy),
        ("Apologies sent", row.apologies),
        ("Absent without apologies", row.absent),
    ]
    if row.not_recorded:
        figures.append(("Not yet recorded in the register", row.not_recorded))
    table = doc.add_table(rows=0, cols=2)
    table.style = styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = (Cm(9.0), Cm(2.5))
    for label, value in figures + [("Your attendance rate", rate_text(row.rate, standard))]:
        cells = table.add_row().cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        left = cells[0].paragraphs[0]
        left.paragraph_format.space_after = Pt(0)
        right = cells[1].paragraphs[0]
        right.paragraph_format.space_after = Pt(0)
        right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        left_run, right_run = left.add_run(label), right.add_run(str(value))
        if label == "Your attendance rate":
            left_run.bold = right_run.bold = True
    from mqp_desktop.exporters.docx_house import grid_widths

    grid_widths(table, widths)

    rate = rate_text(row.rate, standard)
    counted = "in person or by your deputy" if report.deputy_counts_for_member else "in person"
    explain = (
        f"Your rate counts the meetings you attended {counted} out of those recorded, which gives {rate} — "
        f"below the subcommittee's standard of {standard}%."
    )
    if row.deputy and not report.deputy_counts_for_member:
        which = "The meeting your deputy attended counts" if row.deputy == 1 else (
            f"The {row.deputy} meetings your deputy attended count")
        explain += (
            f" {which} toward the attendance of {safe_text(agency.name)}, and we are grateful for "
            f"{'it' if row.deputy == 1 else 'them'}, but under the subcommittee's rules "
            f"{'it is' if row.deputy == 1 else 'they are'} not counted in your own rate."
        )
    spacer = doc.add_paragraph(explain)
    spacer.paragraph_format.space_before = Pt(10)

    tor = "Section 5 (Attendance) of the subcommittee's Terms of Reference"
    if subcommittee.tor_version:
        tor += f" ({safe_text(subcommittee.tor_version)})"
    doc.add_paragraph(f"{tor} says:")
    doc.add_paragraph(f"“{tor_attendance_text(standard)}”", style=quote)

    doc.add_paragraph(
        "The subcommittee can only hold partners to account when every agency is at the table, and decisions "
        "need a quorate meeting. I would therefore be grateful if you could reply by "
    ).add_run(f"{long_date(reply_by)}").bold = True
    ask = doc.paragraphs[-1]
    ask.add_run(" to confirm either:")
    for text in (
        "that you will be able to attend the subcommittee's meetings regularly from now on, sending your deputy "
        "when you cannot; or",
        f"the name, post and contact details of a permanent substitute from {safe_text(agency.name)} who will take "
        "your place on the subcommittee.",
    ):
        doc.add_paragraph(text, style="List Bullet")
    doc.add_paragraph(
        "If there are circumstances the subcommittee should be aware of, or if you believe the register is wrong, "
        "please let me know and it will be put right."
    )

    doc.add_paragraph("Yours sincerely,").paragraph_format.keep_with_next = True
    for _ in range(3):
        doc.add_paragraph(style=signature)  # room to sign
    if chair is not None and not chair.is_vacant:
        doc.add_paragraph(style=signature).add_run(safe_text(chair.display_name)).bold = True
        doc.add_paragraph(safe_text(chair.role_title), style=signature)
    else:
        placeholder = doc.add_paragraph(style=signature).add_run("[Chair's name and post]")
        placeholder.bold = True
        placeholder.font.highlight_color = WD_COLOR_INDEX.YELLOW
    last = doc.add_paragraph(f"Chair, on behalf of the {sc_name}", style=signature)
    last.paragraph_format.keep_with_next = False

    set_properties(doc, title=f"Attendance letter to {member.display_name}",
                   author=subcommittee.partnership or subcommittee.name,
                   subject=f"Attendance at the {subcommittee.name}, {period_text(report)} (Terms of Reference 5)",
                   keywords="attendance; permanent substitute; Terms of Reference", category="Letter",
                   comments="Drafted by MQ&P Desktop: read and adjust before sending.")
    return doc


def write_substitute_letters(
    report: AttendanceReport,
    subcommittee: Subcommittee,
    chair: Member | None,
    folder: Path | str,
    *,
    today: dt.date | None = None,
) -> list[Path]:
    """One letter per member below the standard, in ``folder``; the paths written, in report order.

    All or nothing (:func:`.files.write_all_or_nothing`): if one letter cannot be made or written, none
    is left in the folder and the letters there before are as they were.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ExportFileError(f"The folder '{folder}' does not exist.", "Choose an existing folder for the letters.")
    files = []
    used: set[str] = set()
    for row in report.members_below_standard:
        name = letter_file_name(row.member)
        n = 2
        while name.lower() in used:  # two members with the same name (or the same first 100 characters)
            name = letter_file_name(row.member).removesuffix(".docx") + f" ({n}).docx"
            n += 1
        used.add(name.lower())
        doc = _letter(row, report, subcommittee, chair, today)
        files.append((folder / name, lambda tmp, doc=doc: doc.save(str(tmp))))
    return write_all_or_nothing(files)


__all__ = [
    "letter_file_name",
    "salutation",
    "tor_attendance_text",
    "write_substitute_letter",
    "write_substitute_letters",
]
