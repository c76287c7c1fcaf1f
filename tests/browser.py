"""A minimal Chrome DevTools Protocol client over ``--remote-debugging-pipe``, for the tests.

Chromium reads commands from its fd 3 and writes replies and events to its fd 4, each message
a JSON object ended by a NUL byte. Every read waits at most a deadline (``select``), so a hung
browser fails a test instead of hanging it, and the browser is killed when the client closes.

    with Browser() as browser:
        page = browser.new_page()
        page.goto(path.as_uri())
        png = page.screenshot()
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
A4_WIDTH_PX = 794
"""210 mm at 96 CSS pixels to the inch."""
A4_HEIGHT_PX = 1123
A4_INCHES = (8.27, 11.69)
A4_PRINTED_WIDTH_PX = 680
"""The printed line's width: 180 mm (A4 less the page's 15 mm margins) at 96 CSS px an inch."""
TIMEOUT = 20.0
"""Seconds any one command or awaited event may take."""

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


class BrowserError(RuntimeError):
    """The browser answered with an error, went away, or took too long."""


def _high(fd: int) -> int:
    """A close-on-exec copy of fd numbered 10 or above (never 3 or 4), the original closed."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return copy


@contextlib.contextmanager
def _as_fds_3_and_4(commands: int, replies: int) -> Iterator[None]:
    """Put the browser's pipe ends on fds 3 and 4 while it starts, so ``pass_fds=(3, 4)`` hands
    them over as they are; whatever this process had there is put back after. (Not a
    ``preexec_fn``: in a forked child it runs at-fork hooks, and matplotlib's closes its font
    files, which may be fds 3 and 4.) ``commands`` and ``replies`` are above 4."""
    saved: dict[int, tuple[int, bool] | None] = {}
    try:
        for target, source in ((3, commands), (4, replies)):
            try:
                inheritable = os.get_inheritable(target)
            except OSError:
                saved[target] = None
            else:
                saved[target] = (fcntl.fcntl(target, fcntl.F_DUPFD_CLOEXEC, 10), inheritable)
            os.dup2(source, target, inheritable=True)
        yield
    finally:
        for target, kept in saved.items():
            if kept is None:
                os.close(target)
            else:
                copy, inheritable = kept
                os.dup2(copy, target, inheritable=inheritable)
                os.close(copy)


class Browser:
    """One headless Chromium, driven over its pipe."""

    def __init__(self, executable: Path = CHROMIUM, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._buffer = b""
        self._next_id = 0
        self._profile = tempfile.mkdtemp(prefix="pause-cost-chromium-")
        # Kept open for the browser's life (closed in close()), read for a failure's message.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115
        # Every fd the child is given is above 4, so none is moved aside with fds 3 and 4.
        log = _high(os.dup(self._log.fileno()))
        commands_read, commands_write = (_high(fd) for fd in os.pipe())
        replies_read, replies_write = (_high(fd) for fd in os.pipe())
        try:
            with _as_fds_3_and_4(commands_read, replies_write):
                self.process = subprocess.Popen(
                    [str(executable), *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    pass_fds=(3, 4),
                )
        except BaseException:
            for fd in (commands_write, replies_read):
                os.close(fd)
            self._log.close()
            shutil.rmtree(self._profile, ignore_errors=True)
            raise
        finally:
            for fd in (log, commands_read, replies_write):
                os.close(fd)
        self._write_fd = commands_write
        self._read_fd = replies_read
        os.set_blocking(self._write_fd, False)
        os.set_blocking(self._read_fd, False)

    # The pipe.

    def _deadline(self, timeout: float | None) -> float:
        return time.monotonic() + (self.timeout if timeout is None else timeout)

    def _write(self, message: dict[str, Any], deadline: float) -> None:
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError(f"timed out sending {message.get('method')}")
            _, writable, _ = select.select([], [self._write_fd], [], remaining)
            if writable:
                try:
                    data = data[os.write(self._write_fd, data) :]
                except BlockingIOError:
                    continue
                except BrokenPipeError as error:
                    raise BrowserError(f"the browser went away: {self.log()}") from error

    def _read(self, deadline: float) -> dict[str, Any]:
        """The next message, waiting until the deadline at most."""
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("timed out waiting for the browser")
            readable, _, _ = select.select([self._read_fd], [], [], remaining)
            if not readable:
                continue
            try:
                chunk = os.read(self._read_fd, 1 << 20)
            except BlockingIOError:
                continue
            if not chunk:
                raise BrowserError(f"the browser closed its pipe: {self.log()}")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Send a command and return its result; events read meanwhile are kept."""
        deadline = self._deadline(timeout)
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        self._write(message, deadline)
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def wait_for(
        self, method: str, *, session: str | None, after: int = 0, timeout: float | None = None
    ) -> dict[str, Any]:
        """The first event ``method`` (of the session) from index ``after`` of the events."""
        deadline = self._deadline(timeout)
        index = after
        while True:
            while index < len(self.events):
                event = self.events[index]
                index += 1
                if event["method"] == method and event.get("sessionId") == session:
                    return event
            reply = self._read(deadline)
            if "method" in reply:
                self.events.append(reply)

    def new_page(self, width: int = A4_WIDTH_PX, height: int = A4_HEIGHT_PX) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        return Page(self, attached["sessionId"], width, height)

    def log(self) -> str:
        """What the browser wrote to stdout and stderr (for a failure's message)."""
        self._log.seek(0)
        return self._log.read()[-4000:].decode("utf-8", "replace")

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                with contextlib.suppress(BrowserError):
                    self.send("Browser.close", timeout=3)
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=5)
        finally:
            for fd in (self._write_fd, self._read_fd):
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._log.close()
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class Page:
    """One tab, attached with a flat session: Page, Runtime, Log and Network enabled."""

    def __init__(self, browser: Browser, session: str, width: int, height: int) -> None:
        self.browser = browser
        self.session = session
        self.width = width
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def send(
        self, method: str, params: dict[str, Any] | None = None, timeout: float | None = None
    ) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def resize(self, width: int, height: int = A4_HEIGHT_PX) -> None:
        """Lay the page out again at another viewport width."""
        self.width = width
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def media(self, kind: str) -> None:
        """Lay the page out for 'print' (its print rules applied) or '' (the screen again)."""
        self.send("Emulation.setEmulatedMedia", {"media": kind})

    def goto(self, url: str) -> None:
        """Navigate and wait for the load event."""
        mark = len(self.browser.events)
        navigated = self.send("Page.navigate", {"url": url})
        if "errorText" in navigated:
            raise BrowserError(f"could not open {url}: {navigated['errorText']}")
        self.browser.wait_for("Page.loadEventFired", session=self.session, after=mark)

    def _events(self, *methods: str) -> list[dict[str, Any]]:
        return [
            event
            for event in self.browser.events
            if event["method"] in methods and event.get("sessionId") == self.session
        ]

    @property
    def console(self) -> list[str]:
        """Every console message, uncaught exception and browser log entry of the page."""
        out = []
        for event in self._events(
            "Runtime.consoleAPICalled", "Runtime.exceptionThrown", "Log.entryAdded"
        ):
            params = event["params"]
            if event["method"] == "Runtime.consoleAPICalled":
                args = " ".join(
                    str(arg.get("value", arg.get("description"))) for arg in params["args"]
                )
                out.append(f"console.{params['type']}: {args}")
            elif event["method"] == "Runtime.exceptionThrown":
                out.append(f"exception: {params['exceptionDetails'].get('text')}")
            else:
                entry = params["entry"]
                out.append(f"log {entry['level']} ({entry['source']}): {entry['text']}")
        return out

    @property
    def requests(self) -> list[str]:
        """The URL of every request the page sent."""
        return [
            event["params"]["request"]["url"] for event in self._events("Network.requestWillBeSent")
        ]

    def evaluate(self, expression: str) -> Any:
        """A JavaScript expression's value (by value: JSON-able)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def content_height(self) -> float:
        metrics = self.send("Page.getLayoutMetrics")
        return float(metrics["cssContentSize"]["height"])

    def screenshot(self, clip: dict[str, float] | None = None) -> bytes:
        """A PNG of the viewport, or of a clip in page (CSS pixel) coordinates."""
        params: dict[str, Any] = {"format": "png"}
        if clip is not None:
            params["clip"] = {"scale": 1, **clip}
            params["captureBeyondViewport"] = True
        return base64.b64decode(self.send("Page.captureScreenshot", params)["data"])

    def pdf(self) -> bytes:
        """The page printed on A4, backgrounds included."""
        width, height = A4_INCHES
        result = self.send(
            "Page.printToPDF",
            {
                "paperWidth": width,
                "paperHeight": height,
                "printBackground": True,
                "preferCSSPageSize": True,
            },
            timeout=60,
        )
        return base64.b64decode(result["data"])
