"""``mqp s11 report`` and ``mqp s11 chase`` run in-process on the demo database."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

import pytest

from mqp_desktop.cli import main


@pytest.fixture
def mqp(capsys, demo_db):
    def run(*args: str):
        status = main(["--db", str(demo_db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_report_pdf_and_xlsx(tmp_path, mqp):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    status, out, err = mqp("s11", "report", "--pdf", str(tmp_path / "s11"))
    assert status == 0, err
    assert (tmp_path / "s11.pdf").is_file(), "the ending is added when none is given"
    assert "Wrote the summary of Section 11 audit" in out and "overdue" in out
    assert "Page 1 of" in PdfReader(str(tmp_path / "s11.pdf")).pages[0].extract_text()

    status, out, err = mqp("s11", "report", "--round", "1", "--xlsx", str(tmp_path / "s11.xlsx"), "--basis", "self")
    assert status == 0, err
    assert "(self ratings" in out
    wb = load_workbook(tmp_path / "s11.xlsx")
    assert {"Summary", "Grid", "Returns", "Actions", "Comparison"} <= set(wb.sheetnames)


def test_report_refusals(tmp_path, mqp):
    status, _out, err = mqp("s11", "report", "--pdf", str(tmp_path / "s11.docx"))
    assert status == 1 and "does not end in .pdf" in err
    status, _out, err = mqp("s11", "report", "--basis", "panel", "--pdf", str(tmp_path / "s11.pdf"))
    assert status == 1 and "self, moderated or effective" in err
    status, _out, err = mqp("s11", "report", "--round", "Nope", "--pdf", str(tmp_path / "s11.pdf"))
    assert status == 1 and "no Section 11 round 'Nope'" in err
    status, _out, err = mqp("s11", "report", "--pdf", "a.pdf", "--xlsx", "a.xlsx")
    assert status == 2
    status, _out, err = mqp("s11", "report")
    assert status == 2 and "--pdf" in err
    status, _out, err = mqp("s11", "report", "--pdf", str(tmp_path / "nowhere" / "s11.pdf"))
    assert status == 1 and "does not exist" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"], "no report written"


def test_chase_writes_a_draft_per_overdue_return(tmp_path, mqp):
    folder = tmp_path / "chase" / "this year"
    status, out, err = mqp("s11", "chase", "--out-dir", str(folder))
    assert status == 0, err
    drafts = sorted(folder.glob("*.eml"))
    assert drafts and f"Wrote {len(drafts)} chase email draft" in out
    for path in drafts:
        assert path.name in out
        with path.open("rb") as fh:
            msg = BytesParser(policy=policy.default).parse(fh)
        assert msg["X-Unsent"] == "1" and msg["To"] and "overdue" in msg["Subject"]
    assert "mqp s11 return remind" in out


def test_chase_refuses_a_file_for_a_folder(tmp_path, mqp):
    (tmp_path / "file.txt").write_text("x")
    status, _out, err = mqp("s11", "chase", "--out-dir", str(tmp_path / "file.txt"))
    assert status == 1 and "is a file" in err


def test_help_lists_report_and_chase(mqp):
    status, out, _err = mqp("s11", "--help")
    assert status == 0 and "report" in out and "chase" in out
