"""`/healthz` for the Discord process (DISCORD_HEALTH_PORT): ready only once connected.

A process that is still trying to reach the gateway is alive but not ready: it answers
503 with what it waits for, so an orchestrator neither routes to it nor counts it as up,
and 200 once the gateway said READY and the database answers.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

from aiohttp import web

from bot.model import Platform
from bot.ports.repository import Repository, RepositoryUnavailable

log = logging.getLogger(__name__)


class HealthServer:
    """Serves `/healthz` on the bot's own event loop, beside the gateway connection."""

    def __init__(self, repo: Repository, connected: Callable[[], bool], role: str,
                 port: int, host: str = "0.0.0.0") -> None:
        self.repo = repo
        self.connected = connected
        self.role = role
        self.port = port
        self.host = host
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/healthz", self._health)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        log.info("serving /healthz on port %d", self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _health(self, request: web.Request) -> web.Response:
        if not self.connected():
            return _json(503, {"status": "starting", "gateway": "connecting",
                               "shard": self.role})
        try:
            await asyncio.to_thread(self.repo.next_due_at, list(Platform))
        except RepositoryUnavailable:
            return _json(503, {"status": "unavailable", "gateway": "connected",
                               "database": "unreachable", "shard": self.role})
        except Exception:
            log.exception("health check failed")
            return _json(500, {"status": "error"})
        return _json(200, {"status": "ok", "gateway": "connected", "database": "ok",
                           "shard": self.role})


def _json(status: int, body: dict[str, str]) -> web.Response:
    return web.Response(status=status, body=json.dumps(body).encode(),
                        content_type="application/json")
