// `npm run bench:import`: time to import N offers (default 10,000) from JSON
// Lines into a fresh database (SQLite; BENCH_DB=postgres for a throwaway PostgreSQL).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "./db-migrate";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

const count = Number(process.env.BENCH_OFFERS ?? 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hte-bench-import-"));
let postgres: ThrowawayPostgres | null = null;
let databaseUrl = `file:${path.join(dir, "bench.db")}`;
if (process.env.BENCH_DB === "postgres") {
  postgres = await startThrowawayPostgres();
  databaseUrl = await postgres.createDatabase("bench");
}
await migrateDatabase(databaseUrl);
spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
  env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
  stdio: "inherit",
});

const needs = ["hoa-don-dien-tu", "ke-toan", "ban-hang", "an-toan-thong-tin", "IoT", "trí tuệ nhân tạo", "nhãn tự do"];
const lines = Array.from({ length: count }, (_, i) =>
  JSON.stringify({
    externalId: `bench-${i}`,
    provider: `Nhà cung cấp thử nghiệm ${i % 200}`,
    title: `Giải pháp chuyển đổi số số ${i} cho doanh nghiệp nhỏ`,
    description: `## Giới thiệu\n\nGiải pháp ${i} giúp hộ kinh doanh quản lý bán hàng, hóa đơn và kho hàng trên điện thoại.`,
    tags: [needs[i % needs.length], needs[(i + 3) % needs.length]],
    trl: 1 + (i % 9),
    deploymentModel: "saas",
    packages: [
      { name: "Cơ bản", priceVnd: 99000 + (i % 10) * 1000, unit: "tháng" },
      { name: "Nâng cao", priceVnd: 299000, unit: "tháng" },
    ],
  }),
);
const file = path.join(dir, "offers.jsonl");
fs.writeFileSync(file, lines.join("\n"));
const reportFile = path.join(dir, "report.json");
const started = performance.now();
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "scripts/import.ts", "--offers", file, "--report", reportFile],
  {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: "inherit",
  },
);
const wall = (performance.now() - started) / 1000;
const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as {
  offers: { seconds: number; created: number; rejected: number };
};
postgres?.stop();
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `\nDatabase: ${postgres ? "PostgreSQL (throwaway)" : "SQLite"}; ${count} offers (${(
    Buffer.byteLength(lines.join("\n")) / 1e6
  ).toFixed(1)} MB JSON Lines)\n` +
    `import: ${report.offers.seconds.toFixed(1)} s (${(count / report.offers.seconds).toFixed(
      0,
    )} offers/s); whole command incl. start-up: ${wall.toFixed(1)} s; ` +
    `created ${report.offers.created}, rejected ${report.offers.rejected}; exit ${result.status}\n`,
);
