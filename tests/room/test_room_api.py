"""The room's HTTP API, as a phone or an attacker on the room's network sees it (docs/room.md): tokens,
hidden votes until the reveal, bad input, the body cap, the rate limit, idle and half-open connections,
and durability across kill -9. Run by CTest with HICM_CLI set to hicm-assess-cli."""
import json
import os
import re
import signal
import socket
import sys
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
from roomtest import (PARTNERS, EventStream, RoomProcess, TempDir, get_json, join_code, log_whats,  # noqa: E402
                      make_workspace, post, request, run_cli, stored_levels)

A, B, C = PARTNERS


class RoomCase(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.dir = self.tmp.__enter__()
        self.ws, self.id = make_workspace(self.dir)
        self.room = RoomProcess(self.ws, self.id)

    def tearDown(self):
        self.room.stop(signal.SIGKILL)
        self.tmp.__exit__(None, None, None)

    def url(self, who):
        return self.room.links[who]


class Links(RoomCase):
    def test_one_line_per_link_each_with_its_own_long_token(self):
        self.assertEqual(set(self.room.links), {"facilitator", *PARTNERS})
        tokens = [urllib.parse.urlsplit(u).path.split("/")[-1] for u in self.room.links.values()]
        self.assertEqual(len(set(tokens)), len(tokens))
        for t in tokens:
            self.assertRegex(t, r"^[A-Za-z0-9_-]{32}$")  # 32 base64 characters: 192 bits
        self.assertEqual(self.room.host, "127.0.0.1")

    def test_each_line_has_two_fields_unless_codes_are_asked_for(self):
        self.assertTrue(all(len(fields) == 2 for fields in self.room.lines))
        self.room.stop()
        self.room = RoomProcess(self.ws, self.id, extra=("--codes",))
        self.assertEqual([f[:2] for f in self.room.lines][0], ["facilitator", self.url("facilitator")])
        self.assertEqual(len(self.room.lines[0]), 2)  # the facilitator has no code
        for who, url, code in self.room.lines[1:]:
            self.assertEqual(code, join_code(url))
            base = f"http://{self.room.host}:{self.room.port}"
            status, answer = post(base + "/j", {"code": code})
            self.assertEqual(status, 200)
            self.assertEqual(base + answer["link"], url)

    def test_the_page_is_served_with_a_csp_and_no_inline_script(self):
        status, headers, body = request(self.url(A))
        self.assertEqual(status, 200)
        self.assertIn("script-src 'self'", headers["content-security-policy"])
        self.assertNotIn("unsafe-inline", headers["content-security-policy"])
        self.assertEqual(headers["referrer-policy"], "no-referrer")
        html = body.decode()
        self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)[^>]*>")  # every script is a file
        self.assertNotRegex(html, r"\son[a-z]+=")                    # no inline handlers
        self.assertNotIn("http://", html.replace('http-equiv', ''))  # nothing from outside
        for asset in ("/static/room.js", "/static/room.css"):
            s, h, b = request(f"http://{self.room.host}:{self.room.port}{asset}")
            self.assertEqual(s, 200)
            self.assertNotIn(b"https://", b)
        self.assertNotIn(A.encode(), body)  # names come as JSON and are set as text, never in the HTML


class Join(RoomCase):
    def test_the_join_page_says_nothing_and_a_partners_code_leads_to_their_own_link(self):
        base = f"http://{self.room.host}:{self.room.port}"
        status, headers, body = request(base + "/j")
        self.assertEqual(status, 200)
        self.assertIn("script-src 'self'", headers["content-security-policy"])
        html = body.decode()
        self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)[^>]*>")
        self.assertNotRegex(html, r"\son[a-z]+=")
        for who in PARTNERS:
            self.assertNotIn(who, html)  # the page names no one
        s, _, js = request(base + "/static/join.js")
        self.assertEqual(s, 200)
        self.assertNotIn(b"innerHTML", js)
        for who in PARTNERS:
            status, answer = post(base + "/j", {"code": join_code(self.url(who)).lower()})
            self.assertEqual(status, 200)
            self.assertEqual(base + answer["link"], self.url(who))
        status, answer = post(base + "/j", {"code": "0000-0000"})
        self.assertEqual((status, answer), (404, {"error": "not found"}))
        # The facilitator has no code: nothing derived from the control link opens anything.
        status, _ = post(base + "/j", {"code": join_code(self.room.links["facilitator"])})
        self.assertEqual(status, 404)


class Tokens(RoomCase):
    def test_a_bad_token_gets_404_and_learns_nothing(self):
        base = f"http://{self.room.host}:{self.room.port}"
        good = urllib.parse.urlsplit(self.url(A)).path.split("/")[-1]
        other = "x" if good[-1] != "x" else "y"
        for path in ["/r/" + "A" * 32 + "/state", "/r/" + good[:-1] + "/state", "/r/" + good[:-1] + other + "/state",
                     "/r//state", "/r/" + good + "x/state", "/", "/r", "/state", "/r/%00/state", "/r/../r/" + good[:5]]:
            status, _, body = request(base + path)
            self.assertIn(status, (403, 404), path)
            self.assertEqual(json.loads(body), {"error": "not found"}, path)
        status, body = post(base + "/r/" + "B" * 32 + "/vote", {"feature": "B1", "level": 2})
        self.assertEqual(status, 404)
        self.assertEqual(stored_levels(self.ws, "B1"), {})

    def test_a_partner_token_cannot_act_as_facilitator(self):
        for action in ("reveal", "revote", "feature"):
            status, body = post(self.url(A) + "/" + action, {"feature": "B1"})
            self.assertEqual(status, 404, action)
        self.assertFalse(get_json(self.url("facilitator") + "/state")["revealed"])

    def test_another_host_name_or_origin_is_refused(self):
        status, _, _ = request(self.url(A) + "/state", headers={"Host": "evil.example:80"})
        self.assertEqual(status, 403)
        status, body = post(self.url(A) + "/vote", {"feature": "B1", "level": 2}, headers={"Origin": "http://evil.example"})
        self.assertEqual(status, 403)
        self.assertEqual(stored_levels(self.ws, "B1"), {})
        origin = f"http://{self.room.host}:{self.room.port}"
        status, body = post(self.url(A) + "/vote", {"feature": "B1", "level": 2}, headers={"Origin": origin})
        self.assertEqual(status, 200)

    def test_only_the_given_address_listens(self):
        with self.assertRaises(OSError):
            socket.create_connection(("127.0.0.2", self.room.port), timeout=2).close()


class Hidden(RoomCase):
    def test_before_the_reveal_nothing_a_partner_can_fetch_carries_another_partners_level(self):
        events_a = EventStream(self.url(A))
        first = events_a.next_event()
        self.assertEqual(first["voted"], 0)
        self.assertEqual(post(self.url(B), {})[0], 405)  # the link itself is GET only
        self.assertEqual(post(self.url(B) + "/vote", {"feature": "B1", "level": 3})[0], 200)
        self.assertEqual(post(self.url(C) + "/vote", {"feature": "B1", "level": 1})[0], 200)
        seen = events_a.raw_until(lambda e: e["voted"] == 2)
        fetched = [seen, get_json(self.url(A) + "/state")]
        for what in fetched:
            self.assertNotIn("levels", what)
            self.assertIsNone(what["my_level"])
            text = json.dumps(what)
            self.assertNotIn(B, text)
            self.assertNotIn(C, text)
        self.assertEqual(get_json(self.url(B) + "/state")["my_level"], 3)
        fac = get_json(self.url("facilitator") + "/state")
        self.assertEqual([p["voted"] for p in fac["partners"]], [False, True, True])
        self.assertTrue(all("level" not in p for p in fac["partners"]))  # who, never what, until the reveal
        events_a.close()

    def test_reveal_shows_every_level_and_the_spread_revote_clears_the_round(self):
        events_c = EventStream(self.url(C))
        events_c.next_event()
        self.assertEqual(post(self.url(A) + "/vote", {"feature": "B1", "level": 1})[0], 200)
        self.assertEqual(post(self.url(A) + "/vote", {"feature": "B1", "level": 3})[0], 200)  # changed its mind
        self.assertEqual(post(self.url(B) + "/vote", {"feature": "B1", "level": 1})[0], 200)
        status, fac = post(self.url("facilitator") + "/reveal", {"feature": "B1"})
        self.assertEqual(status, 200)
        self.assertTrue(fac["revealed"])
        shown = events_c.raw_until(lambda e: e["revealed"])
        self.assertEqual([(l["organisation"], l["level"]) for l in shown["levels"]], [(A, 3), (B, 1), (C, None)])
        self.assertEqual(shown["spread"], {"lowest": 1, "highest": 3, "no_shared_view": True})
        status, body = post(self.url(C) + "/vote", {"feature": "B1", "level": 2})
        self.assertEqual(status, 409)
        self.assertIn("revealed", body["error"])
        self.assertEqual(stored_levels(self.ws, "B1"), {A: 3, B: 1})
        status, fac = post(self.url("facilitator") + "/revote", {"feature": "B1"})
        self.assertEqual(status, 200)
        self.assertFalse(fac["revealed"])
        self.assertEqual(stored_levels(self.ws, "B1"), {})
        again = events_c.raw_until(lambda e: not e["revealed"])
        self.assertNotIn("levels", again)
        self.assertIsNone(get_json(self.url(A) + "/state")["my_level"])
        log = log_whats(self.ws)
        self.assertIn(f"partner level B1 {A} (room)", log)
        self.assertEqual(len([w for w in log if w.endswith("(room)")]), 5)  # 3 votes (A twice), 2 cleared
        events_c.close()

    def test_next_feature_moves_every_page(self):
        events = EventStream(self.url(B))
        events.next_event()
        status, fac = post(self.url("facilitator") + "/feature", {"feature": "B2"})
        self.assertEqual(status, 200)
        self.assertEqual(fac["feature"], "B2")
        self.assertEqual(events.raw_until(lambda e: e["feature"] == "B2")["feature_title"],
                         get_json(self.url(B) + "/state")["feature_title"])
        status, body = post(self.url(B) + "/vote", {"feature": "B1", "level": 2})
        self.assertEqual(status, 409)
        self.assertIn("not the current feature", body["error"])
        events.close()

    def test_the_facilitators_live_view_shows_a_vote(self):
        events = EventStream(self.url("facilitator"))
        events.next_event()
        post(self.url(B) + "/vote", {"feature": "B1", "level": 2})
        e = events.raw_until(lambda e: e["voted"] == 1)
        self.assertEqual([p["organisation"] for p in e["partners"] if p["voted"]], [B])
        events.close()


class BadInput(RoomCase):
    def test_every_bad_input_gets_a_4xx_with_an_error_and_the_room_keeps_serving(self):
        vote = self.url(A) + "/vote"
        cases = [
            (b"{not json", 400, "not valid JSON"),
            (b"[1,2]", 400, "JSON object"),
            (b'{"level":2}', 400, "feature"),
            (b'{"feature":7,"level":2}', 400, "feature"),
            (b'{"feature":"B9","level":2}', 400, "unknown feature"),
            (b'{"feature":"<img src=x>","level":2}', 400, "unknown feature"),
            (b'{"feature":"B1"}', 400, "level"),
            (b'{"feature":"B1","level":0}', 400, "level"),
            (b'{"feature":"B1","level":4}', 400, "level"),
            (b'{"feature":"B1","level":2.5}', 400, "level"),
            (b'{"feature":"B1","level":"2"}', 400, "level"),
            (b'{"feature":"B2","level":2}', 409, "not the current feature"),
            (b"", 400, "JSON"),
        ]
        for body, status, words in cases:
            s, headers, raw = request(vote, "POST", body, headers={"Content-Type": "application/json"})
            self.assertEqual(s, status, body)
            self.assertEqual(headers["content-type"], "application/json")
            self.assertIn(words, json.loads(raw)["error"], body)
        for path, body in (("/feature", b'{"feature":"X"}'), ("/reveal", b"nope"), ("/revote", b"{}")):
            s, _, raw = request(self.url("facilitator") + path, "POST", body)
            self.assertEqual(s, 400, path)
            self.assertIn("error", json.loads(raw))
        s, headers, raw = request(self.url(A) + "/vote")
        self.assertEqual(s, 405)
        self.assertEqual(stored_levels(self.ws, "B1"), {})
        self.assertEqual(post(vote, {"feature": "B1", "level": 2})[0], 200)

    def test_a_body_over_16_kb_is_refused_without_being_read(self):
        s, _, raw = request(self.url(A) + "/vote", "POST", b'{"feature":"B1","level":2,"pad":"' + b"x" * 17000 + b'"}')
        self.assertEqual(s, 413)
        self.assertIn("16 KB", json.loads(raw)["error"])
        # A client that claims a huge body is answered at once, before it sends it.
        u = urllib.parse.urlsplit(self.url(A))
        sock = socket.create_connection((u.hostname, u.port), timeout=5)
        sock.sendall(f"POST {u.path}/vote HTTP/1.1\r\nHost: {u.netloc}\r\nContent-Length: 100000000\r\n\r\n".encode())
        self.assertIn(b" 413 ", sock.recv(4096))
        sock.close()
        # Just under the cap is read and judged on its content.
        s, _, raw = request(self.url(A) + "/vote", "POST", b'{"feature":"B1","level":2,"pad":"' + b"x" * 15000 + b'"}')
        self.assertEqual(s, 200)
        self.assertEqual(stored_levels(self.ws, "B1"), {A: 2})

    def test_a_websocket_upgrade_is_refused(self):
        u = urllib.parse.urlsplit(self.url(A))
        sock = socket.create_connection((u.hostname, u.port), timeout=5)
        sock.sendall(f"GET {u.path}/events HTTP/1.1\r\nHost: {u.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
        answer = sock.recv(4096)
        sock.close()
        self.assertIn(b" 400 ", answer.split(b"\r\n")[0])
        self.assertNotIn(b"101", answer.split(b"\r\n")[0])
        self.assertEqual(post(self.url(A) + "/vote", {"feature": "B1", "level": 2})[0], 200)

    def test_a_client_is_rate_limited_and_the_others_are_not(self):
        statuses = [request(self.url(A) + "/state")[0] for _ in range(80)]
        self.assertIn(429, statuses)
        self.assertEqual(statuses[0], 200)
        self.assertEqual(post(self.url(B) + "/vote", {"feature": "B1", "level": 1})[0], 200)
        time.sleep(1.2)  # the bucket refills
        self.assertEqual(request(self.url(A) + "/state")[0], 200)


class Connections(RoomCase):
    def test_a_thousand_idle_and_half_open_connections_do_not_stop_votes(self):
        u = urllib.parse.urlsplit(self.url(A))
        socks = []
        for i in range(1000):
            s = socket.create_connection((u.hostname, u.port), timeout=5)
            if i % 2:  # half of them start a request and never finish it
                s.sendall(f"POST {u.path}/vote HTTP/1.1\r\nHost: {u.netloc}\r\nContent-Length: 50\r\n\r\n{{\"fea".encode())
            socks.append(s)
        try:
            started = time.time()
            for who, level in ((A, 1), (B, 2), (C, 3)):
                self.assertEqual(post(self.url(who) + "/vote", {"feature": "B1", "level": level}, timeout=5)[0], 200)
            self.assertLess(time.time() - started, 3.0)
            self.assertEqual(stored_levels(self.ws, "B1"), {A: 1, B: 2, C: 3})
        finally:
            for s in socks:
                s.close()


class Workshop(unittest.TestCase):
    def test_eight_partners_score_all_eight_features_with_reveals_and_a_revote(self):
        orgs = [f"Partner {i} <{i}>" for i in range(1, 9)]
        with TempDir() as d:
            ws, aid = make_workspace(d, orgs)
            room = RoomProcess(ws, aid)
            fac = room.facilitator
            expected = {}
            try:
                for n, feature in enumerate(["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"]):
                    self.assertEqual(post(fac + "/feature", {"feature": feature})[0], 200)
                    votes = {org: 1 + (i + n) % 3 for i, org in enumerate(orgs)}
                    for org, level in votes.items():
                        self.assertEqual(post(room.links[org] + "/vote", {"feature": feature, "level": level})[0], 200)
                    if feature == "B3":  # the room talks, then votes again
                        self.assertEqual(post(fac + "/reveal", {"feature": feature})[0], 200)
                        self.assertEqual(post(fac + "/revote", {"feature": feature})[0], 200)
                        self.assertEqual(get_json(fac + "/state")["voted"], 0)
                        votes = {org: 2 for org in orgs}
                        for org, level in votes.items():
                            self.assertEqual(post(room.links[org] + "/vote", {"feature": feature, "level": level})[0], 200)
                    status, state = post(fac + "/reveal", {"feature": feature})
                    self.assertEqual(status, 200)
                    self.assertEqual({p["organisation"]: p["level"] for p in state["partners"]}, votes)
                    expected[feature] = votes
            finally:
                self.assertEqual(room.stop(), 0)
            shown = json.loads(run_cli(ws, "show", str(aid), "--json").stdout)
            for f in shown["features"]:
                self.assertEqual({pl["partner"]: pl["level"] for pl in f["partner_levels"]}, expected[f["id"]], f["id"])
            room_rows = [w for w in log_whats(ws) if w.endswith("(room)")]
            self.assertEqual(len(room_rows), 8 * 8 + 8 + 8)  # every vote, B3's cleared round and its re-vote


class Lifecycle(unittest.TestCase):
    def test_kill_9_after_a_vote_loses_nothing_and_the_same_links_resume(self):
        with TempDir() as d:
            ws, aid = make_workspace(d)
            room = RoomProcess(ws, aid)
            links = dict(room.links)
            post(links["facilitator"] + "/feature", {"feature": "B3"})
            self.assertEqual(post(links[A] + "/vote", {"feature": "B3", "level": 2})[0], 200)
            self.assertEqual(post(links[B] + "/vote", {"feature": "B3", "level": 3})[0], 200)
            post(links["facilitator"] + "/reveal", {"feature": "B3"})
            status, _ = post(links[C] + "/vote", {"feature": "B3", "level": 1})  # refused: revealed
            self.assertEqual(status, 409)
            room.proc.send_signal(signal.SIGKILL)  # right after the last 2xx
            room.stop()
            self.assertEqual(stored_levels(ws, "B3"), {A: 2, B: 3})
            port = room.port
            again = RoomProcess(ws, aid, listen=f"127.0.0.1:{port}")
            try:
                self.assertEqual(again.links, links)
                s = get_json(links[A] + "/state")
                self.assertEqual((s["feature"], s["revealed"], s["my_level"]), ("B3", True, 2))
                self.assertEqual([l["level"] for l in s["levels"]], [2, 3, None])
            finally:
                self.assertEqual(again.stop(signal.SIGINT), 0)

    def test_sigterm_exits_0_and_the_links_stop_working_new_links_replace_them(self):
        with TempDir() as d:
            ws, aid = make_workspace(d)
            room = RoomProcess(ws, aid)
            old = dict(room.links)
            self.assertEqual(room.stop(signal.SIGTERM), 0)
            with self.assertRaises(OSError):
                request(old[A] + "/state", timeout=2)
            fresh = RoomProcess(ws, aid, listen=f"127.0.0.1:{room.port}", extra=["--new-links"])
            try:
                self.assertNotEqual(fresh.links[A], old[A])
                self.assertEqual(request(old[A] + "/state")[0], 404)
                self.assertEqual(request(fresh.links[A] + "/state")[0], 200)
            finally:
                fresh.stop()

    def test_links_name_a_reachable_host(self):
        with TempDir() as d:
            ws, aid = make_workspace(d)
            room = RoomProcess(ws, aid, listen="0.0.0.0:0")
            try:
                self.assertNotEqual(room.host, "0.0.0.0")  # this machine's own address: phones cannot open 0.0.0.0
                self.assertEqual(request(f"http://127.0.0.1:{room.port}" + urllib.parse.urlsplit(room.links[A]).path + "/state")[0], 200)
            finally:
                room.stop()
            room = RoomProcess(ws, aid, extra=["--link-host", "localhost"])
            try:
                self.assertEqual(room.host, "localhost")
                self.assertEqual(get_json(room.links[A] + "/state")["organisation"], A)
            finally:
                room.stop()
            p = run_cli(ws, "room", str(aid), "--link-host", "a/b", check=False)
            self.assertEqual(p.returncode, 2)

    def test_bad_listen_address_and_unknown_assessment(self):
        with TempDir() as d:
            ws, aid = make_workspace(d)
            for listen in ("localhost", "1.2.3:80", "127.0.0.1:99999", "nonsense:1"):
                p = run_cli(ws, "room", str(aid), "--listen", listen, check=False)
                self.assertEqual(p.returncode, 2, listen)
                self.assertIn("--listen", p.stderr)
            p = run_cli(ws, "room", "99", check=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("99", p.stderr)
            run_cli(ws, "edit", str(aid), "--status", "final")
            p = run_cli(ws, "room", str(aid), check=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("final", p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
