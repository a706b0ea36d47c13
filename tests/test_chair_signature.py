"""A real signature (issue 10): the chair's key pair, the officer's registered public key, approval
files signed with it and refused when the file or the key does not match, the PAdES signature on
the signed minutes PDF (pyHanko, and poppler's pdfsig as an outside reader), and verify."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil
import subprocess
import warnings

import pytest

from mqp_desktop.domain import chair_key as ck
from mqp_desktop.domain.pdf_signature import check_pdf_signature
from mqp_desktop.domain.signoff import ApprovalFileError, read_approval_file, respond, write_approval_file
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf
from mqp_desktop.exporters.minutes_signature import sign_approval, sign_at_desk
from mqp_desktop.store import Store
from mqp_desktop.store.sqlite import INTEGRITY_ERRORS
from tests.helpers.db_dump import dump
from tests.test_minutes_store import TODAY, build

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def chair():
    """The chair's key file and the key opened (made once: scrypt takes a noticeable moment)."""
    keyfile = ck.create_chair_key("Dr Helen Carter", PASSPHRASE)
    return keyfile, ck.unlock(keyfile, PASSPHRASE)


@pytest.fixture(scope="module")
def impostor():
    keyfile = ck.create_chair_key("Dr Helen Carter", "another long passphrase")
    return keyfile, ck.unlock(keyfile, "another long passphrase")


@pytest.fixture
def world(tmp_path, chair):
    store = Store.open(tmp_path / "o.sqlite")
    data = build(store)
    store.chair_keys.register(chair[0].public)
    m1 = data["meetings"][0]
    store.minutes.draft(m1)
    _, path = store.minutes.export_for_approval(m1, tmp_path / "for approval.mqpminutes")
    yield store, data | {"m1": m1, "exported": path}
    store.close()


def signed_response(path, key, tmp_path, name="signed.mqpminutes"):
    approval = respond(read_approval_file(path), "Dr Helen Carter", TODAY)
    return write_approval_file(sign_approval(approval, key), tmp_path / name)


# --- the key -------------------------------------------------------------------------------------

def test_a_key_is_made_kept_encrypted_and_opened_only_with_its_passphrase(chair, tmp_path):
    from cryptography.hazmat.primitives import serialization

    keyfile, unlocked = chair
    path = ck.write_key_file(keyfile, tmp_path / "config" / ck.KEY_FILE_NAME)
    assert path.stat().st_mode & 0o777 == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.count("BEGIN ENCRYPTED PRIVATE KEY") == 2 and "BEGIN PRIVATE KEY" not in text
    assert PASSPHRASE not in text
    again = ck.read_key_file(path)
    assert again == keyfile and ck.unlock(again, PASSPHRASE).public == keyfile.public
    with pytest.raises(ck.ChairKeyError) as wrong:
        ck.unlock(again, PASSPHRASE.upper())
    assert wrong.value.field == "passphrase" and "not the passphrase" in wrong.value.problem
    # PKCS#8 with the library's best encryption, whose password is the scrypt-stretched passphrase
    pem = keyfile.signing_key_pem
    with pytest.raises((ValueError, TypeError)):
        serialization.load_pem_private_key(pem, PASSPHRASE.encode())
    stretched = ck._stretch(PASSPHRASE.encode(), keyfile.salt, keyfile.scrypt)
    assert serialization.load_pem_private_key(pem, stretched) is not None
    message = b"the minutes"
    assert ck.verify_signature(keyfile.public.public_key, message, unlocked.sign(message))
    assert not ck.verify_signature(keyfile.public.public_key, message + b"!", unlocked.sign(message))


def test_a_short_passphrase_or_no_name_is_refused():
    with pytest.raises(ValidationError, match="at least 10"):
        ck.create_chair_key("Dr Helen Carter", "short")
    with pytest.raises(ValidationError, match="name"):
        ck.create_chair_key("  ", PASSPHRASE)


def test_the_public_key_file_and_its_fingerprint_for_the_phone(chair, impostor, tmp_path):
    public = chair[0].public
    path = ck.write_public_key(public, tmp_path / "helen")
    assert path.name == "helen.mqpchairkey" and path.stat().st_size < 4096
    assert ck.read_public_key(path) == public
    groups = public.spoken.split()
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert public.spoken != impostor[0].public.spoken and len(public.fingerprint) == 64
    # the key file itself can be read for its public half; private keys never leave it
    assert "PRIVATE" not in path.read_text(encoding="utf-8")

    def refused(change, field):
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        bad = tmp_path / "bad.mqpchairkey"
        bad.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(ck.ChairKeyError) as caught:
            ck.read_public_key(bad)
        assert caught.value.field == field and caught.value.problem and caught.value.remedy

    other = impostor[0].public.to_data()
    refused(lambda d: d.update(certificate=other["certificate"]), "certificate")  # another key's PDF certificate
    refused(lambda d: d.update(public_key=other["public_key"]), "fingerprint")
    refused(lambda d: d.update(public_key=other["public_key"], fingerprint=other["fingerprint"]), "certificate")
    refused(lambda d: d.update(format="something"), "format")
    refused(lambda d: d.update(public_key="!!"), "public_key")
    (tmp_path / "nan.mqpchairkey").write_text('{"format": NaN}', encoding="utf-8")
    with pytest.raises(ck.ChairKeyError, match="not JSON"):
        ck.read_public_key(tmp_path / "nan.mqpchairkey")


# --- the officer's database holds the public key ------------------------------------------------

def test_the_chair_key_is_imported_once_and_replaced_only_deliberately(tmp_path, chair, impostor):
    with Store.open(tmp_path / "k.sqlite") as store:
        assert store.chair_keys.current() is None
        first = store.chair_keys.register(chair[0].public)
        assert store.chair_keys.register(chair[0].public).id == first.id  # the same key again: nothing new
        with pytest.raises(ValidationError, match="Replacing it is deliberate") as refused:
            store.chair_keys.register(impostor[0].public)
        assert first.spoken in str(refused.value) and impostor[0].public.spoken in str(refused.value)
        new = store.chair_keys.register(impostor[0].public, replace_reason="Dr Carter's new laptop")
        keys = store.chair_keys.keys()
        assert [k.current for k in keys] == [False, True] and keys[0].replaced_reason == "Dr Carter's new laptop"
        assert store.chair_keys.current().id == new.id
        with pytest.raises(ValidationError, match="replaced key is not taken back"):
            store.chair_keys.register(chair[0].public, replace_reason="back")
        history = [(c.entity, c.action) for c in store.history(entity="chair_key")]
        assert history == [("chair_key", "imported"), ("chair_key", "replaced"), ("chair_key", "imported")]
        assert "Dr Carter's new laptop" in store.history(entity="chair_key")[0].summary
        for sql in ("DELETE FROM chair_key", "UPDATE chair_key SET public_key = zeroblob(32)",
                    "UPDATE chair_key SET replaced_at = NULL, replaced_reason = '' WHERE id = 1",
                    "UPDATE chair_key SET replaced_at = 'x', replaced_reason = 'x' WHERE id = 1",
                    f"INSERT INTO chair_key (name, fingerprint, public_key, certificate, endorsement, created_on,"
                    f" imported_at) VALUES ('X', '{'0' * 64}', zeroblob(32), x'00', zeroblob(64), '2026-01-01', 'now')"):
            with pytest.raises(INTEGRITY_ERRORS):
                store.db.execute(sql)


# --- approval files signed with the key -----------------------------------------------------------

def test_a_signed_approval_imports_and_verify_reports_the_key_and_the_pdf(world, chair, tmp_path):
    store, data = world
    m1 = data["m1"]
    path = signed_response(data["exported"], chair[1], tmp_path)
    result = store.minutes.import_approval(path)
    assert result.approved and store.minutes.is_locked(m1)
    verified = store.minutes.verify(m1)
    assert verified.ok and verified.signed_with_key
    assert any(f"Signed with the chair's key of Dr Helen Carter ({chair[0].public.spoken})" in n
               and "from the chair's approval file" in n and "covers the whole file" in n for n in verified.notes)
    kept = store.minutes.signature(m1)
    assert kept["made"] == "approval file" and kept["key"].fingerprint == chair[0].public.fingerprint
    assert kept["pdf"] == read_approval_file(path).chair_signature.signed_pdf
    # the export is that exact file, its signature intact
    exported = export_minutes_pdf(store, m1, tmp_path / "minutes.pdf")
    assert exported.read_bytes() == kept["pdf"]
    assert check_pdf_signature(kept["pdf"], chair[0].public.certificate, digest=verified.stored_digest).ok
    assert "with the chair's key" in store.history(entity="minutes", limit=1)[0].summary
    # the signature and its PDF are facts: not changed, not deleted
    for sql in ("UPDATE minutes_signature SET payload = '{}'", "DELETE FROM minutes_signature",
                "UPDATE document SET content = x'00' WHERE id = (SELECT pdf_document_id FROM minutes_signature)"):
        with pytest.raises(INTEGRITY_ERRORS):
            store.db.execute(sql)


def _refused_import(store, path, field_start: str) -> ApprovalFileError:
    before = dump(store.db.conn)
    with pytest.raises(ApprovalFileError) as caught:
        store.minutes.import_approval(path)
    assert caught.value.field.startswith(field_start), (caught.value.field, caught.value.problem)
    assert caught.value.problem and caught.value.remedy
    assert dump(store.db.conn) == before
    return caught.value


def test_an_approval_signed_by_another_key_is_refused(world, impostor, tmp_path):
    store, data = world
    path = signed_response(data["exported"], impostor[1], tmp_path)
    error = _refused_import(store, path, "chair_signature")
    assert "another key" in error.problem and impostor[0].public.spoken in error.problem
    assert not store.minutes.is_locked(data["m1"])


def test_an_approval_edited_after_signing_is_refused(world, chair, tmp_path):
    store, data = world
    path = signed_response(data["exported"], chair[1], tmp_path)
    signed = read_approval_file(path)
    # rewritten consistently by someone with the program's source but not the chair's key:
    # another signer's name, every digest recomputed, the chair's signature kept
    forged = dataclasses.replace(signed, response=dataclasses.replace(signed.response, name="Someone Else"))
    write_approval_file(forged, tmp_path / "forged.mqpminutes")
    with pytest.raises(ApprovalFileError, match="does not match the file") as caught:
        read_approval_file(tmp_path / "forged.mqpminutes")
    assert caught.value.field == "chair_signature"
    _refused_import(store, tmp_path / "forged.mqpminutes", "chair_signature")
    # the signed PDF swapped for another (a PDF signed for other minutes)
    other = dataclasses.replace(signed, chair_signature=dataclasses.replace(
        signed.chair_signature, signed_pdf=signed.chair_signature.signed_pdf + b"\n% appended\n"))
    write_approval_file(other, tmp_path / "other-pdf.mqpminutes")
    _refused_import(store, tmp_path / "other-pdf.mqpminutes", "chair_signature")
    # the signature block removed: an approval by name is not accepted once a key is held
    bare = dataclasses.replace(signed, chair_signature=None)
    write_approval_file(bare, tmp_path / "bare.mqpminutes")
    error = _refused_import(store, tmp_path / "bare.mqpminutes", "chair_signature")
    assert "no signature from the chair's key" in error.problem
    assert store.minutes.import_approval(path).approved  # the genuine file still goes in


def test_a_signed_approval_needs_the_chairs_key_imported_first(tmp_path, chair):
    with Store.open(tmp_path / "n.sqlite") as store:
        data = build(store)
        m1 = data["meetings"][0]
        store.minutes.draft(m1)
        _, exported = store.minutes.export_for_approval(m1, tmp_path / "x.mqpminutes")
        path = signed_response(exported, chair[1], tmp_path)
        error = _refused_import(store, path, "chair_signature")
        assert "does not hold" in error.problem and "mqp chair-key import" in error.remedy
        store.chair_keys.register(chair[0].public)
        assert store.minutes.import_approval(path).approved
        # and minutes signed by name, before any key, say so
        m2 = data["meetings"][1]
        store.minutes.draft(m2)
        store.minutes.sign(m2, "Dr Helen Carter", TODAY)
        plain = store.minutes.verify(m2)
        assert plain.ok and not plain.signed_with_key and "by name only" in plain.notes[0]


def test_sign_at_the_desk_with_the_chairs_key(world, chair, impostor, tmp_path):
    store, data = world
    m2 = data["meetings"][1]
    store.minutes.draft(m2)
    before = dump(store.db.conn)
    with pytest.raises(ValidationError, match="another key"):
        sign_at_desk(store, m2, "Dr Helen Carter", TODAY, None, impostor[1])
    assert dump(store.db.conn) == before
    digest = sign_at_desk(store, m2, "Dr Helen Carter", TODAY, None, chair[1])
    result = store.minutes.verify(m2)
    assert result.ok and result.signed_with_key and result.stored_digest == digest
    assert any("at the officer's desk" in n for n in result.notes)


def test_a_replaced_key_still_verifies_what_it_signed(world, chair, impostor, tmp_path):
    store, data = world
    m1 = data["m1"]
    store.minutes.import_approval(signed_response(data["exported"], chair[1], tmp_path))
    store.chair_keys.register(impostor[0].public, replace_reason="New laptop")
    result = store.minutes.verify(m1)
    assert result.ok and any("since replaced" in n for n in result.notes)


def test_verify_fails_when_the_kept_signature_or_pdf_is_altered(world, chair, tmp_path):
    store, data = world
    m1 = data["m1"]
    store.minutes.import_approval(signed_response(data["exported"], chair[1], tmp_path))
    for name in ("minutes_signature_no_update", "document_no_update"):
        store.db.execute(f"DROP TRIGGER {name}")  # what someone with the sqlite3 tool could do
    payload = store.db.execute("SELECT payload FROM minutes_signature").fetchone()[0]
    store.db.execute("UPDATE minutes_signature SET payload = ?", [payload.replace("Dr Helen Carter", "Dr Helen Carte")])
    result = store.minutes.verify(m1)
    assert not result.ok and "does not verify" in result.problem
    store.db.execute("UPDATE minutes_signature SET payload = ?", [payload])
    assert store.minutes.verify(m1).ok
    pdf = store.db.execute("SELECT content FROM document WHERE id = (SELECT pdf_document_id FROM minutes_signature)"
                           ).fetchone()[0]
    store.db.execute("UPDATE document SET content = ? WHERE id = (SELECT pdf_document_id FROM minutes_signature)",
                     [_one_byte_changed(pdf)])
    result = store.minutes.verify(m1)
    assert not result.ok and "the signed PDF" in result.problem


# --- the PDF signature ------------------------------------------------------------------------------

def _one_byte_changed(pdf: bytes) -> bytes:
    at = pdf.index(b"/Producer")  # inside the signed range, in the document's own information
    return pdf[:at + 2] + bytes([pdf[at + 2] ^ 0x01]) + pdf[at + 3:]


def _incremental_update_adding_text(pdf: bytes) -> bytes:
    """An incremental update (the signed bytes untouched) that puts new text on page 1."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    added = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 400 Td (NOT APPROVED) Tj ET"))
    contents = page.raw_get("/Contents")
    combined = generic.ArrayObject(list(contents) if isinstance(contents, generic.ArrayObject) else [contents])
    combined.append(added)
    page["/Contents"] = combined
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def signed_pdf(world, chair, tmp_path):
    store, data = world
    store.minutes.import_approval(signed_response(data["exported"], chair[1], tmp_path))
    return store.minutes.signed_pdf(data["m1"]), store.minutes.revision(data["m1"]).digest


def test_the_pdf_signature_is_valid_and_invalid_after_one_byte_or_an_incremental_update(signed_pdf, chair):
    pdf, digest = signed_pdf
    cert = chair[0].public.certificate
    good = check_pdf_signature(pdf, cert, digest=digest)
    assert good.ok and good.signer == "Dr Helen Carter"
    byte = check_pdf_signature(_one_byte_changed(pdf), cert, digest=digest)
    assert not byte.ok and "changed after it was signed" in byte.problem
    appended = check_pdf_signature(_incremental_update_adding_text(pdf), cert, digest=digest)
    assert not appended.ok and "added to the minutes PDF after it was signed" in appended.problem
    assert not check_pdf_signature(pdf, cert, digest="0" * 64).ok  # another minutes' PDF


def test_the_pdf_carries_the_chairs_certificate_and_the_signed_text(signed_pdf, chair):
    pypdf = pytest.importorskip("pypdf")
    pdf, digest = signed_pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Approved as a true record by Dr Helen Carter" in text and digest in text.replace("\n", "")
    assert "DRAFT" not in text
    fields = reader.get_fields()
    assert fields and fields["ChairSignature"]["/FT"] == "/Sig"
    assert reader.trailer["/Root"]["/Perms"]["/DocMDP"] is not None  # a certifying signature: no changes allowed


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
def test_pdfsig_an_outside_reader_says_valid_then_digest_mismatch_then_not_total(signed_pdf, tmp_path):
    pdf, _ = signed_pdf

    def pdfsig(data: bytes) -> str:
        path = tmp_path / "check.pdf"
        path.write_bytes(data)
        return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout

    good = pdfsig(pdf)
    assert "Signer Certificate Common Name: Dr Helen Carter" in good
    assert "Signature Validation: Signature is Valid." in good and "Total document signed" in good
    byte = pdfsig(_one_byte_changed(pdf))
    assert "Signature Validation: Digest Mismatch." in byte
    appended = pdfsig(_incremental_update_adding_text(pdf))
    assert "Not total document signed" in appended


def test_signing_needs_the_right_passphrase_only_once_per_signing(chair, tmp_path):
    keyfile, _ = chair
    path = ck.write_key_file(keyfile, tmp_path / "k.json")
    with pytest.raises(ck.ChairKeyError):
        ck.unlock(ck.read_key_file(path), "")
    assert ck.unlock(ck.read_key_file(path), PASSPHRASE).public.name == "Dr Helen Carter"
    assert dt.date.today() >= keyfile.public.created_on


def test_cryptography_and_pyhanko_are_not_loaded_at_start_up():
    import sys
    from pathlib import Path

    code = ("import sys, mqp_desktop.ui.app, mqp_desktop.ui.main_window, mqp_desktop.cli, mqp_desktop.store, "
            "mqp_desktop.domain.chair_key, mqp_desktop.domain.signoff, mqp_desktop.domain.pdf_signature, "
            "mqp_desktop.exporters.minutes_signature, mqp_desktop.store.chair_keys; "
            "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in "
            "('cryptography', 'pyhanko', 'pyhanko_certvalidator', 'asn1crypto', 'reportlab')}))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
