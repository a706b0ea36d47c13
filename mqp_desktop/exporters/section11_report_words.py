"""Words, numbers and colours of the Section 11 round summary (see section11_report).

Dates, plurals, shortened text, a rating or a mean as printed in the scale's
units, the red -> amber -> green fill of a cell and the legend: shared by the
report's figures (section11_report_data) and both writers (PDF and XLSX).
"""

from __future__ import annotations

import datetime as dt

from mqp_desktop.domain.section11 import (
    NOT_APPLICABLE,
    Basis,
    RatingScale,
    ReturnStatus,
    ScaleKind,
)
from mqp_desktop.domain.section11_analysis import Score, Trend
from mqp_desktop.exporters.files import safe_text

NOT_RATED = "\u2014"  # an em dash: nothing rated yet

BASIS_WORDS = {
    Basis.EFFECTIVE: "the panel's moderated rating where it has given one, otherwise the agency's self-assessment",
    Basis.SELF: "the agencies' self-assessments",
    Basis.MODERATED: "the panel's moderated ratings only (standards the panel has not rated are left blank)",
}
STATUS_WORDS = {
    ReturnStatus.OVERDUE: "Overdue",
    ReturnStatus.OUTSTANDING: "Outstanding",
    ReturnStatus.NOT_ISSUED: "Not issued",
    ReturnStatus.RECEIVED: "Received, awaiting panel",
    ReturnStatus.REVIEWED: "Reviewed",
}
_STATUS_ORDER = {ReturnStatus.OVERDUE: 0, ReturnStatus.OUTSTANDING: 1, ReturnStatus.NOT_ISSUED: 2,
                 ReturnStatus.RECEIVED: 3, ReturnStatus.REVIEWED: 4}

# Cell colours: a red -> amber -> green band, light enough for black text to read on every step. The hue
# turns (red 0%, amber 50%, green 100%) at a steady lightness, so the steps between stay clear colours
# rather than the muddy olive a straight mix of amber and green gives.
_HUES = ((0.0, 2.0), (50.0, 42.0), (100.0, 112.0))  # (percent, hue in degrees)
_LIGHTNESS, _SATURATION = 0.76, 0.80
NA_FILL = "D9D9D9"
NOT_RATED_FILL = "FFFFFF"
_NAVY = "1F3864"
_GREY = "595959"
_OVERDUE_FILL = "FCE4E4"
_OVERDUE_TEXT = "9C0006"


# --- words and numbers ----------------------------------------------------------------------
def long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def short_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    text = " ".join(safe_text(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.-\u2013") + "\u2026"


def value_text(value: str | None, scale: RatingScale) -> str:
    """One rating as printed: 'Green', '2', '75%', 'n/a', or '—' for none."""
    if value is None:
        return NOT_RATED
    if value == NOT_APPLICABLE:
        return "n/a"
    if scale.kind is ScaleKind.RAG:
        return value.capitalize()
    if scale.kind is ScaleKind.PERCENT:
        return f"{value}%"
    return value


def units_text(percent: float | None, scale: RatingScale) -> str:
    """A worked-out figure (a mean) in the scale's units: '1.5' on 0-3, '63%' on percentages and RAG."""
    if percent is None:
        return NOT_RATED
    if scale.kind is ScaleKind.SCORE_0_3:
        return f"{percent * scale.top / 100:.1f}"
    return f"{percent:.0f}%"


def figure_text(percent: float | None, scale: RatingScale) -> str:
    """A mean for sentences: '1.4 of 3 (47%)' on 0-3, '47%' otherwise."""
    if percent is None:
        return "not rated"
    if scale.kind is ScaleKind.SCORE_0_3:
        return f"{units_text(percent, scale)} of {scale.top:.0f} ({percent:.0f}%)"
    return f"{percent:.0f}%"


def score_text(score: Score | None, scale: RatingScale) -> str:
    """A standard's score as printed in the grid: its value when one value stands for it, else the mean."""
    if score is None or score.rated + score.not_applicable == 0:
        return NOT_RATED
    if score.is_not_applicable:
        return "n/a"
    values = [v for v in score.counts if v != NOT_APPLICABLE]
    if len(values) == 1:
        return value_text(values[0], scale)
    return units_text(score.percent, scale)


def is_single_value(score: Score | None) -> bool:
    return score is not None and len([v for v in score.counts if v != NOT_APPLICABLE]) <= 1


def band_percent(percent: float | None, scale: RatingScale) -> float | None:
    """The percent of the scale value nearest to ``percent`` (the band a cell is coloured by)."""
    return None if percent is None else scale.percent_of(scale.nearest(percent))


def band_colour(percent: float) -> str:
    """'RRGGBB' on the red (0%) -> amber (50%) -> green (100%) band."""
    import colorsys

    p = max(0.0, min(100.0, percent))
    (p0, h0), (p1, h1) = (_HUES[0], _HUES[1]) if p <= _HUES[1][0] else (_HUES[1], _HUES[2])
    hue = h0 + (h1 - h0) * (p - p0) / (p1 - p0)
    rgb = colorsys.hls_to_rgb(hue / 360.0, _LIGHTNESS, _SATURATION)
    return "".join(f"{round(c * 255):02X}" for c in rgb)


def score_fill(score: Score | None, scale: RatingScale) -> str:
    """A grid cell's fill: the band of its value (or of the nearest value to its mean); grey for n/a."""
    if score is None or score.rated + score.not_applicable == 0:
        return NOT_RATED_FILL
    if score.is_not_applicable:
        return NA_FILL
    return band_colour(band_percent(score.percent, scale))  # type: ignore[arg-type]


def percent_fill(percent: float | None, scale: RatingScale) -> str:
    return NOT_RATED_FILL if percent is None else band_colour(band_percent(percent, scale))  # type: ignore[arg-type]


def value_fill(value: str | None, scale: RatingScale) -> str:
    if value is None:
        return NOT_RATED_FILL
    if value == NOT_APPLICABLE:
        return NA_FILL
    return band_colour(scale.percent_of(value))  # type: ignore[arg-type]


def legend_entries(scale: RatingScale) -> list[tuple[str, str, str]]:
    """(fill, value as printed, meaning) for the legend, worst first; n/a and not rated last."""
    if scale.kind is ScaleKind.PERCENT:
        shown = ("0", "25", "50", "75", "100")
        out = [(value_fill(v, scale), value_text(v, scale), "") for v in shown]
    else:
        out = [(value_fill(v, scale), value_text(v, scale), scale.meanings.get(v, "")) for v in scale.values]
    if scale.allows_not_applicable:
        out.append((NA_FILL, "n/a", "not applicable (left out of totals)"))
    out.append((NOT_RATED_FILL, NOT_RATED, "not rated"))
    return out


def scale_words(scale: RatingScale) -> str:
    if scale.kind is ScaleKind.PERCENT:
        return "percentage in 5% steps (n/a allowed, left out of totals)"
    meanings = ", ".join(f"{value_text(v, scale)} {scale.meanings[v]}" for v in scale.values if v in scale.meanings)
    name = "0\u20133 score" if scale.kind is ScaleKind.SCORE_0_3 else "Red / amber / green"
    return f"{name} ({meanings})" if meanings else name


def trend_word(t: Trend) -> str:
    return {Trend.IMPROVED: "Better", Trend.WORSE: "Worse", Trend.SAME: "Same"}.get(t, "")


def _trim(text: str) -> str:
    """'2.0' -> '2' (a single score), '1.5' stays."""
    return text.removesuffix(".0")
