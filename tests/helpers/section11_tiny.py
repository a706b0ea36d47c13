"""A tiny pair of Section 11 rounds on the red/amber/green scale, small enough to work out by hand.

Three agencies (A, B, C: the first three in the register by name), three
standards, the third rated by its two sub-criteria. ``TODAY`` is 20 March 2025.

Previous round "Tiny 2024" (effective ratings):   A: red, amber, green   B: green, green, amber   C: none
This round "Tiny 2025", deadline 10 February 2025:
  A reviewed:  1 green; 2 self amber, moderated red; 3 by sub-criteria 3.1 green, 3.2 red (mean 50%)
  B received:  1 amber; 2 red; 3 green
  C overdue by 38 days, reminded 12 and 20 February 2025; lead Casey Lead, substitute Sam Sub
Effective percents:  A 100, 0, 50 (overall 50)   B 50, 0, 100 (overall 50)
Standard means:      1: 75   2: 0 (weakest; lowest A and B)   3: 75
Against 2024:        A 1 improved, 2 worse, 3 worse; B 1 worse, 2 worse, 3 improved; C not comparable x3
                     -> 2 improved, 0 the same, 4 worse, 3 not comparable
Actions: A "Train every member of staff in safeguarding" due 10 Mar 2025, open (10 days overdue);
         A "Publish the safeguarding policy" due 1 Mar 2025, done; B "Sign the information-sharing
         agreement" due 30 Apr 2025, open (not overdue).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mqp_desktop.domain.section11 import ActionItem, ActionStatus, Criterion, Framework, Rating, ScaleKind, Standard
from mqp_desktop.store.section11 import Section11Repo

TODAY = dt.date(2025, 3, 20)
FRAMEWORK = Framework(
    name="Tiny framework",
    standards=(
        Standard(1, "Leadership"),
        Standard(2, "Training"),
        Standard(3, "Information sharing", criteria=(Criterion("3.1", "Agreement signed"),
                                                     Criterion("3.2", "Records audited"))),
    ),
)


@dataclass
class Tiny:
    s11: Section11Repo
    previous_id: int
    round_id: int
    a: object
    b: object
    c: object
    return_ids: dict[str, int]


def build(store) -> Tiny:
    s11 = Section11Repo(store)
    a, b, c = store.agencies()[:3]
    prev = s11.create_round("Tiny 2024", FRAMEWORK, ScaleKind.RAG, [a.id, b.id, c.id],
                            dt.date(2024, 1, 10), dt.date(2024, 2, 10))
    for agency, values in ((a, ("red", "amber", "green")), (b, ("green", "green", "amber"))):
        ret = s11.find_return(prev.id, agency.id)
        s11.save_ratings(ret.id, [Rating(n + 1, self_value=v) for n, v in enumerate(values)],
                         received=dt.date(2024, 2, 1))
    rnd = s11.create_round("Tiny 2025", FRAMEWORK, ScaleKind.RAG, [a.id, b.id, c.id],
                           dt.date(2025, 1, 10), dt.date(2025, 2, 10), [dt.date(2025, 3, 1)])
    ra, rb, rc = (s11.find_return(rnd.id, x.id) for x in (a, b, c))
    s11.save_ratings(ra.id, [
        Rating(1, self_value="green", evidence="Board minutes", moderated_value="green"),
        Rating(2, self_value="amber", moderated_value="red", improvement="Refresher training is behind",
               panel_comments="No training records were offered."),
        Rating(3, "3.1", self_value="green", moderated_value="green"),
        Rating(3, "3.2", self_value="red", moderated_value="red"),
    ], received=dt.date(2025, 2, 1))
    s11.mark_reviewed(ra.id, dt.date(2025, 3, 1), "Accepted with actions")
    s11.save_ratings(rb.id, [Rating(1, self_value="amber"), Rating(2, self_value="red"),
                             Rating(3, self_value="green")], received=dt.date(2025, 2, 5))
    s11.add_reminder(rc.id, dt.date(2025, 2, 12), "Email")
    s11.add_reminder(rc.id, dt.date(2025, 2, 20), "Phoned")
    rc = s11.get_return(rc.id)
    rc.lead_name, rc.lead_email = "Casey Lead", "casey.lead@c.example.org"
    rc.substitute_name, rc.substitute_email = "Sam Sub", "sam.sub@c.example.org"
    s11.update_return(rc)
    s11.add_action(ActionItem(ra.id, "Train every member of staff in safeguarding", owner="Alex Owner",
                              due=dt.date(2025, 3, 10), standard=2), today=TODAY)
    done = s11.add_action(ActionItem(ra.id, "Publish the safeguarding policy", owner="Alex Owner",
                                     due=dt.date(2025, 3, 1), standard=1), today=TODAY)
    done.status, done.closed = ActionStatus.DONE, dt.date(2025, 2, 28)
    s11.update_action(done, today=TODAY)
    s11.add_action(ActionItem(rb.id, "Sign the information-sharing agreement", owner="Bo Owner",
                              due=dt.date(2025, 4, 30), standard=3), today=TODAY)
    return Tiny(s11, prev.id, rnd.id, a, b, c, {"A": ra.id, "B": rb.id, "C": rc.id})
