"""The committed ui_*.py modules match their Designer forms (scripts/compile_forms.py)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compile_forms():
    spec = importlib.util.spec_from_file_location("compile_forms", ROOT / "scripts" / "compile_forms.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["compile_forms"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("compile_forms", None)


def test_every_form_has_an_up_to_date_generated_module(compile_forms):
    forms = compile_forms.forms()
    assert {f.stem for f in forms} >= {
        "member_dialog",
        "agency_dialog",
        "end_dialog",
        "subcommittee_dialog",
        "import_preview_dialog",
    }
    problems = compile_forms.stale()
    assert not problems, "Run 'python scripts/compile_forms.py':\n" + "\n".join(
        f"{p.target.name}: {p.reason}" for p in problems
    )


def test_generated_modules_carry_the_do_not_edit_header(compile_forms):
    for form in compile_forms.forms():
        text = compile_forms.target_for(form).read_text(encoding="utf-8")
        assert text.startswith("# Automatically generated - do not edit")
        assert f"# Source: forms/{form.name} (sha256 {compile_forms.form_digest(form)})" in text


@pytest.fixture
def copy_of_forms(tmp_path, compile_forms):
    forms, generated = tmp_path / "forms", tmp_path / "generated"
    shutil.copytree(ROOT / "forms", forms)
    shutil.copytree(compile_forms.GENERATED_DIR, generated, ignore=shutil.ignore_patterns("__pycache__"))
    return forms, generated


def test_a_changed_form_makes_its_module_stale(compile_forms, copy_of_forms):
    forms, generated = copy_of_forms
    ui = forms / "end_dialog.ui"
    ui.write_text(ui.read_text(encoding="utf-8").replace("&amp;Reason:", "&amp;Why:"), encoding="utf-8")
    problems = compile_forms.stale(forms, generated)
    assert [p.target.name for p in problems] == ["ui_end_dialog.py"]
    assert "has changed" in problems[0].reason
    compile_forms.generate(forms, generated)
    assert compile_forms.stale(forms, generated) == []
    assert "&Why:" in (generated / "ui_end_dialog.py").read_text(encoding="utf-8")


def test_a_hand_edited_module_is_stale(compile_forms, copy_of_forms):
    forms, generated = copy_of_forms
    target = generated / "ui_agency_dialog.py"
    target.write_text(target.read_text(encoding="utf-8") + "\n# tweak\n", encoding="utf-8")
    assert [p.target.name for p in compile_forms.stale(forms, generated)] == ["ui_agency_dialog.py"]


def test_missing_and_orphaned_modules_are_reported(compile_forms, copy_of_forms):
    forms, generated = copy_of_forms
    (generated / "ui_member_dialog.py").unlink()
    (generated / "ui_old_dialog.py").write_text("# left over\n", encoding="utf-8")
    reasons = {p.target.name: p.reason for p in compile_forms.stale(forms, generated)}
    assert set(reasons) == {"ui_member_dialog.py", "ui_old_dialog.py"}
    assert "missing" in reasons["ui_member_dialog.py"]
    assert "no longer exists" in reasons["ui_old_dialog.py"]


def test_check_mode_exit_status(compile_forms, monkeypatch, copy_of_forms):
    assert compile_forms.main(["--check"]) == 0
    forms, generated = copy_of_forms
    (forms / "agency_dialog.ui").write_text(
        (forms / "agency_dialog.ui").read_text(encoding="utf-8").replace("Sh&amp;ort name:", "Short &amp;label:"),
        encoding="utf-8",
    )
    monkeypatch.setattr(compile_forms, "FORMS_DIR", forms)
    monkeypatch.setattr(compile_forms, "GENERATED_DIR", generated)
    monkeypatch.setattr(compile_forms, "ROOT", forms.parent)
    assert compile_forms.main(["--check"]) == 1
