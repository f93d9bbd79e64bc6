// `npm test`: the whole suite, in the order a failure is cheapest to find.
// Every step runs even after a failure, so one run shows everything broken.
//
// The suite is stages run one after the other; a stage is lanes run at the
// same time, and a lane is steps run one after the other. Two lanes because
// CI has two cores:
// - the integration runs (SQLite and PostgreSQL) are one vitest worker each,
//   so one core each;
// - each database's e2e run follows its own integration run instead of
//   waiting for both, and the widths pass runs mostly in the SQLite e2e run
//   (all but the staff pages, e2e/widths.spec.ts), whose integration run is
//   the shorter, so the lanes end at about the same time. Every step is CPU-bound, so the lanes alone
//   gained little: CI took 2,119–2,201 s before and 2,039–2,158 s after,
//   within the machine's drift (README, Tests).
// The output of a lane's steps is held and printed whole as each ends, so
// the log reads one step at a time.
// TEST_SERIAL=1 runs every step one after the other (a one-core machine, or
// to rule out interference when a test looks flaky).
import { spawn } from "node:child_process";

type Step = { name: string; command: string; env?: Record<string, string> };
type Lane = Step[];

const stages: Lane[][] = [
  // Formatting first: it takes seconds, and a diff that is only reformatting is noise in review.
  [[{ name: "format", command: "npx prettier --check . --loglevel warn" }]],
  [
    [
      { name: "typecheck", command: "npx tsc --noEmit" },
      { name: "lint", command: "npx eslint --max-warnings 0 ." },
    ],
    [
      { name: "build", command: "npx remix build" },
      { name: "unit", command: "npx vitest run --project unit" },
    ],
  ],
  [
    [
      { name: "integration (SQLite)", command: "npx vitest run --project integration", env: { TEST_DB: "sqlite" } },
      { name: "e2e (Chromium, SQLite)", command: "npx playwright test", env: { E2E_DB: "sqlite" } },
    ],
    [
      {
        name: "integration (PostgreSQL)",
        command: "npx vitest run --project integration",
        env: { TEST_DB: "postgres" },
      },
      { name: "e2e (Chromium, PostgreSQL)", command: "npx playwright test", env: { E2E_DB: "postgres" } },
    ],
  ],
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
const chosen = (step: Step) =>
  !only.length || only.some((word) => step.name.toLowerCase().includes(word.toLowerCase()));

for (const stage of stages) {
  const lanes = stage.map((lane) => lane.filter(chosen)).filter((lane) => lane.length > 0);
  if (!lanes.length) continue;
  if (lanes.length === 1 || serial) {
    for (const step of lanes.flat()) {
      process.stdout.write(`\n━━ ${step.name}: ${step.command}\n`);
      const { output: _ignored, ...result } = await run(step, false);
      results.push(result);
    }
    continue;
  }
  process.stdout.write(
    `\n━━ at the same time: ${lanes
      .map((lane) => lane.map((step) => step.name).join(" then "))
      .join("; ")} (output follows each step as it ends)\n`,
  );
  await Promise.all(
    lanes.map(async (lane) => {
      for (const step of lane) {
        const { output, ...result } = await run(step, true);
        process.stdout.write(`\n━━ ${step.name}: ${step.command}\n${output}`);
        results.push(result);
      }
    }),
  );
}

process.stdout.write("\n━━ Summary\n");
for (const r of results) process.stdout.write(`${r.ok ? "PASS" : "FAIL"}  ${r.name} (${r.seconds.toFixed(1)} s)\n`);
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(`steps: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
