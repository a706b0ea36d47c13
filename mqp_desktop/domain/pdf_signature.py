"""The PDF signature on signed minutes (PAdES baseline B-B, with pyHanko): making it and checking it.

No Qt, no SQL; pyHanko is imported inside the functions. The minutes PDF is signed with the
chair's PDF key (ECDSA P-256, in the self-signed certificate of ``domain/chair_key.py``) as a
*certifying* signature that allows no changes, so any PDF reader shows the signature and says
so when the file was changed after signing. :func:`check_pdf_signature` is what
``mqp minutes verify`` and the officer's import run: the signature is intact, it covers the whole
file (nothing was appended after it), its certificate is the chair's registered one, and the
document says it is the minutes with the given digest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mqp_desktop.domain.chair_key import UnlockedChairKey

FIELD_NAME = "ChairSignature"
DIGEST_KEYWORD = "minutes-sha256:"
"""The PDF's /Keywords carry the signed content's digest after this word, so a signed PDF names its minutes."""


@dataclass(frozen=True)
class PdfSignatureCheck:
    """What :func:`check_pdf_signature` found: ``ok``, or ``problem`` in words."""

    ok: bool
    problem: str = ""
    signer: str = ""
    signed_at: dt.datetime | None = None


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pyHanko warns while importing (cryptography deprecates DSA) and logs a traceback for a PDF
    changed after signing; both are for developers, not for the chair or the officer."""
    log = logging.getLogger("pyhanko")
    level = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)


def sign_pdf(pdf: bytes, key: UnlockedChairKey, *, reason: str, location: str = "") -> bytes:
    """``pdf`` with the chair's certifying PDF signature added (an incremental update)."""
    from cryptography.hazmat.primitives import serialization

    with _quiet():
        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        cert = asn1_x509.Certificate.load(key.public.certificate)
        private = asn1_keys.PrivateKeyInfo.load(key.pdf_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        signer = signers.SimpleSigner(signing_cert=cert, signing_key=private,
                                      cert_registry=SimpleCertificateStore.from_certs([cert]))
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
            reason=reason, location=location or None, name=key.public.name,
            certify=True, docmdp_permissions=fields.MDPPerm.NO_CHANGES)
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        return signers.sign_pdf(writer, meta, signer=signer).getvalue()


def check_pdf_signature(pdf: bytes, certificate: bytes, *, digest: str | None = None) -> PdfSignatureCheck:
    """Check the chair's signature on a minutes PDF against their registered ``certificate`` (DER)."""
    with _quiet():
        from asn1crypto import x509 as asn1_x509
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko.sign.validation.status import SignatureCoverageLevel
        from pyhanko_certvalidator import ValidationContext

        if not pdf.startswith(b"%PDF-"):
            return PdfSignatureCheck(False, "The signed minutes are not a PDF file.")
        try:
            cert = asn1_x509.Certificate.load(certificate)
            reader = PdfFileReader(io.BytesIO(pdf), strict=False)
            signatures = list(reader.embedded_signatures)
            if len(signatures) != 1:
                return PdfSignatureCheck(False, "The minutes PDF carries no PDF signature." if not signatures else
                                         f"The minutes PDF carries {len(signatures)} signatures; it was signed once.")
            status = validate_pdf_signature(signatures[0], ValidationContext(trust_roots=[cert],
                                                                             allow_fetching=False))
            keywords = str(reader.trailer_view["/Info"].get("/Keywords", "")) if "/Info" in reader.trailer_view else ""
        except Exception as exc:  # noqa: BLE001 - a hostile or damaged PDF may fail anywhere inside the reader
            return PdfSignatureCheck(False, f"The minutes PDF's signature cannot be checked: the file is damaged "
                                     f"({type(exc).__name__}).")
        signer = status.signing_cert.subject.native.get("common_name", "") if status.signing_cert else ""
        found = PdfSignatureCheck(True, signer=signer, signed_at=status.signer_reported_dt)
        if not status.intact:
            return PdfSignatureCheck(False, "The minutes PDF was changed after it was signed: the signed bytes no "
                                     "longer match the signature.", signer)
        if not status.valid:
            return PdfSignatureCheck(False, "The minutes PDF's signature does not verify.", signer)
        if status.signing_cert is None or status.signing_cert.sha256 != cert.sha256:
            return PdfSignatureCheck(False, f"The minutes PDF was signed by another certificate ({signer}) than the "
                                     "chair's registered key.", signer)
        if status.coverage is not SignatureCoverageLevel.ENTIRE_FILE:
            return PdfSignatureCheck(False, "Something was added to the minutes PDF after it was signed (the "
                                     "signature no longer covers the whole file).", signer)
        if digest is not None and f"{DIGEST_KEYWORD}{digest}" not in keywords:
            return PdfSignatureCheck(False, "The signed PDF is not of these minutes: it does not name their "
                                     "digest.", signer)
        return found
