"""Meeting pack benchmark: 30 papers of 10 pages each, against ``pdfunite``.

Builds a meeting with 30 items, each with one 10-page PDF paper (drawn here
with reportlab), then times :func:`~mqp_desktop.exporters.meeting_pack.build_pack`
(cover, contents, agenda, dividers, every page stamped with its number,
bookmarks) and ``pdfunite`` (poppler-utils) merging the same 30 files without
stamping. Target: the pack at most 3 × pdfunite.

The papers are attached first, in this process, as an officer attaches them; a paper checked whole
when attached is not decoded again for the pack (``pack_merge``). Each run also builds the pack
with nothing remembered ("in a new session": every paper's pages decoded again), and the runs of
the pack, the new-session pack and pdfunite take turns, so that on a shared machine they see the
same load.

    .venv/bin/python benchmarks/bench_pack.py [--papers 30] [--pages 10] [--runs 7]

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

        def build(run: int, fresh: bool) -> tuple[float, tuple[float, ...], object]:
            """One build: its time, its phases and result. ``fresh``: nothing remembered from the attach, so
            every paper's pages are checked again, as in a new session's first build."""
            marks: dict[str, float] = {}

            def progress(step: int, total: int, message: str) -> None:
                for phase in ("Laying out", "Numbering", "Writing"):
                    if message.startswith(phase):
                        marks.setdefault(phase, time.perf_counter())

            if fresh:
                forget_checked()
            cpu0 = time.process_time()
            t0 = time.perf_counter()
            result = build_pack(store, meeting.id, work / f"pack-{run}.pdf", save=False, progress=progress)
            end = time.perf_counter()
            (fresh_cpu if fresh else warm_cpu).append(time.process_time() - cpu0)
            return end - t0, (marks["Laying out"] - t0, marks["Numbering"] - marks["Laying out"],
                              marks["Writing"] - marks["Numbering"], end - marks["Writing"]), result

        def children_cpu() -> float | None:
            """Processor time of finished child processes so far (None where the platform does not say)."""
            try:
                import resource
            except ImportError:  # pragma: no cover - Windows
                return None
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime

        def unite_once(run: int) -> float:
            cpu0 = children_cpu()
            t0 = time.perf_counter()
            subprocess.run([pdfunite, *map(str, files), str(work / f"united-{run}.pdf")], check=True)
            took = time.perf_counter() - t0
            if cpu0 is not None:
                unite_cpu.append(children_cpu() - cpu0)
            return took

        def median(times: list[float]) -> float:
            return sorted(times)[len(times) // 2]

        # The runs take turns (a pack, a pack in a new session, pdfunite), so that on a shared, busy machine
        # the three see the same load and their ratio is fair.
        pdfunite = find_pdfunite()
        warm_cpu: list[float] = []
        fresh_cpu: list[float] = []
        unite_cpu: list[float] = []
        warm: list[tuple[float, tuple[float, ...]]] = []
        fresh: list[tuple[float, tuple[float, ...]]] = []
        unite_times: list[float] = []
        for run in range(args.runs):
            took, phases, result = build(run, fresh=False)
            warm.append((took, phases))
            took, phases, _ = build(run, fresh=True)
            fresh.append((took, phases))
            if pdfunite is not None:
                unite_times.append(unite_once(run))
        best, (read, layout, stamp, write) = min(warm)
        print(f"build_pack: {result.page_count} pages, {result.path.stat().st_size / 2**20:.1f} MiB, "
              f"best of {args.runs}: {best * 1000:.0f} ms (median {median([t for t, _ in warm]) * 1000:.0f} ms)")
        print(f"  of which: reading and checking the papers {read * 1000:.0f} ms; laying out and drawing our "
              f"pages {layout * 1000:.0f} ms; copying the papers and stamping every page {stamp * 1000:.0f} ms; "
              f"bookmarks and writing {write * 1000:.0f} ms")
        first, (first_read, *_) = min(fresh)
        print(f"build_pack in a new session (nothing remembered from the attach: every paper's pages decoded "
              f"again): best of {args.runs}: {first * 1000:.0f} ms (median {median([t for t, _ in fresh]) * 1000:.0f} "
              f"ms), of which reading and checking the papers {first_read * 1000:.0f} ms")
        if pdfunite is None:
            print("pdfunite (poppler-utils) is not installed and cannot be installed here (not root): skipped.")
            return 0
        unite = min(unite_times)
        print(f"pdfunite:   {args.papers * args.pages} pages, best of {args.runs}: {unite * 1000:.0f} ms "
              f"(median {median(unite_times) * 1000:.0f} ms)")
        ratio = best / unite if unite else float("inf")
        verdict = "within" if ratio <= 3 else "OVER"
        print(f"ratio: {ratio:.2f} × pdfunite ({verdict} the 3 × target); "
              f"in a new session {first / unite if unite else float('inf'):.2f} ×")
        if unite_cpu and min(unite_cpu) > 0:
            # The processors' time, which other work on a busy machine inflates less than the clock's.
            print(f"processor time, best of {args.runs}: build_pack {min(warm_cpu) * 1000:.0f} ms, in a new session "
                  f"{min(fresh_cpu) * 1000:.0f} ms; pdfunite {min(unite_cpu) * 1000:.0f} ms "
                  f"({min(warm_cpu) / min(unite_cpu):.2f} × and {min(fresh_cpu) / min(unite_cpu):.2f} ×)")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
