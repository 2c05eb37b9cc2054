"""The capturing echo server of the differential harness (127.0.0.1 only).

Every request that reaches it is recorded as it arrived on the wire -- method, request target,
header names and values in order, body bytes -- so the harness can compare what Newman and
postie really sent. The replies imitate the postman-echo endpoints real collections call:

  /status/N                reply with status N (and /status/N/Reason Text for a custom reason phrase)
  /redirect-to?url=U&status_code=N     redirect to U (302 by default)
  /redirect/N              N hops of 302, then /get
  /cookies                 the cookies received, as JSON {"cookies": {...}}
  /cookies/set?k=v         Set-Cookie k=v (Path=/), then 302 to /cookies
  /cookies/delete?k        expire k, then 302 to /cookies
  /response-headers?k=v    each query pair as a response header (repeats kept)
  /delay/MS                wait MS milliseconds, then echo
  /gzip  /deflate          the echo, compressed
  /fault/NAME              a broken reply, then the connection closes: close (no reply at all),
                           short-body (Content-Length 100, 10 bytes sent), bad-chunk (invalid
                           chunk size), bad-status (a status line that is not HTTP), garbage
                           (bytes that are no HTTP at all), no-length (no Content-Length,
                           body until close), cut-head (closed inside the headers), bad-header
                           (a header line without a colon), bad-code (a status code that is
                           not a number), two-lengths (conflicting Content-Length), http10
  /encoded/E/FAULT         a JSON body claiming Content-Encoding E (gzip, deflate, br, or any
                           other name) with FAULT: ok, bad (not that format), truncated,
                           garbage (bytes after a gzip member), padded (zero bytes after it)
  /html  /xml  /text       a fixed body of that type
  /body?type=T&text=S      reply with body S and Content-Type T
  /basic-auth              200 for user "postman", password "password", else 401
  /digest-auth             401 with a fixed Digest challenge until an "Authorization: Digest" arrives
  /bytes/N                 N bytes 0..255 repeating, application/octet-stream
  /chunked                 the echo, sent with Transfer-Encoding: chunked (three chunks)
  /latin1                  "café" encoded as ISO-8859-1, with that charset in Content-Type
  /no-content-type         a JSON body with no Content-Type header
  anything else            200 with the echo: {args, data, form, json, headers, method, url}
"""

import base64
import gzip
import json
import threading
import time
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = "<!DOCTYPE html><html><head><title>Echo</title></head><body><h1 id=\"t\">Hello</h1><p class=\"c\">one</p><p class=\"c\">two</p></body></html>"
XML = "<?xml version=\"1.0\"?><root><item id=\"1\">one</item><item id=\"2\">two</item></root>"


# The raw bytes of each /fault/NAME reply (the connection is closed after them).
FAULTS = {
    "close": b"",
    "short-body": b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n0123456789",
    "bad-chunk": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
    "bad-status": b"HTTQ/9.9 abc\r\n\r\n",
    "garbage": b"\x00\x01\x02 this is not http\r\n\r\n",
    "no-length": b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nuntil close",
    "cut-head": b"HTTP/1.1 200 OK\r\nContent-Ty",
    "bad-header": b"HTTP/1.1 200 OK\r\nNo colon here\r\nContent-Length: 2\r\n\r\nok",
    "bad-code": b"HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\nok",
    "two-lengths": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok!",
    "http10": b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nold server",
}


def encoded_fault(encoding, fault):
    """A JSON body compressed as `encoding` says (gzip or x-gzip, deflate; anything else is
    sent as plain JSON) and then spoiled as `fault` says."""
    plain = json.dumps({"hello": "world", "pad": "x" * 200}).encode()
    if encoding in ("gzip", "x-gzip"):
        data = gzip.compress(plain, mtime=0)
    elif encoding == "deflate":
        data = zlib.compress(plain)
    else:
        data = plain
    if fault == "bad":
        return b"this is not compressed at all"
    if fault == "truncated":
        return data[: len(data) // 2]
    if fault == "garbage":
        return data + b"garbage"
    if fault == "padded":
        return data + b"\0\0\0"
    return data


class Capture:
    """What one server saw, in arrival order; reset between runs."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []

    def reset(self):
        with self.lock:
            self.requests = []

    def add(self, rec):
        with self.lock:
            self.requests.append(rec)

    def take(self):
        with self.lock:
            return list(self.requests)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "echo"
    sys_version = ""

    def log_message(self, *args):  # quiet
        pass

    def _read_body(self):
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            out = b""
            while True:
                line = self.rfile.readline().strip()
                size = int(line.split(b";")[0] or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass
                    return out
                out += self.rfile.read(size)
                self.rfile.readline()
        n = self.headers.get("Content-Length")
        if n and n.strip().isdigit():
            return self.rfile.read(int(n))
        return b""

    def _handle(self):
        body = self._read_body()
        target = self.path
        self.server.capture.add({
            "method": self.command,
            "target": target,
            "headers": [[k, v] for k, v in self.headers.raw_items()],
            "body": body,
        })
        parsed = urllib.parse.urlsplit(target)
        path = parsed.path
        query = urllib.parse.parse_qsl(parsed.query, keep_blank_values=True)
        try:
            self._route(path, query, body, target)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, code, body=b"", ctype="application/json; charset=utf-8", headers=(), reason=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(code, reason)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _echo(self, body, target, query):
        headers = {}
        for k, v in self.headers.raw_items():
            headers[k.lower()] = v
        text = body.decode("utf-8", "replace")
        parsed_json = None
        try:
            parsed_json = json.loads(text) if text else None
        except ValueError:
            parsed_json = None
        form = {}
        if "application/x-www-form-urlencoded" in (self.headers.get("Content-Type") or ""):
            for k, v in urllib.parse.parse_qsl(text, keep_blank_values=True):
                form[k] = v
        args = {}
        for k, v in query:
            if k in args:
                args[k] = args[k] if isinstance(args[k], list) else [args[k]]
                args[k].append(v)
            else:
                args[k] = v
        return {
            "args": args,
            "data": text,
            "form": form,
            "json": parsed_json,
            "headers": headers,
            "method": self.command,
            "url": "http://" + (self.headers.get("Host") or "") + target,
        }

    def _route(self, path, query, body, target):
        parts = [p for p in path.split("/") if p]
        head = parts[0] if parts else ""
        if head == "status" and len(parts) >= 2 and parts[1].isdigit():
            code = int(parts[1])
            reason = urllib.parse.unquote(parts[2]) if len(parts) > 2 else None
            payload = b"" if code in (204, 304) or code < 200 else json.dumps({"status": code})
            return self._send(code, payload, reason=reason)
        if head == "redirect-to":
            q = dict(query)
            code = int(q.get("status_code", "302"))
            return self._send(code, "", None, [("Location", q.get("url", "/get"))])
        if head == "redirect" and len(parts) == 2 and parts[1].isdigit():
            n = int(parts[1])
            loc = "/redirect/%d" % (n - 1) if n > 1 else "/get"
            return self._send(302, "", None, [("Location", loc)])
        if head == "cookies":
            if len(parts) >= 2 and parts[1] == "set":
                hs = [("Set-Cookie", "%s=%s; Path=/" % (k, v)) for k, v in query]
                return self._send(302, "", None, hs + [("Location", "/cookies")])
            if len(parts) >= 2 and parts[1] == "delete":
                hs = [("Set-Cookie", "%s=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/" % k)
                      for k, _ in query]
                return self._send(302, "", None, hs + [("Location", "/cookies")])
            jar = {}
            for part in (self.headers.get("Cookie") or "").split(";"):
                if "=" in part:
                    k, v = part.strip().split("=", 1)
                    jar[k] = v
            return self._send(200, json.dumps({"cookies": jar}))
        if head == "response-headers":
            obj = {}
            for k, v in query:
                obj[k] = v
            return self._send(200, json.dumps(obj), headers=query)
        if head == "delay" and len(parts) == 2 and parts[1].isdigit():
            time.sleep(int(parts[1]) / 1000.0)
            return self._send(200, json.dumps(self._echo(body, target, query)))
        if head == "gzip":
            data = gzip.compress(json.dumps(self._echo(body, target, query)).encode(), mtime=0)
            return self._send(200, data, headers=[("Content-Encoding", "gzip")])
        if head == "fault" and len(parts) == 2 and parts[1] in FAULTS:
            self.close_connection = True
            self.wfile.write(FAULTS[parts[1]])
            self.wfile.flush()
            return None
        if head == "encoded" and len(parts) == 3:
            return self._send(200, encoded_fault(parts[1], parts[2]), "application/json",
                              [("Content-Encoding", parts[1])])
        if head == "deflate":
            data = zlib.compress(json.dumps(self._echo(body, target, query)).encode())
            return self._send(200, data, headers=[("Content-Encoding", "deflate")])
        if head == "html":
            return self._send(200, HTML, "text/html; charset=utf-8")
        if head == "xml":
            return self._send(200, XML, "application/xml; charset=utf-8")
        if head == "text":
            return self._send(200, "plain text body", "text/plain; charset=utf-8")
        if head == "body":
            q = dict(query)
            return self._send(int(q.get("status", "200")), q.get("text", ""), q.get("type"))
        if head == "bytes" and len(parts) == 2 and parts[1].isdigit():
            return self._send(200, bytes(i % 256 for i in range(int(parts[1]))), "application/octet-stream")
        if head == "chunked":
            data = json.dumps(self._echo(body, target, query)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            third = max(1, len(data) // 3)
            for part in (data[:third], data[third:2 * third], data[2 * third:]):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
            return None
        if head == "latin1":
            return self._send(200, "café".encode("latin-1"), "text/plain; charset=ISO-8859-1")
        if head == "no-content-type":
            return self._send(200, json.dumps({"ok": True}), None)
        if head == "basic-auth":
            want = "Basic " + base64.b64encode(b"postman:password").decode()
            if self.headers.get("Authorization") == want:
                return self._send(200, json.dumps({"authenticated": True}))
            return self._send(401, "Unauthorized", "text/plain", [("WWW-Authenticate", 'Basic realm="Users"')])
        if head == "digest-auth":
            # /digest-auth: 401 with a fixed Digest challenge until an Authorization: Digest arrives
            if (self.headers.get("Authorization") or "").startswith("Digest "):
                return self._send(200, json.dumps(self._echo(body, target, query)))
            challenge = 'Digest realm="echo", nonce="n0nce", qop="auth", opaque="0paque", algorithm=MD5'
            return self._send(401, "Unauthorized", "text/plain", [("WWW-Authenticate", challenge)])
        return self._send(200, json.dumps(self._echo(body, target, query)))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle

    def __getattr__(self, name):
        # any other method (PURGE, COPY, custom ones) is echoed too
        if name.startswith("do_"):
            return self._handle
        raise AttributeError(name)


class Server:
    """One echo server on 127.0.0.1 (port 0 = any free port), serving from a background thread."""

    def __init__(self, port=0):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.httpd.capture = Capture()
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def capture(self):
        return self.httpd.capture

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
