"""The performance report as a paper on an agenda item, so it goes into the meeting pack like any paper.

:func:`add_performance_report` makes the report for a period (:mod:`.performance_report`), checks
it as every paper's PDF is checked when attached (``store.agendas``: the pack's own reading of it),
and attaches it to the item: to the item's performance report paper for that period if it has one
(the file is replaced, the earlier one kept, as any paper's), else to a new paper, received today.
Like any paper it still needs a senior manager's sign-off (ToR 14) before it is ready. One
transaction: nothing is saved unless all of it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mqp_desktop.domain.papers import Paper
from mqp_desktop.domain.periods import Period
from mqp_desktop.exporters.files import safe_file_name
from mqp_desktop.exporters.performance_report_data import PerformanceReport, gather_performance_report


@dataclass(frozen=True)
class AddedReport:
    """What :func:`add_performance_report` did."""

    paper: Paper
    report: PerformanceReport
    file_name: str
    replaced: bool
    """True when the item already had this period's report and its file was replaced."""
    note: str = ""
    """What the attach check noticed without refusing (normally nothing)."""


def report_paper_title(period: Period) -> str:
    """The paper's title: 'Performance report: Q2 2026-27 (Jul–Sep 2026)'."""
    return f"Performance report: {period.label()}"


def add_performance_report(store, item_id: int, period: Period | str | None = None, *, author: str | None = None,
                           today: dt.date | None = None) -> AddedReport:
    """Make the performance report for ``period`` (default: the latest complete quarter with data) and
    attach it as a paper to the agenda item ``item_id``.

    ``author``: the paper's author (default: the item's presenter, else the user saving it).
    """
    from mqp_desktop.exporters.performance_report import performance_report_bytes

    today = today or dt.date.today()
    repo = store.agendas
    item = repo.item(item_id)
    if item.removed:
        from mqp_desktop.domain.validation import ValidationError

        raise ValidationError("item", f"Agenda item {item_id} ('{item.title}') has been removed.")
    if period is not None:
        chosen = period if isinstance(period, Period) else _parse(period)
        if chosen.end >= today:
            from mqp_desktop.domain.validation import ValidationError

            latest = Period.latest_complete(today, chosen.frequency)
            raise ValidationError("period", f"{chosen.label()} ends on {chosen.end.day} {chosen.end:%B %Y}: a "
                                            f"performance report is made for a period that has ended. Choose "
                                            f"{latest.label()} or earlier.")
        period = chosen
    meeting = store.meetings.get(item.meeting_id)
    report = gather_performance_report(store, period, today=today,
                                       meeting=f"the {meeting.title[0].lower()}{meeting.title[1:]}")
    content = performance_report_bytes(report)
    title = report_paper_title(report.period)
    file_name = safe_file_name(report.file_stem, ".pdf", fallback="Performance report")
    email = ""
    if author is None:
        if item.presenter_member_id is not None:
            presenter = store.member(item.presenter_member_id)
            author, email = presenter.display_name, presenter.email or ""
        else:
            author = item.presenter_name or store.user
    with store.write():
        existing = [p for p in repo.papers_for_item(item.id) if not p.withdrawn and p.title == title]
        if existing:
            paper = existing[-1]
        else:
            paper = repo.request_paper(item.id, author_name=author, author_email=email, title=title, requested_on=today,
                                       notes="Made by MQ&P Desktop from the performance dataset.")
        saved = repo.attach_content(paper.id, file_name, content, received_on=today)
    return AddedReport(saved, report, file_name, bool(existing), note=getattr(repo, "last_attach_note", ""))


def _parse(text: str) -> Period:
    from mqp_desktop.domain.periods import parse_period
    from mqp_desktop.domain.validation import ValidationError

    try:
        return parse_period(text)
    except ValueError as exc:
        raise ValidationError("period", str(exc)) from None


__all__ = ["AddedReport", "add_performance_report", "report_paper_title"]
