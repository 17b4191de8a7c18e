#!/usr/bin/env python3
"""A loopback stand-in for the parts of GitHub's and GitLab's APIs that `costgate comment` uses, for the
tests (CommentTests). Listens on 127.0.0.1 on a free port and writes the port to PORT_FILE.

    fake_forge.py PORT_FILE LOG_FILE [--token T] [--seed N]

GitHub (REST v3 + GraphQL):
  GET    /repos/O/R/issues/N/comments?per_page=&page=   pages with a Link: <…>; rel="next" header
  POST   /repos/O/R/issues/N/comments                   201
  PATCH  /repos/O/R/issues/comments/ID                  200
  DELETE /repos/O/R/issues/comments/ID                  204
  POST   /graphql                                       minimizeComment(subjectId)
GitLab (REST v4):
  GET    /projects/P/merge_requests/N/notes?per_page=&page=   X-Next-Page header (empty on the last page)
  POST / PUT /…/notes/ID / DELETE /…/notes/ID
Authentication: GitHub `Authorization: Bearer T`, GitLab `PRIVATE-TOKEN: T`, else 401.
A repository or project whose name starts with `fork` is read-only: every write is 403.
Every thread starts with N comments by someone else (--seed, default 0). After each request LOG_FILE is
rewritten: the requests so far (method and path), then every thread's comments, one line each.
"""
import json
import os
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs, unquote

port_file, log_file = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
token = args[args.index("--token") + 1] if "--token" in args else "test-token"
seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 0

lock = threading.Lock()
threads = {}     # "github owner/repo#5" -> list of comments (dicts)
requests = []
next_id = [1000]


def thread(key):
    if key not in threads:
        threads[key] = []
        for i in range(seed):
            threads[key].append(new_comment(f"a review comment {i}", user="someone"))
    return threads[key]


def new_comment(body, user="costgate-bot"):
    next_id[0] += 1
    i = next_id[0]
    return {"id": i, "node_id": f"IC_{i}", "body": body, "user": {"login": user}, "minimized": False, "system": False}


def find(cid):
    for key, cs in threads.items():
        for c in cs:
            if c["id"] == cid:
                return key, cs, c
    return None, None, None


def write_log():
    lines = [f"request {r}" for r in requests]
    for key in sorted(threads):
        for c in threads[key]:
            if c["user"]["login"] == "someone":
                continue
            first = c["body"].split("\n")[0]
            second = c["body"].split("\n")[1] if "\n" in c["body"] else ""
            lines.append(f"{key} id={c['id']} minimized={int(c['minimized'])} {first} | {second}")
        lines.append(f"{key} comments={len(threads[key])}")
    with open(log_file + ".tmp", "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(log_file + ".tmp", log_file)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, payload=None, headers=None):
        # the state is on disk before the client can read the answer (a test reads it right after)
        write_log()
        body = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if payload is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(n) or b"{}")

    def handle_any(self, method):
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        with lock:
            requests.append(f"{method} {self.path}")
            try:
                self.route(method, path, query)
            finally:
                write_log()

    def route(self, method, path, query):
        m = re.fullmatch(r"/repos/([^/]+)/([^/]+)/issues/(\d+)/comments", path)
        c = re.fullmatch(r"/repos/([^/]+)/([^/]+)/issues/comments/(\d+)", path)
        g = re.fullmatch(r"/projects/([^/]+)/merge_requests/(\d+)/notes(?:/(\d+))?", path)
        if m or c or path == "/graphql":
            if self.headers.get("Authorization") != f"Bearer {token}":
                return self.reply(401, {"message": "Bad credentials"})
            repo = m.group(2) if m else c.group(2) if c else ""
            if method != "GET" and repo.startswith("fork"):
                return self.reply(403, {"message": "Resource not accessible by integration"})
        if g:
            if self.headers.get("PRIVATE-TOKEN") != token:
                return self.reply(401, {"message": "401 Unauthorized"})
            if method != "GET" and unquote(g.group(1)).split("/")[-1].startswith("fork"):
                return self.reply(403, {"message": "403 Forbidden"})
        if m:
            key = f"github {m.group(1)}/{m.group(2)}#{m.group(3)}"
            cs = thread(key)
            if method == "GET":
                per = int(query.get("per_page", ["30"])[0])
                page = int(query.get("page", ["1"])[0])
                items = cs[(page - 1) * per: page * per]
                headers = {}
                if page * per < len(cs):
                    base = f"http://{self.headers['Host']}{urlsplit(self.path).path}"
                    headers["Link"] = f'<{base}?per_page={per}&page={page + 1}>; rel="next", <{base}?per_page={per}&page={(len(cs) + per - 1) // per}>; rel="last"'
                return self.reply(200, [public(x) for x in items], headers)
            if method == "POST":
                x = new_comment(self.body()["body"])
                cs.append(x)
                return self.reply(201, public(x))
        if c:
            key, cs, x = find(int(c.group(3)))
            if x is None:
                return self.reply(404, {"message": "Not Found"})
            if method == "PATCH":
                x["body"] = self.body()["body"]
                return self.reply(200, public(x))
            if method == "DELETE":
                cs.remove(x)
                return self.reply(204)
        if path == "/graphql" and method == "POST":
            q = self.body()
            key, cs, x = None, None, None
            for k, v in threads.items():
                for y in v:
                    if y["node_id"] == q.get("variables", {}).get("id"):
                        key, cs, x = k, v, y
            if "minimizeComment" not in q.get("query", "") or x is None:
                return self.reply(200, {"errors": [{"type": "NOT_FOUND", "message": "Could not resolve to a node"}]})
            x["minimized"] = True
            return self.reply(200, {"data": {"minimizeComment": {"minimizedComment": {"isMinimized": True}}}})
        if g:
            key = f"gitlab {unquote(g.group(1))}!{g.group(2)}"
            cs = thread(key)
            if g.group(3) is None and method == "GET":
                per = int(query.get("per_page", ["20"])[0])
                page = int(query.get("page", ["1"])[0])
                items = cs[(page - 1) * per: page * per]
                more = page * per < len(cs)
                return self.reply(200, [public(x) for x in items], {"X-Page": str(page), "X-Next-Page": str(page + 1) if more else ""})
            if g.group(3) is None and method == "POST":
                x = new_comment(self.body()["body"])
                cs.append(x)
                return self.reply(201, public(x))
            x = next((y for y in cs if str(y["id"]) == g.group(3)), None)
            if x is None:
                return self.reply(404, {"message": "404 Not found"})
            if method == "PUT":
                x["body"] = self.body()["body"]
                return self.reply(200, public(x))
            if method == "DELETE":
                cs.remove(x)
                return self.reply(204)
        return self.reply(404, {"message": "Not Found"})

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PATCH(self):
        self.handle_any("PATCH")

    def do_PUT(self):
        self.handle_any("PUT")

    def do_DELETE(self):
        self.handle_any("DELETE")


def public(x):
    return {k: v for k, v in x.items() if k != "minimized"}


# the test's process may ignore SIGTERM, and an ignored signal is inherited: stop on it again
signal.signal(signal.SIGTERM, signal.SIG_DFL)
# and stop anyway after ten minutes, should no one stop it
signal.signal(signal.SIGALRM, signal.SIG_DFL)
signal.alarm(600)
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with lock:
    write_log()
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(port_file + ".tmp", port_file)
server.serve_forever()
