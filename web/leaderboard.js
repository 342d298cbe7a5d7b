// The live leaderboard: ratings with intervals, an interval plot and the win-rate heatmap,
// refreshed every second.
import { api, el, show, status, pathId, fmt } from "/static/common.js";

const id = pathId("arena");
const SVG = "http://www.w3.org/2000/svg";
let lastSeq = -1;

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function intervals(ratings) {
  const row = 22, left = 200, width = 460, h = row * ratings.length + 30;
  const lo = Math.min(...ratings.map((r) => r.ci_low)), hi = Math.max(...ratings.map((r) => r.ci_high));
  const span = hi - lo || 1;
  const x = (v) => left + ((v - lo) / span) * width;
  const s = svg("svg", { width: left + width + 20, height: h, role: "img", "aria-label": "Rating intervals" });
  ratings.forEach((r, i) => {
    const y = 15 + i * row;
    s.append(svg("text", { x: left - 8, y: y + 4, "text-anchor": "end" }, r.name));
    s.append(svg("line", { x1: x(r.ci_low), x2: x(r.ci_high), y1: y, y2: y, stroke: "#0b5cad", "stroke-width": 3 }));
    s.append(svg("circle", { cx: x(r.rating), cy: y, r: 4, fill: "#1b1f23" }, svg("title", {}, r.name + ": " + fmt(r.rating) + " [" + fmt(r.ci_low) + ", " + fmt(r.ci_high) + "]")));
  });
  s.append(svg("text", { x: left, y: h - 4 }, fmt(lo)));
  s.append(svg("text", { x: left + width, y: h - 4, "text-anchor": "end" }, fmt(hi)));
  return s;
}

function heatmap(win) {
  const n = win.models.length, cell = Math.max(18, Math.min(40, Math.floor(600 / Math.max(n, 1)))), left = 200, top = 120;
  const s = svg("svg", { width: left + cell * n + 10, height: top + cell * n + 10, role: "img", "aria-label": "Win-rate matrix" });
  win.models.forEach((m, j) => s.append(svg("text", { x: left + j * cell + cell / 2, y: top - 6, transform: `rotate(-60 ${left + j * cell + cell / 2} ${top - 6})` }, m)));
  win.models.forEach((m, i) => {
    s.append(svg("text", { x: left - 6, y: top + i * cell + cell / 2 + 4, "text-anchor": "end" }, m));
    win.matrix[i].forEach((p, j) => {
      if (i === j || p === null) return;
      const red = Math.round(255 * (1 - p)), blue = Math.round(255 * p);
      s.append(svg("rect", { x: left + j * cell, y: top + i * cell, width: cell - 1, height: cell - 1, fill: `rgb(${red},${Math.round(200 - 80 * Math.abs(p - 0.5))},${blue})` },
        svg("title", {}, `${m} beats ${win.models[j]}: ${(100 * p).toFixed(0)}%`)));
    });
  });
  return s;
}

async function refresh() {
  try {
    const exclude = document.getElementById("exclude").checked;
    const b = await api("GET", "/arenas/" + encodeURIComponent(id) + "/leaderboard" + (exclude ? "?exclude_flagged=true" : ""));
    if (b.seq === lastSeq && !refresh.force) return;
    refresh.force = false;
    lastSeq = b.seq;
    const rows = b.ratings.map((r) => el("tr", {},
      el("td", { class: "num" }, r.rank_ub), el("th", { scope: "row" }, r.name), el("td", { class: "num" }, fmt(r.rating)),
      el("td", { class: "num" }, r.ci_low === r.ci_high ? "–" : "[" + fmt(r.ci_low) + ", " + fmt(r.ci_high) + "]"),
      el("td", { class: "num" }, fmt(r.votes, 0))));
    document.querySelector("#board tbody").replaceChildren(...rows);
    show("summary", `${b.votes} votes · model ${b.model} · updated at event #${b.seq}`, b.warning ? el("span", { class: "error" }, " · " + b.warning) : null);
    show("intervals", b.ratings.length ? intervals(b.ratings) : el("p", { class: "muted" }, "No votes yet."));
    show("heatmap", b.win_rate && b.win_rate.models.length ? heatmap(b.win_rate) : el("p", { class: "muted" }, "No votes yet."));
    status("");
  } catch (e) {
    status(e.message, "error");
  }
}

document.getElementById("vote-link").href = "/arena/" + encodeURIComponent(id);
document.getElementById("title").textContent = "Leaderboard: " + id;
document.getElementById("exclude").onchange = () => { refresh.force = true; refresh(); };
refresh();
setInterval(refresh, 1000);
