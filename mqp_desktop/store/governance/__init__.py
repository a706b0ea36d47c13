"""Governance records in the database: ``store.governance`` (see :mod:`mqp_desktop.domain.governance`).

==========================  ===============================================================
``.case_reviews``           case reviews by reference only, their dissemination and actions (ToR 7.7)
``.training``               the multi-agency training programme (ToR 7.5, 7.6)
``.documents``              documents under review and the Terms of Reference's versions (ToR 7.1, 12)
``.office_reviews``         reviews of the chair and co-chair (ToR 2)
``.followups``              letters to members below the attendance standard (ToR 5)
==========================  ===============================================================
"""

from __future__ import annotations

import functools

from mqp_desktop.store.store import Store


class Governance:
    """The governance repositories of one open :class:`Store`, each made when first used."""

    def __init__(self, store: Store):
        self.store = store

    @functools.cached_property
    def case_reviews(self):
        from mqp_desktop.store.governance.case_reviews import CaseReviewRepo

        return CaseReviewRepo(self.store)

    @functools.cached_property
    def training(self):
        from mqp_desktop.store.governance.training import TrainingRepo

        return TrainingRepo(self.store)

    @functools.cached_property
    def documents(self):
        from mqp_desktop.store.governance.documents import DocumentRepo

        return DocumentRepo(self.store)

    @functools.cached_property
    def office_reviews(self):
        from mqp_desktop.store.governance.documents import OfficeReviewRepo

        return OfficeReviewRepo(self.store)

    @functools.cached_property
    def followups(self):
        from mqp_desktop.store.governance.followups import FollowupRepo

        return FollowupRepo(self.store)


__all__ = ["Governance"]
