// The admin page: create arenas and polls, issue voter tokens, close polls, read flags and the audit.
import { api, el, show, status, token, setToken } from "/static/common.js";

const arenaTemplate = {
  id: "demo", name: "Demo arena", k: 2, policy: "ucb", voting: "anonymous", model: "bt",
  candidates: [{ id: "model-x" }, { id: "model-y" }, { id: "model-z" }],
  items: [{ id: "q1", prompt: "Write a haiku about the sea.", outputs: { "model-x": { text: "…" }, "model-y": { text: "…" }, "model-z": { text: "…" } } }],
};
const pollTemplate = { id: "lunch", title: "Where do we eat?", candidates: ["Pizza", "Sushi", "Tacos"], ballot: "ranking", rule: "schulze", seats: 1, voting: "anonymous", replace: true };

const run = (f) => async () => {
  try {
    await f();
  } catch (e) {
    status(e.message, "error");
  }
};

document.getElementById("admin-token").value = token("admin");
document.getElementById("save-admin").onclick = () => { setToken("admin", document.getElementById("admin-token").value.trim(), false); status("Token set for this tab.", "ok"); };
document.getElementById("arena-json").value = JSON.stringify(arenaTemplate, null, 2);
document.getElementById("poll-json").value = JSON.stringify(pollTemplate, null, 2);

document.getElementById("create-arena").onclick = run(async () => {
  const r = await api("POST", "/arenas", JSON.parse(document.getElementById("arena-json").value), { tokenScope: "admin" });
  status("Arena created: /arena/" + r.arena.id, "ok");
});
document.getElementById("create-poll").onclick = run(async () => {
  const r = await api("POST", "/polls", JSON.parse(document.getElementById("poll-json").value), { tokenScope: "admin" });
  status("Poll created: /poll/" + r.poll.id, "ok");
});
document.getElementById("issue-tokens").onclick = run(async () => {
  const p = document.getElementById("tokens-poll").value.trim();
  const r = await api("POST", "/polls/" + encodeURIComponent(p) + "/tokens", { count: Number(document.getElementById("tokens-count").value) }, { tokenScope: "admin" });
  show("tokens", r.tokens.join("\n"));
  status("Give each voter one token; they are shown only once.", "ok");
});
document.getElementById("close-poll").onclick = run(async () => {
  const p = document.getElementById("tokens-poll").value.trim();
  await api("POST", "/polls/" + encodeURIComponent(p) + "/close", {}, { tokenScope: "admin" });
  status("Poll closed.", "ok");
});
document.getElementById("show-flags").onclick = run(async () => {
  const a = document.getElementById("flags-arena").value.trim();
  show("flags", JSON.stringify(await api("GET", "/arenas/" + encodeURIComponent(a) + "/flags", undefined, { tokenScope: "admin" }), null, 2));
});
document.getElementById("show-audit").onclick = run(async () => {
  const a = document.getElementById("flags-arena").value.trim();
  const res = await fetch("/v1/arenas/" + encodeURIComponent(a) + "/audit", { headers: { Authorization: "Bearer " + token("admin") } });
  show("flags", await res.text());
});
