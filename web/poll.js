// The ballot page: drag to rank (or move with the buttons / keyboard), tick approvals, or score.
import { api, el, show, status, pathId, token, setToken, newKey } from "/static/common.js";

const id = pathId("poll");
const scope = "poll:" + id;
let poll = null;
let key = newKey();

// A rankable list: drag and drop, plus up/down buttons and Alt+Arrow keys (touch and keyboard).
function rankList(names) {
  const list = el("ol", { class: "rank", id: "rank-list", "aria-label": "Your ranking, best first" });
  let dragged = null;
  const renumber = () => [...list.children].forEach((li, i) => (li.querySelector(".pos").textContent = String(i + 1)));
  const move = (li, delta) => {
    const sib = delta < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (!sib) return;
    if (delta < 0) list.insertBefore(li, sib); else list.insertBefore(sib, li);
    renumber();
    li.focus();
  };
  for (const name of names) {
    const li = el("li", { draggable: "true", tabindex: "0", "data-name": name },
      el("span", { class: "pos" }), el("span", { class: "name" }, name),
      el("button", { type: "button", "aria-label": "Move " + name + " up", onclick: () => move(li, -1) }, "↑"),
      el("button", { type: "button", "aria-label": "Move " + name + " down", onclick: () => move(li, 1) }, "↓"));
    li.addEventListener("dragstart", () => { dragged = li; li.classList.add("dragging"); });
    li.addEventListener("dragend", () => { li.classList.remove("dragging"); dragged = null; renumber(); });
    li.addEventListener("dragover", (e) => {
      e.preventDefault();
      if (!dragged || dragged === li) return;
      const r = li.getBoundingClientRect();
      list.insertBefore(dragged, e.clientY < r.top + r.height / 2 ? li : li.nextSibling);
    });
    li.addEventListener("keydown", (e) => {
      if (e.altKey && e.key === "ArrowUp") { e.preventDefault(); move(li, -1); }
      if (e.altKey && e.key === "ArrowDown") { e.preventDefault(); move(li, 1); }
    });
    list.append(li);
  }
  renumber();
  return list;
}

function ballotBody() {
  if (poll.ballot === "approval")
    return { approve: [...document.querySelectorAll("#ballot input:checked")].map((i) => i.value) };
  if (poll.ballot === "score") {
    const scores = {};
    document.querySelectorAll("#ballot input[type=number]").forEach((i) => { if (i.value !== "") scores[i.name] = Number(i.value); });
    return { scores };
  }
  return { ranking: [...document.querySelectorAll("#rank-list li")].map((li) => [li.dataset.name]) };
}

async function submit(e) {
  e.preventDefault();
  try {
    const res = await api("POST", "/polls/" + encodeURIComponent(id) + "/ballots", ballotBody(), { tokenScope: scope, idempotencyKey: key });
    key = newKey();
    status("Your ballot is counted (#" + (res.ballot ? res.ballot.seq : "") + ").", "ok");
  } catch (err) {
    status(err.message, "error");
  }
}

async function main() {
  document.getElementById("results-link").href = "/poll/" + encodeURIComponent(id) + "/results";
  try {
    const res = await api("GET", "/polls/" + encodeURIComponent(id));
    poll = res.poll || res;
  } catch (e) {
    status(e.message, "error");
    return;
  }
  document.getElementById("title").textContent = poll.title || id;
  document.title = (poll.title || id) + " · Prefero";
  const how = { ranking: "Drag the candidates into your order, best first (or use the arrows).", approval: "Tick every candidate you approve of.", score: "Give each candidate a score." };
  show("info", how[poll.ballot] || "", poll.closes_at ? " Closes " + new Date(poll.closes_at).toLocaleString() + "." : "");
  if (poll.voting === "token") {
    document.getElementById("token-box").hidden = false;
    document.getElementById("voter-token").value = token(scope);
    document.getElementById("save-token").onclick = () => setToken(scope, document.getElementById("voter-token").value.trim(), true);
  }
  const names = poll.candidates.map((c) => (typeof c === "string" ? c : c.name || c.id));
  if (poll.ballot === "approval")
    show("ballot", el("fieldset", {}, el("legend", {}, "Approve"), names.map((n) => el("label", { class: "check" }, el("input", { type: "checkbox", value: n }), n))));
  else if (poll.ballot === "score")
    show("ballot", el("fieldset", {}, el("legend", {}, "Scores"), names.map((n) => el("label", { class: "check" }, el("input", { type: "number", name: n, min: 0, max: 10, step: 1 }), n))));
  else show("ballot", rankList(names));
  document.getElementById("ballot-form").addEventListener("submit", submit);
}
main();
