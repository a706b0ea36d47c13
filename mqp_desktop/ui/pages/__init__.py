"""One widget per area of the main window's navigation list."""

from mqp_desktop.ui.pages.agencies_page import AgenciesPage
from mqp_desktop.ui.pages.history_page import HistoryPage
from mqp_desktop.ui.pages.membership_page import MembershipPage

__all__ = ["AgenciesPage", "HistoryPage", "MembershipPage"]
