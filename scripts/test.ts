// `npm test`: the whole suite, in the order a failure is cheapest to find.
// Every step runs even after a failure, so one run shows everything broken.
import { spawnSync } from "node:child_process";

type Step = { name: string; command: string; env?: Record<string, string> };

const steps: Step[] = [
  { name: "typecheck", command: "npx tsc --noEmit" },
  { name: "lint", command: "npx eslint --max-warnings 0 ." },
  { name: "build", command: "npx remix build" },
  { name: "unit", command: "npx vitest run --project unit" },
  { name: "integration (SQLite)", command: "npx vitest run --project integration", env: { TEST_DB: "sqlite" } },
  { name: "integration (PostgreSQL)", command: "npx vitest run --project integration", env: { TEST_DB: "postgres" } },
  { name: "e2e (Chromium, SQLite and PostgreSQL)", command: "npx playwright test" },
];

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
  if (only.length && !only.some((word) => step.name.toLowerCase().includes(word.toLowerCase()))) continue;
  process.stdout.write(`\n━━ ${step.name}: ${step.command}\n`);
  const started = Date.now();
  const result = spawnSync(step.command, { shell: true, stdio: "inherit", env: { ...process.env, ...step.env } });
  results.push({ name: step.name, ok: result.status === 0, seconds: (Date.now() - started) / 1000 });
}

process.stdout.write("\n━━ Summary\n");
for (const r of results) process.stdout.write(`${r.ok ? "PASS" : "FAIL"}  ${r.name} (${r.seconds.toFixed(1)} s)\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`steps: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
