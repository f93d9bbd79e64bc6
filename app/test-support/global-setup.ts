import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../scripts/db-migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/throwaway-postgres";
import { assertBuildIsFresh } from "./stale-build";

// Migrates one template database per run; each test file then gets its own
// copy of it (see setup-database.ts), so files never see each other's rows.
export default async function setup(project: TestProject) {
  // Before anything slow: a stale build/ would test the old code (vitest does not rebuild).
  assertBuildIsFresh(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.."));
  const kind = process.env.TEST_DB ?? "sqlite";
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-test-"));
  let postgres: ThrowawayPostgres | null = null;

  if (kind === "postgres") {
    postgres = await startThrowawayPostgres();
    await migrateDatabase(await postgres.createDatabase("hte_template"));
    project.provide("postgresBaseUrl", postgres.url());
  } else if (kind === "sqlite") {
    const template = path.join(workDir, "template.db");
    await migrateDatabase(`file:${template}`);
    project.provide("sqliteTemplate", template);
  } else {
    throw new Error(`TEST_DB must be sqlite or postgres, not ${kind}`);
  }
  project.provide("testDb", kind);
  project.provide("workDir", workDir);

  return () => {
    postgres?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDb: string;
    workDir: string;
    sqliteTemplate: string;
    postgresBaseUrl: string;
  }
}
