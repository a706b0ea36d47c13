"""Reporting periods of the partnership's performance data: months, quarters, financial years.

Each period has one canonical key, the form kept in the database and used on the command line:

==========  ============  =====================================================================
frequency   key           meaning
==========  ============  =====================================================================
monthly     ``2025-06``   the calendar month (June 2025)
quarterly   ``2026-Q2``   **calendar** quarter n of the year (``2026-Q2`` = April to June 2026)
annual      ``2025-26``   the financial year from 1 April (``2025-26`` = Apr 2025 to Mar 2026)
==========  ============  =====================================================================

People read them in the English partnership convention, where the year and its quarters run
from April: ``Q1 2026-27 (Apr–Jun 2026)``, ``Jun 2025``, ``2025-26`` (:meth:`Period.label`).
:func:`parse_period` reads the keys, those labels and the headers partnerships' spreadsheets
use: ``Q1 2025-26``, ``2025/26 Q1``, ``Q3 2025/26``, ``Jun-25``, ``June 2025``, ``2025-06``,
``2025-Q2``, ``2025-26``, ``2025/26`` (and a date, as a spreadsheet cell, for its month).

A chosen period maps onto an indicator of another frequency as the latest period of that frequency
complete by the chosen one's last day (:meth:`Period.as_frequency`): a quarter's monthly indicator
is read for the quarter's last month, an annual one for the latest financial year ended by the end of
the quarter (Q2 2026-27 shows 2025-26: the year holding the quarter has not ended, so its figure
does not exist yet).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"


FREQUENCIES = tuple(f.value for f in Frequency)
MONTHS_IN = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 12}
PER_YEAR = {Frequency.MONTHLY: 12, Frequency.QUARTERLY: 4, Frequency.ANNUAL: 1}

MIN_YEAR, MAX_YEAR = 1900, 2999

ACCEPTED_FORMS = (
    "a quarter as 2026-Q2 (calendar quarter: Apr-Jun 2026) or Q1 2026-27 / 2026/27 Q1 (financial year), "
    "a month as 2025-06, Jun-25 or June 2025, a financial year as 2025-26 or 2025/26"
)

_MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_MONTH_NAMES["sept"] = 9


def frequency_of(value: Frequency | str) -> Frequency:
    """A frequency from its name (``monthly``, ``quarterly``, ``annual``; also month/quarter/year)."""
    if isinstance(value, Frequency):
        return value
    text = str(value).strip().lower()
    words = {"month": "monthly", "months": "monthly", "quarter": "quarterly", "quarters": "quarterly",
             "year": "annual", "years": "annual", "yearly": "annual", "annually": "annual"}
    try:
        return Frequency(words.get(text, text))
    except ValueError:
        raise ValueError(f"'{value}' is not a frequency: use monthly, quarterly or annual.") from None


@dataclass(frozen=True, order=True)
class Period:
    """One month, calendar quarter or financial year.

    ``year`` is the calendar year (for a financial year: the year it starts, 2025 for 2025-26);
    ``number`` is the month (1-12), the calendar quarter (1-4), or 1 for a financial year.
    Build one with :func:`parse_period`, :meth:`from_key`, :meth:`month`, :meth:`quarter`,
    :meth:`financial_year` or :meth:`containing`; compare periods of one frequency with < and >.
    """

    frequency: Frequency
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "frequency", frequency_of(self.frequency))
        top = {Frequency.MONTHLY: 12, Frequency.QUARTERLY: 4, Frequency.ANNUAL: 1}[self.frequency]
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"The year {self.year} is outside the years a period can have ({MIN_YEAR}-{MAX_YEAR}).")
        if not 1 <= self.number <= top:
            raise ValueError(f"There is no {self.frequency.value} period number {self.number} (1-{top}).")

    # --- making ---------------------------------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(Frequency.MONTHLY, year, month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Calendar quarter ``quarter`` of ``year`` (2 = April to June)."""
        return cls(Frequency.QUARTERLY, year, quarter)

    @classmethod
    def fy_quarter(cls, start_year: int, quarter: int) -> Period:
        """Quarter ``quarter`` of the financial year starting in April ``start_year`` (Q1 = Apr-Jun)."""
        if not 1 <= quarter <= 4:
            raise ValueError(f"A financial year has quarters 1 to 4, not {quarter}.")
        return cls(Frequency.QUARTERLY, start_year + (quarter == 4), quarter % 4 + 1)

    @classmethod
    def financial_year(cls, start_year: int) -> Period:
        """The financial year from 1 April ``start_year`` (2025 -> 2025-26)."""
        return cls(Frequency.ANNUAL, start_year, 1)

    @classmethod
    def containing(cls, day: dt.date, frequency: Frequency | str) -> Period:
        """The period of ``frequency`` that ``day`` falls in."""
        frequency = frequency_of(frequency)
        if frequency is Frequency.MONTHLY:
            return cls.month(day.year, day.month)
        if frequency is Frequency.QUARTERLY:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        return cls.financial_year(day.year if day.month >= 4 else day.year - 1)

    @classmethod
    def latest_complete(cls, today: dt.date, frequency: Frequency | str = Frequency.QUARTERLY) -> Period:
        """The latest period of ``frequency`` that has ended before ``today``."""
        return cls.containing(today, frequency).previous()

    @classmethod
    def from_key(cls, key: str, frequency: Frequency | str | None = None) -> Period:
        """A period from its canonical key (``2025-06``, ``2026-Q2``, ``2025-26``) only."""
        period = _from_key(str(key).strip(), frequency_of(frequency) if frequency else None)
        if period is None:
            raise ValueError(f"'{key}' is not a period key: {_key_forms(frequency)}.")
        return period

    # --- reading --------------------------------------------------------------------------
    @property
    def key(self) -> str:
        """The canonical key: ``2025-06``, ``2026-Q2``, ``2025-26``."""
        if self.frequency is Frequency.MONTHLY:
            return f"{self.year:04d}-{self.number:02d}"
        if self.frequency is Frequency.QUARTERLY:
            return f"{self.year:04d}-Q{self.number}"
        return f"{self.year:04d}-{(self.year + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.key

    def __repr__(self) -> str:
        return f"Period({self.key!r}, {self.frequency.value})"

    @property
    def start(self) -> dt.date:
        """The period's first day."""
        if self.frequency is Frequency.MONTHLY:
            return dt.date(self.year, self.number, 1)
        if self.frequency is Frequency.QUARTERLY:
            return dt.date(self.year, 3 * self.number - 2, 1)
        return dt.date(self.year, 4, 1)

    @property
    def end(self) -> dt.date:
        """The period's last day."""
        return self.next().start - dt.timedelta(days=1)

    @property
    def fy_start_year(self) -> int:
        """The year the financial year holding this period starts (2025 for anything in 2025-26)."""
        return self.year if self.start.month >= 4 else self.year - 1

    @property
    def fy_quarter_number(self) -> int:
        """The financial-year quarter (1 = Apr-Jun) the period starts in."""
        return (self.start.month - 4) % 12 // 3 + 1

    def label(self) -> str:
        """As people read it: 'Q1 2026-27 (Apr–Jun 2026)', 'Jun 2025', '2025-26'."""
        if self.frequency is Frequency.QUARTERLY:
            first, last = self.start, self.end
            return f"{self.short_label()} ({first:%b}–{last:%b %Y})"
        return self.short_label()

    def short_label(self) -> str:
        """'Q1 2026-27', 'Jun 2025', '2025-26' (table headers, axis labels)."""
        if self.frequency is Frequency.MONTHLY:
            return f"{self.start:%b %Y}"
        if self.frequency is Frequency.QUARTERLY:
            fy = self.fy_start_year
            return f"Q{self.fy_quarter_number} {fy}-{(fy + 1) % 100:02d}"
        return self.key

    # --- moving ---------------------------------------------------------------------------
    def _index(self) -> int:
        return self.year * PER_YEAR[self.frequency] + self.number - 1

    def _at(self, index: int) -> Period:
        per = PER_YEAR[self.frequency]
        return Period(self.frequency, index // per, index % per + 1)

    def shift(self, steps: int) -> Period:
        """The period ``steps`` periods later (earlier when negative)."""
        return self._at(self._index() + steps)

    def previous(self) -> Period:
        return self.shift(-1)

    def next(self) -> Period:
        return self.shift(1)

    def same_period_last_year(self) -> Period:
        """A year earlier: Jun 2024 for Jun 2025, 2025-Q2 for 2026-Q2, 2024-25 for 2025-26."""
        return self.shift(-PER_YEAR[self.frequency])

    def last_n(self, n: int) -> list[Period]:
        """The ``n`` periods ending with this one, oldest first (a sparkline's periods)."""
        return [self.shift(-k) for k in range(n - 1, -1, -1)]

    def steps_since(self, other: Period) -> int:
        """How many periods ``other`` is before this one (same frequency)."""
        if other.frequency is not self.frequency:
            raise ValueError("Periods of different frequencies cannot be counted between.")
        return self._index() - other._index()

    def as_frequency(self, frequency: Frequency | str) -> Period:
        """The period of ``frequency`` an indicator is read for when this period is chosen: the latest
        one complete by this period's last day (a quarter's last month; the latest financial year
        ended by the quarter's end — the year holding the quarter when it is its fourth quarter)."""
        holding = Period.containing(self.end, frequency)
        return holding if holding.end <= self.end else holding.previous()

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies wholly within this period."""
        return self.start <= other.start and other.end <= self.end


def periods_between(first: Period, last: Period) -> list[Period]:
    """``first`` to ``last`` inclusive (same frequency), oldest first; empty when last is earlier."""
    return [first.shift(k) for k in range(last.steps_since(first) + 1)]


# --- parsing --------------------------------------------------------------------------------

def _key_forms(frequency: Frequency | str | None) -> str:
    forms = {Frequency.MONTHLY: "a month is YYYY-MM (2025-06)",
             Frequency.QUARTERLY: "a quarter is YYYY-Qn, the calendar quarter (2026-Q2 = Apr-Jun 2026)",
             Frequency.ANNUAL: "a financial year is YYYY-YY (2025-26)"}
    if frequency:
        return forms[frequency_of(frequency)]
    return "; ".join(forms.values())


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _fy(first: str, second: str) -> int | None:
    """The start year of a financial year written '2025-26', '2025/2026', '25/26'; None if the years
    do not follow one another."""
    start = _year(first)
    end = int(second)
    if len(second) == 4 and end == start + 1:
        return start
    if len(second) == 2 and end == (start + 1) % 100:
        return start
    return None


_KEY_MONTH = re.compile(r"(\d{4})-(\d{2})")
_KEY_QUARTER = re.compile(r"(\d{4})-Q([1-4])", re.IGNORECASE)


def _from_key(text: str, frequency: Frequency | None) -> Period | None:
    """The canonical keys. '2011-12' is both December 2011 and the year 2011-12: ``frequency`` decides,
    and without one it is refused as ambiguous (raised by :func:`parse_period`)."""
    if m := _KEY_QUARTER.fullmatch(text):
        return Period.quarter(int(m[1]), int(m[2]))
    if m := _KEY_MONTH.fullmatch(text):
        year, second = int(m[1]), int(m[2])
        as_month = Period.month(year, second) if 1 <= second <= 12 and MIN_YEAR <= year <= MAX_YEAR else None
        as_year = (Period.financial_year(year)
                   if second == (year + 1) % 100 and MIN_YEAR <= year <= MAX_YEAR else None)
        if frequency is Frequency.MONTHLY and as_month:
            return as_month
        if frequency is Frequency.ANNUAL and as_year:
            return as_year
        if as_month and as_year and frequency is None:
            raise ValueError(
                f"'{text}' could be {as_month.label()} or the financial year {as_year.label()}: "
                "say which (the indicator's frequency), or write the month as Dec-11 / the year as 2011/12."
            )
        return as_month or as_year
    return None


_FY = r"(\d{4}|\d{2})\s*[-/]\s*(\d{4}|\d{2})"
_FY_QUARTER_FIRST = re.compile(rf"Q\s*([1-4])\s*[,:]?\s*(?:FY\s*)?{_FY}", re.IGNORECASE)
_FY_QUARTER_LAST = re.compile(rf"(?:FY\s*)?{_FY}\s*[-,:]?\s*Q\s*([1-4])", re.IGNORECASE)
_FY_ONLY = re.compile(rf"(?:FY\s*)?{_FY}", re.IGNORECASE)
_MONTH_NAME = re.compile(r"([A-Za-z]{3,9})\.?\s*[-/ ]\s*'?(\d{4}|\d{2})")
_MONTH_NUMBER = re.compile(r"(\d{1,2})\s*/\s*(\d{4})")
_AMBIGUOUS_QUARTER = re.compile(r"(?:Q\s*([1-4])\s*[-/ ]?\s*(\d{4})|(\d{4})\s+Q\s*([1-4]))", re.IGNORECASE)


def _parse_text(text: str, frequency: Frequency | None) -> Period | None:
    key = _from_key(text, frequency)
    if key is not None:
        return key
    if m := _FY_QUARTER_FIRST.fullmatch(text):
        start = _fy(m[2], m[3])
        return Period.fy_quarter(start, int(m[1])) if start is not None else None
    if m := _FY_QUARTER_LAST.fullmatch(text):
        start = _fy(m[1], m[2])
        return Period.fy_quarter(start, int(m[3])) if start is not None else None
    if m := _MONTH_NAME.fullmatch(text):
        month = _MONTH_NAMES.get(m[1].lower())
        return Period.month(_year(m[2]), month) if month else None
    if m := _MONTH_NUMBER.fullmatch(text):
        month = int(m[1])
        return Period.month(int(m[2]), month) if 1 <= month <= 12 else None
    if m := _FY_ONLY.fullmatch(text):
        # '2025-26' was tried as a key; here '2025/26', '2025/2026', 'FY 2025-26', '25/26'
        start = _fy(m[1], m[2])
        return Period.financial_year(start) if start is not None else None
    return None


def parse_period(value: object, frequency: Frequency | str | None = None) -> Period:
    """A period from a canonical key, a label, or a spreadsheet's column header.

    ``frequency`` (the indicator's): the period must be of that frequency; a spreadsheet cell
    holding a date is read as the period of ``frequency`` containing it (its month without one).
    Raises ValueError naming the text and the forms accepted.
    """
    freq = frequency_of(frequency) if frequency else None
    if isinstance(value, Period):
        period = value
    elif isinstance(value, dt.date):  # a datetime is a date too
        day = value.date() if isinstance(value, dt.datetime) else value
        period = Period.containing(day, freq or Frequency.MONTHLY)
    else:
        raw = "" if value is None else str(value)
        text = " ".join(raw.replace("\u2013", "-").replace("\u2014", "-").split())
        text = re.sub(r"\s*\([^()]*\)$", "", text)  # a label's '(Apr–Jun 2026)'
        if not text:
            raise ValueError(f"The period is empty: write {ACCEPTED_FORMS}.")
        period = _parse_text(text, freq)
        if period is None:
            if _AMBIGUOUS_QUARTER.fullmatch(text):
                raise ValueError(
                    f"'{raw.strip()}' does not say whether its quarters run from January or from April: write "
                    "2026-Q2 for the calendar quarter (Apr-Jun 2026) or Q1 2026-27 for the financial year's quarter."
                )
            raise ValueError(f"'{raw.strip()}' is not a period: write {ACCEPTED_FORMS}.")
    if freq is not None and period.frequency is not freq:
        raise ValueError(
            f"'{value}' is {_a(period.frequency)} ({period.label()}), but a {freq.value} period is needed here: "
            f"{_key_forms(freq)}."
        )
    return period


def _a(frequency: Frequency) -> str:
    return {Frequency.MONTHLY: "a month", Frequency.QUARTERLY: "a quarter",
            Frequency.ANNUAL: "a financial year"}[frequency]
