"""Governance records the Terms of Reference ask the subcommittee to keep, in plain Python (no Qt, no SQL).

* :mod:`.case_reviews` — case reviews (ToR 7.7), by case reference only, with their learning and how
  it was shared (briefings, learning events);
* :mod:`.training` — the multi-agency training programme reviewed (ToR 7.5, 7.6): courses, attendance
  by agency, evaluation, gaps and priorities fed to the workforce strategy;
* :mod:`.documents` — procedures, guidance and protocols reviewed before the Executive signs them off
  (ToR 7.1), the Terms of Reference's own versions (ToR 12) and the reviews of chairing (ToR 2);
* :mod:`.followups` — letters to members below the attendance standard and what came of them (ToR 5).

Every date that falls due is a plain date in a field named ``*_due`` (``reply_due``, ``review_due``):
a later "due and overdue" view gathers them.
"""
