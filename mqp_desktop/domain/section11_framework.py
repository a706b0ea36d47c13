"""Section 11 frameworks: named, versioned sets of standards with sub-criteria (data, not code).

The eight standards of the statutory guidance ship as ``resources/frameworks/*.json``;
partnerships edit them, add their own standard (:meth:`Framework.with_standard`), or
read one from a spreadsheet's rows (:func:`framework_from_rows`). An audit round
keeps its own copy of the standards (see :mod:`mqp_desktop.domain.section11`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mqp_desktop.domain.validation import ValidationError


@dataclass(frozen=True)
class Criterion:
    """A sub-criterion of a standard, e.g. ``1.2``."""

    code: str
    text: str


@dataclass(frozen=True)
class Standard:
    number: int
    title: str
    description: str = ""
    criteria: tuple[Criterion, ...] = ()

    def criterion(self, code: str) -> Criterion:
        key = criterion_code(self.number, code)
        for c in self.criteria:
            if c.code.lower() == key.lower():
                return c
        codes = ", ".join(c.code for c in self.criteria) or "none"
        raise ValidationError(
            "criterion", f"Standard {self.number} has no sub-criterion '{code}' (its sub-criteria: {codes})."
        )

    @property
    def label(self) -> str:
        return f"{self.number}. {self.title}"


def criterion_code(standard: int, code: str | int) -> str:
    """A sub-criterion's code: a bare number ``2`` under standard 1 is ``1.2``."""
    text = str(code).strip()
    return f"{standard}.{int(text)}" if text.isascii() and text.isdigit() else text


@dataclass(frozen=True)
class Framework:
    """A named, versioned set of standards. ``id`` is set once stored."""

    name: str
    standards: tuple[Standard, ...]
    version: int = 1
    description: str = ""
    id: int | None = None
    # How many times the stored row had been saved when read (not the framework's ``version``).
    row_version: int | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return f"{self.name} (version {self.version})"

    def standard(self, number: int) -> Standard:
        return find_standard(self.standards, number)

    def with_standard(
        self, title: str, description: str = "", criteria: Sequence[str] = (), number: int | None = None
    ) -> Framework:
        """A copy with one more standard (e.g. "Voice of the child"), numbered after the last."""
        number = number if number is not None else max((s.number for s in self.standards), default=0) + 1
        added = Standard(
            number=number,
            title=title,
            description=description,
            criteria=tuple(Criterion(f"{number}.{i}", text) for i, text in enumerate(criteria, 1)),
        )
        return validate_framework(dataclasses.replace(self, standards=self.standards + (added,)))

    def with_standard_changed(
        self,
        number: int,
        *,
        title: str | None = None,
        description: str | None = None,
        criteria: Sequence[str] | None = None,
    ) -> Framework:
        """A copy with standard ``number``'s title, description or sub-criteria replaced.

        ``None`` keeps what it was. Changed ``criteria`` (blank lines left out) are
        numbered ``n.1``, ``n.2``, ... in order; the same texts in the same order keep
        their codes.
        """
        old = self.standard(number)
        kept = old.criteria
        if criteria is not None:
            texts = [" ".join(t.split()) for t in criteria if t.strip()]
            if texts != [c.text for c in old.criteria]:
                kept = tuple(Criterion(f"{number}.{i}", t) for i, t in enumerate(texts, 1))
        changed = dataclasses.replace(
            old,
            title=old.title if title is None else title,
            description=old.description if description is None else description,
            criteria=kept,
        )
        return validate_framework(
            dataclasses.replace(self, standards=tuple(changed if s.number == number else s for s in self.standards))
        )

    def to_data(self) -> dict[str, Any]:
        """Plain data (JSON): the shape of ``resources/frameworks/*.json``."""
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "standards": standards_to_data(self.standards),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any], *, id: int | None = None) -> Framework:
        return validate_framework(
            cls(
                name=str(data.get("name", "")),
                version=int(data.get("version", 1)),
                description=str(data.get("description", "")),
                standards=standards_from_data(data.get("standards", ())),
                id=id,
            )
        )


def standards_to_data(standards: Iterable[Standard]) -> list[dict[str, Any]]:
    return [
        {
            "number": s.number,
            "title": s.title,
            "description": s.description,
            "criteria": [{"code": c.code, "text": c.text} for c in s.criteria],
        }
        for s in standards
    ]


def standards_from_data(items: Iterable[Mapping[str, Any]]) -> tuple[Standard, ...]:
    out = []
    for s in items:
        number = int(s["number"])
        out.append(
            Standard(
                number=number,
                title=str(s.get("title", "")),
                description=str(s.get("description", "")),
                criteria=tuple(
                    Criterion(criterion_code(number, c["code"]), str(c.get("text", ""))) for c in s.get("criteria", ())
                ),
            )
        )
    return tuple(out)


def find_standard(standards: Iterable[Standard], number: int | str) -> Standard:
    standards = tuple(standards)
    try:
        key = int(str(number).strip())
    except ValueError:
        key = None
    for s in standards:
        if s.number == key:
            return s
    numbers = ", ".join(str(s.number) for s in standards) or "none"
    raise ValidationError("standard", f"There is no standard {number} (the standards are numbered {numbers}).")


def validate_framework(framework: Framework) -> Framework:
    """Names, numbers and codes present and unique; returns the framework, cleaned."""
    name = " ".join((framework.name or "").split())
    if not name:
        raise ValidationError("name", "The framework's name is required.")
    if framework.version < 1:
        raise ValidationError("version", "A framework's version is a whole number from 1.")
    if not framework.standards:
        raise ValidationError("standards", f"The framework '{name}' has no standards: add at least one.")
    seen: set[int] = set()
    standards = []
    for s in framework.standards:
        if s.number < 1:
            raise ValidationError("standard", f"Standard numbers start at 1 (found {s.number}).")
        if s.number in seen:
            raise ValidationError("standard", f"Standard {s.number} appears twice: number each standard once.")
        seen.add(s.number)
        title = " ".join((s.title or "").split())
        if not title:
            raise ValidationError("title", f"Standard {s.number} has no title.")
        codes: set[str] = set()
        criteria = []
        for c in s.criteria:
            code = criterion_code(s.number, c.code)
            if not code or " " in code:
                raise ValidationError("criterion", f"Standard {s.number}: '{c.code}' is not a sub-criterion code (e.g. {s.number}.1).")
            if code.lower() in codes:
                raise ValidationError("criterion", f"Standard {s.number}: sub-criterion {code} appears twice.")
            codes.add(code.lower())
            text = (c.text or "").strip()
            if not text:
                raise ValidationError("criterion", f"Sub-criterion {code} has no text.")
            criteria.append(Criterion(code, text))
        standards.append(Standard(s.number, title, (s.description or "").strip(), tuple(criteria)))
    return dataclasses.replace(
        framework,
        name=name,
        description=(framework.description or "").strip(),
        standards=tuple(sorted(standards, key=lambda s: s.number)),
    )


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with one row (and column) of an imported framework."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.message}"


class FrameworkImportError(ValidationError):
    """A framework's rows were refused; ``problems`` says which rows and why."""

    def __init__(self, problems: Sequence[RowProblem]):
        self.problems = tuple(problems)
        first = "; ".join(str(p) for p in self.problems[:3])
        more = f" (and {len(self.problems) - 3} more)" if len(self.problems) > 3 else ""
        super().__init__("rows", f"The framework was not imported: {first}{more}.")


FRAMEWORK_COLUMNS = ("standard", "criterion", "text", "description")


def framework_from_rows(
    rows: Iterable[Sequence[Any] | Mapping[str, Any]],
    *,
    name: str,
    version: int = 1,
    description: str = "",
    first_row: int = 2,
) -> Framework:
    """A framework from a spreadsheet's rows (the header row already left out).

    Each row is a sequence ``(standard, criterion, text, description)`` or a
    mapping with those keys (any case; ``title`` is accepted for ``text``). A
    row with an empty criterion defines the standard (``text`` is its title); a
    row with a criterion adds a sub-criterion to that standard, whose own row
    must come first. A bare criterion number ``2`` under standard 1 becomes
    ``1.2``. Blank rows are skipped. ``first_row`` is the spreadsheet row number
    of the first row, for the messages.

    Raises :class:`FrameworkImportError` listing every problem (row, column,
    message); nothing is returned half-read.
    """
    problems: list[RowProblem] = []
    standards: dict[int, dict[str, Any]] = {}
    for offset, row in enumerate(rows):
        line = first_row + offset
        cells = _row_cells(row)
        if not any(str(v).strip() for v in cells.values() if v is not None):
            continue
        raw_number = cells.get("standard")
        number: int | None = None
        if isinstance(raw_number, float) and raw_number.is_integer():
            raw_number = int(raw_number)
        if raw_number is None or not str(raw_number).strip():
            problems.append(RowProblem(line, "standard", "the standard's number is missing"))
        elif not (str(raw_number).strip().isascii() and str(raw_number).strip().isdigit()) \
                or int(str(raw_number).strip()) < 1:  # '²' is a digit to isdigit() but not to int()
            problems.append(RowProblem(line, "standard", f"'{raw_number}' is not a standard number (1, 2, 3, ...)"))
        else:
            number = int(str(raw_number).strip())
        raw_code = cells.get("criterion")
        if isinstance(raw_code, float) and raw_code.is_integer():
            raw_code = int(raw_code)
        code = "" if raw_code is None else str(raw_code).strip()
        text = " ".join(str(cells.get("text") or "").split())
        desc = str(cells.get("description") or "").strip()
        if not text:
            problems.append(RowProblem(line, "text", "the title or sub-criterion text is missing"))
        if number is None or not text:
            continue
        if not code:
            if number in standards:
                problems.append(RowProblem(line, "standard", f"standard {number} is defined twice"))
                continue
            standards[number] = {"title": text, "description": desc, "criteria": [], "row": line}
            continue
        if number not in standards:
            problems.append(RowProblem(line, "standard", f"standard {number} has no row of its own above this one"))
            continue
        full = criterion_code(number, code)
        if " " in full:
            problems.append(RowProblem(line, "criterion", f"'{code}' is not a sub-criterion code (e.g. {number}.1)"))
            continue
        if any(c.code.lower() == full.lower() for c in standards[number]["criteria"]):
            problems.append(RowProblem(line, "criterion", f"sub-criterion {full} appears twice"))
            continue
        standards[number]["criteria"].append(Criterion(full, text))
    if not standards and not problems:
        problems.append(RowProblem(first_row, "standard", "there are no standards in the rows"))
    if problems:
        raise FrameworkImportError(problems)
    return validate_framework(
        Framework(
            name=name,
            version=version,
            description=description,
            standards=tuple(
                Standard(n, s["title"], s["description"], tuple(s["criteria"])) for n, s in standards.items()
            ),
        )
    )


def _row_cells(row: Sequence[Any] | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(row, Mapping):
        cells = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        if "text" not in cells and "title" in cells:
            cells["text"] = cells["title"]
        return cells
    values = list(row) + [None] * (len(FRAMEWORK_COLUMNS) - len(row))
    return dict(zip(FRAMEWORK_COLUMNS, values))


def framework_rows(framework: Framework) -> list[tuple[int, str, str, str]]:
    """The framework as rows ``framework_from_rows`` reads back (for a spreadsheet export)."""
    out: list[tuple[int, str, str, str]] = []
    for s in framework.standards:
        out.append((s.number, "", s.title, s.description))
        out.extend((s.number, c.code, c.text, "") for c in s.criteria)
    return out
