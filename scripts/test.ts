// `npm test`: the whole suite, in the order a failure is cheapest to find.
// Every step runs even after a failure, so one run shows everything broken.
//
// The two integration runs (SQLite and PostgreSQL) run at the same time:
// each is one vitest worker, so one core each, and together they were two
// thirds of CI's time when run one after the other. Their output is held
// and printed whole, one after the other, so the log reads as before.
// TEST_SERIAL=1 runs them one after the other (a one-core machine, or to
// rule out interference when a test looks flaky).
import { spawn } from "node:child_process";

type Step = { name: string; command: string; env?: Record<string, string> };

const steps: Step[][] = [
  // Formatting first: it takes seconds, and a diff that is only reformatting is noise in review.
  [{ name: "format", command: "npx prettier --check . --loglevel warn" }],
  [{ name: "typecheck", command: "npx tsc --noEmit" }],
  [{ name: "lint", command: "npx eslint --max-warnings 0 ." }],
  [{ name: "build", command: "npx remix build" }],
  [{ name: "unit", command: "npx vitest run --project unit" }],
  [
    { name: "integration (SQLite)", command: "npx vitest run --project integration", env: { TEST_DB: "sqlite" } },
    { name: "integration (PostgreSQL)", command: "npx vitest run --project integration", env: { TEST_DB: "postgres" } },
  ],
  [{ name: "e2e (Chromium, SQLite and PostgreSQL)", command: "npx playwright test" }],
];

type Result = { name: string; ok: boolean; seconds: number };

function run(step: Step, held: boolean): Promise<Result & { output: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, {
      shell: true,
      stdio: held ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...step.env },
    });
    const chunks: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("close", (code) => {
      resolve({
        name: step.name,
        ok: code === 0,
        seconds: (Date.now() - started) / 1000,
        output: Buffer.concat(chunks).toString("utf8"),
      });
    });
  });
}

const only = process.argv.slice(2);
const serial = process.env.TEST_SERIAL === "1";
const results: Result[] = [];
for (const group of steps) {
  const chosen = group.filter(
    (step) => !only.length || only.some((word) => step.name.toLowerCase().includes(word.toLowerCase())),
  );
  if (!chosen.length) continue;
  if (chosen.length === 1 || serial) {
    for (const step of chosen) {
      process.stdout.write(`\n━━ ${step.name}: ${step.command}\n`);
      const { output: _ignored, ...result } = await run(step, false);
      results.push(result);
    }
    continue;
  }
  process.stdout.write(
    `\n━━ at the same time: ${chosen.map((step) => step.name).join(", ")} (output follows each as it ends)\n`,
  );
  await Promise.all(
    chosen.map(async (step) => {
      const { output, ...result } = await run(step, true);
      process.stdout.write(`\n━━ ${step.name}: ${step.command}\n${output}`);
      results.push(result);
    }),
  );
}

process.stdout.write("\n━━ Summary\n");
for (const r of results) process.stdout.write(`${r.ok ? "PASS" : "FAIL"}  ${r.name} (${r.seconds.toFixed(1)} s)\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`steps: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
