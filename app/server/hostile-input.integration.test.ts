// Issue 13, part 5: every form action and every /api/v1 endpoint, driven
// with the malformed-input corpus (app/test-support/hostile-corpus.ts) as an
// anonymous visitor, a member of two organisations and staff. The route list
// is read from app/routes, so a new route is covered without editing this
// file. Each test collects every failure and reports them together:
// - no 5xx and no dropped connection;
// - every answer within MAX_MS;
// - for forms, a refused request (status >= 400) changes no row of any table
//   and no file in the upload folder.
// HOSTILE_ONLY / HOSTILE_SKIP (regular expressions on "<route pattern> <case>")
// narrow a run while debugging, HOSTILE_LOG=error shows the server's log; the
// full corpus runs otherwise.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma-sqlite/client";
import { datedOrder } from "~/test-support/dashboard-factories";
import { TEST_PASSWORD, makeUser } from "~/test-support/factories";
import {
  API_QUERY_NAMES,
  deriveRoutes,
  fillTemplate,
  formCases,
  formShape,
  mapLimit,
  pageQueryCases,
  queryCases,
  templateParams,
  type DerivedRoute,
  type HostileCase,
  type HostileRequest,
} from "~/test-support/hostile-corpus";
import { startTestServer } from "~/test-support/http";
import { makeOffer, makeTerms, uploadCount } from "~/test-support/offer-factories";
import { withStripeStandIn } from "~/test-support/payment-factories";
import { syncSearch } from "~/test-support/search";
import {
  makeAgency,
  makePublishedMajorProblem,
  makeProposal,
  makeProvider,
  makeStatement,
} from "~/test-support/statement-factories";
import { uploadDir } from "~/utils/uploads.server";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/hte-hostile-uploads-${process.pid}-${Date.now()}`;
  // The per-IP API budget (600 a minute) would turn most of the API corpus into 429s: drive the endpoints, not the limiter.
  process.env.API_RATE_LIMIT_POINTS = "0";
  process.env.OPEN_DATA_AUTO_REBUILD = "false";
  // HOSTILE_LOG=error shows the server's own account of each 5xx while debugging.
  if (process.env.HOSTILE_LOG) process.env.LOG_LEVEL = process.env.HOSTILE_LOG;
});

// Payments on (the loopback Stripe stand-in), so order and webhook actions run
// their real checks rather than answering "payments are not set up".
withStripeStandIn({ webhookUrl: () => `${server.baseUrl}/webhooks/stripe` });
const server = startTestServer();

/** Longest acceptable answer to one hostile request. */
const MAX_MS = 2_000;
/** A request still unanswered after this is abandoned (and reported). */
const ABORT_MS = 15_000;
/** Requests in flight at once within one route. */
const CONCURRENCY = 4;
/** Form pages each signed-in actor must be shown (as of issue 13), so a lost session cannot pass as success. */
const MIN_FORMS_SEEN = { member: 15, staff: 15 };

const only = process.env.HOSTILE_ONLY ? new RegExp(process.env.HOSTILE_ONLY) : null;
const skip = process.env.HOSTILE_SKIP ? new RegExp(process.env.HOSTILE_SKIP) : null;
const selected = (template: string, c: HostileCase) => {
  const key = `${template} ${c.name}`;
  return (!only || only.test(key)) && !skip?.test(key);
};

type Actor = { name: "anonymous" | "member" | "staff"; cookie: string };
let actors: Actor[] = [];
const routes = deriveRoutes();
const forms = routes.filter((r) => r.hasAction);
const apiEndpoints = routes.filter((r) => r.isApi && r.hasLoader);
const pages = routes.filter((r) => r.hasLoader && !r.isApi);

// Values for the `$params` of the route patterns, from the factories below;
// keyed by "<segment before>/<param>" and, where that is ambiguous, the pattern.
let paramValues: Record<string, string> = {};
// Params whose value cannot be real without a secret (tokens) or that name a
// file: a made-up value still drives the action's refusal path.
const MADE_UP: Record<string, string> = {
  "files/$name": "no-such-file.png",
  "open-data/$file": "no-such-file.csv",
  "export/$file": "no-such-file.csv",
  "v1/*": "no-such-endpoint",
  // The catch-all (routes/_public+/$.tsx): a form posted to an unknown path gets the 404 page.
  "/*": "no-such-page",
};

/** The value for one param of `template`, or null when nothing knows it. */
function paramValue(template: string, name: string, previous: string): string | null {
  const key = `${previous}/${name}`;
  if (key === "proposals/$id")
    return paramValues[template.startsWith("/major-problems") ? "major-proposal" : "proposal"]!;
  if (key === "orgs/$orgId")
    return paramValues[/\/orgs\/\$orgId\/(problems|orders)/.test(template) ? "agency" : "provider"]!;
  // Every token (invitation, password reset, unsubscribe…) is a secret the suite cannot guess.
  if (name === "$token") return "no-such-token-0123456789abcdef";
  return paramValues[key] ?? MADE_UP[key] ?? null;
}

function urlOf(route: DerivedRoute): string {
  return fillTemplate(
    route.template,
    (name, previous) => paramValue(route.template, name, previous) ?? `made-up-${name.replace(/\W/g, "")}`,
  );
}

// ---------------------------------------------------------------------------

const models = Object.values(Prisma.ModelName).map((name) => name[0]!.toLowerCase() + name.slice(1));
type Counts = Record<string, number>;

/** Rows in every table, and files in the upload folder. */
async function snapshot(): Promise<Counts> {
  const delegates = db as unknown as Record<string, { count(): Promise<number> }>;
  const counts: Counts = {};
  for (const model of models) counts[model] = await delegates[model]!.count();
  counts["upload files"] = await uploadCount();
  return counts;
}

const changes = (before: Counts, after: Counts) =>
  Object.keys(after)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k} ${before[k]}→${after[k]}`);

type Answer = { status: number; ms: number; error?: string };

async function send(pathname: string, actor: Actor, request: HostileRequest): Promise<Answer> {
  const started = performance.now();
  const streamed = typeof request.body === "function";
  try {
    const response = await fetch(server.baseUrl + pathname + (request.query ?? ""), {
      method: request.method,
      headers: { origin: server.baseUrl, ...(actor.cookie ? { cookie: actor.cookie } : {}), ...request.headers },
      body: typeof request.body === "function" ? request.body() : request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(ABORT_MS),
      ...(streamed ? { duplex: "half" } : {}),
    } as RequestInit);
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, ms: performance.now() - started, error: cause?.code ?? cause?.message ?? String(error) };
  }
}

/** A failure line, or null when the answer is acceptable. */
function judge(actor: Actor, method: string, url: string, c: HostileCase, answer: Answer): string | null {
  const where = `${actor.name} ${method} ${url} [${c.name}]`;
  if (answer.error) return `${where}: connection error ${answer.error} after ${answer.ms.toFixed(0)} ms`;
  if (answer.status >= 500) return `${where}: ${answer.status}`;
  if (answer.ms > MAX_MS) return `${where}: ${answer.status} after ${answer.ms.toFixed(0)} ms (limit ${MAX_MS} ms)`;
  return null;
}

/**
 * Sends a route's cases a few at a time and adds each unacceptable answer to
 * `failures`. An answer that was only slow is tried once more on its own: on
 * a busy two-core machine a request can queue behind its neighbours, while a
 * real stall (issue 13's 93 s freeze) stays slow alone too.
 */
async function drive(
  url: string,
  actor: Actor,
  cases: HostileCase[],
  failures: string[],
  statuses: Record<number, number>,
): Promise<Answer[]> {
  const answers = await mapLimit(cases, CONCURRENCY, (c) => send(url, actor, c.request));
  for (const [i, c] of cases.entries()) {
    let answer = answers[i]!;
    if (!answer.error && answer.status < 500 && answer.ms > MAX_MS)
      answer = answers[i] = await send(url, actor, c.request);
    const failure = judge(actor, c.request.method, url, c, answer);
    if (failure) failures.push(failure);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  }
  return answers;
}

// What a run drove, on the test output (console is kept out of app code by the linter).
const summary = (line: string) => process.stdout.write(`hostile input: ${line}\n`);

const report = (failures: string[], driven: number) =>
  failures.length ? `${failures.length} failures in ${driven} requests:\n${failures.join("\n")}` : "";

// ---------------------------------------------------------------------------

beforeAll(async () => {
  const member = await makeUser({ name: "Phạm Thị Thành Viên" });
  const staff = await makeUser({ role: "STAFF", name: "Đỗ Văn Cán Bộ" });
  const otherOwner = await makeUser({ name: "Lý Văn Khác" });
  const provider = await makeProvider(member.id);
  const agency = await makeAgency(member.id);
  const otherAgency = await makeAgency(otherOwner.id);
  const terms = await makeTerms();
  const offer = await makeOffer(provider.id, member.id, terms, { status: "PUBLISHED" });
  const ownStatement = await makeStatement(agency.id, member.id, { status: "PUBLISHED" });
  const publicStatement = await makeStatement(otherAgency.id, otherOwner.id, { status: "PUBLISHED" });
  const major = await makePublishedMajorProblem(staff.id);
  const proposal = await makeProposal(publicStatement.id, offer);
  const majorProposal = await makeProposal({ majorProblemId: major.id }, offer);
  const order = await datedOrder(agency.id, provider.id, offer.id, 500_000, null);
  paramValues = {
    provider: provider.id,
    agency: agency.id,
    proposal: proposal.id,
    "major-proposal": majorProposal.id,
    "offers/$slug": offer.slug,
    "offers/$offerId": offer.id,
    "problems/$slug": publicStatement.slug,
    "problem-statements/$slug": publicStatement.slug,
    "problems/$id": ownStatement.id,
    // Public profiles have a slug once staff verify the organisation; the seedless test world may not.
    "organisations/$slug": provider.slug ?? "made-up-organisation",
    "major-problems/$slug": major.listSlug,
    "$slug/$code": major.code,
    "major-problems/$code": major.code,
    "major-problems/$listId": major.listId,
    "items/$itemId": major.id,
    "matches/$kind": "statement",
    "$kind/$id": publicStatement.id,
    "orders/$id": order.id,
  };
  await syncSearch();
  const signIn = async (email: string) => {
    const browser = server.browser();
    await browser.signIn(email, TEST_PASSWORD);
    return browser.cookieHeader();
  };
  actors = [
    { name: "anonymous", cookie: "" },
    { name: "member", cookie: await signIn(member.email) },
    { name: "staff", cookie: await signIn(staff.email) },
  ];
});

afterAll(async () => {
  await fs.rm(uploadDir(), { recursive: true, force: true });
});

describe("hostile input", () => {
  it("derives every route from app/routes and can address every form action", () => {
    // Floors as of issue 13: a broken derivation (no routes, no actions) must not pass as "nothing failed".
    expect(routes.length).toBeGreaterThanOrEqual(105);
    expect(forms.length).toBeGreaterThanOrEqual(45);
    expect(apiEndpoints.length).toBeGreaterThanOrEqual(15);
    const unmapped = forms.flatMap((route) =>
      templateParams(route.template)
        .filter(({ name, previous }) => paramValue(route.template, name, previous) === null)
        .map(({ name }) => `${route.file}: no value for ${name} (add one to paramValues or MADE_UP in this file)`),
    );
    expect(unmapped).toEqual([]);
    // Spot checks of the file-name rules: _index, trailing underscore, [.] escape, splat.
    const byFile = Object.fromEntries(routes.map((r) => [r.file, r.template]));
    expect(byFile["_index.tsx"]).toBe("/");
    expect(byFile["account_.alerts.tsx"]).toBe("/account/alerts");
    expect(byFile["api.v1.openapi[.]json.tsx"]).toBe("/api/v1/openapi.json");
    expect(byFile["api.v1.$.tsx"]).toBe("/api/v1/*");
    expect(byFile["major-problems.$slug.$code.propose.tsx"]).toBe("/major-problems/$slug/$code/propose");
  });

  it(
    "answers every form action's malformed bodies with a 4xx in time, and saves nothing it refused",
    { timeout: 15 * 60_000 },
    async () => {
      const failures: string[] = [];
      let driven = 0;
      const statuses: Record<number, number> = {};
      const formsSeen = { anonymous: new Set<string>(), member: new Set<string>(), staff: new Set<string>() };
      // Sign-out last: its hostile posts may end the session the other routes need.
      const ordered = [...forms].sort((a, b) => Number(a.template === "/logout") - Number(b.template === "/logout"));
      for (const actor of actors) {
        for (const route of ordered) {
          const url = urlOf(route);
          if (route.template === "/logout" && actor.cookie) {
            const stillIn = await send("/account", actor, { method: "GET" });
            if (stillIn.status !== 200)
              failures.push(
                `${actor.name}: signed out before /logout (GET /account ${stillIn.status}); routes ran as anonymous`,
              );
          }
          // The form's own field names, as this actor's browser would see them.
          const page = route.hasLoader
            ? await fetch(server.baseUrl + url, {
                headers: actor.cookie ? { cookie: actor.cookie } : {},
                redirect: "manual",
              })
            : null;
          const shape = formShape(page && page.status === 200 ? await page.text() : "");
          if (page?.status === 200) formsSeen[actor.name].add(route.template);
          const cases = formCases(shape).filter((c) => selected(route.template, c));
          await syncSearch();
          const before = await snapshot();
          const answers = await drive(url, actor, cases, failures, statuses);
          driven += cases.length;
          await syncSearch();
          const changed = changes(before, await snapshot());
          if (!changed.length) continue;
          // Something was written: find which refused request did it, one at a time.
          const refused = cases.filter((_, i) => answers[i]!.status >= 400);
          for (const c of refused) {
            const alone = await snapshot();
            const answer = await send(url, actor, c.request);
            await syncSearch();
            const written = changes(alone, await snapshot());
            if (answer.status >= 400 && written.length)
              failures.push(
                `${actor.name} POST ${url} [${c.name}]: refused with ${answer.status} but changed ${written.join(
                  ", ",
                )}`,
              );
          }
        }
      }
      summary(
        `forms: ${forms.length} actions × ${actors.length} actors, ${driven} requests; forms shown (200) to member ${
          formsSeen.member.size
        }, staff ${formsSeen.staff.size}; statuses ${JSON.stringify(statuses)}`,
      );
      expect(report(failures, driven)).toBe("");
      // The signed-in actors must really have reached the forms (a lost session would quietly make them anonymous).
      expect(formsSeen.member.size).toBeGreaterThanOrEqual(MIN_FORMS_SEEN.member);
      expect(formsSeen.staff.size).toBeGreaterThanOrEqual(MIN_FORMS_SEEN.staff);
    },
  );

  it(
    "answers every /api/v1 endpoint's odd query strings with a 2xx or 4xx in time",
    { timeout: 5 * 60_000 },
    async () => {
      // The names the API documents, plus the usual suspects.
      const openapi = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
      };
      const documented = Object.values(openapi.paths).flatMap((ops) =>
        Object.values(ops).flatMap((op) => (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name)),
      );
      const names = [...new Set([...API_QUERY_NAMES, ...documented])];
      const failures: string[] = [];
      const statuses: Record<number, number> = {};
      let driven = 0;
      for (const actor of actors) {
        for (const route of apiEndpoints) {
          const url = urlOf(route);
          const cases = queryCases(names).filter((c) => selected(route.template, c));
          await drive(url, actor, cases, failures, statuses);
          driven += cases.length;
        }
      }
      summary(
        `api: ${apiEndpoints.length} endpoints × ${actors.length} actors, ${driven} requests; statuses ${JSON.stringify(
          statuses,
        )}`,
      );
      expect(report(failures, driven)).toBe("");
    },
  );

  it(
    "answers every page's out-of-range parameters with a 2xx, 3xx or 4xx in time",
    { timeout: 5 * 60_000 },
    async () => {
      const failures: string[] = [];
      const statuses: Record<number, number> = {};
      let driven = 0;
      for (const actor of actors) {
        for (const route of pages) {
          const url = urlOf(route);
          const cases = pageQueryCases().filter((c) => selected(route.template, c));
          await drive(url, actor, cases, failures, statuses);
          driven += cases.length;
        }
      }
      summary(
        `pages: ${pages.length} loaders × ${actors.length} actors, ${driven} requests; statuses ${JSON.stringify(
          statuses,
        )}`,
      );
      expect(report(failures, driven)).toBe("");
    },
  );
});
