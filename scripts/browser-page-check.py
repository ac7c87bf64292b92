#!/usr/bin/env python3
"""Drives headless Chromium through the consumer's web page over the Chrome
DevTools Protocol (standard library only: a minimal WebSocket client), for
IntegrationTests' "Web page in a real browser" suite.

    browser-page-check.py CHROMIUM BASE_URL SCREENSHOT_DIR

1. Loads BASE_URL/ at desktop width and waits until the page's script has the
   live stream open, then prints "READY" (the test feeds an article then).
2. Waits for that article to appear in a live feed (a list item the script
   added), searches for its title on /search, opens its article view, and
   checks the keyboard shortcut "/" focuses the search box.
3. Saves screenshots of the home page and the article view at phone and
   desktop widths in SCREENSHOT_DIR, and prints "RESULT {json}" with what it saw.
"""
import base64, json, os, re, shutil, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request


class DevTools:
    """One WebSocket connection to a page target; send() waits for the command's answer."""

    def __init__(self, ws_url):
        parts = urllib.parse.urlparse(ws_url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"WebSocket handshake refused: {head!r}")
        self.next_id = 0

    def _read_exact(self, count):
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            data += chunk
        return data

    def _receive(self):
        message = b""
        while True:
            first, second = self._read_exact(2)
            length = second & 0x7F
            if length == 126:
                length = int.from_bytes(self._read_exact(2), "big")
            elif length == 127:
                length = int.from_bytes(self._read_exact(8), "big")
            payload = self._read_exact(length)
            if first & 0x0F in (0x1, 0x0):
                message += payload
                if first & 0x80:
                    return json.loads(message)

    def send(self, method, **params):
        self.next_id += 1
        payload = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
        else:
            header += bytes([0x80 | 127]) + len(payload).to_bytes(8, "big")
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
        while True:
            answer = self._receive()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        raise RuntimeError(f"not within {timeout} s: {what}")

    def open(self, url):
        self.send("Page.navigate", url=url)
        time.sleep(0.2)
        self.wait_for("document.readyState === 'complete' && location.href === %s" % json.dumps(url), f"{url} loads")

    def width(self, width, height, mobile):
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=2 if mobile else 1, mobile=mobile)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))


def main():
    chromium, base, shots = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="newswire-chromium-")
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
         f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        port = None
        deadline = time.time() + 60
        while port is None and time.time() < deadline:
            line = browser.stderr.readline()
            match = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if match:
                port = match.group(1)
            elif not line and browser.poll() is not None:
                raise RuntimeError("chromium exited before opening DevTools")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(target for target in targets if target["type"] == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        tools.send("Page.enable")
        tools.width(1280, 900, False)
        tools.open(base + "/")
        tools.wait_for("document.getElementById('stream-status').textContent.startsWith('Live')", "the live stream opens")
        before = tools.evaluate("document.querySelectorAll('ol[data-feed] li').length")
        print("READY", flush=True)

        live = tools.wait_for(
            "Array.from(document.querySelectorAll('ol[data-feed] li.new a')).map(a => ({title: a.textContent, href: a.getAttribute('href'),"
            " feed: a.closest('ol').getAttribute('data-feed')}))", "an article fed after the page loaded shows in a live feed", 60)
        counts = tools.evaluate("Object.fromEntries(Array.from(document.querySelectorAll('[data-count]')).map(c => [c.dataset.count, Number(c.textContent)]))")
        tools.screenshot(os.path.join(shots, "home-desktop.png"))
        tools.width(390, 844, True)
        tools.screenshot(os.path.join(shots, "home-phone.png"))
        tools.width(1280, 900, False)
        tools.send("Input.dispatchKeyEvent", type="keyDown", key="/", text="/", code="Slash", windowsVirtualKeyCode=191)
        tools.send("Input.dispatchKeyEvent", type="keyUp", key="/", code="Slash", windowsVirtualKeyCode=191)
        slash_focuses_search = tools.evaluate("document.activeElement && document.activeElement.id") == "q"

        title = live[0]["title"]
        tools.open(base + "/search?q=" + urllib.parse.quote('"' + title.replace('"', " ") + '"'))
        search = tools.evaluate("Array.from(document.querySelectorAll('.results li > a')).map(a => a.textContent)")
        search_marks = tools.evaluate("document.querySelectorAll('.results mark').length")

        tools.open(base + live[0]["href"])
        article = tools.evaluate("({title: document.querySelector('h1').textContent, marks: document.querySelectorAll('article mark[class^=t]').length})")
        tools.screenshot(os.path.join(shots, "article-desktop.png"))
        tools.width(390, 844, True)
        tools.screenshot(os.path.join(shots, "article-phone.png"))
        print("RESULT " + json.dumps({
            "feedItemsBefore": before, "live": live, "counts": counts, "slashFocusesSearch": slash_focuses_search,
            "search": search, "searchMarks": search_marks, "article": article,
        }), flush=True)
    finally:
        browser.kill()
        browser.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
