// Issue 17 part 4, "scheduled work runs once": two schedulers with different
// process identities share one database, as two app processes would. A job
// must run once per period across both, be taken over when its holder dies
// mid-run, and be retried the next period after a failure.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { scheduledJobs } from "~/models/scheduled-jobs.server";
import {
  dailySlot,
  dueState,
  jobLeaseName,
  pruneJobRuns,
  Scheduler,
  type ScheduledJob,
} from "~/models/scheduler.server";
import { parseEnv } from "~/env.server";
import { dataVersion } from "~/utils/data-version.server";
import { acquireLease, leaseHolder } from "~/utils/lease.server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const runsOf = (job: string) => db.jobRun.findMany({ where: { job }, orderBy: [{ startedAt: "asc" }, { id: "asc" }] });

const started: Scheduler[] = [];
function scheduler(jobs: ScheduledJob[], options: ConstructorParameters<typeof Scheduler>[1]) {
  const made = new Scheduler(jobs, options);
  started.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

describe("two processes' schedulers", () => {
  it("run a job once per period between them, whatever their ticks", async () => {
    const PERIOD = 700;
    const calls: string[] = [];
    const job = (holder: string): ScheduledJob => ({
      name: "once-per-period",
      schedule: { everyMs: PERIOD },
      run: async () => {
        calls.push(holder);
        await sleep(40); // long enough for the other process to tick meanwhile
      },
    });
    const a = scheduler([job("a")], { holder: "host-a:1:aaaaaa", tickMs: 15 }).start();
    const b = scheduler([job("b")], { holder: "host-b:2:bbbbbb", tickMs: 15 }).start();
    const began = Date.now();
    await sleep(2_500);
    await Promise.all([a.stop(), b.stop()]);
    const elapsed = Date.now() - began;

    const runs = await runsOf("once-per-period");
    expect(runs.every((run) => run.status === "ok")).toBe(true);
    expect(runs.length).toBe(calls.length);
    // Once per period: never two runs closer than the period, and no period skipped.
    for (let i = 1; i < runs.length; i++)
      expect(runs[i]!.startedAt.getTime() - runs[i - 1]!.startedAt.getTime()).toBeGreaterThanOrEqual(PERIOD);
    expect(runs.length).toBeGreaterThanOrEqual(Math.floor(elapsed / PERIOD) - 1);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsed / PERIOD));
    expect(await leaseHolder(jobLeaseName("once-per-period"))).toBeNull();
  });

  it("run it exactly once when both tick at the same moment, many times over", async () => {
    let clock = Date.parse("2026-12-06T03:00:00Z");
    const now = () => new Date(clock);
    let calls = 0;
    const job: ScheduledJob = {
      name: "same-moment",
      schedule: { everyMs: 60_000 },
      run: async () => {
        calls++;
        await sleep(20);
      },
    };
    const a = scheduler([job], { holder: "a", now });
    const b = scheduler([job], { holder: "b", now });
    for (let round = 0; round < 10; round++) await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(calls).toBe(1);
    clock += 59_999;
    await Promise.all([a.tick(), b.tick()]);
    expect(calls).toBe(1);
    clock += 1;
    for (let round = 0; round < 5; round++) await Promise.all([a.tick(), b.tick()]);
    expect(calls).toBe(2);
    expect((await runsOf("same-moment")).map((run) => run.status)).toEqual(["ok", "ok"]);
  });
});

it("takes over a job whose holder died mid-run once its lease runs out, and runs it again", async () => {
  // What a killed process leaves behind: its lease (not renewed any more)
  // and its run still marked running.
  await acquireLease(jobLeaseName("sweep"), 600, "dead-host:99:dead00");
  await db.jobRun.create({ data: { job: "sweep", holder: "dead-host:99:dead00", status: "running" } });
  let calls = 0;
  const survivor = scheduler(
    [
      {
        name: "sweep",
        schedule: { everyMs: 3_600_000 },
        run: async () => {
          calls++;
        },
      },
    ],
    { holder: "live-host:1:live00" },
  );

  await survivor.tick();
  expect(calls).toBe(0); // the holder's lease is still live: it may be working

  await sleep(700);
  await survivor.tick();
  expect(calls).toBe(1);
  const runs = await runsOf("sweep");
  expect(runs.map((run) => [run.holder, run.status])).toEqual([
    ["dead-host:99:dead00", "abandoned"],
    ["live-host:1:live00", "ok"],
  ]);
  expect(runs[0]!.error).toMatch(/lease expired/);
  // The abandoned run did not count; the new one does.
  await survivor.tick();
  expect(calls).toBe(1);
});

it("renews the lease while a run lasts longer than the lease, so nobody else starts it", async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const job: ScheduledJob = {
    name: "long-run",
    schedule: { everyMs: 50 },
    run: async () => {
      calls++;
      await gate;
    },
  };
  const a = scheduler([job], { holder: "a", leaseMs: 150 });
  const b = scheduler([job], { holder: "b", leaseMs: 150 });
  const running = a.tick();
  await sleep(450); // three lease lifetimes
  await b.tick();
  expect(calls).toBe(1);
  expect((await leaseHolder(jobLeaseName("long-run")))?.holder).toBe("a");
  release();
  await running;
  expect((await runsOf("long-run")).map((run) => run.status)).toEqual(["ok"]);
});

it("records a failed run with its error and retries it the next period, not before", async () => {
  let clock = Date.parse("2026-12-06T03:00:00Z");
  let attempts = 0;
  const job: ScheduledJob = {
    name: "flaky",
    schedule: { everyMs: 60_000 },
    run: async () => {
      attempts++;
      if (attempts === 1) throw new Error("máy chủ SMTP không trả lời");
    },
  };
  const a = scheduler([job], { holder: "a", now: () => new Date(clock) });
  await a.tick();
  let runs = await runsOf("flaky");
  expect(runs).toMatchObject([{ status: "failed", error: "máy chủ SMTP không trả lời", holder: "a" }]);
  expect(runs[0]!.finishedAt).not.toBeNull();

  clock += 30_000;
  await a.tick();
  expect(attempts).toBe(1);

  clock += 30_000;
  await a.tick();
  expect(attempts).toBe(2);
  runs = await runsOf("flaky");
  expect(runs.map((run) => run.status)).toEqual(["failed", "ok"]);
});

it("runs the daily digest's kind of job once a day at its local time, catching up a missed slot the same day", async () => {
  const rule = { hour: 7, minute: 0, utcOffsetMinutes: 420 };
  const at = (iso: string) => new Date(iso);
  // 06:59 in Hanoi is 23:59 UTC the day before.
  expect(dailySlot(at("2026-12-05T23:59:00Z"), rule)).toBeNull();
  expect(dueState({ dailyAt: rule }, null, at("2026-12-05T23:59:00Z")).due).toBe(false);
  expect(dueState({ dailyAt: rule }, null, at("2026-12-06T00:00:00Z")).due).toBe(true);
  // Ran at 07:00: not again that day; due again the next morning.
  const ran = at("2026-12-06T00:00:05Z");
  expect(dueState({ dailyAt: rule }, ran, at("2026-12-06T16:00:00Z")).due).toBe(false);
  expect(dueState({ dailyAt: rule }, ran, at("2026-12-06T23:59:59Z")).due).toBe(false);
  expect(dueState({ dailyAt: rule }, ran, at("2026-12-07T00:00:00Z")).due).toBe(true);
  // All processes were down at 07:00: caught up at 10:00 the same day.
  expect(dueState({ dailyAt: rule }, at("2026-12-05T00:00:01Z"), at("2026-12-06T03:00:00Z")).due).toBe(true);

  let clock = Date.parse("2026-12-05T23:59:00Z");
  let calls = 0;
  const job: ScheduledJob = {
    name: "digest-like",
    schedule: { dailyAt: rule },
    run: async () => {
      calls++;
    },
  };
  const a = scheduler([job], { holder: "a", now: () => new Date(clock) });
  const b = scheduler([job], { holder: "b", now: () => new Date(clock) });
  await Promise.all([a.tick(), b.tick()]);
  expect(calls).toBe(0);
  clock = Date.parse("2026-12-06T00:00:01Z");
  await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
  clock = Date.parse("2026-12-06T12:00:00Z");
  await Promise.all([a.tick(), b.tick()]);
  expect(calls).toBe(1);
  clock = Date.parse("2026-12-07T00:00:01Z");
  await Promise.all([a.tick(), b.tick()]);
  expect(calls).toBe(2);
});

it("on stop, lets the running job finish (it is told to stop at a safe point) and gives the lease back", async () => {
  let sawAbort = false;
  let finished = false;
  const job: ScheduledJob = {
    name: "batch",
    schedule: { everyMs: 60_000 },
    run: async ({ signal }) => {
      for (let batch = 0; batch < 100; batch++) {
        if (signal.aborted) {
          sawAbort = true;
          break;
        }
        await sleep(30);
      }
      finished = true;
    },
  };
  const a = scheduler([job], { holder: "a" });
  void a.runNow("batch");
  await sleep(100);
  expect((await leaseHolder(jobLeaseName("batch")))?.holder).toBe("a");
  await a.stop();
  expect(finished).toBe(true);
  expect(sawAbort).toBe(true);
  expect(await leaseHolder(jobLeaseName("batch"))).toBeNull();
  expect((await runsOf("batch")).map((run) => run.status)).toEqual(["ok"]);
  // A stopped scheduler starts nothing new.
  expect(await a.runNow("batch")).toBe(false);
});

it("a kick runs a job now, but not while another process has it", async () => {
  let calls = 0;
  const job: ScheduledJob = {
    name: "queue",
    schedule: { everyMs: 3_600_000 },
    run: async () => {
      calls++;
    },
  };
  const a = scheduler([job], { holder: "a" });
  await a.tick();
  expect(calls).toBe(1);
  expect(await a.runNow("queue")).toBe(true); // not due, but kicked
  expect(calls).toBe(2);
  await acquireLease(jobLeaseName("queue"), 60_000, "b");
  expect(await a.runNow("queue")).toBe(false);
  expect(calls).toBe(2);
});

it("keeps only the newest runs of each job", async () => {
  const base = Date.parse("2026-12-01T00:00:00Z");
  await db.jobRun.createMany({
    data: Array.from({ length: 250 }, (_, i) => ({
      job: "chatty",
      holder: "a",
      status: "ok",
      startedAt: new Date(base + i * 1000),
      finishedAt: new Date(base + i * 1000),
    })),
  });
  await db.jobRun.create({ data: { job: "rare", holder: "a", status: "ok", startedAt: new Date(base) } });
  expect(await pruneJobRuns(200)).toBe(50);
  const kept = await runsOf("chatty");
  expect(kept).toHaveLength(200);
  expect(kept[0]!.startedAt.getTime()).toBe(base + 50 * 1000);
  expect(await db.jobRun.count({ where: { job: "rare" } })).toBe(1);
});

it("does not empty the public page cache with its own bookkeeping", async () => {
  const job: ScheduledJob = { name: "quiet", schedule: { everyMs: 10 }, run: async () => undefined };
  const a = scheduler([job], { holder: "a" });
  const before = dataVersion();
  await a.tick();
  await sleep(20);
  await a.tick();
  expect(await db.jobRun.count({ where: { job: "quiet" } })).toBe(2);
  expect(dataVersion()).toBe(before);
});

it("schedules each of the server's periodic jobs under its own name", () => {
  const names = scheduledJobs(parseEnv({ ...process.env, OPEN_DATA_AUTO_REBUILD: "true" })).map((job) => job.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names).toEqual(
    expect.arrayContaining([
      "mail-outbox",
      "payment-events",
      "stranded-orders",
      "orphan-uploads",
      "daily-digest",
      "deadline-reminders",
      "prune-job-runs",
      "open-data",
    ]),
  );
  expect(
    scheduledJobs(parseEnv({ ...process.env, OPEN_DATA_AUTO_REBUILD: "false" })).map((job) => job.name),
  ).not.toContain("open-data");
});
