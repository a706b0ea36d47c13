"""The chair's sign-off: canonical content, digests, and the approval file. No Qt, no SQL.

**Canonical content.** :func:`canonical_json` writes the minutes' content
(``Minutes.to_data()``) as JSON with sorted keys, no insignificant whitespace,
UTF-8, and an explicit ``version``; it holds no timestamps or other volatile
fields, so the same minutes always give the same text. :func:`content_digest`
is the SHA-256 of that text: the digest printed on signed minutes.

**The seal** (:func:`seal_digest`) binds the content digest to the sign-off
block (revision, signer, date, the signature image's own SHA-256), so a changed
signer or date is detected as well as a changed word.

**The approval file** (``.mqpminutes``, :class:`ApprovalFile`) lets the chair
sign on a laptop without the officer's database. It is one JSON file::

    {"format": "mqp-minutes-approval", "format_version": 2,
     "exported_at": "...",                      (for people; outside every digest)
     "source": {"database_id", "meeting_id", "revision"},
     "partnership", "subcommittee", "meeting": {title, date, start_time, end_time, venue},
     "draft": {"content": {...the minutes...}, "digest": "<sha256 of the canonical content>"},
     "response": null | {"name", "date", "decision": "approved" | "comments", "comments",
                         "signature_png": "<base64>" | null},
     "chair_signature": null | {"algorithm": "Ed25519", "public_key", "fingerprint",
                                "signature", "signed_pdf": "<base64 of the PAdES-signed minutes PDF>"},
     "file_digest": "<sha256 over source, names, meeting, draft digest and response>"}

The officer's program writes it (``store.minutes.export_for_approval``); the
chair's reads it with :func:`read_approval_file`, shows the minutes
(``approval.minutes``), and :func:`respond` adds the signature block and a new
file digest; with the chair's key (``domain/chair_key.py``),
``exporters/minutes_signature.sign_approval`` adds ``chair_signature``: an
Ed25519 signature over :func:`signed_payload` (the source, the meeting, the
draft's digest, the response and the signed PDF's SHA-256) and the signed PDF.
The officer's program imports it (``store.minutes.import_approval``), which
accepts it only when the draft digest equals the digest of the draft it holds
now and, once the chair's public key is registered, only when the file is
signed with that key and both signatures verify.

What this proves, honestly: the digests detect any change to the minutes or
the signature block made outside the program (an edited file, a damaged
download), and the import's comparison with the officer's own draft means the
chair cannot be shown one text and the officer sign another. The digests alone
are not a signature: someone with this program's source could rewrite a file
consistently. The chair's key is: without the private key (encrypted with the
chair's passphrase, on the chair's laptop) nobody can make a signature the
officer's import or ``verify`` accepts, and the minutes PDF's own signature
shows in any PDF reader whether the file was changed after signing. Minutes
signed by name only (no key registered, or ``mqp minutes sign`` without
``--key``) are reported as such by ``verify``.

**Hostile files.** :func:`parse_approval_json` refuses, with an
:class:`ApprovalFileError` and before anything else reads the data, a file over
20 MB, text that is not UTF-8, nesting deeper than 32, NaN and Infinity,
fractions, numbers of more than 15 digits and keys given twice; the minutes in
the file are checked against the dataclasses' shape (``minutes.check_data``).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mqp_desktop.domain.minutes import Minutes, check_data

FORMAT = "mqp-minutes-approval"
FORMAT_VERSION = 2
"""2: the chair's signature (``chair_signature``) and the minutes' record of the meeting (content version 2)."""
EXTENSION = ".mqpminutes"
MAX_SIGNATURE_BYTES = 512 * 1024
MAX_FILE_BYTES = 20 * 1024 * 1024
PNG_HEADER = b"\x89PNG\r\n\x1a\n"


def canonical_json(data: Any) -> str:
    """JSON with sorted keys, no spaces, non-ASCII kept as UTF-8, no NaN: one text per content."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_digest(content: Mapping[str, Any]) -> str:
    """The SHA-256 (hex) of the canonical content: the digest printed on signed minutes."""
    return sha256_hex(canonical_json(content).encode("utf-8"))


def seal_digest(
    content_digest_: str, *, revision: int, signed_by: str, signed_on: dt.date, signature_png: bytes | None
) -> str:
    """The SHA-256 binding a content digest to its sign-off block."""
    block = {
        "content_digest": content_digest_,
        "revision": revision,
        "signed_by": signed_by,
        "signed_on": signed_on.isoformat(),
        "signature_png_sha256": sha256_hex(signature_png) if signature_png else None,
    }
    return sha256_hex(canonical_json(block).encode("utf-8"))


def short_digest(digest: str) -> str:
    """'3f2a9c…' groups for people: '3f2a 9c41 …' (the full digest is still what is compared)."""
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def check_signature_png(data: bytes | None) -> bytes | None:
    """A signature image must be a PNG of at most 512 KB."""
    from mqp_desktop.domain.validation import ValidationError

    if data is None:
        return None
    if not data.startswith(PNG_HEADER):
        raise ValidationError("signature", "The signature image is not a PNG file: save it as .png and try again.")
    if len(data) > MAX_SIGNATURE_BYTES:
        raise ValidationError(
            "signature", f"The signature image is {len(data) // 1024} KB; use one of at most "
            f"{MAX_SIGNATURE_BYTES // 1024} KB (crop it, or save it smaller).")
    return data


# --- records -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class MinutesRevision:
    """One revision of a meeting's minutes, as stored.

    ``status`` is 'draft', 'signed', or 'superseded' (signed, with a later revision signed
    since: derived, so a signed record is never rewritten to say so)."""

    id: int
    meeting_id: int
    revision: int
    status: str
    digest: str | None
    seal: str | None
    signed_by: str
    signed_on: dt.date | None
    signature_png: bytes | None
    correction_reason: str
    corrected_on: dt.date | None
    approved_at_meeting_id: int | None
    created_at: str
    saved_at: str
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    @property
    def is_signed(self) -> bool:
        return self.status in ("signed", "superseded")


@dataclass(frozen=True)
class VerifyResult:
    """What ``verify`` found: ``ok`` when the recomputed digest equals the stored one, the
    sign-off block is as sealed and (for minutes that cover it) the meeting's record in the
    database still equals the one signed; otherwise ``problem`` says what changed.

    ``covers_meeting`` is False for minutes signed before sign-off covered the meeting
    (content version 1); ``meeting_checked`` says whether the live meeting was compared
    (only for the revision in force, and not while a correction is open);
    ``differences`` lists what differs, in words; ``notes`` are what to tell the reader
    even when all is well (which kind of sign-off, what was and was not compared)."""

    ok: bool
    stored_digest: str | None
    recomputed: str | None
    revision: int | None
    problem: str = ""
    covers_meeting: bool = False
    meeting_checked: bool = False
    differences: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    signed_with_key: bool = False
    """Whether the revision carries the chair's cryptographic signature (else it was signed by name)."""


@dataclass(frozen=True)
class ApprovalImport:
    """The result of importing the chair's file: signed (``approved``) or comments returned."""

    meeting_id: int
    revision: int
    approved: bool
    digest: str
    name: str
    on: dt.date
    comments: str = ""


# --- the approval file ------------------------------------------------------------------------

class ApprovalFileError(ValueError):
    """An approval file refused: ``field`` names the part, ``problem`` what is wrong, ``remedy`` what to do."""

    def __init__(self, field: str, problem: str, remedy: str):
        self.field = field
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem} {remedy}")


@dataclass(frozen=True)
class SignatureBlock:
    """The chair's response: approved (a signature), or comments sent back to the officer."""

    name: str
    on: dt.date
    approved: bool = True
    comments: str = ""
    signature_png: bytes | None = None

    def to_data(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "date": self.on.isoformat(),
            "decision": "approved" if self.approved else "comments",
            "comments": self.comments,
            "signature_png": base64.b64encode(self.signature_png).decode("ascii") if self.signature_png else None,
        }


SIGNATURE_PURPOSE = "mqp-minutes-approval-signature"


@dataclass(frozen=True)
class ChairSignature:
    """The chair's signature on an approval: their Ed25519 public key, the signature over
    :func:`signed_payload`, and the signed minutes PDF it names (PAdES-signed with their PDF key)."""

    public_key: bytes
    signature: bytes
    signed_pdf: bytes

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.public_key).hexdigest()

    @property
    def pdf_sha256(self) -> str:
        return sha256_hex(self.signed_pdf)

    def to_data(self) -> dict[str, Any]:
        return {"algorithm": "Ed25519", "public_key": base64.b64encode(self.public_key).decode("ascii"),
                "fingerprint": self.fingerprint, "signature": base64.b64encode(self.signature).decode("ascii"),
                "signed_pdf": base64.b64encode(self.signed_pdf).decode("ascii")}


def signed_payload(approval: ApprovalFile, *, fingerprint: str, pdf_sha256: str) -> bytes:
    """What the chair's key signs: the file's identity, the meeting, the draft's digest, the response
    (the signature image by its SHA-256), the signed PDF's SHA-256 and the key's own fingerprint.
    The same text is kept with the signed revision, so ``verify`` can check it again later."""
    r = approval.response
    if r is None:
        raise ValueError("only a response is signed")
    return canonical_json({
        "purpose": SIGNATURE_PURPOSE,
        "source": {"database_id": approval.database_id, "meeting_id": approval.meeting_id,
                   "revision": approval.revision},
        "partnership": approval.partnership, "subcommittee": approval.subcommittee,
        "meeting": dict(approval.meeting),
        "draft_digest": approval.draft_digest,
        "response": {"name": r.name, "date": r.on.isoformat(), "decision": "approved" if r.approved else "comments",
                     "comments": r.comments,
                     "signature_png_sha256": sha256_hex(r.signature_png) if r.signature_png else None},
        "signed_pdf_sha256": pdf_sha256,
        "key_fingerprint": fingerprint,
    }).encode("utf-8")


@dataclass(frozen=True)
class ApprovalFile:
    database_id: str
    meeting_id: int
    revision: int
    partnership: str
    subcommittee: str
    meeting: Mapping[str, Any]
    content: Mapping[str, Any]
    draft_digest: str
    exported_at: str = ""
    response: SignatureBlock | None = None
    chair_signature: ChairSignature | None = None

    @property
    def payload(self) -> bytes | None:
        """The bytes the chair's key signed (None when the file carries no chair's signature)."""
        sig = self.chair_signature
        if sig is None or self.response is None:
            return None
        return signed_payload(self, fingerprint=sig.fingerprint, pdf_sha256=sig.pdf_sha256)

    def signature_verifies(self) -> bool:
        """Whether the chair's signature is good for this file's content (whoever's key it is)."""
        from mqp_desktop.domain.chair_key import verify_signature

        payload = self.payload
        return payload is not None and verify_signature(self.chair_signature.public_key, payload,
                                                        self.chair_signature.signature)

    @property
    def minutes(self) -> Minutes:
        """The draft minutes in the file, to show or render (no database needed)."""
        return Minutes.from_data(self.content)

    def _bound(self) -> dict[str, Any]:
        return {
            "source": {"database_id": self.database_id, "meeting_id": self.meeting_id, "revision": self.revision},
            "partnership": self.partnership,
            "subcommittee": self.subcommittee,
            "meeting": dict(self.meeting),
            "draft_digest": self.draft_digest,
            "response": self.response.to_data() if self.response else None,
        }

    @property
    def file_digest(self) -> str:
        return sha256_hex(canonical_json(self._bound()).encode("utf-8"))

    def to_data(self) -> dict[str, Any]:
        bound = self._bound()
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "exported_at": self.exported_at,
            "source": bound["source"],
            "partnership": self.partnership,
            "subcommittee": self.subcommittee,
            "meeting": bound["meeting"],
            "draft": {"content": dict(self.content), "digest": self.draft_digest},
            "response": bound["response"],
            "chair_signature": self.chair_signature.to_data() if self.chair_signature else None,
            "file_digest": self.file_digest,
        }


def build_approval_file(minutes: Minutes, *, database_id: str, exported_at: str = "") -> ApprovalFile:
    """The file the officer sends: the draft's content and digest, and what the chair needs to see."""
    content = minutes.to_data()
    m = minutes.meeting
    return ApprovalFile(
        database_id=database_id,
        meeting_id=m.meeting_id,
        revision=minutes.revision,
        partnership=minutes.partnership,
        subcommittee=minutes.subcommittee,
        meeting={"title": m.title, "date": m.date.isoformat(), "start_time": m.start_time,
                 "end_time": m.end_time, "venue": m.venue},
        content=content,
        draft_digest=content_digest(content),
        exported_at=exported_at,
    )


def respond(
    approval: ApprovalFile,
    name: str,
    on: dt.date,
    *,
    approved: bool = True,
    comments: str = "",
    signature_png: bytes | None = None,
) -> ApprovalFile:
    """The chair's side: the file with their signature block (approved, or comments for the officer)."""
    from mqp_desktop.domain.validation import ValidationError

    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("name", "Give the name of the person signing the minutes.")
    comments = (comments or "").strip()
    if not approved and not comments:
        raise ValidationError("comments", "Write the comments for the officer, or approve the minutes.")
    return dataclasses.replace(approval, chair_signature=None, response=SignatureBlock(
        name=name, on=on, approved=approved, comments=comments, signature_png=check_signature_png(signature_png)))


def write_approval_file(approval: ApprovalFile, path: Path | str) -> Path:
    """Write the file whole or not at all (a temporary file beside it, then renamed)."""
    path = Path(path)
    if path.suffix.lower() != EXTENSION:
        path = path.with_name(path.name + EXTENSION)
    text = json.dumps(approval.to_data(), sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


_ASK_AGAIN = "Ask the officer to export the minutes for approval again, and sign the new file."


def _need(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str = "") -> Any:
    value = data.get(key) if isinstance(data, Mapping) else None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise ApprovalFileError(f"{where}{key}", f"The approval file has no valid '{where}{key}'.", _ASK_AGAIN)
    return value


def _response(data: Any) -> SignatureBlock | None:
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise ApprovalFileError("response", "The approval file's signature block is not readable.", _ASK_AGAIN)
    name = _need(data, "name", str, "response.")
    if not " ".join(name.split()):
        raise ApprovalFileError("response.name", "The signature block names nobody.", _ASK_AGAIN)
    comments = data.get("comments")
    if comments is not None and not isinstance(comments, str):
        raise ApprovalFileError("response.comments", "The chair's comments in the file are not text.", _ASK_AGAIN)
    try:
        on = dt.date.fromisoformat(_need(data, "date", str, "response."))
    except ValueError:
        raise ApprovalFileError("response.date", f"The signature date '{data.get('date')}' is not a date.",
                                _ASK_AGAIN) from None
    decision = data.get("decision")
    if decision not in ("approved", "comments"):
        raise ApprovalFileError("response.decision", f"The signature block's decision '{decision}' is neither "
                                "'approved' nor 'comments'.", _ASK_AGAIN)
    png = data.get("signature_png")
    image = None
    if png is not None:
        try:
            image = base64.b64decode(str(png), validate=True)
        except (binascii.Error, ValueError):
            raise ApprovalFileError("response.signature_png", "The signature image in the file is damaged.",
                                    _ASK_AGAIN) from None
        if not image.startswith(PNG_HEADER):
            raise ApprovalFileError("response.signature_png", "The signature image in the file is not a PNG.",
                                    _ASK_AGAIN)
        if len(image) > MAX_SIGNATURE_BYTES:
            raise ApprovalFileError("response.signature_png", f"The signature image in the file is "
                                    f"{len(image) // 1024} KB, more than {MAX_SIGNATURE_BYTES // 1024} KB.", _ASK_AGAIN)
    return SignatureBlock(name=name, on=on, approved=decision == "approved",
                          comments=comments or "", signature_png=image)


def _chair_signature(data: Any) -> ChairSignature | None:
    if data is None:
        return None
    if not isinstance(data, Mapping) or data.get("algorithm") != "Ed25519":
        raise ApprovalFileError("chair_signature", "The chair's signature in the file is not readable.", _ASK_AGAIN)

    def raw(key: str, what: str, length: int | None = None) -> bytes:
        value = data.get(key)
        try:
            out = base64.b64decode(value, validate=True) if isinstance(value, str) else None
        except (binascii.Error, ValueError):
            out = None
        if out is None or (length is not None and len(out) != length):
            raise ApprovalFileError(f"chair_signature.{key}", f"The chair's {what} in the file is damaged.",
                                    _ASK_AGAIN)
        return out

    sig = ChairSignature(public_key=raw("public_key", "public key", 32), signature=raw("signature", "signature", 64),
                         signed_pdf=raw("signed_pdf", "signed PDF"))
    if data.get("fingerprint") not in (None, sig.fingerprint):
        raise ApprovalFileError("chair_signature.fingerprint", "The chair's signature names another key than the one "
                                "it carries: the file was changed.", _ASK_AGAIN)
    if not sig.signed_pdf.startswith(b"%PDF-"):
        raise ApprovalFileError("chair_signature.signed_pdf", "The signed minutes in the file are not a PDF.",
                                _ASK_AGAIN)
    return sig


def _text(data: Mapping[str, Any], key: str, where: str = "") -> str:
    """An optional text field: '' when absent or null, refused when it is anything but text."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ApprovalFileError(f"{where}{key}", f"The approval file's '{where}{key}' is not text.", _ASK_AGAIN)
    return value


def approval_from_data(data: Any) -> ApprovalFile:
    """Check an approval file's data (format, digests) and read it; :class:`ApprovalFileError` names the fault."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ApprovalFileError("format", "This is not an MQ&P minutes-for-approval file.",
                                "Choose the .mqpminutes file exported with 'Minutes for approval'.")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        raise ApprovalFileError("format_version", f"The file was made by a newer version of MQ&P Desktop "
                                f"(format {version}; this program reads {FORMAT_VERSION}).",
                                "Install the newer version of the program to open it.")
    source = _need(data, "source", Mapping)
    draft = _need(data, "draft", Mapping)
    content = _need(draft, "content", Mapping, "draft.")
    stated = _need(draft, "digest", str, "draft.")
    actual = content_digest(content)
    if actual != stated:
        raise ApprovalFileError(
            "draft.content", f"The minutes in the file were changed after they were exported: their digest is "
            f"{actual[:12]}..., the file says {stated[:12]}....", _ASK_AGAIN)
    try:
        check_data(content)
        Minutes.from_data(content)
    except (ValueError, TypeError, KeyError) as exc:
        raise ApprovalFileError("draft.content", f"The minutes in the file cannot be read ({exc}).",
                                _ASK_AGAIN) from None
    meeting = _need(data, "meeting", Mapping)
    for key in meeting:
        _text(meeting, key, "meeting.")
    approval = ApprovalFile(
        database_id=_need(source, "database_id", str, "source."),
        meeting_id=_need(source, "meeting_id", int, "source."),
        revision=_need(source, "revision", int, "source."),
        partnership=_text(data, "partnership"),
        subcommittee=_text(data, "subcommittee"),
        meeting=meeting,
        content=content,
        draft_digest=stated,
        exported_at=_text(data, "exported_at"),
        response=_response(data.get("response")),
        chair_signature=_chair_signature(data.get("chair_signature")),
    )
    stated_file = _need(data, "file_digest", str)
    if approval.file_digest != stated_file:
        raise ApprovalFileError(
            "file_digest", "The approval file was changed outside MQ&P Desktop after it was written (the meeting "
            "details, the source or the signature block no longer match its file digest).",
            "Ask the chair to sign again from the file the officer sent, in MQ&P Desktop.")
    if approval.chair_signature is not None:
        if approval.response is None or not approval.response.approved:
            raise ApprovalFileError("chair_signature", "The file carries a chair's signature but no approval.",
                                    _ASK_AGAIN)
        if not approval.signature_verifies():
            raise ApprovalFileError(
                "chair_signature", "The chair's signature does not match the file: the minutes, the response or the "
                "signed PDF were changed after the chair signed them.",
                "Ask the chair to approve and sign again from the file the officer sent, and to send the new file.")
    return approval


MAX_DEPTH = 32
"""How deeply objects and lists may nest in an approval file (the minutes need about eight levels)."""
MAX_DIGITS = 15
"""The longest whole number an approval file may hold (ids and revisions are short)."""
_CHOOSE = "Choose the .mqpminutes file exported with 'Minutes for approval'."


class _Refused(ValueError):
    """Raised inside the JSON reader's hooks: what is wrong with the text."""


def _no_constant(name: str) -> Any:
    raise _Refused(f"it holds '{name}', which is not a number JSON allows")


def _no_float(text: str) -> Any:
    raise _Refused(f"it holds the number {text[:24]}, and an approval file holds only whole numbers")


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _Refused(f"it holds a number of {len(text)} digits")
    return int(text)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"it names '{key[:40]}' twice in one place, so it could be read two ways")
        out[key] = value
    return out


_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _nesting(text: str) -> int:
    """How deeply brackets nest outside strings (counted before parsing, so depth never recurses)."""
    import itertools
    import re

    brackets = re.sub(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^\[\]{}"]+', "", text)
    return max(itertools.accumulate((_STEP.get(c, 0) for c in brackets), initial=0))


def parse_approval_json(raw: bytes, name: str = "the file") -> Any:
    """The JSON of an approval file, refused (:class:`ApprovalFileError`) when it is larger than
    :data:`MAX_FILE_BYTES`, not UTF-8, nested deeper than :data:`MAX_DEPTH`, or holds NaN or
    Infinity, a fraction, a number longer than :data:`MAX_DIGITS` digits or a key twice."""
    if len(raw) > MAX_FILE_BYTES:
        raise ApprovalFileError("file", f"'{name}' is {len(raw) // (1024 * 1024)} MB: too large to be an approval "
                                "file.", _CHOOSE)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApprovalFileError("file", f"'{name}' is not an approval file (it is not UTF-8 text, or it is "
                                "damaged).", _CHOOSE) from None
    if _nesting(text) > MAX_DEPTH:
        raise ApprovalFileError("file", f"'{name}' is not an approval file: its objects nest more than {MAX_DEPTH} "
                                "deep.", _CHOOSE)
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_no_float, parse_int=_whole,
                          object_pairs_hook=_no_duplicates)
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate ("\\ud800") is not text
        return data
    except UnicodeEncodeError:
        raise ApprovalFileError("file", f"'{name}' is not an approval file: it holds text that is not valid "
                                "Unicode.", _CHOOSE) from None
    except _Refused as exc:
        raise ApprovalFileError("file", f"'{name}' is not an approval file this program wrote: {exc}.",
                                _CHOOSE) from None
    except (json.JSONDecodeError, RecursionError, ValueError):
        raise ApprovalFileError("file", f"'{name}' is not an approval file (it is not JSON text, or it is "
                                "damaged).", _CHOOSE) from None


def read_approval_file(path: Path | str) -> ApprovalFile:
    """Read and check a ``.mqpminutes`` file; no database is needed (the chair's laptop)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ApprovalFileError("file", f"'{path.name}' is {size // (1024 * 1024)} MB: too large to be an "
                                    "approval file.", _CHOOSE)
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)  # a file that grew since stat() is still cut at the limit
    except OSError as exc:
        raise ApprovalFileError("file", f"'{path}' could not be read: {exc.strerror or exc}.",
                                "Check the file's name and folder, and try again.") from None
    return approval_from_data(parse_approval_json(raw, path.name))
