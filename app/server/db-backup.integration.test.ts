// Issue 17 part 5, backups: `npm run db:backup` while the database is in
// use, `npm run db:restore` into a NEW database, then the real server on the
// restored database: the data is whole (as it was at the backup, not after)
// and search finds a known offer. Same test on SQLite and PostgreSQL.
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, db, type Db } from "~/db.server";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { visibleText } from "~/test-support/http";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import { SERVER_NODE_ARGS } from "../../scripts/server-command";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "hte-backup-"));
const id = randomUUID().replace(/-/g, "").slice(0, 10);
const sourceUrl = process.env.DATABASE_URL!;
const restoredUrl = sourceUrl.startsWith("file:")
  ? `file:${path.join(work, "restored.db")}`
  : sourceUrl.replace(/\/[^/]+$/, `/restored_${id}`);

function npmRun(script: string, args: string[], databaseUrl: string) {
  const result = spawnSync("npm", ["run", "-s", script, "--", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let restored: Db | null = null;
let server: ReturnType<typeof spawn> | null = null;
afterAll(async () => {
  server?.kill("SIGKILL");
  await restored?.$disconnect();
  fs.rmSync(work, { recursive: true, force: true });
});

const counts = async (client: Db) => ({
  users: await client.user.count(),
  organisations: await client.organisation.count(),
  offers: await client.offer.count(),
  packages: await client.offerPackage.count(),
  terms: await client.taxonomyTerm.count(),
  audit: await client.auditEntry.count(),
});

// Runs the real backup and restore commands (pg_dump, pg_restore) and boots the real server on the
// restored copy: well over the 30 s default when the two databases' suites share the machine in CI.
// The time bound is a safety net, not something this test asserts.
describe("backing up and restoring the database", { timeout: 120_000 }, () => {
  it("restores a backup into a new database whole, refuses to overwrite it, and the app serves and finds its offers", async () => {
    const owner = await makeUser();
    const organisation = await makeOrganisation(owner.id);
    const terms = await makeTerms();
    const known = await makeOffer(organisation.id, owner.id, terms, {
      status: "PUBLISHED",
      title: `Hệ thống tưới zebracorn ${id}`,
    });
    await makeOffer(organisation.id, owner.id, terms, { status: "DRAFT" });
    const before = await counts(db);
    expect(before.offers).toBeGreaterThanOrEqual(2);

    const file = path.join(work, sourceUrl.startsWith("file:") ? "hte.sqlite" : "hte.dump");
    const backup = npmRun("db:backup", [file], sourceUrl);
    expect(backup.out).toContain("Backed up");
    expect(backup.status).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    // A second backup under the same name is refused, the first kept.
    expect(npmRun("db:backup", [file], sourceUrl).status).not.toBe(0);

    // Written after the backup: must not be in what is restored.
    const later = await makeOffer(organisation.id, owner.id, terms, {
      status: "PUBLISHED",
      title: `Viết sau sao lưu ${id}`,
    });

    const restore = npmRun("db:restore", [file], restoredUrl);
    expect(restore.out).toContain("Restored");
    expect(restore.status).toBe(0);

    restored = createDb(restoredUrl);
    expect(await counts(restored)).toEqual(before);
    const offer = await restored.offer.findUnique({ where: { slug: known.slug }, include: { packages: true } });
    expect(offer).toMatchObject({ titleVi: known.titleVi, status: "PUBLISHED", organisationId: organisation.id });
    expect(offer!.packages).toHaveLength(1);
    expect(await restored.offer.findUnique({ where: { id: later.id } })).toBeNull();
    // Every search index (embedded files, a shared Meilisearch) is told to rebuild.
    expect(await restored.searchOutbox.count({ where: { entityType: "all" } })).toBe(1);

    // Restoring again over it is refused without --force; nothing changes.
    const again = npmRun("db:restore", [file], restoredUrl);
    expect(again.status).toBe(2);
    expect(again.out).toMatch(/already has tables/);
    // With --force it is replaced by the backup's rows again.
    await restored.offer.update({ where: { id: known.id }, data: { titleVi: "Đã sửa sau khi khôi phục" } });
    // (The app stays off the database while it is replaced: a SQLite
    // connection kept open would go on reading the replaced file.)
    await restored.$disconnect();
    expect(npmRun("db:restore", [file, "--force"], restoredUrl).status).toBe(0);
    restored = createDb(restoredUrl);
    expect((await restored.offer.findUniqueOrThrow({ where: { id: known.id } })).titleVi).toBe(known.titleVi);

    // The app on the restored database, with an index it has never built.
    const port = await freePort();
    let output = "";
    server = spawn(process.execPath, SERVER_NODE_ARGS, {
      env: {
        ...process.env,
        DATABASE_URL: restoredUrl,
        PORT: String(port),
        LOG_LEVEL: "warn",
        OPEN_DATA_AUTO_REBUILD: "false",
        DEMO_TEST_PAYMENTS: "false",
        SEARCH_INDEX_PATH: path.join(work, "restored.search.sqlite"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    let found = false;
    while (!found) {
      if (server.exitCode !== null) throw new Error(`server exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`search never found the restored offer:\n${output}`);
      const page = await fetch(`${base}/search?q=zebracorn`).then(
        (r) => (r.ok ? r.text() : ""),
        () => "",
      );
      found = visibleText(page).includes(known.titleVi);
      if (!found) await sleep(250);
    }
    const page = await fetch(`${base}/offers/${known.slug}`);
    expect(page.status).toBe(200);
    expect(visibleText(await page.text())).toContain(known.titleVi);
    const missing = await fetch(`${base}/search?q=${encodeURIComponent("Viết sau sao lưu")}`).then((r) => r.text());
    expect(visibleText(missing)).not.toContain(later.titleVi);
  });
});
