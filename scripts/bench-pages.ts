// `npm run bench:pages`: page throughput of the production build, as a share of
// the bare-Remix anchor (../shared/perf-anchor) measured in the same run on the
// same machine. The anchor is one Remix route rendering 20 offer cards from
// memory; it shows what the framework alone costs here, so the verdicts below
// are about our own work per request, not about the machine.
// SQLite and the embedded search by default; BENCH_DB=postgres for a throwaway
// PostgreSQL. Loopback only, bounded in time (about 2 minutes).
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort, serveSeededApp } from "./bench/served-app";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_S = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
// The per-IP limits would answer most of the load with 429: measure the pages, not the limiter.
process.env.API_RATE_LIMIT_POINTS ??= "0";
process.env.OPEN_DATA_AUTO_REBUILD ??= "false";

type Measured = {
  label: string;
  group: Group;
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  non2xx: number;
  errors: number;
};
type Group = "anchor" | "public" | "api" | "signed-in" | "rendered" | "other";
// The goals of issue 16, per group: share of the anchor's req/s and a p97.5 ceiling.
const GOALS: Record<Exclude<Group, "anchor" | "rendered" | "other">, { share: number; p975: number | null }> = {
  public: { share: 0.5, p975: 150 },
  api: { share: 0.8, p975: null },
  "signed-in": { share: 0.3, p975: 250 },
};

async function measure(
  label: string,
  group: Group,
  url: string,
  headers: Record<string, string> = {},
): Promise<Measured> {
  const options = { url, connections: CONNECTIONS, headers };
  // A short warm-up first, so both servers are measured with their code compiled and caches filled.
  if (WARMUP_S > 0) await autocannon({ ...options, duration: WARMUP_S });
  const result = await autocannon({ ...options, duration: DURATION_S });
  return {
    label,
    group,
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function startAnchor(): Promise<{ base: string; stop(): void }> {
  const port = await freePort();
  // Beside the repository on the team's machines; PERF_ANCHOR names it elsewhere.
  const script = path.resolve(process.env.PERF_ANCHOR ?? "../shared/perf-anchor/serve.sh");
  const child = spawn("bash", [script], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (Date.now() - started > 300_000) throw new Error("the perf anchor did not start in 5 minutes");
    if (child.exitCode !== null) throw new Error(`the perf anchor exited with ${child.exitCode}`);
    if (
      await fetch(base + "/").then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
    },
  };
}

// The anchor first, then the project, each alone under load (the idle
// anchor stays up); then the anchor again. This machine's speed drifts by a
// fifth or more within minutes, so each share is of the mean of the two
// anchor runs rather than of one taken a minute or two earlier.
process.stdout.write("Starting the bare-Remix anchor (../shared/perf-anchor/serve.sh)…\n");
const anchor = await startAnchor();
const anchorRow = await measure("anchor (bare Remix, 20 cards)", "anchor", anchor.base + "/");

const app = await serveSeededApp();
const { base } = app;

async function json<T>(pathname: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(base + pathname, { headers });
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
async function html(pathname: string, cookie: string): Promise<string> {
  const response = await fetch(base + pathname, { headers: { cookie } });
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
  return response.text();
}
async function signIn(email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password: "SanCongNghe@2026" }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`demo sign-in of ${email} failed: HTTP ${response.status}`);
  return cookie;
}

const offers = await json<{ items: { slug: string }[] }>("/api/v1/offers?perPage=5");
const problems = await json<{ items: { code: string; list: { slug: string } }[] }>("/api/v1/major-problems?perPage=5");
const offer = offers.items[0]!;
const problem = problems.items[0]!;
const provider = await signIn("hoang.anh@songhongai.example.vn");
const curator = await signIn("curator@hihub.example.vn");
// The provider's own offer page (with "needs it may fit") and a curation board, found the way a user would: by following links.
const ownOffer = /href="(\/orgs\/[^/"]+\/offers\/(?!new")[^/"?#]+)"/.exec(
  await html("/orgs", provider).then(async (page) => {
    const org = /href="(\/orgs\/[^/"?#]+)"/.exec(page)?.[1];
    if (!org) throw new Error("no organisation link on /orgs");
    return html(`${org}/offers`, provider);
  }),
)?.[1];
if (!ownOffer) throw new Error("no own offer link on the organisation's offers page");
const board = /href="(\/staff\/matches\/[^/"]+\/[^/"?#]+)"/.exec(await html("/staff/matches", curator))?.[1];
if (!board) throw new Error("no curation board link on /staff/matches");

const pages: [string, Group, string, Record<string, string>?][] = [
  ["/healthz", "other", "/healthz"],
  ["/", "public", "/"],
  ["/search?q=chuyen+doi+so", "public", "/search?q=chuyen+doi+so"],
  ["/offers/<slug>", "public", `/offers/${offer.slug}`],
  ["/major-problems/<list>/<code>", "public", `/major-problems/${problem.list.slug}/${problem.code}`],
  ["/api/v1/search?q=chuyen+doi+so", "api", "/api/v1/search?q=chuyen+doi+so"],
  ["/api/v1/offers", "api", "/api/v1/offers"],
  ["/orgs (provider)", "signed-in", "/orgs", { cookie: provider }],
  ["own offer, needs it may fit", "signed-in", ownOffer, { cookie: provider }],
  ["curation board (curator)", "signed-in", board, { cookie: curator }],
];
const rows: Measured[] = [anchorRow];
for (const [label, group, pathname, headers] of pages) rows.push(await measure(label, group, base + pathname, headers));
await app.stop();
const anchorAgain = await measure("anchor again, after the project's pages", "anchor", anchor.base + "/");
rows.push(anchorAgain);
anchor.stop();

// The same public pages and API answers with the public page cache off
// (PUBLIC_CACHE_SECONDS=0): every request rendered, as after a write or for a
// URL nobody asked for yet. No verdict: the goals are for what visitors get;
// these rows show what a render costs.
process.env.PUBLIC_CACHE_SECONDS = "0";
const uncached = await serveSeededApp();
for (const [label, group, pathname] of pages) {
  if (group === "public" || group === "api")
    rows.push(await measure(`${label}, cache off`, "rendered", uncached.base + pathname));
}
await uncached.stop();

const anchorRps = (anchorRow.rps + anchorAgain.rps) / 2;
let met = 0;
let goals = 0;
const lines = rows.map((row) => {
  const share = row.rps / anchorRps;
  let verdict = "";
  if (row.group !== "anchor" && row.group !== "other" && row.group !== "rendered") {
    const goal = GOALS[row.group];
    const shareOk = share >= goal.share;
    const latencyOk = goal.p975 === null || row.p975 <= goal.p975;
    const clean = row.non2xx === 0 && row.errors === 0;
    goals += 1;
    if (shareOk && latencyOk && clean) met += 1;
    const wants = `≥${goal.share * 100}%${goal.p975 === null ? "" : `, p97.5 ≤${goal.p975} ms`}`;
    verdict = shareOk && latencyOk && clean ? `PASS (${wants})` : `MISS (${wants}${clean ? "" : ", errors"})`;
  }
  return `| ${row.label} | ${row.rps.toFixed(0)} | ${(share * 100).toFixed(0)}% | ${row.p50} | ${row.p975} | ${
    row.p99
  } | ${row.non2xx + row.errors} | ${verdict} |`;
});

process.stdout.write(
  `\nDatabase: ${app.databaseLabel}; ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per page, ${
    os.cpus().length
  } cores; server ready after ${app.bootMs} ms; anchor ${anchorRow.rps.toFixed(0)} then ${anchorAgain.rps.toFixed(
    0,
  )} req/s, shares are of their mean (${anchorRps.toFixed(0)})\n\n`,
);
process.stdout.write(
  "| page | req/s | share of anchor | p50 ms | p97.5 ms | p99 ms | non-2xx/errors | verdict |\n|---|---|---|---|---|---|---|---|\n",
);
process.stdout.write(lines.join("\n") + "\n");
process.stdout.write(`\nGoals met: ${met} of ${goals}\n`);
