"""Case references: a case is recorded by its reference only, never by a child's name.

Multi-agency audits (ToR 8) and, later, case reviews (ToR 7.7) list the cases they looked at.
What is typed there is read in meetings, printed in packs and kept for years, so it must not
identify a child: :func:`check_case_reference` refuses what looks like a person's name and says
why and what to enter instead. It is a guard against the common slip (typing the name one has in
mind), not a proof: a reference that is a code with a number in it is accepted.

Accepted:

* a code with at least one digit — ``LCSPR-2024-03``, ``MAA-17-C4``, ``CR-2025-014``,
  ``12345678`` (a case-management number), ``ABC/2024/17``, ``Mosaic 1234567``;
* the anonymised form of published reviews — ``Child A``, ``Baby B``, ``Family C``, ``Sibling D2``
  (one of those words and a single letter, with digits if wanted).

Refused, with the reason:

* two or more words written like names (``Jayden Smith``, ``jayden smith 2``, ``Smith-Jones 2024``:
  a capitalised or all-lowercase word of two letters or more next to another), a name after a
  title or "baby" (``baby Smith``, ``Mr Smith``), an initial and a surname (``J. Smith``,
  ``J Smith``), "surname, forename" (``Smith, Jayden``);
* anything without a digit (``Smith``, ``Jayden``, ``JAYDEN SMITH``);
* an email address, characters other than letters, digits, spaces and ``- / . _ #``, and text longer
  than :data:`MAX_LENGTH`.

The reference is returned tidied (spaces trimmed and runs of spaces made one); letters keep the case
they were typed in.
"""

from __future__ import annotations

import re

from mqp_desktop.domain.validation import ValidationError

FIELD = "reference"
MAX_LENGTH = 40
EXAMPLES = "LCSPR-2024-03 or MAA-17-C4"
ENTER_INSTEAD = (f"Enter the case's reference from the case record or the audit's own list instead, e.g. {EXAMPLES}"
                 " — never a child's name.")

# Words that, followed by one capital letter, anonymise a case in published reviews ("Child A").
ANONYMISED_WORDS = ("child", "baby", "infant", "family", "sibling", "young person", "adult", "case", "parent")
_ANONYMISED = re.compile(
    r"^(?:" + "|".join(w.replace(" ", r"\s") for w in ANONYMISED_WORDS) + r")\s[A-Z][0-9]*$",
    re.IGNORECASE,
)
# A word written as a name is written: Capitalised (Smith, O'Neil, McDonald, Smith's) or all lower case
# (smith); a surname in capitals (SMITH), as police and social care records often write it.
_NAME = r"(?:[A-Z][a-z]+|[A-Z]['’][A-Z][a-z]+|[a-z]{2,})(?:[A-Z][a-z]+|['’][a-z]+)*"
_UPPER = r"[A-Z]{2,}(?:['’][A-Z]+)?"
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![A-Za-z0-9_'’])", r"(?![A-Za-z0-9_'’])"
_TWO_NAME_WORDS = re.compile(rf"{_EDGE_BEFORE}{_NAME}(?:\s+|\s*-\s*){_NAME}{_EDGE_AFTER}")
_NAME_AND_CAPITALS = re.compile(rf"{_EDGE_BEFORE}(?:{_NAME}\s+{_UPPER}|{_UPPER}\s+{_NAME}){_EDGE_AFTER}")
# Words that come before a person's name.
TITLES = ("baby", "mr", "mrs", "ms", "miss", "mx", "master", "dr", "child", "boy", "girl", "infant")
_TITLE_THEN_NAME = re.compile(r"^(?:" + "|".join(TITLES) + r")\.?\s+[A-Za-z][A-Za-z'’]+", re.IGNORECASE)
_INITIAL_THEN_NAME = re.compile(
    rf"{_EDGE_BEFORE}[A-Z](?:(?:\.\s*|\s+){_NAME}|(?:\.?\s+)[A-Z]{{3,}}(?:['’][A-Z]+)?){_EDGE_AFTER}")
_SURNAME_COMMA_NAME = re.compile(r"^[A-Za-z][A-Za-z'’-]+\s*,\s*[A-Za-z]")
_ALLOWED = re.compile(r"^[A-Za-z0-9 \-/._#]+$")
_EMAIL = re.compile(r"\S@\S")


def _refuse(text: str, why: str) -> ValidationError:
    return ValidationError(FIELD, f"'{text}' {why}. {ENTER_INSTEAD}")


def is_anonymised(text: str) -> bool:
    """True for the anonymised form of published reviews: 'Child A', 'Baby B', 'Family C2'."""
    return bool(_ANONYMISED.match(" ".join((text or "").split())))


def check_case_reference(text: str | None) -> str:
    """The reference, tidied; :class:`ValidationError` (field ``reference``) when it looks like a
    name or is not a reference (see the module docstring for what is accepted and refused)."""
    tidy = " ".join((text or "").split())
    if not tidy:
        raise ValidationError(FIELD, f"The case reference is empty. Enter the case's reference, e.g. {EXAMPLES}.")
    shown = tidy if len(tidy) <= 60 else tidy[:57] + "..."
    if len(tidy) > MAX_LENGTH:
        raise _refuse(shown, f"is {len(tidy)} characters long: a case reference is a short code of at most "
                             f"{MAX_LENGTH} characters")
    if is_anonymised(tidy):
        return tidy
    if _EMAIL.search(tidy):
        raise _refuse(shown, "looks like an email address, which can identify a person")
    if _SURNAME_COMMA_NAME.match(tidy):
        raise _refuse(shown, "looks like a person's name written surname first, then a comma and the forename")
    if _TITLE_THEN_NAME.match(tidy):
        raise _refuse(shown, f"looks like a person's name after '{tidy.split(None, 1)[0]}'")
    if _INITIAL_THEN_NAME.search(tidy):
        raise _refuse(shown, "looks like an initial and a surname, which can identify a child")
    if _TWO_NAME_WORDS.search(tidy) or _NAME_AND_CAPITALS.search(tidy):
        raise _refuse(shown, "has two words written like a forename and a surname, so it looks like a person's name")
    if not any(c.isdigit() for c in tidy):
        raise _refuse(shown, "has no number in it, so it looks like a name rather than a case reference")
    if not _ALLOWED.match(tidy):
        bad = next(c for c in tidy if not _ALLOWED.match(c))
        raise ValidationError(
            FIELD, f"'{shown}' has '{bad}' in it: a case reference uses only letters, digits, spaces and - / . _ #, "
                   f"e.g. {EXAMPLES}.")
    return tidy
