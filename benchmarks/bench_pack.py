"""Meeting pack benchmark: 30 papers of 10 pages each, against ``pdfunite``.

Builds a meeting with 30 items, each with one 10-page PDF paper (drawn here
with reportlab), then times :func:`~mqp_desktop.exporters.meeting_pack.build_pack`
(cover, contents, agenda, dividers, every page stamped with its number,
bookmarks) and ``pdfunite`` (poppler-utils) merging the same 30 files without
stamping. Target: the pack at most 3 × pdfunite.

    .venv/bin/python benchmarks/bench_pack.py [--papers 30] [--pages 10] [--runs 3]

pdfunite is installed with apt-get when missing and running as root;
otherwise its timing is skipped (said so).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_paper(n: int, pages: int) -> bytes:
    """A realistic text paper: a heading and paragraphs on every page, drawn with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, title=f"Benchmark paper {n}", invariant=True)
    text = ("The partnership's multi-agency dataset shows re-referrals within twelve months above tolerance; "
            "agencies set out their explanations and the actions proposed. ") * 4
    story = []
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story += [Paragraph(f"Paper {n}, page {page + 1}", styles["Heading1"])]
        for _ in range(4):
            story += [Paragraph(text, styles["BodyText"]), Spacer(1, 6)]
    doc.build(story)
    data = buf.getvalue()
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(data)).pages) == pages, "a benchmark page overflowed: shorten its text"
    return data


def find_pdfunite() -> str | None:
    found = shutil.which("pdfunite")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("pdfunite not found: installing poppler-utils with apt-get …", flush=True)
        subprocess.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils",
                       shell=True, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return shutil.which("pdfunite")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=30)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7, help="time each this many times; the best is reported")
    args = parser.parse_args(argv)

    from mqp_desktop.domain.agenda import AgendaItem, Purpose
    from mqp_desktop.domain.meetings import Meeting
    from mqp_desktop.exporters.meeting_pack import build_pack
    from mqp_desktop.exporters.pack_merge import forget_checked
    from mqp_desktop.store import Store
    from mqp_desktop.store.seed import seed_from_template

    with tempfile.TemporaryDirectory(prefix="mqp-bench-pack-") as folder:
        work = Path(folder)
        t0 = time.perf_counter()
        files = []
        for n in range(1, args.papers + 1):
            path = work / f"paper-{n:02d}.pdf"
            path.write_bytes(make_paper(n, args.pages))
            files.append(path)
        made = time.perf_counter() - t0

        store = Store.in_memory()
        seed_from_template(store, "wandsworth-mqp")
        meeting = store.meetings.add(Meeting(date=dt.date(2026, 12, 8), venue="Room 123, Town Hall"))
        store.agendas.apply_standing_agenda(meeting.id)
        for n, path in enumerate(files, start=1):
            item = store.agendas.add_item(AgendaItem(meeting_id=meeting.id, title=f"Benchmark item {n}",
                                                     purpose=Purpose.DISCUSSION, minutes=3))
            paper = store.agendas.request_paper(item.id, title=f"Benchmark paper {n}", author_name="A. Author",
                                                author_email="author@example.org")
            store.agendas.attach_file(paper.id, path, received_on=dt.date(2026, 11, 20))
            store.agendas.sign_off(paper.id, "A. Director", dt.date(2026, 11, 21))
        size = sum(p.stat().st_size for p in files)
        print(f"{args.papers} papers of {args.pages} pages ({size / 2**20:.1f} MiB) made in {made:.2f} s")

        def timed(fresh: bool):
            """Best of the runs: (its time, its phases, all times, the last result). ``fresh``: every paper's
            pages checked again, as in a session's first build (nothing remembered from the attach)."""
            pack_times, phases = [], []
            for run in range(args.runs):
                marks: dict[str, float] = {}

                def progress(step: int, total: int, message: str, marks=marks) -> None:
                    for phase in ("Laying out", "Numbering", "Writing"):
                        if message.startswith(phase):
                            marks.setdefault(phase, time.perf_counter())

                if fresh:
                    forget_checked()
                t0 = time.perf_counter()
                result = build_pack(store, meeting.id, work / f"pack-{run}.pdf", save=False, progress=progress)
                end = time.perf_counter()
                pack_times.append(end - t0)
                phases.append((marks["Laying out"] - t0, marks["Numbering"] - marks["Laying out"],
                               marks["Writing"] - marks["Numbering"], end - marks["Writing"]))
            best = min(pack_times)
            return best, phases[pack_times.index(best)], pack_times, result

        def median(times: list[float]) -> float:
            return sorted(times)[len(times) // 2]

        best, (read, layout, stamp, write), pack_times, result = timed(fresh=False)
        print(f"build_pack: {result.page_count} pages, {result.path.stat().st_size / 2**20:.1f} MiB, "
              f"best of {args.runs}: {best * 1000:.0f} ms (median {median(pack_times) * 1000:.0f} ms)")
        print(f"  of which: reading and checking the papers {read * 1000:.0f} ms; laying out and drawing our "
              f"pages {layout * 1000:.0f} ms; copying the papers and stamping every page {stamp * 1000:.0f} ms; "
              f"bookmarks and writing {write * 1000:.0f} ms")
        fresh, (fresh_read, *_), fresh_times, _ = timed(fresh=True)
        print(f"build_pack in a new session (every paper's pages decoded again; papers attached in this session "
              f"or packed before were checked already): best of {args.runs}: {fresh * 1000:.0f} ms "
              f"(median {median(fresh_times) * 1000:.0f} ms), of which reading and checking the papers "
              f"{fresh_read * 1000:.0f} ms")

        pdfunite = find_pdfunite()
        if pdfunite is None:
            print("pdfunite (poppler-utils) is not installed and cannot be installed here (not root): skipped.")
            return 0
        unite_times = []
        for run in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run([pdfunite, *map(str, files), str(work / f"united-{run}.pdf")], check=True)
            unite_times.append(time.perf_counter() - t0)
        unite = min(unite_times)
        print(f"pdfunite:   {args.papers * args.pages} pages, best of {args.runs}: {unite * 1000:.0f} ms "
              f"(median {sorted(unite_times)[len(unite_times) // 2] * 1000:.0f} ms)")
        ratio = best / unite if unite else float("inf")
        verdict = "within" if ratio <= 3 else "OVER"
        print(f"ratio: {ratio:.2f} × pdfunite ({verdict} the 3 × target); "
              f"in a new session {fresh / unite if unite else float('inf'):.2f} ×")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
