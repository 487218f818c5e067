// The partner's page of the live room (docs/room.md). It uses only the room's API: GET state,
// POST vote and the server-sent events at "events". Every text from the server is set with
// textContent, never parsed as HTML.
"use strict";
(function () {
  const base = window.location.pathname.replace(/\/+$/, "");
  const $ = (id) => document.getElementById(id);
  let state = null;
  let source = null;
  let retry = null;
  let lastFeature = null;

  function text(id, value) { $(id).textContent = value == null ? "" : String(value); }

  function render(s) {
    const featureChanged = state !== null && s.feature !== lastFeature;
    state = s;
    lastFeature = s.feature;
    text("room", s.room);
    text("organisation", s.organisation);
    text("feature", s.feature);
    text("feature-title", s.feature_title);
    document.title = s.feature + " – HICM Assess room";
    const box = $("choices");
    // Rebuild the buttons only when their content changes, so focus stays where it is.
    const key = JSON.stringify([s.feature, s.choices]);
    if (box.dataset.key !== key) {
      box.dataset.key = key;
      box.replaceChildren();
      for (const c of s.choices) {
        const b = document.createElement("button");
        b.type = "button";
        b.dataset.level = String(c.level);
        const label = document.createElement("span");
        label.className = "label";
        label.textContent = "Level " + c.level + ": " + c.label;
        const d = document.createElement("span");
        d.className = "descriptor";
        d.textContent = c.descriptor;
        b.append(label, d);
        b.addEventListener("click", () => vote(c.level));
        box.append(b);
      }
    }
    for (const b of box.querySelectorAll("button")) {
      b.setAttribute("aria-pressed", String(Number(b.dataset.level) === s.my_level));
      b.disabled = s.revealed;
    }
    const spread = $("spread");
    if (s.revealed) {
      spread.hidden = false;
      const list = $("levels");
      list.replaceChildren();
      for (const l of s.levels || []) {
        const li = document.createElement("li");
        const who = document.createElement("span");
        who.textContent = l.organisation;
        const lv = document.createElement("span");
        lv.textContent = l.level == null ? "no vote" : "Level " + l.level;
        li.append(who, lv);
        list.append(li);
      }
      const sum = $("spread-summary");
      sum.className = "";
      if (s.spread) {
        sum.textContent = "Spread: level " + s.spread.lowest + " to level " + s.spread.highest + ".";
        if (s.spread.no_shared_view) {
          sum.textContent += " No shared view: partners are two or more levels apart.";
          sum.className = "flag";
        }
      } else {
        sum.textContent = "No votes.";
      }
      text("status", "The votes are revealed.");
      text("hint", "The votes are revealed; the facilitator may open a re-vote.");
    } else {
      spread.hidden = true;
      text("hint", "Choose the level that describes your organisation today. You can change your vote until the facilitator reveals the votes.");
      text("status", (s.my_level == null ? "You have not voted yet. " : "Your vote: level " + s.my_level + ". ") +
        s.voted + " of " + s.partners + " have voted.");
    }
    if (featureChanged)
      $("feature-heading").focus();
  }

  function connected(ok) {
    const c = $("connection");
    c.textContent = ok ? "Connected" : "Connection lost – reconnecting…";
    c.classList.toggle("lost", !ok);
  }

  async function load() {
    try {
      const r = await fetch(base + "/state", { cache: "no-store" });
      if (r.ok) render(await r.json());
    } catch (e) { connected(false); }
  }

  async function vote(level) {
    if (!state || state.revealed) return;
    text("status", "Sending your vote…");
    try {
      const r = await fetch(base + "/vote", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ feature: state.feature, level: level }),
      });
      const body = await r.json();
      if (r.ok) render(body);
      else { text("status", "Not stored: " + (body.error || r.status)); load(); }
    } catch (e) {
      connected(false);
      text("status", "Not stored: no connection to the room. Try again when it is back.");
    }
  }

  function listen() {
    if (source) source.close();
    source = new EventSource(base + "/events");
    source.onopen = () => { connected(true); };
    source.onmessage = (e) => { connected(true); render(JSON.parse(e.data)); };
    source.onerror = () => {
      connected(false);
      // The browser retries by itself while the stream is CONNECTING; if it gave up, start again.
      if (source.readyState === EventSource.CLOSED && !retry)
        retry = setTimeout(() => { retry = null; listen(); }, 2000);
    };
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") { load(); if (!source || source.readyState === EventSource.CLOSED) listen(); }
  });
  load();
  listen();
})();
