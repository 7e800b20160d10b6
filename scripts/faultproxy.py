#!/usr/bin/env python3
"""Fault-injecting HTTP/1.1 proxy for StackVerify's tests (loopback only).

    python3 scripts/faultproxy.py --upstream http://127.0.0.1:PORT --plan PLAN [--clock-offset SECONDS]

Listens on 127.0.0.1 on a free port and prints exactly one line, `PORT=<n>`, once listening.
Each test starts its own proxy between the SDK under test and the emulator.

PLAN is a comma-separated list; each request the proxy accepts takes the next item, and once
the list is used up every request passes through:
  pass              forward to --upstream unchanged, relay the answer
  throttle          the protocol's throttling error (JSON ThrottlingException 400, EC2
                    RequestLimitExceeded 503, query Throttling 400, S3 SlowDown 503)
  500|502|503|504   that status with a small InternalError/ServiceUnavailable error body
  reset             read the request, then abort the TCP connection (RST, no response)
  timeout:SECONDS   read the request, send nothing for SECONDS, then close the connection
  garbage           200 whose body is neither XML nor JSON, with the protocol's content type
  truncated         200 whose Content-Length promises more bytes than are sent, then close

--clock-offset S makes the proxy act like a server whose clock runs S seconds ahead: every
response's Date header comes from that clock, and a request whose X-Amz-Date (or Date) is
more than 5 minutes away from it is refused as AWS would (S3 403 RequestTimeTooSkewed,
query 403 SignatureDoesNotMatch "Signature expired: ...", JSON 400
InvalidSignatureException, EC2 400 RequestExpired) without being forwarded. Refused skewed
requests do not use up a plan item: the plan describes what happens to the requests the
"server" accepts, however many attempts a client needs to correct its clock.

GET /__faultproxy/log returns a JSON array with one object per request received (log
requests excluded): {"method", "path" (with query), "target" (X-Amz-Target), "action"
(form/query Action), "outcome" (plan item applied, "pass" or "skewed"), "amzDate",
"clientPort" (the client's TCP port: equal ports mean a reused connection)}.

--tls-dir DIR serves HTTPS with a self-signed certificate for 127.0.0.1 written to DIR/cert.pem, for
proving that clients verify TLS and honour AWS_CA_BUNDLE.

Lifetime: the proxy exits when its stdin (if a pipe) reaches EOF, when its parent process
dies, or after --lifetime seconds (default 300), so it never outlives a test run.
"""

import argparse
import calendar
import email.utils
import http.client
import http.server
import json
import os
import socket
import stat
import struct
import sys
import threading
import time
import uuid
from urllib.parse import parse_qs, urlsplit

MAX_SKEW = 300  # seconds, the SigV4 limit AWS applies to most services
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
    "te", "trailer", "trailers", "transfer-encoding", "upgrade",
}
SIMPLE_ITEMS = {"pass", "throttle", "500", "502", "503", "504", "reset", "garbage", "truncated"}


def parse_plan(text):
    items = [item.strip() for item in text.split(",") if item.strip()]
    for item in items:
        if item in SIMPLE_ITEMS:
            continue
        if item.startswith("timeout:"):
            try:
                if float(item.split(":", 1)[1]) >= 0:
                    continue
            except ValueError:
                pass
        raise ValueError(f"bad plan item {item!r}")
    return items


class State:
    """Shared by all connection threads: the remaining plan and the request log."""

    def __init__(self, upstream, plan, clock_offset):
        url = urlsplit(upstream)
        if url.scheme != "http" or not url.hostname:
            raise ValueError(f"--upstream must be http://HOST:PORT, not {upstream!r}")
        self.upstream = (url.hostname, url.port or 80)
        self.plan = list(plan)
        self.clock_offset = clock_offset
        self.lock = threading.Lock()
        self.log = []

    def now(self):
        return time.time() + (self.clock_offset or 0.0)

    def next_item(self):
        with self.lock:
            return self.plan.pop(0) if self.plan else "pass"

    def record(self, entry):
        with self.lock:
            self.log.append(entry)

    def log_json(self):
        with self.lock:
            return json.dumps(self.log).encode()


# --- what each AWS protocol's errors look like ------------------------------------------

def detect_protocol(headers, query, body):
    """json (X-Amz-Target), ec2 / query (form with Action=), else s3 (REST-XML)."""
    if headers.get("X-Amz-Target"):
        return "json", None
    params = dict(query)
    content_type = headers.get("Content-Type", "")
    if "x-www-form-urlencoded" in content_type or body.startswith(b"Action="):
        params.update(parse_qs(body.decode("utf-8", "replace")))
    action = params.get("Action", [None])[0]
    if action:
        return ("ec2" if params.get("Version", [""])[0] == "2016-11-15" else "query"), action
    return "s3", None


def json_content_type(headers):
    # Answer in the JSON version the client spoke (1.0 or 1.1); 1.1 when unknown.
    return "application/x-amz-json-1.0" if "json-1.0" in headers.get("Content-Type", "") else "application/x-amz-json-1.1"


def error_response(protocol, headers, status, code, message, extra_xml=""):
    """(status, [(header, value)], body) for an AWS error in the given protocol."""
    request_id = str(uuid.uuid4())
    if protocol == "json":
        body = json.dumps({"__type": code, "message": message}).encode()
        return status, [("Content-Type", json_content_type(headers)), ("x-amzn-RequestId", request_id),
                        ("x-amzn-ErrorType", code)], body
    if protocol == "ec2":
        xml = (f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors>"
               f"<RequestID>{request_id}</RequestID></Response>")
        return status, [("Content-Type", "text/xml;charset=UTF-8")], xml.encode()
    if protocol == "query":
        kind = "Receiver" if status >= 500 else "Sender"
        xml = (f"<ErrorResponse><Error><Type>{kind}</Type><Code>{code}</Code><Message>{message}</Message>"
               f"</Error><RequestId>{request_id}</RequestId></ErrorResponse>")
        return status, [("Content-Type", "text/xml"), ("x-amzn-RequestId", request_id)], xml.encode()
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message>'
           f"{extra_xml}<RequestId>{request_id}</RequestId><HostId>faultproxy</HostId></Error>")
    return status, [("Content-Type", "application/xml"), ("x-amz-request-id", request_id)], xml.encode()


THROTTLE = {
    "json": (400, "ThrottlingException", "Rate exceeded"),
    "ec2": (503, "RequestLimitExceeded", "Request limit exceeded."),
    "query": (400, "Throttling", "Rate exceeded"),
    "s3": (503, "SlowDown", "Please reduce your request rate."),
}


def server_error_code(protocol, status):
    if status == 500:
        return "InternalFailure" if protocol in ("json", "query") else "InternalError"
    return "Unavailable" if protocol == "ec2" else "ServiceUnavailable"


CONTENT_TYPES = {"json": None, "ec2": "text/xml;charset=UTF-8", "query": "text/xml", "s3": "application/xml"}
GARBAGE = b"%%% faultproxy garbage: this is neither XML nor JSON }{ >< \x00\x01\x02 %%%\n"
TRUNCATED = {
    "json": b'{"faultproxy": "truncated", "items": [',
    "xml": b'<?xml version="1.0" encoding="UTF-8"?>\n<Response><faultproxy>truncated</faultproxy><items><item>',
}


def amz_time(stamp):
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(stamp))


def request_time(headers):
    """The request's signing time (X-Amz-Date, else Date) as a Unix time, or None."""
    value = headers.get("X-Amz-Date")
    if value:
        try:
            return calendar.timegm(time.strptime(value, "%Y%m%dT%H%M%SZ"))
        except ValueError:
            return None
    value = headers.get("Date")
    if value:
        parsed = email.utils.parsedate_tz(value)
        return email.utils.mktime_tz(parsed) if parsed else None
    return None


def skew_error(protocol, headers, sent, server_now):
    """The error AWS gives a request signed at `sent` when its clock says `server_now`."""
    if sent < server_now:
        detail = f"Signature expired: {amz_time(sent)} is now earlier than {amz_time(server_now - MAX_SKEW)} ({amz_time(server_now)} - 5 min.)"
    else:
        detail = f"Signature not yet current: {amz_time(sent)} is still later than {amz_time(server_now + MAX_SKEW)} ({amz_time(server_now)} + 5 min.)"
    if protocol == "s3":
        extra = (f"<RequestTime>{amz_time(sent)}</RequestTime>"
                 f"<ServerTime>{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(server_now))}</ServerTime>"
                 f"<MaxAllowedSkewMilliseconds>{MAX_SKEW * 1000}</MaxAllowedSkewMilliseconds>")
        return error_response("s3", headers, 403, "RequestTimeTooSkewed",
                              "The difference between the request time and the current time is too large.", extra)
    if protocol == "json":
        return error_response("json", headers, 400, "InvalidSignatureException", detail)
    if protocol == "ec2":
        return error_response("ec2", headers, 400, "RequestExpired", "Request has expired.")
    return error_response("query", headers, 403, "SignatureDoesNotMatch", detail)


# --- the proxy ----------------------------------------------------------------------------

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive by default
    timeout = 120  # an idle keep-alive connection's thread goes away after this
    state: State = None  # set in main()

    def log_message(self, format, *args):
        # Silent: a test that never reads our stderr pipe must not block us once it fills.
        pass

    def date_time_string(self, timestamp=None):
        return email.utils.formatdate(self.state.now() if timestamp is None else timestamp, usegmt=True)

    def read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def handle_any(self):
        body = self.read_body()
        target = self.path
        if "://" in target:  # absolute-form (client configured us as an HTTP proxy)
            url = urlsplit(target)
            target = url.path + ("?" + url.query if url.query else "")
        if self.command == "GET" and target == "/__faultproxy/log":
            return self.respond(200, [("Content-Type", "application/json")], self.state.log_json())

        url = urlsplit(target)
        protocol, action = detect_protocol(self.headers, parse_qs(url.query), body)
        sent = request_time(self.headers)
        skewed = (self.state.clock_offset is not None and sent is not None
                  and abs(sent - self.state.now()) > MAX_SKEW)
        outcome = "skewed" if skewed else self.state.next_item()
        self.state.record({
            "method": self.command, "path": target, "target": self.headers.get("X-Amz-Target"),
            "action": action, "outcome": outcome, "amzDate": self.headers.get("X-Amz-Date"),
            # The client's port tells one connection from another, so tests can see keep-alive.
            "clientPort": self.client_address[1],
        })

        if outcome == "skewed":
            return self.respond(*skew_error(protocol, self.headers, sent, self.state.now()))
        if outcome == "pass":
            return self.forward(target, body, protocol)
        if outcome == "throttle":
            status, code, message = THROTTLE[protocol]
            return self.respond(*error_response(protocol, self.headers, status, code, message))
        if outcome in ("500", "502", "503", "504"):
            status = int(outcome)
            code = server_error_code(protocol, status)
            return self.respond(*error_response(protocol, self.headers, status, code, f"faultproxy injected HTTP {status}"))
        if outcome == "reset":
            return self.abort_connection()
        if outcome.startswith("timeout:"):
            time.sleep(float(outcome.split(":", 1)[1]))
            self.close_connection = True  # then a plain close (FIN), never an answer
            return None
        content_type = CONTENT_TYPES[protocol] or json_content_type(self.headers)
        if outcome == "garbage":
            return self.respond(200, [("Content-Type", content_type)], GARBAGE)
        if outcome == "truncated":
            partial = TRUNCATED["json" if protocol == "json" else "xml"]
            self.send_response_only(200)
            self.send_header("Date", self.date_time_string())
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(partial) + 1024))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(partial)
            self.wfile.flush()
            self.close_connection = True
            return None
        raise AssertionError(outcome)

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = handle_any

    def respond(self, status, headers, body):
        self.send_response_only(status)
        self.send_header("Date", self.date_time_string())
        for name, value in headers:
            self.send_header(name, value)
        # HEAD answers carry no body (e.g. S3 HeadBucket errors), but keep the framing honest.
        self.send_header("Content-Length", "0" if self.command == "HEAD" else str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()

    def abort_connection(self):
        # SO_LINGER with a zero timeout turns close() into a TCP RST. socket.close() would
        # wait for the rfile/wfile streams to let go of the socket, and http.server's own
        # clean-up would send a FIN first; so detach the fd and close it right here (the
        # socket object is left with no fd, which makes that clean-up a harmless no-op).
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        os.close(self.connection.detach())

    def forward(self, target, body, protocol):
        # Headers go upstream exactly as received, Host included: the client signed the
        # proxy's host:port, and moto recomputes the signature from the headers it gets.
        connection_tokens = {t.strip().lower() for t in self.headers.get("Connection", "").split(",")}
        conn = http.client.HTTPConnection(*self.state.upstream, timeout=60)
        # A chunked request body was de-chunked by read_body(), so it goes on with a length.
        send_length = "Content-Length" in self.headers or "Transfer-Encoding" in self.headers
        try:
            conn.putrequest(self.command, target, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                lower = name.lower()
                if lower in HOP_BY_HOP or lower in connection_tokens or lower == "content-length":
                    continue
                conn.putheader(name, value)
            if send_length:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body or None)
            upstream = conn.getresponse()
            data = upstream.read()
        except OSError as error:
            status = 502
            return self.respond(*error_response(protocol, self.headers, status, server_error_code(protocol, status),
                                                 f"faultproxy could not reach the upstream: {error}"))
        finally:
            conn.close()

        self.send_response_only(upstream.status, upstream.reason)
        self.send_header("Date", self.date_time_string())
        for name, value in upstream.getheaders():
            lower = name.lower()
            if lower in HOP_BY_HOP or lower == "date":
                continue
            if lower == "content-length" and self.command != "HEAD":
                continue  # recomputed below; a HEAD answer's length describes the absent body
            self.send_header(name, value)
        no_body = self.command == "HEAD" or upstream.status in (204, 304) or 100 <= upstream.status < 200
        if not no_body:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not no_body:
            self.wfile.write(data)
        self.wfile.flush()


def watch_lifetime(lifetime):
    """Exit when stdin (a pipe from the parent) closes, the parent dies, or time is up."""
    parent = os.getppid()
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
        watch_stdin = stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)
    except (OSError, ValueError):
        watch_stdin = False
    if watch_stdin:
        # /dev/null or a terminal would read EOF at once or never: only a pipe means "parent".
        def drain():
            while os.read(sys.stdin.fileno(), 65536):
                pass
            os._exit(0)
        threading.Thread(target=drain, daemon=True).start()

    def clock():
        deadline = time.monotonic() + lifetime
        while time.monotonic() < deadline:
            if os.getppid() != parent:
                os._exit(0)
            time.sleep(0.5)
        os._exit(0)
    threading.Thread(target=clock, daemon=True).start()


def tls_context(directory):
    """A server context with a self-signed certificate for 127.0.0.1, made with the openssl CLI.

    Clients trust it only when told to (AWS_CA_BUNDLE), which is what the TLS tests prove.
    """
    import ssl
    import subprocess
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-keyout", key, "-out", cert,
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def main(argv=None):
    p = argparse.ArgumentParser(description="Fault-injecting HTTP/1.1 proxy for loopback tests.")
    p.add_argument("--upstream", required=True, help="http://127.0.0.1:PORT of the emulator")
    p.add_argument("--plan", default="", help="comma-separated plan items (see the module docstring)")
    p.add_argument("--clock-offset", type=float, default=None, metavar="SECONDS",
                   help="act as a server whose clock is this many seconds ahead")
    p.add_argument("--lifetime", type=float, default=300.0, metavar="SECONDS",
                   help="exit after this long at the latest (default 300)")
    p.add_argument("--tls-dir", metavar="DIR",
                   help="serve HTTPS with a fresh self-signed certificate for 127.0.0.1, written to DIR/cert.pem")
    args = p.parse_args(argv)
    try:
        state = State(args.upstream, parse_plan(args.plan), args.clock_offset)
    except ValueError as error:
        p.error(str(error))

    Handler.state = state
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if args.tls_dir:
        server.socket = tls_context(args.tls_dir).wrap_socket(server.socket, server_side=True)
    watch_lifetime(args.lifetime)
    print(f"PORT={server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
