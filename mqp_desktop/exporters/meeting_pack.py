"""The meeting pack: one PDF with everything members need for a meeting (ToR 13, 14).

:func:`build_pack` puts together, in order:

1. a **cover** (partnership, subcommittee, meeting, date, time, venue, chair,
   what the pack holds);
2. a **contents** page whose page numbers are the printed page numbers;
3. the **agenda** (the same :class:`~.agenda_content.AgendaSheet` as the Word agenda);
4. the **minutes of the previous meeting** — its latest revision, as approved
   (signed, no watermark) or as a draft (DRAFT on every page); a page saying they
   are to follow when that meeting has no minutes saved (:func:`previous_minutes`)
   — and the **action log** as at this meeting (:mod:`.pack_actions`);
5. for each item with papers, a **divider** sheet (number, title, presenter,
   purpose, time, its papers and their sign-off), then each paper: PDFs as they
   are; Word, Excel and PowerPoint converted (:mod:`.paper_convert`); a paper
   no converter can turn into PDF gets a page saying it is **circulated
   separately**, and is listed in :attr:`PackResult.separately` to go with the
   email. A paper not yet received is listed on its divider as "to follow".
   Supplements are not in the pack (see below); withdrawn papers are left out.

Every page — ours and the papers' — carries "MQ&P 8 Dec 2026 — page n of N" at
the bottom right; the PDF has a bookmark for every section, item and paper,
and its title, author and subject set.

A bad paper (a damaged PDF, one locked by a password, an empty file, a
program renamed .pdf) stops the build with :class:`PackError` naming it (item,
paper, file) and what to do — in the words the attach uses (a paper attached before
papers were checked whole is read by the same check, :func:`.pack_merge.read_paper_pdf`).
**Active content** (JavaScript, launch and submit actions, links to other files, embedded
files, multimedia: :mod:`.active_content`) is removed from the pack's working copy of each
paper, never from the stored file; the paper's divider and the cover say so, and
:attr:`PackResult.active_content_removed` lists it. Nothing is half-written: the pack is written to a
temporary file beside the target, which replaces the target only when complete;
a failure or :class:`PackCancelled` leaves the target as it was. With
``save=True`` the finished PDF is stored (``store.agendas.save_pack``) with its
contents: each section's pages and each paper's document id and sha256, so what
was circulated can always be shown.

:func:`build_supplement` makes a **supplement** for late papers (those with a
supplement number): a "Supplement 1" cover and the papers, numbered S1-1,
S1-2 … so the pack already circulated keeps its numbers.

``progress(step, total, message)`` is called before each step and
``cancelled()`` checked between steps: the GUI runs this off the main thread.

How it is made, in one pass (a pack of 30 ten-page papers in about 2.5–2.6 times
the time ``pdfunite`` takes to merge the same files without stamping them, about 3 times
in a new session whose papers were attached earlier; see ``benchmarks/bench_pack.py``):

- the papers are read and checked by pikepdf (qpdf), every page — a stored file this process
  checked whole already (when it was attached, or for an earlier pack) is not decoded page by page
  again (:func:`.pack_merge.read_paper_pdf`) — and their active content is removed from the
  working copy (a walk of the pages' annotations: a few milliseconds);
- our own pages are laid out and drawn in **one** reportlab document
  (:func:`.pack_pages.draw_sections`): first the agenda and action log, whose
  length is found by laying them out, then — every page count known — the
  cover, the contents and the dividers, which name pages. The contents' length
  is foreseen before (it does not depend on its numbers) and every count is
  checked after drawing; a sheet that ran over a page (a very long title, say)
  makes it lay out again with the true counts;
- qpdf copies our pages and the papers' into the pack in order, a short content
  stream on each page draws its stamp (:class:`.pack_merge.Stamper`: the
  pages' own content is not rewritten), the bookmarks are added, and the pack
  is written with the papers' streams passed through as they are.

pikepdf and reportlab are imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.documents import FileRefused, check_document
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.exporters import pack_actions, paper_convert
from mqp_desktop.exporters import pack_pages as pages
from mqp_desktop.exporters.agenda_content import SheetLine, agenda_sheet, in_sentence, long_date, sheet_papers
from mqp_desktop.exporters.files import ExportFileError, write_error

if TYPE_CHECKING:
    from mqp_desktop.domain.documents import DocumentInfo
    from mqp_desktop.domain.meetings import Meeting
    from mqp_desktop.domain.papers import Paper
    from mqp_desktop.store.store import Store

Progress = Callable[[int, int, str], None]
MAX_LAYOUT_PASSES = 5


class PackError(Exception):
    """The pack cannot be built; ``problem`` names what (and which paper), ``remedy`` what to do."""

    def __init__(self, problem: str, remedy: str = "", *, paper_id: int | None = None, item_number: str = "",
                 paper_title: str = "", file_name: str = ""):
        self.problem = problem
        self.remedy = remedy
        self.paper_id = paper_id
        self.item_number = item_number
        self.paper_title = paper_title
        self.file_name = file_name
        super().__init__(f"{problem} {remedy}".strip())

    def __str__(self) -> str:
        return f"{self.problem} {self.remedy}".strip()


class PackCancelled(Exception):
    """The user cancelled the build; nothing was written."""


@dataclass
class PackResult:
    path: Path
    page_count: int
    contents: list[dict]
    """Per section, in order: kind (cover, contents, agenda, minutes, action_log, divider, paper, separately,
    supplement), title, number (the item's), reference ('Paper 5a'), first_page, last_page (1-based,
    as printed; a supplement's are its own), and for papers paper_id, document_id, sha256, file_name,
    converted_with ('' when the file was a PDF)."""
    separately: list[dict] = field(default_factory=list)
    """Papers that could not be converted, to attach to the email: paper_id, number, reference, title,
    document_id, sha256, file_name, size, reason, page (the notice's page in the pack)."""
    pack_id: int | None = None

    @property
    def active_content_removed(self) -> list[dict]:
        """The papers whose copy in the pack had active content removed: reference, title, file_name and
        ``active_content_removed`` (what, in words)."""
        return [c for c in self.contents if c.get("active_content_removed")]


# --- what goes in ------------------------------------------------------------------------------

@dataclass
class _Part:
    """A paper with a file, ready to go in: its PDF reader, or why it goes separately."""

    paper: Paper
    line: SheetLine
    reference: str
    info: DocumentInfo
    content: bytes
    reader: Any = None
    """The paper's :class:`pikepdf.Pdf` (None when it goes separately)."""
    placements: list = field(default_factory=list)
    """Where each page's stamp goes (:func:`.pack_merge.placement`), found when the file was checked."""
    converted_with: str = ""
    separately: str = ""
    """Why it cannot be printed in the pack ('' when it is)."""
    active: list[str] = field(default_factory=list)
    """Active content removed from the pack's copy (:mod:`.active_content`), in words; the stored file is unchanged."""
    repaired: list[str] = field(default_factory=list)
    """qpdf's warnings when it repaired the file's structure on reading ([] for a sound file)."""

    @property
    def pages(self) -> int:
        return len(self.reader.pages) if self.reader is not None else 0

    @property
    def file_name(self) -> str:
        return self.info.file_name


@dataclass
class _Record:
    """A document the program makes from its own records (the previous meeting's minutes), merged and
    stamped like a paper."""

    reference: str
    file_name: str
    reader: Any
    placements: list
    facts: dict
    """What the pack's contents record about it (revision, status, digest when signed)."""

    @property
    def pages(self) -> int:
        return len(self.reader.pages)


@dataclass
class _Slot:
    """One step of the pack's order: a drawn section, or a paper's pages."""

    kind: str
    title: str
    section: pages.Section | None = None
    part: _Part | _Record | None = None
    number: str = ""
    reference: str = ""
    parent: _Slot | None = None
    """The slot whose bookmark this one's goes under."""
    first: int = 0
    """1-based first page in the pack, once laid out."""
    count: int = 0


class _Steps:
    def __init__(self, progress: Progress | None, cancelled: Callable[[], bool] | None, total: int):
        self.progress, self.cancelled, self.total, self.done = progress, cancelled, total, 0

    def __call__(self, message: str) -> None:
        if self.cancelled is not None and self.cancelled():
            raise PackCancelled("The meeting pack was cancelled; nothing was written.")
        self.done = min(self.done + 1, self.total)
        if self.progress is not None:
            self.progress(self.done, self.total, message)


def _paper_error(part_or_paper, line: SheetLine, reference: str, file_name: str, problem: str,
                 remedy: str) -> PackError:
    paper = part_or_paper
    return PackError(
        f"Item {line.number}, {reference} ('{paper.title}'): the file '{file_name}' {problem}", remedy,
        paper_id=paper.id, item_number=line.number, paper_title=paper.title, file_name=file_name,
    )


def _active_note(part: _Part | None) -> str:
    """The divider's line for a paper whose copy in the pack had active content removed ('' when none)."""
    if part is None or not part.active:
        return ""
    from mqp_desktop.exporters.active_content import removed_words

    return (f"Removed from this copy for safety: {removed_words(part.active)}. The paper as received is kept "
            "unchanged with the meeting.")


def _human_size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(1, n // 1024)} KB"


class _Converters:
    """The converters on this computer, looked for when a paper first needs one (not for a pack of PDFs)."""

    def __init__(self):
        self._found = None

    def __call__(self):
        if self._found is None:
            self._found = paper_convert.find_converters()
        return self._found


def _read_part(store: Store, paper: Paper, line: SheetLine, reference: str, converters: _Converters,
               steps: _Steps) -> _Part:
    """Load a paper's file and make it a PDF reader (checked, its active content removed from this working
    copy), or mark it circulated separately."""
    from mqp_desktop.exporters.active_content import remove_active_content
    from mqp_desktop.exporters.pack_merge import BadPDF, read_paper_pdf

    def take(pdf_bytes: bytes, digest: str | None = None) -> None:
        paper_pdf = read_paper_pdf(pdf_bytes, digest)
        part.reader, part.placements, part.repaired = paper_pdf.pdf, paper_pdf.placements, paper_pdf.repaired
        part.active = remove_active_content(part.reader)

    doc = store.agendas.document(paper.document_id)
    info, content = doc.info, doc.content
    name = info.file_name
    part = _Part(paper, line, reference, info, content)
    ext = info.extension
    try:
        if ext == ".pdf":
            steps(f"Reading {reference} ({name})")
            take(content, info.sha256)  # the stored file's digest: checked once per process (pack_merge)
            return part
        try:
            check_document(name, content)
        except FileRefused as exc:
            raise _paper_error(paper, line, reference, name, "cannot go in the pack: " + str(exc).split(": ", 1)[-1],
                               "Ask the author to send it again, attach the new file, and build the pack again.") from None
        converter = paper_convert.converter_for(ext, converters())
        if converter is None:
            steps(f"{reference} ({name}) cannot be converted here: it will be circulated separately")
            part.separately = ("It could not be turned into PDF on this computer: neither LibreOffice nor "
                               "Microsoft Word (docx2pdf) was found for this kind of file.")
            return part
        steps(f"Converting {reference} ({name}) to PDF with {converter.name}")
        try:
            take(paper_convert.convert_to_pdf(name, content, converter))
            part.converted_with = converter.name
        except (paper_convert.ConversionFailed, BadPDF) as exc:
            part.separately = f"It could not be turned into PDF ({exc})."
        return part
    except BadPDF as exc:  # the words the attach would have used (a paper attached before the full check)
        raise _paper_error(paper, line, reference, name, exc.problem, f"{exc.remedy} Then build the pack again.") \
            from None


def previous_meeting(store: Store, meeting: Meeting) -> Meeting | None:
    """The last meeting held before this one (its minutes and action log go in the pack)."""
    earlier = [m for m in store.meetings.list(end=meeting.date)
               if m.id != meeting.id and m.status in (MeetingStatus.HELD, MeetingStatus.RECONVENED)
               and (m.date, m.start_time) < (meeting.date, meeting.start_time)]
    return earlier[-1] if earlier else None


def previous_minutes(store: Store, prior: Meeting | None) -> _Record | None:
    """The previous meeting's minutes as a PDF to merge: the latest revision, approved (signed, no watermark)
    or a draft (DRAFT on every page); None when that meeting has no minutes saved."""
    if prior is None:
        return None
    revs = store.minutes.revisions(prior.id)
    if not revs:
        return None
    from mqp_desktop.exporters.minutes_pdf import minutes_pdf_from, signed_info_for
    from mqp_desktop.exporters.pack_merge import BadPDF, open_paper_pdf

    rev = revs[-1]
    try:
        signed = signed_info_for(store, prior.id, rev.revision)
    except ExportFileError as exc:
        raise PackError(f"The minutes of the previous meeting cannot go in the pack: {exc.problem}",
                        exc.remedy.replace("Nothing was written. ", "")) from None
    minutes = store.minutes.minutes(prior.id, rev.revision)
    with tempfile.TemporaryDirectory(prefix="mqp-pack-minutes-") as folder:
        # Without their own "Page n of N": the pack stamps its number on every page, and two numbers on a
        # page ("Page 1 of 4" beside "page 9 of 42") leave the reader to guess which the contents mean.
        content = minutes_pdf_from(minutes, Path(folder) / "minutes.pdf", signed=signed,
                                   page_numbers=False).read_bytes()
    try:
        reader, placements = open_paper_pdf(content)
    except BadPDF as exc:  # pragma: no cover - we drew it
        raise PackError(f"The minutes of the previous meeting could not be read back: {exc.problem}",
                        "Please report it.") from None
    facts = {"meeting_id": prior.id, "revision": rev.revision, "status": "signed" if signed else "draft",
             "digest": signed.digest if signed else "",
             "pdf_sha256": hashlib.sha256(content).hexdigest()}
    return _Record("Minutes of the previous meeting", f"minutes {prior.date:%Y-%m-%d}.pdf", reader, placements, facts)


# --- building ----------------------------------------------------------------------------------

def _facts(line: SheetLine) -> list[tuple[str, str]]:
    rows = []
    if line.presenter_full:
        rows.append(("Presenter", line.presenter_full))
    if line.purpose:
        rows.append(("Purpose", line.purpose))
    if line.time:
        rows.append(("Time", line.time))
    return rows


def _sign_off(paper: Paper) -> tuple[str, bool]:
    if paper.signed_off:
        return f"Signed off by {paper.signed_off_by} on {paper.signed_off_on.day} {paper.signed_off_on:%b %Y}.", True
    if not paper.received:
        return "", True
    return "Not yet signed off by a senior manager (Terms of Reference 14).", False


def _pages_text(slot: _Slot) -> str:
    if slot.count <= 1:
        return f"page {slot.first}"
    return f"pages {slot.first}–{slot.first + slot.count - 1}"


def _layout(slots: list[_Slot]) -> int:
    """Give every slot its first page and count; the total pages.

    The count is the pages a section took when last laid out, a paper's pages, or else (a sheet
    not laid out yet) what the slot already says: one page.
    """
    page = 1
    for slot in slots:
        if slot.part is not None:
            slot.count = slot.part.pages
        elif slot.section is not None and slot.section.count:
            slot.count = slot.section.count
        elif slot.count == 0:
            slot.count = 1
        slot.first = page
        page += slot.count
    return page - 1


def _pack_stamps(label: str, total: int) -> list[str]:
    return [f"{label} — page {n} of {total}" for n in range(1, total + 1)]


def _assemble(slots: list[_Slot], drawn_pdf: bytes, stamps: list[str], meta: dict[str, str], tmp: Path,
              steps: _Steps) -> None:
    """Put the drawn pages and the papers' in the pack's order, stamp every page, add the bookmarks, write ``tmp``.

    ``drawn_pdf`` holds the drawn sections' pages (each section's ``first``/``count`` says where);
    ``stamps`` has the stamp of every page of the pack, in order.
    """
    import pikepdf
    from pikepdf import Name

    from mqp_desktop.exporters.pack_merge import Stamper
    from mqp_desktop.exporters.pdf_document import set_language

    drawn = pikepdf.Pdf.open(io.BytesIO(drawn_pdf))
    pdf = pikepdf.Pdf.new()
    # The pages are copied with qpdf and the page tree's /Kids written once at the end: pikepdf adds a
    # page at a time in time proportional to the pages already there (a 600-page pack took three times
    # as long as a 300-page one); this stays proportional to the pages.
    tree = pdf.Root.Pages
    kids: list = []

    def take(pages) -> None:
        for page in pages:
            copy = pdf.copy_foreign(page.obj)
            copy.Parent = tree
            kids.append(copy)

    version = drawn.pdf_version
    for slot in slots:
        section = slot.section
        if section is not None:
            take(drawn.pages[section.first:section.first + section.count])
            continue
        part = slot.part
        if part is None:  # pragma: no cover - every slot is drawn or a document
            continue
        steps(f"Numbering the pages of {part.reference} ({part.file_name})")
        try:
            take(part.reader.pages)
        except Exception as exc:  # noqa: BLE001 - qpdf fails in many ways on damaged content; name the paper
            if isinstance(part, _Record):  # pragma: no cover - we drew it
                raise PackError(f"The {part.reference.lower()} could not be put in the pack ({exc}).",
                                "Please report it.") from None
            raise _paper_error(part.paper, part.line, part.reference, part.info.file_name,
                               f"is a damaged PDF: its pages cannot be copied ({type(exc).__name__}: {exc}).",
                               "Ask the author to send it again (or print it to a new PDF), attach the new file, "
                               "and build the pack again.") from None
        version = max(version, part.reader.pdf_version, key=lambda v: tuple(int(x) for x in v.split(".")))
    tree.Kids = pikepdf.Array(kids)
    tree.Count = len(kids)
    stamper = Stamper(pdf)
    where = [w for slot in slots for w in (slot.part.placements if slot.part is not None else
                                          [None] * slot.section.count)]
    for page, text, place in zip(kids, stamps, where, strict=True):  # pikepdf's page list would look each up
        stamper.stamp(page, text, place)
    _bookmarks(pdf, slots, kids)
    pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary(meta))
    pdf.Root.PageMode = Name.UseOutlines
    set_language(pdf)  # the papers' own /Lang goes with their catalogues: the pack's is its own
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    steps("Writing the pack")
    try:
        # The papers' streams go through as they are (not decoded and compressed again) and ours are
        # compressed already: qpdf writes the pack at about the speed pdfunite copies the papers.
        pdf.save(tmp, min_version=version, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none)
    except pikepdf.PdfError as exc:
        raise PackError(f"The pack could not be written: one of the papers is a damaged PDF ({exc}).",
                        "Open each paper; ask the author of the one that does not open to send it again, "
                        "attach the new file, and build the pack again.") from None


def _bookmarks(pdf, slots: list[_Slot], kids: list) -> None:
    """The pack's bookmarks: one per slot (under its parent's when it has one), open, each going to the slot's
    first page. Written as the dictionaries pikepdf's outline writer makes (/Count on every item: the open
    bookmarks under it, 0 on a leaf), directly: its general writer took a millisecond for sixty-odd."""
    from pikepdf import Array, Dictionary, Name

    under: dict[int, list[tuple[_Slot, Any]]] = {}
    for slot in slots:
        mark = pdf.make_indirect(Dictionary(Title=slot.title, Dest=Array([kids[slot.first - 1], Name.Fit])))
        under.setdefault(id(slot.parent) if slot.parent is not None else 0, []).append((slot, mark))

    def hang(parent, key: int) -> int:
        """Hang the bookmarks of the slots under ``key`` on ``parent``; how many are shown under it."""
        marks = under.get(key, [])
        shown = 0
        for n, (slot, mark) in enumerate(marks):
            mark.Parent = parent
            if n:
                mark.Prev = marks[n - 1][1]
            if n + 1 < len(marks):
                mark.Next = marks[n + 1][1]
            below = mark.Count = hang(mark, id(slot))
            shown += 1 + below
        if marks:
            parent.First, parent.Last = marks[0][1], marks[-1][1]
        return shown

    root = pdf.make_indirect(Dictionary(Type=Name.Outlines))
    root.Count = hang(root, 0)
    pdf.Root.Outlines = root


def _write_pack(path: Path, build: Callable[[Path], None]) -> Path:
    """Run ``build(tmp)`` on a temporary file beside ``path``; replace ``path`` only when it succeeds."""
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFileError(f"The folder '{folder}' does not exist.", "Choose an existing folder for the pack.")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".pdf.part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise write_error(path, exc) from exc
    tmp = Path(name)
    try:
        build(tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(path, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _finish(tmp: Path, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(path, exc) from exc


def _lay_out(slots: list[_Slot], flowing: list[_Slot], make_flowing: Callable[[], None], sheets: Callable[[], None],
             meta: dict[str, str]) -> tuple[bytes, int]:
    """Draw the pack's own pages in one pass; (drawn PDF, total pages).

    ``flowing`` slots (agenda, action log; their sections made by ``make_flowing()``) are laid out first,
    their length found by laying them out; then ``sheets()`` makes the other drawn sections (cover,
    contents, dividers …) with every page number known, taking each as one page (the contents as
    many as foreseen). If one ran over a page (a very long title, say), the
    numbers it assumed were wrong: it is drawn again with the page counts now known.
    """
    from reportlab.platypus.doctemplate import LayoutError

    flowing_ids = {id(s) for s in flowing}
    assumed: list[int] = []

    def then() -> list[pages.Section]:
        _layout(slots)
        assumed[:] = [s.count for s in slots]  # what the sheets are written with
        sheets()
        return [s.section for s in slots if s.section is not None and id(s) not in flowing_ids]

    for _ in range(MAX_LAYOUT_PASSES):
        make_flowing()  # afresh each pass: a flowable is laid out once
        try:
            drawn = pages.draw_sections([s.section for s in flowing], title=meta["/Title"],
                                        author=meta["/Author"], subject=meta["/Subject"], then=then)
        except LayoutError as exc:  # a row of the agenda or action log taller than a page
            raise PackError("Part of the agenda or the action log is too long to fit on a page "
                            f"({str(exc).split(' with cell')[0].split(' too large')[0]}).",
                            "Shorten the longest item title or action text, and build the pack again.") from None
        total = _layout(slots)
        if [s.count for s in slots] == assumed:
            return drawn, total
    raise PackError("The pack's pages would not settle into a fixed numbering (a bug).",  # pragma: no cover
                    "Please report it with the meeting's agenda.")


def _contents_records(slots: list[_Slot]) -> list[dict]:
    out = []
    for slot in slots:
        record = {"kind": slot.kind, "title": slot.title, "number": slot.number, "reference": slot.reference,
                  "first_page": slot.first, "last_page": slot.first + slot.count - 1}
        part = slot.part
        if part is None and slot.kind == "separately":
            part = getattr(slot, "_separately_part", None)
        if isinstance(part, _Record):
            record.update(part.facts)
        elif part is not None:
            record.update({"paper_id": part.paper.id, "document_id": part.info.id, "sha256": part.info.sha256,
                           "file_name": part.info.file_name, "converted_with": part.converted_with,
                           "active_content_removed": list(part.active), "repaired": bool(part.repaired)})
        out.append(record)
    return out


def _separately_record(part: _Part, slot: _Slot) -> dict:
    return {"paper_id": part.paper.id, "number": part.line.number, "reference": part.reference,
            "title": part.paper.title, "document_id": part.info.id, "sha256": part.info.sha256,
            "file_name": part.info.file_name, "size": part.info.size, "reason": part.separately,
            "page": slot.first}


def build_pack(store: Store, meeting_id: int, path, *, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None, save: bool = True) -> PackResult:
    """Build the meeting's pack at ``path`` (see the module's docstring); returns what it holds."""
    sheet = agenda_sheet(store, meeting_id)
    meeting = sheet.meeting
    path = Path(path).expanduser()
    items = [(line, line.papers) for line in sheet.lines if line.papers]
    with_files = [(line, p) for line, papers in items for p in papers if not p.to_follow]
    steps = _Steps(progress, cancelled, 2 * len(with_files) + 2 + (1 if save else 0))
    converters = _Converters()
    parts: dict[int, _Part] = {}
    for line, sp in with_files:
        parts[sp.paper.id] = _read_part(store, sp.paper, line, sp.reference, converters, steps)
    steps("Laying out the cover, contents, agenda and dividers")

    prior = previous_meeting(store, meeting)
    record = previous_minutes(store, prior)
    log_rows = pack_actions.action_log_rows(store, meeting)
    cover, contents_slot, agenda_slot = _Slot("cover", "Cover"), _Slot("contents", "Contents"), _Slot("agenda", "Agenda")
    slots: list[_Slot] = [cover, contents_slot, agenda_slot]
    since = f" of {long_date(prior.date)}" if prior else ""
    if record is not None:  # merged and stamped like a paper
        draft = record.facts["status"] == "draft"
        minutes_slot = _Slot("minutes", f"Minutes of the previous meeting{since}" + (" (draft)" if draft else ""),
                             part=record)
        minutes_note = "Draft, not yet approved" if draft else f"Approved (revision {record.facts['revision']})"
    else:
        minutes_slot = _Slot("minutes", f"Minutes of the previous meeting{since} (to follow)",
                             section=pages.to_follow_section("minutes", [
                                 (f"Minutes of the previous meeting{since}",
                                  "To follow: the draft minutes will be circulated separately."),
                             ]))
        minutes_note = "To follow"
    action_slot = _Slot("action_log", "Action log")
    overdue = sum(1 for r in log_rows if r.overdue)
    log_note = (f"{len(log_rows)} open action{'s' if len(log_rows) != 1 else ''}"
                + (f", {overdue} overdue" if overdue else "")) if log_rows else "No open actions"
    slots += [minutes_slot, action_slot]
    divider_of: dict[int, _Slot] = {}
    for line, papers in items:
        divider = divider_of[line.item_id] = _Slot("divider", f"Item {line.number}: {line.title}", number=line.number)
        slots.append(divider)
        for sp in papers:
            part = parts.get(sp.paper.id)
            if part is None:
                continue
            if part.separately:
                slot = _Slot("separately", f"{sp.reference}: {sp.paper.title} (circulated separately)",
                             number=line.number, reference=sp.reference, parent=divider)
                slot._separately_part = part  # type: ignore[attr-defined]
                slot.section = pages.separately_section(
                    f"separately:{sp.paper.id}", sp.reference, sp.paper.title, part.info.file_name,
                    _human_size(part.info.size), part.separately)
            else:
                slot = _Slot("paper", f"{sp.reference}: {sp.paper.title}", part=part, number=line.number,
                             reference=sp.reference, parent=divider)
            slots.append(slot)

    label = sheet.stamp_label
    meta = {"/Title": f"Meeting pack — {sheet.subcommittee} — {sheet.date_text}",
            "/Author": sheet.partnership or sheet.subcommittee,
            "/Subject": f"Agenda and papers for the {in_sentence(sheet.title)} of the {sheet.subcommittee}",
            "/Keywords": "meeting pack; agenda; papers", "/Creator": "MQ&P Desktop"}

    def placed_papers():
        """Per item with papers: its line, its divider, and per paper (paper, its slot or None, sign-off)."""
        by_item: dict[int, dict[str, _Slot]] = {}
        for slot in slots:
            if slot.parent is not None:
                by_item.setdefault(id(slot.parent), {})[slot.reference] = slot
        for line, papers in items:
            divider = divider_of[line.item_id]
            placed = by_item.get(id(divider), {})
            yield line, divider, [(sp, placed.get(sp.reference), *_sign_off(sp.paper)) for sp in papers]

    numbers: dict[str, str] = {}

    def key(slot: _Slot) -> str:
        return f"\x00{id(slot)}"

    def contents_lines() -> list[pages.ContentsLine]:
        """The contents, each page number a key in ``numbers`` (see ``sheets``)."""
        lines = [
            pages.ContentsLine(0, "", "Agenda", key(agenda_slot)),
            pages.ContentsLine(0, "", f"Minutes of the previous meeting{since}", key(minutes_slot),
                               minutes_note),
            pages.ContentsLine(0, "", "Action log", key(action_slot), log_note),
        ]
        for line, divider, papers in placed_papers():
            lines.append(pages.ContentsLine(0, line.number, line.title, key(divider)))
            for sp, slot, _, ok in papers:
                if slot is None:
                    lines.append(pages.ContentsLine(1, sp.reference, sp.paper.title, "", "To follow"))
                elif slot.kind == "separately":
                    lines.append(pages.ContentsLine(1, sp.reference, sp.paper.title, key(slot),
                                                    "Circulated separately, attached to the email"))
                else:
                    extra = f"{slot.part.pages} page{'s' if slot.part.pages != 1 else ''}"
                    lines.append(pages.ContentsLine(1, sp.reference, sp.paper.title, key(slot),
                                                    extra + ("" if ok else " · not yet signed off")))
        return lines

    def make_flowing() -> None:
        agenda_slot.section = pages.agenda_section(sheet)
        action_slot.section = pack_actions.action_log_section(log_rows, sheet.date_text)

    # The contents names pages, so it is drawn once the pages before it are counted; it is laid out
    # now, its length foreseen (the numbers do not change it) and checked once drawn.
    contents = pages.contents_section(contents_lines(), numbers=numbers)
    contents_slot.count = pages.predict_pages(contents)

    def sheets() -> None:
        """The cover, the contents and the dividers, which name pages: made once the pages before them are
        counted."""
        numbers.update({key(slot): str(slot.first) for slot in slots})
        contents_slot.section = contents
        unsigned, following, apart, scrubbed = [], [], [], []
        n_papers = n_paper_pages = 0
        for line, divider, papers in placed_papers():
            notes = []
            for sp, slot, sign_off, ok in papers:
                if not ok:
                    unsigned.append(sp.reference)
                if slot is None:
                    following.append(f"{sp.reference} ({sp.paper.title})")
                    notes.append(pages.PaperNote(sp.reference, sp.paper.title, sp.paper.author_name,
                                                 "to follow: not received yet", "", True))
                elif slot.kind == "separately":
                    apart.append(f"{sp.reference} ({slot._separately_part.info.file_name})")  # type: ignore[attr-defined]
                    notes.append(pages.PaperNote(sp.reference, sp.paper.title, sp.paper.author_name,
                                                 f"circulated separately, attached to the email (see page {slot.first})",
                                                 sign_off, ok))
                else:
                    n_papers += 1
                    n_paper_pages += slot.count
                    if slot.part.active:
                        scrubbed.append(sp.reference)
                    notes.append(pages.PaperNote(sp.reference, sp.paper.title, sp.paper.author_name,
                                                 _pages_text(slot), sign_off, ok, note=_active_note(slot.part)))
            divider.section = pages.divider_section(f"divider:{line.item_id}", line.number, line.title,
                                                    _facts(line), notes)
        total = sum(s.count for s in slots)
        top_items = sum(1 for line in sheet.lines if line.depth == 0)
        minutes_words = ("the minutes of the previous meeting (to follow)" if record is None else
                         f"the {'draft ' if record.facts['status'] == 'draft' else 'approved '}minutes of the "
                         f"previous meeting, {_pages_text(minutes_slot)}")
        summary = [(f"The agenda ({top_items} items), page {agenda_slot.first}; {minutes_words}; the action log "
                    f"({log_note.lower()}), page {action_slot.first}."),
                   (f"{n_papers} paper{'s' if n_papers != 1 else ''} ({n_paper_pages} page"
                    f"{'s' if n_paper_pages != 1 else ''}), each behind a divider naming its item.")]
        if following:
            summary.append("To follow: " + "; ".join(following) + ".")
        if apart:
            summary.append("Circulated separately with the email: " + "; ".join(apart) + ".")
        if unsigned:
            summary.append("Not yet signed off by a senior manager (ToR 14): " + ", ".join(unsigned) + ".")
        if scrubbed:
            summary.append("Active content (scripts, embedded files, links to programs or files) was removed from "
                           "the copy in this pack of " + ", ".join(scrubbed) + "; see "
                           + ("its divider." if len(scrubbed) == 1 else "their dividers."))
        summary.append(f"{total} pages in all, numbered at the foot of every page; the PDF's bookmarks lead to "
                       "each item and paper.")
        cover.section = pages.cover_section(sheet, "Meeting pack", summary,
                                            f"Pack prepared on {long_date(dt.date.today())}.")

    drawn, total = _lay_out(slots, [agenda_slot, action_slot], make_flowing, sheets, meta)
    tmp = _write_pack(path, lambda t: _assemble(slots, drawn, _pack_stamps(label, total), meta, t, steps))
    try:
        contents = _contents_records(slots)
        separately = [_separately_record(s._separately_part, s) for s in slots  # type: ignore[attr-defined]
                      if s.kind == "separately"]
        pack_id = None
        if save:
            steps("Saving the pack with the meeting")
            saved = store.agendas.save_pack(meeting_id, tmp.read_bytes(), file_name=path.name, page_count=total,
                                            contents={"sections": contents, "separately": separately})
            pack_id = saved.id
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _finish(tmp, path)
    return PackResult(path=path, page_count=total, contents=contents, separately=separately, pack_id=pack_id)


def build_supplement(store: Store, meeting_id: int, path, *, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None,
                     numbers: list[int] | None = None) -> PackResult:
    """Late papers as supplements: per supplement a cover and its paper, pages numbered S1-1, S1-2 …

    ``numbers`` chooses supplements (default: every supplement with a file). The pack is not renumbered
    and not rebuilt; the supplement is not stored as a pack (pack_id is None).
    """
    sheet = agenda_sheet(store, meeting_id)
    path = Path(path).expanduser()
    agenda = store.agendas.agenda(meeting_id)
    chosen: list[tuple[SheetLine, Any]] = []
    for line in sheet.lines:
        for sp in sheet_papers(agenda.papers.get(line.item_id, ()), sheet.references, supplements=True):
            if numbers is None or sp.paper.supplement in numbers:
                chosen.append((line, sp))
    ready = [(line, sp) for line, sp in chosen if not sp.to_follow]
    if not ready:
        which = "" if numbers is None else " " + ", ".join(str(n) for n in numbers)
        raise PackError(f"The {in_sentence(sheet.title)} has no supplement{which} with a file to circulate.",
                        "Make the late paper a supplement ('mqp papers supplement PAPER') and attach its file.")
    steps = _Steps(progress, cancelled, 2 * len(ready) + 2)
    converters = _Converters()
    parts = [(_read_part(store, sp.paper, line, sp.reference, converters, steps), sp) for line, sp in ready]
    steps("Laying out the supplement")
    ready.sort(key=lambda pair: pair[1].paper.supplement)
    parts.sort(key=lambda pair: pair[1].paper.supplement)

    groups: list[list[_Slot]] = []
    for part, sp in parts:
        n = sp.paper.supplement
        cover = _Slot("supplement", f"Supplement {n}: {sp.paper.title}", number=part.line.number,
                      reference=sp.reference)
        sign_off, ok = _sign_off(sp.paper)
        facts = [("Meeting", f"{sheet.title} ({sheet.subcommittee})"), *_facts(part.line)]
        if part.separately:
            paper_slot = _Slot("separately", f"{sp.reference}: {sp.paper.title} (circulated separately)",
                               number=part.line.number, reference=sp.reference, parent=cover)
            paper_slot._separately_part = part  # type: ignore[attr-defined]
            paper_slot.section = pages.separately_section(f"separately:{sp.paper.id}", sp.reference, sp.paper.title,
                                                          part.info.file_name, _human_size(part.info.size),
                                                          part.separately)
            note = "Circulated separately, attached to the email"
        else:
            paper_slot = _Slot("paper", f"{sp.reference}: {sp.paper.title}", part=part, number=part.line.number,
                               reference=sp.reference, parent=cover)
            note = f"{part.pages} page{'s' if part.pages != 1 else ''}"
        cover.section = pages.divider_section(
            f"supplement:{n}", part.line.number, part.line.title, facts,
            [pages.PaperNote(sp.reference, sp.paper.title, sp.paper.author_name, note, sign_off, ok,
                             part.info.file_name, note=_active_note(part))],
            heading=f"Supplement {n} to the meeting pack")
        groups.append([cover, paper_slot])

    label = sheet.stamp_label
    slots = [s for g in groups for s in g]
    meta = {"/Title": f"Supplement — {sheet.subcommittee} — {sheet.date_text}",
            "/Author": sheet.partnership or sheet.subcommittee,
            "/Subject": f"Late papers for the {in_sentence(sheet.title)} of the {sheet.subcommittee}",
            "/Keywords": "meeting pack supplement; papers", "/Creator": "MQ&P Desktop"}

    # Each supplement is numbered on its own (S1-1 …); nothing drawn names a page, so one pass does.
    drawn = pages.draw_sections([s.section for s in slots if s.section is not None], title=meta["/Title"],
                                author=meta["/Author"], subject=meta["/Subject"])
    total = _layout(slots)
    stamps: list[str] = [""] * total
    own: dict[int, tuple[int, int, int]] = {}
    for group in groups:
        n = group[0].title.split(":")[0].removeprefix("Supplement ")
        start = group[0].first
        length = sum(s.count for s in group)
        for k in range(length):
            stamps[start - 1 + k] = f"{label} — Supplement {n}, page S{n}-{k + 1} of S{n}-{length}"
            own[start + k] = (int(n), k + 1, length)
    tmp = _write_pack(path, lambda t: _assemble(slots, drawn, stamps, meta, t, steps))
    contents = []
    for record, slot in zip(_contents_records(slots), slots, strict=True):
        n, k, length = own[slot.first]
        record["first_page"] = f"S{n}-{k}"
        record["last_page"] = f"S{n}-{k + slot.count - 1}"
        record["supplement"] = n
        contents.append(record)
    separately = [_separately_record(s._separately_part, s) for s in slots  # type: ignore[attr-defined]
                  if s.kind == "separately"]
    for record in separately:
        n, k, _ = own[record["page"]]
        record["page"] = f"S{n}-{k}"
    _finish(tmp, path)
    return PackResult(path=path, page_count=total, contents=contents, separately=separately, pack_id=None)


__all__ = ["PackCancelled", "PackError", "PackResult", "build_pack", "build_supplement", "previous_meeting",
           "previous_minutes"]
