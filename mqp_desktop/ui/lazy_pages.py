"""Pages made the first time they are needed (issue 14: start-up builds only the first page).

A controller declares its page with :func:`lazy_page`::

    @lazy_page
    def page(self) -> ChallengesPage:
        from mqp_desktop.ui.pages.challenges_page import ChallengesPage  # imported when first needed too
        page = ChallengesPage()
        page.set_actions(...)  # wired here, once
        return page

The first read of ``controller.page`` (the window showing the area, or a record opened on it from the
search or the due list) makes it, then tells the window (``window.page_made(controller)``), which puts back
the page's remembered column widths and splitters and fills it from the database. Until then the
controller's ``refresh`` has nothing to fill: it asks :func:`page_made` first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_SLOT = "_lazy_page"


def lazy_page(make: Callable[[Any], Any]) -> property:
    """A ``page`` property made by ``make(controller)`` on first use (see the module's note)."""

    def get(controller):
        page = controller.__dict__.get(_SLOT)
        if page is None:
            page = make(controller)
            controller.__dict__[_SLOT] = page
            controller.window.page_made(controller)
        return page

    get.__doc__ = make.__doc__
    return property(get)


def page_made(controller) -> bool:
    """Whether ``controller.page`` has been made (reading ``page`` would make it)."""
    return controller.__dict__.get(_SLOT) is not None
