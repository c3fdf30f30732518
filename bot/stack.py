"""Start and supervise the whole bot: action server, Rasa and the public gateway.

    python -m bot.stack            # what `make run` calls

Trains the model first if the training data changed. Rasa and the action server
bind to 127.0.0.1 only; Rasa's HTTP API needs a token (``SCHAENGEL_RASA_TOKEN``),
Rasa's REST channel and the action server need the internal secret
(``SCHAENGEL_INTERNAL_SECRET``, bot/internal); both are random per start if unset and
reach the processes by environment, never on a command line. Each process logs to
``var/logs/<name>.log``. If any process dies it is restarted (at most five times in
five minutes, then all are stopped with a non-zero exit code); Ctrl-C (SIGINT) or
SIGTERM stops all cleanly.

Scale-out (docs/deployment.md): ``SCHAENGEL_RASA_INSTANCES``/``SCHAENGEL_ACTION_INSTANCES`` start
several Rasa processes/action servers (logs ``rasa-1.log`` …); they need a shared tracker and lock
store (``SCHAENGEL_ENDPOINTS=deploy/endpoints.production.yml``: PostgreSQL + Redis). The default is
one of each on SQLite with the in-memory lock store.
"""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import urlopen

import yaml

from bot.config import PROJECT_ROOT, Settings, load_settings, split_urls
from bot.rasa_cli import rasa_env
from bot.training import ensure_model

STARTUP_TIMEOUT_SECONDS = 180
STOP_TIMEOUT_SECONDS = 15
#: a process that dies is restarted, but not more often than this within the window
MAX_RESTARTS = 5
RESTART_WINDOW_SECONDS = 300


@dataclass
class Component:
    name: str
    command: list[str]
    env: dict[str, str]
    ready_url: str
    process: Optional[subprocess.Popen] = None
    log_path: Optional[Path] = None
    restarts: list[float] = field(default_factory=list)
    #: consecutive components of one group are started together, then awaited
    group: str = ""


def _instance_urls(configured: str, port: int, count: int) -> list[tuple[str, int]]:
    """(URL, port) of each local instance: the configured URL(s) if they match ``count``, else consecutive ports."""
    urls = split_urls(configured)
    if count <= 1:
        return [(urls[0] if urls else f"http://127.0.0.1:{port}", port)]
    if len(urls) == count:
        return [(url, urlsplit(url).port or port + i) for i, url in enumerate(urls)]
    return [(f"http://127.0.0.1:{port + i}", port + i) for i in range(count)]


def _named(base: str, index: int, count: int) -> str:
    return base if count <= 1 else f"{base}-{index + 1}"


def _components(settings: Settings, model: Path, token: str,
                internal_secret: Optional[str] = None) -> list[Component]:
    """Action server(s), Rasa instance(s) and the gateway, in start order.

    ``token`` (Rasa's HTTP API) and ``internal_secret`` (REST channel, action webhook; random if not
    given) go into every component's environment; each process needs only some of them.

    With ``SCHAENGEL_RASA_INSTANCES``/``SCHAENGEL_ACTION_INSTANCES`` above 1, Rasa instance *i* uses
    action server *i mod M*, and the gateway spreads requests over all Rasa instances.
    """
    python = sys.executable
    env = rasa_env(
        SCHAENGEL_ACTION_URL=settings.action_url,
        SCHAENGEL_RASA_TOKEN=token,
        SCHAENGEL_INTERNAL_SECRET=internal_secret or secrets.token_urlsafe(32),
        SANIC_HOST="127.0.0.1",
    )
    actions = _instance_urls(settings.action_url, settings.action_port, max(1, settings.action_instances))
    rasas = _instance_urls(settings.rasa_url, settings.rasa_port, max(1, settings.rasa_instances))
    components = [
        Component(
            _named("actions", i, len(actions)),
            [python, "-m", "bot.internal.action_server", "--actions", "actions", "--port", str(port)],
            env,
            f"{url}/health",
            group="actions",
        )
        for i, (url, port) in enumerate(actions)
    ]
    for i, (url, port) in enumerate(rasas):
        components.append(Component(
            _named("rasa", i, len(rasas)),
            # the token reaches Rasa by environment (bot.internal.rasa_server), not on the command line
            [python, "-m", "bot.internal.rasa_server", "--model", str(model), "--enable-api",
             "--interface", "127.0.0.1", "--port", str(port),
             "--endpoints", settings.endpoints_file,
             "--credentials", "credentials.yml"],
            {**env, "SCHAENGEL_ACTION_URL": actions[i % len(actions)][0]},
            f"{url}/",
            group="rasa",
        ))
    gateway_env = {
        **env,
        "SCHAENGEL_GATEWAY_SECRET": settings.gateway_secret or gateway_secret_file(settings.var_dir),
        "SCHAENGEL_RASA_URL": ",".join(url for url, _port in rasas),
        "SCHAENGEL_ACTION_URL": ",".join(url for url, _port in actions),
    }
    components.append(Component(
        "gateway",
        [python, "-m", "uvicorn", "bot.gateway.app:create_app", "--factory", "--host", settings.gateway_host,
         "--port", str(settings.gateway_port), "--no-server-header", "--log-level", "warning",
         # idle keep-alive connections live longer than a reverse proxy's/browser's reuse window (nginx: 60 s),
         # else a reused connection can be closed under the client (RemoteProtocolError seen under load at 5 s)
         "--timeout-keep-alive", "75"],
        gateway_env,
        f"http://127.0.0.1:{settings.gateway_port}/health",
    ))
    return components


def gateway_secret_file(var_dir: Path) -> str:
    """The gateway's signing key when ``SCHAENGEL_GATEWAY_SECRET`` is unset: made once and kept in
    ``var/gateway_secret`` (owner-only), so a restarted gateway or stack still honours the button
    payloads, message ids and events tokens it signed before — a citizen waiting for a person keeps
    receiving staff replies across a restart."""
    path = var_dir / "gateway_secret"
    try:
        value = path.read_text(encoding="ascii").strip()
    except OSError:
        value = ""
    if not value:
        value = secrets.token_urlsafe(32)
        var_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(value)
    return value


def check_scale_out(settings: Settings) -> Optional[str]:
    """Why this configuration must not run several Rasa instances (None if it may)."""
    if settings.rasa_instances <= 1:
        return None
    path = PROJECT_ROOT / settings.endpoints_file
    try:
        endpoints = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        return f"{path} ist nicht lesbar: {exc}"
    lock_type = str((endpoints.get("lock_store") or {}).get("type", "")).lower()
    tracker_dialect = str((endpoints.get("tracker_store") or {}).get("dialect", "")).lower()
    if lock_type != "redis" or tracker_dialect == "sqlite":
        return (
            "Mehrere Rasa-Instanzen brauchen einen gemeinsamen Tracker-Store (PostgreSQL) und den "
            "Redis-Lock-Store, z. B. SCHAENGEL_ENDPOINTS=deploy/endpoints.production.yml "
            "(docs/deployment.md)."
        )
    return None


class Supervisor:
    def __init__(self, components: list[Component], log_dir: Path, say: Callable[[str], None] = print) -> None:
        self.components = components
        self.log_dir = log_dir
        self.say = say
        self._stopping = False

    def start_all(self) -> bool:
        """Start the components in order; False if a stop was requested meanwhile."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        index = 0
        while index < len(self.components):
            batch = [self.components[index]]
            while (index + len(batch) < len(self.components) and batch[0].group
                   and self.components[index + len(batch)].group == batch[0].group):
                batch.append(self.components[index + len(batch)])
            for component in batch:
                self._start(component)
            for component in batch:
                if not self._wait_ready(component):
                    return False
            index += len(batch)
        return True

    def _start(self, component: Component) -> None:
        component.log_path = self.log_dir / f"{component.name}.log"
        log = open(component.log_path, "ab")
        self.say(f"  starte {component.name} …")
        component.process = subprocess.Popen(
            component.command, cwd=PROJECT_ROOT, env=component.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches only the supervisor, which stops children in order
        )
        log.close()

    def _wait_ready(self, component: Component) -> bool:
        """True once the component answers; False if a stop was requested first."""
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self._stopping:
                return False
            if component.process is not None and component.process.poll() is not None:
                raise RuntimeError(f"{component.name} ist beim Start beendet worden")
            try:
                with urlopen(component.ready_url, timeout=2) as response:  # noqa: S310 (localhost)
                    if response.status == 200:
                        self.say(f"  {component.name} bereit")
                        return True
            except (URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{component.name} wurde nicht rechtzeitig bereit")

    def watch(self) -> int:
        """Restart processes that die; return 0 on a stop request, 1 when restarts are exhausted."""
        while not self._stopping:
            for component in self.components:
                if component.process is None or component.process.poll() is None:
                    continue
                self.say(f"{component.name} wurde unerwartet beendet (Exit-Code {component.process.returncode}).")
                self.tail(component)
                now = time.monotonic()
                component.restarts = [t for t in component.restarts if now - t < RESTART_WINDOW_SECONDS]
                if len(component.restarts) >= MAX_RESTARTS:
                    self.say(f"{component.name} stürzt wiederholt ab – Schängel wird beendet.")
                    return 1
                component.restarts.append(now)
                try:
                    self._start(component)
                    self._wait_ready(component)
                except RuntimeError as exc:
                    self.say(f"Neustart von {component.name} fehlgeschlagen: {exc}")
            time.sleep(0.5)
        return 0

    def request_stop(self, *_args: object) -> None:
        self._stopping = True

    def stop_all(self) -> None:
        for component in reversed(self.components):
            process = component.process
            if process is None or process.poll() is not None:
                continue
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for component in self.components:
            process = component.process
            if process is None:
                continue
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def tail(self, component: Component, lines: int = 25) -> None:
        if component.log_path and component.log_path.is_file():
            content = component.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
            self.say(f"--- letzte Zeilen aus {component.log_path} ---")
            for line in content:
                self.say(line)


def main() -> int:
    settings = load_settings()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    problem = check_scale_out(settings)
    if problem:
        print(f"Start abgelehnt: {problem}", file=sys.stderr)
        return 1
    try:
        # a given model (scripts/test.sh passes the one it ensured; load tests pin one) skips the hash check
        pinned = os.environ.get("SCHAENGEL_MODEL", "").strip()
        model = Path(pinned) if pinned and Path(pinned).is_file() else ensure_model()
    except subprocess.CalledProcessError:
        print("Das Training ist fehlgeschlagen; siehe die Ausgabe oben.", file=sys.stderr)
        return 1
    token = settings.rasa_token or secrets.token_urlsafe(32)
    internal_secret = settings.internal_secret or secrets.token_urlsafe(32)
    supervisor = Supervisor(_components(settings, model, token, internal_secret), settings.var_dir / "logs")
    signal.signal(signal.SIGINT, supervisor.request_stop)
    signal.signal(signal.SIGTERM, supervisor.request_stop)
    print("Schängel startet:")
    try:
        started = supervisor.start_all()
    except RuntimeError as exc:
        failed = next((c for c in supervisor.components if c.process and c.process.poll() is not None), None)
        if failed:
            supervisor.tail(failed)
        supervisor.stop_all()
        print(f"Start fehlgeschlagen: {exc}", file=sys.stderr)
        return 1
    if not started:
        supervisor.stop_all()
        print("Start abgebrochen; alle Prozesse beendet.")
        return 0
    shown_host = "localhost" if settings.gateway_host in ("127.0.0.1", "0.0.0.0") else settings.gateway_host
    print(f"\nSchängel läuft. Öffnen Sie http://{shown_host}:{settings.gateway_port}/ im Browser.")
    print(f"Protokolle: {settings.var_dir / 'logs'}. Beenden mit Strg+C.\n", flush=True)
    code = supervisor.watch()
    print("Schängel wird beendet …", flush=True)
    supervisor.stop_all()
    print("Alle Prozesse beendet.")
    return code


if __name__ == "__main__":
    sys.exit(main())
