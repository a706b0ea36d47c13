"""Chase emails for Section 11 returns not yet received (ToR 7.8): drafts the business team opens and sends.

One ``.eml`` file per return, marked ``X-Unsent: 1`` so Outlook (and Thunderbird)
open it as a new message ready to check and send rather than as a received one.
It goes to the return's lead contact, copied to the substitute, and asks —
plainly and politely — for the return: the round, the agency, the deadline, how
many days it is overdue, the reminders already sent, and the next panel date
when there is one. It is signed by the business team: the register's Business
Support Officer (or Business Manager) where there is one, otherwise "the
business support team" of the subcommittee.

Writing a draft does not record a reminder: record it when it is sent
(``mqp s11 return remind``), so the chasing history stays true.

Built with Python's ``email`` package (``EmailMessage``), UTF-8 throughout.
"""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from mqp_desktop.domain.model import Member, Subcommittee
from mqp_desktop.domain.section11 import AuditReturn, AuditRound, ReturnStatus
from mqp_desktop.exporters.files import (
    ExportFileError,
    safe_file_name,
    safe_text,
    write_all_or_nothing,
    write_atomically,
)
from mqp_desktop.exporters.letters import salutation
from mqp_desktop.exporters.register_export import _subcommittee_or_none

CHASED = (ReturnStatus.OVERDUE, ReturnStatus.OUTSTANDING)


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _address(name: str, email: str) -> Address | None:
    if not email:
        return None
    user, _, domain = email.partition("@")
    return Address(display_name=" ".join((name or "").split()), username=user, domain=domain)


def business_sender(store) -> Member | None:
    """The register's Business Support Officer (then Business Manager) in post, with an email address."""
    today = dt.date.today()
    members = [m for m in store.members(active_on=today) if m.email and not m.is_vacant]
    for words in ("business support", "business manager", "business"):
        for m in members:
            if words in (m.role_title or "").lower():
                return m
    return None


def chase_file_name(agency_label: str, round_name: str) -> str:
    """'Chase - Police - Section 11 audit 2026-27.eml', safe on Windows."""
    return safe_file_name(f"Chase - {agency_label} - {round_name}", ".eml", fallback="Chase")


def chase_message(
    rnd: AuditRound,
    ret: AuditReturn,
    agency_name: str,
    subcommittee: Subcommittee | None,
    sender: Member | None,
    today: dt.date,
) -> EmailMessage:
    """The draft message for one return (not written anywhere)."""
    state = ret.status(rnd.deadline, today)
    days = (today - rnd.deadline).days
    team = (subcommittee.short_name or subcommittee.name) if subcommittee else "the subcommittee"
    partnership = subcommittee.partnership if subcommittee else ""
    agency = safe_text(agency_name)

    msg = EmailMessage()
    to = _address(ret.lead_name, ret.lead_email)
    cc = _address(ret.substitute_name, ret.substitute_email)
    if to is None and cc is not None:  # no lead address: write to the substitute
        to, cc = cc, None
    if to is not None:
        msg["To"] = to
    if cc is not None and (to is None or cc.addr_spec.lower() != to.addr_spec.lower()):
        msg["Cc"] = cc
    if sender is not None:
        msg["From"] = _address(sender.name, sender.email)
    deadline = _long(rnd.deadline)
    if state is ReturnStatus.OVERDUE:
        msg["Subject"] = f"{rnd.name}: your Section 11 self-assessment return, due {deadline}, is overdue"
    else:
        msg["Subject"] = f"{rnd.name}: a reminder that your Section 11 self-assessment return is due {deadline}"
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="mqp-desktop.invalid")
    msg["X-Unsent"] = "1"  # Outlook opens it as a draft to send

    if to is not None and to.display_name:
        greeting = salutation(to.display_name) + ","
    else:
        greeting = "Dear colleague,"
    lines = [greeting, ""]
    sent = f"We sent it out on {_long(ret.issued)}. " if ret.issued else ""
    if state is ReturnStatus.OVERDUE:
        lines.append(
            f"We have not yet received {agency}'s Section 11 self-assessment for the {rnd.name}. {sent}"
            f"It was due on {deadline}, so it is now {days} day{'s' if days != 1 else ''} overdue."
        )
    else:
        left = (rnd.deadline - today).days
        when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
        lines.append(
            f"This is a reminder that {agency}'s Section 11 self-assessment for the {rnd.name} is due on "
            f"{deadline}, {when}. {sent}".rstrip()
        )
    lines.append("")
    if ret.reminders:
        dates = [_long(r.sent_on) for r in ret.reminders]
        lines.append(f"We have already sent {'a reminder' if len(dates) == 1 else str(len(dates)) + ' reminders'} "
                     f"on {_list(dates)}.")
        lines.append("")
    panels = [d for d in rnd.panel_dates if d >= today]
    if panels:
        lines.append(f"The challenge and moderation panel next meets on {_long(panels[0])}. We would like the panel "
                     "to be able to consider your return, so please send it to us as soon as you can before then.")
    else:
        lines.append("Please send it to us as soon as you can.")
    lines.append("")
    lines.append("If something is getting in the way, or you would like a copy of the workbook or the standards "
                 "sent again, just reply to this email and let us know when we can expect the return. We are happy "
                 "to help.")
    if cc is not None and msg["Cc"]:
        lines.append("")
        lines.append(f"I have copied in {cc.display_name or cc.addr_spec}, as the substitute contact for the audit.")
    lines += ["", "Thank you,", ""]
    if sender is not None:
        lines.append(sender.name)
        if sender.role_title:
            lines.append(sender.role_title)
    else:
        lines.append(f"The {team} business support team")
    if partnership:
        lines.append(partnership)
    msg.set_content(safe_text("\n".join(lines)).replace("\t", " ") + "\n", charset="utf-8")
    return msg


def write_chase_email(store, return_id: int, path: Path | str, *, today: dt.date | None = None) -> Path:
    """An .eml draft (X-Unsent: 1) asking one agency for its return; the path written."""
    data = _chase_bytes(store, return_id, today or dt.date.today())
    return write_atomically(Path(path), lambda tmp: tmp.write_bytes(data))


def _chase_bytes(store, return_id: int, today: dt.date) -> bytes:
    from mqp_desktop.store.section11 import Section11Repo

    s11 = Section11Repo(store)
    ret = s11.get_return(return_id)
    rnd = s11.round(ret.round_id)
    agency = store.agency(ret.agency_id)
    return bytes(chase_message(rnd, ret, agency.name, _subcommittee_or_none(store), business_sender(store), today))


def write_chase_emails(store, round_id: int, folder: Path | str, *, today: dt.date | None = None) -> list[Path]:
    """One draft per return overdue or outstanding (issued, not received) in ``folder``; the paths, by agency.

    All or nothing (:func:`.files.write_all_or_nothing`): a draft that cannot be written leaves none."""
    from mqp_desktop.store.section11 import Section11Repo

    today = today or dt.date.today()
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ExportFileError(f"The folder '{folder}' does not exist.", "Choose an existing folder for the emails.")
    s11 = Section11Repo(store)
    rnd = s11.round(round_id)
    files = []
    used: set[str] = set()
    for ret in s11.returns(round_id):
        if ret.status(rnd.deadline, today) not in CHASED:
            continue
        label = store.agency(ret.agency_id).label
        name = chase_file_name(label, rnd.name)
        n = 2
        while name.lower() in used:
            name = chase_file_name(label, rnd.name).removesuffix(".eml") + f" ({n}).eml"
            n += 1
        used.add(name.lower())
        data = _chase_bytes(store, ret.id, today)
        files.append((folder / name, lambda tmp, data=data: tmp.write_bytes(data)))
    return write_all_or_nothing(files)


__all__ = ["business_sender", "chase_file_name", "chase_message", "write_chase_email", "write_chase_emails"]
