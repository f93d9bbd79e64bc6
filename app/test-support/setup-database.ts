import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";

// Runs before each test file's imports: points DATABASE_URL at a fresh copy
// of the migrated template, and the mail outbox at a folder of its own.
const kind = inject("testDb");
const workDir = inject("workDir");
const id = randomUUID().replace(/-/g, "").slice(0, 12);

if (kind === "postgres") {
  const baseUrl = inject("postgresBaseUrl");
  const name = `test_${id}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE hte_template`);
  await admin.end();
  process.env.DATABASE_URL = baseUrl.replace(/\/postgres$/, `/${name}`);
} else {
  const file = path.join(workDir, `${id}.db`);
  fs.copyFileSync(inject("sqliteTemplate"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.MAIL_OUTBOX_DIR = path.join(workDir, `outbox-${id}`);
process.env.SEARCH_INDEX_PATH = path.join(workDir, `search-${id}.sqlite`);
process.env.OPEN_DATA_DIR = path.join(workDir, `open-data-${id}`);
// Uploads too: the SQLite and PostgreSQL runs go at the same time (scripts/test.ts),
// and an orphan sweep in one must never see the other's files. A suite that
// needs its own folder still sets UPLOAD_DIR itself.
process.env.UPLOAD_DIR = path.join(workDir, `uploads-${id}`);
// Tests wait for the index explicitly (settleSearchIndex); a fast poll only
// matters for changes made behind the models' back.
process.env.SEARCH_SYNC_INTERVAL_MS ??= "200";
process.env.APP_URL = "http://localhost";
// Publishing fills curation boards in the background; suites that count
// cards or "offers linked" would see extra ones at random moments. A suite
// that tests the filling turns it on for its server before starting it.
process.env.CURATION_AUTOFILL = "off";
