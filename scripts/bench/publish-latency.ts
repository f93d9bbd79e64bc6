// How long after staff press "publish" an offer is searchable, through the
// real path: model transaction → outbox entry → worker → engine. Runs on a
// fresh SQLite database; prints one JSON line for bench:search.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../db-migrate";

const runs = Number(process.env.BENCH_PUBLISH_RUNS ?? 20);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-bench-publish-"));
const databaseUrl = `file:${path.join(dir, "bench.db")}`;
process.env.DATABASE_URL = databaseUrl;
process.env.LOG_LEVEL ??= "warn";
await migrateDatabase(databaseUrl);

const { db } = await import("~/db.server");
const { createOffer } = await import("~/models/offer-editing.server");
const { publishOffer, submitOffer } = await import("~/models/offer-workflow.server");
const { searchService } = await import("~/search-service.server");
const { makeOrganisation, makeUser } = await import("~/test-support/factories");
const { makeTerms, offerValue } = await import("~/test-support/offer-factories");
const { givePlan } = await import("~/test-support/plan-factories");

const service = searchService();
await service.ready;
const user = await makeUser({ role: "STAFF" });
const organisation = await makeOrganisation(user.id, "Công ty Đo Độ Trễ");
// Publishes more offers than the Free plan allows.
await givePlan(organisation.id);
const terms = await makeTerms();
const timings: number[] = [];
for (let run = 0; run < runs; run++) {
  const word = `doctu${run}x${Math.random().toString(36).slice(2, 7)}`;
  const offer = await createOffer(user.id, organisation.id, offerValue(terms, `Giải pháp ${word}`), []);
  await submitOffer(user.id, organisation.id, offer.id);
  await service.worker.drain();
  const started = performance.now();
  await publishOffer(user.id, offer.id, "SELF_DECLARED");
  for (;;) {
    if ((await service.engine.search({ q: word })).total > 0) break;
    if (performance.now() - started > 10_000) throw new Error("not searchable after 10 s");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!;
process.stdout.write(`${JSON.stringify({ runs, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: timings.at(-1) })}\n`);
service.worker.stop();
await service.engine.close();
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
