"""Saving an edited Section 11 framework and saying what became of it.

:meth:`Section11Repo.save_framework` keeps a framework an audit round uses (or the
statutory text as shipped) unchanged and stores the edit as the next version; a
version nobody uses yet is edited in place. The command line and the Frameworks
dialog both tell the officer which of those happened and why, in the same words:
:func:`save_explained` does the saving and the explaining.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from mqp_desktop.domain.section11 import AuditRound, Framework, validate_framework
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.section11 import Section11Repo
from mqp_desktop.store.section11_frameworks import shipped_frameworks


@dataclass(frozen=True)
class FrameworkSaved:
    """What :func:`save_explained` did: ``framework`` as stored, and a sentence saying so."""

    framework: Framework
    before: Framework | None  # the latest version of that name before saving (None: a new name)
    outcome: str  # "new" | "new version" | "edited" | "unchanged"
    message: str

    @property
    def new_version(self) -> bool:
        return self.outcome == "new version"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def latest_version(s11: Section11Repo, name: str) -> Framework | None:
    """The latest version (stored or shipped) of the framework called ``name`` (any case)."""
    same = [f for f in s11.frameworks() if f.name.lower() == " ".join(name.split()).lower()]
    return same[-1] if same else None


def rounds_using(s11: Section11Repo, framework: Framework) -> list[AuditRound]:
    """The audit rounds created from this stored version (none for a shipped one)."""
    if framework.id is None:
        return []
    return [r for r in s11.rounds() if r.framework_id == framework.id]


def _is_shipped_text(framework: Framework) -> bool:
    return any(f.name.lower() == framework.name.lower() and f.version == framework.version
               for f in shipped_frameworks())


def _explain(s11: Section11Repo, framework: Framework, before: Framework | None, *, done: bool
             ) -> tuple[str, int, str]:
    """(outcome, version, sentence) of saving ``framework`` after ``before``, in the past tense
    when ``done``, else as what saving would do."""
    saved, will = ("Saved", "") if done else ("Would be saved", "would ")
    count = _plural(len(framework.standards), "standard")
    if before is None:
        return "new", 1, f"{saved} as {framework.name} version 1, a new framework with {count}."
    if framework.standards == before.standards and framework.description == before.description:
        return "unchanged", before.version, f"{before.label} already says this: nothing {'was' if done else 'would be'} saved."
    used = rounds_using(s11, before)
    if used or before.id is None or _is_shipped_text(before):
        if used:
            names = ", ".join(r.name for r in used)
            rounds = _plural(len(used), "audit round")
            why = (f"version {before.version} is used by {rounds} ({names}), and "
                   f"{'that round keeps its' if len(used) == 1 else 'those rounds keep their'} own copy of the standards")
        else:
            why = f"version {before.version} is the statutory text as it ships, which stays as it is"
        version = before.version + 1
        return "new version", version, (f"{saved} as {framework.name} version {version}, with {count}: {why}. "
                                        f"New rounds {will}use version {version}.")
    return "edited", before.version, (f"{saved} as {before.label}, with {count}, changed in place: "
                                      "no audit round uses it yet.")


def preview_save(s11: Section11Repo, framework: Framework) -> str:
    """What saving ``framework`` would do, in a sentence (nothing is written)."""
    framework = validate_framework(framework)
    return _explain(s11, framework, latest_version(s11, framework.name), done=False)[2]


def save_explained(s11: Section11Repo, framework: Framework) -> FrameworkSaved:
    """Save ``framework`` (see :meth:`Section11Repo.save_framework`) and explain the outcome."""
    framework = validate_framework(framework)
    before = latest_version(s11, framework.name)
    outcome, _version, message = _explain(s11, framework, before, done=True)
    saved = s11.save_framework(framework)
    return FrameworkSaved(saved, before, outcome, message)


def copy_framework(s11: Section11Repo, source: Framework, new_name: str, description: str | None = None
                   ) -> FrameworkSaved:
    """A partnership's own framework, version 1, starting from ``source``'s standards."""
    name = " ".join((new_name or "").split())
    if not name:
        raise ValidationError("name", "Give the new framework a name, e.g. 'Wandsworth Section 11 standards'.")
    if latest_version(s11, name) is not None:
        raise ValidationError(
            "name", f"There is already a framework called '{name}': choose another name, or edit that one.")
    copy = dataclasses.replace(
        source, name=name, version=1, id=None,
        description=description if description is not None else f"Based on {source.label}.",
    )
    return save_explained(s11, copy)
