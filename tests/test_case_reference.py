"""Case references (audits now, case reviews later): a reference, never a child's name.

Hand-picked names and references first (each refusal says why and what to enter instead), then
properties over generated names and generated codes.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mqp_desktop.domain.case_reference import EXAMPLES, MAX_LENGTH, check_case_reference, is_anonymised
from mqp_desktop.domain.validation import ValidationError

ACCEPTED = [
    ("LCSPR-2024-03", "LCSPR-2024-03"),
    ("MAA-17-C4", "MAA-17-C4"),
    ("CR-2025-014", "CR-2025-014"),
    ("12345678", "12345678"),
    ("ABC/2024/17", "ABC/2024/17"),
    ("Mosaic 1234567", "Mosaic 1234567"),
    ("MAA 17 C4", "MAA 17 C4"),
    ("MAA-Neglect-17", "MAA-Neglect-17"),
    ("LSCP CIN 17", "LSCP CIN 17"),
    ("case_17.b#2", "case_17.b#2"),
    ("  MAA-17-C4 ", "MAA-17-C4"),
    ("MAA  17\tC4", "MAA 17 C4"),
    ("Child A", "Child A"),
    ("Baby B", "Baby B"),
    ("Family C2", "Family C2"),
    ("young person D", "young person D"),
    ("Child 3", "Child 3"),
]

REFUSED = [
    ("Jayden Smith", "forename and a surname"),
    ("jayden smith", "forename and a surname"),
    ("jayden smith 2", "forename and a surname"),
    ("Jayden SMITH 2015", "forename and a surname"),
    ("SMITH Jayden 2015", "forename and a surname"),
    ("Smith-Jones 2024", "forename and a surname"),
    ("O'Neil McDonald 3", "forename and a surname"),
    ("Mary-Jane Smith", "forename and a surname"),
    ("J. Smith", "initial and a surname"),
    ("J Smith", "initial and a surname"),
    ("J.Smith", "initial and a surname"),
    ("NEG-25 J SMITH", "initial and a surname"),
    ("Smith, Jayden", "surname first"),
    ("SMITH, J", "surname first"),
    ("baby Smith", "after 'baby'"),
    ("Baby Smith 2", "after 'Baby'"),
    ("Mr Smith 12", "after 'Mr'"),
    ("Child Jayden", "after 'Child'"),
    ("Smith", "no number"),
    ("Jayden", "no number"),
    ("JAYDEN SMITH", "no number"),
    ("jayden.smith@example.org 1", "email address"),
]


@pytest.mark.parametrize(("typed", "kept"), ACCEPTED)
def test_references_with_digits_or_codes_are_accepted_and_tidied(typed, kept):
    assert check_case_reference(typed) == kept


@pytest.mark.parametrize(("typed", "why"), REFUSED)
def test_what_looks_like_a_name_is_refused_saying_why_and_what_to_enter(typed, why):
    with pytest.raises(ValidationError) as caught:
        check_case_reference(typed)
    exc = caught.value
    assert exc.field == "reference"
    assert why in exc.message
    assert "LCSPR-2024-03" in exc.message and "MAA-17-C4" in exc.message  # what to enter instead
    assert "never a child's name" in exc.message


def test_an_empty_reference_is_refused_with_an_example():
    for typed in ("", "   ", None):
        with pytest.raises(ValidationError, match="empty") as caught:
            check_case_reference(typed)
        assert EXAMPLES in caught.value.message


def test_a_long_text_is_not_a_reference():
    with pytest.raises(ValidationError, match=f"at most {MAX_LENGTH} characters"):
        check_case_reference("MAA-" + "1" * MAX_LENGTH)
    assert check_case_reference("M" + "1" * (MAX_LENGTH - 1)) == "M" + "1" * (MAX_LENGTH - 1)


def test_characters_a_reference_does_not_use_are_named():
    with pytest.raises(ValidationError, match="'!'"):
        check_case_reference("MAA-17!")
    with pytest.raises(ValidationError, match="','"):
        check_case_reference("MAA-17, 18")


def test_the_anonymised_form_is_one_word_and_one_letter():
    assert is_anonymised("Child A") and is_anonymised("sibling d2")
    assert not is_anonymised("Child Jayden") and not is_anonymised("Child AB") and not is_anonymised("Smith A")


# --- properties -------------------------------------------------------------------------------

FORENAMES = st.sampled_from(["Jayden", "Amelia", "Mohammed", "Olivia", "Kacper", "Aaliyah", "Tomasz", "Grace",
                             "Oluwaseun", "Zara", "Liam", "Chloe", "Ayaan", "Mia"])
SURNAMES = st.sampled_from(["Smith", "Jones", "Okafor", "Nowak", "Patel", "O'Brien", "McDonald", "Williams",
                            "Khan", "Taylor", "Brown", "Adeyemi", "Evans", "Murphy"])
# Any capitalised word of letters is a possible name too (names are not a closed list).
ANY_NAME = st.builds(lambda first, rest: first + rest, st.sampled_from(string.ascii_uppercase),
                     st.text(string.ascii_lowercase, min_size=2, max_size=10))
NAME_WORD = st.one_of(FORENAMES, SURNAMES, ANY_NAME)


def _case(word: str, how: str) -> str:
    return {"as typed": word, "lower": word.lower(), "upper": word.upper()}[how]


@given(first=NAME_WORD, last=NAME_WORD, how=st.sampled_from(["as typed", "lower"]),
       digits=st.one_of(st.just(""), st.integers(0, 9999).map(str)), sep=st.sampled_from([" ", "  ", " - ", "-"]))
@example(first="Jayden", last="Smith", how="as typed", digits="", sep=" ")
def test_a_forename_and_surname_is_refused_with_or_without_a_number(first, last, how, digits, sep):
    text = f"{_case(first, how)}{sep}{_case(last, how)}" + (f" {digits}" if digits else "")
    with pytest.raises(ValidationError) as caught:
        check_case_reference(text)
    assert caught.value.field == "reference"


@given(first=NAME_WORD, last=NAME_WORD, digits=st.one_of(st.just(""), st.integers(0, 9999).map(str)),
       surname_first=st.booleans())
def test_a_name_with_the_surname_in_capitals_is_refused(first, last, digits, surname_first):
    words = [last.upper(), first] if surname_first else [first, last.upper()]
    with pytest.raises(ValidationError):
        check_case_reference(" ".join(words) + (f" {digits}" if digits else ""))


@given(initial=st.sampled_from(string.ascii_uppercase), last=NAME_WORD, dot=st.sampled_from([".", ". ", " "]))
def test_an_initial_and_a_surname_is_refused(initial, last, dot):
    with pytest.raises(ValidationError, match="initial"):
        check_case_reference(f"{initial}{dot}{last}")


@given(last=NAME_WORD, first=NAME_WORD)
def test_surname_comma_forename_is_refused(last, first):
    with pytest.raises(ValidationError, match="surname first"):
        check_case_reference(f"{last}, {first}")


@given(word=st.sampled_from(["baby", "Baby", "Mr", "Mrs", "Ms", "Miss", "Master", "Dr", "boy", "girl"]),
       last=NAME_WORD)
def test_a_title_or_baby_before_a_name_is_refused(word, last):
    with pytest.raises(ValidationError):
        check_case_reference(f"{word} {last}")


@given(text=st.text(string.ascii_letters + " '-", max_size=30))
def test_text_without_a_digit_is_refused_unless_it_is_the_anonymised_form(text):
    try:
        kept = check_case_reference(text)
    except ValidationError as exc:
        assert exc.field == "reference" and exc.message
    else:
        assert is_anonymised(kept)


PREFIX = st.one_of(st.text(string.ascii_uppercase, min_size=2, max_size=6),
                   st.builds(lambda letter, n: f"{letter}{n}", st.sampled_from(string.ascii_uppercase),
                             st.integers(0, 99)))
NUMBER = st.integers(0, 99999).map(str)
SEP = st.sampled_from(["-", "/", ".", "_", " "])


@given(parts=st.lists(st.one_of(PREFIX, NUMBER), min_size=1, max_size=4), number=NUMBER, sep=SEP,
       leading=st.sampled_from(["", " ", "\t"]))
def test_codes_of_capitals_and_numbers_are_accepted_and_tidied(parts, number, sep, leading):
    code = sep.join([*parts, number])
    if len(code) > MAX_LENGTH:
        return
    assert check_case_reference(leading + code + leading) == " ".join(code.split())


@given(text=st.text(max_size=60))
def test_any_text_is_either_a_tidy_reference_or_refused_with_a_message(text):
    try:
        kept = check_case_reference(text)
    except ValidationError as exc:
        assert exc.field == "reference" and exc.message.strip()
        return
    assert kept == " ".join(kept.split()) and 0 < len(kept) <= MAX_LENGTH
    assert any(c.isdigit() for c in kept) or is_anonymised(kept)
    assert "@" not in kept
    assert check_case_reference(kept) == kept  # what was kept passes again, unchanged
