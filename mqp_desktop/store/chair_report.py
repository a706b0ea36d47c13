"""The chair's report read from the database: :func:`gather_chair_report` (see
:mod:`mqp_desktop.domain.chair_report` for the sections and the rules of their figures).

Each section is read by its own function from the repositories the pages use (meetings, minutes,
challenges, quality, Section 11, partnership, escalations, governance, performance, the decisions
register ``store.decisions`` and the list of everything due ``store.due``).

The sections chosen and their order are the ``chair_report_sections`` setting
(:func:`report_sections`, :func:`save_report_sections`), kept in the database's ``setting`` table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from mqp_desktop.domain import chair_report as cr
from mqp_desktop.domain.chair_report import (
    ChairReport,
    Figure,
    ReportSection,
    Subsection,
    Table,
    day_words,
    in_period,
    join_words,
    plural,
    rate_text,
    short_day,
)
from mqp_desktop.domain.periods import Period

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

NONE_TEXT = "\u2013"


# --- the setting ---------------------------------------------------------------------------------
def report_sections(store: Store) -> list[str]:
    """The sections chosen, in order (the ``chair_report_sections`` setting; every section by default)."""
    return list(store.agendas.setting(cr.SETTING_NAME))


def save_report_sections(store: Store, sections: Sequence[str], *, version: int | None = None) -> list[str]:
    """Check and save the sections chosen, in order (recorded in the change history)."""
    return store.agendas.set_setting(cr.SETTING_NAME, list(sections), version=version)


# --- reading ---------------------------------------------------------------------------------------
class _Context:
    """What several sections need, read once."""

    def __init__(self, store: Store, period: Period, today: dt.date):
        self.store, self.period, self.today = store, period, today
        self.start, self.end = period.start, period.end
        self.agencies = {a.id: a for a in store.agencies()}
        self._members = None
        self._meetings = None
        self._all_dates = None

    @property
    def members(self):
        if self._members is None:
            self._members = {m.id: m for m in self.store.members()}
        return self._members

    @property
    def meetings(self):
        """The meetings dated in the period (cancelled ones too), by date."""
        if self._meetings is None:
            self._meetings = self.store.meetings.list(start=self.start, end=self.end)
        return self._meetings

    @property
    def meeting_dates(self) -> dict[int, dt.date]:
        if self._all_dates is None:
            self._all_dates = {r[0]: dt.date.fromisoformat(r[1])
                               for r in self.store.db.execute("SELECT id, date FROM meeting")}
        return self._all_dates

    def agency_label(self, agency_id: int | None) -> str:
        a = self.agencies.get(agency_id) if agency_id is not None else None
        return a.label if a else ""

    def member_name(self, member_id: int | None) -> str:
        m = self.members.get(member_id) if member_id is not None else None
        return m.display_name if m else ""

    def meeting_words(self, meeting_id: int | None) -> str:
        day = self.meeting_dates.get(meeting_id) if meeting_id is not None else None
        return short_day(day)


def clip(text: str, limit: int = 300) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters (with an ellipsis) when longer."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


# --- 1. meetings and quoracy ------------------------------------------------------------------------------
def _meetings(c: _Context) -> ReportSection:
    from mqp_desktop.domain.meetings import ChairDecision, MeetingKind, MeetingStatus, meeting_quorum

    store = c.store
    rule = store.subcommittee().quorum_rule
    agencies, members = list(c.agencies.values()), list(c.members.values())
    entries = store.meetings.all_entries(m.id for m in c.meetings) if c.meetings else {}
    rows = []
    held = cancelled = planned = quorate = inquorate = no_register = proceeded = reconvened = extraordinary = 0
    waiting = 0
    for m in c.meetings:
        if m.kind is MeetingKind.EXTRAORDINARY:
            extraordinary += 1
        register = entries.get(m.id, {})
        quorate_word = decision = ""
        if m.status is MeetingStatus.CANCELLED:
            cancelled += 1
            status = "Cancelled"
        elif m.status is MeetingStatus.PLANNED:
            planned += 1
            status = "Planned"
        else:
            held += 1
            status = "Held" if m.status is MeetingStatus.HELD else "Held; to be reconvened"
            if not register:
                no_register += 1
                quorate_word = "No register"
            elif meeting_quorum(m, rule, agencies, members, register).result.quorate:
                quorate += 1
                quorate_word = "Yes"
            else:
                inquorate += 1
                quorate_word = "No"
            if m.chair_decision is ChairDecision.PROCEED:
                proceeded += 1
                waiting += len(m.items_waiting)
                decision = "Proceed"
                if m.items_waiting:
                    decision += f" ({plural(len(m.items_waiting), 'item')} left to wait)"
            elif m.chair_decision is ChairDecision.RECONVENE:
                reconvened += 1
                decision = "Reconvene"
            if m.chair_decision_note:
                decision += f": {m.chair_decision_note}"
        kind = "Extraordinary" if m.kind is MeetingKind.EXTRAORDINARY else "Ordinary"
        rows.append((short_day(m.date), kind, status, quorate_word or NONE_TEXT, decision or NONE_TEXT))
    figures = (
        Figure("meetings", "Meetings in the period", len(c.meetings)),
        Figure("held", "Held", held),
        Figure("cancelled", "Cancelled", cancelled),
        Figure("planned", "Still planned", planned),
        Figure("extraordinary", "Extraordinary meetings", extraordinary),
        Figure("quorate", "Quorate", quorate),
        Figure("inquorate", "Not quorate", inquorate),
        Figure("no_register", "Held with no register taken", no_register),
        Figure("chair_proceeded", "Chair decided to proceed while not quorate", proceeded),
        Figure("chair_reconvened", "Chair decided to reconvene", reconvened),
        Figure("items_waiting", "Items left waiting for a quorate meeting", waiting),
    )
    if not c.meetings:
        text = ["No meeting was held or planned in the period."]
    else:
        parts = [plural(held, "meeting") + (" was held" if held == 1 else " were held")]
        if cancelled:
            parts.append(f"{cancelled} cancelled")
        if planned:
            parts.append(f"{planned} still planned")
        text = [join_words(parts) + "."]
        if held:
            q = f"{quorate} of the {plural(held, 'meeting')} held {'was' if quorate == 1 else 'were'} quorate"
            if inquorate:
                q += f"; {inquorate} {'was' if inquorate == 1 else 'were'} not"
            if no_register:
                q += f"; {no_register} {'has' if no_register == 1 else 'have'} no register recorded"
            text.append(q + ".")
        if proceeded or reconvened:
            said = []
            if proceeded:
                said.append(f"to proceed at {plural(proceeded, 'meeting')}")
            if reconvened:
                said.append(f"to reconvene {plural(reconvened, 'meeting')}")
            text.append("When a meeting was not quorate the chair decided " + join_words(said) + " (ToR 3).")
    table = Table("Meetings", ("Date", "Meeting", "Status", "Quorate", "Chair's decision"), tuple(rows),
                  (2.2, 2.2, 2.6, 1.6, 6.4), empty="No meetings.")
    return ReportSection(cr.MEETINGS, cr.SECTIONS[cr.MEETINGS], figures, tuple(text), (table,))


# --- 2. attendance ----------------------------------------------------------------------------------------
def _attendance(c: _Context) -> ReportSection:
    report = c.store.meetings.report(c.start, c.end)
    below = report.agencies_below_standard
    rows = tuple(
        (a.agency.label, str(a.expected), str(a.attended), str(a.by_deputy_only), rate_text(a.rate),
         "Below" if a.below_standard else "Meets")
        for a in report.agencies)
    letters = [x for x in c.store.governance.followups.all() if x.withdrawn_on is None]
    sent = [x for x in letters if in_period(x.sent_on, c.period)]
    outcomes = [x for x in letters if x.outcome is not None and in_period(x.outcome_on, c.period)]
    waiting = [x for x in letters if x.sent_on is not None and x.sent_on <= c.end
               and (x.outcome is None or x.outcome_on is None or x.outcome_on > c.end)]
    shown = sorted({id(x): x for x in sent + outcomes + waiting}.values(), key=lambda x: (x.sent_on, x.id or 0))

    def outcome_words(x) -> str:
        if x.outcome is None or x.outcome_on is None or x.outcome_on > c.end:
            late = x.reply_due is not None and x.reply_due < c.end
            return "Awaiting reply" + (f" (due {short_day(x.reply_due)})" if late else "")
        words = x.outcome.label
        if x.substitute_name:
            words += f": {x.substitute_name}"
        return f"{words} ({short_day(x.outcome_on)})"

    letter_rows = tuple(
        (c.member_name(x.member_id) or "Former member", c.agency_label(c.members[x.member_id].agency_id)
         if x.member_id in c.members else "", short_day(x.sent_on), short_day(x.reply_due) or NONE_TEXT,
         outcome_words(x))
        for x in shown)
    figures = (
        Figure("standard", "The attendance standard (%)", report.standard),
        Figure("meetings_counted", "Meetings counted", len(report.meetings)),
        Figure("agencies", "Agencies expected", len(report.agencies)),
        Figure("agencies_below", "Agencies below the standard", len(below)),
        Figure("members_below", "Members below the standard", len(report.members_below_standard)),
        Figure("letters_sent", "Follow-up letters sent (ToR 5)", len(sent)),
        Figure("letters_answered", "Outcomes recorded", len(outcomes)),
        Figure("letters_waiting", "Letters awaiting an outcome at the end of the period", len(waiting)),
    )
    if not report.meetings:
        text = ["No meeting held in the period counts toward attendance."]
    else:
        text = [f"Against the standard of {report.standard}%, over {plural(len(report.meetings), 'meeting')} held: "
                + (f"{plural(len(below), 'agency', 'agencies')} below it "
                   f"({join_words([a.agency.label for a in below])})."
                   if below else "every agency met it.")]
        text.append(f"{plural(len(report.members_below_standard), 'member')} below the standard themselves (counting "
                    + ("attendance in person or by deputy)." if report.deputy_counts_for_member else
                       "attendance in person; a deputy counts for the agency)."))
    text.append(f"Follow-up letters (ToR 5): {len(sent)} sent in the period, {len(outcomes)} "
                f"{'outcome' if len(outcomes) == 1 else 'outcomes'} recorded, {len(waiting)} awaiting an outcome "
                "at its end.")
    tables = (
        Table("Attendance by agency", ("Agency", "Meetings", "Attended", "By deputy only", "Rate", "Standard"), rows,
              (5.0, 1.7, 1.7, 1.9, 1.4, 1.6), numeric=(1, 2, 3, 4), empty="No meetings counted."),
        Table("Follow-up letters", ("Member", "Agency", "Sent", "Reply due", "Outcome"), letter_rows,
              (3.4, 2.4, 2.0, 2.0, 4.6), empty="No follow-up letter was sent or open in the period."),
    )
    return ReportSection(cr.ATTENDANCE, cr.SECTIONS[cr.ATTENDANCE], figures, tuple(text), tables)


# --- 3. declarations of interest -------------------------------------------------------------------------
def _declarations(c: _Context) -> ReportSection:
    from mqp_desktop.domain.meetings import MeetingStatus

    rows = []
    meetings_with = 0
    for m in c.meetings:
        if m.status is MeetingStatus.CANCELLED:
            continue
        lines = c.store.minutes.declaration_lines(m.id)
        if lines:
            meetings_with += 1
        for d in lines:
            item = f"{d.item_number} {d.item_title}".strip() if d.item_number else "The meeting generally"
            rows.append((short_day(m.date), d.name, d.agency, item, d.nature, d.managed or NONE_TEXT))
    figures = (Figure("declarations", "Declarations of interest", len(rows)),
               Figure("meetings_with", "Meetings with a declaration", meetings_with))
    text = (f"{plural(len(rows), 'declaration')} of interest recorded at {plural(meetings_with, 'meeting')} (ToR 11)."
            if rows else "No declaration of interest was recorded at the period's meetings (ToR 11).",)
    table = Table("Declarations", ("Meeting", "Who", "Agency", "Item", "Interest", "How it was managed"),
                  tuple(rows), (1.9, 2.6, 1.8, 2.8, 3.2, 2.6), empty="No declarations.")
    return ReportSection(cr.DECLARATIONS, cr.SECTIONS[cr.DECLARATIONS], figures, text, (table,))


# --- 4. decisions ------------------------------------------------------------------------------------------
def _decisions(c: _Context) -> ReportSection:
    repo = c.store.decisions
    taken = list(repo.register(start=c.start, end=c.end))
    inquorate = [d for d in taken if d.taken_while_inquorate]
    ratified = [d for d in repo.register(inquorate=True) if in_period(d.ratified_on, c.period)]
    # awaiting at the end: taken while not quorate by then, not ratified by then (a later ratification does not count)
    awaiting = [d for d in repo.register(end=c.end, inquorate=True) if d.ratified_on is None or d.ratified_on > c.end]

    def item(d) -> str:
        return f"{d.item_number} {d.item_title}".strip()

    def note(d) -> str:
        if not d.taken_while_inquorate:
            return "Quorate"  # said, not a dash: a dash in this column read as "nothing known"
        if d.ratified_on is not None and d.ratified_on <= c.end:
            return f"Not quorate; ratified {short_day(d.ratified_on)}"
        return "Not quorate; awaiting ratification"

    rows = tuple((short_day(d.meeting_date), item(d), d.text, note(d)) for d in taken)
    waiting_rows = tuple((short_day(d.meeting_date), item(d), d.text) for d in awaiting)
    figures = (Figure("decisions", "Decisions taken", len(taken)),
               Figure("inquorate", "Taken while not quorate", len(inquorate)),
               Figure("ratified", "Ratified in the period", len(ratified)),
               Figure("awaiting", "Awaiting ratification at the end of the period", len(awaiting)))
    text = [f"{plural(len(taken), 'decision')} recorded in the minutes of the period's meetings"
            + (f", {len(inquorate)} taken while the meeting was not quorate (ToR 3)." if inquorate else ".")]
    text.append(f"{len(ratified)} ratified at a quorate meeting in the period; {len(awaiting)} "
                f"{'was' if len(awaiting) == 1 else 'were'} still awaiting ratification at its end.")
    tables = (Table("Decisions taken", ("Meeting", "Item", "Decision", "Quoracy"), rows, (1.9, 3.4, 6.6, 3.0),
                    empty="No decisions recorded."),
              Table("Awaiting ratification", ("Meeting", "Item", "Decision"), waiting_rows, (1.9, 3.4, 9.6),
                    empty="None awaiting ratification."))
    return ReportSection(cr.DECISIONS, cr.SECTIONS[cr.DECISIONS], figures, tuple(text), tables)


# --- 5. actions ----------------------------------------------------------------------------------------------
def _actions(c: _Context) -> ReportSection:
    actions = c.store.minutes.actions()
    f = cr.action_figures(actions, c.meeting_dates, c.period)
    names = {m.id: m.display_name for m in c.members.values()}

    def owner(a) -> str:
        return a.owner_name or names.get(a.owner_member_id, "")

    rows = tuple((a.number, a.description, owner(a), short_day(a.due_date), str((c.end - a.due_date).days))
                 for a in sorted(f.overdue_at_end, key=lambda a: (a.due_date, a.number)))
    figures = (Figure("opened", "Actions agreed in the period", len(f.opened)),
               Figure("done", "Completed in the period", len(f.done)),
               Figure("dropped", "Dropped in the period", len(f.dropped)),
               Figure("open_at_end", "Open at the end of the period", len(f.open_at_end)),
               Figure("overdue_at_end", "Overdue at the end of the period", len(f.overdue_at_end)))
    text = (f"{plural(len(f.opened), 'action')} agreed at the period's meetings; {len(f.done)} completed and "
            f"{len(f.dropped)} dropped in the period. At its end {len(f.open_at_end)} "
            f"{'was' if len(f.open_at_end) == 1 else 'were'} open, {len(f.overdue_at_end)} of them overdue.",)
    table = Table("Overdue actions", ("Action", "What", "Owner", "Due", "Days overdue"), rows,
                  (1.9, 7.0, 2.8, 2.0, 1.5), numeric=(4,), empty="No action was overdue at the end of the period.")
    return ReportSection(cr.ACTIONS, cr.SECTIONS[cr.ACTIONS], figures, text, (table,))


# --- 6. performance -----------------------------------------------------------------------------------------
def _performance(c: _Context) -> ReportSection:
    from mqp_desktop.domain.performance import Rag
    from mqp_desktop.exporters.performance_report_data import (
        gather_performance_report,
        rag_word,
        target_text,
        value_text,
        why_words,
    )

    from mqp_desktop.domain.periods import Frequency

    quarter = cr.scorecard_quarter(c.period)
    if cr.is_annual(c.period):  # a year not over yet: its latest quarter with figures (never before the year)
        latest = c.store.performance.latest_period(Frequency.QUARTERLY)
        if latest is not None and latest < quarter:
            quarter = max(latest, Period.containing(c.start, Frequency.QUARTERLY))
    report = gather_performance_report(c.store, quarter, today=c.today)
    rows = []
    subsections = []
    for detail in report.exceptions:
        row = detail.row
        ind = row.indicator
        why = why_words(row)
        rows.append((ind.code, ind.title, value_text(row.value, ind.unit), target_text(row), rag_word(row),
                     " ".join(why)))
        com = row.commentary
        quote, by, missing = (), "", ""
        if com is not None and com.text.strip():
            quote = tuple(p for p in com.text.split("\n") if p.strip())
            by = com.author or "author not recorded"
            if com.written_at:
                try:
                    by += f", {short_day(dt.datetime.fromisoformat(com.written_at).date())}"
                except ValueError:
                    pass
        else:
            missing = f"No commentary has been written for {row.period.short_label()}."
        subsections.append(Subsection(f"{ind.code} {ind.title}", tuple(why), chart=detail, quote=quote, quote_by=by,
                                      missing=missing))
    counted = len(report.rows)
    figures = (Figure("indicators", "Indicators on the scorecard", counted),
               Figure("red", "Red", report.count(Rag.RED)),
               Figure("amber", "Amber", report.count(Rag.AMBER)),
               Figure("green", "Green", report.count(Rag.GREEN)),
               Figure("no_rag", "No RAG (no target, no value or context)", report.count(Rag.GREY)),
               Figure("exceptions", "Exceptions", len(report.exceptions)))
    if not counted:
        text = ("No indicator is on the scorecard.",)
    else:
        last = quarter == cr.scorecard_quarter(c.period)
        lead = (f"The scorecard for {quarter.label()}" + ((", the year's last quarter" if last else
                                                           ", the year's latest quarter with figures")
                                                          if cr.is_annual(c.period) else "")
                + f": {counted} indicators, {report.count(Rag.GREEN)} green, {report.count(Rag.AMBER)} amber, "
                  f"{report.count(Rag.RED)} red and {report.count(Rag.GREY)} without a RAG.")
        exc = (f"{plural(len(report.exceptions), 'exception')} (red, or worse three periods running), each below with "
               "what lies behind it in its author's words and a chart of its last periods against the target."
               if report.exceptions else "No indicator is an exception.")
        text = (lead, exc)
    table = Table("Exceptions", ("Code", "Indicator", "Value", "Target", "RAG", "Why"), tuple(rows),
                  (1.4, 4.4, 1.6, 1.6, 1.3, 5.6), empty="No exceptions.")
    return ReportSection(cr.PERFORMANCE, cr.SECTIONS[cr.PERFORMANCE], figures, text, (table,), tuple(subsections))


# --- 7. challenges ----------------------------------------------------------------------------------------------
def _challenges(c: _Context) -> ReportSection:
    every = c.store.challenges.all()
    raised = [x for x in every if in_period(x.raised_on, c.period)]
    responses = [r for x in every for r in x.responses if not r.removed and in_period(r.received_on, c.period)]
    closed = [x for x in every if in_period(x.closed_on, c.period)]
    at_end = {x.id: cr.challenge_status_on(x, c.end) for x in every}
    open_end = [x for x in every if at_end[x.id] in ("open", "overdue", "answered")]
    overdue = [x for x in every if at_end[x.id] == "overdue"]
    words = {"open": "Open", "overdue": "Overdue", "answered": "Answered, to review", "closed": "Closed",
             "withdrawn": "Withdrawn"}
    rows = tuple((x.reference, c.agency_label(x.agency_id), x.subject_text or x.question, short_day(x.raised_on),
                  short_day(x.due_date) or NONE_TEXT, words.get(at_end[x.id], "")) for x in raised)
    figures = (Figure("raised", "Challenges raised in the period", len(raised)),
               Figure("responses", "Responses received in the period", len(responses)),
               Figure("closed", "Closed (answer accepted) in the period", len(closed)),
               Figure("open_at_end", "Open at the end of the period", len(open_end)),
               Figure("overdue_at_end", "Overdue at the end of the period", len(overdue)))
    text = (f"{plural(len(raised), 'challenge')} put to agencies in the period (ToR 6.3); {len(responses)} "
            f"{'response' if len(responses) == 1 else 'responses'} received and {len(closed)} closed with the answer "
            f"accepted. At the end of the period {len(open_end)} {'was' if len(open_end) == 1 else 'were'} open, "
            f"{len(overdue)} overdue.",)
    table = Table("Challenges raised", ("Reference", "To", "About", "Raised", "Due", "At the end"), rows,
                  (2.2, 2.4, 5.2, 2.0, 2.0, 2.4), empty="No challenge was raised in the period.")
    return ReportSection(cr.CHALLENGES, cr.SECTIONS[cr.CHALLENGES], figures, text, (table,))


# --- 8. audits and inspections -----------------------------------------------------------------------------------
def _quality(c: _Context) -> ReportSection:
    q = c.store.quality
    audits = [a for a in q.audits() if a.cancelled_on is None]

    def reported(a) -> dt.date | None:
        return a.reported_on or (c.meeting_dates.get(a.reported_meeting_id) if a.reported_meeting_id else None)

    reviewed_audits = [a for a in audits if in_period(reported(a), c.period)]
    completed = [a for a in audits if in_period(a.completed, c.period)]
    grades = q.summaries() if reviewed_audits else {}
    audit_rows = tuple((a.title, a.kind.label, short_day(a.completed) or NONE_TEXT, short_day(reported(a)),
                        grades[a.id].as_text() if a.id in grades else NONE_TEXT, a.learning or a.findings or NONE_TEXT)
                       for a in reviewed_audits)
    reviewed = []
    for insp in q.inspections(include_withdrawn=False):
        dates = [r.reviewed_on for r in q.reviews(insp.id) if in_period(r.reviewed_on, c.period)]
        if dates:
            reviewed.append((insp, max(dates)))
    insp_rows = tuple((c.agency_label(i.agency_id), f"{i.inspectorate_label} {i.inspection_type}".strip(),
                       short_day(i.published) or NONE_TEXT, i.judgement or NONE_TEXT, short_day(on),
                       i.lessons or i.key_findings or NONE_TEXT) for i, on in reviewed)
    overdue_items = [p for p in q.overdue_plan_items(c.end)]
    figures = (Figure("audits_reviewed", "Audits reported to the subcommittee in the period", len(reviewed_audits)),
               Figure("audits_completed", "Audits completed in the period", len(completed)),
               Figure("inspections_reviewed", "Inspections reviewed in the period", len(reviewed)),
               Figure("plan_items_overdue", "Inspection action-plan items overdue at the end", len(overdue_items)))
    text = (f"{plural(len(reviewed_audits), 'multi-agency audit')} reported to the subcommittee in the period (ToR 8) "
            f"and {plural(len(reviewed), 'single-agency inspection')} reviewed (ToR 6.6); "
            f"{plural(len(overdue_items), 'item')} of the inspections' action plans overdue at the end of the period.",)
    tables = (Table("Audits reviewed", ("Audit", "Kind", "Completed", "Reported", "Grades", "Learning"), audit_rows,
                    (3.2, 1.8, 2.1, 1.9, 2.6, 4.8), empty="No audit was reported in the period."),
              Table("Inspections reviewed", ("Agency", "Inspection", "Published", "Judgement", "Reviewed", "Learning"),
                    insp_rows, (2.2, 2.6, 1.8, 2.2, 1.8, 5.8), empty="No inspection was reviewed in the period."))
    return ReportSection(cr.QUALITY, cr.SECTIONS[cr.QUALITY], figures, text, tables)


# --- 9. Section 11 ------------------------------------------------------------------------------------------------
def _section11(c: _Context) -> ReportSection:
    from mqp_desktop.store.section11 import Section11Repo

    s11 = Section11Repo(c.store)
    rounds = [r for r in s11.rounds() if r.issued <= c.end]
    if not rounds:
        return ReportSection(cr.SECTION11, cr.SECTIONS[cr.SECTION11], (Figure("round", "Round", NONE_TEXT),),
                             ("No Section 11 audit round had been issued by the end of the period (ToR 7.8).",))
    rnd = max(rounds, key=lambda r: (r.issued, r.id or 0))
    returns = s11.returns(rnd.id)
    status = s11.status(rnd.id, c.end)

    def at_end(r) -> str:
        """The return's status on the period's last day, from its own dates."""
        if r.reviewed is not None and r.reviewed <= c.end:
            return "reviewed"
        if r.received is not None and r.received <= c.end:
            return "received"
        if r.issued is None or r.issued > c.end:
            return "not issued"
        return "overdue" if c.end > rnd.deadline else "outstanding"

    states = {r.id: at_end(r) for r in returns}
    count = {k: sum(v == k for v in states.values()) for k in ("not issued", "outstanding", "overdue", "received",
                                                                 "reviewed")}
    received = count["received"] + count["reviewed"]
    words = {"not issued": "Not issued", "outstanding": "Outstanding", "overdue": "Overdue",
             "received": "Received, to review", "reviewed": "Reviewed"}
    by_state: dict[str, list[str]] = {}
    for r in sorted(returns, key=lambda r: c.agency_label(r.agency_id).lower()):
        by_state.setdefault(states[r.id], []).append(c.agency_label(r.agency_id))
    rows = tuple((words[k], str(len(by_state[k])), ", ".join(by_state[k]))
                 for k in ("reviewed", "received", "outstanding", "overdue", "not issued") if k in by_state)
    weakest = [w for w in status.weakest if w.mean_percent is not None][:3]
    figures = (Figure("round", "Round", rnd.name),
               Figure("agencies", "Agencies asked to return", len(returns)),
               Figure("received", "Returns received", received),
               Figure("reviewed", "Returns reviewed", count["reviewed"]),
               Figure("overdue", "Returns overdue", count["overdue"]),
               Figure("actions_overdue", "Action-plan items overdue", len(status.overdue_actions)))
    text = [f"{rnd.name} (issued {day_words(rnd.issued)}, returns due {day_words(rnd.deadline)}): "
            f"{received} of {plural(len(returns), 'agency', 'agencies')} had returned by the end of the period, "
            f"{count['reviewed']} reviewed by the panel, {count['overdue']} overdue; "
            f"{plural(len(status.overdue_actions), 'action-plan item')} overdue (ToR 7.8)."]
    if weakest and received:
        text.append("The weakest standards across the agencies, from the returns as they stand now: " + join_words(
            [f"{w.number}. {w.title} ({w.mean_percent:.0f}%)" for w in weakest]) + ".")
    table = Table("Returns at the end of the period", ("Status", "Agencies", "Which"), rows, (3.2, 2.0, 10.6),
                  numeric=(1,), empty="No agency was asked to return.")
    return ReportSection(cr.SECTION11, cr.SECTIONS[cr.SECTION11], figures, tuple(text), (table,))


# --- 10. transfers, escalations and disputes ---------------------------------------------------------------------
def _partnership(c: _Context) -> ReportSection:
    bodies = {b.id: b for b in c.store.partnership.bodies()}
    transfers = [t for t in c.store.partnership.all_transfers()
                 if t.written_on is not None and t.written_on <= c.end
                 and (t.withdrawn_on is None or t.withdrawn_on >= c.start)]

    def finished_before(t) -> bool:
        ends = [d for d in (t.withdrawn_on, t.decided_on) if d is not None]
        if t.answer is not None and t.answer.value == "accepted" and t.answered_on is not None:
            ends.append(t.answered_on)
        return bool(ends) and min(ends) < c.start

    transfers = [t for t in transfers if not finished_before(t)]
    new_transfers = [t for t in transfers if in_period(t.written_on, c.period)]
    t_rows = tuple((t.reference, t.direction.label, bodies[t.body_id].label if t.body_id in bodies else NONE_TEXT,
                    clip(t.work, 240), short_day(t.written_on), t.state.label) for t in transfers)
    escalations = [e for e in c.store.escalations.all()
                   if e.raised_on is not None and e.raised_on <= c.end
                   and not any(d is not None and d < c.start for d in (e.decided_on, e.withdrawn_on))]
    raised = [e for e in escalations if in_period(e.raised_on, c.period)]
    disputes = [e for e in raised if e.kind.is_dispute]
    decided = [e for e in escalations if in_period(e.decided_on, c.period)]
    to_exec = [e for e in escalations if in_period(e.executive_on, c.period)]
    def status(e) -> str:
        if not (e.decided_on and e.decision):
            return e.status.label
        return f"{e.status.label} {short_day(e.decided_on)}: {clip(e.decision, 160)}"

    e_rows = tuple((e.reference, e.kind.label, clip(e.summary, 240), short_day(e.raised_on), status(e))
                   for e in escalations)
    figures = (Figure("transfers", "Work transfers active in the period", len(transfers)),
               Figure("transfers_new", "Work transfers written in the period", len(new_transfers)),
               Figure("escalations", "Escalations and disputes active in the period", len(escalations)),
               Figure("escalations_raised", "Raised in the period", len(raised)),
               Figure("disputes_raised", "Of which disputes", len(disputes)),
               Figure("to_executive", "Taken to the Executive in the period", len(to_exec)),
               Figure("decided", "Decided in the period", len(decided)))
    text = (f"{plural(len(transfers), 'work transfer')} active in the period (ToR 8), {len(new_transfers)} written in "
            f"it. {plural(len(raised), 'escalation')} raised ({len(disputes)} "
            f"{'a dispute' if len(disputes) == 1 else 'disputes'}); {len(to_exec)} taken to the Executive and "
            f"{len(decided)} decided in the period (ToR 7.1, 9, 10).",
            "The status shown is each record's status now.")
    tables = (Table("Work transfers", ("Reference", "Direction", "With", "Work", "Written", "Status now"), t_rows,
                    (2.2, 1.8, 2.6, 5.0, 2.0, 2.6), empty="No work transfer was active in the period."),
              Table("Escalations and disputes", ("Reference", "Kind", "Summary", "Raised", "Status now"), e_rows,
                    (2.2, 2.2, 5.8, 2.0, 4.0), empty="No escalation or dispute was active in the period."))
    return ReportSection(cr.PARTNERSHIP, cr.SECTIONS[cr.PARTNERSHIP], figures, text, tables)


# --- 11. training -------------------------------------------------------------------------------------------------
def _training(c: _Context) -> ReportSection:
    courses = [x for x in c.store.governance.training.all() if x.cancelled_on is None
               and (in_period(x.starts_on, c.period) or in_period(c.meeting_dates.get(x.meeting_id), c.period))]
    courses.sort(key=lambda x: (x.starts_on, x.id or 0))
    places = sum(x.places or 0 for x in courses)
    attended = sum(x.attended for x in courses)
    rows = tuple((x.title, x.provider or NONE_TEXT, x.dates_text,
                  f"{x.attended}" + (f" of {x.places}" if x.places else ""),
                  x.gaps or x.evaluation or NONE_TEXT) for x in courses)
    figures = (Figure("courses", "Courses run or reviewed in the period", len(courses)),
               Figure("places", "Places offered", places),
               Figure("attended", "Attended", attended))
    text = (f"{plural(len(courses), 'course')} of the multi-agency training programme run or reviewed in the period "
            f"(ToR 7.5, 7.6): {attended} attended" + (f" of {places} places." if places else "."),)
    table = Table("Training", ("Course", "Provider", "Dates", "Attended", "Gaps and priorities"), rows,
                  (4.0, 2.4, 2.6, 1.9, 5.1), numeric=(3,), empty="No course was run or reviewed in the period.")
    return ReportSection(cr.TRAINING, cr.SECTIONS[cr.TRAINING], figures, text, (table,))


# --- 12. due next quarter -----------------------------------------------------------------------------------------
def _due(c: _Context) -> ReportSection:
    nxt = cr.next_quarter(c.period)
    items = list(c.store.due.items(nxt.start, until=nxt.end, include_future=True))
    overdue = [i for i in items if i.due < nxt.start]
    rows = tuple((short_day(i.due), i.kind_label, i.reference, i.title, i.owner or NONE_TEXT,
                  "Overdue" if i.due < nxt.start else "") for i in items)
    figures = (Figure("due", "Falling due in the next quarter", len(items) - len(overdue)),
               Figure("overdue", "Already overdue at its start", len(overdue)))
    text = (f"{nxt.label()}: {plural(len(items) - len(overdue), 'item')} falling due, and {len(overdue)} already "
            "overdue at its start.",)
    table = Table("Due", ("Due", "What", "Reference", "Title", "Owner", ""), rows, (2.0, 2.4, 3.4, 4.8, 2.6, 1.6),
                  empty="Nothing falls due.")
    return ReportSection(cr.DUE, cr.SECTIONS[cr.DUE], figures, text, (table,))


READERS: dict[str, Callable[[_Context], ReportSection]] = {
    cr.MEETINGS: _meetings, cr.ATTENDANCE: _attendance, cr.DECLARATIONS: _declarations, cr.DECISIONS: _decisions,
    cr.ACTIONS: _actions, cr.PERFORMANCE: _performance, cr.CHALLENGES: _challenges, cr.QUALITY: _quality,
    cr.SECTION11: _section11, cr.PARTNERSHIP: _partnership, cr.TRAINING: _training, cr.DUE: _due,
}


def gather_chair_report(store: Store, period: Period | str, *, sections: Iterable[str] | None = None,
                        today: dt.date | None = None, progress: Callable[[int, int, str], bool] | None = None,
                        ) -> ChairReport:
    """The report for ``period`` (a quarter or a financial year), its sections as chosen in the settings
    unless ``sections`` names them. ``progress(done, total, heading)`` is called before each section; it
    returns False to stop (then :class:`InterruptedError`)."""
    period = cr.report_period(period)
    keys = cr.clean_sections(list(sections)) if sections is not None else report_sections(store)
    today = today or dt.date.today()
    c = _Context(store, period, today)
    out = []
    for n, key in enumerate(keys):
        if progress is not None and progress(n, len(keys), cr.SECTIONS[key]) is False:
            raise InterruptedError("Stopped.")
        out.append(READERS[key](c))
    sc = store.subcommittee() if not store.is_empty() else None
    chair = ""
    if sc is not None and sc.chair.member_id is not None and sc.chair.member_id in c.members:
        m = c.members[sc.chair.member_id]
        chair = "" if m.is_vacant else m.display_name
    try:
        executive = store.partnership.executive_name(today)
    except Exception:  # noqa: BLE001 - a name only: the report is written without it
        executive = ""
    return ChairReport(period=period, prepared=today, subcommittee=sc.name if sc else "",
                       partnership=sc.partnership if sc else "", chair=chair, executive=executive or "the Executive",
                       sections=tuple(out))


__all__ = ["READERS", "gather_chair_report", "report_sections", "save_report_sections"]


# --- recording the report for the Executive ----------------------------------------------------------------
def record_for_executive(store: Store, report: ChairReport, file_name: str, content: bytes, executive_on: dt.date,
                         *, today: dt.date | None = None):
    """Keep the report as drafted and record it as a governance document (kind "report") for the Executive's
    meeting of ``executive_on``: one transaction, both in the change history.

    The Executive meets outside this database (it is a body in the partnership, not one of our meetings), so
    the report is not a paper of one of our meetings: it is a document going to the Executive, as the
    documents under review are (ToR 7.1). Its Word file is stored (immutable, like a paper's) and named in the
    record's notes. A date on or before today is recorded as the day it was sent to the Executive; a later
    one (the usual case: the report is drafted ahead of the meeting) is noted, and the record marked sent
    when it goes (Governance page, or ``mqp documents send``)."""
    from mqp_desktop.domain.governance.documents import DocumentKind, GovernanceDocument

    today = today or dt.date.today()
    with store.write():
        info = store.agendas.add_document(file_name, content)
        title = f"{report.title}: {report.period.short_label()}"
        notes = (f"For {report.executive}'s meeting of {day_words(executive_on)}. Drafted on "
                 f"{day_words(report.prepared)}; the Word file as drafted is kept in the database as document "
                 f"{info.id} ({info.file_name}).")
        doc = GovernanceDocument(title=title, kind=DocumentKind.REPORT,
                                 version=f"draft of {short_day(report.prepared)}",
                                 owner=report.chair, notes=notes,
                                 sent_to_executive_on=executive_on if executive_on <= today else None)
        return store.governance.documents.add(doc, today=today), info
