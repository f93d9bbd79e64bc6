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
          // The production build is plain JavaScript: Node loads it itself, as
          // in production. Through vitest's transform it took 4 s per test
          // file to load, against 0.9 s (1.6 s before exceljs was loaded lazily).
          server: { deps: { external: [/\/build\/index\.js$/] } },
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
