"""Filling a new database from a template kept as data in ``resources/templates``.

A template names the subcommittee, its rules, its agencies and the posts
(seats) the Terms of Reference list; seats start without a name. The demo
adds fictional people (``demo-people.json``) so a newcomer sees a working
register at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

from mqp_desktop.domain.model import Agency, FrequencyUnit, Member, Office, PartnerClass, Subcommittee
from mqp_desktop.domain.partnership import PartnershipBody
from mqp_desktop.domain.quorum import QuorumRule
from mqp_desktop.paths import resource_path
from mqp_desktop.store import connection
from mqp_desktop.store.errors import HalfMadeDatabase, StoreError
from mqp_desktop.store.store import Store

DEFAULT_TEMPLATE = "wandsworth-mqp"
DEMO_PEOPLE = "demo-people"
# Data files beside the templates that are not subcommittee templates.
NOT_TEMPLATES = (DEMO_PEOPLE, "standing-agenda")


def templates_dir() -> Path:
    return resource_path("templates")


def available_templates() -> dict[str, str]:
    """Template name -> its one-line title (the demo's people file is not a template)."""
    out = {}
    for path in sorted(templates_dir().glob("*.json")):
        if path.stem in NOT_TEMPLATES:
            continue
        out[path.stem] = json.loads(path.read_text(encoding="utf-8")).get("title", path.stem)
    return out


def load_template(name: str) -> dict[str, Any]:
    path = templates_dir() / f"{name}.json"
    if name in NOT_TEMPLATES or not path.is_file():
        names = ", ".join(available_templates())
        raise StoreError(f"There is no template called '{name}'.", f"Choose one of: {names}.")
    return json.loads(path.read_text(encoding="utf-8"))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def seed_from_template(store: Store, name: str = DEFAULT_TEMPLATE) -> Subcommittee:
    """Create the subcommittee, agencies and vacant seats of a template, in one transaction."""
    if not store.is_empty():
        raise StoreError(
            "This database already holds a subcommittee, so the template was not applied.",
            "Start a new database file for another subcommittee.",
        )
    data = load_template(name)
    sc = data["subcommittee"]
    with store.write():
        seats: dict[str, int] = {}
        subcommittee = store.create_subcommittee(
            Subcommittee(
                name=sc["name"],
                short_name=sc.get("short_name", ""),
                partnership=sc.get("partnership", ""),
                reporting_line=sc.get("reporting_line", ""),
                frequency_interval=int(sc.get("frequency_interval", 2)),
                frequency_unit=FrequencyUnit(sc.get("frequency_unit", "months")),
                attendance_standard=int(sc.get("attendance_standard", 80)),
                quorum_rule=QuorumRule.from_json(json.dumps(sc.get("quorum_rule", {}))),
                tor_version=sc.get("tor_version", ""),
                tor_signed_off=_date(sc.get("tor_signed_off")),
                tor_review_due=_date(sc.get("tor_review_due")),
            )
        )
        for a in data.get("agencies", []):
            agency = store.add_agency(
                Agency(
                    name=a["name"],
                    short_name=a.get("short_name", ""),
                    statutory=bool(a.get("statutory", False)),
                    partner_class=PartnerClass(a.get("partner_class", "relevant agency")),
                    notes=a.get("notes", ""),
                )
            )
            for seat in a.get("seats", []):
                member = store.add_member(
                    Member(
                        role_title=seat["role_title"],
                        agency_id=agency.id,
                        decision_maker=bool(seat.get("decision_maker", True)),
                    ),
                    action="seat listed",
                )
                seats.setdefault(seat["role_title"], member.id)
        for body in data.get("partnership_bodies", []):
            store.partnership.add_body(
                PartnershipBody(
                    name=body["name"],
                    short_name=body.get("short_name", ""),
                    chair_name=body.get("chair_name", ""),
                    chair_email=body.get("chair_email", ""),
                    executive=bool(body.get("executive", False)),
                    training_workforce=bool(body.get("training_workforce", False)),
                    notes=body.get("notes", ""),
                )
            )
        changed = False
        for key, attr in (("chair", "chair"), ("co_chair", "co_chair")):
            office = sc.get(key)
            if office and office.get("seat") in seats:
                setattr(subcommittee, attr, Office(member_id=seats[office["seat"]]))
                changed = True
        if changed:
            subcommittee = store.update_subcommittee(subcommittee)
    return subcommittee


def _months_ago(today: dt.date, months: int) -> dt.date:
    y, m = divmod(today.year * 12 + (today.month - 1) - months, 12)
    return dt.date(y, m + 1, min(today.day, 28))


def fill_demo(store: Store, today: dt.date | None = None) -> None:
    """Seed the default template and name fictional people in its seats."""
    today = today or dt.date.today()
    people = json.loads((templates_dir() / f"{DEMO_PEOPLE}.json").read_text(encoding="utf-8"))
    seed_from_template(store, people["template"])
    agencies = {a.label: a for a in store.agencies()}
    with store.write():
        vacant = {(m.agency_id, m.role_title): m for m in store.members() if m.is_vacant}
        by_seat: dict[str, Member] = {}
        for p in people["people"]:
            seat = vacant[(agencies[p["agency"]].id, p["seat"])]
            seat.name = p["name"]
            seat.email = p.get("email", "")
            seat.phone = p.get("phone", "")
            seat.deputy_name = p.get("deputy_name", "")
            seat.deputy_email = p.get("deputy_email", "")
            seat.start_date = _months_ago(today, 12 * p.get("start_years_ago", 1))
            by_seat[p["seat"]] = store.update_member(seat, action="named")
        for p in people.get("former_members", []):
            store.add_member(
                Member(
                    role_title=p["seat"],
                    agency_id=agencies[p["agency"]].id,
                    name=p["name"],
                    email=p.get("email", ""),
                    start_date=_months_ago(today, 12 * p["start_years_ago"]),
                    end_date=_months_ago(today, p["end_months_ago"]),
                    end_reason=p.get("end_reason", ""),
                )
            )
        subcommittee = store.subcommittee()
        for key in ("chair", "co_chair"):
            spec = people[key]
            setattr(
                subcommittee,
                key,
                Office(
                    member_id=by_seat[spec["seat"]].id,
                    appointed=_months_ago(today, spec["appointed_months_ago"]),
                    review_due=_months_ago(today, -spec["review_in_months"]),
                ),
            )
        store.update_subcommittee(subcommittee)
    from mqp_desktop.store.demo_meetings import fill_meetings_demo

    fill_meetings_demo(store, today)
    from mqp_desktop.store.section11_demo import fill_section11_demo

    fill_section11_demo(store, today)
    from mqp_desktop.store.demo_agendas import fill_agendas_demo

    fill_agendas_demo(store, today)
    from mqp_desktop.store.demo_minutes import fill_minutes_demo

    fill_minutes_demo(store, today)
    from mqp_desktop.store.performance_demo import fill_performance_demo

    fill_performance_demo(store, today)
    from mqp_desktop.store.quality_demo import fill_quality_demo

    fill_quality_demo(store, today)
    from mqp_desktop.store.challenges_demo import fill_challenges_demo

    fill_challenges_demo(store, today)
    from mqp_desktop.store.partnership_demo import fill_partnership_demo

    fill_partnership_demo(store, today)
    from mqp_desktop.store.governance.demo import fill_governance_demo

    fill_governance_demo(store, today)


def create_demo_database(path: Path) -> Store:
    """A fresh demo database at ``path`` (any earlier demo file there is replaced).

    It is built whole beside ``path`` and then put in place of the old one, so a demo that is
    interrupted (the program closed, the machine off) leaves the previous file, never half a demo.
    The demo is never encrypted.
    """
    return Store.create(path, fill=fill_demo, replace=True)


def half_made(path: Path) -> HalfMadeDatabase:
    return HalfMadeDatabase(
        f"'{path}' was left unfinished when it was being created (an older version of the program, or "
        "'mqp init', was stopped part-way): it holds no subcommittee, nor anything else.",
        f"Create it again: 'mqp init --db \"{path}\"' or File > New database… choosing this file, which "
        "replaces the unfinished file.",
    )


def is_half_made(path: Path | str) -> bool:
    """True when ``path`` is an (unencrypted) MQ&P file left unfinished by an interrupted creation."""
    path = Path(path).expanduser()
    if connection.file_kind(path) is not connection.FileKind.PLAIN:
        return False
    try:
        with Store.open(path, create=False) as store:
            return store.is_empty()
    except StoreError:
        return False


def open_store(
    path: Path | str, *, template: str = DEFAULT_TEMPLATE, key: str | None = None, create: bool = False
) -> Store:
    """Open the database at ``path``; a path with no file yet gets a new one from ``template``.

    The GUI and the command line both open databases through this, so the first run of either
    makes the same database. A new database is made whole or not at all (:meth:`Store.create`).

    ``create``: the user asked to create a database here ('mqp init', File > New database…, the
    program's own default file on first run), so a zero-byte file, or an MQ&P file left unfinished
    by an interrupted creation (no subcommittee: older versions filled it in several steps), is
    made afresh. Otherwise those are refused with a message saying how to make it again.
    """
    path = Path(path).expanduser()
    fill = functools.partial(seed_from_template, name=template)
    kind = connection.file_kind(path)
    if kind is connection.FileKind.MISSING or (kind is connection.FileKind.EMPTY and create):
        load_template(template)  # an unknown template is refused before anything is made
        try:
            return Store.create(path, key=key, fill=fill, replace=kind is connection.FileKind.EMPTY)
        except FileExistsError:
            pass  # another copy of the program made it at the same moment: open theirs
    store = Store.open(path, create=False, key=key)
    if store.is_empty():
        key = store.key
        store.close()
        if not create:
            raise half_made(path)
        return Store.create(path, key=key, fill=fill, replace=True)
    return store
