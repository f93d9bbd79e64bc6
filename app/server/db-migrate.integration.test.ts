// Every start, import and test server migrates first. The Prisma CLI runs
// only when the database lacks a migration the folder has (it costs 12 s on
// PostgreSQL even with nothing to do), and whenever that cannot be told.
// On this file's own copy of the migrated template, on both databases.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { migrateDatabase, pendingMigrations } from "../../scripts/db-migrate";

const url = process.env.DATABASE_URL!;
const folder = url.startsWith("file:") ? "prisma/migrations" : "prisma/postgresql/migrations";
const migrations = fs
  .readdirSync(path.resolve(folder), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const newest = migrations.at(-1)!;
// Stands in for the Prisma CLI: what is tested is whether it would be started.
// (The real one runs at every test server's and e2e server's start, on a new
// database; on PostgreSQL it takes 12 s even to refuse.)
const deploy = vi.fn();

beforeEach(() => deploy.mockClear());
afterAll(() => db.$disconnect());

describe("migrating before a start", () => {
  it("leaves an up-to-date database alone, without starting the Prisma CLI", async () => {
    expect(migrations.length).toBeGreaterThan(10);
    expect(await pendingMigrations(url)).toEqual([]);
    await migrateDatabase(url, deploy);
    expect(deploy).not.toHaveBeenCalled();
  });

  it("counts a migration that failed half-way as pending, so the CLI runs (and reports it)", async () => {
    await db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = '${newest}'`,
    );
    expect(await pendingMigrations(url)).toEqual([newest]);
    await migrateDatabase(url, deploy);
    expect(deploy).toHaveBeenCalledExactlyOnceWith(url);
  });

  it("counts a migration the database has no record of as pending", async () => {
    await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '${newest}'`);
    expect(await pendingMigrations(url)).toEqual([newest]);
  });

  it("cannot tell without a migrations table, and leaves the decision to the CLI", async () => {
    await db.$executeRawUnsafe(`DROP TABLE "_prisma_migrations"`);
    expect(await pendingMigrations(url)).toBeNull();
  });

  it("cannot tell for a SQLite file that does not exist yet", async () => {
    expect(await pendingMigrations(`file:${path.resolve("var/no-such-dir/never.db")}`)).toBeNull();
  });
});
