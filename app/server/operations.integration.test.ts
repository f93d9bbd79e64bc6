// What an operator's probes and Prometheus see: /healthz (alive), /readyz
// (database, search, storage), and /metrics behind a token or an allow-list,
// with request durations labelled by route pattern and the queues' state
// read from the database.
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { startTestServer } from "~/test-support/http";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import { settleSearchIndex } from "~/search-service.server";

const TOKEN = "metrics-token-for-tests-0123456789";
process.env.METRICS_TOKEN = TOKEN;

const server = startTestServer();
const bearer = { authorization: `Bearer ${TOKEN}` };

async function scrape(base = server.baseUrl, headers: Record<string, string> = bearer) {
  const response = await fetch(`${base}/metrics`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The value of the sample of `name` with exactly these labels (in any order), or null. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have =
      (match[2] ?? "")
        .match(/\w+="(?:[^"\\]|\\.)*"/g)
        ?.sort()
        .join(",") ?? "";
    if (have === wanted) return Number(match[3]);
  }
  return null;
}

describe("/healthz and /readyz", () => {
  it("/healthz says the process is alive, never cached", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "alive" });
  });

  it("/readyz is 200 and names each check when the database, search and storage answer", async () => {
    await settleSearchIndex();
    const response = await fetch(`${server.baseUrl}/readyz`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(response.status).toBe(200);
    expect(body.status).toBe("ready");
    expect(Object.keys(body.checks).sort()).toEqual(["database", "search", "storage"]);
    for (const check of Object.values(body.checks)) expect(check.ok).toBe(true);
  });
});

describe("/metrics", () => {
  let offerSlug = "";

  beforeAll(async () => {
    const owner = await makeUser();
    const org = await makeOrganisation(owner.id);
    const offer = await makeOffer(org.id, owner.id, await makeTerms(), { status: "PUBLISHED" });
    offerSlug = offer.slug;
    // Another process's index, two change-log entries behind.
    const first = await db.searchOutbox.create({
      data: { entityType: "offer", entityId: "metrics-a", createdAt: new Date(Date.now() - 90_000) },
    });
    await db.searchOutbox.create({ data: { entityType: "offer", entityId: "metrics-b" } });
    await db.searchConsumer.create({
      data: {
        id: "metrics-test-consumer",
        label: "embedded elsewhere",
        engine: "embedded",
        cursor: first.id - 1,
        seenAt: new Date(),
      },
    });
    await db.mailOutbox.create({
      data: { to: "dead@example.vn", subject: "x", text: "x", kind: "test", attempts: 12, deadAt: new Date() },
    });
    await db.paymentEvent.create({
      data: {
        id: `evt_metrics_${Date.now()}`,
        type: "checkout.session.completed",
        payload: "{}",
        attempts: 3,
        deadLetteredAt: new Date(),
      },
    });
    await db.jobRun.create({
      data: { job: "metrics-test-job", holder: "test", status: "failed", error: "boom", finishedAt: new Date() },
    });
  });

  it("refuses a scrape without the token, or with a wrong one", async () => {
    const none = await scrape(server.baseUrl, {});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(none.text).not.toContain("hte_");
    const wrong = await scrape(server.baseUrl, { authorization: "Bearer not-the-token-0123456789" });
    expect(wrong.status).toBe(401);
  });

  it("with the token: request durations by route pattern, process metrics, search lag, mail, payment and job figures", async () => {
    const page = await fetch(`${server.baseUrl}/offers/${offerSlug}`);
    expect(page.status).toBe(200);
    await page.text();
    const { status, headers, text } = await scrape();
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^text\/plain/);
    expect(headers.get("cache-control")).toBe("no-store");

    // The offer page is counted under its pattern; the slug never becomes a label.
    expect(
      sample(text, "hte_http_request_duration_seconds_count", { method: "GET", route: "/offers/:slug", status: "2xx" }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(offerSlug);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);

    expect(sample(text, "hte_queue_metrics_up")).toBe(1);
    expect(
      sample(text, "hte_search_consumer_lag_entries", { consumer: "metrics-test-consumer", engine: "embedded" }),
    ).toBe(2);
    expect(
      sample(text, "hte_search_consumer_oldest_unapplied_seconds", {
        consumer: "metrics-test-consumer",
        engine: "embedded",
      }),
    ).toBeGreaterThanOrEqual(89);
    expect(sample(text, "hte_mail_outbox_messages", { state: "dead" })).toBe(1);
    expect(sample(text, "hte_payment_events", { state: "dead" })).toBe(1);
    expect(sample(text, "hte_job_runs_last_24h", { job: "metrics-test-job", status: "failed" })).toBe(1);
  });

  it("labels unknown paths alike, and counts their 404s as 4xx", async () => {
    const missing = await fetch(`${server.baseUrl}/no-such-page-${Date.now()}`);
    expect(missing.status).toBe(404);
    // A request is recorded once its answer has been written out.
    await missing.text();
    const { text } = await scrape();
    expect(
      sample(text, "hte_http_request_duration_seconds_count", { method: "GET", route: "unmatched", status: "4xx" }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("no-such-page");
  });
});

describe("/metrics access settings", () => {
  let build: ServerBuild;
  const servers: Server[] = [];

  beforeAll(async () => {
    build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  async function serve(settings: Record<string, string | undefined>): Promise<string> {
    const { createApp } = await import("~/server/app");
    const { parseEnv } = await import("~/env.server");
    const app = createApp(
      build,
      parseEnv({ ...process.env, METRICS_TOKEN: undefined, METRICS_ALLOW: undefined, ...settings }),
    );
    const listening = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    servers.push(listening);
    const address = listening.address();
    if (!address || typeof address === "string") throw new Error("server did not bind");
    return `http://127.0.0.1:${address.port}`;
  }

  it("without METRICS_TOKEN or METRICS_ALLOW, /metrics does not exist, not even for loopback", async () => {
    const base = await serve({});
    const { status, text } = await scrape(base, bearer);
    expect(status).toBe(404);
    expect(text).not.toContain("hte_");
  });

  it("METRICS_ALLOW lets the listed addresses in without a token and keeps others out", async () => {
    const loopback = await scrape(await serve({ METRICS_ALLOW: "loopback" }), {});
    expect(loopback.status).toBe(200);
    expect(loopback.text).toContain("hte_http_request_duration_seconds");
    const elsewhere = await scrape(await serve({ METRICS_ALLOW: "10.0.0.0/8, 192.168.1.7" }), {});
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.text).not.toContain("hte_");
  });

  it("refuses to boot with an allow-list entry that is not an address", async () => {
    const { parseEnv } = await import("~/env.server");
    expect(() => parseEnv({ ...process.env, METRICS_ALLOW: "10.0.0.0/8, example.com" })).toThrow(
      /METRICS_ALLOW.*example\.com/,
    );
  });
});

// Last: the process stays marked for the rest of this file.
describe("while shutting down", () => {
  it("/readyz answers 503 so the proxy stops sending new requests; /healthz still says alive", async () => {
    const { markShuttingDown } = await import("~/server/lifecycle");
    markShuttingDown();
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, status: "shutting down" });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });
});
