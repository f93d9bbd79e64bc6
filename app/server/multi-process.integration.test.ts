// Two app processes on one PostgreSQL, as a city deployment runs them behind
// a proxy: each with its own memory, its own embedded search index file and
// its own upload folder, both storing files in one S3-compatible bucket
// (s3rver, a real S3 server on loopback). A visitor's requests may land on
// either process, so whatever one process does, the other must show.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import S3rver from "s3rver";
import { db } from "~/db.server";
import { AppProcess, freeLoopbackPort } from "~/test-support/app-process";
import { makeOrganisation, makeUser, TEST_PASSWORD } from "~/test-support/factories";
import { TestBrowser, visibleText } from "~/test-support/http";
import {
  fixtures,
  getFile,
  makeOffer,
  makeTerms,
  offerFields,
  postMultipart,
  type Terms,
} from "~/test-support/offer-factories";

const onPostgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-two-processes-"));
const bucket = "hte-uploads";
let s3: S3rver | null = null;
let a: AppProcess;
let b: AppProcess;
let terms: Terms;
let orgId = "";
let providerEmail = "";
let staffEmail = "";

const MAIL_EVERY_MS = 500;

type SearchBody = { total: number; hits: { id: string; title: string }[] };

async function searchOn(app: AppProcess, query: string): Promise<SearchBody> {
  const response = await fetch(`${app.baseUrl}/api/v1/search?q=${encodeURIComponent(query)}&type=offer`);
  if (response.status !== 200) throw new Error(`${app.name} search answered ${response.status}`);
  return (await response.json()) as SearchBody;
}

/** Milliseconds until `query` finds `expected` offers on `app`, or null when it never did within `withinMs`. */
async function timeUntilFound(
  app: AppProcess,
  query: string,
  expected: number,
  withinMs: number,
): Promise<number | null> {
  const started = Date.now();
  for (;;) {
    const body = await searchOn(app, query).catch(() => null);
    if (body && body.total === expected) return Date.now() - started;
    if (Date.now() - started > withinMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A browser whose requests can go to either process, as behind a proxy
// without sticky sessions.
function browserOn(target: () => AppProcess) {
  return new TestBrowser(() => target().baseUrl);
}

describe.skipIf(!onPostgres)("two app processes on one PostgreSQL", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const s3Port = await freeLoopbackPort();
    s3 = new S3rver({
      port: s3Port,
      address: "127.0.0.1",
      silent: true,
      directory: path.join(dir, "s3"),
      configureBuckets: [{ name: bucket, configs: [] }],
    });
    await s3.run();

    terms = await makeTerms();
    const provider = await makeUser({ name: "Nhà cung cấp Hai Tiến trình" });
    const staff = await makeUser({ role: "STAFF", name: "Cán bộ Hai Tiến trình" });
    providerEmail = provider.email;
    staffEmail = staff.email;
    orgId = (await makeOrganisation(provider.id, "Công ty Hai Tiến trình")).id;

    const shared: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      // One secret for both: a session made on one process is good on the other.
      SESSION_SECRET: "two-processes-secret-0123456789abcdef0123",
      RATE_LIMIT_POINTS: "5",
      // Mail is polled every half second here, so the test sees many periods.
      MAIL_SEND_INTERVAL_MS: String(MAIL_EVERY_MS),
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_REGION: "us-east-1",
    };
    const processEnv = (name: string, port: number): NodeJS.ProcessEnv => ({
      ...shared,
      APP_URL: `http://127.0.0.1:${port}`,
      // No shared disk: each process has its own index and upload folder.
      SEARCH_INDEX_PATH: path.join(dir, `${name}.search.sqlite`),
      UPLOAD_DIR: path.join(dir, `${name}-uploads`),
      OPEN_DATA_DIR: path.join(dir, `${name}-open-data`),
    });
    const [portA, portB] = [await freeLoopbackPort(), await freeLoopbackPort()];
    a = new AppProcess("A", portA, processEnv("a", portA), path.join(dir, "a.log"));
    b = new AppProcess("B", portB, processEnv("b", portB), path.join(dir, "b.log"));
    await Promise.all([a.start(), b.start()]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await s3?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("an offer published through A is searchable on B within 2 s, and one published through B on A; its logo uploaded through A downloads through B", async () => {
    let target = a;
    const provider = browserOn(() => target);
    const staff = browserOn(() => target);
    await provider.signIn(providerEmail, TEST_PASSWORD);
    await staff.signIn(staffEmail, TEST_PASSWORD);

    const publishThrough = async (app: AppProcess, title: string) => {
      target = app;
      const created = await postMultipart(
        app.baseUrl,
        provider,
        `/orgs/${orgId}/offers/new`,
        offerFields(terms, { titleVi: title }),
        [{ field: "logo", filename: "logo.png", type: "image/png", bytes: fixtures.png(512) }],
      );
      expect(created.status, visibleText(created.text).slice(0, 300)).toBe(302);
      const offerId = created.location!.split("/").pop()!;
      expect((await provider.post(`/orgs/${orgId}/offers/${offerId}`, { intent: "submit" })).status).toBe(302);
      expect(
        (await staff.post(`/staff/offers/${offerId}`, { intent: "publish", evidenceLevel: "SELF_DECLARED" })).status,
      ).toBe(302);
      return offerId;
    };

    const throughA = await publishThrough(a, "Cảm biến Ozoravi đo bụi mịn");
    const onB = await timeUntilFound(b, "Ozoravi", 1, 2000);
    expect(onB, `B did not find the offer published through A within 2 s; B's log:\n${b.tail()}`).not.toBeNull();

    const throughB = await publishThrough(b, "Trạm Quelvaro quan trắc nước");
    const onA = await timeUntilFound(a, "Quelvaro", 1, 2000);
    expect(onA, `A did not find the offer published through B within 2 s; A's log:\n${a.tail()}`).not.toBeNull();

    // The logo went to the bucket, not to A's disk; B serves the same bytes.
    const logo = await db.offerMedia.findFirstOrThrow({ where: { offerId: throughA, kind: "LOGO" } });
    expect(fs.existsSync(path.join(dir, "a-uploads", logo.storedName))).toBe(false);
    const fromB = await getFile(b.baseUrl, null, logo.storedName);
    expect(fromB.status).toBe(200);
    expect(Buffer.from(fromB.bytes).equals(Buffer.from(fixtures.png(512)))).toBe(true);
    expect(await db.offer.count({ where: { id: { in: [throughA, throughB] }, status: "PUBLISHED" } })).toBe(2);
  });

  it("runs each periodic job once across both processes, not once per process", async () => {
    // Both processes tick their schedulers from boot. The hourly jobs are due
    // at once, so without leases each would have run twice by now. Wait until
    // each has finished (building the open-data files can take seconds on a
    // busy machine) and the mail queue has been polled a few times.
    const hourly = ["orphan-uploads", "deadline-reminders", "prune-job-runs", "open-data"];
    let runs = await db.jobRun.findMany({ orderBy: { startedAt: "asc" } });
    for (const started = Date.now(); Date.now() - started < 30_000; ) {
      const finished = hourly.every((job) => runs.some((run) => run.job === job && run.status !== "running"));
      if (finished && runs.filter((run) => run.job === "mail-outbox" && run.finishedAt).length >= 4) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
      runs = await db.jobRun.findMany({ orderBy: { startedAt: "asc" } });
    }
    // Give a second process that would (wrongly) run them again time to do so.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    runs = await db.jobRun.findMany({ orderBy: { startedAt: "asc" } });
    for (const job of hourly) {
      expect(
        runs.filter((run) => run.job === job).map((run) => run.status),
        job,
      ).toEqual(["ok"]);
    }
    // The mail queue is polled by one process per period: successive runs,
    // whichever process took each, start at least a period apart and never
    // overlap. A mail being queued kicks an immediate run (that is how mail
    // goes out within a second), so the spacing is measured over a window in
    // which nothing was queued; kicks from before it have fired by its start.
    // The window lasts until it holds three finished runs (up to 20 s), not a
    // fixed time: on a busy machine (CI runs both databases' suites at once)
    // the schedulers' timers fire late, and a fixed 2.75 s window once held
    // only two. Lateness never makes runs closer, so the spacing check stands.
    const finishedMail = () => runs.filter((run) => run.job === "mail-outbox" && run.finishedAt);
    let quiet: typeof runs = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const queuedBefore = await db.mailOutbox.count();
      const windowStart = Date.now() + 250;
      for (const deadline = windowStart + 20_000; Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, MAIL_EVERY_MS));
        runs = await db.jobRun.findMany({ orderBy: { startedAt: "asc" } });
        quiet = finishedMail().filter((run) => run.startedAt.getTime() >= windowStart);
        if (quiet.length >= 3) break;
      }
      if ((await db.mailOutbox.count()) === queuedBefore) break;
      quiet = [];
    }
    const mail = finishedMail();
    expect(quiet.length).toBeGreaterThanOrEqual(3);
    for (let index = 1; index < quiet.length; index++) {
      const gap = quiet[index]!.startedAt.getTime() - quiet[index - 1]!.startedAt.getTime();
      expect(gap, `mail runs ${index - 1} and ${index} of the quiet window`).toBeGreaterThanOrEqual(MAIL_EVERY_MS - 20);
    }
    for (let index = 1; index < mail.length; index++) {
      expect(mail[index - 1]!.finishedAt!.getTime(), `mail runs ${index - 1} and ${index} overlap`).toBeLessThanOrEqual(
        mail[index]!.startedAt.getTime(),
      );
    }
    const holders = new Set(runs.map((run) => run.holder.split(":")[1]));
    expect([...holders].every((pid) => [String(a.pid), String(b.pid)].includes(pid!))).toBe(true);
  });

  it("finds on both processes an offer imported by a third process", async () => {
    const file = path.join(dir, "offers.jsonl");
    fs.writeFileSync(
      file,
      JSON.stringify({
        externalId: "two-processes-1",
        provider: "Công ty Nhập Liệu Ba",
        title: "Nền tảng Brimtuval số hóa hồ sơ",
        description: "Số hóa hồ sơ hành chính và tra cứu trực tuyến cho phường, xã.",
      }) + "\n",
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", "--offers", file], {
      env: { ...process.env, LOG_LEVEL: "silent" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(await timeUntilFound(a, "Brimtuval", 1, 5000)).not.toBeNull();
    expect(await timeUntilFound(b, "Brimtuval", 1, 5000)).not.toBeNull();
  });

  it("counts wrong passwords over both processes against one limit: the sixth is refused", async () => {
    const victim = await makeUser();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const app = attempt % 2 === 0 ? a : b;
      const page = await new TestBrowser(() => app.baseUrl).post("/login", {
        email: victim.email,
        password: "sai-mat-khau-" + attempt,
      });
      statuses.push(page.status);
    }
    // Memory counters would allow 5 per process, so 10 in all: nothing refused.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const refusedOnA = await new TestBrowser(() => a.baseUrl).post("/login", {
      email: victim.email,
      password: TEST_PASSWORD,
    });
    expect(refusedOnA.status).toBe(429);
  });

  it("keeps serving on B while A is killed during 200 writes, and both indexes hold every write once A is back", async () => {
    const owner = await makeUser();
    const org = await makeOrganisation(owner.id, "Công ty Ghi Liên tục");
    const token = `Vexmorin${randomUUID().slice(0, 4).replace(/\d/g, "x")}`;
    const servedByB: number[] = [];
    for (let index = 0; index < 200; index++) {
      await makeOffer(org.id, owner.id, terms, { status: "PUBLISHED", title: `Giải pháp ${token} số ${index}` });
      if (index === 100) await a.kill();
      if (index % 20 === 0) servedByB.push((await fetch(`${b.baseUrl}/api/v1/search?q=${token}&type=offer`)).status);
    }
    expect(a.running).toBe(false);
    expect(
      servedByB.every((status) => status === 200),
      `B answered ${servedByB.join(", ")}`,
    ).toBe(true);

    await a.start();
    expect(await timeUntilFound(b, token, 200, 15_000), `B's log:\n${b.tail()}`).not.toBeNull();
    expect(await timeUntilFound(a, token, 200, 15_000), `A's log:\n${a.tail()}`).not.toBeNull();
  });
});
