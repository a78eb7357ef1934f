"""Performance benchmark of the site against a bare Material site, with budgets.

    .venv/bin/python scripts/benchmark.py [--sizes 0 10 100 1000 5000] [--repeat 3] [--quick]

For each size, copies the project (as it is now) to a temporary folder, fills data/ with that
many synthetic initiatives (scripts/synthetic_data.py; size 0 keeps the project's own data, the
real-size row), builds it, writes a bare Material site
with one plain Markdown page for each page we built, holding the same text
(scripts/baseline_site.py), and builds both with `mkdocs build --strict`, alternately, taking the
median wall time. It then measures sizes and first-visit bytes
(scripts/site_metrics.py), where the real-size build spends its time (scripts/build_phases.py)
and, at real size and 1 000 initiatives, how fast `strategi preview` (`mkdocs serve --dirty`)
shows a data change (scripts/preview_latency.py). Prints one table, writes it to
scripts/benchmark-resultater.md and exits 1 if a budget is missed. Not part of the test run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from baseline_site import write_baseline
from preview_latency import median, preview_latency
from site_metrics import FirstVisit, SiteSizes, first_visit, site_sizes
from synthetic_data import Counts, real_counts, write_synthetic_data

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "benchmark-resultater.md"
BUILD_DATE = "2026-11-23"
IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__",
                                ".pytest_cache", ".ruff_cache", ".site-*", ".cache")

# Budgets.
BUILD_RATIO_SIZE = 1000
BUILD_RATIO_MAX = 1.25
REAL = 0  # the size that keeps the project's own data
REAL_RATIO_MAX = 2.0  # the real-size build against bare Material (the goal stays 1.25×)
PREVIEW_SIZES = (REAL, 1000)
PREVIEW_MAX = {REAL: 1.5, 1000: 3.0}  # seconds, median
PER_INITIATIVE_SPREAD = 0.25  # size per initiative, 100 … 5 000, within 25 %
PAGE_LIMIT = 100 * 1024
FIRST_VISIT_LIMIT = 150 * 1024
LARGE = 5000  # sizes from here are built `--large-repeat` times


@dataclass
class Result:
    n: int
    counts: Counts
    ours: list[float]
    bare: list[float]
    ours_cpu: list[float]
    bare_cpu: list[float]
    sizes: SiteSizes
    bare_sizes: SiteSizes
    front: FirstVisit
    initiative_page: str
    initiative: FirstVisit
    preview: list[float] = field(default_factory=list)
    phases: str = ""

    @property
    def ratio(self) -> float:
        return statistics.median(self.ours) / statistics.median(self.bare)

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(self.ours_cpu) / statistics.median(self.bare_cpu)


def _env() -> dict[str, str]:
    return {**os.environ, "STRATEGI_DATO": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": "http://127.0.0.1:8000/"}


def timed_build(project: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one strict build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=project, env=_env(), capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def _initiative_page(site: Path) -> str:
    """The largest generated initiative page (the worst case for a first visit)."""
    pages = [p for p in (site / "tiltag").glob("*/index.html")]
    largest = max(pages, key=lambda p: p.stat().st_size)
    return largest.relative_to(site).as_posix()


def measure(n: int, repeat: int, preview: bool, work: Path) -> Result:
    project = work / "projekt"
    shutil.copytree(ROOT, project, ignore=IGNORE)
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the editor's bundle
    if n == REAL:
        # The real site's build reads data/'s history from git, as the published build does
        # (the first build fills .cache/, as a clean clone's first build would).
        subprocess.run(["git", "clone", "-q", "--no-checkout", "--shared", str(ROOT),
                        str(work / "git")], check=True)
        (work / "git" / ".git").rename(project / ".git")
    counts = real_counts(project) if n == REAL else write_synthetic_data(project, n)
    ours, bare, ours_cpu, bare_cpu = [], [], [], []
    for run in range(repeat):
        print(f"  n={n}: build {run + 1}/{repeat}", flush=True)
        wall, cpu = timed_build(project, work / "site")
        ours.append(wall)
        ours_cpu.append(cpu)
        if run == 0:
            # The baseline holds the text of our built pages, so it is written after our first
            # build (untimed).
            write_baseline(work / "site", project, work / "bare")
        wall, cpu = timed_build(work / "bare", work / "bare-site")
        bare.append(wall)
        bare_cpu.append(cpu)
    site = work / "site"
    page = _initiative_page(site)
    result = Result(
        n=n, counts=counts, ours=ours, bare=bare,
        ours_cpu=ours_cpu, bare_cpu=bare_cpu,
        sizes=site_sizes(site, PAGE_LIMIT), bare_sizes=site_sizes(work / "bare-site", PAGE_LIMIT),
        front=first_visit(site, "index.html"), initiative_page=page,
        initiative=first_visit(site, page))
    if n == REAL:
        print(f"  n={n}: phases", flush=True)
        result.phases = _phases(project, work / "site-faser")
    if preview:
        print(f"  n={n}: preview latency", flush=True)
        result.preview = preview_latency(project, _env(), edits=repeat)
    return result


def _phases(project: Path, site: Path) -> str:
    """The phase table of one build (a warm cache, as the timed builds had)."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("build_phases.py")), str(project),
         "--site-dir", str(site)], env=_env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"phases of {project} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def _label(r: Result) -> str:
    return f"{r.counts.initiatives} (rigtige data)" if r.n == REAL else str(r.counts.initiatives)


def _kb(value: int) -> str:
    return f"{value / 1024:,.0f}".replace(",", " ")


def _mb(value: int) -> str:
    return f"{value / 1024 / 1024:.1f}"


def per_initiative(results: list[Result]) -> dict[int, float]:
    """Marginal site bytes per initiative relative to the smallest size (fixed costs removed)."""
    synthetic = [r for r in results if r.n != REAL]
    if not synthetic:
        return {}
    base = min(synthetic, key=lambda r: r.n)
    return {r.n: (r.sizes.total_bytes - base.sizes.total_bytes) / (r.n - base.n)
            for r in synthetic if r.n > base.n}


def table(results: list[Result]) -> str:
    marginal = per_initiative(results)
    head = ("| Tiltag | Sider (vores/bar) | Build vores s (CPU) | Build bar s (CPU) | "
            "Forhold (CPU) | Site MB (vores/bar) | KB pr. tiltag | Største side KB | "
            "Søgeindeks KB (rå/gzip) | "
            "Første besøg forside KB gzip | Første besøg tiltagsside KB gzip | "
            "+ søgning KB gzip |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        per = f"{marginal[r.n] / 1024:.1f}" if r.n in marginal else "–"
        lines.append(
            f"| {_label(r)} | {r.sizes.html_pages}/{r.bare_sizes.html_pages} | "
            f"{statistics.median(r.ours):.1f} ({statistics.median(r.ours_cpu):.1f}) | "
            f"{statistics.median(r.bare):.1f} ({statistics.median(r.bare_cpu):.1f}) | "
            f"{r.ratio:.2f}× ({r.cpu_ratio:.2f}×) | "
            f"{_mb(r.sizes.total_bytes)}/{_mb(r.bare_sizes.total_bytes)} | "
            f"{per} | {_kb(r.sizes.largest_page_bytes)} ({r.sizes.largest_page}) | "
            f"{_kb(r.sizes.search_index_bytes)}/{_kb(r.sizes.search_index_gzip)} | "
            f"{_kb(r.front.page_gzip)} | {_kb(r.initiative.page_gzip)} | "
            f"{_kb(r.front.search_gzip)} |")
    previews = [r for r in results if r.preview]
    for r in previews:
        lines += ["", f"Forhåndsvisning ved {_label(r)} tiltag (`strategi preview`): "
                  f"ændring af et tiltags fil i data/tiltag/ vist på tiltagets side efter "
                  f"{median(r.preview):.1f} s (median af {len(r.preview)}; "
                  + ", ".join(f"{t:.1f}" for t in r.preview) + " s)."]
    for r in results:
        if r.phases:
            lines += ["", f"Hvor byggeriet ved {_label(r)} tiltag bruger tiden (ét byggeri i "
                      "én proces med ur på hver fase, scripts/build_phases.py; en fases egen "
                      "tid, uden faser inden i den):", "", "```", r.phases, "```"]
    return "\n".join(lines)


def budgets(results: list[Result]) -> list[tuple[bool, str]]:
    checks: list[tuple[bool, str]] = []
    for r in results:
        if r.n == BUILD_RATIO_SIZE:
            checks.append((r.ratio <= BUILD_RATIO_MAX,
                           f"build ved {r.n} tiltag {r.ratio:.2f}× bar Material "
                           f"(grænse {BUILD_RATIO_MAX}×)"))
        if r.n == REAL:
            checks.append((r.ratio <= REAL_RATIO_MAX,
                           f"build ved {_label(r)} tiltag {r.ratio:.2f}× bar Material "
                           f"(grænse {REAL_RATIO_MAX}×, mål {BUILD_RATIO_MAX}×)"))
        if r.preview and r.n in PREVIEW_MAX:
            checks.append((median(r.preview) <= PREVIEW_MAX[r.n],
                           f"forhåndsvisning ved {_label(r)} tiltag {median(r.preview):.1f} s "
                           f"(grænse {PREVIEW_MAX[r.n]} s)"))
    per = {n: v for n, v in per_initiative(results).items() if n >= 100}
    if len(per) >= 2:
        low, high = min(per.values()), max(per.values())
        checks.append((high <= low * (1 + PER_INITIATIVE_SPREAD),
                       f"site-størrelse pr. tiltag {low / 1024:.1f}–{high / 1024:.1f} KB "
                       f"(højst {PER_INITIATIVE_SPREAD:.0%} forskel fra 100 til 5 000)"))
    for r in results:
        over = r.sizes.pages_over_limit
        checks.append((not over, f"ved {_label(r)} tiltag: {len(over)} HTML-sider over "
                       f"{_kb(PAGE_LIMIT)} KB" + (f" ({', '.join(over)})" if over else "")))
        worst = max(r.front.page_gzip, r.initiative.page_gzip)
        checks.append((worst <= FIRST_VISIT_LIMIT,
                       f"ved {_label(r)} tiltag: første besøg højst {_kb(worst)} KB gzip "
                       f"(grænse {_kb(FIRST_VISIT_LIMIT)} KB, søgeindeks ikke medregnet)"))
    return checks


def report(results: list[Result], checks: list[tuple[bool, str]], command: str) -> str:
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "--version"], capture_output=True,
                            text=True, check=False, env=_env()).stdout.strip()
    lines = [
        "# Benchmark: vores site mod bar Material", "",
        f"Kørt {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} på en maskine med "
        f"{os.cpu_count()} CPU'er, Python {sys.version.split()[0]}, {mkdocs.split(' from ')[0]}. "
        f"Kommando: `{command}`.", "",
        "Byggetider er vægurstid for `mkdocs build --strict` (median; vores og bar bygges på "
        "skift), i parentes CPU-tid (bruger + system), som er mindre følsom for anden last. "
        "«Bar» er Material med en almindelig Markdown-side for hver af vores sider, på samme "
        "adresse og med sidens tekst (overskrifter, afsnit, lister, tabeller og links; ikke "
        "diagrammer), og de samme temaindstillinger, men uden makroer, hooks og data. "
        "«KB pr. tiltag» er sitets vækst pr. ekstra tiltag i forhold til den mindste "
        "størrelse. «Første besøg» er "
        "HTML plus alle CSS/JS/billeder/skrifttyper, siden henviser til, gzip; «+ søgning» er "
        "søge-workeren og søgeindekset, som Materials JavaScript henter lige efter.", "",
        table(results), "", "## Budgetter", "",
        *[f"- {'OK' if ok else 'OVERSKREDET'}: {text}" for ok, text in checks], "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[REAL, 10, 100, 1000, 5000],
                        help=f"initiatives per build; {REAL} is the project's own data")
    parser.add_argument("--repeat", type=int, default=3, help="builds per size (median)")
    parser.add_argument("--large-repeat", type=int, default=None,
                        help=f"builds per size from {LARGE} initiatives (default: --repeat; "
                        "1 keeps the largest size for size measures on a slow machine)")
    parser.add_argument("--quick", action="store_true", help="10 and 100 initiatives, 1 build")
    parser.add_argument("--no-preview", action="store_true", help="skip the preview test")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    sizes = [REAL, 10, 100] if args.quick else sorted(set(args.sizes))
    repeat = 1 if args.quick else args.repeat
    results = []
    for n in sizes:
        print(f"== {n} tiltag", flush=True)
        with tempfile.TemporaryDirectory(prefix=f"benchmark-{n}-") as work:
            large = repeat if args.large_repeat is None else args.large_repeat
            runs = large if n >= LARGE else repeat
            results.append(measure(n, runs, n in PREVIEW_SIZES and not args.no_preview,
                                   Path(work)))
    checks = budgets(results)
    command = "python scripts/benchmark.py " + " ".join(sys.argv[1:])
    text = report(results, checks, command.strip())
    print(text)
    args.output.write_text(text, encoding="utf-8")
    return 0 if all(ok for ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
