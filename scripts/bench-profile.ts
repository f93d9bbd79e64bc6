// npm run bench:profile: where a signed-in page's CPU goes. For each page
// (BENCH_PAGES=orgs,own,board by default) it serves the seeded production
// build under `node --cpu-prof`, loads the page at 20 connections (2 s
// warm-up, BENCH_SECONDS measured), prints req/s, p50/p97.5 and the server's
// CPU time per request, and then, from the CPU profile's measured window only,
// the packages and functions with the most CPU of their own, and the share
// spent inside a few known costs (inclusive). React's rendering runs in later
// stream callbacks, not under renderToPipeableStream, so it is read from the
// react-dom package's own share and the app's components ("app (build)"). Figures in the README's
// Performance section come from it. Linux only (CPU time from /proc).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { serveSeededApp, type ServedApp } from "./bench/served-app";
import { SERVER_NODE_ARGS } from "./server-command";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PAGES = (process.env.BENCH_PAGES ?? "orgs,own,board").split(",");
process.env.API_RATE_LIMIT_POINTS ??= "0";
process.env.OPEN_DATA_AUTO_REBUILD ??= "false";

// Inclusive shares worth watching: the names are the libraries' own.
const WATCHED: [string, RegExp][] = [
  ["Prisma, whole call", /^runInChildSpan$/],
  ["Prisma query compiler", /^compile(Batch)?$/],
  ["SQLite statements", /^performIO$/],
  ["route matching", /^matchRoutes$/],
  ["i18next t()", /^fixedT$/],
  ["garbage collector", /^\(garbage collector\)$/],
];

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // clock ticks of 10 ms
}

function packageOf(url: string): string {
  const inModules = /\/node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1]!;
  if (url.includes("/build/")) return "app (build)";
  if (!url) return "(native)";
  return url.replace(/^file:\/\/.*?\/(app|search|scripts)\//, "$1/");
}

function summarise(profile: Profile, windowUs: number): string {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  // The measured window: the last seconds before the server was stopped (300 ms of shutdown left out).
  const from = total - windowUs - 300_000;
  const to = total - 300_000;
  const self = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]!;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]!);
  });
  const sum = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  const watched = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    bump(packages, packageOf(frame.url), us);
    bump(functions, `${frame.functionName || "(anonymous)"} ${packageOf(frame.url)}:${frame.lineNumber}`, us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)!.callFrame.functionName;
      for (const [label, pattern] of WATCHED)
        if (!seen.has(label) && pattern.test(name)) {
          seen.add(label);
          bump(watched, label, us);
        }
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, us]) => `    ${((us / sum) * 100).toFixed(1).padStart(5)}%  ${key}`)
      .join("\n");
  const watchedLines = WATCHED.map(
    ([label]) => `    ${(((watched.get(label) ?? 0) / sum) * 100).toFixed(1).padStart(5)}%  ${label}`,
  ).join("\n");
  return `  own CPU by package:\n${top(packages, 10)}\n  own CPU by function:\n${top(
    functions,
    12,
  )}\n  inside (inclusive):\n${watchedLines}\n`;
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({ email, password: "SanCongNghe@2026" }),
  });
  if (response.status !== 302) throw new Error(`demo sign-in of ${email} failed: HTTP ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function html(base: string, pathname: string, cookie: string): Promise<string> {
  const response = await fetch(base + pathname, { headers: { cookie } });
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
  return response.text();
}

// The same pages as bench:pages, found the same way: by following links.
async function pageUrl(app: ServedApp, page: string): Promise<{ url: string; cookie: string }> {
  const provider = await signIn(app.base, "hoang.anh@songhongai.example.vn");
  if (page === "orgs") return { url: "/orgs", cookie: provider };
  if (page === "own") {
    const org = /href="(\/orgs\/[^/"?#]+)"/.exec(await html(app.base, "/orgs", provider))?.[1];
    const offers = await html(app.base, `${org}/offers`, provider);
    const url = /href="(\/orgs\/[^/"]+\/offers\/(?!new")[^/"?#]+)"/.exec(offers)?.[1];
    if (!url) throw new Error("no own offer link on the organisation's offers page");
    return { url, cookie: provider };
  }
  if (page === "board") {
    const curator = await signIn(app.base, "curator@hihub.example.vn");
    const url = /href="(\/staff\/matches\/[^/"]+\/[^/"?#]+)"/.exec(
      await html(app.base, "/staff/matches", curator),
    )?.[1];
    if (!url) throw new Error("no curation board link on /staff/matches");
    return { url, cookie: curator };
  }
  throw new Error(`unknown page ${page}: use orgs, own or board`);
}

for (const page of PAGES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-profile-"));
  SERVER_NODE_ARGS.unshift("--cpu-prof", `--cpu-prof-dir=${dir}`);
  const app = await serveSeededApp();
  SERVER_NODE_ARGS.splice(0, 2);
  const { url, cookie } = await pageUrl(app, page);
  await autocannon({ url: app.base + url, connections: CONNECTIONS, duration: 2, headers: { cookie } });
  const before = cpuMs(app.pid!);
  const result = await autocannon({
    url: app.base + url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie },
  });
  const perRequest = (cpuMs(app.pid!) - before) / Math.max(1, result.requests.total);
  await app.stop();
  let file: string | undefined;
  for (let waited = 0; !file && waited < 20_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    file = fs.readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  }
  process.stdout.write(
    `\n${page} (${url}): ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p97.5 ${
      result.latency.p97_5
    } ms, non-2xx ${result.non2xx}, server CPU ${perRequest.toFixed(1)} ms per request\n`,
  );
  if (file)
    process.stdout.write(
      summarise(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Profile, (SECONDS - 0.5) * 1e6),
    );
  else process.stdout.write("  (the server wrote no CPU profile)\n");
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
