"""Printing: aligned plain-text tables for people, stable JSON for scripts.

The JSON records built here are the command line's public interface: their
keys are the fields' plain names and do not change between versions (new keys
may be added). Dates are ISO ``YYYY-MM-DD`` strings or ``null``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from mqp_desktop.domain.model import Agency, Member, Office, Subcommittee
from mqp_desktop.domain.register_checks import RegisterWarning
from mqp_desktop.store.store import Change


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def day(value: dt.date | None) -> str:
    """A date for people: ``31 Jan 2023`` (unambiguous, and accepted back as input)."""
    return value.strftime("%d %b %Y") if value else ""


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def emit_json(data: Any) -> None:
    # ASCII-only so the output survives any console or pipe encoding (Windows cp1252).
    print(json.dumps(data, indent=2, ensure_ascii=True))


def _fit(text: str, width: int | None) -> str:
    text = " ".join(str(text).split())  # one line per row, whatever the notes hold
    if width and len(text) > width:
        return text[: max(1, width - 3)] + "..."
    return text


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    max_widths: Mapping[str, int] | None = None,
    right: Sequence[str] = ("ID",),
) -> str:
    """Rows under headers, columns padded to line up (long cells cut with '...')."""
    max_widths = max_widths or {}
    cells = [[_fit(c, max_widths.get(h)) for h, c in zip(headers, row)] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if h in right else v.ljust(w) for h, v, w in zip(headers, values, widths)
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def fields(pairs: Sequence[tuple[str, Any]]) -> str:
    """``label  value`` lines, labels padded to line up."""
    width = max(len(k) for k, _ in pairs)
    return "\n".join(f"{k.ljust(width)}  {v}".rstrip() for k, v in pairs)


def prepare_stdout() -> None:
    """Never crash on a name the console cannot show: replace the character instead."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and getattr(stream, "errors", "") == "strict" and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):
            pass


# --- JSON records ------------------------------------------------------------------------

def agency_record(agency: Agency, *, today: dt.date, member_count: int | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": agency.id,
        "name": agency.name,
        "short_name": agency.short_name,
        "statutory": agency.statutory,
        "partner_class": agency.partner_class.value,
        "start_date": iso(agency.start_date),
        "end_date": iso(agency.end_date),
        "active": agency.is_active(today),
        "notes": agency.notes,
        "version": agency.row_version,
    }
    if member_count is not None:
        record["member_count"] = member_count
    return record


def member_office(member: Member, subcommittee: Subcommittee | None) -> str | None:
    if subcommittee is None or member.id is None:
        return None
    if subcommittee.chair.member_id == member.id:
        return "chair"
    if subcommittee.co_chair.member_id == member.id:
        return "co-chair"
    return None


def member_record(
    member: Member,
    agencies: Mapping[int, Agency],
    *,
    today: dt.date,
    subcommittee: Subcommittee | None = None,
) -> dict[str, Any]:
    agency = agencies.get(member.agency_id)
    return {
        "id": member.id,
        "name": member.name,
        "role_title": member.role_title,
        "agency_id": member.agency_id,
        "agency": agency.name if agency else None,
        "agency_short_name": agency.short_name if agency else None,
        "email": member.email,
        "phone": member.phone,
        "decision_maker": member.decision_maker,
        "deputy_name": member.deputy_name,
        "deputy_email": member.deputy_email,
        "start_date": iso(member.start_date),
        "end_date": iso(member.end_date),
        "end_reason": member.end_reason,
        "notes": member.notes,
        "active": member.is_active(today),
        "vacant": member.is_vacant,
        "office": member_office(member, subcommittee),
        "version": member.row_version,
    }


def office_record(office: Office, members: Mapping[int, Member]) -> dict[str, Any]:
    holder = members.get(office.member_id) if office.member_id is not None else None
    return {
        "member_id": office.member_id,
        "name": holder.display_name if holder else None,
        "appointed": iso(office.appointed),
        "review_due": iso(office.review_due),
    }


def subcommittee_record(
    s: Subcommittee, agencies: Mapping[int, Agency], members: Mapping[int, Member]
) -> dict[str, Any]:
    rule = s.quorum_rule
    names = {i: a.name for i, a in agencies.items()}
    return {
        "id": s.id,
        "name": s.name,
        "short_name": s.short_name,
        "partnership": s.partnership,
        "reporting_line": s.reporting_line,
        "frequency_interval": s.frequency_interval,
        "frequency_unit": s.frequency_unit.value,
        "frequency": s.frequency_text,
        "attendance_standard": s.attendance_standard,
        "deputy_counts_for_member": s.deputy_counts_for_member,
        "quorum_rule": {
            "kind": rule.kind.value,
            "count": rule.count,
            "agency_set": rule.agency_set.value,
            "agency_ids": list(rule.agency_ids),
            "agencies": [names.get(i, f"agency #{i}") for i in rule.agency_ids],
            "shared_seats": [list(seat) for seat in rule.shared_seats],
            "shared_seat_agencies": [[names.get(i, f"agency #{i}") for i in seat] for seat in rule.shared_seats],
            "others": rule.others.value,
            "quorum_set": rule.quorum_set,
            "chair_may_proceed": rule.chair_may_proceed,
            "description": rule.describe(names),
        },
        "tor_version": s.tor_version,
        "tor_signed_off": iso(s.tor_signed_off),
        "tor_review_due": iso(s.tor_review_due),
        "chair": office_record(s.chair, members),
        "co_chair": office_record(s.co_chair, members),
    }


def warning_record(w: RegisterWarning) -> dict[str, Any]:
    return {
        "code": w.kind.name.lower(),
        "kind": w.kind.value,
        "message": w.message,
        "clause": w.clause,
        "agency_id": w.agency_id,
        "member_id": w.member_id,
    }


def change_record(c: Change) -> dict[str, Any]:
    return {
        "id": c.id,
        "at": c.at,
        "user": c.user,
        "host": c.host,
        "entity": c.entity,
        "entity_id": c.entity_id,
        "action": c.action,
        "summary": c.summary,
        "changes": c.changes,
    }
