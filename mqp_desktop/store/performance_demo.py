"""A fictional but realistic core dataset for the demonstration database.

About thirty indicators across the national framework's five themes, mostly quarterly (one
monthly, one annual), with twelve quarters of values ending with the latest complete quarter
before ``today``, targets and tolerances, England / region / statistical-neighbour comparators,
and commentary on the latest quarter's exceptions. A few are red or worsening by design
(re-referrals rising four quarters running; initial conferences within 15 working days well below
target; social worker vacancies above the band); one value was revised with its reason; one
indicator is broken down by agency (agencies' reports to initial conferences on time) and one
more (MASH checks returned within 24 hours); one indicator is retired, its history kept.

Generated from fixed numbers (and a fixed seed for the small quarter-to-quarter wobble), so the
demo is the same for the same ``today``. Nothing in it is real.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from mqp_desktop.domain.performance import Comparators, Indicator, ValueChange
from mqp_desktop.domain.periods import Frequency, Period
from mqp_desktop.store.store import Store

QUARTERS = 12
AUTHOR = "Sofia Marques"  # Performance Manager, LA Children's Services (demo-people.json)


@dataclass(frozen=True)
class Spec:
    code: str
    title: str
    theme: int  # 0-4, NATIONAL_THEMES
    unit: str
    direction: str
    target: float | None
    tolerance: float
    owner: str  # agency short name
    source: str
    start: float  # the value twelve quarters ago
    end: float  # the value now
    wobble: float = 0.0
    comparators: tuple[float, float, float] | None = None  # England, region, statistical neighbours (now)
    tags: tuple[str, ...] = ()
    definition: str = ""
    frequency: str = "quarterly"
    last: tuple[float, ...] = ()  # the last values, fixed (a designed run)


LA, POLICE, ICB, EDU = "LA Children's Services", "Police", "SWL ICB", "Education"
CIN = "Children in need census / local case management system"
EARLY, NEGLECT, EXPLOIT = "Early help and the front door", "Neglect", "Child exploitation and extra-familial harm"
QA = "Quality assurance and performance"

SPECS = (
    # --- outcomes for children and families
    Spec("OC1", "Re-referrals to children's social care within 12 months", 0, "percentage", "lower", 20, 2, LA, CIN,
         17.5, 24.1, 0.4, (22.4, 21.0, 20.6), (EARLY,),
         "Referrals in the quarter where the child had a previous referral within the preceding 12 months, as a "
         "percentage of all referrals.", last=(19.6, 20.8, 22.3, 24.1)),
    Spec("OC2", "Second or subsequent child protection plans", 0, "percentage", "lower", 20, 3, LA, CIN,
         24.0, 21.2, 0.8, (23.8, 22.5, 21.9), ("child-centred outcome",),
         "Children becoming subject to a plan in the quarter who had been subject to a plan before (ever)."),
    Spec("OC3", "Missing episodes of children (rate per 10,000 children)", 0, "rate per 10,000", "lower", 45, 5,
         POLICE, "Police missing persons records; LA return interviews", 52.0, 47.5, 1.5, None, (EXPLOIT,)),
    Spec("OC4", "Return home interviews offered within 72 hours", 0, "percentage", "higher", 90, 5, LA,
         "Return home interview service records", 78.0, 88.0, 1.5, None, ("voice of the child", EXPLOIT)),
    Spec("OC5", "Young people aged 16-17 not in education, employment or training", 0, "percentage", "lower", 4, 1,
         EDU, "Education participation tracking", 4.8, 3.9, 0.2, (5.3, 4.6, 4.4)),
    Spec("OC6", "Children looked after (rate per 10,000 children)", 0, "rate per 10,000", "neither", None, 0, LA, CIN,
         44.0, 41.0, 0.6, (70.0, 48.0, 46.0)),
    # --- child protection activity, including early help
    Spec("CP1", "Contacts to the front door (rate per 10,000 children)", 1, "rate per 10,000", "neither", None, 0, LA,
         "MASH contact records", 410.0, 455.0, 12.0, None, (EARLY,)),
    Spec("CP2", "Referrals to children's social care (rate per 10,000 children)", 1, "rate per 10,000", "neither",
         None, 0, LA, CIN, 118.0, 126.0, 4.0, (133.3, 121.8, 119.0), (EARLY,)),
    Spec("CP3", "Early help assessments started (rate per 10,000 children)", 1, "rate per 10,000", "higher", 150, 15,
         LA, "Early help module", 122.0, 158.0, 5.0, None, (EARLY, "child-centred outcome")),
    Spec("CP4", "Section 47 enquiries started (rate per 10,000 children)", 1, "rate per 10,000", "neither", None, 0,
         LA, CIN, 44.0, 39.0, 2.0, (52.6, 41.0, 40.2)),
    Spec("CP5", "Strategy discussions attended by the police", 1, "percentage", "higher", 95, 3, POLICE,
         "Strategy discussion records", 91.0, 97.0, 1.0),
    Spec("CP6", "Children subject to a child protection plan (rate per 10,000 children)", 1, "rate per 10,000",
         "neither", None, 0, LA, CIN, 36.0, 33.5, 1.0, (41.6, 34.0, 35.2)),
    Spec("CP7", "Child protection plans under the category of neglect", 1, "percentage", "neither", None, 0, LA, CIN,
         48.0, 53.0, 1.5, (51.0, 49.0, 50.5), (NEGLECT,)),
    # --- quality and timeliness of decision making
    Spec("QT1", "Contacts with a decision within one working day", 2, "percentage", "higher", 90, 5, LA,
         "MASH contact records", 86.0, 93.0, 1.5, None, (EARLY,)),
    Spec("QT2", "Assessments completed within 45 working days", 2, "percentage", "higher", 85, 5, LA, CIN,
         79.0, 87.0, 1.5, (82.9, 85.1, 86.0)),
    Spec("QT3", "Initial child protection conferences within 15 working days of the strategy discussion", 2,
         "percentage", "higher", 85, 5, LA, CIN, 84.0, 71.0, 2.0, (78.0, 80.3, 82.1), ("child-centred outcome",),
         last=(80.0, 76.0, 74.5, 71.0)),
    Spec("QT4", "Review child protection conferences held on time", 2, "percentage", "higher", 98, 3, LA, CIN,
         95.0, 97.5, 1.0, (92.0, 94.4, 95.0)),
    Spec("QT5", "Initial health assessments for children looked after within 20 working days", 2, "percentage",
         "higher", 80, 10, ICB, "Health provider returns", 58.0, 71.0, 3.0, None, ("child-centred outcome",)),
    Spec("QT6", "Agency reports shared two working days before the initial conference", 2, "percentage", "higher",
         80, 10, LA, "Conference service records", 64.0, 76.0, 2.0, None, ("voice of the child", QA)),
    Spec("QT7", "MASH checks returned within 24 hours", 2, "percentage", "higher", 95, 5, LA, "MASH records",
         89.0, 94.0, 1.0, None, (EARLY,)),
    # --- quality of child protection plans
    Spec("PL1", "Child protection plans lasting two years or more (of plans ended)", 3, "percentage", "lower", 3, 1,
         LA, CIN, 4.5, 2.6, 0.4, (3.9, 3.1, 3.3), (NEGLECT,)),
    Spec("PL2", "Child protection visits within 10 working days", 3, "percentage", "higher", 90, 5, LA, CIN,
         84.0, 91.0, 1.5, None, ("voice of the child",)),
    Spec("PL3", "Core groups held within 10 working days of the initial conference", 3, "percentage", "higher", 90,
         5, LA, CIN, 81.0, 88.0, 2.0),
    Spec("PL4", "Plans graded good or better in multi-agency audit", 3, "percentage", "higher", 70, 10, LA,
         "Multi-agency case audit programme", 55.0, 66.0, 3.0, None, ("child-centred outcome", QA)),
    Spec("PL5", "Children on a plan from Black, Asian and minority ethnic backgrounds", 3, "percentage", "neither",
         None, 0, LA, CIN, 47.0, 45.0, 1.0, None, ("anti-racist practice",),
         "Children subject to a plan at the quarter's end whose recorded ethnicity is other than White British; "
         "read with the share of the borough's children (about 42%)."),
    Spec("PL6", "Average length of child protection plans ending in the quarter (days)", 3, "days", "lower", 300, 30,
         LA, CIN, 342.0, 305.0, 8.0),
    # --- workforce
    Spec("WF1", "Social worker vacancy rate", 4, "percentage", "lower", 15, 3, LA, "HR establishment report",
         16.0, 19.5, 0.6, (17.1, 18.9, 16.5), last=(17.2, 18.0, 18.7, 19.5)),
    Spec("WF2", "Agency social workers (share of posts filled)", 4, "percentage", "lower", 20, 5, LA,
         "HR establishment report", 27.0, 21.0, 1.0, (17.6, 21.5, 19.0)),
    Spec("WF3", "Average caseload of a child and family social worker", 4, "number", "lower", 18, 2, LA,
         "Case management system", 19.5, 17.2, 0.4, (16.3, 16.9, 16.0)),
    Spec("WF5", "Staff completing multi-agency safeguarding training in the year", 4, "percentage", "higher", 90, 5,
         "WSCP", "WSCP training records", 71.0, 84.0, 2.0, None, (QA,)),
)

# An annual and a monthly indicator, a by-agency breakdown, and a retired indicator.
ANNUAL = Spec("WF4", "Social worker turnover (leavers in the year)", 4, "percentage", "lower", 15, 3, LA,
              "Children's social work workforce return", 18.4, 15.9, 0.0, (15.5, 16.8, 15.2),
              frequency="annual")
MONTHLY = Spec("OC7", "Children missing from education (on the register at the month's end)", 0, "number",
               "lower", 40, 10, EDU, "Children missing education tracker", 52.0, 44.0, 3.0, None, (EXPLOIT,),
               frequency="monthly")
RETIRED = Spec("WF6", "Social workers receiving supervision within six weeks", 4, "percentage", "higher", 95, 5, LA,
               "Supervision audit", 81.0, 88.0, 2.0)
BY_AGENCY = {
    "QT6": {"Police": 0, ICB: 6, "CLCH": -4, "St George's": -9, EDU: -14, "SWLSTG": 2},
    "QT7": {"Police": -3, ICB: 1, "CLCH": 2, EDU: -6, "Housing": -11},
}

COMMENTARY = {
    "OC1": ("Re-referrals have risen for four quarters. A dip sample of 40 re-referrals found half were for "
            "domestic abuse where the first referral closed with advice only. The front door is piloting a "
            "domestic abuse navigator and a step-down check at 3 months; we expect the effect from next quarter."),
    "QT3": ("Timeliness has fallen as conference numbers rose 18% with two chairs vacant. Both posts are filled "
            "from next month; children's views were sought before every conference that was late, and no "
            "conference was delayed for want of a parent's attendance alone."),
    "WF1": ("Vacancies rose after the restructure of the assessment teams and eight retirements. A recruitment "
            "campaign with a relocation offer closes this month; agency cover keeps caseloads within the band "
            "(see WF3)."),
    "WF5": ("Completion is below the band because the new e-learning module launched late in the year: 212 staff "
            "are booked on sessions this quarter. Schools and the police are above 90%; the acute trust and the "
            "voluntary sector are lowest, and their leads will report to the next meeting."),
}
GENERIC = ("The figure is being checked with {owner}; what lies behind it will be reported to the next meeting, "
           "with the actions taken.")
REVISED = ("QT2", 1, 2.4, "Assessments completed in the quarter but recorded after the data cut-off were added "
                          "(validated return from the performance team)")


def _series(spec: Spec, periods: int, rnd: random.Random) -> list[float]:
    out = []
    for k in range(periods):
        share = k / max(periods - 1, 1)
        value = spec.start + (spec.end - spec.start) * share + rnd.uniform(-spec.wobble, spec.wobble)
        out.append(value)
    if spec.last:
        out[-len(spec.last):] = list(spec.last)
    out[-1] = spec.end
    if spec.unit == "percentage":
        out = [min(max(v, 0.0), 100.0) for v in out]
    return [round(v, 1) for v in out]


def _comparators(spec: Spec, k: int, periods: int) -> tuple[float, float, float] | None:
    if spec.comparators is None:
        return None
    drift = (periods - 1 - k) * 0.15  # comparators move slowly
    return tuple(round(v + drift * (1 if spec.direction == "lower" else -1), 1) for v in spec.comparators)  # type: ignore[return-value]


def fill_performance_demo(store: Store, today: dt.date | None = None) -> None:
    """The demo's dataset (see the module docstring), in one transaction."""
    today = today or dt.date.today()
    latest = Period.latest_complete(today, Frequency.QUARTERLY)
    rnd = random.Random(11)
    perf = store.performance
    themes = perf.themes()
    agencies = {a.label: a for a in store.agencies()}
    with store.write():
        made: dict[str, Indicator] = {}
        batch: list[ValueChange] = []
        comparators: list[Comparators] = []
        for spec in (*SPECS[:6], MONTHLY, *SPECS[6:], ANNUAL, RETIRED):
            ind = perf.add_indicator(Indicator(
                code=spec.code, title=spec.title, theme_id=themes[spec.theme].id, definition=spec.definition,
                owner_agency_id=agencies[spec.owner].id if spec.owner in agencies else None, source=spec.source,
                unit=spec.unit, direction=spec.direction, target=spec.target, tolerance=spec.tolerance,
                frequency=spec.frequency, by_agency=spec.code in BY_AGENCY, tags=spec.tags,
            ))
            made[spec.code] = ind
            end = latest.as_frequency(spec.frequency)  # an annual one: the latest year ended
            if spec.frequency == "annual":
                count = 3
            elif spec.frequency == "monthly":
                count = 3 * QUARTERS
            else:
                count = QUARTERS
            if spec is RETIRED:
                end, count = end.shift(-QUARTERS // 2), QUARTERS // 2
            periods = end.last_n(count)
            values = _series(spec, count, rnd)
            batch.extend(ValueChange(ind.id, p, v) for p, v in zip(periods, values, strict=True))
            for k, p in enumerate(periods):
                found = _comparators(spec, k, count)
                if found is not None and (spec.frequency != "monthly"):
                    comparators.append(Comparators(ind.id, p, *found))
            for agency_name, offset in BY_AGENCY.get(spec.code, {}).items():
                agency = agencies.get(agency_name)
                if agency is None:
                    continue
                for p, v in zip(periods, values, strict=True):
                    figure = min(100.0, max(0.0, round(v + offset + rnd.uniform(-2.5, 2.5), 1)))
                    batch.append(ValueChange(ind.id, p, figure, agency_id=agency.id))
        perf.apply_values(batch, what="the demonstration dataset")
        for c in comparators:
            perf.set_comparators(c)
        code, back, change, reason = REVISED
        ind = made[code]
        period = latest.shift(-back)
        old = perf.value(ind.id, period)
        if old is not None and old.value is not None:
            perf.set_value(ind.id, period, min(100.0, round(old.value + change, 1)), reason=reason)
        owner_names = {a.id: a.label for a in agencies.values()}
        for row in perf.scorecard(latest):
            if row.exception:
                text = COMMENTARY.get(row.indicator.code) or GENERIC.format(
                    owner=owner_names.get(row.indicator.owner_agency_id, "the partnership"))
                perf.set_commentary(row.indicator.id, row.period, text, author=AUTHOR)
        perf.set_commentary(made["PL4"].id, latest.as_frequency("quarterly"),
                            "Audit grades improved after the plan template was rewritten with families; the sample "
                            "was 24 plans this quarter.", author=AUTHOR)
        perf.retire_indicator(made[RETIRED.code].id,
                              "Replaced by monthly supervision audits reported through the workforce board",
                              on=latest.shift(-QUARTERS // 2 + 1).start)
