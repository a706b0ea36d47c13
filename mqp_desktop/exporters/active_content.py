"""Active content in a paper's PDF, removed from the copy that goes in the meeting pack.

A PDF can carry more than pages: JavaScript (run when it opens, when a page opens, when a form
field is touched), actions that start a program (``/Launch``), send form data somewhere
(``/SubmitForm``), read data in (``/ImportData``) or open other files (``/GoToR``, ``/GoToE``),
links to local files or network shares (``file:``, ``\\\\server\\share``: opening one can hand the
reader's Windows credentials to whoever runs the server), files embedded in it (``/EmbeddedFiles``,
file attachment annotations) and multimedia (RichMedia, 3D, Movie, Sound and Screen annotations,
rendition actions). None of it belongs in a pack sent to thirty senior officers, and a paper comes
from outside the partnership's business team.

:func:`remove_active_content` takes all of it out of a :class:`pikepdf.Pdf` opened from the
paper's stored bytes — the pack's working copy; the stored document itself is never changed (a
paper's file is kept exactly as received, so a circulated pack stays provable) — and says what it
removed, in words for the divider sheet and the build log.

What stays: the pages and what they show, text notes and other markup annotations, links within
the paper (``/GoTo``), the four page-turning ``/Named`` actions, and **plain web and email links**
(``http:``, ``https:``, ``mailto:``) — papers cite guidance (Working Together, inspection reports)
that members follow from the pack, and a PDF reader asks before it opens a web page; a web link
runs nothing on the reader's computer. Any other action is removed: the rule is a list of what is
allowed, not of what is known to be bad.

How: a walk from every page (its additional actions and its annotations) and from the document's
catalogue, following from an annotation every reference — its actions and their /Next chains, the
form fields behind a widget, popups, file specifications — except appearance streams, resources and
boxes, which cannot hold actions: what qpdf copies into the pack with each page. Each object is
looked at once, so the cost grows with the pages and annotations, not with the size of the paper's
content (30 ten-page papers: a few milliseconds).
"""

from __future__ import annotations

from typing import Any

# What was found, in the words the divider and the build log use, in the order they are listed.
JAVASCRIPT = "JavaScript"
LAUNCH = "actions that start a program or open a file"
SUBMIT = "form actions that send data"
IMPORT = "actions that import data"
OTHER_FILES = "links that open other files"
LOCAL_LINKS = "links to files or network shares"
EMBEDDED = "embedded files"
MULTIMEDIA = "multimedia (video, sound, 3D)"
AUTOMATIC = "actions run automatically (on opening, on a page, in a form field)"
OTHER = "other actions"
ORDER = (JAVASCRIPT, LAUNCH, SUBMIT, IMPORT, OTHER_FILES, LOCAL_LINKS, EMBEDDED, MULTIMEDIA, AUTOMATIC, OTHER)

WEB_SCHEMES = ("http://", "https://", "mailto:")
SAFE_NAMED = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
_BY_ACTION = {
    "/JavaScript": JAVASCRIPT, "/Launch": LAUNCH, "/SubmitForm": SUBMIT, "/ImportData": IMPORT,
    "/GoToR": OTHER_FILES, "/GoToE": OTHER_FILES, "/GoToDp": OTHER_FILES,
    "/Rendition": MULTIMEDIA, "/Movie": MULTIMEDIA, "/Sound": MULTIMEDIA, "/RichMediaExecute": MULTIMEDIA,
    "/GoTo3DView": MULTIMEDIA,
}
_DROPPED_ANNOTATIONS = {"/FileAttachment": EMBEDDED, "/RichMedia": MULTIMEDIA, "/Movie": MULTIMEDIA,
                        "/Sound": MULTIMEDIA, "/Screen": MULTIMEDIA, "/3D": MULTIMEDIA}
# Keys never followed: what a page shows (content, resources, appearance streams, thumbnails: no
# actions live there), the page tree upwards, and document parts qpdf does not copy with a page and
# that hold no actions (the structure tree's /A are attributes, not actions).
_NOT_FOLLOWED = {"/Contents", "/Resources", "/AP", "/Thumb", "/Metadata", "/PieceInfo", "/Group",
                 "/StructTreeRoot", "/MarkInfo", "/ViewerPreferences", "/OutputIntents", "/DSS", "/Perms",
                 "/Font", "/XObject", "/ColorSpace", "/ExtGState", "/Pattern", "/Shading", "/Length",
                 "/Rect", "/QuadPoints", "/Border", "/C", "/IC", "/BS", "/MK", "/DA", "/MediaBox", "/CropBox",
                 "/Pages", "/Outlines"}
# (/Outlines: the pack makes its own bookmarks and never copies a paper's, and a long outline is a
# chain of thousands of /Next links.)
MAX_DEPTH = 200


def _name(value: Any) -> str:
    try:
        return str(value) if value is not None else ""
    except Exception:  # noqa: BLE001 - a damaged object: no name
        return ""


def _text(value: Any) -> str:
    try:
        return bytes(value).decode("latin-1") if value is not None else ""
    except Exception:  # noqa: BLE001
        return str(value)


def _key(obj: Any, key: str) -> Any:
    """``obj[key]``, or None when it has no such key. Tested with ``in`` first: pikepdf's ``get`` of a missing
    key raises and catches inside, slowly, and a clean paper lacks most of the keys looked for."""
    return obj[key] if key in obj else None  # noqa: SIM401 - get() is the slow path here


def _web_link(uri: str) -> bool:
    return uri.strip().lower().startswith(WEB_SCHEMES)


class _Remover:
    def __init__(self, pdf):
        import pikepdf

        self.pikepdf = pikepdf
        self.Dictionary, self.Array, self.Stream = pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream
        self.pdf = pdf
        self.found: dict[str, int] = {}
        self.seen: set[tuple[int, int]] = set()

    def note(self, what: str) -> None:
        self.found[what] = self.found.get(what, 0) + 1

    def is_dict(self, obj: Any) -> bool:
        return isinstance(obj, (self.Dictionary, self.Stream))

    # --- actions ---------------------------------------------------------------------------
    def unsafe(self, action: Any, depth: int = 0) -> set[str]:
        """What is wrong with an action (and the actions its /Next chain runs): empty when it may stay."""
        if isinstance(action, self.Array):  # a destination (page and fit), not an action
            return set()
        if not self.is_dict(action) or depth > 20:
            return {OTHER} if action is not None else set()
        kind = _name(action.get("/S"))
        problems: set[str] = set()
        if "/JS" in action:
            problems.add(JAVASCRIPT)
        if kind == "/URI":
            if not _web_link(_text(action.get("/URI"))):
                problems.add(LOCAL_LINKS)
        elif kind == "/Named":
            if _name(action.get("/N")) not in SAFE_NAMED:
                problems.add(OTHER)
        elif kind != "/GoTo":
            problems.add(_BY_ACTION.get(kind, OTHER))
        following = action.get("/Next")
        for step in (list(following) if isinstance(following, self.Array) else [following]):
            if step is not None:
                problems |= self.unsafe(step, depth + 1)
        return problems

    def drop_action(self, holder: Any, key: str) -> None:
        problems = self.unsafe(holder.get(key))
        if problems:
            for what in problems:
                self.note(what)
            del holder[key]

    def drop_additional_actions(self, holder: Any) -> None:
        triggers = holder.get("/AA")
        problems: set[str] = set()
        if self.is_dict(triggers):
            for key in list(triggers.keys()):
                problems |= self.unsafe(triggers.get(key))
        for what in problems or {AUTOMATIC}:
            self.note(what)
        del holder["/AA"]

    # --- the walk ------------------------------------------------------------------------------
    def clean_page(self, obj: Any) -> None:
        """A page: its additional actions, and its annotations (most pages have none: two lookups)."""
        if "/AA" in obj:
            self.drop_additional_actions(obj)
        if "/Annots" in obj:
            self.clean(obj, 0)

    def clean(self, obj: Any, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            return
        if isinstance(obj, self.Array):
            if obj.is_indirect:
                if obj.objgen in self.seen:
                    return
                self.seen.add(obj.objgen)
            for item in list(obj):
                if isinstance(item, (self.Array, self.Dictionary, self.Stream)):
                    self.clean(item, depth + 1)
            return
        if not self.is_dict(obj):
            return
        if obj.is_indirect:
            if obj.objgen in self.seen:
                return
            self.seen.add(obj.objgen)
        if "/AA" in obj:
            self.drop_additional_actions(obj)
        for key in ("/OpenAction", "/A", "/PA"):
            value = _key(obj, key)
            if self.is_dict(value) and ("/S" in value or "/JS" in value):
                self.drop_action(obj, key)
        if "/JS" in obj:
            self.note(JAVASCRIPT)
            del obj["/JS"]
        if "/EF" in obj:  # a file specification with the file inside it
            self.note(EMBEDDED)
            del obj["/EF"]
        if "/XFA" in obj:  # an XFA form (scripts and all): the pack never shows it, so it goes
            self.note(JAVASCRIPT)
            del obj["/XFA"]
        annots = _key(obj, "/Annots")
        if isinstance(annots, self.Array):
            kept = []
            for annot in annots:
                dropped = _DROPPED_ANNOTATIONS.get(_name(annot.get("/Subtype"))) if self.is_dict(annot) else None
                if dropped:
                    self.note(dropped)
                else:
                    kept.append(annot)
            if len(kept) != len(annots):
                obj.Annots = self.Array(kept)
        # A page holds actions only in its /AA (done) and its annotations: its other keys (content,
        # resources, boxes, the page tree) are not followed, which keeps a long paper quick.
        is_page_node = _name(_key(obj, "/Type")) in ("/Page", "/Pages")
        for key in (("/Annots",) if is_page_node else list(obj.keys())):
            if key in _NOT_FOLLOWED:
                continue
            value = obj.get(key)
            if isinstance(value, (self.Array, self.Dictionary, self.Stream)):
                self.clean(value, depth + 1)
        annots = _key(obj, "/Annots")
        if isinstance(annots, self.Array):  # a link whose action was removed does nothing: it goes too
            kept = [a for a in annots if not (self.is_dict(a) and _name(a.get("/Subtype")) == "/Link"
                                              and "/A" not in a and "/Dest" not in a)]
            if len(kept) != len(annots):
                obj.Annots = self.Array(kept)


def remove_active_content(pdf) -> list[str]:
    """Remove active content from ``pdf`` (a paper's working copy, opened by pikepdf); what was removed,
    in words, in a fixed order (empty when the paper had none). See the module's notes."""
    remover = _Remover(pdf)
    root = pdf.Root
    names = _key(root, "/Names")  # the document's name trees: scripts run on opening, files carried along
    if remover.is_dict(names):
        for key, what in (("/JavaScript", JAVASCRIPT), ("/EmbeddedFiles", EMBEDDED)):
            if key in names:
                remover.note(what)
                del names[key]
    remover.clean(root)
    for page in pdf.pages:
        remover.clean_page(page.obj)
    return [what for what in ORDER if what in remover.found]


def removed_words(found: list[str]) -> str:
    """'JavaScript and embedded files' — for a sentence."""
    if len(found) <= 1:
        return "".join(found)
    return ", ".join(found[:-1]) + " and " + found[-1]


__all__ = ["ORDER", "WEB_SCHEMES", "remove_active_content", "removed_words"]
