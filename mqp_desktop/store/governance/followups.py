"""Attendance follow-up letters in the database (ToR 5): ``store.governance.followups``.

::

    fu = store.governance.followups
    letter = fu.add(AttendanceLetter(member_id=12, sent_on=date(2026, 5, 1)))     # reply due four weeks on
    fu.record_outcome(letter.id, Outcome.SUBSTITUTE, substitute_name="DS Karen Osei")
    fu.record_written(report, files, sent_on=date.today())    # the attendance report's letters, as written

A letter is recorded when the program writes it (:meth:`FollowupRepo.record_written`, called by the
attendance report's letters in the window and by ``mqp report attendance --letters``) and by hand
(:meth:`FollowupRepo.add`). Writing the letters again on the same day records nothing twice. Every
change is one transaction in the change history (entity ``attendance_letter``); a letter recorded in
error is withdrawn with the reason, never deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mqp_desktop.domain.governance.common import day
from mqp_desktop.domain.governance.followups import (
    FILTER_ALL,
    REPLY_DAYS,
    AttendanceLetter,
    LetterSource,
    LetterStatus,
    Outcome,
    filter_letters,
    parse_outcome,
    validate_letter,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.governance.common import RecordRepo, d, iso

LETTER_LABELS = {
    "member_id": "member", "sent_on": "sent on", "reply_due": "reply due", "period_start": "period from",
    "period_end": "period to", "rate": "attendance rate (%)", "standard": "standard (%)", "outcome": "outcome",
    "outcome_on": "outcome recorded", "substitute_name": "permanent substitute", "notes": "notes",
    "source": "recorded", "file_name": "letter file", "withdrawn_on": "withdrawn on",
    "withdrawn_reason": "reason withdrawn",
}
LETTER_FIELDS = tuple(LETTER_LABELS)
OUTCOME_FIELDS = ("outcome", "outcome_on", "substitute_name", "notes")


def letter_values(x: AttendanceLetter) -> dict[str, Any]:
    return {
        "member_id": x.member_id, "sent_on": iso(x.sent_on), "reply_due": iso(x.reply_due),
        "period_start": iso(x.period_start), "period_end": iso(x.period_end),
        "rate": None if x.rate is None else float(x.rate), "standard": x.standard,
        "outcome": Outcome(x.outcome).value if x.outcome is not None else None, "outcome_on": iso(x.outcome_on),
        "substitute_name": x.substitute_name or "", "notes": x.notes or "", "source": LetterSource(x.source).value,
        "file_name": x.file_name or "", "withdrawn_on": iso(x.withdrawn_on), "withdrawn_reason": x.withdrawn_reason or "",
    }


class FollowupRepo(RecordRepo[AttendanceLetter]):
    table = "attendance_letter"
    entity = "attendance_letter"
    kind = "attendance letter"
    labels = LETTER_LABELS
    list_hint = "List them with 'mqp followups list --all'."

    def values(self, record: AttendanceLetter) -> dict[str, Any]:
        return letter_values(record)

    def from_row(self, row: Mapping[str, Any]) -> AttendanceLetter:
        return AttendanceLetter(
            id=row["id"], member_id=row["member_id"], sent_on=d(row["sent_on"]), reply_due=d(row["reply_due"]),
            period_start=d(row["period_start"]), period_end=d(row["period_end"]), rate=row["rate"],
            standard=row["standard"], outcome=Outcome(row["outcome"]) if row["outcome"] else None,
            outcome_on=d(row["outcome_on"]), substitute_name=row["substitute_name"], notes=row["notes"],
            source=LetterSource(row["source"]), file_name=row["file_name"], withdrawn_on=d(row["withdrawn_on"]),
            withdrawn_reason=row["withdrawn_reason"], row_version=row["row_version"])

    def name(self, record: AttendanceLetter) -> str:
        row = self.db.execute("SELECT name, role_title FROM member WHERE id = ?", [record.member_id]).fetchone()
        who = (row[0] or f"(vacant) {row[1]}") if row else f"member {record.member_id}"
        return f"the attendance letter to {who} of {day(record.sent_on)}"

    # --- reading ----------------------------------------------------------------------------------
    def all(self) -> list[AttendanceLetter]:
        """Every letter, withdrawn ones too, latest first."""
        return self.rows(order="sent_on DESC, id DESC")

    def list(self, which: str = FILTER_ALL, today: dt.date | None = None, *,
             member_id: int | None = None) -> list[AttendanceLetter]:
        return filter_letters(self.all(), which, today or dt.date.today(), member_id=member_id)

    def overdue(self, today: dt.date | None = None) -> list[AttendanceLetter]:
        """Letters whose reply is overdue, the longest overdue first."""
        today = today or dt.date.today()
        found = [x for x in self.all() if x.status(today) is LetterStatus.OVERDUE]
        return sorted(found, key=lambda x: (x.reply_due, x.id))

    def for_member(self, member_id: int) -> list[AttendanceLetter]:
        return self.rows("member_id = ?", [member_id], order="sent_on DESC, id DESC")

    # --- writing ------------------------------------------------------------------------------------
    def _check(self, x: AttendanceLetter, today: dt.date) -> AttendanceLetter:
        x = validate_letter(x, today)
        self.check_member(x.member_id)
        return x

    def add(self, letter: AttendanceLetter, *, today: dt.date | None = None) -> AttendanceLetter:
        """Record a letter sent to a member below the standard (by hand, unless ``source`` says written)."""
        today = today or dt.date.today()
        with self.store.write():
            x = self._check(dataclasses.replace(letter, id=None, withdrawn_on=None, withdrawn_reason=""), today)
            return self.insert(x, f"Attendance letter recorded: {self.name(x)[len('the attendance letter '):]}")

    def update(self, letter: AttendanceLetter, *, action: str = "edited", summary: str = "",
               today: dt.date | None = None) -> AttendanceLetter:
        today = today or dt.date.today()
        return self.save(letter, action=action, summary=summary, check=lambda x, old: self._check(x, today))

    def record_outcome(self, letter_id: int, outcome: Outcome | str | None, *, on: dt.date | None = None,
                       substitute_name: str = "", notes: str | None = None, seen: AttendanceLetter | None = None,
                       today: dt.date | None = None) -> AttendanceLetter:
        """What came of the letter (None clears it: the letter waits for a reply again)."""
        today = today or dt.date.today()
        with self.store.write():
            x = self.current(letter_id, seen)
            if x.withdrawn_on is not None:
                raise ValidationError("status", f"{self.name(x)[0].upper()}{self.name(x)[1:]} was withdrawn.")
            outcome = parse_outcome(outcome)
            changed = dataclasses.replace(x, outcome=outcome, outcome_on=(on or today) if outcome else None,
                                          substitute_name=substitute_name if outcome else "",
                                          notes=x.notes if notes is None else notes)
            words = outcome.value if outcome else "cleared (waiting for a reply)"
            return self.update(changed, action="outcome", summary=f"{self.name(x)[0].upper()}{self.name(x)[1:]}: "
                                                                  f"{words}", today=today)

    def withdraw(self, letter_id: int, on: dt.date, reason: str, *, seen: AttendanceLetter | None = None,
                 today: dt.date | None = None) -> AttendanceLetter:
        with self.store.write():
            x = self.current(letter_id, seen)
            if x.withdrawn_on is not None:
                raise ValidationError("status", "That letter was already withdrawn.")
            return self.update(dataclasses.replace(x, withdrawn_on=on, withdrawn_reason=reason), action="withdrawn",
                               summary=f"{self.name(x)[0].upper()}{self.name(x)[1:]} withdrawn", today=today)

    def record_written(self, report, files: Sequence[Path | str] = (), *, sent_on: dt.date | None = None,
                       today: dt.date | None = None) -> list[AttendanceLetter]:
        """Record the letters the attendance report's letters wrote: one per member below the standard, in the
        report's order (``files`` the letters written, in the same order). A member already sent a letter on
        ``sent_on`` (the letters written twice in a day) is not recorded again. Returns the letters recorded."""
        today = today or dt.date.today()
        sent_on = sent_on or today
        rows = list(report.members_below_standard)
        names = [Path(f).name for f in files] + [""] * max(0, len(rows) - len(files))
        added: list[AttendanceLetter] = []
        with self.store.write():
            for row, file_name in zip(rows, names):
                member_id = row.member.id
                if self.db.execute("SELECT 1 FROM attendance_letter WHERE member_id = ? AND sent_on = ? AND"
                                   " withdrawn_on IS NULL", [member_id, iso(sent_on)]).fetchone():
                    continue
                rate = getattr(row, "rate", None)
                added.append(self.add(AttendanceLetter(
                    member_id=member_id, sent_on=sent_on, reply_due=sent_on + dt.timedelta(days=REPLY_DAYS),
                    period_start=report.start, period_end=report.end,
                    rate=None if rate is None else math.floor(rate * 10) / 10,  # 79.96 is not '80.0'
                    standard=report.standard, source=LetterSource.WRITTEN, file_name=file_name), today=today))
        return added

    def latest_by_member(self, member_ids: Iterable[int] | None = None) -> dict[int, AttendanceLetter]:
        """member id -> the latest letter not withdrawn (for the attendance report)."""
        out: dict[int, AttendanceLetter] = {}
        wanted = set(member_ids) if member_ids is not None else None
        for x in self.all():
            if x.withdrawn_on is None and x.member_id not in out and (wanted is None or x.member_id in wanted):
                out[x.member_id] = x
        return out


__all__ = ["LETTER_FIELDS", "LETTER_LABELS", "OUTCOME_FIELDS", "FollowupRepo", "letter_values"]
