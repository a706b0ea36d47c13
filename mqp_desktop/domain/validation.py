"""Checking what people type or import: emails, dates, phone numbers.

Every check raises :class:`ValidationError` naming the field, the problem and
what to do, in words an officer can act on.
"""

from __future__ import annotations

import datetime as dt
import re


class ValidationError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


# Deliberately practical: one @, a dot in the domain, no spaces. Real
# deliverability can only be tested by sending.
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{6,20}(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$", re.IGNORECASE)

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")


def clean_email(value: str, field: str = "email", *, required: bool = False) -> str:
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(field, f"The {field} is empty: enter an address such as name@agency.gov.uk.")
        return ""
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not _EMAIL.match(text) or ".." in text:
        raise ValidationError(
            field,
            f"'{text}' is not a valid email address: it should look like name@agency.gov.uk.",
        )
    return text


def clean_phone(value: str, field: str = "phone") -> str:
    text = (value or "").strip()
    if text and not _PHONE.match(text):
        raise ValidationError(
            field,
            f"'{text}' is not a phone number: use digits, spaces and an optional leading +, e.g. 020 8871 6000.",
        )
    return text


def parse_date(value: object, field: str = "date", *, required: bool = False) -> dt.date | None:
    """A date from a ``date``/``datetime`` or text in ISO or UK day-first form."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, f"The {field} is empty: enter a date such as 2024-03-31.")
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(
        field,
        f"'{text}' is not a date: write it as YYYY-MM-DD (2024-03-31) or DD/MM/YYYY (31/03/2024).",
    )


def check_date_order(start: dt.date | None, end: dt.date | None, what: str = "membership") -> None:
    if start and end and end < start:
        raise ValidationError(
            "end_date",
            f"The {what} ends ({end:%d/%m/%Y}) before it starts ({start:%d/%m/%Y}): correct one of the dates.",
        )


# Characters that have no place in one line of text: ASCII controls (line breaks and tabs among them),
# Unicode's line and paragraph separators and next-line, and the direction overrides that make text
# show other than it reads.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean_line(value: str | None, field: str, label: str) -> str:
    """One line of text (a venue, a link): trimmed; a line break, tab or other control character refused.

    A pasted line break would end the calendar entry's line early (an .ics file is made of lines) and
    split a one-line field on every page it is printed on.
    """
    text = (value or "").strip()
    bad = _NOT_ONE_LINE.search(text)
    if bad is not None:
        breaks = {"\n": "a line break", "\r": "a line break", "\u2028": "a line break", "\x85": "a line break",
                  "\u2029": "a paragraph break"}
        what = breaks.get(bad.group()) or ("a tab" if bad.group() == "\t" else "a hidden control character")
        fix = ("it must be one line: type it again on one line, or paste it without the break."
               if bad.group() in breaks else "type it again without it.")
        before = text[:bad.start()][-30:]
        where = f" (after '{before}')" if before else " (at the start)"
        raise ValidationError(field, f"{label} has {what} in it{where}: {fix}")
    return text


def require_text(value: str, field: str, label: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, f"{label} is required.")
    return text
