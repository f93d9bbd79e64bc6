// /readyz: whether this process can serve, i.e. whether the database, the
// search engine and upload storage answer. A proxy sends traffic only to
// ready processes; /healthz (alive) stays separate so an orchestrator does not
// restart a process because a dependency is down.
import type { Db } from "~/db.server";
import { searchReadiness, searchService } from "~/search-service.server";
import { logger } from "~/utils/logger.server";
import { checkUploadStorage } from "~/utils/uploads.server";
import { isShuttingDown } from "./lifecycle";

/** How long one check may take before it counts as failed. */
export const CHECK_TIMEOUT_MS = 2000;

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

/** `promise`, or a TimeoutError after `ms` (the promise itself runs on). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type CheckResult = { ok: true; ms: number } | { ok: false; ms: number; error: "timeout" | "failed" };
export type Readiness = {
  ready: boolean;
  status: "ready" | "not ready" | "shutting down";
  checks: Record<string, CheckResult>;
};

type Check = () => Promise<unknown>;

function defaultChecks(db: Db): Record<string, Check> {
  return {
    database: () => db.$queryRaw`SELECT 1`,
    // The engine has started (index opened or Meilisearch reached, settings
    // applied, an empty index filled; retried with back-off until it is) and
    // still answers.
    search: async () => {
      const started = searchReadiness();
      if (!started.ready) throw new Error(`search engine not started: ${started.error ?? "starting"}`);
      await searchService().engine.count();
    },
    // The S3 bucket answers, or the local upload folder takes writes.
    storage: checkUploadStorage,
  };
}

/**
 * Runs the checks at once, each bounded by `timeoutMs`. A check still
 * running from an earlier probe is joined, not started again, so a hung
 * dependency holds one call per check however often the probes come.
 */
export function createReadiness(db: Db, options: { checks?: Record<string, Check>; timeoutMs?: number } = {}) {
  const checks = options.checks ?? defaultChecks(db);
  const timeoutMs = options.timeoutMs ?? CHECK_TIMEOUT_MS;
  const running = new Map<string, Promise<unknown>>();
  // Failures are logged when a check changes state, not on every probe.
  const lastOk = new Map<string, boolean>();

  async function runCheck(name: string, check: Check): Promise<CheckResult> {
    const started = performance.now();
    let call = running.get(name);
    if (!call) {
      call = check().finally(() => running.delete(name));
      running.set(name, call);
    }
    try {
      await withTimeout(call, timeoutMs);
      if (lastOk.get(name) === false) logger.info({ check: name }, "readiness: check passes again");
      lastOk.set(name, true);
      return { ok: true, ms: Math.round(performance.now() - started) };
    } catch (error) {
      if (lastOk.get(name) !== false) logger.warn({ err: error, check: name }, "readiness: check failed");
      lastOk.set(name, false);
      return {
        ok: false,
        ms: Math.round(performance.now() - started),
        error: error instanceof TimeoutError ? "timeout" : "failed",
      };
    }
  }

  return async function readiness(): Promise<Readiness> {
    if (isShuttingDown()) return { ready: false, status: "shutting down", checks: {} };
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(name, checks[name]!)));
    const ready = results.every((result) => result.ok);
    return {
      ready,
      status: ready ? "ready" : "not ready",
      checks: Object.fromEntries(names.map((name, i) => [name, results[i]!])),
    };
  };
}
