"""Minutes of a meeting (ToR 3, 11, 13), in plain Python: no Qt, no SQL.

**What minutes hold** (:class:`Minutes`): the heading (partnership, subcommittee,
the meeting, who chaired and who took the minutes); the attendance as the
register has it — present, deputies and for whom, apologies, absent, guests in
attendance; quoracy (the rule, the agencies counted and missing, the chair's
decision and note when inquorate); declarations of interest (ToR 11); the
agenda's items in order, each with the discussion, the decisions and the new
actions; and the action log carried forward from earlier meetings.

**Prefill and what the officer writes.** :func:`prefill_minutes` builds the
minutes from what the program knows (register, quorum, agenda, declarations,
actions). The officer writes only three kinds of thing: who chaired and took
the minutes, each item's *discussion* and each item's *decisions*
(:func:`merge_written` lays them over a fresh prefill, so a register corrected
after drafting still shows). Declarations and actions are records of their own
(``store.minutes``) and are pulled in.

**Discussion text** is a small Markdown subset — paragraphs separated by a
blank line, ``- `` bullets, ``**bold**`` — and :func:`parse_discussion` turns it
into :class:`Block` s so the PDF and Word renderers never parse text.

**Inquorate decisions** (ToR 3): when the register shows the meeting was not
quorate, every decision is marked ``taken_while_inquorate``; this is computed,
never typed.

**Content.** :meth:`Minutes.to_data` is the minutes as plain JSON-able data
(ISO dates, no timestamps or other volatile fields) and :meth:`Minutes.from_data`
reads it back; ``domain/signoff.py`` digests it. A signed revision's content is
stored as that data, so it reads back exactly as signed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.meeting_record import MeetingRecord

if TYPE_CHECKING:
    from mqp_desktop.domain.agenda import AgendaLine
    from mqp_desktop.domain.meetings import Guest, Meeting, MeetingQuorum, RegisterRow
    from mqp_desktop.domain.model import Agency

CONTENT_VERSION = 4
"""Bumped when the content's shape changes; readers accept this version and older.

2: ``record``, the meeting's record the sign-off covers (``domain/meeting_record.py``).
Minutes signed at version 1 keep verifying as they were signed; they predate it.
3: the quorum kinds of issue 12: ``quoracy`` says whether a quorum is set, the count in the
rule's words, the items the chair's decision left waiting and those waiting from earlier
meetings; an item says whether it waits; the record holds the items waiting. Fields a reader
does not find take their defaults, which say what version 2 said.
4: ``ratified``, the decisions of earlier inquorate meetings ratified at this one (ToR 3). Minutes
signed before it hold none and read back with an empty list, so they verify exactly as signed."""

RECORD_VERSION = 2
"""The first content version that holds the meeting's record."""


# --- discussion text: a small Markdown subset ---------------------------------------------

class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLETS = "bullets"


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph (one line of spans) or a bullet list (one line of spans per bullet)."""

    kind: BlockKind
    lines: tuple[tuple[Span, ...], ...]

    @property
    def plain(self) -> str:
        texts = ["".join(s.text for s in line) for line in self.lines]
        return "\n".join(f"- {t}" for t in texts) if self.kind is BlockKind.BULLETS else " ".join(texts)


_BULLET = re.compile(r"^[-*•]\s+")


def parse_spans(text: str) -> tuple[Span, ...]:
    """'a **b** c' -> (Span('a '), Span('b', bold=True), Span(' c')); an unmatched ``**`` stays as typed."""
    parts = text.split("**")
    if len(parts) % 2 == 0:  # an odd number of markers: the last one is literal
        parts[-2:] = [parts[-2] + "**" + parts[-1]]
    spans: list[Span] = []
    for i, part in enumerate(parts):
        if not part:
            continue
        bold = i % 2 == 1
        if spans and spans[-1].bold == bold:
            spans[-1] = Span(spans[-1].text + part, bold)
        else:
            spans.append(Span(part, bold))
    return tuple(spans)


def parse_discussion(text: str) -> list[Block]:
    """Paragraphs (lines joined; a blank line between paragraphs) and ``- `` bullet lists.

    A line indented under a bullet continues it. Anything else is kept as text:
    nothing typed is ever dropped.
    """
    blocks: list[Block] = []
    para: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block(BlockKind.PARAGRAPH, (parse_spans(" ".join(para)),)))
            para.clear()
        if bullets:
            blocks.append(Block(BlockKind.BULLETS, tuple(parse_spans(b) for b in bullets)))
            bullets.clear()

    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line:
            flush()
            continue
        if _BULLET.match(raw.lstrip()):
            if para:
                flush()
            bullets.append(_BULLET.sub("", raw.strip(), count=1).strip())
            continue
        if bullets and raw[:1] in (" ", "\t"):
            bullets[-1] += " " + line
            continue
        if bullets:
            flush()
        para.append(line)
    flush()
    return blocks


def plain_text(text: str) -> str:
    """The discussion without markup (for searching, one-line previews)."""
    return "\n\n".join(b.plain for b in parse_discussion(text))


# --- the minutes ----------------------------------------------------------------------------

@dataclass
class MeetingInfo:
    meeting_id: int
    title: str
    date: dt.date
    start_time: str = ""
    end_time: str = ""
    venue: str = ""
    online_link: str = ""
    kind: str = "ordinary"


@dataclass
class Person:
    """Someone on the register as the minutes name them."""

    name: str
    role_title: str = ""
    agency: str = ""
    member_id: int | None = None


@dataclass
class DeputyLine:
    name: str
    """The deputy who attended."""
    for_name: str
    """The member they attended for."""
    role_title: str = ""
    agency: str = ""
    for_member_id: int | None = None


@dataclass
class GuestLine:
    name: str
    organisation: str = ""
    item: str = ""


@dataclass
class Attendance:
    present: list[Person] = field(default_factory=list)
    deputies: list[DeputyLine] = field(default_factory=list)
    apologies: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)
    in_attendance: list[GuestLine] = field(default_factory=list)
    not_recorded: list[Person] = field(default_factory=list)
    """Members expected but with nothing in the register (the register is incomplete)."""


@dataclass
class Quoracy:
    recorded: bool = False
    """Whether the register has any entries (without, quoracy is unknown)."""
    quorate: bool | None = None
    """None with ``recorded``: not yet quorate (the meeting has not been held, or its register is not
    finished), so neither "quorate" nor "not quorate" can be said yet (issue 14)."""
    rule: str = ""
    counted: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    chair_decision: str | None = None
    """'proceed' or 'reconvene' when the meeting was not quorate and the chair decided."""
    chair_decision_note: str = ""
    quorum_set: bool = True
    """False when the Terms of Reference set no quorum: the minutes say so rather than "quorate"."""
    summary: str = ""
    """The count in the rule's words when it says more than who was present
    ('all three lead partners and 4 of 3 other agencies'); '' for the simpler kinds."""
    items_waiting: list[str] = field(default_factory=list)
    """Items the chair's decision to proceed left waiting for a quorate meeting: '5 (Budget)'."""
    waiting_from_earlier: list[str] = field(default_factory=list)
    """Items earlier inquorate meetings left waiting, listed for this one, by meeting:
    'from the meeting of 12 May 2026: 5 (Budget), 6 (Policy)'."""

    @property
    def statement(self) -> str:
        """The quoracy sentence for the minutes."""
        counted = ", ".join(self.counted) or "none"
        if self.recorded and self.quorate is None:  # not yet quorate: the meeting to come, or the register unfinished
            return (f"Not yet quorate: the register is not finished or the meeting has not yet been held "
                    f"({counted} counted so far). {self.rule}").rstrip() + self._earlier("still waiting for a quorate meeting")
        if not self.recorded or self.quorate is None:
            return "Quoracy: the attendance register was not recorded." + self._earlier("waiting for a quorate meeting")
        summary = f": {self.summary}" if self.summary else ""
        if not self.quorum_set:
            return f"No quorum is set in the Terms of Reference ({counted} present)." + self._earlier(
                "that waited for a quorate meeting, taken at this one")
        if self.quorate:
            return f"The meeting was quorate{summary} ({counted} present)." + self._earlier(
                "that waited for a quorate meeting, taken at this one")
        text = f"The meeting was not quorate{summary} ({counted} present). {self.rule}"
        if self.chair_decision == "proceed" and self.items_waiting:
            text += (" The chair decided to proceed with the other items; these wait for the next quorate meeting: "
                     + ", ".join(self.items_waiting) + ". Decisions taken are marked as taken while inquorate (ToR 3).")
        elif self.chair_decision == "proceed":
            text += " The chair decided to proceed; decisions taken are marked as taken while inquorate (ToR 3)."
        elif self.chair_decision == "reconvene":
            text += " The chair decided to reconvene the meeting."
        else:
            text += " The chair's decision was not recorded."
        if self.chair_decision_note:
            text += f" Chair's note: {self.chair_decision_note}"
        return text + self._earlier("still waiting for a quorate meeting")

    def _earlier(self, words: str) -> str:
        if not self.waiting_from_earlier:
            return ""
        return f" Items {words}: " + "; ".join(self.waiting_from_earlier) + "."


@dataclass
class Decision:
    text: str
    taken_while_inquorate: bool = False


@dataclass
class RatifiedLine:
    """A decision taken while an earlier meeting was not quorate, ratified at this one (ToR 3)."""

    text: str
    """The decision as it was ratified."""
    meeting_date: dt.date
    """The date of the meeting that took it."""
    item_number: str = ""
    item_title: str = ""
    note: str = ""
    decision_id: int | None = None
    meeting_id: int | None = None

    @property
    def sentence(self) -> str:
        """'From the meeting of 12 May 2026, item 5 (Budget): the decision text. Note.'"""
        item = ""
        if self.item_number or self.item_title:
            item = ", item " + (f"{self.item_number} ({self.item_title})" if self.item_number and self.item_title
                                else self.item_number or self.item_title)
        text = f"From the meeting of {self.meeting_date.day} {self.meeting_date:%B %Y}{item}: {self.text}"
        if self.note:
            text += f" ({self.note})"
        return text


RATIFIED_HEADING = "Decisions ratified"
RATIFIED_INTRO = ("Decisions taken while an earlier meeting was not quorate, ratified at this quorate meeting "
                  "(ToR 3):")


@dataclass
class ActionLine:
    """An action as the minutes print it (new under its item, or in the action log)."""

    number: str
    description: str
    owner: str
    due_date: dt.date | None = None
    status: str = "open"
    """As at the end of the meeting these minutes record."""
    status_date: dt.date | None = None
    note: str = ""
    """The update given at this meeting (action log), if any."""
    item_number: str = ""
    """The item it came from, on its own meeting's agenda."""
    from_meeting: dt.date | None = None
    overdue: bool = False
    """As at the meeting's date."""
    action_id: int | None = None
    item_id: int | None = None


@dataclass
class DeclarationLine:
    name: str
    nature: str
    managed: str = ""
    agency: str = ""
    item_number: str = ""
    """'' when the declaration concerns the meeting generally."""
    item_title: str = ""
    member_id: int | None = None
    item_id: int | None = None
    declaration_id: int | None = None


@dataclass
class MinutesItem:
    number: str
    title: str
    depth: int = 0
    presenter: str = ""
    standing: str = "none"
    purpose: str | None = None
    discussion: str = ""
    """Paragraphs, '- ' bullets and **bold** (see :func:`parse_discussion`)."""
    decisions: list[Decision] = field(default_factory=list)
    actions: list[ActionLine] = field(default_factory=list)
    """New actions from this item (records of their own; pulled in, not typed here)."""
    item_id: int | None = None
    on_agenda: bool = True
    """False for text kept from an item since removed from the agenda (nothing typed is lost)."""
    waits: bool = False
    """The chair's decision left this item waiting for a quorate meeting (ToR 3)."""

    @property
    def blocks(self) -> list[Block]:
        return parse_discussion(self.discussion)

    @property
    def has_text(self) -> bool:
        return bool(self.discussion.strip() or self.decisions)


@dataclass
class Correction:
    """Why this revision exists: it corrects an earlier signed one."""

    corrects_revision: int
    corrects_digest: str
    reason: str
    on: dt.date


@dataclass
class Minutes:
    meeting: MeetingInfo
    partnership: str = ""
    subcommittee: str = ""
    chaired_by: str = ""
    minute_taker: str = ""
    attendance: Attendance = field(default_factory=Attendance)
    quoracy: Quoracy = field(default_factory=Quoracy)
    declarations: list[DeclarationLine] = field(default_factory=list)
    items: list[MinutesItem] = field(default_factory=list)
    general_actions: list[ActionLine] = field(default_factory=list)
    """New actions not tied to an item on the agenda."""
    action_log: list[ActionLine] = field(default_factory=list)
    """Actions carried forward from earlier meetings, as they stood at the end of this one."""
    revision: int = 1
    correction: Correction | None = None
    record: MeetingRecord | None = None
    """The meeting's details, register, guests and agenda as the database held them (version 2 on)."""
    ratified: list[RatifiedLine] = field(default_factory=list)
    """Decisions of earlier inquorate meetings ratified at this one (version 4 on)."""
    version: int = CONTENT_VERSION

    @property
    def covers_meeting(self) -> bool:
        """Whether this content holds the meeting's record (minutes signed before version 2 do not)."""
        return self.version >= RECORD_VERSION and self.record is not None

    @property
    def inquorate(self) -> bool:
        return self.quoracy.quorate is False

    def item(self, item_id: int) -> MinutesItem | None:
        return next((i for i in self.items if i.item_id == item_id), None)

    def to_data(self) -> dict[str, Any]:
        """Plain data (JSON-able, ISO dates), the content that is saved, digested and signed."""
        return _to_data(self)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Minutes:
        version = data.get("version", CONTENT_VERSION)
        if not isinstance(version, int) or version > CONTENT_VERSION:
            raise ValueError(f"These minutes were written by a newer version of the program (content version {version}).")
        return _from_data(cls, data)


# --- plain data <-> dataclasses ---------------------------------------------------------------

def _to_data(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_to_data(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _coerce(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _coerce(options[0], value)
    if origin is list:
        (inner,) = typing.get_args(tp)
        return [_coerce(inner, v) for v in value]
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    if dataclasses.is_dataclass(tp):
        return _from_data(tp, value)
    if tp is bool:
        return bool(value)
    if tp is int:
        return int(value)
    if tp is str:
        return str(value)
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The field types of one of this module's dataclasses, worked out once (``get_type_hints`` evaluates
    every annotation's text each time: a third of the time of reading a long meeting's minutes)."""
    return typing.get_type_hints(cls)


def _from_data(cls: type, data: Mapping[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {f.name: _coerce(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


MAX_INT = 2**53
"""The largest whole number content from outside may hold (ids, revisions; JSON's exact range)."""


def check_data(data: Any, cls: type | None = None, path: str = "") -> None:
    """Check plain data from outside (an approval file) against the shape of ``cls`` (default
    :class:`Minutes`) before it is read: every field of the right type (text, whole number, true/false,
    ISO date, list, object), no unknown field, no required field missing, text that is valid Unicode.
    Raises ValueError naming the first field that is wrong ("items[3].decisions[0].text: ...")."""
    cls = cls or Minutes
    if not isinstance(data, Mapping):
        raise ValueError(f"{path or 'the minutes'}: expected an object, found {_kind(data)}")
    hints = _hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls)}
    for key in data:
        if key not in known:
            raise ValueError(f"{path}{'.' if path else ''}{key}: not a field of the minutes")
    for name, f in known.items():
        where = f"{path}{'.' if path else ''}{name}"
        if name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ValueError(f"{where}: missing")
            continue
        _check_value(hints[name], data[name], where)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list"}.get(
        type(value), "an object" if isinstance(value, Mapping) else type(value).__name__)


def _check_value(tp: Any, value: Any, where: str) -> None:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None and len(options) < len(typing.get_args(tp)):
            return
        _check_value(options[0], value, where)
        return
    if origin is list:
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list, found {_kind(value)}")
        (inner,) = typing.get_args(tp)
        for i, v in enumerate(value):
            _check_value(inner, v, f"{where}[{i}]")
        return
    if dataclasses.is_dataclass(tp):
        check_data(value, tp, where)
        return
    if tp is bool:
        if not isinstance(value, bool):
            raise ValueError(f"{where}: expected true or false, found {_kind(value)}")
    elif tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{where}: expected a whole number, found {_kind(value)}")
        if abs(value) > MAX_INT:
            raise ValueError(f"{where}: the number is too large")
    elif tp is str or tp is dt.date:
        if not isinstance(value, str):
            raise ValueError(f"{where}: expected {'a date' if tp is dt.date else 'text'}, found {_kind(value)}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{where}: the text is not valid Unicode") from None
        if tp is dt.date:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"{where}: '{value[:20]}' is not a date (YYYY-MM-DD)") from None


# --- building the minutes ---------------------------------------------------------------------

def attendance_from_register(rows: Sequence[RegisterRow], guests: Sequence[Guest]) -> Attendance:
    from mqp_desktop.domain.attendance import AttendanceStatus

    out = Attendance()
    for row in rows:
        person = Person(row.member.display_name, row.member.role_title, row.agency.label, row.member.id)
        status = row.status
        if status is AttendanceStatus.PRESENT:
            out.present.append(person)
        elif status is AttendanceStatus.DEPUTY:
            out.deputies.append(DeputyLine(row.entry.deputy_name, person.name, person.role_title, person.agency,
                                           person.member_id))
        elif status is AttendanceStatus.APOLOGIES:
            out.apologies.append(person)
        elif status is AttendanceStatus.ABSENT:
            out.absent.append(person)
        else:
            out.not_recorded.append(person)
    out.in_attendance = [GuestLine(g.name, g.organisation, g.item) for g in guests]
    return out


WAITS_MARK = "Waits for the next quorate meeting (the chair's decision, ToR 3)"


def quoracy_from(quorum: MeetingQuorum | None, agency_names: Mapping[int, str] | None = None,
                 items_waiting: Sequence[str] = (), waiting_from_earlier: Sequence[str] = (),
                 *, not_yet: bool = False) -> Quoracy:
    """``not_yet``: the meeting is not yet quorate (:class:`~mqp_desktop.domain.meetings.QuorumState`):
    the minutes say so, rather than that it was not quorate, and mark no decision as taken while inquorate."""
    if quorum is None or quorum.recorded == 0:
        return Quoracy(waiting_from_earlier=list(waiting_from_earlier))
    from mqp_desktop.domain.quorum import QuorumKind

    result = quorum.result
    shared = any(s.shared for s in result.seats)
    counted = [s.counted_label for s in result.seats if s.filled] if shared else [a.label for a in result.counted]
    missing = [s.label for s in result.missing_seats] if shared else [a.label for a in result.missing]
    combination = result.rule.kind is QuorumKind.ALL_AND_AT_LEAST
    return Quoracy(
        recorded=True,
        quorate=None if not_yet and not result.quorate else result.quorate,
        rule=result.rule.describe(agency_names),
        counted=counted + (list(result.others) if combination else []),
        missing=missing,
        chair_decision=quorum.decision.value if quorum.decision else None,
        chair_decision_note=quorum.decision_note,
        quorum_set=result.quorum_set,
        summary=result.summary() if combination else "",
        items_waiting=list(items_waiting),
        waiting_from_earlier=list(waiting_from_earlier),
    )


def prefill_minutes(
    *,
    meeting: Meeting,
    partnership: str = "",
    subcommittee: str = "",
    chaired_by: str = "",
    register: Sequence[RegisterRow] = (),
    guests: Sequence[Guest] = (),
    quorum: MeetingQuorum | None = None,
    agency_names: Mapping[int, str] | None = None,
    lines: Sequence[AgendaLine] = (),
    presenters: Mapping[int, str] | None = None,
    declarations: Sequence[DeclarationLine] = (),
    new_actions: Sequence[ActionLine] = (),
    action_log: Sequence[ActionLine] = (),
    revision: int = 1,
    correction: Correction | None = None,
    record: MeetingRecord | None = None,
    waiting_from_earlier: Sequence[str] = (),
    ratified: Sequence[RatifiedLine] = (),
    today: dt.date | None = None,
) -> Minutes:
    """Minutes filled in from what the program knows; discussion and decisions empty.

    ``waiting_from_earlier``: the items earlier inquorate meetings left waiting, in words. ``today``
    (default: today) tells a meeting still to come, whose quoracy is not yet known."""
    from mqp_desktop.domain.meetings import QuorumState

    waiting = set(quorum.items_waiting) if quorum is not None else set()
    not_yet = quorum is not None and quorum.state(meeting, today or dt.date.today()) is QuorumState.NOT_YET
    items = [
        MinutesItem(
            number=line.number,
            title=line.item.title,
            depth=line.depth,
            presenter=(presenters or {}).get(line.item.id, ""),
            standing=line.item.standing.value,
            purpose=line.item.purpose.value if line.item.purpose else None,
            item_id=line.item.id,
            waits=line.item.id in waiting,
        )
        for line in lines
    ]
    by_id = {i.item_id: i for i in items}
    general: list[ActionLine] = []
    for action in new_actions:
        target = by_id.get(action.item_id)
        (target.actions if target is not None else general).append(action)
    return Minutes(
        meeting=MeetingInfo(
            meeting_id=meeting.id, title=meeting.title, date=meeting.date, start_time=meeting.start_time,
            end_time=meeting.end_time, venue=meeting.venue, online_link=meeting.online_link,
            kind=meeting.kind.value,
        ),
        partnership=partnership,
        subcommittee=subcommittee,
        chaired_by=chaired_by,
        attendance=attendance_from_register(register, guests),
        quoracy=quoracy_from(quorum, agency_names,
                             [f"{i.number} ({i.title})" for i in items if i.waits], waiting_from_earlier,
                             not_yet=not_yet),
        declarations=list(declarations),
        items=items,
        general_actions=general,
        action_log=list(action_log),
        revision=revision,
        correction=correction,
        record=record,
        ratified=list(ratified),
    )


def merge_written(prefill: Minutes, written: Minutes | None) -> Minutes:
    """``prefill`` with what the officer wrote in ``written`` laid over it.

    Taken from ``written``: who chaired and took the minutes (when given), and per
    item (matched by item id) the discussion and decisions. An item with text that
    is no longer on the agenda is kept at the end, ``on_agenda=False``. Every
    decision is marked ``taken_while_inquorate`` from the prefill's quoracy.
    """
    out = dataclasses.replace(prefill, items=[dataclasses.replace(i) for i in prefill.items])
    if written is not None:
        out.chaired_by = written.chaired_by or out.chaired_by
        out.minute_taker = written.minute_taker or out.minute_taker
        on_agenda = {i.item_id: i for i in out.items}
        for old in written.items:
            target = on_agenda.get(old.item_id)
            if target is not None:
                target.discussion = old.discussion
                target.decisions = [Decision(d.text) for d in old.decisions]
            elif old.has_text:
                out.items.append(dataclasses.replace(
                    old, on_agenda=False, actions=[], decisions=[Decision(d.text) for d in old.decisions]))
    return mark_inquorate(out)


def _item_key(item: MinutesItem) -> str:
    return f"item:{item.item_id}" if item.item_id is not None else f"item:{item.number or item.title}"


def written_text(minutes: Minutes) -> tuple[dict[str, str], dict[str, str]]:
    """What the officer wrote, as text per part (for comparing two copies of the minutes):
    (values, labels), keyed 'chaired_by', 'minute_taker' and 'item:<id>' (discussion, then decisions)."""
    values = {"chaired_by": minutes.chaired_by, "minute_taker": minutes.minute_taker}
    labels = {"chaired_by": "chaired by", "minute_taker": "minutes taken by"}
    for item in minutes.items:
        text = item.discussion.strip()
        decisions = [d.text for d in item.decisions if d.text.strip()]
        if decisions:
            text += ("\n" if text else "") + "\n".join(f"Decision: {d}" for d in decisions)
        key = _item_key(item)
        values[key] = text
        labels[key] = f"item {item.number} ({item.title})" if item.number else f"item '{item.title}'"
    return values, labels


def rebase_written(base: Minutes, mine: Minutes, stored: Minutes) -> Minutes:
    """``stored`` with the officer's own changes (``mine`` against ``base``, the text as loaded)
    laid over it: an item only the other copy changed keeps the other copy's text; an item the
    officer changed takes the officer's (whole item: discussion and decisions)."""
    out = dataclasses.replace(stored, items=[dataclasses.replace(i) for i in stored.items])
    if mine.chaired_by != base.chaired_by:
        out.chaired_by = mine.chaired_by
    if mine.minute_taker != base.minute_taker:
        out.minute_taker = mine.minute_taker
    before = {_item_key(i): i for i in base.items}
    target = {_item_key(i): i for i in out.items}
    for item in mine.items:
        key = _item_key(item)
        was = before.get(key)
        changed = was is None or (was.discussion, [d.text for d in was.decisions]) != (
            item.discussion, [d.text for d in item.decisions])
        if not changed:
            continue
        if key in target:
            target[key].discussion = item.discussion
            target[key].decisions = [Decision(d.text) for d in item.decisions]
        elif item.has_text:
            out.items.append(dataclasses.replace(item, decisions=[Decision(d.text) for d in item.decisions]))
    return out


def mark_inquorate(minutes: Minutes) -> Minutes:
    """Set every decision's ``taken_while_inquorate`` from the quoracy (ToR 3); returns ``minutes``."""
    flag = minutes.inquorate
    for item in minutes.items:
        item.decisions = [Decision(" ".join(d.text.split()), flag) for d in item.decisions if d.text.strip()]
    return minutes


# --- declarations of interest (ToR 11) --------------------------------------------------------

@dataclass
class Declaration:
    """A declaration of interest at a meeting: a member (or a guest, by name) and the item."""

    meeting_id: int
    nature: str
    managed: str = ""
    """How it was managed: e.g. 'left the room for the decision', 'took no part in the discussion'."""
    member_id: int | None = None
    guest_name: str = ""
    item_id: int | None = None
    """None: the declaration concerns the meeting generally."""
    removed: bool = False
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)


def validate_declaration(d: Declaration) -> Declaration:
    from mqp_desktop.domain.validation import ValidationError

    d.nature = " ".join((d.nature or "").split())
    d.managed = " ".join((d.managed or "").split())
    d.guest_name = " ".join((d.guest_name or "").split())
    if not d.nature:
        raise ValidationError("nature", "Say what the interest is, e.g. 'employed by the agency whose return is discussed'.")
    if d.member_id is None and not d.guest_name:
        raise ValidationError("member", "Name who declared: a member, or a guest by name.")
    if d.member_id is not None and d.guest_name:
        raise ValidationError("member", "A declaration is by a member or by a named guest, not both: clear one.")
    return d


@dataclass(frozen=True)
class DeclarationPrompt:
    """A suggestion to ask for a declaration: an item concerns an agency whose people are present."""

    item_id: int
    item_number: str
    item_title: str
    agency_id: int
    agency: str
    people: tuple[str, ...]
    """Who attended for the agency ('Eleanor Wright (deputy for Margaret Ansah)')."""
    member_ids: tuple[int, ...]
    reason: str


def _mentions(title: str, name: str) -> bool:
    name = name.strip()
    return bool(name) and re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", title, re.IGNORECASE) is not None


def declaration_prompts(
    lines: Sequence[AgendaLine],
    agencies: Iterable[Agency],
    register: Sequence[RegisterRow],
    *,
    linked: Mapping[int, Iterable[int]] | None = None,
    declared: Iterable[tuple[int | None, int | None]] = (),
) -> list[DeclarationPrompt]:
    """For each substantive item that names an agency (its name or short name in the title, or an
    agency ``linked`` to the item, e.g. through a Section 11 return) whose representative attended,
    a prompt naming them. Members who already declared on the item (``declared``: (member_id,
    item_id) pairs) are left out, and a prompt with nobody left is not given."""
    from mqp_desktop.domain.agenda import StandingKind

    agencies = [a for a in agencies if a.id is not None]
    done = set(declared)
    attended: dict[int, list[RegisterRow]] = {}
    for row in register:
        if row.status is not None and row.status.attended:
            attended.setdefault(row.agency.id, []).append(row)
    out: list[DeclarationPrompt] = []
    for line in lines:
        item = line.item
        if item.standing is not StandingKind.NONE:
            continue
        links = set((linked or {}).get(item.id, ()))
        for agency in agencies:
            named = _mentions(item.title, agency.name) or _mentions(item.title, agency.short_name)
            if not (named or agency.id in links):
                continue
            rows = [r for r in attended.get(agency.id, []) if (r.member.id, item.id) not in done]
            if not rows:
                continue
            people = tuple(
                f"{r.entry.deputy_name} (deputy for {r.member.display_name})" if r.entry.deputy_name
                else r.member.display_name for r in rows
            )
            out.append(DeclarationPrompt(
                item_id=item.id, item_number=line.number, item_title=item.title, agency_id=agency.id,
                agency=agency.label, people=people, member_ids=tuple(r.member.id for r in rows),
                reason=(f"Item {line.number} names {agency.label}" if named
                        else f"Item {line.number} concerns {agency.label}"),
            ))
    return out
