// The vote page: a matchup of anonymous outputs, the voter's choice, then the models revealed.
import { api, el, show, status, pathId, token, setToken, newKey } from "/static/common.js";

const id = pathId("arena");
const scope = "arena:" + id;
let matchup = null;

function output(o) {
  const body = o.image ? el("img", { src: o.image, alt: "Output " + o.slot + " (image)" }) : el("div", {}, o.text ?? "");
  return el("article", { class: "output", "aria-label": "Output " + o.slot }, el("h3", {}, "Output " + o.slot), body);
}

async function vote(choice) {
  const buttons = document.querySelectorAll("#choices button");
  buttons.forEach((b) => (b.disabled = true));
  try {
    const body = Array.isArray(choice) ? { matchup: matchup.id, ranking: choice } : { matchup: matchup.id, winner: choice };
    const res = await api("POST", "/arenas/" + encodeURIComponent(id) + "/votes", body, { tokenScope: scope, idempotencyKey: matchup.key });
    const models = res.vote.models || [];
    show("reveal", el("p", { class: "ok" }, "Thank you. ", models.map((m, i) => "Output " + String.fromCharCode(65 + i) + " was " + m).join(", "), "."),
      el("button", { class: "primary", type: "button", onclick: next }, "Next matchup"));
    status("");
  } catch (e) {
    status(e.message, "error");
    buttons.forEach((b) => (b.disabled = false));
  }
}

// K-wise: every slot gets a place (1 = best); equal places are ties.
function rankingChoices(outputs) {
  const selects = outputs.map((o) => el("select", { "aria-label": "Place of output " + o.slot },
    outputs.map((_, i) => el("option", { value: i + 1 }, String(i + 1)))));
  selects.forEach((s, i) => (s.value = String(i + 1)));
  const submit = () => {
    const places = new Map();
    outputs.forEach((o, i) => {
      const p = Number(selects[i].value);
      if (!places.has(p)) places.set(p, []);
      places.get(p).push(o.slot);
    });
    vote([...places.keys()].sort((a, b) => a - b).map((p) => places.get(p)));
  };
  return [el("div", {}, outputs.map((o, i) => el("label", { class: "check" }, "Output " + o.slot + " place ", selects[i]))),
    el("button", { class: "primary", type: "button", onclick: submit }, "Submit ranking")];
}

async function next() {
  show("reveal");
  status("Loading…");
  try {
    const res = await api("GET", "/arenas/" + encodeURIComponent(id) + "/next", undefined, { tokenScope: scope });
    matchup = res.matchup;
    matchup.key = newKey();
    show("prompt", matchup.item.prompt ?? "");
    show("outputs", matchup.outputs.map(output));
    if (matchup.outputs.length === 2)
      show("choices",
        el("button", { type: "button", onclick: () => vote("A") }, "A is better"),
        el("button", { type: "button", onclick: () => vote("B") }, "B is better"),
        el("button", { type: "button", onclick: () => vote("tie") }, "Tie"),
        el("button", { type: "button", onclick: () => vote("bothbad") }, "Both are bad"));
    else show("choices", rankingChoices(matchup.outputs));
    status("");
  } catch (e) {
    status(e.message, "error");
  }
}

async function main() {
  document.getElementById("board-link").href = "/arena/" + encodeURIComponent(id) + "/leaderboard";
  try {
    const info = await api("GET", "/arenas/" + encodeURIComponent(id));
    const arena = info.arena || info;
    document.getElementById("title").textContent = arena.name || id;
    document.title = (arena.name || id) + " · Prefero";
    if (arena.voting === "token") {
      document.getElementById("token-box").hidden = false;
      document.getElementById("voter-token").value = token(scope);
      document.getElementById("save-token").onclick = () => { setToken(scope, document.getElementById("voter-token").value.trim(), true); next(); };
    }
  } catch (e) {
    status(e.message, "error");
    return;
  }
  next();
}
main();
