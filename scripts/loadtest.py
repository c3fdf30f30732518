"""Load test: simulated citizens talk to the gateway at increasing concurrency.

    .venv/bin/python scripts/loadtest.py                      # both setups, levels 1,10,50,100, writes docs/benchmarks.md
    .venv/bin/python scripts/loadtest.py --setup default --levels 1,10 --no-write
    .venv/bin/python scripts/loadtest.py --url http://127.0.0.1:8080 --no-write   # an already running gateway

Each citizen opens the chat (``/greet``) and has a realistic multi-turn German conversation
(service questions, follow-ups, opening hours, thanks) without think time, so the numbers are the
capacity of the machine. Every level is bounded in messages and seconds. Loopback only: the script
starts its own stack (``bot.local_stack``) on free ports — the single-machine default (SQLite,
in-memory lock store, one Rasa) and the scale-out set-up (PostgreSQL + Redis on loopback, two Rasa
instances; ``bot.local_infra``). Reports p50/p95/p99 latency per message, throughput, errors and the
peak RSS (VmHWM) of each process, plus a profile of one turn split into NLU, policies, action call
and tracker-store access, measured through Rasa's own HTTP API.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.internal import SECRET_HEADER  # noqa: E402
from bot.local_stack import LiveStack, child_processes, start_stack, stop_stack  # noqa: E402

TECHNICAL_ERROR = "aus technischen Gründen"

#: Conversations citizens really have (texts not taken from the training data verbatim).
CONVERSATIONS: list[list[str]] = [
    ["Guten Tag", "Mein Personalausweis ist abgelaufen, was muss ich tun?", "Was kostet das?",
     "Wann hat das Bürgeramt geöffnet?", "Danke, tschüss"],
    ["Hallo", "Ich ziehe nach Koblenz, wie melde ich mich an?", "Welche Unterlagen brauche ich dafür?",
     "Hat das Bürgeramt am Samstag offen?", "Vielen Dank"],
    ["Moin", "Was kostet ein Reisepass?", "Wie lange dauert das?", "Kann ich einen Termin machen?", "Danke!"],
    ["Hallo Schängel", "Ich möchte mein Auto ummelden", "Wo ist die Zulassungsstelle?",
     "Wann ist die Zulassungsstelle geöffnet?", "Tschüss"],
    ["Guten Morgen", "Ich brauche ein Führungszeugnis", "Geht das auch online?", "Was kostet das?",
     "Danke für die Hilfe"],
    ["Hi", "Wir haben ein Baby bekommen, was müssen wir erledigen?", "Wo ist das Standesamt?",
     "Hat das Standesamt morgen geöffnet?", "Danke"],
]

SETUP_TITLES = {
    "default": "single machine (SQLite, in-memory lock store, 1 Rasa, 1 action server)",
    "scaleout": "PostgreSQL + Redis, 2 Rasa instances, 1 action server",
}


@dataclass
class LevelResult:
    concurrency: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    #: how long the failed messages took (a gateway→Rasa timeout shows as ≈ SCHAENGEL_RASA_TIMEOUT)
    error_ms: list[float] = field(default_factory=list)
    reasons: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    #: 1-minute load average at the end of the level (other work on the machine shows here)
    load: float = 0.0

    @property
    def messages(self) -> int:
        return len(self.latencies_ms) + self.errors

    def pct(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    @property
    def throughput(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


async def _citizen(client: httpx.AsyncClient, base: str, result: LevelResult, budget: "Budget",
                   conversations: "itertools.cycle[list[str]]") -> None:
    while True:
        session = uuid.uuid4().hex
        turns: list[dict[str, str]] = [{"payload": "/greet"}] + [{"text": t} for t in next(conversations)]
        for turn in turns:
            if not budget.take():
                return
            started = time.perf_counter()
            reason = ""
            try:
                response = await client.post(f"{base}/api/v1/chat", json={"session_id": session, **turn})
                ok = response.status_code == 200 and TECHNICAL_ERROR not in response.text
                if not ok:
                    reason = f"HTTP {response.status_code}" + (" technical-error reply" if TECHNICAL_ERROR in response.text
                                                                else "")
            except httpx.HTTPError as exc:
                ok, reason = False, type(exc).__name__
            elapsed = (time.perf_counter() - started) * 1000
            if ok:
                result.latencies_ms.append(elapsed)
            else:
                result.errors += 1
                result.error_ms.append(elapsed)
                result.reasons[reason] = result.reasons.get(reason, 0) + 1


class Budget:
    """At most ``messages`` messages and ``seconds`` seconds per level."""

    def __init__(self, messages: int, seconds: float) -> None:
        self.left = messages
        self.deadline = time.monotonic() + seconds

    def take(self) -> bool:
        if self.left <= 0 or time.monotonic() > self.deadline:
            return False
        self.left -= 1
        return True


async def run_level(base: str, concurrency: int, messages: int, seconds: float) -> LevelResult:
    result = LevelResult(concurrency)
    budget = Budget(messages, seconds)
    conversations = itertools.cycle(CONVERSATIONS)
    limits = httpx.Limits(max_connections=concurrency + 10, max_keepalive_connections=concurrency + 10)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(_citizen(client, base, result, budget, conversations) for _ in range(concurrency)))
        result.seconds = time.perf_counter() - started
    result.load = os.getloadavg()[0]
    return result


async def profile_turn(stack: LiveStack, repeats: int = 20) -> dict[str, float]:
    """Median ms of the parts of one turn, through Rasa's token-protected API (localhost)."""
    token = stack.env["SCHAENGEL_RASA_TOKEN"]
    rasa = stack.rasa_url
    text = "Was kostet ein Reisepass?"
    timings: dict[str, list[float]] = {k: [] for k in (
        "gateway end to end", "Rasa REST webhook (whole turn)", "NLU (/model/parse)",
        "tracker load (GET tracker)", "policies (/predict, incl. tracker load)",
        "action_answer_service (/execute, incl. action server + tracker save)", "action server alone (/health)")}
    async with httpx.AsyncClient(timeout=60) as client:
        async def timed(name: str, coro: Any) -> Any:
            started = time.perf_counter()
            response = await coro
            timings[name].append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
            return response

        for _ in range(repeats):
            session = uuid.uuid4().hex
            await timed("gateway end to end",
                        client.post(f"{stack.base_url}/api/v1/chat", json={"session_id": session, "text": text}))
            rest_session = uuid.uuid4().hex
            await timed("Rasa REST webhook (whole turn)",
                        client.post(f"{rasa}/webhooks/rest/webhook", json={"sender": rest_session, "message": text},
                                    headers={SECRET_HEADER: stack.env["SCHAENGEL_INTERNAL_SECRET"]}))
            await timed("NLU (/model/parse)", client.post(f"{rasa}/model/parse", params={"token": token},
                                                          json={"text": text}))
            await timed("tracker load (GET tracker)",
                        client.get(f"{rasa}/conversations/{session}/tracker", params={"token": token}))
            await timed("policies (/predict, incl. tracker load)",
                        client.post(f"{rasa}/conversations/{session}/predict", params={"token": token}))
            await timed("action_answer_service (/execute, incl. action server + tracker save)",
                        client.post(f"{rasa}/conversations/{session}/execute", params={"token": token},
                                    json={"name": "action_answer_service"}))
            await timed("action server alone (/health)", client.get(f"{stack.env['SCHAENGEL_ACTION_URL']}/health"))
    return {name: statistics.median(values) for name, values in timings.items()}


def peak_rss_mb(pids: dict[str, int]) -> dict[str, float]:
    """VmHWM (peak resident set) of each process, in MB."""
    peaks = {}
    for name, pid in pids.items():
        try:
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmHWM:"):
                    peaks[name] = int(line.split()[1]) / 1024
        except OSError:
            continue
    return peaks


def stack_pids(stack: LiveStack, infra: Any = None) -> dict[str, int]:
    pids: dict[str, int] = {}
    for pid, cmd in sorted(child_processes(stack.process.pid).items()):
        if "bot.internal.action_server" in cmd:
            name = "action server"
        elif "bot.internal.rasa_server" in cmd:
            name = f"rasa {sum(1 for n in pids if n.startswith('rasa')) + 1}"
        elif "uvicorn" in cmd:
            name = "gateway"
        else:
            continue
        pids[name] = pid
    if infra is not None:
        pids["redis"] = infra.redis.pid
        postmaster = infra.pg_data / "postmaster.pid"
        if postmaster.is_file():
            pg = int(postmaster.read_text().split()[0])
            pids["postgres (postmaster)"] = pg
            for i, child in enumerate(sorted(child_processes(pg))):
                pids[f"postgres backend {i + 1}"] = child
    return pids


@dataclass
class SetupResult:
    setup: str
    levels: list[LevelResult]
    rss: dict[str, float]
    profile: dict[str, float]


def run_setup(setup: str, levels: list[int], per_level: int, seconds: float) -> SetupResult:
    infra = None
    # All load comes from 127.0.0.1: bot.local_stack switches the gateway's per-IP/per-session rate limits
    # off (SCHAENGEL_RATE_LIMIT_*=0) for the stacks it starts.
    extra_env: dict[str, str] = {}
    instances = 1
    if setup == "scaleout":
        from bot.local_infra import start_infra

        infra = start_infra()
        extra_env.update(infra.scale_out_env(2))
        instances = 2
    var_dir = Path(tempfile.mkdtemp(prefix=f"schaengel-load-{setup}-"))
    print(f"== {setup}: starte Stack …", flush=True)
    stack = start_stack(var_dir, extra_env, rasa_instances=instances)
    try:
        asyncio.run(run_level(stack.base_url, 4, 30, 30))  # warm-up (first TensorFlow calls are slow)
        results = []
        for concurrency in levels:
            result = asyncio.run(run_level(stack.base_url, concurrency, max(per_level, concurrency * 3), seconds))
            results.append(result)
            print(f"   c={concurrency:>3}: {result.messages} Nachrichten, p50 {result.pct(50):.0f} ms, "
                  f"p95 {result.pct(95):.0f} ms, p99 {result.pct(99):.0f} ms, {result.throughput:.1f}/s, "
                  f"Fehler {result.errors}", flush=True)
        profile = asyncio.run(profile_turn(stack))
        rss = peak_rss_mb(stack_pids(stack, infra))
    finally:
        stop_stack(stack)
        if infra is not None:
            infra.stop()
        shutil.rmtree(var_dir, ignore_errors=True)
    return SetupResult(setup, results, rss, profile)


def render(results: list[SetupResult], command: str, levels: list[int]) -> str:
    lines = [
        "## Load (scripts/loadtest.py)",
        "",
        f"Command: `{command}` — measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on "
        f"this {_cpus()}-core machine, Python {platform.python_version()}. "
        "Simulated citizens open the chat (`/greet`) and have 5-turn German conversations "
        "(service question, follow-up, opening hours, thanks) through the gateway with no think time; "
        "every level is bounded (≥ 3 messages per citizen, at most the time limit). Errors = non-200 or the "
        "technical-error apology. Latency is per message, end to end at the client.",
        "",
    ]
    for result in results:
        failed: list[str] = []
        lines += [f"### {SETUP_TITLES[result.setup]}", "",
                  "| concurrency | messages | p50 ms | p95 ms | p99 ms | messages/s | errors | load avg |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for level in result.levels:
            if level.errors:
                failed.append(f"concurrency {level.concurrency}: {level.errors} failed after "
                              f"{min(level.error_ms) / 1000:.1f}–{max(level.error_ms) / 1000:.1f} s "
                              f"({', '.join(f'{n}× {r}' for r, n in level.reasons.items())})")
            lines.append(f"| {level.concurrency} | {level.messages} | {level.pct(50):.0f} | {level.pct(95):.0f} | "
                         f"{level.pct(99):.0f} | {level.throughput:.1f} | {level.errors} | {level.load:.1f} |")
        if failed:
            lines += ["", "Failed messages (technical-error apology): " + "; ".join(failed) + "."]
        rss = {name: mb for name, mb in result.rss.items() if not name.startswith("postgres backend")}
        backends = [mb for name, mb in result.rss.items() if name.startswith("postgres backend")]
        shown = [f"{name} {mb:.0f} MB" for name, mb in rss.items()]
        if backends:
            shown.append(f"{len(backends)} postgres backends {min(backends):.0f}–{max(backends):.0f} MB each")
        lines += ["", "Peak RSS (VmHWM): " + ", ".join(shown), "",
                  "Profile of one turn (`Was kostet ein Reisepass?`, median of 20, ms):", ""]
        lines += [f"- {name}: {ms:.1f}" for name, ms in result.profile.items()]
        lines.append("")
    lines += ["### Goals", ""]
    for result in results:
        lines += goal_lines(result)
    return "\n".join(lines) + "\n"


def goal_lines(result: SetupResult) -> list[str]:
    by_c = {level.concurrency: level for level in result.levels}
    out = [f"{SETUP_TITLES[result.setup]}:"]
    if 1 in by_c:
        p95 = by_c[1].pct(95)
        out.append(f"- single-user p95 ≤ 150 ms: {'met' if p95 <= 150 else 'NOT met'} ({p95:.0f} ms)")
    best = max(result.levels, key=lambda lv: lv.throughput)
    clean = [lv for lv in result.levels if lv.errors == 0]
    best_clean = max(clean, key=lambda lv: lv.throughput) if clean else None
    if best_clean is not None:
        out.append(f"- ≥ 30 messages/s sustained with zero errors: "
                   f"{'met' if best_clean.throughput >= 30 else 'NOT met'} (best error-free level: "
                   f"{best_clean.throughput:.1f}/s at concurrency {best_clean.concurrency}; best overall "
                   f"{best.throughput:.1f}/s)")
    else:
        out.append("- ≥ 30 messages/s with zero errors: NOT met (every level had errors)")
    if 1 in by_c and len(result.levels) > 1:
        base = by_c[1].pct(50)
        ratios = ", ".join(f"c={lv.concurrency}: p50 ×{lv.pct(50) / base:.1f}" for lv in result.levels[1:])
        # a saturated server queues requests: p50 should grow at most ~ proportionally to concurrency
        linear = all(lv.pct(50) / base <= 1.5 * lv.concurrency for lv in result.levels[1:])
        out.append(f"- latency grows at most linearly with concurrency: {'met' if linear else 'NOT met'} ({ratios})")
    out.append("")
    return out


def _cpus() -> int:
    return os.cpu_count() or 0


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--setup", choices=["default", "scaleout", "both"], default="both")
    parser.add_argument("--levels", default="1,10,50,100")
    parser.add_argument("--messages", type=int, default=150, help="messages per level (at least 3 per citizen)")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per level")
    parser.add_argument("--url", help="load an already running gateway instead (no RSS/profile)")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",")]
    if args.url:
        if not args.url.startswith(("http://127.0.0.1", "http://localhost")):
            parser.error("loopback only")
        for concurrency in levels:
            result = asyncio.run(run_level(args.url.rstrip("/"), concurrency, max(args.messages, concurrency * 3),
                                           args.seconds))
            print(json.dumps({"concurrency": concurrency, "messages": result.messages, "p50": result.pct(50),
                              "p95": result.pct(95), "p99": result.pct(99), "per_s": result.throughput,
                              "errors": result.errors}))
        return 0
    setups = ["default", "scaleout"] if args.setup == "both" else [args.setup]
    results = [run_setup(setup, levels, args.messages, args.seconds) for setup in setups]
    model = os.environ.get("SCHAENGEL_MODEL", "").strip()
    prefix = f"SCHAENGEL_MODEL={model.replace(str(Path.home()), '~')} " if model else ""
    section = render(results, prefix + ".venv/bin/python scripts/loadtest.py " +
                     " ".join(argv if argv is not None else sys.argv[1:]), levels)
    print(section)
    if not args.no_write:
        from bot.benchmarks_doc import write_section

        write_section(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
