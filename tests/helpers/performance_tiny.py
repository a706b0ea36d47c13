"""A five-indicator dataset whose scorecard for Q2 2025-26 (2025-Q3, Jul–Sep 2025) is worked out by hand.

Call :func:`build` with ``mqp_desktop.store.performance._today`` fixed (values are refused for
periods not begun). What each row must show, worked from the rules (domain/performance.py):

RR1 Re-referrals (percentage, lower is better, target 20, tolerance 2; theme 1):
    2024-Q3 21.7, 2024-Q4 19.6, 2025-Q1 20.8, 2025-Q2 22.3, 2025-Q3 23.9 then revised to 24.1.
    24.1 > 20 + 2 -> **Red**. Previous 22.3 -> up, **worse**; last year (2024-Q3) 21.7 -> up, **worse**.
    19.6 < 20.8 < 22.3 < 24.1: worse in each of the last three comparisons -> **exception** for both
    reasons. England 22.4, region 21, neighbours 20.6. Commentary by Sofia Marques.
RH2 Return home interviews (percentage, higher is better, target 90, tolerance 5; theme 1):
    2024-Q3 83.1, 2025-Q1 85, 2025-Q2 88.1, 2025-Q3 88. 85 <= 88 < 90 -> **Amber**. Previous 88.1 ->
    down, **worse**; last year 83.1 -> up, **better**. Worse only once running: not an exception.
CX3 Contacts (rate per 10,000, neither; theme 2): 2024-Q3 449.4, 2025-Q2 449, 2025-Q3 455. No RAG
    (**Context**); previous -> **up**, last year -> **up**.
NV4 Strategy discussions (percentage, higher, target 95; theme 2): 2025-Q2 96.9, nothing for 2025-Q3:
    **No value**, no travel.
MO5 Children missing education (number, monthly, lower, target 40, tolerance 5; theme 3): read for
    Sep 2025: 44 -> 40 < 44 <= 45 -> **Amber**; Aug 2025 42.3 -> up, **worse**; Sep 2024 44.2 -> down,
    **better**. Shown with its month, 'Sep 2025'.

Counts: red 1, amber 2, green 0, no RAG 2; exceptions 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from mqp_desktop.domain.performance import Comparators, Indicator
from mqp_desktop.domain.periods import Period

PERIOD = Period.quarter(2025, 3)
COMMENTARY = ("Re-referrals have risen for four quarters. A dip sample found half were for domestic abuse "
              "where the first referral closed with advice only.")
AUTHOR = "Sofia Marques"
REVISION_REASON = "Late returns from the front door added"


@dataclass
class Tiny:
    rr1: Indicator
    rh2: Indicator
    cx3: Indicator
    nv4: Indicator
    mo5: Indicator


def build(store) -> Tiny:
    perf = store.performance
    themes = perf.themes()
    Q, M = Period.quarter, Period.month

    def add(**kw) -> Indicator:
        return perf.add_indicator(Indicator(**kw))

    rr1 = add(code="RR1", title="Re-referrals to children's social care within 12 months", theme_id=themes[0].id,
              unit="percentage", direction="lower", target=20, tolerance=2, source="Case management system")
    rh2 = add(code="RH2", title="Return home interviews offered within 72 hours", theme_id=themes[0].id,
              unit="percentage", direction="higher", target=90, tolerance=5)
    cx3 = add(code="CX3", title="Contacts to the front door (rate per 10,000 children)", theme_id=themes[1].id,
              unit="rate per 10,000", direction="neither")
    nv4 = add(code="NV4", title="Strategy discussions attended by the police", theme_id=themes[1].id,
              unit="percentage", direction="higher", target=95)
    mo5 = add(code="MO5", title="Children missing from education", theme_id=themes[2].id, unit="number",
              direction="lower", target=40, tolerance=5, frequency="monthly")
    values = [
        (rr1, {Q(2024, 3): 21.7, Q(2024, 4): 19.6, Q(2025, 1): 20.8, Q(2025, 2): 22.3, Q(2025, 3): 23.9}),
        (rh2, {Q(2024, 3): 83.1, Q(2025, 1): 85, Q(2025, 2): 88.1, Q(2025, 3): 88}),
        (cx3, {Q(2024, 3): 449.4, Q(2025, 2): 449, Q(2025, 3): 455}),
        (nv4, {Q(2025, 2): 96.9}),
        (mo5, {M(2024, 9): 44.2, M(2025, 8): 42.3, M(2025, 9): 44}),
    ]
    for ind, series in values:
        for period, value in series.items():
            perf.set_value(ind.id, period, value)
    perf.set_value(rr1.id, PERIOD, 24.1, reason=REVISION_REASON)
    perf.set_comparators(Comparators(rr1.id, PERIOD, england=22.4, region=21, statistical_neighbours=20.6))
    perf.set_comparators(Comparators(rr1.id, Q(2025, 2), england=22.6, region=21.3, statistical_neighbours=20.9))
    perf.set_commentary(rr1.id, PERIOD, COMMENTARY, author=AUTHOR)
    return Tiny(rr1, rh2, cx3, nv4, mo5)
