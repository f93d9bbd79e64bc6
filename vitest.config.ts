import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Two projects: fast unit tests, and integration tests that run against a
// real database (TEST_DB=sqlite or postgres) and the built Remix app.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "search/**/*.test.ts"],
          exclude: ["app/**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          env: { LOG_LEVEL: "silent", NODE_ENV: "test" },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["app/**/*.integration.test.ts"],
          environment: "node",
          pool: "forks",
          globalSetup: ["app/test-support/global-setup.ts"],
          setupFiles: ["app/test-support/setup-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // The production code path: sanitised errors, Secure cookies.
          env: {
            LOG_LEVEL: "silent",
            NODE_ENV: "production",
            SESSION_SECRET: "integration-tests-secret-0123456789abcdef",
          },
        },
      },
    ],
  },
});
