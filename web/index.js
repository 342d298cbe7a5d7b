// The front page: every arena and poll, linked.
import { api, el, show, status } from "/static/common.js";

async function main() {
  try {
    const [arenas, polls] = await Promise.all([api("GET", "/arenas"), api("GET", "/polls")]);
    const a = arenas.arenas || [];
    show("arenas", a.length ? a.map((x) => el("li", {}, el("a", { href: "/arena/" + encodeURIComponent(x.id) }, x.name || x.id), " · ",
      el("a", { href: "/arena/" + encodeURIComponent(x.id) + "/leaderboard" }, "leaderboard"))) : el("li", { class: "muted" }, "No arena yet."));
    const p = polls.polls || [];
    show("polls", p.length ? p.map((x) => el("li", {}, el("a", { href: "/poll/" + encodeURIComponent(x.id) }, x.title || x.id), " · ",
      el("a", { href: "/poll/" + encodeURIComponent(x.id) + "/results" }, "results"))) : el("li", { class: "muted" }, "No poll yet."));
  } catch (e) {
    status(e.message, "error");
  }
}
main();
