// The room's join page (docs/room.md): a partner types the code on their hand-out and is sent on to
// their own link. It uses only POST /j; nothing from the server is parsed as HTML.
"use strict";
(function () {
  const form = document.getElementById("join");
  const input = document.getElementById("code");
  const status = document.getElementById("status");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = input.value.trim();
    if (!code) {
      status.textContent = "Type the code from your hand-out.";
      input.focus();
      return;
    }
    status.textContent = "Joining…";
    try {
      const r = await fetch("/j", { method: "POST", headers: { "Content-Type": "application/json" },
                                    body: JSON.stringify({ code: code }) });
      if (r.ok) {
        const answer = await r.json();
        window.location.replace(answer.link);
        return;
      }
      status.textContent = r.status === 429 ? "Too many tries: wait a moment, then try again."
                                            : "That is not one of this room's codes. Check your hand-out, or ask the facilitator.";
    } catch (e) {
      status.textContent = "The room cannot be reached. Check that you are on the room's Wi-Fi.";
    }
    input.focus();
  });
  input.focus();
})();
