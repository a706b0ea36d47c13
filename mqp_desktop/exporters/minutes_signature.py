"""Signing minutes with the chair's key: the signed minutes PDF and the approval's signature.

No Qt. The chair's approval window (and ``mqp minutes respond --key``) calls :func:`sign_approval`
on the chair's laptop: the minutes are rendered as signed (exactly as the officer's program renders
a signed revision: name, date, signature image, digest, no DRAFT), the PDF gets the chair's PAdES
signature (``domain/pdf_signature.py``), and the approval gets the chair's Ed25519 signature over
the response, the draft's digest and that PDF's SHA-256 (``domain/signoff.signed_payload``). The
response file carries the signed PDF; the officer's import checks both signatures against the
registered key and keeps the PDF with the signed revision, and the minutes PDF export writes that
exact file.

:func:`sign_at_desk` is the same with the chair present at the officer's desk with their key file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from mqp_desktop.domain.signoff import ApprovalFile, ChairSignature, respond, sha256_hex, signed_payload

if TYPE_CHECKING:
    from mqp_desktop.domain.chair_key import UnlockedChairKey
    from mqp_desktop.store.store import Store


def signed_minutes_pdf(approval: ApprovalFile, key: UnlockedChairKey) -> bytes:
    """The minutes of an approved response, rendered as signed and signed with the chair's PDF key."""
    from mqp_desktop.domain.pdf_signature import sign_pdf
    from mqp_desktop.exporters.minutes_pdf import SignedInfo, minutes_pdf_bytes

    signed = SignedInfo.from_approval(approval)
    if signed is None:
        raise ValueError("only approved minutes are signed")
    signed = dataclasses.replace(signed, key_fingerprint=key.public.spoken)
    pdf = minutes_pdf_bytes(approval.minutes, signed=signed)
    meeting = approval.minutes.meeting
    return sign_pdf(pdf, key, reason=f"Approved as a true record: minutes of the {meeting.title[:1].lower()}"
                    f"{meeting.title[1:]}, revision {approval.revision} (SHA-256 {approval.draft_digest})")


def sign_approval(approval: ApprovalFile, key: UnlockedChairKey) -> ApprovalFile:
    """``approval`` (already answered 'approved') with the chair's signature and the signed PDF."""
    if approval.response is None or not approval.response.approved:
        raise ValueError("only an approval is signed")
    pdf = signed_minutes_pdf(approval, key)
    payload = signed_payload(approval, fingerprint=key.public.fingerprint, pdf_sha256=sha256_hex(pdf))
    return dataclasses.replace(approval, chair_signature=ChairSignature(
        public_key=key.public.public_key, signature=key.sign(payload), signed_pdf=pdf))


def sign_at_desk(store: Store, meeting_id: int, by: str, on: dt.date | None, signature_png: bytes | None,
                 key: UnlockedChairKey) -> str:
    """The chair signs at the officer's desk with their key: the draft as it stands, signed with the
    key (refused unless it is the chair's registered key). Returns the digest."""
    approval = store.minutes.approval_for_signing(meeting_id)
    answered = respond(approval, by, on or dt.date.today(), signature_png=signature_png)
    return store.minutes.sign_approved(sign_approval(answered, key), made="at the desk")
