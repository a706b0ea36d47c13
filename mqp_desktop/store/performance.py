"""The partnership's performance data in the database: themes, indicators, values, revisions,
comparators, commentary, and the scorecard for a period.

Use through ``store.performance`` (a :class:`PerformanceRepo`). The rules (RAG, direction of
travel, exceptions, checks) are in :mod:`mqp_desktop.domain.performance`; periods in
:mod:`mqp_desktop.domain.periods`. Every write is one transaction (:meth:`Store.write`) recorded
in the change history in words. Nothing is deleted: themes and indicators are retired; a value
already entered changes only with a reason, and the old value, when, who and why are kept
(:meth:`PerformanceRepo.revisions`).

Versions: themes, indicators, values, comparators and commentary carry ``row_version``; an edit
made from a record as read is refused with
:class:`~mqp_desktop.store.errors.EditConflict` when someone saved it since.

Periods may be given as :class:`~mqp_desktop.domain.periods.Period` or as text (a key such as
``2026-Q2`` or a header such as ``Q1 2026-27``); text is read for the indicator's frequency.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.performance import (
    COMPARATOR_FIELDS,
    COMPARATOR_LABELS,
    SPARKLINE_PERIODS,
    Commentary,
    ComparatorChange,
    Comparators,
    Direction,
    Indicator,
    IndicatorValue,
    Outcome,
    PlannedComparator,
    PlannedValue,
    Rag,
    Revision,
    ScorecardRow,
    Theme,
    Unit,
    ValueChange,
    ValuesApplied,
    allowed_tags,
    check_value,
    format_value,
    scorecard_row,
    validate_indicator,
)
from mqp_desktop.domain.periods import Frequency, Period, parse_period
from mqp_desktop.domain.validation import ValidationError, clean_line, require_text
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.store import changes

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

INDICATOR_LABELS = {
    "theme_id": "theme",
    "owner_agency_id": "owner agency",
    "by_agency": "broken down by agency",
    "retired_on": "retired on",
    "retired_reason": "reason retired",
}
THEME_LABELS = {"retired_on": "retired on"}


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _today() -> dt.date:
    """Today (a function so tests can fix it): values are refused for periods not begun yet."""
    return dt.date.today()


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _theme(row: Mapping[str, Any]) -> Theme:
    return Theme(name=row["name"], description=row["description"], position=row["position"],
                 retired_on=_d(row["retired_on"]), id=row["id"], row_version=row["row_version"])


def _indicator(row: Mapping[str, Any], tags: Sequence[str]) -> Indicator:
    return Indicator(
        code=row["code"], title=row["title"], theme_id=row["theme_id"], definition=row["definition"],
        owner_agency_id=row["owner_agency_id"], source=row["source"], unit=Unit(row["unit"]),
        direction=Direction(row["direction"]), target=row["target"], tolerance=row["tolerance"],
        frequency=Frequency(row["frequency"]), by_agency=bool(row["by_agency"]), tags=tuple(tags),
        position=row["position"], retired_on=_d(row["retired_on"]), retired_reason=row["retired_reason"],
        id=row["id"], row_version=row["row_version"],
    )


def _indicator_values(ind: Indicator) -> dict[str, Any]:
    """As stored (tags apart): for inserts, updates and the change history."""
    return {
        "code": ind.code,
        "title": ind.title,
        "definition": ind.definition,
        "theme_id": ind.theme_id,
        "owner_agency_id": ind.owner_agency_id,
        "source": ind.source,
        "unit": str(ind.unit),
        "direction": str(ind.direction),
        "target": ind.target,
        "tolerance": ind.tolerance,
        "frequency": str(ind.frequency),
        "by_agency": int(ind.by_agency),
        "position": ind.position,
        "retired_on": ind.retired_on.isoformat() if ind.retired_on else None,
        "retired_reason": ind.retired_reason,
    }


def _value(row: Mapping[str, Any], frequency: Frequency) -> IndicatorValue:
    return IndicatorValue(
        indicator_id=row["indicator_id"], period=Period.from_key(row["period"], frequency), value=row["value"],
        agency_id=row["agency_id"], entered_at=row["entered_at"], entered_by=row["entered_by"], id=row["id"],
        row_version=row["row_version"],
    )


def _placeholders(items: Sequence[Any]) -> str:
    return ", ".join("?" * len(items))


class PerformanceRepo:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # === themes ===================================================================================
    def themes(self, *, include_retired: bool = False) -> list[Theme]:
        """The themes in their order (retired ones left out unless ``include_retired``)."""
        sql = "SELECT * FROM indicator_theme" + ("" if include_retired else " WHERE retired_on IS NULL")
        return [_theme(r) for r in self.db.query(sql + " ORDER BY position, name COLLATE NOCASE, id")]

    def theme(self, theme_id: int) -> Theme:
        rows = list(self.db.query("SELECT * FROM indicator_theme WHERE id = ?", [theme_id]))
        if not rows:
            raise RecordNotFound(f"There is no theme with id {theme_id}.", "List them with 'mqp indicators themes'.")
        return _theme(rows[0])

    def find_theme(self, text: str) -> Theme | None:
        """A theme by id or name (case-insensitive; a unique start of a name will do), or None."""
        key = " ".join((text or "").split())
        if not key:
            return None
        themes = self.themes(include_retired=True)
        if key.isdigit():
            found = [t for t in themes if t.id == int(key)]
            if found:
                return found[0]
        exact = [t for t in themes if t.name.casefold() == key.casefold()]
        if exact:
            return exact[0]
        start = [t for t in themes if t.name.casefold().startswith(key.casefold())]
        return start[0] if len(start) == 1 else None

    def _theme_values(self, theme: Theme) -> dict[str, Any]:
        return {"name": theme.name, "description": theme.description, "position": theme.position,
                "retired_on": theme.retired_on.isoformat() if theme.retired_on else None}

    def _clean_theme(self, theme: Theme) -> Theme:
        theme.name = clean_line(require_text(theme.name, "name", "The theme's name"), "name", "The theme's name")
        theme.description = (theme.description or "").strip()
        clash = self.db.execute("SELECT name FROM indicator_theme WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                                [theme.name, theme.id]).fetchone()
        if clash:
            raise ValidationError("name", f"There is already a theme called '{clash[0]}': choose another name.")
        return theme

    def add_theme(self, theme: Theme) -> Theme:
        """Add a theme (at the end unless it has a position)."""
        theme = dataclasses.replace(theme, id=None)
        with self.store.write():
            theme = self._clean_theme(theme)
            if not theme.position:
                theme.position = self.db.execute("SELECT coalesce(max(position), 0) + 1 FROM indicator_theme").fetchone()[0]
            values = self._theme_values(theme)
            theme.id = self.store.insert("indicator_theme", values)
            self.store.record("indicator_theme", theme.id, "added", f"Theme added: {theme.name}",
                              {k: [None, v] for k, v in values.items() if v not in (None, "")})
        theme.row_version = 1
        return theme

    def update_theme(self, theme: Theme, *, action: str = "edited") -> Theme:
        """Save a theme as edited (``theme.row_version``: the version it was read at)."""
        if theme.id is None:
            raise ValueError("update_theme needs a saved theme")
        read = self.store.require_version(theme, "update_theme")
        with self.store.write():
            theme = self._clean_theme(dataclasses.replace(theme))
            old = self.theme(theme.id)
            before, after = self._theme_values(old), self._theme_values(theme)
            diff = changes(before, after)
            if read != old.row_version:
                raise self.store.edit_conflict(
                    f"the theme {old.name}", entity="indicator_theme", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, labels=THEME_LABELS,
                    yours_record=theme, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(theme, row_version=old.row_version)
            version = self.store.update("indicator_theme", theme.id, diff, version=read)
            self.store.record("indicator_theme", theme.id, action, f"Theme {action}: {theme.name}", diff)
        return dataclasses.replace(theme, row_version=version)

    def retire_theme(self, theme_id: int, on: dt.date | None = None, *, seen: Theme | None = None) -> Theme:
        """Retire a theme no indicator in use is filed under (it is kept, with its indicators' history)."""
        with self.store.write():
            theme = dataclasses.replace(seen) if seen is not None else self.theme(theme_id)
            if theme.retired_on is not None:
                raise ValidationError("retired_on", f"The theme {theme.name} was already retired on "
                                                    f"{theme.retired_on:%d/%m/%Y}.")
            in_use = [r[0] for r in self.db.execute(
                "SELECT code FROM indicator WHERE theme_id = ? AND retired_on IS NULL ORDER BY code", [theme_id])]
            if in_use:
                raise ValidationError("theme_id", f"The theme {theme.name} still has indicators in use "
                                                  f"({', '.join(in_use)}): move them to another theme, or retire them, "
                                                  "first.")
            theme.retired_on = on or dt.date.today()
            return self.update_theme(theme, action="retired")

    # === indicators ===============================================================================
    def _tags(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for indicator_id, tag in self.db.execute("SELECT indicator_id, tag FROM indicator_tag ORDER BY rowid"):
            out.setdefault(indicator_id, []).append(tag)
        return out

    def indicators(self, *, include_retired: bool = False, theme_id: int | None = None) -> list[Indicator]:
        """The indicators by theme (in the themes' order), then position, then code."""
        where, args = [], []
        if not include_retired:
            where.append("i.retired_on IS NULL")
        if theme_id is not None:
            where.append("i.theme_id = ?")
            args.append(theme_id)
        sql = ("SELECT i.* FROM indicator i JOIN indicator_theme t ON t.id = i.theme_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY t.position, t.id, i.position, i.code COLLATE NOCASE")
        tags = self._tags()
        return [_indicator(r, tags.get(r["id"], ())) for r in self.db.query(sql, args)]

    def indicator(self, indicator_id: int) -> Indicator:
        rows = list(self.db.query("SELECT * FROM indicator WHERE id = ?", [indicator_id]))
        if not rows:
            raise RecordNotFound(f"There is no indicator with id {indicator_id}.",
                                 "List them with 'mqp indicators list'.")
        tags = [r[0] for r in self.db.execute("SELECT tag FROM indicator_tag WHERE indicator_id = ? ORDER BY rowid",
                                              [indicator_id])]
        return _indicator(rows[0], tags)

    def find_indicator(self, text: str) -> Indicator | None:
        """An indicator by its code (case-insensitive) or id, retired ones included; None if none."""
        key = (text or "").strip()
        if not key:
            return None
        row = self.db.execute("SELECT id FROM indicator WHERE code = ? COLLATE NOCASE", [key]).fetchone()
        if row is None and key.isdigit():
            row = self.db.execute("SELECT id FROM indicator WHERE id = ?", [int(key)]).fetchone()
        return self.indicator(row[0]) if row else None

    def allowed_tags(self) -> tuple[str, ...]:
        """The tags an indicator can carry now: the cross-cutting ones and the partnership's priorities."""
        from mqp_desktop.domain import agenda_settings as cfg

        return allowed_tags(self.store.agendas.setting(cfg.PARTNERSHIP_PRIORITIES))

    def _check_indicator(self, ind: Indicator, keep_tags: Sequence[str] = (), old_theme_id: int | None = None
                         ) -> Indicator:
        ind = validate_indicator(ind, self.allowed_tags() + tuple(keep_tags))
        clash = self.db.execute("SELECT code, title FROM indicator WHERE code = ? COLLATE NOCASE AND id IS NOT ?",
                                [ind.code, ind.id]).fetchone()
        if clash:
            raise ValidationError("code", f"The code {clash[0]} is already used by '{clash[1]}': choose another code.")
        theme = self.db.execute("SELECT name, retired_on FROM indicator_theme WHERE id = ?", [ind.theme_id]).fetchone()
        if theme is None:
            raise ValidationError("theme_id", f"There is no theme with id {ind.theme_id}: choose one from the list.")
        if theme[1] is not None and ind.theme_id != old_theme_id:
            raise ValidationError("theme_id", f"The theme {theme[0]} was retired: choose a theme in use.")
        if ind.owner_agency_id is not None:
            self.store._check_agency_exists(ind.owner_agency_id)
        return ind

    def _write_tags(self, indicator_id: int, tags: Sequence[str]) -> None:
        self.db.execute("DELETE FROM indicator_tag WHERE indicator_id = ?", [indicator_id])
        for tag in tags:
            self.db.execute("INSERT INTO indicator_tag (indicator_id, tag) VALUES (?, ?)", [indicator_id, tag])

    def _words(self, name: str, value: Any) -> str:
        if name == "theme_id" and isinstance(value, int):
            row = self.db.execute("SELECT name FROM indicator_theme WHERE id = ?", [value]).fetchone()
            return row[0] if row else f"theme {value}"
        if name == "by_agency":
            return "yes" if value else "no"
        return self.store._words(name, value)

    def add_indicator(self, indicator: Indicator) -> Indicator:
        """Add an indicator (checked: unique code, known theme and tags, target in range)."""
        ind = dataclasses.replace(indicator, id=None, retired_on=None, retired_reason="")
        with self.store.write():
            ind = self._check_indicator(ind)
            if not ind.position:
                ind.position = self.db.execute("SELECT coalesce(max(position), 0) + 1 FROM indicator WHERE theme_id = ?",
                                               [ind.theme_id]).fetchone()[0]
            values = _indicator_values(ind)
            ind.id = self.store.insert("indicator", values)
            self._write_tags(ind.id, ind.tags)
            record = {k: [None, v] for k, v in values.items() if v not in (None, "", 0) or k == "target"}
            if ind.tags:
                record["tags"] = [None, list(ind.tags)]
            self.store.record("indicator", ind.id, "added", f"Indicator added: {ind.label}", record)
        ind.row_version = 1
        return ind

    def update_indicator(self, indicator: Indicator, *, action: str = "edited") -> Indicator:
        """Save an indicator as edited. ``indicator.row_version`` is the version it was read at: one
        saved since by someone else is refused with EditConflict. Its frequency cannot change once
        it has values (retire it and add another)."""
        if indicator.id is None:
            raise ValueError("update_indicator needs a saved indicator")
        read = self.store.require_version(indicator, "update_indicator")
        with self.store.write():
            old = self.indicator(indicator.id)
            ind = self._check_indicator(dataclasses.replace(indicator), keep_tags=old.tags, old_theme_id=old.theme_id)
            before = {**_indicator_values(old), "tags": list(old.tags)}
            after = {**_indicator_values(ind), "tags": list(ind.tags)}
            diff = changes(before, after)
            if read != old.row_version:
                raise self.store.edit_conflict(
                    f"the indicator {old.label}", entity="indicator", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, labels=INDICATOR_LABELS,
                    yours_record=ind, stored_record=old, words=self._words,
                )
            if not diff:
                return dataclasses.replace(ind, row_version=old.row_version)
            if "frequency" in diff:
                count = self.db.execute("SELECT count(*) FROM indicator_value WHERE indicator_id = ?",
                                        [ind.id]).fetchone()[0]
                if count:
                    raise ValidationError("frequency", f"{old.label} has {count} values entered as {old.frequency}: "
                                                       "its frequency cannot change. Retire it and add a new indicator.")
            if "tags" in diff:
                self._write_tags(ind.id, ind.tags)
            columns = {k: v for k, v in diff.items() if k != "tags"}
            if columns:
                version = self.store.update("indicator", ind.id, columns, version=read)
            else:  # only the tags changed: still a new version of the indicator
                self.db.execute("UPDATE indicator SET row_version = row_version + 1 WHERE id = ?", [ind.id])
                version = read + 1
            self.store.record("indicator", ind.id, action, f"Indicator {action}: {ind.label}", diff)
        return dataclasses.replace(ind, row_version=version)

    def retire_indicator(self, indicator_id: int, reason: str, on: dt.date | None = None, *,
                         seen: Indicator | None = None) -> Indicator:
        """Retire an indicator: it leaves the scorecard; its values, revisions and commentary are kept."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("retired_reason", "Say why the indicator is retired (e.g. 'replaced by CP4').")
        with self.store.write():
            ind = dataclasses.replace(seen) if seen is not None else self.indicator(indicator_id)
            if ind.retired_on is not None:
                raise ValidationError("retired_on", f"{ind.label} was already retired on {ind.retired_on:%d/%m/%Y}.")
            ind.retired_on = on or dt.date.today()
            ind.retired_reason = reason
            return self.update_indicator(ind, action="retired")

    def reinstate_indicator(self, indicator_id: int, *, seen: Indicator | None = None) -> Indicator:
        """Undo a retirement (recorded in the history like any change)."""
        with self.store.write():
            ind = dataclasses.replace(seen) if seen is not None else self.indicator(indicator_id)
            ind.retired_on = None
            ind.retired_reason = ""
            return self.update_indicator(ind, action="reinstated")

    # === values ===================================================================================
    def _period(self, period: Period | str, ind: Indicator) -> Period:
        try:
            return parse_period(period, ind.frequency)
        except ValueError as exc:
            raise ValidationError("period", f"{ind.code}: {exc}") from None

    def value(self, indicator_id: int, period: Period | str, agency_id: int | None = None) -> IndicatorValue | None:
        """The value entered for one indicator, period and agency (None: the partnership's), or None."""
        ind = self.indicator(indicator_id)
        key = self._period(period, ind).key
        rows = list(self.db.query(
            "SELECT * FROM indicator_value WHERE indicator_id = ? AND period = ? AND ifnull(agency_id, 0) = ?",
            [indicator_id, key, agency_id or 0]))
        return _value(rows[0], ind.frequency) if rows else None

    def values(self, indicator_id: int, *, agency_id: int | None = None, all_agencies: bool = False,
               first: Period | str | None = None, last: Period | str | None = None) -> list[IndicatorValue]:
        """An indicator's values, oldest first: the partnership's (or ``agency_id``'s; every row with
        ``all_agencies``), from ``first`` to ``last`` when given. Withdrawn values (None) included."""
        ind = self.indicator(indicator_id)
        where, args = ["indicator_id = ?"], [indicator_id]
        if not all_agencies:
            where.append("ifnull(agency_id, 0) = ?")
            args.append(agency_id or 0)
        rows = [_value(r, ind.frequency) for r in self.db.query(
            f"SELECT * FROM indicator_value WHERE {' AND '.join(where)} ORDER BY period, ifnull(agency_id, 0)", args)]
        lo = self._period(first, ind) if first is not None else None
        hi = self._period(last, ind) if last is not None else None
        return [v for v in rows if (lo is None or v.period >= lo) and (hi is None or v.period <= hi)]

    def history(self, indicator_id: int, *, until: Period | str | None = None, periods: int | None = None,
                agency_id: int | None = None) -> list[tuple[Period, float | None]]:
        """The indicator's series, every period in turn (None where there is no value), oldest first:
        the last ``periods`` periods up to ``until`` (default: from its first value to its latest)."""
        ind = self.indicator(indicator_id)
        got = {v.period: v.value for v in self.values(indicator_id, agency_id=agency_id)}
        end = self._period(until, ind) if until is not None else (max(got) if got else None)
        if end is None:
            return []
        if periods is None:
            start = min(got) if got else end
            periods = max(end.steps_since(start) + 1, 1)
        return [(p, got.get(p)) for p in end.last_n(periods)]

    def revisions(self, indicator_id: int | None = None, *, period: Period | str | None = None,
                  agency_id: int | None = None, all_agencies: bool = True) -> list[Revision]:
        """Changes to values already entered, oldest first: of one indicator (all when None), one
        period, one agency (``all_agencies=False`` with ``agency_id`` None: the partnership's only)."""
        where, args = [], []
        if indicator_id is not None:
            where.append("v.indicator_id = ?")
            args.append(indicator_id)
            if period is not None:
                where.append("v.period = ?")
                args.append(self._period(period, self.indicator(indicator_id)).key)
        if agency_id is not None or not all_agencies:
            where.append("ifnull(v.agency_id, 0) = ?")
            args.append(agency_id or 0)
        sql = ("SELECT r.*, v.indicator_id, v.period, v.agency_id, i.frequency FROM indicator_value_revision r"
               " JOIN indicator_value v ON v.id = r.value_id JOIN indicator i ON i.id = v.indicator_id"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY r.id")
        return [
            Revision(value_id=r["value_id"], indicator_id=r["indicator_id"],
                     period=Period.from_key(r["period"], r["frequency"]), agency_id=r["agency_id"],
                     old_value=r["old_value"], new_value=r["new_value"], revised_at=r["revised_at"],
                     revised_by=r["revised_by"], reason=r["reason"], id=r["id"])
            for r in self.db.query(sql, args)
        ]

    def set_value(self, indicator_id: int, period: Period | str, value: float | str | None, *,
                  agency_id: int | None = None, reason: str = "", version: int | None = None
                  ) -> IndicatorValue | None:
        """Enter (or change) one value. ``agency_id`` None: the whole partnership's value.

        A value already entered changes only with a ``reason``: the old value, when, who and why
        are kept as a revision (never silently replaced); ``value`` None withdraws it (a revision
        too). The same value again changes nothing. Returns the value as stored (None: withdrawing
        a value never entered). ``version``: the value's ``row_version`` when
        it was read (0: there was none), refused with EditConflict if it changed since.
        """
        with self.store.write():
            ind = self.indicator(indicator_id)
            change = ValueChange(indicator_id, self._period(period, ind), value, agency_id, reason)
            planned = self._plan([change], {ind.id: ind})[0]
            if planned.outcome is Outcome.REJECT:
                raise ValidationError(planned.field, planned.message)
            stored = self.value(indicator_id, change.period, agency_id)
            if version is not None and version != (stored.row_version if stored else 0):
                what = f"the value of {ind.code} for {change.period.label()}{self._agency_words(agency_id)}"
                raise self.store.edit_conflict(
                    what, entity="indicator_value", entity_id=stored.id if stored else None, read_version=version,
                    stored_version=stored.row_version if stored else 0,
                    yours={"value": planned.change.value}, stored={"value": stored.value if stored else None},
                    match=None if stored else (lambda c: False),
                )
            self._write([planned], {ind.id: ind})
            return self.value(indicator_id, change.period, agency_id)

    def preview_values(self, batch: Iterable[ValueChange]) -> list[PlannedValue]:
        """What :meth:`apply_values` would do with each change: add, revise, unchanged, or reject
        (with the message and field), in the order given. Writes nothing (an import's preview)."""
        batch = list(batch)
        return self._plan(batch, self._indicators_by_id({c.indicator_id for c in batch}))

    def apply_values(self, batch: Iterable[ValueChange], *, what: str = "") -> ValuesApplied:
        """Write a batch of values (an import) in one transaction, all or nothing: if any change is
        rejected, ValidationError names the first (its ``source`` and the problem) and nothing is
        written. ``what`` names the batch in the change history (e.g. the file's name)."""
        batch = list(batch)
        with self.store.write():
            indicators = self._indicators_by_id({c.indicator_id for c in batch})
            planned = self._plan(batch, indicators)
            rejected = [p for p in planned if p.outcome is Outcome.REJECT]
            if rejected:
                first = rejected[0]
                where = f"{first.change.source}: " if first.change.source else ""
                more = f" ({len(rejected) - 1} more refused too)" if len(rejected) > 1 else ""
                raise ValidationError(first.field, f"{where}{first.message}{more} Nothing was saved.")
            self._write(planned, indicators, what=what)
        done = ValuesApplied(planned=planned)
        for p in planned:
            if p.outcome is Outcome.ADD:
                done.added += 1
            elif p.outcome is Outcome.REVISE:
                done.revised += 1
            else:
                done.unchanged += 1
        return done

    def _indicators_by_id(self, ids: Iterable[int]) -> dict[int, Indicator]:
        wanted = set(ids)
        return {i.id: i for i in self.indicators(include_retired=True) if i.id in wanted}  # type: ignore[misc]

    def _agency_words(self, agency_id: int | None) -> str:
        return f" ({self.store._agency_short(agency_id)})" if agency_id is not None else ""

    def _plan(self, batch: Sequence[ValueChange], indicators: Mapping[int, Indicator]) -> list[PlannedValue]:
        """Each change checked against what is stored now (one query), in order."""
        ids = sorted(indicators)
        stored: dict[tuple[int, str, int], tuple[float | None, int]] = {}
        if ids:
            for r in self.db.execute(
                f"SELECT indicator_id, period, ifnull(agency_id, 0), value, id FROM indicator_value"
                f" WHERE indicator_id IN ({_placeholders(ids)})", ids
            ):
                stored[(r[0], r[1], r[2])] = (r[3], r[4])
        agencies = {r[0] for r in self.db.execute("SELECT id FROM agency")}
        seen: set[tuple[int, str, int]] = set()
        labels: dict[Period, str] = {}
        out: list[PlannedValue] = []

        def reject(change: ValueChange, field: str, message: str, old: float | None = None) -> None:
            out.append(PlannedValue(change, Outcome.REJECT, old, message, field))

        for change in batch:
            ind = indicators.get(change.indicator_id)
            if ind is None:
                reject(change, "indicator", f"There is no indicator with id {change.indicator_id}.")
                continue
            try:
                period = parse_period(change.period, ind.frequency)
            except ValueError as exc:
                reject(change, "period", f"{ind.code}: {exc}")
                continue
            if period.start > _today():
                reject(change, "period", f"{ind.code}: {period.label()} has not begun yet: enter values for periods "
                                         "that have begun.")
                continue
            if ind.retired_on is not None:
                reject(change, "indicator", f"{ind.label} was retired on {ind.retired_on:%d/%m/%Y}: reinstate it "
                                            "before entering values.")
                continue
            if change.agency_id is not None and not ind.by_agency:
                reject(change, "agency_id", f"{ind.code} is not broken down by agency: enter the partnership's "
                                            "value (no agency), or mark the indicator as broken down by agency.")
                continue
            if change.agency_id is not None and change.agency_id not in agencies:
                reject(change, "agency_id", f"There is no agency with id {change.agency_id}.")
                continue
            try:
                label = labels.get(period) or labels.setdefault(period, period.label())  # one strftime per period
                value = check_value(change.value, ind.unit, "value", f"The value of {ind.code} for {label}")
            except ValidationError as exc:
                reject(change, exc.field, exc.message)
                continue
            key = (ind.id, period.key, change.agency_id or 0)  # type: ignore[assignment]
            change = dataclasses.replace(change, period=period, value=value, reason=(change.reason or "").strip())
            if key in seen:
                reject(change, "period", f"{ind.code} {period.label()}{self._agency_words(change.agency_id)} is given "
                                         "twice: keep one.")
                continue
            seen.add(key)  # type: ignore[arg-type]
            if key not in stored:
                if value is None:
                    out.append(PlannedValue(change, Outcome.UNCHANGED))
                else:
                    out.append(PlannedValue(change, Outcome.ADD))
                continue
            old = stored[key][0]  # type: ignore[index]
            if old == value:
                out.append(PlannedValue(change, Outcome.UNCHANGED, old))
                continue
            if not change.reason:
                was = format_value(old, ind.unit) if old is not None else "withdrawn"
                reject(change, "reason",
                       f"{ind.code} for {period.label()}{self._agency_words(change.agency_id)} is already {was}: a value "
                       f"entered is changed only with a reason (e.g. 'revised figures from the agency').", old)
                continue
            out.append(PlannedValue(change, Outcome.REVISE, old))
        return out

    def _write(self, planned: Sequence[PlannedValue], indicators: Mapping[int, Indicator], *, what: str = "") -> None:
        """Write planned adds and revisions (inside a write) and record them: one history entry for
        one value, one for a batch."""
        now, user = _now(), self.store.user
        adds = [p for p in planned if p.outcome is Outcome.ADD]
        revises = [p for p in planned if p.outcome is Outcome.REVISE]
        if not adds and not revises:
            return
        self.db.conn.executemany(
            "INSERT INTO indicator_value (indicator_id, period, agency_id, value, entered_at, entered_by)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(p.change.indicator_id, p.change.period.key, p.change.agency_id, p.change.value, now, user) for p in adds],
        )
        for p in revises:
            c = p.change
            row = self.db.execute(
                "SELECT id FROM indicator_value WHERE indicator_id = ? AND period = ? AND ifnull(agency_id, 0) = ?",
                [c.indicator_id, c.period.key, c.agency_id or 0]).fetchone()
            self.db.execute("UPDATE indicator_value SET value = ?, row_version = row_version + 1 WHERE id = ?",
                            [c.value, row[0]])
            self.db.execute(
                "INSERT INTO indicator_value_revision (value_id, old_value, new_value, revised_at, revised_by, reason)"
                " VALUES (?, ?, ?, ?, ?, ?)", [row[0], p.old_value, c.value, now, user, c.reason])

        def name(p: PlannedValue) -> str:
            ind = indicators[p.change.indicator_id]
            return f"{ind.code} {p.change.period.short_label()}{self._agency_words(p.change.agency_id)}"

        record = {name(p): [p.old_value, p.change.value] for p in adds + revises}
        if len(adds) + len(revises) == 1 and not what:
            p = (adds + revises)[0]
            ind = indicators[p.change.indicator_id]
            shown = format_value(p.change.value, ind.unit) if p.change.value is not None else "withdrawn"
            if p.outcome is Outcome.ADD:
                summary = f"Value entered: {name(p)} = {shown}"
            else:
                was = format_value(p.old_value, ind.unit) if p.old_value is not None else "withdrawn"
                summary = f"Value revised: {name(p)} {was} -> {shown} ({p.change.reason})"
            row = self.db.execute(
                "SELECT id FROM indicator_value WHERE indicator_id = ? AND period = ? AND ifnull(agency_id, 0) = ?",
                [p.change.indicator_id, p.change.period.key, p.change.agency_id or 0]).fetchone()
            if p.outcome is Outcome.REVISE:
                record["reason"] = p.change.reason
            self.store.record("indicator_value", row[0], "revised" if p.outcome is Outcome.REVISE else "added",
                              summary, record)
            return
        reasons = sorted({p.change.reason for p in revises})
        if reasons:
            record["reason"] = "; ".join(reasons)
        summary = (f"Values {'imported from ' + what if what else 'entered'}: {len(adds)} added, "
                   f"{len(revises)} revised")
        self.store.record("indicator_value", None, "imported" if what else "added", summary, record)

    # === comparators and commentary ===============================================================
    def comparators(self, indicator_id: int, period: Period | str) -> Comparators | None:
        """England, region and statistical neighbours for one indicator and period, or None."""
        ind = self.indicator(indicator_id)
        p = self._period(period, ind)
        rows = list(self.db.query("SELECT * FROM indicator_comparator WHERE indicator_id = ? AND period = ?",
                                  [indicator_id, p.key]))
        return self._comparators(rows[0], ind.frequency) if rows else None

    def comparator_series(self, indicator_id: int) -> dict[Period, Comparators]:
        """Every period's comparators of one indicator (a chart's comparator lines)."""
        ind = self.indicator(indicator_id)
        return {c.period: c for c in (self._comparators(r, ind.frequency) for r in self.db.query(
            "SELECT * FROM indicator_comparator WHERE indicator_id = ? ORDER BY period", [indicator_id]))}

    @staticmethod
    def _comparators(row: Mapping[str, Any], frequency: Frequency | str) -> Comparators:
        return Comparators(indicator_id=row["indicator_id"], period=Period.from_key(row["period"], frequency),
                           england=row["england"], region=row["region"],
                           statistical_neighbours=row["statistical_neighbours"], id=row["id"],
                           row_version=row["row_version"])

    def set_comparators(self, comparators: Comparators) -> Comparators:
        """Save England / region / statistical neighbours for an indicator and period (None: not
        known). ``comparators.row_version``: as read (None for new, or to save over what is stored)."""
        with self.store.write():
            ind = self.indicator(comparators.indicator_id)
            period = self._period(comparators.period, ind)
            new = {
                name: check_value(getattr(comparators, name), ind.unit, name, f"The {label} comparator")
                for name, label in (("england", "England"), ("region", "region"),
                                    ("statistical_neighbours", "statistical neighbours"))
            }
            old = self.comparators(ind.id, period)  # type: ignore[arg-type]
            what = f"{ind.code} {period.short_label()}"
            if old is None:
                row_id = self.store.insert("indicator_comparator", {"indicator_id": ind.id, "period": period.key, **new})
                self.store.record("indicator_comparator", row_id, "added", f"Comparators entered: {what}",
                                  {k: [None, v] for k, v in new.items() if v is not None})
                return self.comparators(ind.id, period)  # type: ignore[return-value, arg-type]
            before = {k: getattr(old, k) for k in new}
            if comparators.row_version is not None and comparators.row_version != old.row_version:
                raise self.store.edit_conflict(
                    f"the comparators of {what}", entity="indicator_comparator", entity_id=old.id,
                    read_version=comparators.row_version, stored_version=old.row_version, yours=new, stored=before)
            diff = changes(before, new)
            if diff:
                self.store.update("indicator_comparator", old.id, diff, version=old.row_version)  # type: ignore[arg-type]
                self.store.record("indicator_comparator", old.id, "edited", f"Comparators changed: {what}", diff)
            return self.comparators(ind.id, period)  # type: ignore[return-value, arg-type]

    def preview_comparators(self, batch: Iterable[ComparatorChange]) -> list[PlannedComparator]:
        """What :meth:`apply_comparators` would do with each figure: add, revise (a figure already
        entered changes; no reason needed, the history keeps the old one), unchanged, or reject (with
        the message and field), in the order given. Writes nothing (an import's preview)."""
        batch = list(batch)
        return self._plan_comparators(batch, self._indicators_by_id({c.indicator_id for c in batch}))

    def apply_comparators(self, batch: Iterable[ComparatorChange], *, what: str = "") -> dict[str, int]:
        """Write a batch of comparator figures in one transaction, all or nothing (a rejected one
        raises ValidationError naming it, and nothing is written); one entry in the change history.
        Returns the number of figures per outcome ("add", "revise", "unchanged")."""
        batch = list(batch)
        counts = {str(Outcome.ADD): 0, str(Outcome.REVISE): 0, str(Outcome.UNCHANGED): 0}
        with self.store.write():
            indicators = self._indicators_by_id({c.indicator_id for c in batch})
            planned = self._plan_comparators(batch, indicators)
            rejected = [p for p in planned if p.outcome is Outcome.REJECT]
            if rejected:
                first = rejected[0]
                where = f"{first.change.source}: " if first.change.source else ""
                more = f" ({len(rejected) - 1} more refused too)" if len(rejected) > 1 else ""
                raise ValidationError(first.field, f"{where}{first.message}{more} Nothing was saved.")
            changed: dict[tuple[int, str], dict[str, float | None]] = {}
            record: dict[str, list[float | None]] = {}
            for p in planned:
                counts[str(p.outcome)] += 1
                if p.outcome in (Outcome.ADD, Outcome.REVISE):
                    c = p.change
                    changed.setdefault((c.indicator_id, c.period.key), {})[c.which] = c.value
                    ind = indicators[c.indicator_id]
                    record[f"{ind.code} {c.period.short_label()} {COMPARATOR_LABELS[c.which]}"] = [p.old_value, c.value]
            if not changed:
                return counts
            ids = sorted({k[0] for k in changed})
            existing = {(r[0], r[1]): r[2] for r in self.db.execute(
                f"SELECT indicator_id, period, id FROM indicator_comparator WHERE indicator_id IN ({_placeholders(ids)})",
                ids)}
            for (indicator_id, key), figures in changed.items():
                row_id = existing.get((indicator_id, key))
                if row_id is None:
                    self.store.insert("indicator_comparator", {"indicator_id": indicator_id, "period": key, **figures})
                else:
                    sets = ", ".join(f"{name} = ?" for name in figures)
                    self.db.execute(f"UPDATE indicator_comparator SET {sets}, row_version = row_version + 1 "
                                    "WHERE id = ?", [*figures.values(), row_id])
            summary = (f"Comparators {'imported from ' + what if what else 'entered'}: {counts['add']} added, "
                       f"{counts['revise']} changed")
            self.store.record("indicator_comparator", None, "imported" if what else "added", summary, record)
        return counts

    def _plan_comparators(self, batch: Sequence[ComparatorChange], indicators: Mapping[int, Indicator]
                          ) -> list[PlannedComparator]:
        ids = sorted(indicators)
        stored: dict[tuple[int, str], Mapping[str, Any]] = {}
        if ids:
            for r in self.db.query(
                f"SELECT * FROM indicator_comparator WHERE indicator_id IN ({_placeholders(ids)})", ids
            ):
                stored[(r["indicator_id"], r["period"])] = r
        seen: set[tuple[int, str, str]] = set()
        out: list[PlannedComparator] = []

        def reject(change: ComparatorChange, field: str, message: str, old: float | None = None) -> None:
            out.append(PlannedComparator(change, Outcome.REJECT, old, message, field))

        for change in batch:
            ind = indicators.get(change.indicator_id)
            if ind is None:
                reject(change, "indicator", f"There is no indicator with id {change.indicator_id}.")
                continue
            if change.which not in COMPARATOR_FIELDS:
                raise ValueError(f"not a comparator: {change.which!r}")  # a bug in the caller
            label = COMPARATOR_LABELS[change.which]
            try:
                period = parse_period(change.period, ind.frequency)
            except ValueError as exc:
                reject(change, "period", f"{ind.code}: {exc}")
                continue
            if period.start > _today():
                reject(change, "period", f"{ind.code}: {period.label()} has not begun yet: enter figures for periods "
                                         "that have begun.")
                continue
            if ind.retired_on is not None:
                reject(change, "indicator", f"{ind.label} was retired on {ind.retired_on:%d/%m/%Y}: reinstate it "
                                            "before entering figures.")
                continue
            try:
                value = check_value(change.value, ind.unit, change.which,
                                    f"The {label} comparator of {ind.code} for {period.label()}")
            except ValidationError as exc:
                reject(change, exc.field, exc.message)
                continue
            change = dataclasses.replace(change, period=period, value=value)
            key = (ind.id, period.key, change.which)
            if key in seen:
                reject(change, change.which, f"The {label} comparator of {ind.code} for {period.label()} is given "
                                             "twice: keep one.")
                continue
            seen.add(key)  # type: ignore[arg-type]
            row = stored.get((ind.id, period.key))  # type: ignore[arg-type]
            old = row[change.which] if row is not None else None
            if value is None or old == value:
                out.append(PlannedComparator(change, Outcome.UNCHANGED, old))
            elif old is None:
                out.append(PlannedComparator(change, Outcome.ADD, None))
            else:
                out.append(PlannedComparator(change, Outcome.REVISE, old))
        return out

    def commentary(self, indicator_id: int, period: Period | str) -> Commentary | None:
        """The commentary on one indicator for one period, or None."""
        ind = self.indicator(indicator_id)
        p = self._period(period, ind)
        rows = list(self.db.query("SELECT * FROM indicator_commentary WHERE indicator_id = ? AND period = ?",
                                  [indicator_id, p.key]))
        return self._commentary(rows[0], ind.frequency) if rows else None

    @staticmethod
    def _commentary(row: Mapping[str, Any], frequency: Frequency | str) -> Commentary:
        return Commentary(indicator_id=row["indicator_id"], period=Period.from_key(row["period"], frequency),
                          text=row["text"], author=row["author"], written_at=row["written_at"], id=row["id"],
                          row_version=row["row_version"])

    def set_commentary(self, indicator_id: int, period: Period | str, text: str, *, author: str | None = None,
                       version: int | None = None) -> Commentary:
        """Write (or rewrite) what lies behind an indicator's figure for a period. ``author``: who
        wrote it (default: the user saving it). ``version``: the commentary's row_version as read (0:
        there was none), refused with EditConflict when it changed since. The earlier text stays in
        the change history."""
        text = (text or "").strip()
        with self.store.write():
            ind = self.indicator(indicator_id)
            p = self._period(period, ind)
            old = self.commentary(indicator_id, p)
            what = f"{ind.code} {p.short_label()}"
            if version is not None and version != (old.row_version if old else 0):
                raise self.store.edit_conflict(
                    f"the commentary on {what}", entity="indicator_commentary", entity_id=old.id if old else None,
                    read_version=version, stored_version=old.row_version if old else 0,
                    yours={"text": text}, stored={"text": old.text if old else ""},
                    match=None if old else (lambda c: False))
            values = {"text": text, "author": (author if author is not None else self.store.user).strip(),
                      "written_at": _now()}
            if old is None:
                row_id = self.store.insert("indicator_commentary",
                                           {"indicator_id": ind.id, "period": p.key, **values})
                self.store.record("indicator_commentary", row_id, "added", f"Commentary written: {what}",
                                  {"text": [None, text], "author": [None, values["author"]]})
            elif old.text != text or old.author != values["author"]:
                diff = changes({"text": old.text, "author": old.author, "written_at": old.written_at}, values)
                self.store.update("indicator_commentary", old.id, diff, version=old.row_version)  # type: ignore[arg-type]
                self.store.record("indicator_commentary", old.id, "edited", f"Commentary rewritten: {what}", diff)
            return self.commentary(indicator_id, p)  # type: ignore[return-value]

    # === the scorecard ============================================================================
    def scorecard(
        self,
        period: Period | str,
        *,
        theme: int | Theme | None = None,
        tag: str | None = None,
        agency: int | None = None,
        rag: Rag | str | Iterable[Rag | str] | None = None,
        exceptions_only: bool = False,
        include_retired: bool = False,
    ) -> list[ScorecardRow]:
        """Every indicator in use for the chosen ``period``, in theme order (see
        :class:`~mqp_desktop.domain.performance.ScorecardRow`): value, RAG, travel against the
        previous period and the same period last year, the last 8 values, comparators,
        commentary, the by-agency breakdown.

        ``period``: any frequency (text is read as a quarter, a month or a year by its form); each
        indicator is read for its own latest period complete by the chosen one's last day (a monthly indicator
        on a quarter's scorecard: the quarter's last month). Filters: ``theme`` (id or Theme),
        ``tag``, ``agency`` (indicators it owns, or breaks down with a value for it), ``rag`` (one
        or several), ``exceptions_only`` (red, or worse three periods running).

        A handful of set-based queries whatever the number of indicators.
        """
        chosen = period if isinstance(period, Period) else parse_period(period)
        theme_id = theme.id if isinstance(theme, Theme) else theme
        indicators = self.indicators(include_retired=include_retired, theme_id=theme_id)
        if tag:
            fold = " ".join(tag.split()).casefold()
            indicators = [i for i in indicators if any(t.casefold() == fold for t in i.tags)]
        if not indicators:
            return []
        targets = {f: chosen.as_frequency(f) for f in {i.frequency for i in indicators}}
        wanted = {f: {p.key for p in t.last_n(SPARKLINE_PERIODS)} | {t.same_period_last_year().key}
                  for f, t in targets.items()}
        all_keys = sorted(set().union(*wanted.values()))
        target_keys = sorted({t.key for t in targets.values()})
        frequency = {i.id: i.frequency for i in indicators}

        def fits(indicator_id: int, key: str, keys: Mapping[Frequency, set[str]] | Mapping[Frequency, Period]) -> bool:
            f = frequency.get(indicator_id)
            if f is None:
                return False
            want = keys[f]
            return key in want if isinstance(want, set) else key == want.key

        series: dict[int, dict[Period, float | None]] = {}
        for ind_id, key, value in self.db.execute(
            f"SELECT indicator_id, period, value FROM indicator_value WHERE agency_id IS NULL"
            f" AND period IN ({_placeholders(all_keys)})", all_keys
        ):
            if fits(ind_id, key, wanted):
                series.setdefault(ind_id, {})[Period.from_key(key, frequency[ind_id])] = value
        by_agency: dict[int, dict[int, float | None]] = {}
        for ind_id, key, agency_id, value in self.db.execute(
            f"SELECT v.indicator_id, v.period, v.agency_id, v.value FROM indicator_value v"
            f" JOIN agency a ON a.id = v.agency_id WHERE v.period IN ({_placeholders(target_keys)})"
            f" ORDER BY a.name COLLATE NOCASE", target_keys
        ):
            if fits(ind_id, key, targets):
                by_agency.setdefault(ind_id, {})[agency_id] = value
        comparators = {
            r["indicator_id"]: self._comparators(r, frequency[r["indicator_id"]])
            for r in self.db.query(f"SELECT * FROM indicator_comparator WHERE period IN ({_placeholders(target_keys)})",
                                   target_keys)
            if fits(r["indicator_id"], r["period"], targets)
        }
        commentary = {
            r["indicator_id"]: self._commentary(r, frequency[r["indicator_id"]])
            for r in self.db.query(f"SELECT * FROM indicator_commentary WHERE period IN ({_placeholders(target_keys)})",
                                   target_keys)
            if fits(r["indicator_id"], r["period"], targets)
        }
        revised = {
            ind_id for ind_id, key in self.db.execute(
                f"SELECT DISTINCT v.indicator_id, v.period FROM indicator_value_revision r"
                f" JOIN indicator_value v ON v.id = r.value_id"
                f" WHERE v.agency_id IS NULL AND v.period IN ({_placeholders(target_keys)})", target_keys)
            if fits(ind_id, key, targets)
        }
        themes = {t.id: t for t in self.themes(include_retired=True)}
        rows = [
            scorecard_row(
                ind, targets[ind.frequency], series.get(ind.id, {}), theme=themes.get(ind.theme_id),  # type: ignore[arg-type]
                comparators=comparators.get(ind.id), commentary=commentary.get(ind.id),  # type: ignore[arg-type]
                agency_values=by_agency.get(ind.id, {}) if ind.by_agency else None,  # type: ignore[arg-type]
                revised=ind.id in revised,
            )
            for ind in indicators
        ]
        if agency is not None:
            rows = [r for r in rows if r.indicator.owner_agency_id == agency
                    or any(f.agency_id == agency and f.value is not None for f in r.by_agency)]
        if rag is not None:
            wanted_rags = {Rag(rag)} if isinstance(rag, str) else {Rag(r) for r in rag}
            rows = [r for r in rows if r.rag in wanted_rags]
        if exceptions_only:
            rows = [r for r in rows if r.exception]
        return rows

    def latest_period(self, frequency: Frequency | str = Frequency.QUARTERLY) -> Period | None:
        """The latest period of ``frequency`` with a value entered for any indicator in use, or None
        (a sensible default for the scorecard)."""
        row = self.db.execute(
            "SELECT max(v.period) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id"
            " WHERE i.frequency = ? AND i.retired_on IS NULL AND v.value IS NOT NULL", [str(frequency)]).fetchone()
        return Period.from_key(row[0], frequency) if row and row[0] else None
