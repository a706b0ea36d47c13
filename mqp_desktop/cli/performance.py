"""``mqp indicators ...``, ``mqp data set`` and ``mqp scorecard``: the partnership's performance data.

Indicators (code, title, theme, unit, direction, target and tolerance, frequency, tags), their
values per period (a value already entered changes only with a reason, kept as a revision), and
the scorecard for a period: RAG, direction of travel, exceptions.
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from mqp_desktop.cli import performance_exports
from mqp_desktop.cli.common import CliError, date_option, editing_store, opened_store, resolve_agency, today
from mqp_desktop.cli.output import emit_json, table
from mqp_desktop.domain.performance import (
    DIRECTIONS,
    RAGS,
    UNITS,
    Indicator,
    ScorecardRow,
    check_number,
    format_value,
)
from mqp_desktop.domain.periods import FREQUENCIES, Period, parse_period
from mqp_desktop.store.performance import PerformanceRepo
from mqp_desktop.store.store import Store

PERIODS = ("Periods: a quarter as 2026-Q2 (the calendar quarter, Apr-Jun 2026) or Q1 2026-27 (the\n"
           "financial year's quarter: the same one), a month as 2026-06 or Jun-26, a financial year as 2026-27.")

INDICATOR_JSON_KEYS = """\
JSON (--json): an array of objects (one object for 'indicators show') with the keys
  id, code, title, definition, theme_id, theme, owner_agency_id, owner_agency (name or
  null: the partnership's own), source, unit ("number" | "percentage" | "rate per 10,000"
  | "days"), direction ("higher" | "lower" | "neither": which is better), target (number
  or null), tolerance (the amber band's width, in the unit), frequency ("monthly" |
  "quarterly" | "annual"), by_agency (true/false), tags [text], retired_on (YYYY-MM-DD or
  null), retired_reason, version (how many times it has been saved: give it to 'edit
  --expect-version').
'indicators show' adds: values [{period (key), label, agency_id, agency, value (number
  or null: withdrawn), version}] oldest first, revisions [{period, agency_id, old_value,
  new_value, revised_at, revised_by, reason}], commentary [{period, text, author,
  written_at}]."""

THEME_JSON_KEYS = """\
JSON (--json): an array of objects with the keys
  id, name, description, position, retired_on (YYYY-MM-DD or null), indicators (number in use)."""

SCORECARD_JSON_KEYS = """\
JSON (--json): one object with the keys
  period (the chosen period's key), label, rows [{indicator_id, code, title, theme,
  unit, direction, frequency, period (the indicator's own period for the chosen one:
  a quarter's last month, the financial year holding it), label, value (number or
  null), target, tolerance, rag ("green" | "amber" | "red" | "grey"), previous_period,
  previous_value, travel_previous ("better" | "worse" | "same" | "none", or "up" |
  "down" for direction "neither"), last_year_period, last_year_value,
  travel_last_year, sparkline [{period, value}] (the last 8 periods, oldest first),
  comparators {england, region, statistical_neighbours} or null, commentary {text,
  author, written_at} or null, by_agency [{agency_id, agency, value, rag}],
  exception (true/false), exception_reasons ["red" | "worse three periods running"],
  revised (true/false: the value was revised), owner_agency_id, tags [text]}]."""

EXPECT_VERSION_HELP = (
    "refuse the change (exit 1, saying who changed it and when) unless the indicator is still at this "
    "version: the 'version' a script read earlier with --json, so a change saved since is never overwritten"
)


# --- turning what was typed into values ---------------------------------------------------------

def _indicator(perf: PerformanceRepo, text: str, option: str = "INDICATOR") -> Indicator:
    found = perf.find_indicator(text)
    if found is None:
        codes = ", ".join(i.code for i in perf.indicators()[:30]) or "none yet: add one with 'mqp indicators add'"
        raise CliError(f"{option}: there is no indicator '{text}'. Give its code or id ({codes}).")
    return found


def _theme_id(perf: PerformanceRepo, text: str) -> int:
    found = perf.find_theme(text)
    if found is None:
        known = "; ".join(f"{t.id}={t.name}" for t in perf.themes())
        raise CliError(f"--theme: there is no theme '{text}'. Give its id or name ({known}).")
    return found.id  # type: ignore[return-value]


def _number(text: str | None, option: str) -> float | None:
    if text is None or text.strip().lower() in ("", "none", "-"):
        return None
    return check_number(text, option.lstrip("-"), option)


def _period(text: str, option: str = "--period") -> Period:
    try:
        return parse_period(text)
    except ValueError as exc:
        raise CliError(f"{option}: {exc}") from None


def _agency_words(store: Store, agency_id: int | None) -> str | None:
    return store._agency_short(agency_id) if agency_id is not None else None


def _tolerance(tolerance: float, unit: str) -> str:
    """The amber band's width: '2 points' for a percentage (not '2%', which reads as a share of the target)."""
    if not tolerance:
        return ""
    return f"{format_value(tolerance, 'number')} points" if unit == "percentage" else format_value(tolerance, unit)


# --- JSON records ---------------------------------------------------------------------------

def indicator_record(ind: Indicator, store: Store, themes: dict[int, str]) -> dict[str, Any]:
    owner = store.agency(ind.owner_agency_id).name if ind.owner_agency_id is not None else None
    return {
        "id": ind.id, "code": ind.code, "title": ind.title, "definition": ind.definition,
        "theme_id": ind.theme_id, "theme": themes.get(ind.theme_id),  # type: ignore[arg-type]
        "owner_agency_id": ind.owner_agency_id, "owner_agency": owner, "source": ind.source,
        "unit": str(ind.unit), "direction": str(ind.direction), "target": ind.target, "tolerance": ind.tolerance,
        "frequency": str(ind.frequency), "by_agency": ind.by_agency, "tags": list(ind.tags),
        "retired_on": ind.retired_on.isoformat() if ind.retired_on else None, "retired_reason": ind.retired_reason,
        "version": ind.row_version,
    }


def scorecard_record(row: ScorecardRow, store: Store) -> dict[str, Any]:
    ind = row.indicator
    return {
        "indicator_id": ind.id, "code": ind.code, "title": ind.title,
        "theme": row.theme.name if row.theme else None, "unit": str(ind.unit), "direction": str(ind.direction),
        "frequency": str(ind.frequency), "period": row.period.key, "label": row.period.label(), "value": row.value,
        "target": ind.target, "tolerance": ind.tolerance, "rag": str(row.rag),
        "previous_period": row.previous_period.key, "previous_value": row.previous_value,
        "travel_previous": str(row.travel_previous), "last_year_period": row.last_year_period.key,
        "last_year_value": row.last_year_value, "travel_last_year": str(row.travel_last_year),
        "sparkline": [{"period": p.key, "value": v} for p, v in row.sparkline],
        "comparators": None if row.comparators is None else {
            "england": row.comparators.england, "region": row.comparators.region,
            "statistical_neighbours": row.comparators.statistical_neighbours},
        "commentary": None if row.commentary is None else {
            "text": row.commentary.text, "author": row.commentary.author, "written_at": row.commentary.written_at},
        "by_agency": [{"agency_id": f.agency_id, "agency": _agency_words(store, f.agency_id), "value": f.value,
                       "rag": str(f.rag)} for f in row.by_agency],
        "exception": row.exception, "exception_reasons": list(row.exception_reasons), "revised": row.revised,
        "owner_agency_id": ind.owner_agency_id, "tags": list(ind.tags),
    }


# --- indicators -------------------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        perf = store.performance
        theme_id = _theme_id(perf, args.theme) if args.theme else None
        indicators = perf.indicators(include_retired=args.all, theme_id=theme_id)
        themes = {t.id: t.name for t in perf.themes(include_retired=True)}
        records = [indicator_record(i, store, themes) for i in indicators]  # type: ignore[misc]
    if args.json:
        emit_json(records)
        return 0
    if not records:
        print("No indicators yet: add one with 'mqp indicators add --code CP3 --title \"...\" --theme 4 ...'.")
        return 0
    rows = [[r["code"], r["title"], r["theme"], r["unit"], r["direction"],
             format_value(r["target"], r["unit"]), _tolerance(r["tolerance"], r["unit"]),
             r["frequency"], "retired" if r["retired_on"] else ""] for r in records]
    print(table(["Code", "Indicator", "Theme", "Unit", "Better", "Target", "Tolerance", "Frequency", ""], rows,
                max_widths={"Indicator": 50, "Theme": 28}, right=("Target", "Tolerance")))
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        perf = store.performance
        counts: dict[int, int] = {}
        for ind in perf.indicators():
            counts[ind.theme_id] = counts.get(ind.theme_id, 0) + 1  # type: ignore[index]
        records = [{"id": t.id, "name": t.name, "description": t.description, "position": t.position,
                    "retired_on": t.retired_on.isoformat() if t.retired_on else None,
                    "indicators": counts.get(t.id, 0)} for t in perf.themes(include_retired=args.all)]  # type: ignore[arg-type]
    if args.json:
        emit_json(records)
        return 0
    print(table(["ID", "Theme", "Indicators", ""], [[r["id"], r["name"], r["indicators"],
                                                     "retired" if r["retired_on"] else ""] for r in records],
                right=("ID", "Indicators")))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        perf = store.performance
        ind = _indicator(perf, args.indicator)
        themes = {t.id: t.name for t in perf.themes(include_retired=True)}
        record = indicator_record(ind, store, themes)  # type: ignore[arg-type]
        values = perf.values(ind.id, all_agencies=True)  # type: ignore[arg-type]
        revisions = perf.revisions(ind.id)
        notes = [perf.commentary(ind.id, p) for p in sorted({v.period for v in values})]  # type: ignore[arg-type]
        record["values"] = [{"period": v.period.key, "label": v.period.label(), "agency_id": v.agency_id,
                             "agency": _agency_words(store, v.agency_id), "value": v.value, "version": v.row_version}
                            for v in values]
        record["revisions"] = [{"period": r.period.key, "agency_id": r.agency_id, "old_value": r.old_value,
                                "new_value": r.new_value, "revised_at": r.revised_at, "revised_by": r.revised_by,
                                "reason": r.reason} for r in revisions]
        record["commentary"] = [{"period": c.period.key, "text": c.text, "author": c.author,
                                 "written_at": c.written_at} for c in notes if c is not None]
    if args.json:
        emit_json(record)
        return 0
    unit = record["unit"]
    print(f"{ind.code}: {ind.title}" + (f"  (retired {ind.retired_on:%d %b %Y}: {ind.retired_reason})"
                                         if ind.retired_on else ""))
    better = {"higher": "higher is better", "lower": "lower is better", "neither": "neither (context)"}
    print(f"Theme: {record['theme']}; owner: {record['owner_agency'] or 'the partnership'}; "
          f"{record['frequency']}; unit: {unit}; {better[record['direction']]}")
    if ind.target is not None:
        print(f"Target: {format_value(ind.target, unit)}"
              + (f", tolerance {_tolerance(ind.tolerance, unit)}" if ind.tolerance else ", no amber band"))
    if ind.tags:
        print(f"Tags: {', '.join(ind.tags)}")
    if ind.source:
        print(f"Source: {ind.source}")
    if ind.definition:
        print(f"Definition: {ind.definition}")
    if values:
        print()
        print(table(["Period", "Agency", "Value", "RAG"],
                    [[v.period.label(), _agency_words(store, v.agency_id) or "partnership",
                      format_value(v.value, unit) if v.value is not None else "(withdrawn)", ind.rag(v.value)]
                     for v in values], right=("Value",)))
    for r in revisions:
        print(f"Revised {r.period.short_label()}: {format_value(r.old_value, unit) or '(none)'} -> "
              f"{format_value(r.new_value, unit) or '(withdrawn)'} by {r.revised_by}, {r.revised_at[:10]}: {r.reason}")
    for c in record["commentary"]:
        print(f"\nCommentary, {Period.from_key(c['period'], ind.frequency).label()} ({c['author']}):\n  {c['text']}")
    return 0


def _apply_options(ind: Indicator, args: argparse.Namespace, perf: PerformanceRepo, store: Store) -> None:
    if args.code is not None:
        ind.code = args.code
    if args.title is not None:
        ind.title = args.title
    if args.theme is not None:
        ind.theme_id = _theme_id(perf, args.theme)
    if args.definition is not None:
        ind.definition = args.definition
    if args.owner is not None:
        ind.owner_agency_id = (None if args.owner.strip().lower() in ("", "none", "partnership")
                               else resolve_agency(store, args.owner, "--owner").id)
    if args.source is not None:
        ind.source = args.source
    if args.unit is not None:
        ind.unit = args.unit
    if args.direction is not None:
        ind.direction = args.direction
    if args.target is not None:
        ind.target = _number(args.target, "--target")
    if args.tolerance is not None:
        ind.tolerance = _number(args.tolerance, "--tolerance") or 0.0
    if args.frequency is not None:
        ind.frequency = args.frequency
    if args.by_agency is not None:
        ind.by_agency = args.by_agency
    if args.tag is not None:
        tags = [t.strip() for value in args.tag for t in value.split(";")]
        ind.tags = tuple(t for t in tags if t and t.lower() != "none")


def cmd_add(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        perf = store.performance
        ind = Indicator(code="", title="", frequency="quarterly")  # type: ignore[arg-type]
        _apply_options(ind, args, perf, store)
        if ind.theme_id is None:
            raise CliError("--theme is required: " + "; ".join(f"{t.id}={t.name}" for t in perf.themes()) + ".")
        ind = perf.add_indicator(ind)
    print(f"Added indicator {ind.id}: {ind.label} ({ind.frequency}, {ind.unit}).")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        perf = store.performance
        ind = _indicator(perf, args.indicator)
        if args.expect_version is not None and args.expect_version != ind.row_version:
            read = dataclasses.replace(ind, row_version=args.expect_version)
            perf.update_indicator(read)  # raises EditConflict, saying who changed it and when
        before = dataclasses.replace(ind)
        _apply_options(ind, args, perf, store)
        if ind == before:
            raise CliError("Nothing to change: give at least one option, e.g. --target or --title "
                           "(see 'mqp indicators edit --help').")
        ind = perf.update_indicator(ind)
    print(f"Saved {ind.label} (version {ind.row_version}).")
    return 0


def cmd_retire(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        perf = store.performance
        ind = _indicator(perf, args.indicator)
        on = date_option(args.on, "--on") or today()
        ind = perf.retire_indicator(ind.id, args.reason, on)  # type: ignore[arg-type]
    print(f"Retired {ind.label} on {ind.retired_on:%d %b %Y}: its values, revisions and commentary are kept.")
    return 0


# --- values ---------------------------------------------------------------------------------

def cmd_data_set(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        perf = store.performance
        ind = _indicator(perf, args.indicator)
        agency_id = resolve_agency(store, args.agency, "--agency").id if args.agency else None
        value = None if args.value.strip().lower() in ("none", "withdraw", "-") else args.value
        before = perf.value(ind.id, args.period, agency_id)  # type: ignore[arg-type]
        saved = perf.set_value(ind.id, args.period, value, agency_id=agency_id,  # type: ignore[arg-type]
                               reason=args.reason or "")
        where = f" ({_agency_words(store, agency_id)})" if agency_id is not None else ""
    period = parse_period(args.period, ind.frequency)
    shown = format_value(saved.value, ind.unit) if saved and saved.value is not None else "(withdrawn)"
    if before is None:
        print(f"Entered {ind.code} {period.label()}{where}: {shown}; RAG {ind.rag(saved.value if saved else None)}.")
    elif saved is not None and before.row_version == saved.row_version:
        print(f"{ind.code} {period.label()}{where} is already {shown}: nothing changed.")
    else:
        old = format_value(before.value, ind.unit) if before.value is not None else "(withdrawn)"
        print(f"Revised {ind.code} {period.label()}{where}: {old} -> {shown} ({args.reason}); the old value is kept "
              f"('mqp indicators show {ind.code}').")
    return 0


# --- the scorecard ----------------------------------------------------------------------------

TRAVEL_MARKS = {"better": "better", "worse": "worse", "same": "same", "none": "", "up": "up", "down": "down"}


def cmd_scorecard(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        perf = store.performance
        if args.period:
            period = _period(args.period)
        else:
            period = perf.latest_period() or Period.latest_complete(today())
        theme_id = _theme_id(perf, args.theme) if args.theme else None
        agency_id = resolve_agency(store, args.agency, "--agency").id if args.agency else None
        rags = None
        if args.rag:
            rags = [r.strip().lower() for value in args.rag for r in value.split(",") if r.strip()]
            unknown = [r for r in rags if r not in RAGS]
            if unknown:
                raise CliError(f"--rag: '{unknown[0]}' is not a RAG rating: use {', '.join(RAGS)}.")
        rows = perf.scorecard(period, theme=theme_id, tag=args.tag, agency=agency_id, rag=rags,
                              exceptions_only=args.exceptions)
        if performance_exports.wanted(args):
            return performance_exports.write_files(args, store, period, rows)
        records = [scorecard_record(r, store) for r in rows]
    if args.json:
        emit_json({"period": period.key, "label": period.label(), "rows": records})
        return 0
    print(f"Scorecard for {period.label()}" + (" - exceptions (red, or worse three periods running)"
                                               if args.exceptions else "") + f": {len(rows)} indicators")
    if not rows:
        return 0
    out = []
    for r in rows:
        unit = r.indicator.unit
        comp = r.comparators.england if r.comparators else None
        out.append([r.indicator.code, r.indicator.title, r.period.short_label() if r.period != period else "",
                    format_value(r.value, unit), format_value(r.target, unit), str(r.rag).upper() if r.rag != "grey"
                    else "-", TRAVEL_MARKS[r.travel_previous], TRAVEL_MARKS[r.travel_last_year],
                    format_value(comp, unit), "!" if r.exception else "", "R" if r.revised else ""])
    print(table(["Code", "Indicator", "Period", "Value", "Target", "RAG", "vs last", "vs year ago", "England",
                 "Exc", "Rev"], out, max_widths={"Indicator": 48},
                right=("Value", "Target", "England")))
    notes = [r for r in rows if r.commentary and r.exception]
    for r in notes:
        print(f"\n{r.indicator.code} ({', '.join(r.exception_reasons)}): {r.commentary.text}"  # type: ignore[union-attr]
              f" - {r.commentary.author}")  # type: ignore[union-attr]
    return 0


# --- parsers --------------------------------------------------------------------------------

def _indicator_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    p.add_argument("--code", required=adding, help="a short unique code, e.g. CP3 (letters, digits, - _ . /)")
    p.add_argument("--title", required=adding, help="what it measures, in plain words")
    p.add_argument("--theme", required=adding, metavar="THEME",
                   help="the theme: id or name ('mqp indicators themes' lists them)")
    p.add_argument("--unit", choices=UNITS, default="number" if adding else None,
                   help="number, percentage, 'rate per 10,000' (children) or days (default: number)" if adding
                   else "number, percentage, 'rate per 10,000' or days")
    p.add_argument("--direction", choices=DIRECTIONS, default="higher" if adding else None,
                   help="which is better: higher, lower, or neither (context only: no RAG)"
                        + (" (default: higher)" if adding else ""))
    p.add_argument("--target", metavar="N", help="the target, in the unit ('none': no target, so the RAG is grey)")
    p.add_argument("--tolerance", metavar="N",
                   help="the amber band's width, in the unit (e.g. 5 for 5 percentage points; default 0)")
    p.add_argument("--frequency", choices=FREQUENCIES, default="quarterly" if adding else None,
                   help="how often a value comes" + (" (default: quarterly)" if adding else ""))
    p.add_argument("--owner", metavar="AGENCY",
                   help="the agency that owns it: id, name or short name ('none': the partnership's own)")
    p.add_argument("--source", help="where the figures come from")
    p.add_argument("--definition", help="how it is counted")
    p.add_argument("--tag", action="append", metavar="TAG",
                   help="a tag (repeatable, or several separated by ';'): child-centred outcome, voice of the child, "
                        "anti-racist practice, or one of the partnership's priorities"
                        + ("" if adding else "; replaces the tags ('none' clears them)"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--by-agency", dest="by_agency", action="store_true", default=None,
                       help="values are also kept per agency")
    if not adding:
        group.add_argument("--not-by-agency", dest="by_agency", action="store_false",
                           help="values are the partnership's only")


def add_parsers(commands, new_parser) -> None:
    ind = new_parser(commands, "indicators", "the performance dataset's indicators",
                     "Indicators of the partnership's dataset: list, show, add, edit, retire (never deleted).",
                     "examples:\n  mqp indicators list\n  mqp indicators show CP3\n"
                     "  mqp indicators add --code CP3 --title \"Repeat child protection plans\" --theme 4 \\\n"
                     "      --unit percentage --direction lower --target 20 --tolerance 2 --tag \"voice of the child\"\n"
                     "  mqp indicators edit CP3 --target 18\n"
                     "  mqp indicators retire CP3 --reason \"Replaced by CP4\"", db=False)
    sub = ind.add_subparsers(dest="indicators_command", metavar="COMMAND", required=True)

    p = new_parser(sub, "list", "list the indicators", "The indicators in theme order (retired ones with --all).",
                   INDICATOR_JSON_KEYS + "\n\nexamples:\n  mqp indicators list --theme Workforce\n"
                                         "  mqp indicators list --all --json")
    p.add_argument("--theme", metavar="THEME", help="only this theme (id or name)")
    p.add_argument("--all", action="store_true", help="retired indicators too")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "themes", "list the themes", "The themes indicators are filed under.",
                   THEME_JSON_KEYS + "\n\nexamples:\n  mqp indicators themes")
    p.add_argument("--all", action="store_true", help="retired themes too")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_themes)

    p = new_parser(sub, "show", "one indicator with its values, revisions and commentary",
                   "One indicator: its definition, every value entered, revisions (with their reasons) and\n"
                   "commentary.", INDICATOR_JSON_KEYS + "\n\nexamples:\n  mqp indicators show CP3 --json")
    p.add_argument("indicator", metavar="INDICATOR", help="the indicator's code or id")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    p = new_parser(sub, "add", "add an indicator", "Add an indicator to the dataset.",
                   "The tags allowed are the three cross-cutting ones and the partnership's priorities\n"
                   "('mqp settings set partnership_priorities \"Neglect; Early help\"').\n\nexamples:\n"
                   "  mqp indicators add --code WF1 --title \"Social worker vacancy rate\" --theme Workforce \\\n"
                   "      --unit percentage --direction lower --target 15 --tolerance 3 --owner \"LA Children's Services\"")
    _indicator_options(p, adding=True)
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "edit", "change an indicator", "Change an indicator: only the options given change.",
                   "examples:\n  mqp indicators edit CP3 --target 18 --tolerance 2\n"
                   "  mqp indicators edit CP3 --tag \"voice of the child\" --tag Neglect --expect-version 3")
    p.add_argument("indicator", metavar="INDICATOR", help="the indicator's code or id")
    _indicator_options(p, adding=False)
    p.add_argument("--expect-version", type=int, metavar="N", help=EXPECT_VERSION_HELP)
    p.set_defaults(func=cmd_edit)

    p = new_parser(sub, "retire", "retire an indicator (its history is kept)",
                   "Retire an indicator: it leaves the scorecard; its values, revisions and commentary are\n"
                   "kept. Nothing is deleted.",
                   "examples:\n  mqp indicators retire WF6 --reason \"Replaced by monthly supervision audits\"")
    p.add_argument("indicator", metavar="INDICATOR", help="the indicator's code or id")
    p.add_argument("--reason", required=True, help="why it is retired")
    p.add_argument("--on", metavar="DATE", help="the date it is retired (default: today)")
    p.set_defaults(func=cmd_retire)

    data = new_parser(commands, "data", "the performance dataset's values",
                      "Values of the dataset's indicators, per period (and per agency where broken down).",
                      "examples:\n  mqp data set CP3 2026-Q2 21.4\n"
                      "  mqp data set CP3 \"Q1 2026-27\" 22.0 --reason \"Late returns added\"\n"
                      "  mqp data import dataset.xlsx --dry-run\n"
                      "  mqp data export --out dataset.xlsx", db=False)
    dsub = data.add_subparsers(dest="data_command", metavar="COMMAND", required=True)
    p = new_parser(dsub, "set", "enter or revise one value",
                   "Enter one value. A value already entered changes only with --reason: the old value,\n"
                   "when, who and why are kept as a revision ('mqp indicators show' lists them).",
                   PERIODS + "\nVALUE 'none' withdraws a value (with --reason); the row and its revisions stay.\n\n"
                   "examples:\n  mqp data set CP3 2026-Q2 21.4\n"
                   "  mqp data set QT6 2026-Q2 81 --agency Police\n"
                   "  mqp data set CP3 2026-Q2 22.0 --reason \"Revised figures from the agency\"")
    p.add_argument("indicator", metavar="INDICATOR", help="the indicator's code or id")
    p.add_argument("period", metavar="PERIOD", help="the period (forms below), of the indicator's frequency")
    p.add_argument("value", metavar="VALUE", help="the value, in the indicator's unit (12.5 for 12.5%%)")
    p.add_argument("--agency", metavar="AGENCY",
                   help="an agency's value (indicators broken down by agency): id, name or short name")
    p.add_argument("--reason", help="why a value already entered changes (required then)")
    p.set_defaults(func=cmd_data_set)
    from mqp_desktop.cli.performance_files import add_data_parsers

    add_data_parsers(dsub, new_parser)  # data import, data export

    p = new_parser(commands, "scorecard", "the scorecard for a period: RAG, travel, exceptions",
                   "Every indicator in use for a period: value, target, RAG, direction of travel against the\n"
                   "previous period and the same period last year, England, exceptions and their commentary.\n"
                   "An indicator of another frequency is read for its period holding the chosen one's last day\n"
                   "(a quarter's last month; the financial year holding the quarter).",
                   PERIODS + "\n\n" + SCORECARD_JSON_KEYS + "\n\n" + performance_exports.EXPORT_HELP
                   + "\n\nexamples:\n  mqp scorecard --period 2026-Q2\n"
                   "  mqp scorecard --period \"Q1 2026-27\" --exceptions\n"
                   "  mqp scorecard --theme Workforce --rag red,amber --json\n"
                   "  mqp scorecard --period 2026-Q2 --xlsx scorecard.xlsx --pdf scorecard.pdf\n"
                   "  mqp scorecard --period 2026-Q2 --report \"Performance report Q1 2026-27.pdf\"")
    p.add_argument("--period", metavar="PERIOD",
                   help="the period (default: the latest quarter with values, else the last complete quarter)")
    p.add_argument("--exceptions", action="store_true", help="only exceptions: red, or worse three periods running")
    p.add_argument("--theme", metavar="THEME", help="only this theme (id or name)")
    p.add_argument("--tag", metavar="TAG", help="only indicators with this tag")
    p.add_argument("--agency", metavar="AGENCY",
                   help="only indicators this agency owns or has a value in the breakdown of")
    p.add_argument("--rag", action="append", metavar="RAG", help="only these ratings: green, amber, red, grey "
                                                                 "(comma-separated or repeated)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    performance_exports.add_export_options(p)
    p.set_defaults(func=cmd_scorecard)

