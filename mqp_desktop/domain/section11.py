"""Section 11 self-assessment audits (ToR 7.8): frameworks, rating scales, rounds, returns.

Plain records and rules, no Qt and no SQL. The arithmetic over them (scores with
"not applicable" left out, the weakest standards, overdue returns and actions,
round-to-round comparison) is in :mod:`mqp_desktop.domain.section11_analysis`.

* A :class:`Framework` (in :mod:`~mqp_desktop.domain.section11_framework`, re-exported here) is a named, versioned set of :class:`Standard` s, each with
  sub-criteria (:class:`Criterion`). The eight standards of the statutory guidance
  ship as data (``resources/frameworks/``); partnerships edit them or add their own
  (``with_standard``), and a spreadsheet's rows become one through
  :func:`framework_from_rows`.
* An :class:`AuditRound` holds a *copy* of its framework's standards, taken when the
  round is created, so later edits to the framework never change a round.
* A :class:`RatingScale` (RAG, 0-3 score, or percentage in 5% steps with "not
  applicable") turns what people type into a canonical value and a number.
* An :class:`AuditReturn` is one agency's answer to one round: contacts, dates,
  reminders, a :class:`Rating` per standard or sub-criterion (self-assessed and
  moderated), the panel's outcome and an action plan (:class:`ActionItem`).

Every check raises :class:`~mqp_desktop.domain.validation.ValidationError`
naming the field, the problem and what to do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.section11_framework import (  # noqa: F401  (re-exported: one import for callers)
    FRAMEWORK_COLUMNS,
    Criterion,
    Framework,
    FrameworkImportError,
    RowProblem,
    Standard,
    criterion_code,
    find_standard,
    framework_from_rows,
    framework_rows,
    standards_from_data,
    standards_to_data,
    validate_framework,
)
from mqp_desktop.domain.validation import ValidationError, parse_date

NOT_APPLICABLE = "n/a"

# --- rating scales ------------------------------------------------------------------------


class ScaleKind(StrEnum):
    """The rating scale an audit round uses (chosen per round)."""

    RAG = "rag"
    SCORE_0_3 = "score"
    PERCENT = "percent"


class Basis(StrEnum):
    """Which rating a figure is worked out from."""

    SELF = "self"  # the agency's self-assessment
    MODERATED = "moderated"  # the panel's rating only (nothing where the panel has not rated)
    EFFECTIVE = "effective"  # the panel's rating where it has one, else the self-assessment


_NA_WORDS = {"n/a", "na", "n.a.", "not applicable", "not-applicable"}


@dataclass(frozen=True)
class RatingScale:
    """One rating scale: its values in order, worst first, and their points.

    Values are stored as canonical text ("amber", "2", "75", "n/a"). ``points``
    gives each value its place on the scale (RAG: red 0, amber 1, green 2); a
    value's *percent* (points / top × 100) puts every scale on a common footing
    for comparing rounds that use different scales.
    """

    kind: ScaleKind
    label: str
    values: tuple[str, ...]
    points: Mapping[str, float]
    allows_not_applicable: bool = False
    meanings: Mapping[str, str] = field(default_factory=dict)

    @property
    def top(self) -> float:
        return max(self.points.values())

    @property
    def choices(self) -> tuple[str, ...]:
        """What may be entered, in order (with "n/a" last where the scale allows it)."""
        return self.values + ((NOT_APPLICABLE,) if self.allows_not_applicable else ())

    def describe(self) -> str:
        """The choices in words, for messages: 'red, amber or green'."""
        if self.kind is ScaleKind.PERCENT:
            text = "a percentage from 0 to 100 in steps of 5 (0, 5, 10, ... 100)"
        else:
            text = ", ".join(self.values[:-1]) + " or " + self.values[-1]
        if self.allows_not_applicable:
            text += ", or n/a (not applicable, with a reason)"
        return text

    def clean(self, value: object, field_name: str = "rating") -> str | None:
        """The canonical value for what was typed or imported; None for empty.

        Raises ValidationError for anything off the scale.
        """
        if value is None:
            return None
        if isinstance(value, bool):
            raise self._off_scale(value, field_name)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = " ".join(str(value).strip().lower().split())
        if not text:
            return None
        if text in _NA_WORDS:
            if self.allows_not_applicable:
                return NOT_APPLICABLE
            raise ValidationError(
                field_name,
                f"'{value}' is not allowed on the {self.label} scale: rate it {self.describe()}.",
            )
        if self.kind is ScaleKind.RAG:
            text = {"r": "red", "a": "amber", "g": "green"}.get(text, text)
        elif self.kind is ScaleKind.PERCENT:
            text = text.rstrip("%").strip()
            if re.fullmatch(r"\d+(\.0+)?", text):
                text = str(int(float(text)))
        if text not in self.values:
            raise self._off_scale(value, field_name)
        return text

    def _off_scale(self, value: object, field_name: str) -> ValidationError:
        return ValidationError(field_name, f"'{value}' is not on the {self.label} scale: rate it {self.describe()}.")

    def points_of(self, value: str | None) -> float | None:
        """The value's points (None for no rating and for "n/a")."""
        if value is None or value == NOT_APPLICABLE:
            return None
        return self.points[value]

    def percent_of(self, value: str | None) -> float | None:
        """The value as a percentage of the scale's top (None for no rating and "n/a")."""
        points = self.points_of(value)
        return None if points is None else 100.0 * points / self.top

    def nearest(self, percent: float) -> str:
        """The scale value closest to a percentage (ties go to the lower value).

        For colouring a standard whose score is worked out from several
        sub-criteria on the scale's own bands.
        """
        best = self.values[0]
        for value in self.values:
            if abs(self.percent_of(value) - percent) < abs(self.percent_of(best) - percent) - 1e-9:
                best = value
        return best


RAG = RatingScale(
    kind=ScaleKind.RAG,
    label="red/amber/green",
    values=("red", "amber", "green"),
    points={"red": 0, "amber": 1, "green": 2},
    meanings={"red": "not met", "amber": "partially met", "green": "fully met"},
)
SCORE_0_3 = RatingScale(
    kind=ScaleKind.SCORE_0_3,
    label="0-3 score",
    values=("0", "1", "2", "3"),
    points={"0": 0, "1": 1, "2": 2, "3": 3},
    meanings={"0": "not met", "1": "partially met", "2": "mostly met", "3": "fully met"},
)
PERCENT = RatingScale(
    kind=ScaleKind.PERCENT,
    label="percentage",
    values=tuple(str(n) for n in range(0, 101, 5)),
    points={str(n): n for n in range(0, 101, 5)},
    allows_not_applicable=True,
)
SCALES: dict[ScaleKind, RatingScale] = {s.kind: s for s in (RAG, SCORE_0_3, PERCENT)}


def scale_for(kind: ScaleKind | str) -> RatingScale:
    try:
        return SCALES[ScaleKind(kind)]
    except ValueError:
        raise ValidationError(
            "scale", f"'{kind}' is not a rating scale: choose rag (red/amber/green), score (0-3) or percent."
        ) from None


# --- rounds, returns, ratings, actions ----------------------------------------------------


@dataclass
class AuditRound:
    """One Section 11 audit round, e.g. "Section 11 audit 2023-24".

    ``standards`` is the round's own copy of its framework's standards.
    ``agency_ids`` are the agencies asked to return (one return each).
    """

    name: str
    scale: ScaleKind
    issued: dt.date
    deadline: dt.date
    standards: tuple[Standard, ...]
    framework_id: int | None = None
    framework_name: str = ""
    framework_version: int | None = None
    panel_dates: tuple[dt.date, ...] = ()
    agency_ids: tuple[int, ...] = ()
    notes: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    @property
    def rating_scale(self) -> RatingScale:
        return scale_for(self.scale)

    def standard(self, number: int | str) -> Standard:
        return find_standard(self.standards, number)


def validate_round(rnd: AuditRound) -> AuditRound:
    rnd.name = " ".join((rnd.name or "").split())
    if not rnd.name:
        raise ValidationError("name", "The round's name is required, e.g. 'Section 11 audit 2025-26'.")
    rnd.scale = scale_for(rnd.scale).kind
    rnd.issued = parse_date(rnd.issued, "issue date", required=True)  # type: ignore[assignment]
    rnd.deadline = parse_date(rnd.deadline, "deadline", required=True)  # type: ignore[assignment]
    if rnd.deadline < rnd.issued:
        raise ValidationError(
            "deadline", f"The deadline ({rnd.deadline:%d/%m/%Y}) is before the issue date ({rnd.issued:%d/%m/%Y})."
        )
    rnd.panel_dates = tuple(sorted(set(rnd.panel_dates)))
    for day in rnd.panel_dates:
        if day < rnd.issued:
            raise ValidationError(
                "panel_dates", f"The panel date {day:%d/%m/%Y} is before the round was issued ({rnd.issued:%d/%m/%Y})."
            )
    if not rnd.standards:
        raise ValidationError("standards", "The round has no standards: choose a framework with at least one.")
    return rnd


class ReturnStatus(StrEnum):
    NOT_ISSUED = "not issued"  # no issue date, or one still to come
    OUTSTANDING = "outstanding"  # issued, not received, deadline not passed
    OVERDUE = "overdue"  # deadline passed, not received
    RECEIVED = "received"  # received, not yet reviewed by the panel
    REVIEWED = "reviewed"


@dataclass(frozen=True)
class Reminder:
    sent_on: dt.date
    note: str = ""
    id: int | None = None


@dataclass
class Rating:
    """One rating of one standard (``criterion`` "") or sub-criterion of a return.

    Values are canonical scale text (see :meth:`RatingScale.clean`); "n/a" needs
    its reason. ``evidence`` holds evidence references, ``improvement`` the areas
    for improvement; the panel sets ``moderated_value`` and ``panel_comments``.
    """

    standard: int
    criterion: str = ""
    self_value: str | None = None
    self_na_reason: str = ""
    evidence: str = ""
    improvement: str = ""
    moderated_value: str | None = None
    moderated_na_reason: str = ""
    panel_comments: str = ""
    return_id: int | None = None
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    @property
    def key(self) -> tuple[int, str]:
        return (self.standard, self.criterion)

    @property
    def is_empty(self) -> bool:
        """No value and no words: as if never rated (what undoing a new rating leaves, rows being kept)."""
        return (self.self_value is None and self.moderated_value is None
                and not any((self.self_na_reason, self.evidence, self.improvement, self.moderated_na_reason,
                             self.panel_comments)))

    def value(self, basis: Basis = Basis.EFFECTIVE) -> str | None:
        if basis is Basis.SELF:
            return self.self_value
        if basis is Basis.MODERATED:
            return self.moderated_value
        return self.moderated_value if self.moderated_value is not None else self.self_value


def validate_rating(rating: Rating, scale: RatingScale, standards: Iterable[Standard]) -> Rating:
    """A copy with canonical values; the standard and sub-criterion must be in ``standards``.

    Off-scale values are refused; "not applicable" is refused on scales without
    it and needs a reason where allowed.
    """
    standard = find_standard(standards, rating.standard)
    code = standard.criterion(rating.criterion).code if str(rating.criterion or "").strip() else ""
    out = dataclasses.replace(
        rating,
        standard=standard.number,
        criterion=code,
        self_value=scale.clean(rating.self_value, "self_value"),
        moderated_value=scale.clean(rating.moderated_value, "moderated_value"),
        self_na_reason=(rating.self_na_reason or "").strip(),
        moderated_na_reason=(rating.moderated_na_reason or "").strip(),
        evidence=(rating.evidence or "").strip(),
        improvement=(rating.improvement or "").strip(),
        panel_comments=(rating.panel_comments or "").strip(),
    )
    where = f"standard {standard.number}" + (f", sub-criterion {code}" if code else "")
    for value, reason, who, fld in (
        (out.self_value, out.self_na_reason, "self-assessment", "self_na_reason"),
        (out.moderated_value, out.moderated_na_reason, "moderated rating", "moderated_na_reason"),
    ):
        if value == NOT_APPLICABLE and not reason:
            raise ValidationError(fld, f"The {who} of {where} is 'not applicable': give the reason it does not apply.")
    return out


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.DROPPED)


@dataclass
class ActionItem:
    """One item of an agency's Section 11 action plan."""

    return_id: int | None
    action: str
    owner: str = ""
    due: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    closed: dt.date | None = None
    standard: int | None = None  # the standard it answers, if any
    notes: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    def is_overdue(self, today: dt.date) -> bool:
        """Due date passed and not done or dropped."""
        return self.due is not None and self.due < today and not ActionStatus(self.status).closed


def action_status(value: str) -> ActionStatus:
    key = " ".join(str(value).strip().lower().replace("-", " ").replace("_", " ").split())
    for status in ActionStatus:
        if key == status.value:
            return status
    raise ValidationError(
        "status", f"'{value}' is not an action status: use open, in progress, done or dropped."
    )


def validate_action(item: ActionItem, standards: Iterable[Standard], today: dt.date) -> ActionItem:
    """A copy, cleaned: text present, standard in the round, closed date set exactly when closed.

    Closing without a date closes it ``today``; reopening clears the closed date.
    """
    out = dataclasses.replace(
        item,
        action=" ".join((item.action or "").split()),
        owner=(item.owner or "").strip(),
        notes=(item.notes or "").strip(),
        status=action_status(item.status),
    )
    if not out.action:
        raise ValidationError("action", "The action is empty: say what will be done.")
    if out.standard is not None:
        out.standard = find_standard(standards, out.standard).number
    if out.status.closed:
        out.closed = out.closed or today
    elif out.closed is not None:
        raise ValidationError(
            "closed", f"An action that is {out.status.value} has no closed date: mark it done or dropped to close it."
        )
    return out


@dataclass
class AuditReturn:
    """One agency's return to one audit round."""

    round_id: int
    agency_id: int
    lead_name: str = ""
    lead_email: str = ""
    lead_member_id: int | None = None
    substitute_name: str = ""
    substitute_email: str = ""
    substitute_member_id: int | None = None
    issued: dt.date | None = None
    received: dt.date | None = None
    reviewed: dt.date | None = None
    panel_outcome: str = ""
    notes: str = ""
    reminders: tuple[Reminder, ...] = ()
    ratings: tuple[Rating, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    def status(self, deadline: dt.date, today: dt.date) -> ReturnStatus:
        if self.reviewed is not None:
            return ReturnStatus.REVIEWED
        if self.received is not None:
            return ReturnStatus.RECEIVED
        if self.issued is None or self.issued > today:
            return ReturnStatus.NOT_ISSUED
        return ReturnStatus.OVERDUE if today > deadline else ReturnStatus.OUTSTANDING

    def rating(self, standard: int, criterion: str = "") -> Rating | None:
        for r in self.ratings:
            if r.standard == standard and r.criterion == criterion:
                return r
        return None

    @property
    def last_reminder(self) -> dt.date | None:
        return max((r.sent_on for r in self.reminders), default=None)


def validate_return_dates(ret: AuditReturn) -> AuditReturn:
    if ret.issued is not None and ret.received is not None and ret.received < ret.issued:
        raise ValidationError(
            "received",
            f"The received date ({ret.received:%d/%m/%Y}) is before the return was issued ({ret.issued:%d/%m/%Y}).",
        )
    if ret.reviewed is not None:
        if ret.received is None:
            raise ValidationError("reviewed", "A return cannot be reviewed before it is received: record it received first.")
        if ret.reviewed < ret.received:
            raise ValidationError(
                "reviewed",
                f"The review date ({ret.reviewed:%d/%m/%Y}) is before the return was received ({ret.received:%d/%m/%Y}).",
            )
    return ret
