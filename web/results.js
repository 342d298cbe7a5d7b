// The results page: winners, the ranking when the rule gives one, the rule's explanation, and
// the ballots as a PrefLib file.
import { api, el, show, status, pathId } from "/static/common.js";

const id = pathId("poll");

async function main() {
  document.getElementById("download").href = "/v1/polls/" + encodeURIComponent(id) + "/ballots.preflib";
  try {
    const r = await api("GET", "/polls/" + encodeURIComponent(id) + "/results");
    document.getElementById("title").textContent = "Results: " + (r.title || id);
    show("summary", `${r.ballots} ballots · rule ${r.rule || ""}`);
    const winners = r.winners || [];
    show("winners", winners.length ? winners.map((w) => el("li", {}, Array.isArray(w) ? w.join(", ") : w)) : el("li", { class: "muted" }, "No ballots yet."));
    if (Array.isArray(r.ranking) && r.ranking.length) {
      document.getElementById("ranking-box").hidden = false;
      show("ranking", r.ranking.map((tier) => el("li", {}, Array.isArray(tier) ? tier.join(" = ") : tier)));
    }
    show("explanation", JSON.stringify(r.explanation ?? {}, null, 2));
  } catch (e) {
    status(e.message, "error");
  }
}
main();
