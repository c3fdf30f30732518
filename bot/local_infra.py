"""Throwaway PostgreSQL and Redis on loopback, for the scale-out test and the load test.

Both run as this process's own children on free ports with their own data folders
(never the system's services) and are stopped by :meth:`LocalInfra.stop`.
``scale_out_env`` gives the environment for ``bot.stack`` with two Rasa instances on them
(``deploy/endpoints.production.yml``). Needs the Debian packages ``postgresql`` and
``redis-server`` (``scripts/setup.sh --test`` installs them when run as root).
"""
from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from bot.local_stack import free_port

PG_USER = "schaengel"
PG_PASSWORD = "schaengel-test"  # loopback-only throwaway cluster
TRACKER_DB = "rasa_tracker"
APP_DB = "schaengel"


class InfraUnavailable(RuntimeError):
    """PostgreSQL or Redis binaries are missing and cannot be installed here."""


def pg_bin_dir() -> Optional[Path]:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def ensure_packages() -> None:
    """Install ``postgresql``/``redis-server`` with apt-get if missing (root only)."""
    missing = [pkg for pkg, ok in (("postgresql", pg_bin_dir() is not None),
                                   ("redis-server", shutil.which("redis-server") is not None)) if not ok]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise InfraUnavailable(f"Debian packages missing: {' '.join(missing)} (run scripts/setup.sh --test as root)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env, capture_output=True)
    if pg_bin_dir() is None or not shutil.which("redis-server"):
        raise InfraUnavailable(f"installing {' '.join(missing)} did not provide the binaries")


@dataclass
class LocalInfra:
    base: Path
    pg_port: int
    redis_port: int
    pg_data: Path
    redis: subprocess.Popen
    _as_postgres: list[str] = field(default_factory=list)
    _pg_bin: Optional[Path] = None

    @property
    def database_url(self) -> str:
        return f"postgresql+psycopg2://{PG_USER}:{PG_PASSWORD}@127.0.0.1:{self.pg_port}/{APP_DB}"

    @property
    def tracker_url(self) -> str:
        return f"postgresql+psycopg2://{PG_USER}:{PG_PASSWORD}@127.0.0.1:{self.pg_port}/{TRACKER_DB}"

    def scale_out_env(self, rasa_instances: int = 2) -> dict[str, str]:
        """Environment for ``bot.local_stack.start_stack`` (PostgreSQL + Redis, several Rasa instances)."""
        return {
            "SCHAENGEL_ENDPOINTS": "deploy/endpoints.production.yml",
            "SCHAENGEL_RASA_INSTANCES": str(rasa_instances),
            "SCHAENGEL_DATABASE_URL": self.database_url,
            "SCHAENGEL_TRACKER_PG_HOST": "127.0.0.1",
            "SCHAENGEL_TRACKER_PG_PORT": str(self.pg_port),
            "SCHAENGEL_TRACKER_PG_DB": TRACKER_DB,
            "SCHAENGEL_TRACKER_PG_USER": PG_USER,
            "SCHAENGEL_TRACKER_PG_PASSWORD": PG_PASSWORD,
            "SCHAENGEL_REDIS_HOST": "127.0.0.1",
            "SCHAENGEL_REDIS_PORT": str(self.redis_port),
            "SCHAENGEL_REDIS_DB": "0",
            "SCHAENGEL_REDIS_PREFIX": "koblenz",
        }

    def stop(self) -> None:
        if self.redis.poll() is None:
            self.redis.send_signal(signal.SIGTERM)
            try:
                self.redis.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.redis.kill()
                self.redis.wait()
        if self._pg_bin is not None:
            subprocess.run([*self._as_postgres, str(self._pg_bin / "pg_ctl"), "-D", str(self.pg_data),
                            "-m", "immediate", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.base, ignore_errors=True)


def start_infra() -> LocalInfra:
    """Start PostgreSQL (with databases ``rasa_tracker`` and ``schaengel``) and Redis on free ports."""
    ensure_packages()
    pg_bin = pg_bin_dir()
    assert pg_bin is not None
    # Not under pytest's tmp_path: that is 0700 root, and PostgreSQL refuses to run as root.
    base = Path(tempfile.mkdtemp(prefix="schaengel-infra-"))
    os.chmod(base, 0o755)
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        as_postgres = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres")
    pg_data = base / "pg"
    pwfile = base / "pw"
    pwfile.write_text(PG_PASSWORD + "\n")
    if as_postgres:
        shutil.chown(pwfile, "postgres")
    pg_port, redis_port = free_port(), free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(base), "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    infra = LocalInfra(base, pg_port, redis_port, pg_data, redis)
    try:
        subprocess.run([*as_postgres, str(pg_bin / "initdb"), "-D", str(pg_data), "-U", PG_USER,
                        f"--pwfile={pwfile}", "--auth-local=trust", "--auth-host=scram-sha-256",
                        "-E", "UTF8", "--locale=C.UTF-8"],
                       check=True, capture_output=True, timeout=120)
        infra._pg_bin, infra._as_postgres = pg_bin, as_postgres
        options = (f"-p {pg_port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c max_connections=200")
        subprocess.run([*as_postgres, str(pg_bin / "pg_ctl"), "-D", str(pg_data), "-o", options,
                        "-l", str(base / "postgres.log"), "-w", "-t", "60", "start"],
                       check=True, capture_output=True, timeout=90)
        for database in (TRACKER_DB, APP_DB):
            subprocess.run([*as_postgres, str(pg_bin / "createdb"), "-h", str(base), "-p", str(pg_port),
                            "-U", PG_USER, database], check=True, capture_output=True, timeout=30)
        _wait_redis(redis_port)
    except BaseException:
        infra.stop()
        raise
    return infra


def _wait_redis(port: int, timeout: float = 20) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(64).startswith(b"+PONG"):
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"redis-server did not answer on port {port}")
