// Periodic work that must happen once across all app processes, not once
// per process (issue 17). Every process that runs a scheduler ticks; a job
// runs only where its lease (app/utils/lease.server.ts) is taken, and only
// when the JobRun table says it is due: a job with period P runs once per P
// across all processes. The due check is made again once the lease is held,
// so two processes that both saw "due" cannot run it twice in a row.
//
// The lease outlives one tick and is renewed while the job runs, and given
// back when it ends. If the process dies mid-job, its lease runs out; the
// next process to tick marks the dead run "abandoned" (which does not count
// as a run) and runs the job again, so every job must be safe to re-run:
// see the README's "What runs where" for what each job relies on.
//
// Lives in models/ because it writes (JobRun rows) and is shared by the
// server (app/server/main.ts) and the Remix build (kicks from routes).
import { db } from "~/db.server";
import { acquireLease, leaseHolder, processIdentity, releaseLease } from "~/utils/lease.server";
import { logger } from "~/utils/logger.server";

export type JobSchedule =
  /** Once per period, whichever process runs it. */
  | { everyMs: number }
  /**
   * Once a day at a local time (a fixed UTC offset: Vietnam has no daylight
   * saving). A day whose time passed while no process ran (a deploy at
   * 07:00) is caught up later that day, never the next morning before time.
   */
  | { dailyAt: { hour: number; minute?: number; utcOffsetMinutes: number } };

export type JobContext = {
  /** Aborted when the scheduler stops: a job may end early at a safe point. */
  signal: AbortSignal;
  holder: string;
};

export type ScheduledJob = {
  name: string;
  schedule: JobSchedule;
  run: (context: JobContext) => Promise<unknown>;
};

export type SchedulerOptions = {
  /** This process as other processes see it (tests run two in one process). */
  holder?: string;
  /** How often this process looks for due jobs. */
  tickMs?: number;
  /** The lease's lifetime; renewed every third of it while a job runs. */
  leaseMs?: number;
  now?: () => Date;
};

export type JobStatus = "running" | "ok" | "failed" | "abandoned";

const DEFAULT_TICK_MS = 1_000;
// Longer than a renewal can be late: a holder that is merely slow (a long GC,
// a busy event loop) keeps its job; a dead one is replaced within a minute.
const DEFAULT_LEASE_MS = 60_000;
const ERROR_LENGTH = 2_000;

export const jobLeaseName = (job: string) => `job:${job}`;

/** Start of the current day's slot for a daily job; null before today's time. */
export function dailySlot(now: Date, rule: { hour: number; minute?: number; utcOffsetMinutes: number }): Date | null {
  const offsetMs = rule.utcOffsetMinutes * 60_000;
  const local = new Date(now.getTime() + offsetMs);
  const slot =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), rule.hour, rule.minute ?? 0) - offsetMs;
  return slot <= now.getTime() ? new Date(slot) : null;
}

/** The next moment a daily job's slot begins after `now`. */
function nextDailySlot(now: Date, rule: { hour: number; minute?: number; utcOffsetMinutes: number }): Date {
  const today = dailySlot(now, rule);
  if (today) return new Date(today.getTime() + 86_400_000);
  const offsetMs = rule.utcOffsetMinutes * 60_000;
  const local = new Date(now.getTime() + offsetMs);
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), rule.hour, rule.minute ?? 0) - offsetMs,
  );
}

/**
 * Whether a job whose last counted run started at `lastStart` is due, and
 * when this process need not look again before (a cache of the answer, so a
 * tick costs no query for jobs that cannot be due yet).
 */
export function dueState(
  schedule: JobSchedule,
  lastStart: Date | null,
  now: Date,
): { due: boolean; checkAgainAt: Date } {
  if ("everyMs" in schedule) {
    if (!lastStart) return { due: true, checkAgainAt: now };
    const next = lastStart.getTime() + schedule.everyMs;
    return { due: next <= now.getTime(), checkAgainAt: new Date(next) };
  }
  const slot = dailySlot(now, schedule.dailyAt);
  if (slot && (!lastStart || lastStart < slot)) return { due: true, checkAgainAt: now };
  return { due: false, checkAgainAt: nextDailySlot(now, schedule.dailyAt) };
}

const globalKey = Symbol.for("hte.scheduler");
const globalStore = globalThis as unknown as Record<symbol, Scheduler | undefined>;

export class Scheduler {
  readonly holder: string;
  private readonly jobs: Map<string, ScheduledJob>;
  private readonly tickMs: number;
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private readonly stopper = new AbortController();
  private readonly running = new Map<string, Promise<boolean>>();
  private readonly checkAgainAt = new Map<string, number>();
  private readonly kicked = new Set<string>();
  private readonly kickTimers = new Map<string, NodeJS.Timeout>();
  private timer: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;

  constructor(jobs: ScheduledJob[], options: SchedulerOptions = {}) {
    this.jobs = new Map(jobs.map((job) => [job.name, job]));
    this.holder = options.holder ?? processIdentity();
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.now = options.now ?? (() => new Date());
  }

  /** Ticks until stopped; the first tick after one period, so never during boot. */
  start(): this {
    if (this.timer || this.stopping) return this;
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
    globalStore[globalKey] = this;
    return this;
  }

  /**
   * Looks at every job once and runs those that are due and whose lease this
   * process gets. Resolves when the runs it started have ended (tests).
   */
  async tick(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => this.consider(job, false)));
  }

  /**
   * Runs a job now whatever its period (a queue was just written to), if
   * no process is running it. Coalesces: a kick during a local run runs it
   * once more afterwards.
   */
  runNow(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job || this.stopping) return Promise.resolve(false);
    if (this.running.has(name)) {
      this.kicked.add(name);
      return this.running.get(name)!;
    }
    return this.consider(job, true);
  }

  /** A kick that waits `delayMs` (the kicking transaction commits first); kicks within it merge. */
  kick(name: string, delayMs = 0): void {
    if (!this.jobs.has(name) || this.kickTimers.has(name) || this.stopping) return;
    const timer = setTimeout(() => {
      this.kickTimers.delete(name);
      void this.runNow(name);
    }, delayMs);
    timer.unref();
    this.kickTimers.set(name, timer);
  }

  /**
   * Stops ticking, tells running jobs to stop at their next safe point, and
   * waits for them (each gives its lease back when it ends).
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.timer) clearInterval(this.timer);
      for (const timer of this.kickTimers.values()) clearTimeout(timer);
      this.kickTimers.clear();
      if (globalStore[globalKey] === this) globalStore[globalKey] = undefined;
      this.stopper.abort();
      await Promise.allSettled([...this.running.values()]);
    })();
    return this.stopping;
  }

  /** Names of the jobs running in this process now. */
  busy(): string[] {
    return [...this.running.keys()];
  }

  private consider(job: ScheduledJob, force: boolean): Promise<boolean> {
    if (this.stopping || this.running.has(job.name)) return Promise.resolve(false);
    if (!force && (this.checkAgainAt.get(job.name) ?? 0) > this.now().getTime()) return Promise.resolve(false);
    const attempt = this.attempt(job, force)
      .catch((error: unknown) => {
        // The database itself failed (not the job): try again next tick.
        logger.error({ err: error, job: job.name }, "scheduler could not check or record a job");
        return false;
      })
      .finally(() => {
        this.running.delete(job.name);
        if (this.kicked.delete(job.name) && !this.stopping) void this.consider(job, true);
      });
    this.running.set(job.name, attempt);
    return attempt;
  }

  // The last run that counts for the period: finished runs, and a running
  // one whose holder still holds the lease (then the job is in progress
  // elsewhere: look again next tick). Abandoned runs never count.
  private async lastStart(job: ScheduledJob): Promise<{ startedAt: Date | null; inProgress: boolean }> {
    const last = await db.jobRun.findFirst({
      where: { job: job.name, status: { not: "abandoned" } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { startedAt: true, status: true },
    });
    if (!last) return { startedAt: null, inProgress: false };
    if (last.status !== "running") return { startedAt: last.startedAt, inProgress: false };
    if (await leaseHolder(jobLeaseName(job.name))) return { startedAt: last.startedAt, inProgress: true };
    // Its holder died; look past it.
    const earlier = await db.jobRun.findFirst({
      where: { job: job.name, status: { in: ["ok", "failed"] } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { startedAt: true },
    });
    return { startedAt: earlier?.startedAt ?? null, inProgress: false };
  }

  private async isDue(job: ScheduledJob): Promise<boolean> {
    const now = this.now();
    const last = await this.lastStart(job);
    if (last.inProgress) {
      this.checkAgainAt.delete(job.name);
      return false;
    }
    const state = dueState(job.schedule, last.startedAt, now);
    this.checkAgainAt.set(job.name, state.checkAgainAt.getTime());
    return state.due;
  }

  private async attempt(job: ScheduledJob, force: boolean): Promise<boolean> {
    // A cheap read first: most ticks find nothing due and write nothing.
    if (!force && !(await this.isDue(job))) return false;
    const lease = jobLeaseName(job.name);
    if (!(await acquireLease(lease, this.leaseMs, this.holder))) return false;
    try {
      // Ours now, so any run still marked running was left by a holder whose
      // lease ran out: it died (or stalled past the lease) mid-job.
      const abandoned = await db.jobRun.updateMany({
        where: { job: job.name, status: "running" },
        data: {
          status: "abandoned",
          finishedAt: this.now(),
          error: "its process stopped before the end (lease expired); run again",
        },
      });
      if (abandoned.count)
        logger.warn(
          { job: job.name, runs: abandoned.count },
          "scheduled job taken over from a process that stopped mid-run",
        );
      // Again under the lease: another process may have run it since our read.
      if (!force && !(await this.isDue(job))) return false;
      if (this.stopper.signal.aborted) return false;
      await this.execute(job, lease);
      return true;
    } finally {
      await releaseLease(lease, this.holder).catch((error: unknown) =>
        logger.warn({ err: error, job: job.name }, "job lease not released; it runs out by itself"),
      );
    }
  }

  private async execute(job: ScheduledJob, lease: string): Promise<void> {
    const run = await db.jobRun.create({
      data: { job: job.name, holder: this.holder, startedAt: this.now(), status: "running" },
    });
    const renewal = setInterval(() => {
      acquireLease(lease, this.leaseMs, this.holder)
        .then((held) => {
          if (!held)
            logger.error(
              { job: job.name },
              "scheduled job lost its lease mid-run (stalled past it); another process may run it too",
            );
        })
        .catch((error: unknown) => logger.warn({ err: error, job: job.name }, "job lease renewal failed; retrying"));
    }, Math.max(10, Math.floor(this.leaseMs / 3)));
    renewal.unref();
    const started = Date.now();
    try {
      await job.run({ signal: this.stopper.signal, holder: this.holder });
      await db.jobRun.update({ where: { id: run.id }, data: { status: "ok", finishedAt: this.now() } });
      logger.debug({ job: job.name, ms: Date.now() - started }, "scheduled job done");
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_LENGTH);
      logger.error({ err: error, job: job.name }, "scheduled job failed; it runs again next period");
      await db.jobRun.update({
        where: { id: run.id },
        data: { status: "failed", finishedAt: this.now(), error: message },
      });
    } finally {
      clearInterval(renewal);
    }
  }
}

/**
 * Asks this process's scheduler to run a job soon (a queue was just
 * written). False when this process runs no scheduler (SCHEDULER=off, tests,
 * scripts): the caller decides whether to do the work itself.
 */
export function kickJob(name: string, delayMs = 0): boolean {
  const scheduler = globalStore[globalKey];
  if (!scheduler) return false;
  scheduler.kick(name, delayMs);
  return true;
}

/** This process's running scheduler, if any (shutdown, staff pages). */
export function currentScheduler(): Scheduler | undefined {
  return globalStore[globalKey];
}

/**
 * Keeps the newest `keep` runs of each job: enough history for staff and
 * for the due check (which needs only the newest), bounded even for a job
 * that runs every two seconds.
 */
export async function pruneJobRuns(keep = 200): Promise<number> {
  const jobs = await db.jobRun.findMany({ distinct: ["job"], select: { job: true } });
  let removed = 0;
  for (const { job } of jobs) {
    const boundary = await db.jobRun.findFirst({
      where: { job },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: keep - 1,
      select: { id: true, startedAt: true },
    });
    if (!boundary) continue;
    const result = await db.jobRun.deleteMany({
      where: {
        job,
        status: { not: "running" },
        OR: [{ startedAt: { lt: boundary.startedAt } }, { startedAt: boundary.startedAt, id: { lt: boundary.id } }],
      },
    });
    removed += result.count;
  }
  return removed;
}

export type JobRunSummary = {
  job: string;
  status: string;
  holder: string;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
};

/** The newest run of each job, for staff. */
export async function lastJobRuns(): Promise<JobRunSummary[]> {
  const jobs = await db.jobRun.findMany({ distinct: ["job"], select: { job: true }, orderBy: { job: "asc" } });
  const runs = await Promise.all(
    jobs.map(({ job }) =>
      db.jobRun.findFirst({
        where: { job },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        select: { job: true, status: true, holder: true, startedAt: true, finishedAt: true, error: true },
      }),
    ),
  );
  return runs.filter((run): run is JobRunSummary => run !== null);
}
