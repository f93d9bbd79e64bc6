// Rate-limit counts shared by app processes. Each `loadLimits()` is a fresh
// module graph with its own env, database pool and limiters, as a second app
// process would have. On PostgreSQL they must share one count; on SQLite
// (one machine, one process) the count stays in memory.
import pg from "pg";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { describe, expect, it, vi } from "vitest";

const onPostgres = process.env.DATABASE_URL!.startsWith("postgres");

async function loadLimits(databaseUrl = process.env.DATABASE_URL!) {
  vi.resetModules();
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    return await import("~/utils/rate-limit.server");
  } finally {
    process.env.DATABASE_URL = saved;
  }
}

async function outcome(promise: Promise<unknown>): Promise<"allowed" | "limited"> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof RateLimiterRes) return "limited";
    throw error;
  }
}

describe.runIf(onPostgres)("on PostgreSQL", () => {
  it("two processes starting at once share one count: 6 tries over both trip a limit of 5 once", async () => {
    const a = await loadLimits();
    const b = await loadLimits();
    const options = { keyPrefix: "two-process-test", points: 5, duration: 60 };
    const [first, second] = [a.createLimiter(options), b.createLimiter(options)];
    // Both create the table at the same moment, as two processes booting together would.
    const results = await Promise.all(
      [first, second, first, second, first, second].map((limiter) => outcome(limiter.consume("198.51.100.7"))),
    );
    expect(results.filter((r) => r === "limited")).toHaveLength(1);
    expect(await outcome(second.consume("198.51.100.7"))).toBe("limited");
    // Another key has its own budget.
    expect(await outcome(first.consume("198.51.100.8"))).toBe("allowed");

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const rows = await client.query(
        `SELECT key, points FROM "${a.RATE_LIMIT_TABLE}" WHERE key LIKE 'two-process-test:%' ORDER BY key`,
      );
      expect(rows.rows).toEqual([
        { key: "two-process-test:198.51.100.7", points: 7 },
        { key: "two-process-test:198.51.100.8", points: 1 },
      ]);
    } finally {
      await client.end();
    }
  });

  it("a sign-in counted by one process stops the 6th wrong password on another, and a success clears the pair there too", async () => {
    const a = await loadLimits();
    const b = await loadLimits();
    const email = `Pair-${Date.now()}@example.vn`;
    for (const limits of [a, b, a, b, a]) await limits.signInLimits.begin("203.0.113.9", email);
    await expect(b.signInLimits.begin("::ffff:203.0.113.9", email.toLowerCase())).rejects.toBeInstanceOf(
      b.RateLimitedError,
    );

    const other = `known-${Date.now()}@example.vn`;
    const attempt = await a.signInLimits.begin("203.0.113.10", other);
    await attempt.succeeded();
    // The address is now known to that account in every process: b no longer counts it against the account budget.
    for (let i = 0; i < 5; i++) await b.signInLimits.begin("203.0.113.10", other);
    await expect(a.signInLimits.begin("203.0.113.10", other)).rejects.toBeInstanceOf(a.RateLimitedError);
  });

  it("keeps counting (in this process's memory) when the database does not answer, instead of failing the request", async () => {
    const down = process.env.DATABASE_URL!.replace(/@[^/]+\//, "@127.0.0.1:9/");
    const limits = await loadLimits(down);
    const limiter = limits.createLimiter({ keyPrefix: "db-down", points: 2, duration: 60 });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await outcome(limiter.consume("192.0.2.1")));
    expect(results).toEqual(["allowed", "allowed", "limited"]);
  });

  it("takes a key longer than 255 characters (an e-mail a client made up) in the shared table", async () => {
    const limits = await loadLimits();
    const limiter = limits.createLimiter({ keyPrefix: "long-key", points: 1, duration: 60 });
    const key = `${"a".repeat(300)}@example.vn`;
    expect(await outcome(limiter.consume(key))).toBe("allowed");
    expect(
      await outcome(
        (await loadLimits()).createLimiter({ keyPrefix: "long-key", points: 1, duration: 60 }).consume(key),
      ),
    ).toBe("limited");
  });
});

describe.runIf(!onPostgres)("on SQLite", () => {
  it("counts in this process's memory (one database file, one machine)", async () => {
    const limits = await loadLimits();
    expect(limits.createLimiter({ keyPrefix: "memory", points: 1, duration: 60 })).toBeInstanceOf(RateLimiterMemory);
  });
});
