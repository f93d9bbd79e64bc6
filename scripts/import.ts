// npm run import -- --offers FILE --problems FILE [--list NAME] [--actor EMAIL] [--report FILE]
// Imports listings from another exchange into whatever DATABASE_URL names
// (the embedded SQLite file by default), creating and migrating it first.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createInstance } from "i18next";
import { migrateDatabase } from "./db-migrate";

const { values } = parseArgs({
  options: {
    offers: { type: "string" },
    problems: { type: "string" },
    list: { type: "string", default: "Imported" },
    actor: { type: "string" },
    report: { type: "string" },
  },
});
if (!values.offers && !values.problems) {
  process.stderr.write(
    "Cách dùng / usage: npm run import -- --offers FILE --problems FILE [--list NAME] [--actor EMAIL] [--report FILE]\n",
  );
  process.exit(2);
}

await migrateDatabase(process.env.DATABASE_URL ?? "");
// Imported after migrating: these modules open the database.
const { db } = await import("~/db.server");
const { commandLineImportActor, importOffers, importProblems } = await import("~/models/import.server");
const { describeReason } = await import("~/utils/import-reasons");
const { i18nOptions } = await import("~/i18n/config");

const t = createInstance();
await t.init({ ...i18nOptions, lng: "vi" });
// Who the audit log and the published list version name: the account given,
// else the first admin, else (a fresh database) the import's own system
// account. Without an actor the problems would be imported but their list
// never published, leaving the public API empty.
let actor: { id: string; name: string; email: string } | null = null;
if (values.actor) {
  actor = await db.user.findUnique({
    where: { email: values.actor.trim().toLowerCase() },
    select: { id: true, name: true, email: true },
  });
  if (!actor) {
    process.stderr.write(
      `Không có tài khoản ${values.actor}; không nhập gì. / No account ${values.actor}; nothing imported.\n`,
    );
    await db.$disconnect();
    process.exit(2);
  }
} else {
  actor =
    (await db.user.findFirst({
      where: { role: "ADMIN" },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, email: true },
    })) ?? (await commandLineImportActor());
}
process.stdout.write(`Người thực hiện / actor: ${actor.name} <${actor.email}>\n`);

const reports: Record<string, unknown> = {};
for (const [kind, file] of [
  ["offers", values.offers],
  ["problems", values.problems],
] as const) {
  if (!file) continue;
  const started = performance.now();
  const content = fs.readFileSync(file, "utf8");
  const report =
    kind === "offers"
      ? await importOffers(file, content, actor.id)
      : await importProblems(file, content, values.list ?? "Imported", actor.id);
  const seconds = (performance.now() - started) / 1000;
  reports[kind] = { file: path.resolve(file), seconds, ...report };
  process.stdout.write(
    `${kind}: ${report.rows.length} dòng trong ${seconds.toFixed(1)} s — ${report.created} tạo mới, ${
      report.updated
    } cập nhật, ${report.rejected} từ chối` +
      (report.listVersion ? `; danh mục ban hành phiên bản ${report.listVersion}` : "") +
      "\n",
  );
  for (const row of report.rows.filter((r) => r.status === "rejected").slice(0, 50)) {
    process.stdout.write(
      `  dòng ${row.line} (${row.key || "?"}): ${row.reasons.map((r) => describeReason(t.t, r)).join("; ")}\n`,
    );
  }
}
if (values.report) fs.writeFileSync(values.report, JSON.stringify(reports, null, 2));
await db.$disconnect();
