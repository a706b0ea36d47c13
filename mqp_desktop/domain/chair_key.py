"""The chair's signing key: made on the chair's laptop, the public half held by the officer's database.

No Qt, no SQL; ``cryptography`` is imported inside the functions (it is not needed at start-up).

**Two key pairs, one identity.** The chair's *signing key* is Ed25519: it signs approval files
(``domain/signoff.py``) and it is the chair's identity — its fingerprint is what the officer
compares with the chair by phone. The signed minutes PDF is signed with a second key, ECDSA
P-256, in a self-signed X.509 certificate naming the chair, because PDF readers do not all check
Ed25519 signatures yet (ISO 32002 added EdDSA to PDF in 2022; poppler 22 — Okular, Evince,
``pdfsig`` — reports an Ed25519-signed PDF as "not signed or corrupted", while it verifies
P-256; Adobe Reader has verified ECDSA P-256 for many years). The certificate is *endorsed* by
the signing key (an Ed25519 signature over its SHA-256), so the one fingerprint vouches for both:
the officer's program refuses a public key file whose endorsement does not verify.

**On the chair's laptop** (:class:`ChairKeyFile`, ``chair-signing-key.json`` in the user's config
folder, made private to the user): both private keys as PKCS#8, encrypted with the library's best
available encryption (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC). ``cryptography`` uses only 2,048
PBKDF2 iterations there and lets nobody choose more for PKCS#8, which is cheap to guess at for a
passphrase a person can remember; so the passphrase is first stretched with scrypt (N=2^17, r=8,
p=1, about 0.3 s and 128 MB, OWASP's figures), with its salt kept in the file, and the result is the
PKCS#8 password. The passphrase itself is never stored, and the private keys never leave the file
unencrypted (nor ever reach the database).

**For the officer** (:class:`ChairPublicKey`, a small ``.mqpchairkey`` file): the chair's name,
the Ed25519 public key, the certificate and its endorsement. :attr:`ChairPublicKey.spoken` is the
fingerprint as six groups of five digits ("41729 03815 …", about 100 bits, as Signal's safety
numbers) to read out by phone; :attr:`ChairPublicKey.fingerprint` is the full SHA-256 (hex).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.validation import ValidationError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEY_FORMAT = "mqp-chair-signing-key"
PUBLIC_FORMAT = "mqp-chair-public-key"
FORMAT_VERSION = 1
PUBLIC_EXTENSION = ".mqpchairkey"
KEY_FILE_NAME = "chair-signing-key.json"
MIN_PASSPHRASE = 10
MAX_KEY_FILE_BYTES = 64 * 1024
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_ENDORSE = b"MQP chair's PDF certificate\x00"


class ChairKeyError(ValidationError):
    """A key file refused, or a passphrase that does not open it: ``problem`` and ``remedy``."""

    def __init__(self, field: str, problem: str, remedy: str = ""):
        self.problem = problem
        self.remedy = remedy
        super().__init__(field, f"{problem} {remedy}".strip())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, field: str, what: str, length: int | None = None) -> bytes:
    try:
        raw = base64.b64decode(str(value), validate=True) if isinstance(value, str) else None
    except (binascii.Error, ValueError):
        raw = None
    if raw is None or (length is not None and len(raw) != length):
        raise ChairKeyError(field, f"The key file's {what} is damaged.", "Export the key again from the chair's "
                            "laptop (MQ&P Desktop › Open minutes for approval › My signing key).")
    return raw


def spoken_fingerprint(digest_hex: str) -> str:
    """Six groups of five digits from a SHA-256 (hex): what two people read to each other by phone."""
    raw = bytes.fromhex(digest_hex)
    return " ".join(f"{int.from_bytes(raw[i:i + 5], 'big') % 100000:05d}" for i in range(0, 30, 5))


@dataclass(frozen=True)
class ChairPublicKey:
    """The public half, for the officer: who, when made, the Ed25519 key, the PDF certificate."""

    name: str
    created_on: dt.date
    public_key: bytes
    """Ed25519, 32 bytes."""
    certificate: bytes
    """DER: self-signed X.509, ECDSA P-256, naming the chair; signs the minutes PDF."""
    endorsement: bytes
    """The Ed25519 signature over the certificate's SHA-256 (ties it to this identity)."""

    @property
    def fingerprint(self) -> str:
        """The SHA-256 (hex) of the Ed25519 public key: the chair's identity."""
        return hashlib.sha256(self.public_key).hexdigest()

    @property
    def spoken(self) -> str:
        return spoken_fingerprint(self.fingerprint)

    @property
    def certificate_sha256(self) -> str:
        return hashlib.sha256(self.certificate).hexdigest()

    def check(self) -> ChairPublicKey:
        """The certificate parses, holds a P-256 key and is endorsed by the signing key; else ChairKeyError."""
        from cryptography import x509
        from cryptography.hazmat.primitives.asymmetric import ec

        if not verify_signature(self.public_key, _ENDORSE + bytes.fromhex(self.certificate_sha256), self.endorsement):
            raise ChairKeyError("certificate", "The key file's PDF certificate is not endorsed by the chair's signing "
                                "key: the file was changed, or put together from two keys.",
                                "Ask the chair to export their public key again.")
        try:
            cert = x509.load_der_x509_certificate(self.certificate)
            ok = isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
        except ValueError:
            ok = False
        if not ok:
            raise ChairKeyError("certificate", "The key file's PDF certificate cannot be read.",
                                "Ask the chair to export their public key again.")
        return self

    def to_data(self) -> dict[str, Any]:
        return {
            "format": PUBLIC_FORMAT, "format_version": FORMAT_VERSION, "name": self.name,
            "created_on": self.created_on.isoformat(), "algorithm": "Ed25519",
            "public_key": _b64(self.public_key), "fingerprint": self.fingerprint,
            "certificate": _b64(self.certificate), "endorsement": _b64(self.endorsement),
        }

    @classmethod
    def from_data(cls, data: Any) -> ChairPublicKey:
        if not isinstance(data, Mapping) or data.get("format") not in (PUBLIC_FORMAT, KEY_FORMAT):
            raise ChairKeyError("format", "This is not the chair's public key file.",
                                f"Choose the {PUBLIC_EXTENSION} file the chair exported from MQ&P Desktop.")
        if data.get("format_version") != FORMAT_VERSION:
            raise ChairKeyError("format_version", "The key file was made by another version of MQ&P Desktop "
                                f"(format {data.get('format_version')!r}; this program reads {FORMAT_VERSION}).",
                                "Use the same version of the program on both computers.")
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ChairKeyError("name", "The key file does not name the chair.", "Ask the chair to export it again.")
        try:
            created = dt.date.fromisoformat(str(data.get("created_on")))
        except ValueError:
            raise ChairKeyError("created_on", "The key file's date is damaged.", "Ask the chair to export it "
                                "again.") from None
        key = cls(name=" ".join(name.split()), created_on=created,
                  public_key=_unb64(data.get("public_key"), "public_key", "public key", 32),
                  certificate=_unb64(data.get("certificate"), "certificate", "certificate"),
                  endorsement=_unb64(data.get("endorsement"), "endorsement", "endorsement", 64))
        stated = data.get("fingerprint")
        if stated is not None and stated != key.fingerprint:
            raise ChairKeyError("fingerprint", "The key file's fingerprint does not match its key: it was changed.",
                                "Ask the chair to export their public key again.")
        return key.check()


@dataclass(frozen=True)
class ChairKeyFile:
    """The chair's key file, as kept on their laptop: the public half and both private keys, encrypted."""

    public: ChairPublicKey
    salt: bytes
    signing_key_pem: bytes
    pdf_key_pem: bytes
    scrypt: tuple[int, int, int] = (SCRYPT_N, SCRYPT_R, SCRYPT_P)

    def to_data(self) -> dict[str, Any]:
        n, r, p = self.scrypt
        return {
            **self.public.to_data(), "format": KEY_FORMAT,
            "passphrase_kdf": {"name": "scrypt", "n": n, "r": r, "p": p, "salt": _b64(self.salt)},
            "signing_key": self.signing_key_pem.decode("ascii"), "pdf_key": self.pdf_key_pem.decode("ascii"),
        }

    @classmethod
    def from_data(cls, data: Any) -> ChairKeyFile:
        if not isinstance(data, Mapping) or data.get("format") != KEY_FORMAT:
            raise ChairKeyError("format", "This is not an MQ&P chair's signing key file.",
                                "Choose the key made with 'Create my signing key…'.")
        public = ChairPublicKey.from_data(data)
        kdf = data.get("passphrase_kdf")
        if not isinstance(kdf, Mapping) or kdf.get("name") != "scrypt":
            raise ChairKeyError("passphrase_kdf", "The key file's passphrase settings are damaged.",
                                "Make a new signing key, and give the officer its public key.")
        params = tuple(kdf.get(k) for k in ("n", "r", "p"))
        if not all(isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 2**20 for v in params):
            raise ChairKeyError("passphrase_kdf", "The key file's passphrase settings are damaged.",
                                "Make a new signing key, and give the officer its public key.")
        pems = [data.get("signing_key"), data.get("pdf_key")]
        if not all(isinstance(p, str) and p.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----") for p in pems):
            raise ChairKeyError("signing_key", "The key file's private keys are missing or not encrypted.",
                                "Make a new signing key, and give the officer its public key.")
        return cls(public=public, salt=_unb64(kdf.get("salt"), "salt", "passphrase salt", 16),
                   signing_key_pem=pems[0].encode("ascii"), pdf_key_pem=pems[1].encode("ascii"),
                   scrypt=params)  # type: ignore[arg-type]


@dataclass(frozen=True)
class UnlockedChairKey:
    """The chair's keys, opened with the passphrase, for as long as one signing takes."""

    public: ChairPublicKey
    signing_key: Ed25519PrivateKey
    pdf_key: EllipticCurvePrivateKey

    def sign(self, message: bytes) -> bytes:
        return self.signing_key.sign(message)


# --- making and opening ----------------------------------------------------------------------------

def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError("passphrase", f"Choose a passphrase of at least {MIN_PASSPHRASE} characters (a few "
                              "words you will remember: it cannot be recovered if forgotten).")
    return passphrase.encode("utf-8")


def _stretch(passphrase: bytes, salt: bytes, scrypt: tuple[int, int, int]) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    n, r, p = scrypt
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase)


def _certificate(pdf_key: EllipticCurvePrivateKey, name: str, created: dt.date) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, name),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Chair's signing key (MQ&P Desktop)"),
    ])
    start = dt.datetime.combine(created, dt.time(), dt.timezone.utc) - dt.timedelta(days=1)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject).public_key(pdf_key.public_key())
        .serial_number(x509.random_serial_number())
        # Minutes are kept for good: no expiry date (RFC 5280 4.1.2.5's 99991231235959Z).
        .not_valid_before(start).not_valid_after(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(pdf_key.public_key()), critical=False)
        .sign(pdf_key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.DER)


def create_chair_key(name: str, passphrase: str, *, today: dt.date | None = None) -> ChairKeyFile:
    """A new key for the chair named ``name``, protected by ``passphrase`` (ValidationError if too short)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519

    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("name", "Give your name as it should appear on the signed minutes.")
    secret = _check_passphrase(passphrase)
    created = today or dt.date.today()
    signing = ed25519.Ed25519PrivateKey.generate()
    pdf = ec.generate_private_key(ec.SECP256R1())
    raw = signing.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    certificate = _certificate(pdf, name, created)
    public = ChairPublicKey(name=name, created_on=created, public_key=raw, certificate=certificate,
                            endorsement=signing.sign(_ENDORSE + hashlib.sha256(certificate).digest()))
    salt = os.urandom(16)
    scrypt = (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    password = serialization.BestAvailableEncryption(_stretch(secret, salt, scrypt))

    def pem(key) -> bytes:
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, password)

    return ChairKeyFile(public=public.check(), salt=salt, signing_key_pem=pem(signing), pdf_key_pem=pem(pdf),
                        scrypt=scrypt)


def unlock(keyfile: ChairKeyFile, passphrase: str) -> UnlockedChairKey:
    """Open the private keys with the chair's passphrase; ChairKeyError when it is not the right one."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519

    password = _stretch((passphrase or "").encode("utf-8"), keyfile.salt, keyfile.scrypt)
    try:
        signing = serialization.load_pem_private_key(keyfile.signing_key_pem, password)
        pdf = serialization.load_pem_private_key(keyfile.pdf_key_pem, password)
    except (ValueError, TypeError):
        raise ChairKeyError("passphrase", "That is not the passphrase of this signing key.",
                            "Type it again (capitals count). A forgotten passphrase cannot be recovered: make a new "
                            "key and give the officer its public key.") from None
    if not isinstance(signing, ed25519.Ed25519PrivateKey) or not isinstance(pdf, ec.EllipticCurvePrivateKey):
        raise ChairKeyError("signing_key", "The key file holds keys of the wrong kind.", "Make a new signing key.")
    raw = signing.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if raw != keyfile.public.public_key:
        raise ChairKeyError("signing_key", "The key file's private and public keys do not belong together.",
                            "Make a new signing key, and give the officer its public key.")
    return UnlockedChairKey(public=keyfile.public, signing_key=signing, pdf_key=pdf)


def verify_signature(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the Ed25519 signature of ``message`` by ``public_key`` (raw, 32 bytes)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import ed25519

    try:
        ed25519.Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# --- files ---------------------------------------------------------------------------------------

def _write_private(path: Path, text: str) -> Path:
    """Whole or not at all, readable by the user alone (0600 on POSIX; the user's profile on Windows)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_key_file(keyfile: ChairKeyFile, path: Path | str) -> Path:
    return _write_private(Path(path), json.dumps(keyfile.to_data(), indent=1, sort_keys=True) + "\n")


def write_public_key(public: ChairPublicKey, path: Path | str) -> Path:
    path = Path(path)
    if path.suffix.lower() != PUBLIC_EXTENSION:
        path = path.with_name(path.name + PUBLIC_EXTENSION)
    return _write_private(path, json.dumps(public.to_data(), indent=1, sort_keys=True) + "\n")


def _read_json(path: Path, what: str, remedy: str) -> Any:
    from mqp_desktop.domain.signoff import ApprovalFileError, parse_approval_json

    try:
        if path.stat().st_size > MAX_KEY_FILE_BYTES:
            raise ChairKeyError("file", f"'{path.name}' is too large to be {what}.", remedy)
        raw = path.read_bytes()
    except OSError as exc:
        raise ChairKeyError("file", f"'{path}' could not be read: {exc.strerror or exc}.", remedy) from None
    try:
        return parse_approval_json(raw, path.name)  # the same guarded JSON reader as approval files
    except ApprovalFileError:
        raise ChairKeyError("file", f"'{path.name}' is not {what} (it is not JSON text, or it is damaged).",
                            remedy) from None


def read_key_file(path: Path | str) -> ChairKeyFile:
    return ChairKeyFile.from_data(_read_json(Path(path), "a signing key file",
                                             "Choose the key made with 'Create my signing key…'."))


def read_public_key(path: Path | str) -> ChairPublicKey:
    """A chair's public key file (or their key file: only its public half is read)."""
    return ChairPublicKey.from_data(_read_json(Path(path), "the chair's public key file",
                                               f"Choose the {PUBLIC_EXTENSION} file the chair exported."))


@dataclass(frozen=True)
class RegisteredChairKey:
    """A chair's public key as the officer's database holds it (current, or replaced and kept)."""

    id: int
    public: ChairPublicKey
    imported_at: str
    replaced_at: str | None = None
    replaced_reason: str = ""

    @property
    def current(self) -> bool:
        return self.replaced_at is None

    @property
    def name(self) -> str:
        return self.public.name

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint

    @property
    def spoken(self) -> str:
        return self.public.spoken
