// End-to-end tests: a real Chromium against the production build, once on a
// fresh SQLite database and once on a fresh PostgreSQL one (scripts/e2e-server.ts).
// E2E_DB=sqlite|postgres runs one of them (and starts only its server).
// Needs `npm run build` first.
import { defineConfig } from "@playwright/test";
import { e2eTargets, outboxDirFor, type E2eDb } from "./e2e/targets";

const only = process.env.E2E_DB;
if (only !== undefined && only !== "" && only !== "sqlite" && only !== "postgres") {
  throw new Error(`E2E_DB must be sqlite or postgres, not "${only}"`);
}
const targets = e2eTargets.filter((target) => !only || target.db === (only as E2eDb));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // Honest results: a flaky test is a failing test, in CI too.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One folder per database when E2E_DB picks one: npm test runs the two at
  // the same time, and each run empties its output folder when it starts.
  outputDir: only ? `test-results/${only}` : "test-results",
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: only ? `playwright-report/${only}` : "playwright-report" }],
  ],
  use: {
    browserName: "chromium",
    headless: true,
    // An English browser: Vietnamese must still be the default until the visitor switches.
    locale: "en-US",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: targets.map(({ db, port }) => ({
    name: `chromium-${db}`,
    metadata: { db, outboxDir: outboxDirFor(db) },
    use: { baseURL: `http://localhost:${port}` },
  })),
  webServer: targets.map(({ db, port }) => ({
    name: db,
    command: `npx tsx scripts/e2e-server.ts --db ${db} --port ${port} --outbox ${outboxDirFor(db)}`,
    url: `http://localhost:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    // SIGTERM lets the script stop the throwaway PostgreSQL and delete its files.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 30_000 },
  })),
});
