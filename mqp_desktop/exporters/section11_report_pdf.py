"""The Section 11 round summary as PDF (see section11_report): for the Executive's papers.

reportlab is imported inside the functions that need it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mqp_desktop.domain.section11 import AuditReturn, Basis, RatingScale, ReturnStatus, ScaleKind
from mqp_desktop.domain.section11_analysis import Trend, standard_score
from mqp_desktop.exporters.files import safe_text, write_atomically, xml_escape
from mqp_desktop.exporters.pdf_document import HeldMarks, new_document, outlined
from mqp_desktop.exporters.section11_report_data import (
    RoundReport,
    _author,
    _not_returned_words,
    _standings_in_order,
    _subject,
    _title,
)
from mqp_desktop.exporters.section11_report_words import (
    _GREY,
    _NAVY,
    _OVERDUE_FILL,
    _OVERDUE_TEXT,
    _STATUS_ORDER,
    BASIS_WORDS,
    NOT_RATED,
    STATUS_WORDS,
    _trim,
    figure_text,
    legend_entries,
    long_date,
    percent_fill,
    plural,
    scale_words,
    score_fill,
    score_text,
    short_date,
    shorten,
    trend_word,
    units_text,
    value_fill,
    value_text,
)

_FRAME_PAD = 6  # points: platypus frames' default padding inside the margins


def write_round_summary_pdf(report: RoundReport, path: Path | str) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        KeepTogether,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from mqp_desktop.exporters.pdf_fonts import register_fonts

    font, bold = register_fonts()
    rnd, scale, today = report.round, report.scale, report.today
    navy = colors.HexColor("#" + _NAVY)
    grey = colors.HexColor("#" + _GREY)
    rule = colors.HexColor("#A6A6A6")
    pale = colors.HexColor("#D9E2F3")
    overdue_fill = colors.HexColor("#" + _OVERDUE_FILL)
    overdue_hex = "#" + _OVERDUE_TEXT

    def hexc(rgb: str):
        return colors.HexColor("#" + rgb)

    def esc(text: str) -> str:
        return xml_escape(safe_text(text))

    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5)
    small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.2, textColor=grey)
    kicker = ParagraphStyle("kicker", parent=base, fontSize=10, leading=13, textColor=grey)
    title_style = ParagraphStyle("title", parent=base, fontName=bold, fontSize=17, leading=21, textColor=navy,
                                 spaceBefore=2, spaceAfter=3)
    h1 = ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12.5, leading=15.5, textColor=navy,
                        spaceBefore=8, spaceAfter=4)
    h2 = ParagraphStyle("h2", parent=base, fontName=bold, fontSize=10, leading=12.5, textColor=navy,
                        spaceBefore=6, spaceAfter=3)
    cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=9.8)
    cell_small = ParagraphStyle("cells", parent=cell, fontSize=7.0, leading=8.4)
    cell_bold = ParagraphStyle("cellb", parent=cell, fontName=bold)
    cell_num = ParagraphStyle("celln", parent=cell, alignment=TA_RIGHT)
    cell_mid = ParagraphStyle("cellm", parent=cell, alignment=TA_CENTER)
    cell_mid_bold = ParagraphStyle("cellmb", parent=cell_mid, fontName=bold)
    head = ParagraphStyle("head", parent=cell, fontName=bold, textColor=colors.white, fontSize=7.5, leading=9)
    head_mid = ParagraphStyle("headm", parent=head, alignment=TA_CENTER)
    head_num = ParagraphStyle("headn", parent=head, alignment=TA_RIGHT)
    box_head = ParagraphStyle("boxh", parent=base, fontName=bold, fontSize=10, leading=12.5, textColor=colors.white)
    box_line = ParagraphStyle("boxl", parent=base, fontSize=8.8, leading=11.2, spaceAfter=1.5)
    box_big = ParagraphStyle("boxbig", parent=base, fontName=bold, fontSize=11, leading=14, spaceAfter=2)
    fact_key = ParagraphStyle("factk", parent=cell, fontName=bold, textColor=grey)

    margin = 1.6 * cm
    portrait, wide = A4, landscape(A4)
    top, bottom = 1.5 * cm, 2.0 * cm

    def frame_width(size) -> float:
        return size[0] - 2 * margin - 2 * _FRAME_PAD

    text_w, wide_w = frame_width(portrait), frame_width(wide)
    who = report.subcommittee.short_name or report.subcommittee.name if report.subcommittee else ""
    footer_left = f"{rnd.name} \u00b7 round summary as at {today:%d/%m/%Y}" + (f" \u00b7 {who}" if who else "")

    class NumberedCanvas(HeldMarks, rl_canvas.Canvas):
        """Holds each page until the end, so the footer can say 'Page n of N' (pages may differ in size), and
        makes each page's bookmarks when it is written."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = font  # not Helvetica, which is not embedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self.held_page()
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.write_marks()
                page_w = self._pagesize[0]
                self.setFont(font, 7.5)
                self.setFillColor(grey)
                left, right = margin + _FRAME_PAD, page_w - margin - _FRAME_PAD
                self.drawString(left, 1.1 * cm, safe_text(footer_left))
                self.drawRightString(right, 1.1 * cm, f"Page {self._pageNumber} of {total}")
                self.setStrokeColor(colors.HexColor("#BFBFBF"))
                self.setLineWidth(0.5)
                self.line(left, 1.45 * cm, right, 1.45 * cm)
                super().showPage()
            super().save()

    table_style = [
        ("FONT", (0, 0), (-1, -1), font, 8),  # a Table's own default is Helvetica, not embedded
        ("BACKGROUND", (0, 0), (-1, 0), navy),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, rule),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ]

    def P(text: str, style=cell) -> Paragraph:
        return Paragraph(text, style)

    def grid_table(rows, widths, extra=(), repeat=1) -> Table:
        return Table(rows, colWidths=widths, repeatRows=repeat, style=TableStyle(table_style + list(extra)),
                     hAlign="LEFT")

    def red(text: str) -> str:
        return f'<font color="{overdue_hex}"><b>{text}</b></font>'

    story: list = []
    counts = {s: len(report.returns_in(s)) for s in ReturnStatus}
    not_returned = report.not_returned
    overdue_returns = report.returns_in(ReturnStatus.OVERDUE)
    overdue_actions = report.overdue_actions
    weakest = report.weakest

    # ----- page 1: the summary a chair reads in ten seconds ------------------------------------
    sc = report.subcommittee
    if sc is not None:
        story.append(P(esc(" \u00b7 ".join(x for x in (sc.partnership, sc.name) if x)), kicker))
    story.append(outlined(P(esc(rnd.name) + ": round summary", title_style), "Round summary"))
    story.append(P(f"Section 11 self-assessment audit (ToR 7.8) \u00b7 as at {long_date(today)}", kicker))
    story.append(Spacer(1, 6))
    facts = [
        ("Framework", (f"{esc(rnd.framework_name)} (version {rnd.framework_version}), "
                      f"{plural(len(rnd.standards), 'standard')}")),
        ("Scale", esc(scale_words(scale))),
        ("Issued", long_date(rnd.issued)),
        ("Deadline", long_date(rnd.deadline)),
        ("Panel", ", ".join(long_date(d) for d in rnd.panel_dates) or "no panel date set"),
        ("Ratings used", esc(BASIS_WORDS[report.basis]).capitalize()),
    ]
    fact_rows = []
    for i in range(0, len(facts), 2):
        pair = facts[i:i + 2]
        row = []
        for k, v in pair:
            row += [P(k, fact_key), P(v, cell)]
        fact_rows.append(row + [""] * (4 - len(row)))
    story.append(Table(fact_rows, colWidths=[2.2 * cm, text_w / 2 - 2.2 * cm] * 2, hAlign="LEFT",
                       style=TableStyle([("FONT", (0, 0), (-1, -1), font, 8), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                         ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])))
    story.append(Spacer(1, 8))

    def box(heading: str, lines: list, accent) -> Table:
        rows = [[P(heading, box_head)]] + [[line] for line in lines]
        return Table(rows, colWidths=[text_w], hAlign="LEFT", style=TableStyle([
            ("FONT", (0, 0), (-1, -1), font, 8.8),
            ("BACKGROUND", (0, 0), (-1, 0), accent),
            ("BOX", (0, 0), (-1, -1), 0.8, accent),
            ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, 0), 3.5), ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ("TOPPADDING", (0, 1), (-1, 1), 4), ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
        ]))

    # Returns
    received = counts[ReturnStatus.RECEIVED] + counts[ReturnStatus.REVIEWED]
    lines = [P(f"{received} of {len(report.returns)} returns received"
               + (f" \u2014 {red(plural(len(overdue_returns), 'overdue return'))}" if overdue_returns else ""),
               box_big),
             P(f"Reviewed by the panel {counts[ReturnStatus.REVIEWED]} \u00b7 received, awaiting panel "
               f"{counts[ReturnStatus.RECEIVED]} \u00b7 outstanding (deadline not passed) "
               f"{counts[ReturnStatus.OUTSTANDING]} \u00b7 overdue {counts[ReturnStatus.OVERDUE]}"
               + (f" \u00b7 not issued yet {counts[ReturnStatus.NOT_ISSUED]}" if counts[ReturnStatus.NOT_ISSUED]
                  else ""), box_line)]
    if not_returned:
        lines.append(P("<b>Not returned:</b>", box_line))
        for r in not_returned:
            name = esc(report.agency_name(r.agency_id))
            words = esc(_not_returned_words(report, r))
            lines.append(P(f"\u2022 {red(name) if report.state(r) is ReturnStatus.OVERDUE else '<b>' + name + '</b>'}"
                           f" \u2014 {words}", box_line))
    else:
        lines.append(P("Every agency asked has returned.", box_line))
    story.append(box("Who has not returned", lines, navy))
    story.append(Spacer(1, 7))

    # Weakest standards
    lines = []
    if weakest:
        for w in weakest[:3]:
            lowest = ", ".join(esc(report.agency_label(a)) for a in w.lowest_agency_ids)
            lines.append(P(f"<b>{w.number}. {esc(w.title)}</b> \u2014 mean {figure_text(w.mean_percent, scale)} "
                           f"across {plural(w.agencies_rated, 'agency', 'agencies')}; lowest "
                           f"{_trim(units_text(w.lowest_percent, scale))}: {lowest}", box_line))
        lines.append(P(f"Standards ranked by their mean over the agencies that have rated them "
                       f"({esc(report.basis.value)} ratings; n/a left out). All standards: page 2; the grid: "
                       "the landscape pages.", small))
    else:
        lines.append(P("No ratings yet.", box_line))
    story.append(box("Weakest standards across agencies", lines, navy))
    story.append(Spacer(1, 7))

    # Overdue actions
    lines = []
    shown_actions = overdue_actions[:6]
    for a in shown_actions:
        std = f" (standard {a.standard})" if a.standard else ""
        lines.append(P(f"\u2022 <b>{esc(report.agency_of(a))}</b>{std}: {esc(shorten(a.action, 110))} \u2014 "
                       f"{esc(a.owner) + ', ' if a.owner else ''}due {short_date(a.due)}, "
                       f"{red(plural(report.action_days_overdue(a), 'day') + ' overdue')}", box_line))
    if len(overdue_actions) > len(shown_actions):
        lines.append(P(f"\u2026 and {len(overdue_actions) - len(shown_actions)} more, listed with the details.",
                       box_line))
    if not overdue_actions:
        lines.append(P("None in this round's action plans: every item due so far is done or dropped.", box_line))
    earlier = report.earlier_overdue
    if earlier:
        per_agency: dict[str, int] = {}
        for e in earlier:
            label = report.agency_label(e.agency_id)
            per_agency[label] = per_agency.get(label, 0) + 1
        lines.append(P(f"<b>Still overdue from earlier rounds' plans:</b> {plural(len(earlier), 'item')} \u2014 "
                       + ", ".join(f"{esc(k)} {v}" for k, v in per_agency.items()) + " (listed with the details)",
                       box_line))
    heading = f"Overdue action-plan items ({len(overdue_actions)}"
    heading += f", and {len(earlier)} from earlier rounds)" if earlier else ")"
    story.append(box(heading, lines, hexc(_OVERDUE_TEXT) if overdue_actions or earlier else navy))
    story.append(Spacer(1, 7))

    # Since the previous round
    if report.comparison and report.previous:
        t = report.trend_counts()
        lines = [P(f"Agency \u00d7 standard: <b>{t[Trend.IMPROVED]} improved</b>, {t[Trend.SAME]} the same, "
                   f"<b>{t[Trend.WORSE]} worse</b>, {t[Trend.NOT_COMPARABLE]} not comparable "
                   "(not returned, not rated or n/a in either round).", box_line)]
        for c in report.notable_changes(4):
            word = "Up" if c.trend is Trend.IMPROVED else "Down"
            lines.append(P(f"\u2022 {word}: {esc(report.change_text(c))}", box_line))
        story.append(box(f"Since {esc(report.previous.name)}", lines, navy))
    else:
        story.append(box("Since the previous round", [P("This is the first round: nothing to compare with.",
                                                        box_line)], navy))

    # ----- the details ---------------------------------------------------------------------
    story.append(PageBreak())
    story.append(outlined(P("Returns", h1), "Returns"))
    rows = [[P(h, head) for h in ("Agency", "Status", "Received", "Reviewed", "Reminders", "Lead contact")]
            + [P("Overall", head_num)]]
    extra = []
    ordered = sorted(report.returns, key=lambda r: (_STATUS_ORDER[report.state(r)],
                                                    report.agency_label(r.agency_id).casefold()))
    for r in ordered:
        state = report.state(r)
        status_text = STATUS_WORDS[state] + (f" ({report.days_overdue(r)} days)" if state is ReturnStatus.OVERDUE
                                             else "")
        reminders = ", ".join(short_date(m.sent_on) for m in r.reminders)
        rows.append([P(esc(report.agency_name(r.agency_id))),
                     P(red(status_text) if state is ReturnStatus.OVERDUE else status_text),
                     P(short_date(r.received)), P(short_date(r.reviewed)), P(reminders, cell_small),
                     P(esc(r.lead_name) or '<font color="#595959">none recorded</font>', cell_small),
                     P(units_text(report.status.summaries[r.agency_id].percent, scale), cell_num)])
        if state is ReturnStatus.OVERDUE:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), overdue_fill))
    story.append(grid_table(rows, [4.6 * cm, 2.7 * cm, 1.8 * cm, 1.8 * cm, 2.2 * cm, 2.6 * cm,
                                   text_w - 15.7 * cm], extra))
    story.append(P(f"Overall: the mean of the agency's standards ({esc(_units_words(scale))}); n/a and unrated "
                   "standards left out.", small))

    story.append(outlined(P("Standards across agencies, weakest first", h1), "Standards across agencies, weakest first"))
    rows = [[P("Std", head), P("Standard", head), P("Mean", head_num), P("Rated by", head_num),
             P("n/a", head_num), P("Lowest", head), P(f"Mean in {esc(report.previous.name)}", head_num)
             if report.previous else P("", head)]]
    extra = []
    for w in report.status.weakest:
        prev = report.previous_standings.get(w.number)
        lowest = (f"{_trim(units_text(w.lowest_percent, scale))}: "
                  + ", ".join(esc(report.agency_label(a)) for a in w.lowest_agency_ids)) if w.lowest_agency_ids else ""
        rows.append([P(str(w.number), cell_mid), P(esc(w.title)), P(units_text(w.mean_percent, scale), cell_num),
                     P(str(w.agencies_rated), cell_num), P(str(w.not_applicable or ""), cell_num),
                     P(lowest, cell_small),
                     P(units_text(prev.mean_percent, report.previous.rating_scale) if prev and report.previous
                       else "", cell_num)])
        extra.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1),
                      hexc(percent_fill(w.mean_percent, scale))))
    story.append(grid_table(rows, [0.9 * cm, 6.6 * cm, 1.3 * cm, 1.5 * cm, 1.0 * cm, 3.4 * cm,
                                   text_w - 14.7 * cm], extra))

    story.append(CondPageBreak(4 * cm))
    story.append(outlined(P(f"Overdue action-plan items ({len(overdue_actions)})", h1),
                          f"Overdue action-plan items ({len(overdue_actions)})"))
    if overdue_actions:
        rows = [[P(h, head) for h in ("Agency", "Std", "Action", "Owner", "Due", "Overdue by", "Status")]]
        for a in overdue_actions:
            rows.append([P(esc(report.agency_of(a))), P(str(a.standard or ""), cell_mid), P(esc(a.action)),
                         P(esc(a.owner), cell_small), P(short_date(a.due)),
                         P(red(plural(report.action_days_overdue(a), "day"))), P(a.status.value)])
        story.append(grid_table(rows, [2.6 * cm, 0.9 * cm, 6.4 * cm, 2.5 * cm, 1.9 * cm, 1.7 * cm,
                                       text_w - 16.0 * cm]))
    else:
        story.append(P("None.", base))
    if earlier:
        story.append(CondPageBreak(4 * cm))
        story.append(outlined(P(f"Still overdue from earlier rounds ({len(earlier)})", h2),
                              f"Still overdue from earlier rounds ({len(earlier)})", 1))
        rows = [[P(h, head) for h in ("Agency", "Round", "Std", "Action", "Owner", "Due", "Overdue by")]]
        for e in earlier:
            a = e.item
            rows.append([P(esc(report.agency_label(e.agency_id))), P(esc(e.round_name), cell_small),
                         P(str(a.standard or ""), cell_mid), P(esc(a.action), cell_small), P(esc(a.owner), cell_small),
                         P(short_date(a.due)), P(red(plural(report.action_days_overdue(a), "day")))])
        story.append(grid_table(rows, [2.6 * cm, 2.6 * cm, 0.9 * cm, text_w - 12.8 * cm, 2.4 * cm, 2.0 * cm,
                                       2.3 * cm]))
        story.append(CondPageBreak(5 * cm))
        story.append(outlined(P(f"Change since {esc(report.previous.name)}", h1),
                              f"Change since {report.previous.name}"))
        by_std = report.comparison.by_standard()
        rows = [[P("Std", head), P("Standard", head), P("Improved", head_num), P("Same", head_num),
                 P("Worse", head_num), P("Not comparable", head_num)]]
        for s in rnd.standards:
            c = by_std.get(s.number, {})
            rows.append([P(str(s.number), cell_mid), P(esc(shorten(s.title, 80))),
                         P(str(c.get(Trend.IMPROVED, 0)), cell_num), P(str(c.get(Trend.SAME, 0)), cell_num),
                         P(str(c.get(Trend.WORSE, 0)), cell_num), P(str(c.get(Trend.NOT_COMPARABLE, 0)), cell_num)])
        story.append(grid_table(rows, [0.9 * cm, text_w - 0.9 * cm - 4 * 2.1 * cm] + [2.1 * cm] * 4))
        notable = report.notable_changes(8)
        if notable:
            story.append(outlined(P("The biggest changes", h2), "The biggest changes", 1))
            for c in notable:
                word = "Up" if c.trend is Trend.IMPROVED else "Down"
                story.append(P(f"\u2022 {word}: {esc(report.change_text(c))}", base))
        story.append(P("Each round is scored on its own scale and compared as a percentage of the scale's top, so "
                       "rounds on different scales can be compared. 'Not comparable': no return, not rated or n/a "
                       "in either round.", small))

    # ----- the grid ------------------------------------------------------------------------
    story.append(NextPageTemplate("landscape"))
    story.append(PageBreak())
    story.append(outlined(P(f"Ratings by agency and standard \u2014 {esc(rnd.name)}", h1), "Ratings by agency and standard"))
    story.append(P(f"Ratings used: {esc(BASIS_WORDS[report.basis])}. Each cell shows the value and is coloured by it; "
                   "the key is below the grid.", small))
    story.append(Spacer(1, 4))
    standards = rnd.standards
    n = len(standards)
    agency_w, status_w, overall_w = 5.4 * cm, 2.6 * cm, 1.7 * cm
    std_w = (wide_w - agency_w - status_w - overall_w) / max(n, 1)
    head_rows = [[P("Agency", head), P("Return", head)]
                 + [P(f"{s.number}", head_mid) for s in standards] + [P("Overall", head_mid)],
                 [P("", head), P("", head)]
                 + [P(esc(shorten(s.title, 44 if std_w < 3 * cm else 70)),
                      ParagraphStyle("gh", parent=head_mid, fontName=font, fontSize=6.2, leading=7.2))
                    for s in standards] + [P("", head)]]
    rows = list(head_rows)
    extra = [("BACKGROUND", (0, 0), (-1, 1), navy), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
             ("SPAN", (-1, 0), (-1, 1)), ("VALIGN", (0, 0), (-1, 1), "TOP"),
             ("LINEBELOW", (0, 0), (-1, 0), 0, navy)]
    for ret in report.returns:
        state = report.state(ret)
        summary = report.status.summaries[ret.agency_id]
        row = [P(esc(report.agency_name(ret.agency_id)), cell),
               P(red(STATUS_WORDS[state]) if state is ReturnStatus.OVERDUE else STATUS_WORDS[state], cell_small)]
        r = len(rows)
        for k, s in enumerate(standards):
            score = report.grid.get((ret.agency_id, s.number))
            row.append(P(score_text(score, scale), cell_mid_bold if score and score.rated else cell_mid))
            extra.append(("BACKGROUND", (2 + k, r), (2 + k, r), hexc(score_fill(score, scale))))
        row.append(P(units_text(summary.percent, scale), cell_mid_bold))
        extra.append(("BACKGROUND", (2 + n, r), (2 + n, r), hexc(percent_fill(summary.percent, scale))))
        rows.append(row)
    mean_row = [P("<b>All agencies (mean)</b>", cell), P("", cell)]
    r = len(rows)
    for k, w in enumerate(_standings_in_order(report)):
        mean_row.append(P(units_text(w.mean_percent, scale), cell_mid_bold))
        extra.append(("BACKGROUND", (2 + k, r), (2 + k, r), hexc(percent_fill(w.mean_percent, scale))))
    mean_row.append(P("", cell))
    rows.append(mean_row)
    extra.append(("LINEABOVE", (0, r), (-1, r), 1.2, navy))
    story.append(Table(rows, colWidths=[agency_w, status_w] + [std_w] * n + [overall_w], repeatRows=2,
                       style=TableStyle(table_style + extra), hAlign="LEFT"))
    story.append(Spacer(1, 6))

    # The key: swatches with their printed values, then what the numbers mean
    entries = legend_entries(scale)
    swatch_row, meaning_row, swatch_style = [], [], []
    for i, (colour, shown, meaning) in enumerate(entries):
        swatch_row.append(P(f"<b>{esc(shown)}</b>", cell_mid))
        meaning_row.append(P(esc(meaning), cell_small))
        swatch_style.append(("BACKGROUND", (i, 0), (i, 0), hexc(colour)))
    key_w = min(3.2 * cm, wide_w / len(entries))
    key = Table([swatch_row, meaning_row], colWidths=[key_w] * len(entries), hAlign="LEFT",
                style=TableStyle([("FONT", (0, 0), (-1, -1), font, 8), ("BOX", (0, 0), (-1, 0), 0.4, rule),
                                  ("INNERGRID", (0, 0), (-1, 0), 0.4, rule), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
                                 + swatch_style))
    key_notes = [
        P(f"<b>Key</b> \u2014 {esc(scale_words(scale))}", cell),
        key,
        P("A standard rated by its sub-criteria, the Overall column and the mean row show a mean "
          + ("score (0\u20133, one decimal)" if scale.kind is ScaleKind.SCORE_0_3 else "percentage")
          + ", coloured by the nearest value on the scale. \u2014 not rated (including returns not yet received); "
          "n/a not applicable, left out of every total.", small),
        Spacer(1, 3),
        P("<b>Standards</b>: " + " \u00b7 ".join(f"<b>{s.number}</b> {esc(s.title)}" for s in standards), small),
    ]
    story.append(KeepTogether(key_notes))

    # ----- one page per agency -----------------------------------------------------------
    story.append(NextPageTemplate("portrait"))
    for n, ret in enumerate(report.returns):
        story.append(PageBreak())
        page = _agency_page(report, ret, P, esc, red, grid_table, text_w, cm, hexc, colors,
                                  {"h1": h1, "h2": h2, "cell": cell, "small": small, "cell_small": cell_small,
                                       "cell_mid": cell_mid, "cell_mid_bold": cell_mid_bold, "head": head,
                                       "head_mid": head_mid, "fact_key": fact_key, "kicker": kicker, "cell_bold": cell_bold},
                                  overdue_fill, pale)
        if n == 0:  # the agencies' pages under one bookmark, going to the first
            outlined(page[0], "Agencies' returns, one page each")
        story.extend(page)

    def write(tmp: Path) -> None:
        doc = new_document(
            str(tmp), base=BaseDocTemplate, pagesize=portrait, leftMargin=margin, rightMargin=margin, topMargin=top, bottomMargin=bottom,
            title=safe_text(_title(report)), author=_author(report), subject=safe_text(_subject(report)),
            keywords="Section 11; safeguarding children partnership; audit",
        )
        doc.addPageTemplates([
            PageTemplate(id="portrait", pagesize=portrait,
                         frames=[Frame(margin, bottom, portrait[0] - 2 * margin, portrait[1] - top - bottom,
                                       id="p")]),
            PageTemplate(id="landscape", pagesize=wide,
                         frames=[Frame(margin, bottom, wide[0] - 2 * margin, wide[1] - top - bottom, id="l")]),
        ])
        doc.build(story, canvasmaker=NumberedCanvas)

    return write_atomically(Path(path), write)


def _units_words(scale: RatingScale) -> str:
    if scale.kind is ScaleKind.SCORE_0_3:
        return "a 0\u20133 score"
    return "a percentage" + (" (red 0%, amber 50%, green 100%)" if scale.kind is ScaleKind.RAG else "")


def _agency_page(report: RoundReport, ret: AuditReturn, P, esc, red, grid_table, text_w, cm, hexc, colors,
                 st, overdue_fill, pale) -> list:
    """The flowables of one agency's page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    rnd, scale, today = report.round, report.scale, report.today
    state = report.state(ret)
    agency = report.agencies.get(ret.agency_id)
    out: list = []
    out.append(P(esc(rnd.name) + " \u00b7 agency return", st["kicker"]))
    label = agency.short_name if agency and agency.short_name and agency.short_name != agency.name else ""
    out.append(outlined(Paragraph(esc(report.agency_name(ret.agency_id)) + (f" ({esc(label)})" if label else ""),
                                  st["h1"]), report.agency_name(ret.agency_id), 1))

    summary = report.status.summaries[ret.agency_id]
    status_text = STATUS_WORDS[state]
    if state is ReturnStatus.OVERDUE:
        status_text = red(f"Overdue \u2014 {plural(report.days_overdue(ret), 'day')} past the deadline")
    elif state is ReturnStatus.OUTSTANDING:
        status_text = f"Outstanding \u2014 due {long_date(rnd.deadline)}"
    overall = f"{figure_text(summary.percent, scale)}" if summary.percent is not None else "not rated"
    prev_overall = report.previous_overall(ret.agency_id)
    if report.previous is not None:
        prev_text = figure_text(prev_overall, report.previous.rating_scale) if prev_overall is not None \
            else "no rated return"
        overall += f" \u00b7 {esc(report.previous.name)}: {prev_text}"

    def contact(name: str, email: str) -> str:
        if not name and not email:
            return '<font color="#595959">none recorded</font>'
        return esc(name) + (f" &lt;{esc(email)}&gt;" if email else "")

    reminders = ", ".join(short_date(m.sent_on) + (f" ({esc(m.note)})" if m.note else "") for m in ret.reminders)
    facts = [
        ("Status", status_text),
        ("Overall", overall),
        ("Lead contact", contact(ret.lead_name, ret.lead_email)),
        ("Substitute", contact(ret.substitute_name, ret.substitute_email)),
        ("Dates", (f"issued {short_date(ret.issued) or NOT_RATED} \u00b7 deadline {short_date(rnd.deadline)} \u00b7 "
                  f"received {short_date(ret.received) or NOT_RATED} \u00b7 reviewed {short_date(ret.reviewed) or NOT_RATED}")),
        ("Reminders", reminders or "none"),
    ]
    if ret.panel_outcome:
        facts.append(("Panel outcome", esc(ret.panel_outcome)))
    out.append(Table([[P(k, st["fact_key"]), P(v)] for k, v in facts], colWidths=[2.6 * cm, text_w - 2.6 * cm],
                     hAlign="LEFT", style=TableStyle([("FONT", (0, 0), (-1, -1), st["cell"].fontName, 8),
                                                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                      ("TOPPADDING", (0, 0), (-1, -1), 1),
                                                      ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])))

    # Ratings per standard
    out.append(Paragraph("Ratings by standard", st["h2"]))
    prev_scale = report.previous.rating_scale if report.previous else None
    head = [P("Standard", st["head"]), P("Self", st["head_mid"]), P("Moderated", st["head_mid"]),
            P("Last round", st["head_mid"]), P("Change", st["head_mid"]),
            P("Evidence, areas for improvement, panel comments", st["head"])]
    rows, extra = [head], []
    for s in rnd.standards:
        own = ret.rating(s.number)
        by_criteria = [r for r in ret.ratings if r.standard == s.number and r.criterion]
        self_score = standard_score(scale, s, ret.ratings, Basis.SELF)
        mod_score = standard_score(scale, s, ret.ratings, Basis.MODERATED)
        prev_score = report.previous_score(ret.agency_id, s.number)
        cell = report.comparison.cell(ret.agency_id, s.number) if report.comparison else None
        notes = []
        source = own if own is not None else None
        if source is not None:
            if source.evidence:
                notes.append(f"<b>Evidence:</b> {esc(shorten(source.evidence, 105))}")
            if source.improvement:
                notes.append(f"<b>To improve:</b> {esc(shorten(source.improvement, 105))}")
            reason = source.moderated_na_reason or source.self_na_reason
            if reason:
                notes.append(f"<b>n/a because:</b> {esc(shorten(reason, 90))}")
            if source.panel_comments:
                notes.append(f"<b>Panel:</b> {esc(shorten(source.panel_comments, 100))}")
        if by_criteria and (own is None or own.value(report.basis) is None):
            notes.append(f"Worked out from {plural(len(by_criteria), 'sub-criterion', 'sub-criteria')} (below).")
        change = ""
        if cell is not None and cell.trend in (Trend.IMPROVED, Trend.WORSE, Trend.SAME):
            change = trend_word(cell.trend)
            if cell.trend is Trend.WORSE:
                change = red(change)
            elif cell.trend is Trend.IMPROVED:
                change = f'<font color="#006100"><b>{change}</b></font>'
        r = len(rows)
        rows.append([P(f"<b>{s.number}.</b> {esc(shorten(s.title, 95))}", st["cell_small"]),
                     P(score_text(self_score, scale), st["cell_mid_bold"]),
                     P(score_text(mod_score, scale), st["cell_mid_bold"]),
                     P(score_text(prev_score, prev_scale) if prev_scale else "", st["cell_mid"]),
                     P(change, st["cell_mid"]),
                     P("<br/>".join(notes) or '<font color="#595959">\u2014</font>', st["cell_small"])])
        extra += [("BACKGROUND", (1, r), (1, r), hexc(score_fill(self_score, scale))),
                  ("BACKGROUND", (2, r), (2, r), hexc(score_fill(mod_score, scale)))]
        if prev_scale is not None:
            extra.append(("BACKGROUND", (3, r), (3, r), hexc(score_fill(prev_score, prev_scale))))
        for c in sorted(by_criteria, key=lambda c: c.criterion):
            try:
                text = s.criterion(c.criterion).text
            except Exception:  # noqa: BLE001 - a sub-criterion no longer in the round: show its code alone
                text = ""
            r = len(rows)
            crit_notes = []
            if c.evidence:
                crit_notes.append(f"<b>Evidence:</b> {esc(shorten(c.evidence, 90))}")
            if c.improvement:
                crit_notes.append(f"<b>To improve:</b> {esc(shorten(c.improvement, 90))}")
            rows.append([P(f"&nbsp;&nbsp;&nbsp;{esc(c.criterion)} {esc(shorten(text, 70))}", st["cell_small"]),
                         P(value_text(c.self_value, scale), st["cell_mid"]),
                         P(value_text(c.moderated_value, scale), st["cell_mid"]), P(""), P(""),
                         P("<br/>".join(crit_notes), st["cell_small"])])
            extra += [("BACKGROUND", (1, r), (1, r), hexc(value_fill(c.self_value, scale))),
                      ("BACKGROUND", (2, r), (2, r), hexc(value_fill(c.moderated_value, scale)))]
    widths = [4.2 * cm, 1.5 * cm, 2.0 * cm, 1.5 * cm, 1.4 * cm]
    out.append(grid_table(rows, widths + [text_w - sum(widths)], extra))
    if state in (ReturnStatus.OVERDUE, ReturnStatus.OUTSTANDING, ReturnStatus.NOT_ISSUED):
        out.append(P("No return received yet: the ratings are blank until it arrives."
                     + (f" Last round's ratings (from {esc(report.previous.name)}) are shown for reference."
                        if report.previous else ""), st["small"]))
    else:
        out.append(P(f"Self: the agency's self-assessment; Moderated: the panel's rating; Last round: "
                     f"{esc(report.previous.name) + ' (' + report.basis.value + ')' if report.previous else 'none'}. "
                     "Notes shortened; the full text is in the XLSX summary's Ratings sheet.", st["small"]))

    # Action plan
    out.append(Paragraph("Action plan", st["h2"]))
    actions = sorted(ret.actions, key=lambda a: (not a.is_overdue(today), a.due or dt.date.max, a.id or 0))
    if actions:
        rows = [[P(h, st["head"]) for h in ("Action", "Std", "Owner", "Due", "Status", "Closed")]]
        extra = []
        for a in actions:
            r = len(rows)
            status = a.status.value.capitalize()
            if a.is_overdue(today):
                status = red(f"OVERDUE by {plural(report.action_days_overdue(a), 'day')}") + f"<br/>({a.status.value})"
                extra.append(("BACKGROUND", (0, r), (-1, r), overdue_fill))
            notes = f"<br/><font color='#595959'>{esc(shorten(a.notes, 110))}</font>" if a.notes else ""
            rows.append([P(esc(a.action) + notes, st["cell_small"]), P(str(a.standard or ""), st["cell_mid"]),
                         P(esc(a.owner), st["cell_small"]), P(short_date(a.due)), P(status, st["cell_small"]),
                         P(short_date(a.closed))])
        widths = [text_w - 11.7 * cm, 0.9 * cm, 3.0 * cm, 2.2 * cm, 3.4 * cm, 2.2 * cm]
        out.append(grid_table(rows, widths, extra))
    else:
        out.append(P("No action-plan items recorded in this round.", st["cell"]))
    earlier = report.earlier_overdue_of(ret.agency_id)
    if earlier:
        heading = Paragraph("Still overdue from earlier rounds", st["h2"])
        rows = [[P(h, st["head"]) for h in ("Action", "Round", "Std", "Due", "Status")]]
        extra = [("BACKGROUND", (0, 1), (-1, -1), overdue_fill)]
        for e in earlier:
            a = e.item
            rows.append([P(esc(a.action), st["cell_small"]), P(esc(e.round_name), st["cell_small"]),
                         P(str(a.standard or ""), st["cell_mid"]), P(short_date(a.due)),
                         P(red(f"OVERDUE by {plural(report.action_days_overdue(a), 'day')}")
                           + f"<br/>({a.status.value})", st["cell_small"])])
        widths = [text_w - 9.7 * cm, 3.2 * cm, 0.9 * cm, 2.2 * cm, 3.4 * cm]
        out.append(KeepTogether([heading, grid_table(rows, widths, extra)]))
    out.append(Spacer(1, 2))
    return out
