// Browser tests of `prefero serve`: Debian's chromium (headless) driven by playwright-core, on
// 127.0.0.1 only. Starts the server on a fresh SQLite file, creates an arena and a poll through
// the API, then votes through the vote page and checks that the leaderboard page changes, ranks
// candidates on the ballot page (drag and the arrow buttons), reads the results page, and checks
// that the pages fit a phone's width. Every wait is bounded.
// Usage: node tests/browser/run.mjs PATH/TO/prefero        (exit 0 = pass)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const prefero = process.argv[2];
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!prefero || !existsSync(prefero)) throw new Error("usage: node run.mjs PATH/TO/prefero");
if (!existsSync(chromiumPath)) throw new Error(`no chromium at ${chromiumPath} (scripts/setup.sh installs Debian's chromium)`);

const dir = mkdtempSync(join(tmpdir(), "prefero-browser-"));
const admin = "browser-test-admin-token";
let server;
let failures = 0;

function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

// Starts the server and resolves with its base URL (read from its first lines of output).
function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(prefero, ["serve", "--db", "sqlite:" + join(dir, "votes.db"), "--host", "127.0.0.1", "--port", "0",
      "--admin-token", admin], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error("the server printed no URL within 10 s:\n" + out)), 10000);
    const onData = (d) => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
}

async function call(base, method, path, body) {
  const res = await fetch(base + "/v1" + path, {
    method, headers: { "Content-Type": "application/json", Authorization: "Bearer " + admin },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

async function main() {
  const base = await startServer();
  await call(base, "POST", "/arenas", {
    id: "demo", name: "Demo arena", k: 2, policy: "uniform", voting: "anonymous", model: "bt",
    candidates: [{ id: "alpha" }, { id: "beta" }, { id: "gamma" }],
    items: [
      { id: "q1", prompt: "Say hi <b>politely</b>", outputs: { alpha: { text: "Hello <script>x()</script>" }, beta: { text: "Hi!" }, gamma: { text: "Hey" } } },
      { id: "q2", prompt: "Count to 3", outputs: { alpha: { text: "1 2 3" }, beta: { text: "one two three" }, gamma: { text: "3 2 1" } } },
    ],
  });
  await call(base, "POST", "/polls", { id: "lunch", title: "Lunch", candidates: ["Pizza", "Sushi", "Tacos"], ballot: "ranking", rule: "schulze", seats: 1, voting: "anonymous", replace: true });

  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(10000);
    const consoleErrors = [];
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });

    // The leaderboard before any vote, in a second tab that stays open.
    const board = await browser.newPage();
    board.setDefaultTimeout(10000);
    await board.goto(base + "/arena/demo/leaderboard");
    await board.waitForSelector("#summary:has-text('0 votes')");
    check(true, "leaderboard page shows 0 votes");

    // Vote three times through the vote page.
    await page.goto(base + "/arena/demo");
    for (let i = 0; i < 3; i++) {
      await page.waitForSelector("#choices button:has-text('A is better'):not([disabled])");
      const prompt = await page.textContent("#prompt");
      check(prompt.length > 0, `vote ${i + 1}: the prompt is shown`);
      const injected = await page.$("#outputs script, #prompt b");
      check(injected === null, `vote ${i + 1}: text from the API is not parsed as HTML`);
      await page.click("#choices button:has-text('A is better')");
      await page.waitForSelector("#reveal:has-text('Output A was')");
      check(true, `vote ${i + 1}: the models are revealed after the vote`);
      await page.click("#reveal button:has-text('Next matchup')");
    }
    // The open leaderboard tab refreshes by itself.
    await board.waitForSelector("#summary:has-text('3 votes')", { timeout: 5000 });
    const rows = await board.$$eval("#board tbody tr", (trs) => trs.length);
    check(rows === 3, `leaderboard lists the 3 models (got ${rows})`);
    const svgs = await board.$$eval("#intervals svg, #heatmap svg", (s) => s.length);
    check(svgs === 2, "interval plot and win-rate heatmap are drawn");

    // The ballot page: move Tacos to the top with the arrow buttons, then Sushi above Pizza by drag.
    await page.goto(base + "/poll/lunch");
    await page.waitForSelector("#rank-list li");
    await page.click("button[aria-label='Move Tacos up']");
    await page.click("button[aria-label='Move Tacos up']");
    await page.dragAndDrop("#rank-list li[data-name='Sushi']", "#rank-list li[data-name='Pizza']");
    const order = await page.$$eval("#rank-list li", (lis) => lis.map((li) => li.dataset.name));
    check(order[0] === "Tacos", `arrow buttons move a candidate up (order ${order.join(" > ")})`);
    check(order.indexOf("Sushi") < order.indexOf("Pizza"), `drag and drop reorders (order ${order.join(" > ")})`);
    await page.click("#ballot-form button[type=submit]");
    await page.waitForSelector("#status.ok");
    check(true, "the ballot is accepted");
    await page.goto(base + "/poll/lunch/results");
    await page.waitForSelector("#winners li");
    const winner = await page.textContent("#winners li");
    check(winner.trim() === "Tacos", `results page names the winner of the one ballot (got '${winner.trim()}')`);

    // A phone: no page is wider than the screen.
    const phone = await browser.newPage({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    for (const path of ["/", "/arena/demo", "/poll/lunch", "/poll/lunch/results", "/admin"]) {
      await phone.goto(base + path);
      await phone.waitForLoadState("networkidle");
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      check(width <= 375, `${path} fits a 375 px wide phone (scroll width ${width})`);
    }
    check(consoleErrors.length === 0, "no errors in the browser console" + (consoleErrors.length ? ": " + consoleErrors.join("; ") : ""));
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  console.log("FAIL " + (e.stack || e));
  failures++;
} finally {
  if (server) server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
console.log(failures ? `${failures} browser check(s) failed` : "all browser checks passed");
process.exit(failures ? 1 : 0);
