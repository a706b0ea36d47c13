"""The chair-to-chair letter of a work transfer (ToR 8), in Word, ready to sign.

**From us** — our chair writes to the chair of the intended subcommittee: the work, the reason
for the transfer, the intended outcomes, the link to the partnership's priorities, and, for
Training, Workforce & Development (or whenever they are given), the projected costs "for
consideration"; the reply asked for by a date (the answer's due date once sent; before that, the
``transfer_answer_days`` setting from the letter's date), and the Executive named for a
disagreement (ToR 8).

**To us** — our chair's written answer to the chair who asked (ToR 8: "receiving chair will
confirm (in writing) whether work will be undertaken and if not, why not"), once the answer is
recorded.

Addressed, dated (the day it was written), with our reference (WT-2026-003), and the chair's
signature block with room to sign. A chair or name not recorded is a highlighted placeholder,
never a guess. Written in the **house template** (the ``house_template`` setting, see
:mod:`~mqp_desktop.exporters.docx_house`) when one is set: its styles, page, header (logo) and
footer; otherwise in the program's own style, as the attendance letters are.

python-docx is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.partnership import Answer, Direction, PartnershipBody, TransferState, WorkTransfer
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.docx_house import (
    clear_body,
    first_style,
    has_page_field,
    has_style,
    open_house_template,
    page_x_of_y,
    set_font,
    set_language,
    set_properties,
    stored_house_template,
)
from mqp_desktop.exporters.files import safe_file_name, safe_text, write_atomically
from mqp_desktop.exporters.letters import salutation

if TYPE_CHECKING:
    from mqp_desktop.domain.model import Member, Subcommittee
    from mqp_desktop.store.store import Store

_FONT = "Arial"
_NAVY = (0x1F, 0x38, 0x64)
_GREY = (0x59, 0x59, 0x59)


def _long(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def _period(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        words = {1: "one week", 2: "two weeks", 3: "three weeks", 4: "four weeks", 6: "six weeks", 8: "eight weeks"}
        return words.get(weeks, f"{weeks} weeks")
    return f"{days} days"


@dataclass(frozen=True)
class LetterFacts:
    """What the letter says, gathered from the store (plain data; the Word writing is :func:`_build`)."""

    transfer: WorkTransfer
    body: PartnershipBody
    subcommittee: Subcommittee
    chair: Member | None
    executive: str
    reply_by: dt.date
    answer_days: int

    @property
    def ours(self) -> str:
        return self.subcommittee.name

    @property
    def ours_short(self) -> str:
        return self.subcommittee.short_name or self.subcommittee.name


def letter_facts(store: Store, transfer_id: int, today: dt.date | None = None) -> LetterFacts:
    """The facts of the letter; an incoming transfer with no answer yet is refused (the answer is what the letter
    confirms)."""
    today = today or dt.date.today()
    repo = store.partnership
    t = repo.transfer(transfer_id)
    if t.direction is Direction.TO_US and t.answer is None:
        raise ValidationError("state", f"{t.reference} came to us and is not answered yet: record our answer "
                                       "(accepted, or declined and why) first; the letter confirms it (ToR 8).")
    if t.state is TransferState.WITHDRAWN:
        raise ValidationError("state", f"{t.reference} was withdrawn on {_long(t.withdrawn_on)}: there is no letter "
                                       "to write.")
    sc = store.subcommittee()
    chair = store.member(sc.chair.member_id) if sc.chair.member_id is not None else None
    days = repo.answer_days()
    reply_by = t.answer_due or (max(t.written_on or today, today) + dt.timedelta(days=days))
    return LetterFacts(transfer=t, body=repo.body(t.body_id), subcommittee=sc, chair=chair,
                       executive=repo.executive_name(today), reply_by=reply_by, answer_days=days)


def letter_file_name(t: WorkTransfer, body: PartnershipBody) -> str:
    """'Work transfer WT-2026-002 - letter to TWD.docx' (or '- answer to …'), safe on Windows."""
    what = "letter to" if t.direction is Direction.FROM_US else "answer to"
    return safe_file_name(f"Work transfer {t.reference} - {what} {body.label}", ".docx",
                          fallback=f"Work transfer {t.reference}")


def write_transfer_letter(store: Store, transfer_id: int, path: Path | str, *, house_template: Path | None = None,
                          use_house_template: bool = True, today: dt.date | None = None) -> Path:
    """Write the letter of a transfer as a Word document at ``path``; returns the path written.

    ``house_template`` (a .docx or .dotx) is used for this letter; without it the one in the settings,
    unless ``use_house_template`` is false (the program's own style)."""
    facts = letter_facts(store, transfer_id, today)
    if house_template is not None:
        template = open_house_template(house_template)
    else:
        stored = stored_house_template(store) if use_house_template else None
        template = open_house_template(stored[1], stored[0]) if stored is not None else None
    doc = _build(facts, template)
    return write_atomically(Path(path), lambda tmp: doc.save(str(tmp)))


# --- writing ----------------------------------------------------------------------------------------

def _build(f: LetterFacts, template):
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    own_style = template is None
    if own_style:
        doc = docx.Document()
        set_language(doc, "en-GB")
        for name in ("Normal", "Header", "Footer", "List Bullet"):
            set_font(doc.styles[name], _FONT)
        doc.styles["Normal"].font.size = Pt(11)
        doc.styles["Normal"].paragraph_format.space_after = Pt(6)
        doc.styles["Normal"].paragraph_format.line_spacing = 1.05
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = Cm(2.2)
        section.bottom_margin = Cm(2.0)
        section.header_distance = Cm(1.0)
        section.footer_distance = Cm(0.9)
    else:
        doc = template
        clear_body(doc)
        section = doc.sections[-1]
    styles = doc.styles
    text_width = section.page_width - section.left_margin - section.right_margin

    def style(name: str, *, space_after: float = 0, bold: bool = False, space_before: float = 0):
        if has_style(doc, name):
            return styles[name]
        made = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        made.base_style = styles["Normal"]
        made.paragraph_format.space_after = Pt(space_after)
        if space_before:
            made.paragraph_format.space_before = Pt(space_before)
        if bold:
            made.font.bold = True
            made.paragraph_format.keep_with_next = True
        return made

    address = style("Letter Address")
    subject_style = style("Letter Subject", bold=True, space_before=6, space_after=8)
    heading = style("Letter Heading", bold=True, space_before=8, space_after=2)
    signature = style("Signature Block")
    bullet_style = first_style(doc, "List Bullet")

    def placeholder(paragraph, text: str):
        run = paragraph.add_run(text)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        return run

    def paragraphs(text: str) -> None:
        """The typed text: its paragraphs kept, lines starting '- ' or '• ' as bullets."""
        for line in (text or "").split("\n"):
            line = line.strip()
            if not line:
                continue
            if line[:2] in ("- ", "• ", "* "):
                if bullet_style is not None:
                    doc.add_paragraph(safe_text(line[2:].strip()), style=bullet_style)
                else:
                    doc.add_paragraph("• " + safe_text(line[2:].strip()))
            else:
                doc.add_paragraph(safe_text(line))

    sc, t, body = f.subcommittee, f.transfer, f.body
    sc_name = safe_text(sc.name)

    if own_style:  # a house template brings its own header (logo) and footer
        head = section.header.paragraphs[0]
        head.style = styles["Header"]
        head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = head.add_run(safe_text(sc.partnership or sc.name))
        run.bold = True
        run.font.size = Pt(13)
        run.font.color.rgb = RGBColor(*_NAVY)
        if sc.partnership:
            sub = section.header.add_paragraph(style=styles["Header"])
            sub.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = sub.add_run(sc_name)
            run.font.size = Pt(9.5)
            run.font.color.rgb = RGBColor(*_GREY)

    # the addressee: the other body's chair
    p = doc.add_paragraph(style=address)
    if body.chair_name:
        p.add_run(safe_text(body.chair_name)).bold = True
    else:
        placeholder(p, "[Chair's name]").bold = True
    doc.add_paragraph(f"Chair, {safe_text(body.name)}", style=address)
    if sc.partnership:
        doc.add_paragraph(safe_text(sc.partnership), style=address)
    if body.chair_email:
        doc.add_paragraph(safe_text(body.chair_email), style=address)
    doc.add_paragraph(style=address)
    p = doc.add_paragraph(f"Our reference: {t.reference}", style=address)
    dated = doc.add_paragraph(_long(t.written_on))
    dated.paragraph_format.space_before = Pt(6)

    greeting = salutation(body.chair_name) if body.chair_name else "Dear Chair"
    if t.direction is Direction.FROM_US:
        doc.add_paragraph(safe_text(f"Transfer of work to the {body.name}"), style=subject_style)
        doc.add_paragraph(safe_text(greeting) + ",")
        doc.add_paragraph(
            f"I am writing on behalf of the {sc_name} to ask the {safe_text(body.name)} to take on a piece of work "
            "the subcommittee has identified, as section 8 of our Terms of Reference sets out for work that moves "
            "between subcommittees.")
        doc.add_paragraph("The work", style=heading)
        paragraphs(t.work)
        doc.add_paragraph("Why we are asking you to take it on", style=heading)
        paragraphs(t.reason)
        doc.add_paragraph("Intended outcomes", style=heading)
        paragraphs(t.outcomes)
        doc.add_paragraph("Link to the partnership's priorities", style=heading)
        partnership = safe_text(sc.partnership) if sc.partnership else "the partnership"
        if not partnership.lower().startswith("the "):
            partnership = f"the {partnership}"
        if t.priorities:
            doc.add_paragraph(f"The work serves these priorities of {partnership}:")
            for priority in t.priorities:
                if bullet_style is not None:
                    doc.add_paragraph(safe_text(priority), style=bullet_style)
                else:
                    doc.add_paragraph("• " + safe_text(priority))
        else:
            placeholder(doc.add_paragraph(), "[The partnership priorities this work serves]")
        if t.projected_costs or body.training_workforce:
            doc.add_paragraph("Projected costs", style=heading)
            if t.projected_costs:
                doc.add_paragraph("For your subcommittee's consideration, the projected costs are:")
                paragraphs(t.projected_costs)
            else:
                placeholder(doc.add_paragraph(), "[Projected costs, for the subcommittee's consideration]")
        ask = doc.add_paragraph(
            "Our Terms of Reference ask the receiving chair to confirm in writing whether the work will be "
            "undertaken and, if not, why not. I would be grateful for your reply within "
            f"{_period(f.answer_days)}, by ")
        ask.paragraph_format.space_before = Pt(8)
        ask.add_run(_long(f.reply_by)).bold = True
        ask.add_run(".")
        doc.add_paragraph(
            f"Should our subcommittees not agree how this work should move, section 8 provides for the question to "
            f"be escalated to {safe_text(f.executive)} for agreement. I would be glad to talk it through with you "
            "before then.").paragraph_format.keep_with_next = True  # never a signature alone on a page
    else:
        doc.add_paragraph(safe_text(f"Your request to transfer work to the {sc.name}"), style=subject_style)
        doc.add_paragraph(safe_text(greeting) + ",")
        doc.add_paragraph(f"Thank you for your letter of {_long(t.written_on)} asking the {sc_name} to take on the "
                          "following work:")
        paragraphs(t.work)
        if t.answer is Answer.ACCEPTED:
            doc.add_paragraph(f"I am writing, as section 8 of our Terms of Reference asks, to confirm that the "
                              f"{sc_name} will undertake this work.").paragraph_format.space_before = Pt(8)
            if t.answer_reason:
                paragraphs(t.answer_reason)
        else:
            doc.add_paragraph(f"I am writing, as section 8 of our Terms of Reference asks, to confirm that the "
                              f"{sc_name} is not able to undertake this work, for this reason:"
                              ).paragraph_format.space_before = Pt(8)
            paragraphs(t.answer_reason)
            doc.add_paragraph(f"If your subcommittee does not agree, section 8 provides for the question to be "
                              f"escalated to {safe_text(f.executive)} for agreement.")
        doc.paragraphs[-1].paragraph_format.keep_with_next = True  # never a signature alone on a page
    doc.add_paragraph("Yours sincerely,").paragraph_format.keep_with_next = True
    for _ in range(3):
        doc.add_paragraph(style=signature).paragraph_format.keep_with_next = True  # room to sign
    if f.chair is not None and not f.chair.is_vacant:
        p = doc.add_paragraph(style=signature)
        p.add_run(safe_text(f.chair.display_name)).bold = True
        p.paragraph_format.keep_with_next = True
        doc.add_paragraph(safe_text(f.chair.role_title), style=signature).paragraph_format.keep_with_next = True
    else:
        p = doc.add_paragraph(style=signature)
        placeholder(p, "[Chair's name and post]").bold = True
        p.paragraph_format.keep_with_next = True
    doc.add_paragraph(f"Chair, {sc_name}", style=signature)

    footer = section.footer
    has_own_footer = not own_style and (any(p.text.strip() for p in footer.paragraphs) or has_page_field(footer.part))
    if not has_own_footer or not has_page_field(footer.part):
        foot = footer.paragraphs[-1] if not has_own_footer else footer.add_paragraph()
        footer_style = first_style(doc, "Footer")
        if footer_style is not None:
            foot.style = footer_style
            for inherited in footer_style.paragraph_format.tab_stops:
                foot.paragraph_format.tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
        foot.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        run = foot.add_run(safe_text(f"{f.ours_short} — work transfer {t.reference} (Terms of Reference 8)") + "\t")
        run.font.size = Pt(8.5)
        run.font.color.rgb = RGBColor(*_GREY)
        page_x_of_y(foot, Pt(8.5))

    what = "Letter" if t.direction is Direction.FROM_US else "Answer"
    set_properties(doc, title=f"{what} to the chair of the {body.name}: work transfer {t.reference}",
                   author=sc.partnership or sc.name,
                   subject=f"Work transfer {t.reference}: {t.title} (Terms of Reference 8)",
                   keywords="work transfer; subcommittee; Terms of Reference 8", category="Letter",
                   comments="Drafted by MQ&P Desktop: read, sign and send.")
    return doc


__all__ = ["LetterFacts", "letter_facts", "letter_file_name", "write_transfer_letter"]
