// Prometheus metrics at /metrics (prom-client): request durations by route,
// the process's own figures, and the queues' state read from the database at
// scrape time.
//
// The registry is kept on globalThis: the Express host and the Remix build are
// separate module graphs in one process, and whatever either records must
// land in the one registry /metrics serves.
//
// Label cardinality stays bounded: a request is labelled with the pattern of
// the Remix route it matched ("/offers/:slug"), never with its URL; unknown
// paths share one label; methods outside the usual few share "OTHER".
import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIPv4, isIPv6 } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import type { Request, RequestHandler } from "express";
import { LRUCache } from "lru-cache";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "~/db.server";
import type { Env } from "~/env.server";
import { logger } from "~/utils/logger.server";
import { withTimeout } from "./readiness";

type Metrics = ReturnType<typeof createMetrics>;

declare global {
  var __metrics: Metrics | undefined;
}

/** The process's one registry and its metrics. */
export function metrics(): Metrics {
  globalThis.__metrics ??= createMetrics();
  return globalThis.__metrics;
}

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requestDuration: new Histogram({
      name: "hte_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its answer, by method, route pattern and status class.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    serverErrors: new Counter({
      name: "hte_http_server_errors_total",
      help: "Answers with a 5xx status, by method and route pattern.",
      labelNames: ["method", "route"] as const,
      registers,
    }),
    queuesUp: new Gauge({
      name: "hte_queue_metrics_up",
      help: "1 when this scrape read the queues from the database, 0 when the database did not answer in time (the queue figures are then left out).",
      registers,
    }),
    searchOutbox: new Gauge({
      name: "hte_search_outbox_entries",
      help: "Entries in the search change log (SearchOutbox).",
      registers,
    }),
    searchLag: new Gauge({
      name: "hte_search_consumer_lag_entries",
      help: "Search change-log entries a search index (an embedded index file or the shared Meilisearch index) has not applied yet. Readers seen in the last hour.",
      labelNames: ["consumer", "engine"] as const,
      registers,
    }),
    searchOldest: new Gauge({
      name: "hte_search_consumer_oldest_unapplied_seconds",
      help: "Age of the oldest change-log entry a search index has not applied yet (0: up to date).",
      labelNames: ["consumer", "engine"] as const,
      registers,
    }),
    searchSeen: new Gauge({
      name: "hte_search_consumer_last_seen_seconds",
      help: "Seconds since a search index's reader last polled the change log (a stopped process stops polling).",
      labelNames: ["consumer", "engine"] as const,
      registers,
    }),
    mailMessages: new Gauge({
      name: "hte_mail_outbox_messages",
      help: "Email in the MailOutbox not sent: queued (not tried yet), retrying (failed at least once) and dead (given up).",
      labelNames: ["state"] as const,
      registers,
    }),
    mailOldest: new Gauge({
      name: "hte_mail_outbox_oldest_pending_seconds",
      help: "Age of the oldest email still to be sent (0: none).",
      registers,
    }),
    paymentEvents: new Gauge({
      name: "hte_payment_events",
      help: "Payment webhook events not processed: queued, retrying (failed at least once) and dead (dead-lettered).",
      labelNames: ["state"] as const,
      registers,
    }),
    paymentOldest: new Gauge({
      name: "hte_payment_events_oldest_pending_seconds",
      help: "Age of the oldest payment event still to be processed (0: none).",
      registers,
    }),
    jobRuns: new Gauge({
      name: "hte_job_runs_last_24h",
      help: "Runs of each periodic job started in the last 24 hours, by status (running, ok, failed, or abandoned: its process died mid-run), across all processes.",
      labelNames: ["job", "status"] as const,
      registers,
    }),
    jobLastSuccess: new Gauge({
      name: "hte_job_last_success_timestamp_seconds",
      help: "When each periodic job last finished without error (Unix time).",
      labelNames: ["job"] as const,
      registers,
    }),
  };
}

// ---------------------------------------------------------------------------
// Request durations

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The label a request path gets: the matched Remix route's pattern, one of
 * the host's own paths (`ownPaths`), "static" for files, or "unmatched".
 */
export function createRouteLabeler(
  routes: ServerBuild["routes"],
  ownPaths: readonly string[],
): (path: string) => string {
  const children = new Map<string | undefined, AgnosticRouteObject[]>();
  for (const route of Object.values(routes)) {
    if (!route) continue;
    const list = children.get(route.parentId) ?? [];
    list.push(
      route.index
        ? { id: route.id, path: route.path, index: true, caseSensitive: route.caseSensitive }
        : { id: route.id, path: route.path, caseSensitive: route.caseSensitive },
    );
    children.set(route.parentId, list);
  }
  const withChildren = (list: AgnosticRouteObject[]): AgnosticRouteObject[] =>
    list.map((route) => (route.index ? route : { ...route, children: withChildren(children.get(route.id) ?? []) }));
  const tree = withChildren(children.get(undefined) ?? []);
  const own = new Set(ownPaths);
  // Matching walks every route's pattern (~0.15 ms); the label of a path
  // never changes, so recent paths are remembered. Bounded, so a scan of
  // random URLs costs memory no more than this.
  const known = new LRUCache<string, string>({ max: 5000 });

  return (path) => {
    if (own.has(path)) return path;
    let label = known.get(path);
    if (label === undefined) {
      const matches = matchRoutes(tree, path);
      // The catch-all route (routes/_public+/$.tsx) only renders the 404 page.
      if (matches && matches.at(-1)?.route.path !== "*")
        label =
          "/" +
          matches
            .map((match) => match.route.path ?? "")
            .filter(Boolean)
            .join("/");
      else label = path.startsWith("/build/") || /\.[a-z0-9]+$/i.test(path) ? "static" : "unmatched";
      known.set(path, label);
    }
    return label;
  };
}

/** Times every request (from its arrival, before compression and security headers). */
export function requestMetrics(labelFor: (path: string) => string): RequestHandler {
  const { requestDuration, serverErrors } = metrics();
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // req.path as it arrived: mounted middleware (/build) rewrites it on the way.
    const path = req.path;
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const method = METHODS.has(req.method) ? req.method : "OTHER";
      const route = labelFor(path);
      requestDuration.observe({ method, route, status: `${Math.floor(res.statusCode / 100)}xx` }, seconds);
      if (res.statusCode >= 500) serverErrors.inc({ method, route });
    });
    next();
  };
}

// ---------------------------------------------------------------------------
// Who may read /metrics

// The same names proxy-addr (TRUST_PROXY) gives these subnets.
const NAMED_SUBNETS: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries.flatMap((entry) => NAMED_SUBNETS[entry] ?? [entry])) {
    const [address = "", prefix] = entry.split("/");
    const type = isIPv4(address) ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export type MetricsAccess = "allowed" | "closed" | "no-token" | "not-allowed";

/**
 * Decides who may read /metrics. With METRICS_TOKEN, a request bearing it is
 * allowed; with METRICS_ALLOW, a client whose address (req.ip, so behind the
 * proxies TRUST_PROXY names, the real client) is in the list is allowed.
 * Neither set: nobody ("closed", answered 404). Loopback is not allowed by
 * default: behind a reverse proxy on the same machine without TRUST_PROXY,
 * every visitor's request arrives from loopback.
 */
export function metricsAccess(env: Pick<Env, "METRICS_TOKEN" | "METRICS_ALLOW">): (req: Request) => MetricsAccess {
  const token = env.METRICS_TOKEN ? digest(env.METRICS_TOKEN) : null;
  const allowed = env.METRICS_ALLOW.length > 0 ? allowList(env.METRICS_ALLOW) : null;
  return (req) => {
    if (!token && !allowed) return "closed";
    const bearer = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "")?.[1]?.trim();
    // Compared as digests: equal lengths, and no early exit on the first difference.
    if (token && bearer && timingSafeEqual(digest(bearer), token)) return "allowed";
    if (allowed && req.ip) {
      const ip = req.ip.startsWith("::ffff:") && isIPv4(req.ip.slice(7)) ? req.ip.slice(7) : req.ip;
      if ((isIPv4(ip) && allowed.check(ip, "ipv4")) || (isIPv6(ip) && allowed.check(ip, "ipv6"))) return "allowed";
    }
    return token ? "no-token" : "not-allowed";
  };
}

// ---------------------------------------------------------------------------
// Queues, read from the database at scrape time

const HOUR_MS = 60 * 60 * 1000;
const QUEUE_READ_TIMEOUT_MS = 2000;

const ageSeconds = (since: Date | null | undefined, now: number) =>
  since ? Math.max(0, (now - since.getTime()) / 1000) : 0;

/**
 * Sets the queue gauges from the database. They describe the whole
 * deployment, not this process: every process reports the same figures
 * (aggregate with max, not sum). A database that does not answer within 2 s
 * leaves them out and sets hte_queue_metrics_up to 0.
 */
export async function readQueues(db: Db): Promise<void> {
  const m = metrics();
  const gauges = [
    m.searchOutbox,
    m.searchLag,
    m.searchOldest,
    m.searchSeen,
    m.mailMessages,
    m.mailOldest,
    m.paymentEvents,
    m.paymentOldest,
    m.jobRuns,
    m.jobLastSuccess,
  ];
  try {
    const values = await withTimeout(readQueueFigures(db), QUEUE_READ_TIMEOUT_MS);
    for (const gauge of gauges) gauge.reset();
    values();
    m.queuesUp.set(1);
  } catch (error) {
    for (const gauge of gauges) gauge.reset();
    m.queuesUp.set(0);
    logger.warn({ err: error }, "metrics: the queues could not be read from the database");
  }
}

/** Reads everything first, then returns the one step that sets the gauges (so a failure sets none). */
async function readQueueFigures(db: Db): Promise<() => void> {
  const m = metrics();
  const now = Date.now();
  const pendingMail = { sentAt: null, deadAt: null };
  const pendingPayment = { processedAt: null, deadLetteredAt: null };
  const [
    outboxEntries,
    consumers,
    mailQueued,
    mailRetrying,
    mailDead,
    mailOldest,
    paymentQueued,
    paymentRetrying,
    paymentDead,
    paymentOldest,
    runs,
    successes,
  ] = await Promise.all([
    db.searchOutbox.count(),
    db.searchConsumer.findMany({ where: { seenAt: { gte: new Date(now - HOUR_MS) } } }),
    db.mailOutbox.count({ where: { ...pendingMail, attempts: 0 } }),
    db.mailOutbox.count({ where: { ...pendingMail, attempts: { gt: 0 } } }),
    db.mailOutbox.count({ where: { sentAt: null, deadAt: { not: null } } }),
    db.mailOutbox.aggregate({ where: pendingMail, _min: { createdAt: true } }),
    db.paymentEvent.count({ where: { ...pendingPayment, attempts: 0 } }),
    db.paymentEvent.count({ where: { ...pendingPayment, attempts: { gt: 0 } } }),
    db.paymentEvent.count({ where: { deadLetteredAt: { not: null } } }),
    db.paymentEvent.aggregate({ where: pendingPayment, _min: { receivedAt: true } }),
    db.jobRun.groupBy({
      by: ["job", "status"],
      where: { startedAt: { gte: new Date(now - 24 * HOUR_MS) } },
      _count: { _all: true },
    }),
    db.jobRun.groupBy({ by: ["job"], where: { status: "ok" }, _max: { finishedAt: true } }),
  ]);
  const lags = await Promise.all(
    consumers.map(async (consumer) => {
      const behind = { id: { gt: consumer.cursor } };
      const [entries, oldest] = await Promise.all([
        db.searchOutbox.count({ where: behind }),
        db.searchOutbox.findFirst({ where: behind, orderBy: { id: "asc" }, select: { createdAt: true } }),
      ]);
      return { consumer, entries, oldest: oldest?.createdAt };
    }),
  );
  return () => {
    m.searchOutbox.set(outboxEntries);
    for (const { consumer, entries, oldest } of lags) {
      const labels = { consumer: consumer.id, engine: consumer.engine };
      m.searchLag.set(labels, entries);
      m.searchOldest.set(labels, ageSeconds(oldest, now));
      m.searchSeen.set(labels, ageSeconds(consumer.seenAt, now));
    }
    m.mailMessages.set({ state: "queued" }, mailQueued);
    m.mailMessages.set({ state: "retrying" }, mailRetrying);
    m.mailMessages.set({ state: "dead" }, mailDead);
    m.mailOldest.set(ageSeconds(mailOldest._min.createdAt, now));
    m.paymentEvents.set({ state: "queued" }, paymentQueued);
    m.paymentEvents.set({ state: "retrying" }, paymentRetrying);
    m.paymentEvents.set({ state: "dead" }, paymentDead);
    m.paymentOldest.set(ageSeconds(paymentOldest._min.receivedAt, now));
    for (const run of runs) m.jobRuns.set({ job: run.job, status: run.status }, run._count._all);
    for (const success of successes) {
      if (success._max.finishedAt) m.jobLastSuccess.set({ job: success.job }, success._max.finishedAt.getTime() / 1000);
    }
  };
}
