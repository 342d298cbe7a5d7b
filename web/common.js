// Shared helpers of the service pages: the API client, the page's ids, and safe DOM building
// (text always goes in through textContent: nothing from the server is parsed as HTML).

// The path segment after `prefix` in the current URL ("/arena/a1/leaderboard" -> "a1").
export function pathId(prefix) {
  const parts = location.pathname.split("/").filter(Boolean);
  const i = parts.indexOf(prefix);
  return i >= 0 && i + 1 < parts.length ? decodeURIComponent(parts[i + 1]) : "";
}

// Stored tokens: the admin token for the session, voter tokens per poll/arena.
export function token(scope) { return sessionStorage.getItem("token:" + scope) || localStorage.getItem("token:" + scope) || ""; }
export function setToken(scope, value, remember) {
  (remember ? localStorage : sessionStorage).setItem("token:" + scope, value);
}

// fetch() of /v1 with JSON in and out; throws an Error whose message is the API's error message.
export async function api(method, path, body, { tokenScope, idempotencyKey } = {}) {
  const headers = { "Accept": "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const t = tokenScope ? token(tokenScope) : "";
  if (t) headers["Authorization"] = "Bearer " + t;
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  const res = await fetch("/v1" + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!res.ok) {
    const e = data && data.error ? data.error : { code: "http_" + res.status, message: text || res.statusText };
    const err = new Error(e.message + (e.field ? " (" + e.field + ")" : ""));
    err.code = e.code;
    err.status = res.status;
    throw err;
  }
  return data;
}

// A new id for an Idempotency-Key (a retry of the same action reuses it).
export function newKey() {
  return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
}

// el("p", {class: "muted"}, "text", child, ...): an element with attributes and children.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// Replaces the children of the element with id `id`.
export function show(id, ...children) {
  const e = document.getElementById(id);
  e.replaceChildren(...children.flat());
  return e;
}

export function status(message, kind = "muted") {
  const e = document.getElementById("status");
  if (!e) return;
  e.className = kind;
  e.textContent = message;
}

export function fmt(x, digits = 1) { return typeof x === "number" && isFinite(x) ? x.toFixed(digits) : "–"; }
