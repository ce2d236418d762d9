"""The HTTP side of ``factcheck serve`` (Starlette application, uvicorn server).

Endpoints (JSON in and out, UTF-8):

* ``POST /check`` ``{"text": "...", "name": "draft.md"}`` or ``{"path": "sub/a.txt"}`` (a file
  under the corpus directory): the report of ``factcheck check DRAFT --against CORPUS -f json``;
* ``POST /corpus/reload``: read the corpus again (cheap: the analysis cache keeps what is unchanged);
* ``GET /health``: ``{"status": "ok", ...}`` with the corpus size;
* ``GET /``: a page where an editor pastes a draft and reads the findings side by side.

A request body larger than ``max_body`` bytes is refused with 413, a body that is not a
JSON object with 400 and a message saying why, a ``path`` outside the corpus with 403.
With a token, ``/check`` and ``/corpus/reload`` need ``Authorization: Bearer <token>``
(401 otherwise); the page and ``/health`` stay open (they show no article).
"""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import json
import logging
import signal
import threading
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from checker import __version__
from checker.serve.corpus import DEFAULT_DRAFT_NAME, DraftError, WarmCorpus
from checker.serve.watch import CorpusWatcher

log = logging.getLogger("factcheck")
DEFAULT_MAX_BODY = 2_000_000
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _error(message: str, status: int, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers or None)


async def _read_json(request: Request, limit: int) -> Any:
    """The JSON body, at most ``limit`` bytes; raises DraftError (413, 400) otherwise."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise DraftError(f"request body over the limit of {limit} bytes", status=413)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise DraftError(f"request body over the limit of {limit} bytes", status=413)
    if not body.strip():
        raise DraftError('empty body: send a JSON object such as {"text": "...", "name": "draft.md"}')
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise DraftError("request body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise DraftError(f"request body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None


def _draft_request(data: Any) -> tuple[str, str]:
    """``("text", name)`` or ``("path", relative)`` from a checked request object; text kept apart."""
    if not isinstance(data, dict):
        raise DraftError('the body must be a JSON object: {"text": ..., "name": ...} or {"path": ...}')
    unknown = sorted(set(data) - {"text", "name", "path"})
    if unknown:
        raise DraftError(f"unknown key(s): {', '.join(unknown)} (expected text and name, or path)")
    if ("text" in data) == ("path" in data):
        raise DraftError("give either 'text' (with an optional 'name') or 'path', not both nor neither")
    for key in ("text", "name", "path"):
        if key in data and not isinstance(data[key], str):
            raise DraftError(f"'{key}' must be a string")
    if "path" in data:
        return "path", data["path"]
    name = data.get("name") or DEFAULT_DRAFT_NAME
    if "\n" in name or len(name) > 255:
        raise DraftError("'name' must be a file name (one line, at most 255 characters)")
    return "text", name


def create_app(
    corpus: WarmCorpus,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    watch: float | None = None,
    warm_up: bool = False,
) -> Starlette:
    """The application over a warm corpus; ``watch`` (seconds) polls the corpus for changes."""

    def authorised(request: Request) -> bool:
        if not token:
            return True
        got = request.headers.get("authorization", "")
        scheme, _, value = got.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())

    def refused() -> JSONResponse:
        return _error("missing or wrong token (Authorization: Bearer <token>)", 401, **{"WWW-Authenticate": "Bearer"})

    async def check(request: Request) -> Response:
        if not authorised(request):
            return refused()
        try:
            data = await _read_json(request, max_body)
            kind, value = _draft_request(data)
            if kind == "path":
                report = await run_in_threadpool(corpus.check_path, value)
            else:
                report = await run_in_threadpool(corpus.check_text, data["text"], value)
        except DraftError as exc:
            return _error(exc.message, exc.status)
        except Exception as exc:  # noqa: BLE001 - a failed check is a 500 with a message, never a dropped connection
            log.exception("check failed")
            return _error(f"the check failed: {exc.__class__.__name__}: {exc}", 500)
        return JSONResponse(report)

    async def reload(request: Request) -> Response:
        if not authorised(request):
            return refused()
        return JSONResponse(await run_in_threadpool(corpus.reload))

    async def health(request: Request) -> Response:
        info = corpus.describe()
        return JSONResponse(
            {"status": "ok", "version": __version__, "corpus": info["corpus"], "documents": info["documents"]}
        )

    async def page(request: Request) -> Response:
        return HTMLResponse(
            render_page(token_required=bool(token), max_body=max_body),
            headers={"Content-Security-Policy": PAGE_CSP, "X-Content-Type-Options": "nosniff"},
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        if warm_up:
            await run_in_threadpool(corpus.warm_up)
        watcher = CorpusWatcher(corpus, watch).start() if watch else None
        app.state.watcher = watcher
        try:
            yield
        finally:
            if watcher is not None:
                watcher.stop()

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/check", check, methods=["POST"]),
        Route("/corpus/reload", reload, methods=["POST"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.corpus = corpus
    return app


def render_page(*, token_required: bool, max_body: int) -> str:
    """The editor's page: the HTML report's stylesheet, a text area and a script calling ``/check``."""
    from checker.report.html import ASSETS

    here = Path(__file__).resolve().parent
    template = (here / "page.html").read_text(encoding="utf-8")
    return (
        template.replace("/*REPORT_CSS*/", (ASSETS / "report.css").read_text(encoding="utf-8"))
        .replace("/*PAGE_JS*/", (here / "page.js").read_text(encoding="utf-8"))
        .replace("__TOKEN_REQUIRED__", "1" if token_required else "0")
        .replace("__MAX_BODY__", str(int(max_body)))
        .replace("__VERSION__", __version__)
    )


def serve(
    corpus: WarmCorpus,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    watch: float | None = None,
) -> int:
    """Run the service until interrupted (Ctrl-C, SIGTERM: uvicorn finishes the requests in flight)."""
    import uvicorn

    app = create_app(corpus, token=token, max_body=max_body, watch=watch, warm_up=True)
    config = uvicorn.Config(app, host=host, port=port, log_level="info", lifespan="on", timeout_graceful_shutdown=30)
    server = uvicorn.Server(config)
    # uvicorn raises the signal again once it has shut down cleanly; SIGTERM's default action
    # would then kill the process (exit status -15) after a clean stop: stop with 0 instead
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        server.run()
    except (KeyboardInterrupt, _Terminated):  # raised again after a clean shutdown: the normal way out
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 0 if server.started else 2


class _Terminated(Exception):
    """SIGTERM, raised again by uvicorn after its shutdown."""


def _terminated(signum, frame) -> None:
    raise _Terminated
